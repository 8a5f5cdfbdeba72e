/**
 * The scorer's own input types. They are plain data so that the server (from the postings and candidates
 * modules), the benchmarks and the tests can all build them without a database.
 */
import type { ExperienceKind } from '../skill-standard/schema.ts'

export type Importance = 'required' | 'preferred'

/** Posting side of the remote question: on site only, partly remote, or fully remote. */
export type RemoteMode = 'none' | 'partial' | 'full'

/** Candidate side: needs remote work, would like it, or does not care. */
export type RemoteNeed = 'required' | 'preferred' | 'none'

interface CriterionBase {
  /** Stable id (the posting's criterion row id, or `availability.<kind>`); ties and output order use it. */
  id: string
  importance: Importance
  /** Relative weight; when absent the role's default for the kind applies (weights.ts). */
  weight?: number
  /** Free note the municipality added to the criterion; shown as evidence context, never scored. */
  note?: string | null
}

/** UISS/ITSS job type at a minimum level; the job types are alternatives (any of). */
export interface JobTypeLevelCriterion extends CriterionBase {
  kind: 'job_type_level'
  jobTypeIds: string[]
  minLevel: number
}

/** Certifications as alternatives (any of): IPA exam ids (ST, SC, …) or other certification ids (cisa, …). */
export interface CertificationCriterion extends CriterionBase {
  kind: 'certification'
  certificationIds: string[]
}

/** Experience of one kind; null minYears means "some experience of this kind". */
export interface ExperienceCriterion extends CriterionBase {
  kind: 'experience'
  experienceKind: ExperienceKind
  minYears: number | null
}

/** Work in or for a local government (スキル標準 プロデューサー, 手順書 参考4.4-④). */
export interface LocalGovernmentExperienceCriterion extends CriterionBase {
  kind: 'local_government_experience'
  minYears: number | null
}

/**
 * Selected by 総務省 for its 外部人材リスト (手順書 参考4.4-⑤): for one 人材像, or for any when roleId is null.
 * The ministry's own verification, so it is never self-declared.
 */
export interface MinistryListingCriterion extends CriterionBase {
  kind: 'ministry_listing'
  roleId: string | null
}

/** Days a week, one decimal (days a month are converted with `daysPerWeekOf`). */
export interface DaysPerWeekCriterion extends CriterionBase {
  kind: 'days_per_week'
  minDaysPerWeek: number
}

export interface RemoteCriterion extends CriterionBase {
  kind: 'remote'
  remote: RemoteMode
}

/** 副業・兼業: whether the posting lets the person keep their current job. */
export interface SideJobCriterion extends CriterionBase {
  kind: 'side_job'
  sideJobAllowed: boolean
}

export interface StartDateCriterion extends CriterionBase {
  kind: 'start_date'
  /** 'YYYY-MM-DD' */
  termStartsOn: string
}

export interface RegionCriterion extends CriterionBase {
  kind: 'region'
  /** 2-digit prefecture code of the posting's municipality. */
  prefectureCode: string
  prefectureName?: string
  /** 団体コード of the posting's municipality: a candidate who named it among their regions matches too. */
  localGovernmentCode?: string
  remote: RemoteMode
}

/** A criterion of one of the skill kinds a posting row or an alternative can ask for. */
export type SkillCriterion =
  JobTypeLevelCriterion | CertificationCriterion | ExperienceCriterion | LocalGovernmentExperienceCriterion | MinistryListingCriterion

/** What one alternative of an any-of criterion asks for; it takes its id and importance from the group. */
export type CriterionAlternative = SkillCriterion extends infer C ? (C extends SkillCriterion ? Omit<C, keyof CriterionBase> : never) : never

/**
 * Alternatives of different kinds (手順書 参考4.4-④: a level in some job types, or a certification): met when any
 * one is met, scored by the best one, explained by the one that met it.
 */
export interface AnyOfCriterion extends CriterionBase {
  kind: 'any_of'
  alternatives: CriterionAlternative[]
}

export type MatchCriterion =
  | AnyOfCriterion
  | JobTypeLevelCriterion
  | CertificationCriterion
  | ExperienceCriterion
  | LocalGovernmentExperienceCriterion
  | MinistryListingCriterion
  | DaysPerWeekCriterion
  | RemoteCriterion
  | SideJobCriterion
  | StartDateCriterion
  | RegionCriterion

/** A posting as the scorer sees it. */
export interface PostingCriteria {
  postingId: string
  /** 人材像 the posting recruits; picks the default weights. Null or 'other' uses the neutral table. */
  roleId: string | null
  criteria: MatchCriterion[]
  /** Per-criterion weight adjustments the municipality made (criterion id → weight); beats `criterion.weight`. */
  weights?: Readonly<Record<string, number>>
}

/** One reference behind a fact, e.g. the exam pass or the experience entry. */
export interface FactRef {
  id: string
  text: string
}

/** A level the candidate holds for one job type, as derived by shared/domain/levels (手順書 参考4.4-②). */
export interface CandidateLevel {
  jobTypeId: string
  level: number
  /** How the level was judged (CCSF). */
  basis: 'exam' | 'exam_and_experience' | 'experience'
  /** True until municipal/prefectural staff verify it (手順書 参考4.4-② case L11/L12). */
  selfDeclared: boolean
  evidence?: FactRef[]
}

export interface CandidateCertification {
  /** Exam id (current or legacy) or other-certification id. */
  id: string
  /** Display name when the caller knows a better one than the catalogue's. */
  name?: string
}

export interface CandidateExperience {
  kind: ExperienceKind
  /** Years of the union of the tagged periods (overlaps counted once, 手順書 参考4.4-②). */
  years: number
  entries?: FactRef[]
}

export interface CandidateMinistryListing {
  /** 人材像 ids the person was selected for. */
  roles: string[]
  fiscalYear: number
  trainingCompleted: boolean
}

export interface CandidateAvailability {
  daysPerWeek: number | null
  remote: RemoteNeed
  /** The person keeps their current job and takes this one as 副業・兼業. */
  needsSideJob: boolean
  /** 'YYYY-MM-DD'; null = can start at once. */
  earliestStart: string | null
}

/** A candidate as the scorer sees them. */
export interface CandidateFacts {
  candidateId: string
  levels: CandidateLevel[]
  certifications: CandidateCertification[]
  /** Registered qualifications passed without a current registration: not held, and the explanation says why. */
  unregisteredQualificationIds?: string[]
  /** Local-government work is the `local_government` kind. */
  experiences: CandidateExperience[]
  availability: CandidateAvailability
  /** The 総務省 外部人材リスト selection recorded by national administrators; absent or null = not listed. */
  ministryListing?: CandidateMinistryListing | null
  /** Home prefecture (2 digits). */
  prefectureCode: string | null
  /** Prefecture codes (2 digits) or 団体コード (6 digits) the person is willing to work for, besides home. */
  regions: string[]
}

/**
 * A 入札制限 preview computed elsewhere (bid-restrictions module): the candidate's current or recent employer
 * supplies or bids to this municipality. Informative only; it never excludes anyone.
 */
export interface BidRestrictionFlag {
  candidateId: string
  /** The posting (municipality) the flag concerns; absent = every posting scored in this call. */
  postingId?: string
  reason: string
}

export interface ScoreOptions {
  bidRestrictionFlags?: readonly BidRestrictionFlag[]
}
