import type { ColumnType, Generated, JSONColumnType } from 'kysely'

/**
 * Table types for Kysely, kept beside the migrations that create them (one interface per table, the owning
 * module named on each). Dates are 'YYYY-MM-DD' strings; instants come back as Date.
 */

type Timestamp = ColumnType<Date, Date | string, Date | string>
/** A NOT NULL instant the database fills in when an insert leaves it out (DEFAULT now()). */
type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>

/** owner: local-governments */
export interface LocalGovernmentTable {
  code: string
  prefecture_code: string
  name: string
  name_kana: string
  prefecture_name: string
  kind: 'prefecture' | 'designated_city' | 'core_city' | 'city' | 'special_ward' | 'town' | 'village'
  population: number | null
  population_source: string | null
  search_text: string
}

/** owner: skill-standard */
export interface SkillStandardEditionTable {
  version: string
  catalog: JSONColumnType<object, string, string>
  is_current: Generated<boolean>
  loaded_at: DefaultedTimestamp
}

/** owner: companies */
export interface CompanyTable {
  corporate_number: string
  name: string
  name_kana: string | null
  created_at: DefaultedTimestamp
  updated_at: DefaultedTimestamp
  address: string | null
  postal_code: string | null
  corporate_kind: string | null
  closed_on: string | null
  close_cause: string | null
  successor_corporate_number: string | null
  nta_process: string | null
  nta_updated_on: string | null
}

/** owner: companies */
export interface CorporateImportTable {
  id: Generated<string>
  file_sha256: string
  file_name: string
  file_path: string
  status: Generated<'pending' | 'running' | 'completed' | 'failed'>
  bytes_total: string | number | null
  bytes_done: Generated<string | number>
  rows_done: Generated<string | number>
  rows_applied: Generated<string | number>
  rows_skipped: Generated<string | number>
  error: string | null
  started_by: string | null
  claimed_by: string | null
  heartbeat_at: NullableTimestamp
  created_at: DefaultedTimestamp
  updated_at: DefaultedTimestamp
  finished_at: NullableTimestamp
}

/** owner: companies */
export interface CompanyLinkTable {
  id: Generated<string>
  kind: 'parent_subsidiary' | 'consolidated_group' | 'related'
  from_corporate_number: string
  to_corporate_number: string
  starts_on: string | null
  ends_on: string | null
  created_at: DefaultedTimestamp
  retracted_at: NullableTimestamp
  retraction_reason: string | null
}

type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>

/** owner: accounts */
export interface AccountTable {
  id: Generated<string>
  kind: 'candidate' | 'municipality' | 'prefecture' | 'national'
  email: string
  display_name: string
  password_hash: string | null
  email_confirmed_at: NullableTimestamp
  local_government_code: string | null
  prefecture_code: string | null
  created_by: string | null
  created_at: DefaultedTimestamp
  /** 0007: set when the account was deleted (row kept, person removed) */
  deleted_at: NullableTimestamp
}

/** owner: accounts */
export interface SessionTable {
  id: Generated<string>
  account_id: string
  token_hash: string
  csrf_token_hash: string
  created_at: Timestamp
  last_seen_at: Timestamp
  expires_at: Timestamp
  ip: string | null
  user_agent: string | null
}

/** owner: accounts */
export interface AccountTokenTable {
  id: Generated<string>
  account_id: string
  purpose: 'email_confirmation' | 'password_reset' | 'invitation'
  token_hash: string
  created_at: Timestamp
  expires_at: Timestamp
  used_at: NullableTimestamp
}

/** owner: audit (append-only: a trigger refuses UPDATE and DELETE) */
export interface AuditEventTable {
  id: Generated<string>
  occurred_at: DefaultedTimestamp
  actor_user_id: string | null
  actor_kind: string
  action: string
  target_type: string | null
  target_id: string | null
  ip: string | null
  request_id: string | null
  prefecture_code: string | null
  local_government_code: string | null
  details: ColumnType<Record<string, unknown>, string | undefined, string>
}

/** owner: mail */
export interface MailOutboxTable {
  id: Generated<string>
  created_at: DefaultedTimestamp
  to_address: string
  subject: string
  body_text: string
  status: Generated<'pending' | 'sent' | 'failed'>
  attempts: Generated<number>
  claimed_until: NullableTimestamp
  next_attempt_at: DefaultedTimestamp
  sent_at: NullableTimestamp
  last_error: string | null
  /** An iCalendar object sent as the message's text/calendar part (interviews). */
  calendar: string | null
  calendar_method: 'REQUEST' | 'CANCEL' | null
}

/** owner: postings (form and checklist are validated by shared/domain/postings on the way in and out) */
export interface PostingTable {
  id: Generated<string>
  municipality_code: string
  prefecture_code: string
  state: Generated<'draft' | 'submitted' | 'returned' | 'forwarded' | 'published' | 'closed'>
  close_reason: 'filled' | 'withdrawn' | 'expired' | null
  revision: Generated<number>
  form: ColumnType<unknown, string, string>
  checklist: ColumnType<unknown, string | undefined, string>
  title: string | null
  role_id: string | null
  appointment_form: string | null
  remote_allowed: boolean | null
  side_job_allowed: boolean | null
  application_ends_on: string | null
  search_text: Generated<string>
  created_by: string | null
  created_at: DefaultedTimestamp
  updated_at: DefaultedTimestamp
  submitted_at: NullableTimestamp
  forwarded_at: NullableTimestamp
  published_at: NullableTimestamp
  revised_at: NullableTimestamp
  closed_at: NullableTimestamp
}

/** owner: postings */
export interface PostingCriterionTable {
  posting_id: string
  position: number
  importance: 'required' | 'preferred'
  kind: 'job_type_level' | 'certification' | 'experience' | 'local_government_experience' | 'ministry_listing' | 'any_of'
  job_type_ids: string[] | null
  min_level: number | null
  certification_ids: string[] | null
  experience_kind: string | null
  min_years: number | null
  note: string | null
  /** any_of rows: the alternatives, as the posting form's JSON (0150) */
  alternatives: ColumnType<unknown[] | null, string | null, string | null>
  /** ministry_listing rows: the 人材像 asked for, null = any (0301) */
  listing_role: ColumnType<string | null, string | null | undefined, string | null>
}

/** owner: postings */
export interface PostingRevisionTable {
  posting_id: string
  revision: number
  form: ColumnType<unknown, string, string>
  created_by: string | null
  created_at: DefaultedTimestamp
}

/** owner: postings */
export interface PostingTransitionTable {
  id: Generated<string>
  seq: Generated<number>
  posting_id: string
  action: 'submit' | 'return' | 'forward' | 'publish' | 'close' | 'expire'
  from_state: string
  to_state: string
  actor_kind: string
  actor_user_id: string | null
  comment: string | null
  occurred_at: DefaultedTimestamp
}

/** owner: postings (特別交付税 rules as data) */
export interface SpecialGrantRuleTable {
  id: string
  rate: number
  recruitment_cap: number
  valid_from_fy: number
  recruitment_valid_from_fy: number
  valid_to_fy: number
  eligible_forms: string[]
  status: 'confirmed' | 'unconfirmed'
  source: string
  updated_at: DefaultedTimestamp
}

/** owner: postings */
export interface PostingSubscriptionTable {
  id: Generated<string>
  email: string
  filters: ColumnType<unknown, string | undefined, string>
  confirm_token_hash: string | null
  confirm_expires_at: NullableTimestamp
  unsubscribe_token: string
  created_at: DefaultedTimestamp
  confirmed_at: NullableTimestamp
  unsubscribed_at: NullableTimestamp
  digest_cursor: NullableTimestamp
}

/** owner: candidates */
export interface CandidateTable {
  id: Generated<string>
  account_id: string | null
  full_name: string | null
  full_name_kana: string | null
  contact_email: string | null
  phone: string | null
  prefecture_code: string | null
  headline: Generated<string>
  desired_roles: Generated<string[]>
  desired_appointment_forms: Generated<string[]>
  available_days: number | null
  available_days_per: 'week' | 'month' | null
  earliest_start: string | null
  remote: Generated<'onsite' | 'hybrid' | 'remote'>
  side_job: Generated<boolean>
  regions: Generated<string[]>
  deleted_at: Timestamp | null
  created_at: DefaultedTimestamp
  updated_at: DefaultedTimestamp
}

/** owner: candidates */
export interface CandidateExamPassTable {
  id: Generated<string>
  candidate_id: string
  position: number
  exam_id: string
  fiscal_year: number
  season: 'spring' | 'autumn' | 'other'
  passed_on: string | null
  registration_number: string | null
  registration_is_current: boolean | null
}

/** owner: candidates */
export interface CandidateOtherCertificationTable {
  id: Generated<string>
  candidate_id: string
  position: number
  certification_id: string | null
  name: string | null
  acquired_year: number | null
}

/** owner: candidates */
export interface CandidateExperienceTable {
  id: string
  candidate_id: string
  position: number
  starts_on: string
  ends_on: string | null
  organisation: string
  title: string
  kind: string
  team_size: number | null
  outcomes: Generated<string>
  job_type_ids: Generated<string[]>
}

/** owner: candidates */
export interface CandidateLevelClaimTable {
  id: string
  candidate_id: string
  position: number
  job_type_id: string
  level: number
  experience_entry_ids: string[]
  description: Generated<string>
  verified_by: string | null
  verified_by_name: string | null
  verified_by_organisation_code: string | null
  verified_by_organisation_name: string | null
  verified_at: Timestamp | null
}

/** owner: candidates */
export interface CandidateEmploymentTable {
  id: Generated<string>
  candidate_id: string
  corporate_number: string
  relationship: 'employee' | 'officer' | 'secondee' | 'side_job' | 'owner'
  title: string | null
  starts_on: string
  ends_on: string | null
  created_at: DefaultedTimestamp
  updated_at: DefaultedTimestamp
}

/** owner: candidates (0300): the 総務省 外部人材リスト selection recorded by national administrators */
export interface CandidateMinistryListingTable {
  candidate_id: string
  roles: string[]
  training_completed: boolean
  fiscal_year: number
  reason: string
  recorded_by: string | null
  recorded_at: DefaultedTimestamp
}

/** owner: candidates */
export interface CandidateConsentTable {
  candidate_id: string
  pool: string
  fields: string[]
  granted_at: DefaultedTimestamp
}

/** owner: candidates */
export interface CandidateContactRequestTable {
  id: Generated<string>
  candidate_id: string
  organisation_key: string
  organisation_name: string
  requested_by: string | null
  message: Generated<string>
  status: Generated<'pending' | 'accepted' | 'declined'>
  created_at: DefaultedTimestamp
  decided_at: Timestamp | null
}

/** owner: candidates */
export interface CandidateScoringProfileTable {
  candidate_id: string
  profile: JSONColumnType<Record<string, unknown>, string, string>
  max_level: Generated<number>
  prefecture_code: string | null
  national_list: Generated<boolean>
  pool_prefecture_codes: Generated<string[]>
  remote: string
  days_per_week: number | null
  side_job: boolean
  updated_at: DefaultedTimestamp
}

/** owner: candidates */
export interface CandidateJobTypeLevelTable {
  candidate_id: string
  job_type_id: string
  level: number
  is_self_declared: boolean
}

/** owner: applications */
export interface ApplicationTable {
  id: Generated<string>
  posting_id: string
  candidate_id: string
  municipality_code: string
  status: Generated<'received' | 'screening' | 'interview' | 'offered' | 'appointed' | 'rejected' | 'declined' | 'withdrawn'>
  motivation: string
  resume: Uint8Array | null
  resume_file_name: string | null
  resume_size: number | null
  interview_at: Timestamp | null
  submitted_at: DefaultedTimestamp
  updated_at: DefaultedTimestamp
  anonymised_at: Timestamp | null
}

/** owner: applications */
export interface ApplicationStepTable {
  id: Generated<string>
  seq: Generated<number>
  application_id: string
  from_status: string | null
  to_status: string
  note: Generated<string>
  interview_at: Timestamp | null
  actor_user_id: string | null
  actor_kind: string
  created_at: DefaultedTimestamp
}

/** owner: applications */
export interface AppointmentTable {
  id: Generated<string>
  application_id: string
  posting_id: string
  candidate_id: string
  municipality_code: string
  role_id: string
  appointment_form: string
  starts_on: string
  ends_on: string
  advises_on_procurement: boolean
  drafts_specifications: boolean
  employment_snapshot: JSONColumnType<unknown[], string, string>
  created_by: string | null
  created_at: DefaultedTimestamp
  /** 0032: 勤務日数 and its unit; both null when unknown (appointments made before 0032). */
  work_days: ColumnType<number | null, number | null | undefined, number | null>
  work_days_per: ColumnType<'week' | 'month' | null, 'week' | 'month' | null | undefined, 'week' | 'month' | null>
}

/** owner: applications (0230): the terms of an appointment, first and renewals */
export interface AppointmentTermTable {
  appointment_id: string
  seq: number
  starts_on: string
  ends_on: string
  ended_early_on: string | null
  end_reason: string | null
  note: Generated<string>
  created_by: string | null
  created_at: DefaultedTimestamp
}

/** owner: applications (0230): the 90/60/30-day reminders sent, one per term and threshold */
export interface AppointmentTermReminderTable {
  appointment_id: string
  seq: number
  days_before: number
  sent_at: DefaultedTimestamp
}

/** owner: applications (0231) */
export interface AppointmentEvaluationTable {
  id: Generated<string>
  appointment_id: string
  term_seq: number
  municipality_code: string
  occasion: 'term_end' | 'on_demand'
  objectives: JSONColumnType<unknown[], string, string>
  assessment: 'exceeded' | 'met' | 'partly_met' | 'not_met'
  assessment_note: Generated<string>
  renewal: 'renew' | 'not_renew' | 'undecided'
  self_review: string | null
  self_reviewed_at: Timestamp | null
  created_by: string | null
  created_at: DefaultedTimestamp
}

/** owner: sharing */
export interface SharingTalentTable {
  id: Generated<string>
  candidate_account_id: string | null
  owner_prefecture_code: string | null
  display_name: string
  available_days_per_week: number
  employments: ColumnType<unknown, string | undefined, string>
  bid_rules: ColumnType<unknown, string | undefined, string>
  created_at: DefaultedTimestamp
  updated_at: DefaultedTimestamp
}

/** owner: sharing */
export interface TalentPoolTable {
  id: Generated<string>
  name: string
  description: Generated<string>
  operator_code: string
  operator_kind: 'prefecture' | 'lead_city'
  is_open: Generated<boolean>
  created_by: string | null
  created_at: DefaultedTimestamp
}

/** owner: sharing */
export interface TalentPoolMemberTable {
  pool_id: string
  local_government_code: string
}

/** owner: sharing */
export interface TalentPoolListingTable {
  id: Generated<string>
  pool_id: string
  talent_id: string
  card: ColumnType<unknown, string, string>
  visible_fields: string[]
  role_ids: Generated<string[]>
  search_text: Generated<string>
  is_listed: Generated<boolean>
  created_at: DefaultedTimestamp
  updated_at: DefaultedTimestamp
}

/** owner: sharing */
export interface TalentEngagementTable {
  id: Generated<string>
  pool_id: string
  listing_id: string
  talent_id: string
  requester_code: string
  topic: string
  detail: Generated<string>
  expected_days: number
  starts_on: string
  ends_on: string
  state: Generated<'requested' | 'offered' | 'agreed' | 'declined' | 'rejected' | 'withdrawn'>
  terms_days: number | null
  terms_pay_yen: number | null
  terms_payer: 'requester' | 'operator' | 'other' | null
  terms_note: string | null
  decision_note: string | null
  warnings: ColumnType<string[], string | undefined, string>
  created_by: string | null
  created_at: DefaultedTimestamp
  updated_at: DefaultedTimestamp
  agreed_at: NullableTimestamp
}

/** owner: sharing */
export interface SharedAppointmentTable {
  id: Generated<string>
  kind: 'shared' | 'joint'
  operator_code: string
  talent_id: string
  title: string
  role_id: string | null
  starts_on: string
  ends_on: string
  days_per_week: number | null
  annual_cost_yen: number | null
  bid_rules: ColumnType<unknown, string | undefined, string>
  created_by: string | null
  created_at: DefaultedTimestamp
}

/** owner: sharing */
export interface SharedAppointmentShareTable {
  appointment_id: string
  local_government_code: string
  days_per_month: number | null
  time_percent: number | null
  cost_yen: number | null
}

/** owner: sharing */
export interface DispatchSettingTable {
  prefecture_code: string
  /** null = 随時 (no limit on times) */
  quota_per_fiscal_year: number | null
  updated_at: DefaultedTimestamp
  scheme_name: Generated<string>
  cost_bearer: Generated<'prefecture' | 'requester' | 'shared'>
  menus_per_fiscal_year: number | null
  max_days_per_request: number | null
  max_hours_per_request: number | null
  requester_kinds: Generated<string[]>
  adviser_expert_id: string | null
  notes: Generated<string>
}

/** owner: sharing */
export interface DispatchExpertTable {
  id: Generated<string>
  prefecture_code: string
  talent_id: string
  themes: Generated<string[]>
  is_active: Generated<boolean>
  created_at: DefaultedTimestamp
}

/** owner: sharing */
export interface DispatchMenuTable {
  id: Generated<string>
  prefecture_code: string
  title: string
  description: Generated<string>
  provider: string | null
  modes: string[]
  is_active: Generated<boolean>
  created_at: DefaultedTimestamp
}

/** owner: sharing */
export interface DispatchRequestTable {
  id: Generated<string>
  prefecture_code: string
  local_government_code: string
  menu_id: string
  topic: string
  detail: Generated<string>
  preferred_dates: ColumnType<string[], string, string>
  mode: 'online' | 'on_site'
  state: Generated<'requested' | 'approved' | 'declined' | 'cancelled' | 'completed'>
  counted_on: string
  expert_id: string | null
  scheduled_on: string | null
  decision_note: string | null
  outcome_summary: string | null
  outcome_days: number | null
  warnings: ColumnType<string[], string | undefined, string>
  created_by: string | null
  created_at: DefaultedTimestamp
  updated_at: DefaultedTimestamp
  decided_at: NullableTimestamp
  completed_at: NullableTimestamp
  requester_kind: Generated<'municipality' | 'board_of_education' | 'chamber_of_commerce'>
  requester_name: string | null
  requested_days: Generated<number>
  requested_hours: number | null
}

/** owner: bid-restrictions */
export interface AppointmentRuleSetTable {
  appointment_id: string
  municipality_code: string
  rules: JSONColumnType<Array<{ templateId: string; params: Record<string, unknown> }>, string, string>
  updated_by: string | null
  updated_at: DefaultedTimestamp
}

/** owner: bid-restrictions */
export interface ProcurementTable {
  id: Generated<string>
  municipality_code: string
  title: string
  categories: string[]
  published_on: string | null
  bids_on: string | null
  rules: JSONColumnType<Array<{ templateId: string; params: Record<string, unknown> }>, string, string>
  spec_drafter_corporate_numbers: string[]
  no_advantage_corporate_numbers: string[]
  pmo_vendor_corporate_numbers: string[]
  expected_bidder_corporate_numbers: string[]
  counterparty_corporate_numbers: string[]
  created_by: string | null
  created_at: DefaultedTimestamp
  updated_at: DefaultedTimestamp
}

/** owner: bid-restrictions */
export interface ProcurementParticipantTable {
  procurement_id: string
  appointment_id: string
  role: 'advises' | 'drafts_spec' | 'evaluates' | 'supervises'
}

/** owner: bid-restrictions */
export interface BidExemptionTable {
  id: Generated<string>
  procurement_id: string
  municipality_code: string
  corporate_number: string
  attests_no_contact: boolean
  accepts_audit: boolean
  contact_history_file_name: string
  contact_history_media_type: 'application/pdf' | 'text/plain'
  contact_history: Uint8Array
  contact_history_size: number
  statement: Generated<string>
  status: Generated<'pending' | 'approved' | 'rejected'>
  decision_reason: string | null
  decided_by: string | null
  decided_at: NullableTimestamp
  applied_by: string | null
  created_at: DefaultedTimestamp
  appointment_id: string | null
}

/** owner: bid-restrictions */
export interface PledgeTable {
  id: Generated<string>
  appointment_id: string
  municipality_code: string
  signer_name: string
  signed_on: string
  disclosed_employers: JSONColumnType<unknown[], string, string>
  side_jobs: JSONColumnType<unknown[], string, string>
  shareholdings: JSONColumnType<unknown[], string, string>
  recorded_by: string | null
  created_at: DefaultedTimestamp
}

/** owner: bid-restrictions (append-only: a trigger refuses UPDATE, DELETE and TRUNCATE) */
export interface BidCheckTable {
  id: Generated<string>
  kind: 'bid' | 'act' | 'restricted_set'
  municipality_code: string
  procurement_id: string
  appointment_id: string | null
  bidder_corporate_number: string | null
  act: string | null
  as_of: string
  decision: string
  /** bid_check_facts.hash (0270): the facts document the check was decided on */
  facts_hash: string
  result: JSONColumnType<object, string, string>
  engine_version: string
  actor_user_id: string | null
  actor_kind: string
  created_at: DefaultedTimestamp
}

/** owner: bid-restrictions (0270): each distinct facts document of the check log once, by the SHA-256 of its JSON */
export interface BidCheckFactsTable {
  hash: string
  facts: JSONColumnType<object, string, string>
}

/** owner: bid-restrictions (0041): 業務委託・派遣・地域活性化起業人の契約 with their A1/A2 rules */
export interface ServiceContractTable {
  id: Generated<string>
  municipality_code: string
  corporate_number: string
  title: string
  kind: 'gyomu_itaku' | 'haken' | 'kigyojin'
  starts_on: string
  ends_on: string | null
  rule_set: JSONColumnType<unknown[], string, string>
  appointment_id: string | null
  created_by: string | null
  created_at: DefaultedTimestamp
}

/** owner: matching (0060, reshaped in 0061): one precomputed row per candidate; arrays follow the layout's job-type/kind order. */
export interface MatchingCandidateVectorTable {
  candidate_id: string
  national_list: boolean
  needs_side_job: boolean
  remote_required: boolean
  days_per_week: number | null
  earliest_start: string | null
  layout: string
  prefecture_code: string | null
  pool_prefecture_codes: string[]
  regions: string[]
  /** verified level × 8 + self-declared level, per job type */
  levels: number[]
  experience_months: number[]
  certification_ids: string[]
  level_tokens: string[]
  /** 'any' and the 人材像 of a 総務省 外部人材リスト selection (0302) */
  listing_tokens: Generated<string[]>
  /** defaults to now() */
  refreshed_at: DefaultedTimestamp
}

/** owner: matching (0060): candidates whose vector is out of date; `version` from a sequence. */
export interface MatchingVectorStaleTable {
  candidate_id: string
  version: ColumnType<number, number | undefined, number>
}

/** owner: matching (0190): a posting's skill lines, stored once per content hash (`skill_plan`). */
export interface MatchingSkillLineTable {
  skill_plan: string
  line: number
  alternative: number
  required: boolean
  kind: string
  positions: number[] | null
  points: number[] | null
  reached: number[] | null
  cap: number | null
  needed: number | null
  certification_ids: string[] | null
  met_points: ColumnType<number, number | undefined, number>
}

/** owner: matching (0190): a published posting's plan: its skill set's hash and its working-condition lines. */
export interface MatchingPostingPlanTable {
  posting_id: string
  open_until: string
  layout: string
  skill_plan: string
  days_at_least: number | null
  days_required: boolean
  days_met: number
  days_partly: number
  remote_always_met: boolean
  remote_always_partly: boolean
  remote_required: boolean
  remote_met: number
  remote_partly: number
  side_job_always_met: boolean
  side_job_required: boolean
  side_job_met: number
  starts_on: string | null
  start_grace_until: string | null
  start_required: boolean
  start_met: number
  start_partly: number
  region_always_met: boolean
  region_always_partly: boolean
  region_prefecture_code: string | null
  region_places: string[]
  region_required: boolean
  region_met: number
  region_partly: number
}

/** owner: matching (0190): postings whose stored plan is out of date; `version` from a sequence. */
export interface MatchingPlanStaleTable {
  posting_id: string
  version: ColumnType<number, number | undefined, number>
}

/** owner: matching (0060): weights a municipality adjusted for one posting (criterion id → weight). */
export interface MatchingPostingSettingsTable {
  posting_id: string
  weights: ColumnType<Record<string, number>, string | undefined, string>
  /** criterion id → signature of the criterion the weight was set for (0062) */
  signatures: ColumnType<Record<string, string>, string | undefined, string>
  updated_by: string | null
  /** defaults to now() */
  updated_at: DefaultedTimestamp
}

/** owner: messages */
export interface MessageThreadTable {
  id: Generated<string>
  application_id: string
  municipality_code: string
  candidate_id: string
  last_message_seq: Generated<number>
  last_message_at: Timestamp | null
  created_at: DefaultedTimestamp
}

/** owner: messages */
export interface MessageTable {
  id: Generated<string>
  seq: Generated<number>
  thread_id: string
  author_side: 'staff' | 'candidate'
  author_account_id: string | null
  body: string
  created_at: DefaultedTimestamp
  anonymised_at: Timestamp | null
}

/** owner: messages */
export interface MessageAttachmentTable {
  id: Generated<string>
  message_id: string
  file_name: string
  size: number
  content: Uint8Array
}

/** owner: messages */
export interface MessageReadTable {
  thread_id: string
  account_id: string
  read_seq: number
}

/** owner: interviews */
export interface InterviewTable {
  id: Generated<string>
  application_id: string
  municipality_code: string
  candidate_id: string
  uid: string
  state: Generated<'proposed' | 'scheduled' | 'reschedule_requested' | 'cancelled'>
  sequence: Generated<number>
  issued: Generated<boolean>
  chosen_slot_id: string | null
  candidate_note: Generated<string>
  cancel_reason: Generated<string>
  reminded_sequence: number | null
  created_by: string | null
  created_at: DefaultedTimestamp
  updated_at: DefaultedTimestamp
}

/** owner: interviews */
export interface InterviewSlotTable {
  id: Generated<string>
  interview_id: string
  position: number
  starts_at: Timestamp
  ends_at: Timestamp
  mode: 'online' | 'in_person'
  location: string
}

export interface SavedSearchTable {
  id: Generated<string>
  account_id: string
  role_id: string | null
  prefecture_code: string | null
  remote_allowed: boolean | null
  side_job_allowed: boolean | null
  keywords: Generated<string>
  filters_key: string
  created_at: Timestamp
  /** 0250: how often new matches are mailed. */
  frequency: Generated<'daily' | 'weekly'>
}

export interface SavedSearchDeliveryTable {
  saved_search_id: string
  posting_id: string
  delivered_at: Timestamp
  /** 0250: the digest that mailed this match (`daily:2026-04-01`, `weekly:2026-03-30`); null until one does. */
  digest_period: string | null
}

/** owner: saved-searches (0250): one row per search and period a digest was mailed for. */
export interface SavedSearchDigestTable {
  saved_search_id: string
  period: string
  postings: number
  sent_at: Timestamp
}

/** owner: jobs (0160) */
export interface JobScheduleTable {
  name: string
  next_run_at: Timestamp
  lease_until: Timestamp | null
  last_started_at: Timestamp | null
  last_finished_at: Timestamp | null
  last_error: string | null
}

export interface AuthAttemptWindowTable {
  key: string
  window_started_at: Timestamp
  attempts: number
}

export interface AuthAccountDelayTable {
  account_key: string
  failures: number
  not_before: Timestamp
  last_attempt_at: Timestamp
}

export interface Database {
  job_schedule: JobScheduleTable
  auth_attempt_window: AuthAttemptWindowTable
  auth_account_delay: AuthAccountDelayTable
  local_government: LocalGovernmentTable
  skill_standard_edition: SkillStandardEditionTable
  company: CompanyTable
  company_link: CompanyLinkTable
  corporate_import: CorporateImportTable
  account: AccountTable
  session: SessionTable
  account_token: AccountTokenTable
  audit_event: AuditEventTable
  mail_outbox: MailOutboxTable
  posting: PostingTable
  posting_criterion: PostingCriterionTable
  posting_revision: PostingRevisionTable
  posting_transition: PostingTransitionTable
  special_grant_rule: SpecialGrantRuleTable
  posting_subscription: PostingSubscriptionTable
  candidate: CandidateTable
  candidate_exam_pass: CandidateExamPassTable
  candidate_other_certification: CandidateOtherCertificationTable
  candidate_experience: CandidateExperienceTable
  candidate_level_claim: CandidateLevelClaimTable
  candidate_employment: CandidateEmploymentTable
  candidate_consent: CandidateConsentTable
  candidate_ministry_listing: CandidateMinistryListingTable
  candidate_contact_request: CandidateContactRequestTable
  candidate_scoring_profile: CandidateScoringProfileTable
  candidate_job_type_level: CandidateJobTypeLevelTable
  application: ApplicationTable
  application_step: ApplicationStepTable
  appointment: AppointmentTable
  sharing_talent: SharingTalentTable
  talent_pool: TalentPoolTable
  talent_pool_member: TalentPoolMemberTable
  talent_pool_listing: TalentPoolListingTable
  talent_engagement: TalentEngagementTable
  shared_appointment: SharedAppointmentTable
  shared_appointment_share: SharedAppointmentShareTable
  dispatch_setting: DispatchSettingTable
  dispatch_expert: DispatchExpertTable
  dispatch_menu: DispatchMenuTable
  dispatch_request: DispatchRequestTable
  appointment_rule_set: AppointmentRuleSetTable
  procurement: ProcurementTable
  procurement_participant: ProcurementParticipantTable
  bid_exemption: BidExemptionTable
  pledge: PledgeTable
  bid_check: BidCheckTable
  bid_check_facts: BidCheckFactsTable
  service_contract: ServiceContractTable
  matching_candidate_vector: MatchingCandidateVectorTable
  matching_vector_stale: MatchingVectorStaleTable
  matching_posting_settings: MatchingPostingSettingsTable
  matching_skill_line: MatchingSkillLineTable
  matching_posting_plan: MatchingPostingPlanTable
  matching_plan_stale: MatchingPlanStaleTable
  message_thread: MessageThreadTable
  message: MessageTable
  message_attachment: MessageAttachmentTable
  message_read: MessageReadTable
  interview: InterviewTable
  interview_slot: InterviewSlotTable
  saved_search: SavedSearchTable
  saved_search_delivery: SavedSearchDeliveryTable
  saved_search_digest: SavedSearchDigestTable
  appointment_term: AppointmentTermTable
  appointment_term_reminder: AppointmentTermReminderTable
  appointment_evaluation: AppointmentEvaluationTable
}
