/**
 * 外部デジタル人材 (candidate) API: profile, certifications, experience, declared levels, employment history,
 * derived levels, consent to talent pools, contact requests, export and deletion (手順書 §4.4(2), 参考4.4-②③).
 */
import { z } from 'zod'
import { isIsoDate } from '../domain/dates.ts'
import { isValidLocalGovernmentCode } from '../domain/codes.ts'
import { MinistryListing } from '../domain/ministry-list/index.ts'
import { AppointmentForm } from '../domain/postings/form.ts'
import { ExperienceKind, RoleId } from '../domain/skill-standard/schema.ts'
import { CorporateNumber } from './companies.ts'
import { endpoint, page, PageQuery } from './endpoint.ts'

export const CandidateId = z.uuid({ message: '人材IDの形式が正しくありません。' })
export const CandidateIdParams = z.object({ id: CandidateId })

const IsoDate = (label: string) =>
  z.string({ message: `${label}は日付で入力してください。` }).refine(isIsoDate, { message: `${label}は YYYY-MM-DD 形式の正しい日付で入力してください。` })

const text = (label: string, max: number) =>
  z
    .string({ message: `${label}は文字列で入力してください。` })
    .trim()
    .max(max, { message: `${label}は${max}文字以内で入力してください。` })

const optionalText = (label: string, max: number) =>
  text(label, max)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .default(null)

export const PrefectureCode = z.string().regex(/^(0[1-9]|[1-3][0-9]|4[0-7])$/, { message: '都道府県コードは01〜47の2桁で入力してください。' })

/** A region the person will work for: a 都道府県コード (2 digits) or a 団体コード (6 digits with check digit). */
export const RegionCode = z.string().refine((code) => PrefectureCode.safeParse(code).success || isValidLocalGovernmentCode(code), {
  message: '地域は都道府県コード（2桁）または団体コード（6桁）で指定してください。',
})

const uniqueArray = <T extends z.ZodType>(item: T, max: number, label: string) =>
  z
    .array(item)
    .max(max, { message: `${label}は${max}件までです。` })
    .refine((items) => new Set(items as unknown[]).size === items.length, { message: `${label}に重複があります。` })

// ── Profile ───────────────────────────────────────────────────────────────────────────────────────────────────

export const RemotePreference = z.enum(['onsite', 'hybrid', 'remote'], { message: '勤務場所の希望を選んでください。' })
export type RemotePreference = z.infer<typeof RemotePreference>
export const remotePreferenceLabels: Record<RemotePreference, string> = {
  onsite: '現地勤務',
  hybrid: '現地とリモートの併用',
  remote: 'リモート中心',
}

export const Availability = z.object({
  /** 稼働できる日数: per week or per month. */
  days: z.number({ message: '稼働日数は数値で入力してください。' }).positive().max(31).nullable().default(null),
  per: z.enum(['week', 'month'], { message: '稼働日数の単位を選んでください。' }).nullable().default(null),
  earliestStart: IsoDate('勤務開始可能日').nullable().default(null),
  remote: RemotePreference.default('hybrid'),
  /** 副業・兼業: keeps a current employer alongside. */
  sideJob: z.boolean({ message: '副業・兼業は「はい」か「いいえ」で選んでください。' }).default(false),
})
export type Availability = z.infer<typeof Availability>

export const ProfileUpdate = z
  .object({
    fullName: optionalText('氏名', 100),
    fullNameKana: optionalText('氏名（かな）', 100),
    contactEmail: z
      .string()
      .trim()
      .toLowerCase()
      .max(254)
      .pipe(z.email({ message: '連絡先メールアドレスの形式が正しくありません。' }))
      .nullable()
      .default(null),
    phone: z
      .string()
      .trim()
      .regex(/^[0-9+\-() ]{0,30}$/, { message: '電話番号は数字と + - ( ) で30文字以内で入力してください。' })
      .transform((value) => (value === '' ? null : value))
      .nullable()
      .default(null),
    prefectureCode: PrefectureCode.nullable().default(null),
    headline: text('公開用の紹介文', 140).default(''),
    desiredRoles: uniqueArray(RoleId, 4, '希望する人材像').default([]),
    desiredAppointmentForms: uniqueArray(AppointmentForm, 6, '希望する任用形態').default([]),
    availability: Availability.default({ days: null, per: null, earliestStart: null, remote: 'hybrid', sideJob: false }),
    regions: uniqueArray(RegionCode, 100, '勤務できる地域').default([]),
  })
  .superRefine((value, context) => {
    const { days, per } = value.availability
    if ((days === null) !== (per === null)) {
      context.addIssue({ code: 'custom', path: ['availability', days === null ? 'days' : 'per'], message: '稼働日数と単位は両方入力してください。' })
    }
    if (days !== null && per === 'week' && days > 7) {
      context.addIssue({ code: 'custom', path: ['availability', 'days'], message: '週あたりの稼働日数は7日以内で入力してください。' })
    }
  })
export type ProfileUpdate = z.infer<typeof ProfileUpdate>

// ── Certifications, experience, declared levels ──────────────────────────────────────────────────────────────

export const ExamSeason = z.enum(['spring', 'autumn', 'other'], { message: '春期・秋期・その他から選んでください。' })

export const ExamPassInput = z.object({
  examId: z.string().min(1).max(60),
  fiscalYear: z.number({ message: '年度は数値で入力してください。' }).int().min(1969).max(2200),
  season: ExamSeason,
  passedOn: IsoDate('合格日').nullable().default(null),
  /** 情報処理安全確保支援士の登録 (registration number and whether it is current). */
  registration: z
    .object({
      number: z
        .string()
        .trim()
        .regex(/^[0-9A-Za-z-]{1,20}$/, { message: '登録番号は英数字20文字以内で入力してください。' }),
      isCurrent: z.boolean(),
    })
    .nullable()
    .default(null),
})
export type ExamPassInput = z.infer<typeof ExamPassInput>

export const OtherCertificationInput = z
  .object({
    /** From the catalogue (CISA, CISM, PMP …); null for a free entry named in `name`. */
    certificationId: z.string().min(1).max(60).nullable().default(null),
    name: optionalText('資格名', 100),
    acquiredYear: z.number().int().min(1950).max(2200).nullable().default(null),
  })
  .refine((value) => value.certificationId !== null || value.name !== null, { message: '資格を一覧から選ぶか、資格名を入力してください。', path: ['name'] })
export type OtherCertificationInput = z.infer<typeof OtherCertificationInput>

export const ExperienceInput = z.object({
  /** Chosen by the client (crypto.randomUUID) so declared levels can point at a new entry in the same request. */
  id: z.uuid({ message: '経験IDの形式が正しくありません。' }),
  startsOn: IsoDate('開始日'),
  endsOn: IsoDate('終了日').nullable().default(null),
  organisation: text('組織名', 200).min(1, { message: '組織名を入力してください。' }),
  title: text('役職・担当', 200).min(1, { message: '役職・担当を入力してください。' }),
  kind: ExperienceKind,
  teamSize: z.number().int().min(1).max(100_000).nullable().default(null),
  outcomes: text('成果', 4000).default(''),
  /** ITSS 職種 / UISS 人材像 this experience evidences. */
  jobTypeIds: uniqueArray(z.string().min(1).max(60), 5, '対応する職種').default([]),
})
export type ExperienceInput = z.infer<typeof ExperienceInput>

export const LevelClaimInput = z.object({
  id: z.uuid(),
  jobTypeId: z.string().min(1).max(60),
  level: z.number().int(),
  experienceEntryIds: uniqueArray(z.uuid(), 20, '根拠の経験').default([]),
  description: text('実績の説明', 4000).default(''),
})
export type LevelClaimInput = z.infer<typeof LevelClaimInput>

export const SkillsUpdate = z.object({
  exams: z.array(ExamPassInput).max(50).default([]),
  otherCertifications: z.array(OtherCertificationInput).max(50).default([]),
  experiences: z.array(ExperienceInput).max(100).default([]),
  claims: z.array(LevelClaimInput).max(20).default([]),
})
export type SkillsUpdate = z.infer<typeof SkillsUpdate>

// ── Employment history ────────────────────────────────────────────────────────────────────────────────────────

export const EmploymentRelationship = z.enum(['employee', 'officer', 'secondee', 'side_job', 'owner'], {
  message: '関係を一覧から選んでください。',
})
export type EmploymentRelationship = z.infer<typeof EmploymentRelationship>
export const employmentRelationshipLabels: Record<EmploymentRelationship, string> = {
  employee: '従業員',
  officer: '役員',
  secondee: '出向・派遣元',
  side_job: '兼業先',
  owner: '経営者・出資者',
}

export const EmploymentInput = z.object({
  corporateNumber: CorporateNumber,
  /** Needed only when the 法人番号 is not registered yet; the company is then created with this name. */
  companyName: optionalText('法人名', 200),
  relationship: EmploymentRelationship,
  title: optionalText('役職', 200),
  startsOn: IsoDate('開始日'),
  /** Null while current. */
  endsOn: IsoDate('終了日').nullable().default(null),
})
export type EmploymentInput = z.infer<typeof EmploymentInput>

export const EmploymentUpdate = z.object({ entries: z.array(EmploymentInput).max(50) })
export type EmploymentUpdate = z.infer<typeof EmploymentUpdate>

// ── Consent ───────────────────────────────────────────────────────────────────────────────────────────────────

/** Fields a candidate may show in a pool; contact data never (only after accepting a contact request). */
export const PoolField = z.enum(['headline', 'roles', 'levels', 'certifications', 'availability'], { message: '公開する項目を一覧から選んでください。' })
export type PoolField = z.infer<typeof PoolField>
export const poolFieldLabels: Record<PoolField, string> = {
  headline: '紹介文',
  roles: '希望する人材像・任用形態',
  levels: 'スキルレベル',
  certifications: '資格',
  availability: '稼働条件・地域',
}

export const PoolConsent = z.object({
  /** 'national' for the national list, or a 都道府県コード for that prefecture's talent pool. */
  pool: z.union([z.literal('national'), PrefectureCode]),
  fields: uniqueArray(PoolField, 5, '公開する項目').min(1, { message: '公開する項目を1つ以上選んでください。' }),
})
export type PoolConsent = z.infer<typeof PoolConsent>

export const ConsentUpdate = z.object({
  pools: z
    .array(PoolConsent)
    .max(48)
    .refine((pools) => new Set(pools.map((pool) => pool.pool)).size === pools.length, { message: '同じ公開先が重複しています。' }),
})
export type ConsentUpdate = z.infer<typeof ConsentUpdate>

// ── Responses ─────────────────────────────────────────────────────────────────────────────────────────────────

export const LevelVerification = z.object({
  verifiedByUserId: z.string(),
  verifiedByName: z.string(),
  localGovernmentCode: z.string(),
  organisationName: z.string(),
  verifiedAt: z.string(),
})

export const DerivedLevel = z.object({
  jobTypeId: z.string(),
  level: z.number().int(),
  status: z.enum(['exam', 'exam_and_experience', 'self_declared', 'verified']),
  rule: z.enum(['common_exam', 'exam', 'advanced_exam_with_experience', 'advanced_exam_without_experience', 'declared_experience']),
  examId: z.string().nullable(),
  countsAsExamId: z.string().nullable(),
  examPassedOn: z.string().nullable(),
  equivalenceKind: z.enum(['succeeded_by', 'related_to', 'same']).nullable(),
  penalty: z.number().int(),
  experienceEntryIds: z.array(z.string()),
  experienceDays: z.number().int().nullable(),
  claimId: z.string().nullable(),
  verification: LevelVerification.nullable(),
  provenLevel: z.number().int().nullable(),
  explanation: z.string(),
})
export type DerivedLevel = z.infer<typeof DerivedLevel>

export const CandidateLevels = z.object({
  candidateId: z.string(),
  commonLevel: z.number().int().nullable(),
  levels: z.array(DerivedLevel),
  notes: z.array(z.string()),
  heldCertificationIds: z.array(z.string()),
  experienceYearsForLevel4: z.number(),
})
export type CandidateLevels = z.infer<typeof CandidateLevels>

export const ExamPass = ExamPassInput.extend({ sittingLabel: z.string(), examName: z.string() })
export const OtherCertification = z.object({
  certificationId: z.string().nullable(),
  name: z.string().nullable(),
  acquiredYear: z.number().int().nullable(),
})
export const Experience = ExperienceInput
export const LevelClaim = LevelClaimInput.extend({ verification: LevelVerification.nullable() })

export const Employment = z.object({
  id: z.string(),
  corporateNumber: z.string(),
  companyName: z.string(),
  relationship: EmploymentRelationship,
  title: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  isCurrent: z.boolean(),
})
export type Employment = z.infer<typeof Employment>

export const ContactRequest = z.object({
  id: z.string(),
  organisationKey: z.string(),
  organisationName: z.string(),
  message: z.string(),
  status: z.enum(['pending', 'accepted', 'declined']),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
})
export type ContactRequest = z.infer<typeof ContactRequest>

const ProfileFields = z.object({
  fullName: z.string().nullable(),
  fullNameKana: z.string().nullable(),
  contactEmail: z.string().nullable(),
  phone: z.string().nullable(),
  prefectureCode: z.string().nullable(),
  headline: z.string(),
  desiredRoles: z.array(RoleId),
  desiredAppointmentForms: z.array(AppointmentForm),
  availability: z.object({
    days: z.number().nullable(),
    per: z.enum(['week', 'month']).nullable(),
    earliestStart: z.string().nullable(),
    remote: RemotePreference,
    sideJob: z.boolean(),
  }),
  regions: z.array(z.string()),
})

/** The candidate's own view: everything. */
export const OwnCandidateProfile = ProfileFields.extend({
  id: z.string(),
  exams: z.array(ExamPass),
  otherCertifications: z.array(OtherCertification),
  experiences: z.array(Experience),
  claims: z.array(LevelClaim),
  employments: z.array(Employment),
  consent: z.array(PoolConsent),
  levels: CandidateLevels,
  /** The 総務省 外部人材リスト selection national administrators recorded (手順書 参考4.4-⑤); null = not listed. */
  ministryListing: MinistryListing.nullable(),
  updatedAt: z.string(),
})
export type OwnCandidateProfile = z.infer<typeof OwnCandidateProfile>

/**
 * What staff see: `access` says why. `applicant` (applied to the municipality's posting) and `contact_accepted`
 * show contact data; `pool` shows only the fields the candidate chose. Absent fields are null.
 */
export const StaffCandidateView = z.object({
  id: z.string(),
  access: z.enum(['applicant', 'pool', 'contact_accepted']),
  visibleFields: z.array(z.string()),
  fullName: z.string().nullable(),
  fullNameKana: z.string().nullable(),
  contactEmail: z.string().nullable(),
  phone: z.string().nullable(),
  prefectureCode: z.string().nullable(),
  headline: z.string().nullable(),
  desiredRoles: z.array(RoleId).nullable(),
  desiredAppointmentForms: z.array(AppointmentForm).nullable(),
  availability: ProfileFields.shape.availability.nullable(),
  regions: z.array(z.string()).nullable(),
  exams: z.array(ExamPass).nullable(),
  otherCertifications: z.array(OtherCertification).nullable(),
  experiences: z.array(Experience).nullable(),
  claims: z.array(LevelClaim).nullable(),
  levels: CandidateLevels.nullable(),
  /** Employment history with the companies (法人番号), for an applicant only: the facts 入札制限 rests on. */
  employments: z.array(Employment).nullable(),
  /** The 総務省 外部人材リスト selection, verified by the ministry: shown to every staff member who sees the person. */
  ministryListing: MinistryListing.nullable(),
})
export type StaffCandidateView = z.infer<typeof StaffCandidateView>

export const PoolCandidateSummary = z.object({
  id: z.string(),
  headline: z.string().nullable(),
  desiredRoles: z.array(RoleId).nullable(),
  maxLevel: z.number().int().nullable(),
  prefectureCode: z.string().nullable(),
  pools: z.array(z.string()),
})

export const PoolQuery = PageQuery.extend({
  pool: z.union([z.literal('national'), PrefectureCode]),
  jobTypeId: z.string().max(60).optional(),
  minLevel: z.coerce.number().int().min(1).max(7).optional(),
})

export const ClaimVerificationParams = z.object({ id: CandidateId, claimId: z.uuid() })
export const ContactRequestBody = z.object({ message: text('メッセージ', 2000).default('') })
export const ContactDecisionParams = z.object({ requestId: z.uuid() })
export const ContactDecision = z.object({ accept: z.boolean() })

export const CandidateExport = z.object({
  exportedAt: z.string(),
  profile: OwnCandidateProfile,
  contactRequests: z.array(ContactRequest),
  applications: z.array(z.record(z.string(), z.unknown())),
  appointments: z.array(z.record(z.string(), z.unknown())),
  /** Message threads of the person's applications, with every message (attachments by name and size). */
  messageThreads: z.array(z.record(z.string(), z.unknown())),
  /** The national-search filters the person saved, and when. */
  savedSearches: z.array(z.record(z.string(), z.unknown())),
})

export const Deleted = z.object({ deleted: z.literal(true) })

// ── 総務省 外部人材リスト (national administrators) ─────────────────────────────────────────────────────────────

export const ListingSearchQuery = PageQuery.extend({
  q: z
    .string({ message: '氏名またはメールアドレスは文字列で入力してください。' })
    .trim()
    .max(100, { message: '氏名またはメールアドレスは100文字以内で入力してください。' })
    .default(''),
})

/** A person who consented to the national list, as national administrators find them to record a selection. */
export const ListingCandidate = z.object({
  id: z.string(),
  fullName: z.string().nullable(),
  fullNameKana: z.string().nullable(),
  contactEmail: z.string().nullable(),
  headline: z.string(),
  desiredRoles: z.array(RoleId),
  ministryListing: MinistryListing.nullable(),
  /** When and by whom the selection was last recorded, with the reason given. */
  recordedAt: z.string().nullable(),
  reason: z.string().nullable(),
})
export type ListingCandidate = z.infer<typeof ListingCandidate>

export const ListingUpdate = MinistryListing.extend({
  /** Why it is recorded or corrected (e.g. 総務省からの通知の日付・番号); kept in the audit log. */
  reason: z
    .string({ message: '記録の理由を入力してください。' })
    .trim()
    .min(1, { message: '記録の理由を入力してください。' })
    .max(500, { message: '記録の理由は500文字以内で入力してください。' }),
})
export type ListingUpdate = z.infer<typeof ListingUpdate>

export const ListingWithdrawal = ListingUpdate.pick({ reason: true })

// ── Endpoints ─────────────────────────────────────────────────────────────────────────────────────────────────

const tags = ['外部デジタル人材']

export const getOwnProfile = endpoint({
  operationId: 'getOwnProfile',
  method: 'GET',
  path: '/api/candidates/me',
  summary: '自分のプロフィール（すべての項目と判定されたレベル）',
  tags,
  response: OwnCandidateProfile,
})

export const updateOwnProfile = endpoint({
  operationId: 'updateOwnProfile',
  method: 'PUT',
  path: '/api/candidates/me/profile',
  summary: 'プロフィール（氏名・連絡先・希望・稼働条件）の更新',
  tags,
  body: ProfileUpdate,
  response: OwnCandidateProfile,
})

export const updateOwnSkills = endpoint({
  operationId: 'updateOwnSkills',
  method: 'PUT',
  path: '/api/candidates/me/skills',
  summary: '資格・経験・申告レベルの更新（全体を置き換え）',
  tags,
  body: SkillsUpdate,
  response: OwnCandidateProfile,
})

export const updateOwnEmployments = endpoint({
  operationId: 'updateOwnEmployments',
  method: 'PUT',
  path: '/api/candidates/me/employments',
  summary: '職歴（所属先の法人番号・関係・期間）の更新（全体を置き換え、変更は監査ログに記録）',
  tags,
  body: EmploymentUpdate,
  response: OwnCandidateProfile,
})

export const updateOwnConsent = endpoint({
  operationId: 'updateOwnConsent',
  method: 'PUT',
  path: '/api/candidates/me/consent',
  summary: '人材プール・全国リストへの掲載と公開項目',
  tags,
  body: ConsentUpdate,
  response: OwnCandidateProfile,
})

export const exportOwnData = endpoint({
  operationId: 'exportOwnData',
  method: 'GET',
  path: '/api/candidates/me/export',
  summary: '自分のデータをすべて JSON でダウンロード',
  tags,
  response: CandidateExport,
})

export const deleteOwnAccount = endpoint({
  operationId: 'deleteOwnAccount',
  method: 'DELETE',
  path: '/api/candidates/me',
  summary: 'アカウントの削除（応募・任用の記録は匿名化して残す）',
  tags,
  response: Deleted,
})

export const listOwnContactRequests = endpoint({
  operationId: 'listOwnContactRequests',
  method: 'GET',
  path: '/api/candidates/me/contact-requests',
  summary: '届いた連絡先開示の依頼',
  tags,
  response: z.object({ items: z.array(ContactRequest) }),
})

export const decideContactRequest = endpoint({
  operationId: 'decideContactRequest',
  method: 'POST',
  path: '/api/candidates/me/contact-requests/:requestId/decision',
  summary: '連絡先開示の依頼に応じる・断る',
  tags,
  params: ContactDecisionParams,
  body: ContactDecision,
  response: ContactRequest,
})

export const getCandidate = endpoint({
  operationId: 'getCandidate',
  method: 'GET',
  path: '/api/candidates/:id',
  summary: '人材のプロフィール（応募先の団体、または本人が公開を選んだ範囲）',
  tags,
  params: CandidateIdParams,
  response: StaffCandidateView,
})

export const getCandidateLevels = endpoint({
  operationId: 'getCandidateLevels',
  method: 'GET',
  path: '/api/candidates/:id/levels',
  summary: '職種ごとのレベルと根拠',
  tags,
  params: CandidateIdParams,
  response: CandidateLevels,
})

export const verifyLevelClaim = endpoint({
  operationId: 'verifyLevelClaim',
  method: 'POST',
  path: '/api/candidates/:id/level-claims/:claimId/verification',
  summary: '申告されたレベル5〜7を職員が確認する',
  tags,
  params: ClaimVerificationParams,
  response: CandidateLevels,
})

export const requestContact = endpoint({
  operationId: 'requestContact',
  method: 'POST',
  path: '/api/candidates/:id/contact-requests',
  summary: '人材プールの人材に連絡先の開示を依頼する',
  tags,
  params: CandidateIdParams,
  body: ContactRequestBody,
  response: ContactRequest,
  successStatus: 201,
})

export const listPoolCandidates = endpoint({
  operationId: 'listPoolCandidates',
  method: 'GET',
  path: '/api/talent-pool',
  summary: '人材プール・全国リストの人材（本人が公開を選んだ項目のみ）',
  tags,
  query: PoolQuery,
  response: page(PoolCandidateSummary),
})

const listingTags = ['総務省 外部人材リスト']

export const searchListingCandidates = endpoint({
  operationId: 'searchListingCandidates',
  method: 'GET',
  path: '/api/admin/ministry-list',
  summary: '全国リストへの掲載に同意した人材を氏名・メールアドレスで探す（外部人材リストの記録用）',
  tags: listingTags,
  query: ListingSearchQuery,
  response: page(ListingCandidate),
})

export const recordMinistryListing = endpoint({
  operationId: 'recordMinistryListing',
  method: 'PUT',
  path: '/api/admin/ministry-list/:id',
  summary: '総務省 外部人材リストへの選定（人材像・研修の修了・年度）を記録・訂正する（理由とともに監査ログに記録）',
  tags: listingTags,
  params: CandidateIdParams,
  body: ListingUpdate,
  response: ListingCandidate,
})

export const withdrawMinistryListing = endpoint({
  operationId: 'withdrawMinistryListing',
  method: 'POST',
  path: '/api/admin/ministry-list/:id/withdrawal',
  summary: '総務省 外部人材リストへの掲載を取り下げる（理由とともに監査ログに記録）',
  tags: listingTags,
  params: CandidateIdParams,
  body: ListingWithdrawal,
  response: ListingCandidate,
})
