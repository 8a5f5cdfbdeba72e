/**
 * Shapes of a match explanation: what the scorer returns and the API sends as is (shared/contracts/matching.ts).
 * One zod schema per shape; the TypeScript types are inferred from them.
 */
import { z } from 'zod'

/**
 * Kinds of criteria. The first six are stored on the posting as rows (shared/domain/postings/form.ts); the
 * availability kinds come from the posting's working conditions (days per week, remote, 副業, term start, region).
 */
export const MatchCriterionKind = z.enum([
  'job_type_level',
  'certification',
  'experience',
  'local_government_experience',
  'ministry_listing',
  'any_of',
  'days_per_week',
  'remote',
  'side_job',
  'start_date',
  'region',
])
export type MatchCriterionKind = z.infer<typeof MatchCriterionKind>

export const CriterionStatus = z.enum(['met', 'partly_met', 'not_met'])
export type CriterionStatus = z.infer<typeof CriterionStatus>

export const EvidenceType = z.enum(['level', 'certification', 'experience', 'listing', 'availability', 'note'])
export type EvidenceType = z.infer<typeof EvidenceType>

/** One fact the line rests on: which certification, which experience entry, which derived level. */
export const Evidence = z.object({
  type: EvidenceType,
  /** Id of the certification, experience entry or job type the text names; null for a plain note. */
  refId: z.string().nullable(),
  text: z.string(),
  /** True when the fact is the candidate's own, unverified claim (手順書 参考4.4-②: levels 5–7 until verified). */
  selfDeclared: z.boolean(),
})
export type Evidence = z.infer<typeof Evidence>

/** One explanation line. `points` includes `bonusPoints`; a result's score is the sum of its lines' points. */
export const CriterionLine = z.object({
  criterionId: z.string(),
  label: z.string(),
  kind: MatchCriterionKind,
  required: z.boolean(),
  status: CriterionStatus,
  points: z.number().int().min(0),
  maxPoints: z.number().int().min(0),
  /** The part of `points` earned by exceeding the minimum (level or years). */
  bonusPoints: z.number().int().min(0),
  evidence: z.array(Evidence),
})
export type CriterionLine = z.infer<typeof CriterionLine>

/** What still separates an ineligible candidate from a posting: one entry per required criterion not met. */
export const MatchGap = z.object({
  criterionId: z.string(),
  label: z.string(),
  status: CriterionStatus,
  message: z.string(),
})
export type MatchGap = z.infer<typeof MatchGap>

export const MatchFlagCode = z.enum(['self_declared_level', 'bid_restriction'])
export type MatchFlagCode = z.infer<typeof MatchFlagCode>

/** Informative marks on a result; a flag never changes eligibility or score. */
export const MatchFlag = z.object({
  code: MatchFlagCode,
  message: z.string(),
  criterionId: z.string().nullable(),
})
export type MatchFlag = z.infer<typeof MatchFlag>

export const MatchResult = z.object({
  candidateId: z.string(),
  postingId: z.string(),
  eligible: z.boolean(),
  score: z.number().int().min(0).max(100),
  criteria: z.array(CriterionLine),
  gaps: z.array(MatchGap),
  flags: z.array(MatchFlag),
})
export type MatchResult = z.infer<typeof MatchResult>
