/**
 * Pure mappings between the other modules' facts and the scorer's inputs, and the precomputed vector row.
 * No I/O: tests and the benchmark use these as they are.
 */
import { daysPerWeekOf } from '#shared/domain/matching/score'
import {
  type AvailabilityNeeds,
  type CandidateFacts,
  type CandidateLevel,
  type MatchCriterion,
  type PostingCriteria,
  type RemoteMode,
  type RemoteNeed,
  availabilityCriteria,
  countedCertificationIds,
  criteriaFromPostingRows,
  wholeMonths,
} from '#shared/domain/matching/index'
import type { Criterion } from '#shared/domain/postings/form'
import { ExperienceKind, findExam, skillStandardCatalog } from '#shared/domain/skill-standard/index'
import type { ScoringProfile } from '../candidates/index.ts'

// ── candidate side ──

const REMOTE_NEED: Record<ScoringProfile['availability']['remote'], RemoteNeed> = { remote: 'required', hybrid: 'preferred', onsite: 'none' }

const BASIS: Record<ScoringProfile['levels'][number]['status'], CandidateLevel['basis']> = {
  exam: 'exam',
  exam_and_experience: 'exam_and_experience',
  self_declared: 'experience',
  verified: 'experience',
}

/** The candidates module's scoring profile as the scorer's CandidateFacts. */
export function factsFromProfile(profile: ScoringProfile): CandidateFacts {
  const levels: CandidateLevel[] = []
  for (const derived of profile.levels) {
    const selfDeclared = derived.status === 'self_declared'
    const evidence = [{ id: `level:${derived.jobTypeId}`, text: derived.explanation }]
    if (derived.examId) {
      const exam = findExam(derived.examId)
      evidence.push({ id: derived.examId, text: `${exam?.name ?? derived.examId} 合格${derived.examPassedOn ? `（${derived.examPassedOn}）` : ''}` })
    }
    for (const entryId of derived.experienceEntryIds) evidence.push({ id: entryId, text: '職務経歴（タグ付けされた経験）' })
    levels.push({ jobTypeId: derived.jobTypeId, level: derived.level, basis: BASIS[derived.status], selfDeclared, evidence })
    // A declared level above what exams prove still leaves the proven level, which counts in full.
    if (selfDeclared && derived.provenLevel !== null && derived.provenLevel > 0) {
      levels.push({
        jobTypeId: derived.jobTypeId,
        level: derived.provenLevel,
        basis: derived.provenLevel >= 4 ? 'exam_and_experience' : 'exam',
        selfDeclared: false,
        evidence: derived.examId ? [{ id: derived.examId, text: `${findExam(derived.examId)?.name ?? derived.examId} 合格` }] : [],
      })
    }
  }
  // A level-1/2 exam gives a level common to every job type (ITSS V3 unified levels).
  if (profile.commonLevel !== null && profile.commonLevel > 0) {
    for (const jobType of skillStandardCatalog.jobTypes) {
      if (levels.some((level) => level.jobTypeId === jobType.id && level.level >= profile.commonLevel!)) continue
      levels.push({ jobTypeId: jobType.id, level: profile.commonLevel, basis: 'exam', selfDeclared: false, evidence: [] })
    }
  }
  return {
    candidateId: profile.candidateId,
    levels,
    certifications: profile.certificationIds.map((id) => ({ id })),
    unregisteredQualificationIds: profile.unregisteredQualificationIds ?? [],
    experiences: ExperienceKind.options.map((kind) => ({ kind, years: profile.experienceYearsByKind[kind] ?? 0 })).filter((experience) => experience.years > 0),
    availability: {
      daysPerWeek: profile.availability.daysPerWeek,
      remote: REMOTE_NEED[profile.availability.remote],
      needsSideJob: profile.availability.sideJob,
      earliestStart: profile.availability.earliestStart,
    },
    ministryListing: profile.ministryListing ?? null,
    prefectureCode: profile.prefectureCode,
    regions: profile.regions,
  }
}

/** The precomputed row (migrations/0061_matching_compact_vector.sql); positions follow VECTOR_JOB_TYPES and VECTOR_KINDS. */
export interface CandidateVector {
  candidateId: string
  layout: string
  nationalList: boolean
  poolPrefectureCodes: string[]
  prefectureCode: string | null
  regions: string[]
  levelTokens: string[]
  /** Per job type, `levelCode(verified, declared)`. */
  levels: number[]
  certificationIds: string[]
  /** 総務省 外部人材リスト: LISTED_ANY and each 人材像 selected for; empty when not listed. */
  listingTokens: string[]
  experienceMonths: number[]
  daysPerWeek: number | null
  /** Only remote work will do; no criterion tells 'preferred' from 'none'. */
  remoteRequired: boolean
  needsSideJob: boolean
  earliestStart: string | null
}

export const VECTOR_JOB_TYPES: readonly string[] = skillStandardCatalog.jobTypes.map((jobType) => jobType.id)
export const VECTOR_KINDS: readonly string[] = ExperienceKind.options

/** Changes whenever the catalogue's job types or the experience kinds change, which invalidates every row. */
export const VECTOR_LAYOUT = `v1:${fnv1a(`${VECTOR_JOB_TYPES.join(',')}|${VECTOR_KINDS.join(',')}`)}`

export function fnv1a(text: string): string {
  let hash = 0x811c9dc5
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash.toString(16).padStart(8, '0')
}

/**
 * A job type's best verified and best self-declared level (each 0–7) in one number, so the ranking SQL reads one
 * array element per job type and looks its points up in a 64-entry table.
 */
export function levelCode(verified: number, declared: number): number {
  return verified * 8 + declared
}

/** The two levels of every code, in code order (index = code): what the ranking SQL tabulates. */
export const LEVEL_CODES: readonly { verified: number; declared: number }[] = Array.from({ length: 64 }, (_, code) => ({
  verified: Math.floor(code / 8),
  declared: code % 8,
}))

/** The listing token every listed person holds, which a listing criterion without a 人材像 asks for. */
export const LISTED_ANY = 'any'

/** Level tokens start at this level (see migrations/0061_matching_compact_vector.sql); gates below it read `levels`. */
export const LEVEL_TOKENS_FROM = 3

export function vectorOf(facts: CandidateFacts, consent: ScoringProfile['consent']): CandidateVector {
  const verified = VECTOR_JOB_TYPES.map(() => 0)
  const declared = VECTOR_JOB_TYPES.map(() => 0)
  const tokens = new Set<string>()
  for (const level of facts.levels) {
    const position = VECTOR_JOB_TYPES.indexOf(level.jobTypeId)
    if (position < 0) continue
    const value = Math.max(0, Math.min(7, Math.floor(level.level)))
    const target = level.selfDeclared ? declared : verified
    target[position] = Math.max(target[position]!, value)
    for (let step = LEVEL_TOKENS_FROM; step <= value; step += 1) tokens.add(`${level.jobTypeId}:${step}`)
  }
  const certifications = new Set<string>()
  for (const held of facts.certifications) for (const counted of countedCertificationIds(held.id)) certifications.add(counted.id)
  const months = VECTOR_KINDS.map((kind) =>
    facts.experiences.filter((experience) => experience.kind === kind).reduce((best, experience) => Math.max(best, wholeMonths(experience.years)), 0),
  )
  return {
    candidateId: facts.candidateId,
    layout: VECTOR_LAYOUT,
    nationalList: consent.nationalList,
    poolPrefectureCodes: [...consent.prefecturePools].sort(),
    prefectureCode: facts.prefectureCode,
    regions: [...facts.regions].sort(),
    levelTokens: [...tokens].sort(),
    levels: verified.map((level, position) => levelCode(level, declared[position]!)),
    certificationIds: [...certifications].sort(),
    listingTokens: facts.ministryListing ? [LISTED_ANY, ...[...facts.ministryListing.roles].sort()] : [],
    experienceMonths: months,
    daysPerWeek: facts.availability.daysPerWeek,
    remoteRequired: facts.availability.remote === 'required',
    needsSideJob: facts.availability.needsSideJob,
    earliestStart: facts.availability.earliestStart,
  }
}

/**
 * Why a candidate may be matched to a posting, or undefined when they may not: applied to it, on the national list,
 * or in the posting's prefecture pool. The same rule as the ranking SQL's consent condition (repository.ts).
 */
export function matchVia(
  candidateId: string,
  consent: ScoringProfile['consent'],
  scope: { prefectureCode: string; applicantIds: readonly string[] },
): 'application' | 'national_list' | 'prefecture_pool' | undefined {
  if (scope.applicantIds.includes(candidateId)) return 'application'
  if (consent.nationalList) return 'national_list'
  if (consent.prefecturePools.includes(scope.prefectureCode)) return 'prefecture_pool'
  return undefined
}

// ── posting side ──

/** What matching needs of a posting besides its criterion rows. */
export interface PostingHeader {
  id: string
  municipalityCode: string
  municipalityName: string
  prefectureCode: string
  prefectureName: string
  state: string
  title: string | null
  roleId: string | null
  workDays: number | null
  workDaysPer: 'week' | 'month' | null
  remoteAllowed: boolean | null
  sideJobAllowed: boolean | null
  termStartsOn: string | null
}

/** The form says only whether remote work is allowed: allowed reads as partly remote (on-site days may remain). */
function remoteModeOf(remoteAllowed: boolean | null): RemoteMode | null {
  return remoteAllowed === null ? null : remoteAllowed ? 'partial' : 'none'
}

export function availabilityNeedsOf(header: PostingHeader): AvailabilityNeeds {
  return {
    daysPerWeek: header.workDays !== null && header.workDaysPer !== null ? daysPerWeekOf(header.workDays, header.workDaysPer) : null,
    remote: remoteModeOf(header.remoteAllowed),
    sideJobAllowed: header.sideJobAllowed,
    termStartsOn: header.termStartsOn,
    prefectureCode: header.prefectureCode,
    prefectureName: header.prefectureName,
    localGovernmentCode: header.municipalityCode,
  }
}

/** Weights a municipality saved for a posting, each with the signature of the criterion it was set for. */
export interface SavedWeights {
  weights: Readonly<Record<string, number>>
  signatures: Readonly<Record<string, string>>
}

/**
 * What a criterion asks for, without its id (a position), importance or note: a weight set for "ST or SC" stays
 * with "ST or SC" wherever staff move it, and lapses when they change what it asks for.
 */
export function criterionSignature(criterion: MatchCriterion): string {
  const { id: _id, importance: _importance, note: _note, ...content } = criterion
  return JSON.stringify(content, (_key, value: unknown) =>
    // Keys in order at every depth, so an any-of criterion's alternatives are compared by all they ask for.
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  )
}

/** The signatures to save with `weights`, from the criteria they are set on now. */
export function signaturesOf(criteria: readonly MatchCriterion[], weights: Readonly<Record<string, number>>): Record<string, string> {
  return Object.fromEntries(criteria.filter((criterion) => criterion.id in weights).map((criterion) => [criterion.id, criterionSignature(criterion)]))
}

/** Saved weights re-keyed to the criteria as they are now. Settings saved without signatures apply by id. */
export function weightsFor(criteria: readonly MatchCriterion[], saved: SavedWeights | undefined): Record<string, number> {
  if (!saved) return {}
  if (Object.keys(saved.signatures).length === 0) return { ...saved.weights }
  const bySignature = new Map<string, number>()
  for (const [id, weight] of Object.entries(saved.weights)) {
    const signature = saved.signatures[id]
    if (signature !== undefined) bySignature.set(signature, weight)
  }
  return Object.fromEntries(
    criteria.flatMap((criterion) => {
      const weight = bySignature.get(criterionSignature(criterion))
      return weight === undefined ? [] : [[criterion.id, weight]]
    }),
  )
}

/** A posting (header + stored criterion rows + saved weights) as the scorer's PostingCriteria. */
export function postingCriteriaOf(header: PostingHeader, rows: readonly Criterion[], saved?: SavedWeights): PostingCriteria {
  const criteria: MatchCriterion[] = [...criteriaFromPostingRows(rows), ...availabilityCriteria(availabilityNeedsOf(header))]
  return { postingId: header.id, roleId: header.roleId, criteria, weights: weightsFor(criteria, saved) }
}
