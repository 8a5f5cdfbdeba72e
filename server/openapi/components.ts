/**
 * Shared shapes named in the OpenAPI document: each zod schema listed here is registered with zod's global
 * registry under its contract name, so the document refers to one component (`#/components/schemas/…`) instead
 * of repeating it in every operation. The type provider adds an `…Input` twin where the request shape differs.
 */
import { z } from 'zod'
import * as accounts from '#shared/contracts/accounts'
import * as applications from '#shared/contracts/applications'
import * as audit from '#shared/contracts/audit'
import * as bids from '#shared/contracts/bid-restrictions'
import * as candidates from '#shared/contracts/candidates'
import * as companies from '#shared/contracts/companies'
import * as localGovernments from '#shared/contracts/local-governments'
import * as mail from '#shared/contracts/mail'
import * as openData from '#shared/contracts/open-data'
import * as matching from '#shared/contracts/matching'
import * as postings from '#shared/contracts/postings'
import * as sharing from '#shared/contracts/sharing'
import * as skills from '#shared/domain/skill-standard/schema'
import { ErrorBody, ErrorDetail } from '#shared/errors'

const NAMED: Record<string, z.ZodType> = {
  ErrorBody,
  ErrorDetail,
  // accounts, audit, mail
  Account: accounts.Account,
  Me: accounts.Me,
  StaffAccount: accounts.StaffAccount,
  AuditEvent: audit.AuditEvent,
  MailOutboxItem: mail.MailOutboxItem,
  // reference data
  LocalGovernment: localGovernments.LocalGovernment,
  Company: companies.Company,
  CompanyLink: companies.CompanyLink,
  SourceRef: skills.SourceRef,
  JobType: skills.JobType,
  Exam: skills.Exam,
  ExamEvidence: skills.ExamEvidence,
  Role: skills.Role,
  CertificationEntry: skills.OtherCertification,
  ExperienceKind: skills.ExperienceKind,
  // postings (標準募集様式)
  PostingForm: postings.PostingForm,
  PublicPostingForm: postings.PublicPostingForm,
  Criterion: postings.Criterion,
  CriterionImportance: postings.CriterionImportance,
  DutyArea: postings.DutyArea,
  BidRestrictionClause: postings.BidRestrictionClause,
  PostingRoleId: postings.PostingRoleId,
  AppointmentForm: postings.AppointmentForm,
  PayUnit: postings.PayUnit,
  WorkDaysPer: postings.WorkDaysPer,
  SelectionStep: postings.SelectionStep,
  PostingState: postings.PostingState,
  PostingAction: postings.PostingAction,
  CloseReason: postings.CloseReason,
  ChecklistEntry: postings.ChecklistEntry,
  PostingMunicipality: postings.PostingMunicipality,
  SpecialGrantEstimate: postings.SpecialGrantEstimateBody,
  PostingTransitionRecord: postings.PostingTransitionRecord,
  BidRestrictionText: postings.BidRestrictionText,
  StaffPosting: postings.StaffPosting,
  StaffPostingSummary: postings.StaffPostingSummary,
  PublicPosting: postings.PublicPosting,
  PostingSummary: postings.PostingSummary,
  // open data
  OpenDataFeed: openData.OpenDataFeed,
  OpenDataPosting: openData.OpenDataPosting,
  OpenDataCriterion: openData.OpenDataCriterion,
  OpenDataAlternative: openData.OpenDataAlternative,
  // candidates
  Availability: candidates.Availability,
  DerivedLevel: candidates.DerivedLevel,
  CandidateLevels: candidates.CandidateLevels,
  LevelVerification: candidates.LevelVerification,
  ExamPass: candidates.ExamPass,
  HeldCertification: candidates.OtherCertification,
  LevelClaim: candidates.LevelClaim,
  Employment: candidates.Employment,
  ContactRequest: candidates.ContactRequest,
  PoolConsent: candidates.PoolConsent,
  OwnCandidateProfile: candidates.OwnCandidateProfile,
  StaffCandidateView: candidates.StaffCandidateView,
  // applications
  ApplicationStatus: applications.ApplicationStatus,
  ApplicationStep: applications.ApplicationStep,
  Appointment: applications.Appointment,
  ApplicationSummary: applications.ApplicationSummary,
  ApplicationDetail: applications.ApplicationDetail,
  // matching
  CandidateMatch: matching.CandidateMatch,
  PostingRecommendation: matching.PostingRecommendation,
  // bid restrictions
  Procurement: bids.Procurement,
  ProcurementParticipant: bids.ProcurementParticipant,
  ServiceContract: bids.ServiceContract,
  AppointmentRuleSet: bids.AppointmentRuleSet,
  BidFinding: bids.BidFinding,
  BidCheckResult: bids.BidCheckResult,
  RestrictedCompany: bids.RestrictedCompany,
  Exemption: bids.Exemption,
  Pledge: bids.Pledge,
  // sharing
  Talent: sharing.Talent,
  TalentEmployment: sharing.TalentEmployment,
  Capacity: sharing.Capacity,
  PoolCard: sharing.PoolCard,
  Pool: sharing.Pool,
  Listing: sharing.Listing,
  Engagement: sharing.Engagement,
  ConflictFinding: sharing.ConflictFinding,
  SharedAppointment: sharing.SharedAppointment,
  DispatchExpert: sharing.DispatchExpert,
  DispatchMenu: sharing.DispatchMenu,
  DispatchRequest: sharing.DispatchRequest,
  Dashboard: sharing.Dashboard,
}

for (const [id, schema] of Object.entries(NAMED)) {
  if (!z.globalRegistry.has(schema)) z.globalRegistry.add(schema, { ...z.globalRegistry.get(schema), id })
}
