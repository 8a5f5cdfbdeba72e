/**
 * Compiles a ScoringPlan into SQL over matching_candidate_vector: a gate (every required criterion met) and a score
 * expression. The SQL holds no scoring rule of its own: every number in it is tabulated by calling the pure scorer
 * (`scoreLine`, `availabilityPoints`) on synthetic facts, so the database ranks by exactly the points the
 * explanation shows. api.test.ts checks SQL and JS agree on random candidates.
 */
import { type RawBuilder, sql } from 'kysely'
import {
  type CandidateFacts,
  type CriterionStatus,
  MONTHS_FOR_FULL_BONUS,
  type PlannedLine,
  START_GRACE_DAYS,
  type ScoringPlan,
  alternativeLine,
  availabilityPoints,
  requiredMonths,
  scoreLine,
} from '#shared/domain/matching/index'
import { addDays } from '#shared/domain/dates'
import { LEVEL_CODES, LEVEL_TOKENS_FROM, LISTED_ANY, VECTOR_JOB_TYPES, VECTOR_KINDS } from './facts.ts'

const EMPTY: CandidateFacts = {
  candidateId: '',
  levels: [],
  certifications: [],
  experiences: [],
  availability: { daysPerWeek: null, remote: 'none', needsSideJob: false, earliestStart: null },
  prefectureCode: null,
  regions: [],
}

const int = (value: number) => sql.raw(String(Math.trunc(value)))

/**
 * `table[index]`: a lookup table tabulated from the scorer, as a zero-based array literal ('[0:n]={…}') so the
 * index needs no `+ 1` on every row.
 */
function lookup(table: readonly number[], index: RawBuilder<unknown>): RawBuilder<number> {
  if (table.every((value) => value === 0)) return sql<number>`0`
  return sql<number>`('[0:${sql.raw(String(table.length - 1))}]={${sql.raw(table.map((value) => Math.trunc(value)).join(','))}}'::int[])[${index}]`
}

/**
 * A line's scoring as data: which vector element it reads and the points of every value of it, tabulated by the
 * scorer. Both directions compile from this — ranking inlines it as SQL literals (compilePlan), recommendations
 * store it as rows of the posting's plan (plan-rows.ts) — so neither holds a scoring rule of its own.
 */
export type LineTable =
  | { kind: 'none' }
  /** 手順書 参考4.4-④ 「いずれか」: the best alternative's points; met when any alternative is. */
  | { kind: 'any_of'; alternatives: SkillTable[] }
  /** `positions`: 0-based job-type positions; `points`/`reached` indexed by level code; `tokens` when GIN can gate. */
  | { kind: 'level'; positions: number[]; points: number[]; reached: number[]; tokens: string[] | null }
  | { kind: 'certification'; ids: string[]; points: number }
  /** 手順書 参考4.4-⑤: met when the vector's listing tokens hold `token` (a 人材像, or 'any'). */
  | { kind: 'listing'; token: string; points: number }
  /** `points` indexed by whole months, the last entry for any longer experience; met from `needed` months. */
  | { kind: 'experience'; position: number; needed: number; points: number[] }
  | { kind: 'days'; atLeast: number; met: number; partly: number }
  | { kind: 'remote'; alwaysMet: boolean; alwaysPartly: boolean; met: number; partly: number }
  | { kind: 'side_job'; alwaysMet: boolean; met: number }
  | { kind: 'start'; startsOn: string; graceUntil: string; met: number; partly: number }
  | { kind: 'region'; alwaysMet: boolean; alwaysPartly: boolean; prefectureCode: string; places: string[]; met: number; partly: number }

/** The kinds an any-of criterion's alternatives come in. */
export type SkillTable = Extract<LineTable, { kind: 'none' | 'level' | 'certification' | 'experience' | 'listing' }>

export function tabulateLine(line: PlannedLine): LineTable {
  const criterion = line.criterion
  const points = (status: CriterionStatus) => Math.trunc(availabilityPoints(line, status))
  switch (criterion.kind) {
    case 'any_of':
      return {
        kind: 'any_of',
        alternatives: criterion.alternatives.map((alternative) => tabulateLine(alternativeLine({ ...line, criterion }, alternative)) as SkillTable),
      }
    case 'job_type_level': {
      const positions = criterion.jobTypeIds.map((id) => VECTOR_JOB_TYPES.indexOf(id)).filter((position) => position >= 0)
      if (positions.length === 0) return { kind: 'none' }
      const jobTypeId = VECTOR_JOB_TYPES[positions[0]!]!
      const pointsAt = (level: number, selfDeclared: boolean) =>
        scoreLine(line, level === 0 ? EMPTY : { ...EMPTY, levels: [{ jobTypeId, level, basis: 'exam', selfDeclared }] }).points
      return {
        kind: 'level',
        positions,
        // A candidate's points for the line are the better of their verified and their self-declared level's.
        points: LEVEL_CODES.map(({ verified, declared }) => Math.trunc(Math.max(pointsAt(verified, false), pointsAt(declared, true)))),
        reached: LEVEL_CODES.map(({ verified, declared }) => (Math.max(verified, declared) >= criterion.minLevel ? 1 : 0)),
        tokens: criterion.minLevel >= LEVEL_TOKENS_FROM ? criterion.jobTypeIds.map((id) => `${id}:${criterion.minLevel}`) : null,
      }
    }
    case 'certification':
      return {
        kind: 'certification',
        ids: [...criterion.certificationIds],
        points: Math.trunc(scoreLine(line, { ...EMPTY, certifications: [{ id: criterion.certificationIds[0]! }] }).points),
      }
    case 'ministry_listing': {
      const listed = { roles: criterion.roleId === null ? ['producer'] : [criterion.roleId], fiscalYear: 2022, trainingCompleted: true }
      return {
        kind: 'listing',
        token: criterion.roleId ?? LISTED_ANY,
        points: Math.trunc(scoreLine(line, { ...EMPTY, ministryListing: listed }).points),
      }
    }
    case 'experience':
    case 'local_government_experience': {
      const kind = criterion.kind === 'experience' ? criterion.experienceKind : 'local_government'
      const position = VECTOR_KINDS.indexOf(kind)
      if (position < 0) return { kind: 'none' }
      const needed = requiredMonths(criterion.minYears)
      // Points per whole month up to where the bonus is complete; longer experience reads the last entry.
      const cap = needed + MONTHS_FOR_FULL_BONUS
      const table = Array.from({ length: cap + 1 }, (_, months) =>
        Math.trunc(scoreLine(line, { ...EMPTY, experiences: months > 0 ? [{ kind, years: months / 12 }] : [] }).points),
      )
      return { kind: 'experience', position, needed, points: table }
    }
    case 'days_per_week':
      return { kind: 'days', atLeast: criterion.minDaysPerWeek, met: points('met'), partly: points('partly_met') }
    case 'remote':
      return {
        kind: 'remote',
        alwaysMet: criterion.remote === 'full',
        alwaysPartly: criterion.remote === 'partial',
        met: points('met'),
        partly: points('partly_met'),
      }
    case 'side_job':
      return { kind: 'side_job', alwaysMet: criterion.sideJobAllowed, met: points('met') }
    case 'start_date':
      return {
        kind: 'start',
        startsOn: criterion.termStartsOn,
        graceUntil: addDays(criterion.termStartsOn, START_GRACE_DAYS),
        met: points('met'),
        partly: points('partly_met'),
      }
    case 'region':
      return {
        kind: 'region',
        alwaysMet: criterion.remote === 'full',
        alwaysPartly: criterion.remote === 'partial',
        prefectureCode: criterion.prefectureCode,
        places: [criterion.prefectureCode, ...(criterion.localGovernmentCode ? [criterion.localGovernmentCode] : [])],
        met: points('met'),
        partly: points('partly_met'),
      }
  }
}

/** CASE on status conditions, with the points of each status. */
function byStatus(met: RawBuilder<boolean>, metPoints: number, partly: RawBuilder<boolean> | null, partlyPoints: number): RawBuilder<number> {
  if (metPoints === 0) return sql<number>`0`
  if (partly === null || partlyPoints === 0) return sql<number>`(CASE WHEN ${met} THEN ${int(metPoints)} ELSE 0 END)`
  return sql<number>`(CASE WHEN ${met} THEN ${int(metPoints)} WHEN ${partly} THEN ${int(partlyPoints)} ELSE 0 END)`
}

export interface CompiledLine {
  points: RawBuilder<number>
  /** Condition for status `met`; used as a gate when the line is required. */
  met: RawBuilder<boolean>
}

const always = (value: boolean) => (value ? sql<boolean>`true` : sql<boolean>`false`)

function compileLine(line: PlannedLine): CompiledLine {
  return compileTable(tabulateLine(line))
}

function compileTable(table: LineTable): CompiledLine {
  switch (table.kind) {
    case 'none':
      return { points: sql<number>`0`, met: sql<boolean>`false` }
    case 'any_of': {
      // The best alternative's points and status: GREATEST of the points, OR of the gates.
      const alternatives = table.alternatives.map(compileTable)
      return {
        points: sql<number>`GREATEST(${sql.join(alternatives.map((alternative) => alternative.points))})`,
        met: sql<boolean>`(${sql.join(
          alternatives.map((alternative) => alternative.met),
          sql` OR `,
        )})`,
      }
    }
    case 'level': {
      const element = (position: number) => sql.raw(`levels[${position + 1}]`)
      const met = table.tokens
        ? sql<boolean>`(level_tokens && ${table.tokens}::text[])`
        : sql<boolean>`(GREATEST(${sql.join(table.positions.map((position) => lookup(table.reached, element(position))))}) = 1)`
      return { points: sql<number>`GREATEST(${sql.join(table.positions.map((position) => lookup(table.points, element(position))))})`, met }
    }
    case 'certification': {
      const met = sql<boolean>`(certification_ids && ${table.ids}::text[])`
      return { points: byStatus(met, table.points, null, 0), met }
    }
    case 'listing': {
      const met = sql<boolean>`(listing_tokens && ${[table.token]}::text[])`
      return { points: byStatus(met, table.points, null, 0), met }
    }
    case 'experience': {
      const column = sql.raw(`experience_months[${table.position + 1}]`)
      const cap = table.points.length - 1
      return { points: lookup(table.points, sql`LEAST(${column}, ${int(cap)})`), met: sql<boolean>`(${column} >= ${int(table.needed)})` }
    }
    case 'days': {
      const met = sql<boolean>`(days_per_week IS NOT NULL AND days_per_week >= ${table.atLeast})`
      const partly = sql<boolean>`(days_per_week > 0 AND days_per_week >= ${table.atLeast - 1})`
      return { points: byStatus(met, table.met, partly, table.partly), met }
    }
    case 'remote': {
      const met = table.alwaysMet ? sql<boolean>`true` : sql<boolean>`(NOT remote_required)`
      return { points: byStatus(met, table.met, always(table.alwaysPartly), table.partly), met }
    }
    case 'side_job': {
      const met = table.alwaysMet ? sql<boolean>`true` : sql<boolean>`(NOT needs_side_job)`
      return { points: byStatus(met, table.met, null, 0), met }
    }
    case 'start': {
      const met = sql<boolean>`(earliest_start IS NULL OR earliest_start <= ${table.startsOn}::date)`
      const partly = sql<boolean>`(earliest_start <= ${table.graceUntil}::date)`
      return { points: byStatus(met, table.met, partly, table.partly), met }
    }
    case 'region': {
      if (table.alwaysMet) return { points: byStatus(sql<boolean>`true`, table.met, null, 0), met: sql<boolean>`true` }
      const met = sql<boolean>`(prefecture_code IS NOT DISTINCT FROM ${table.prefectureCode} OR regions && ${table.places}::text[])`
      return { points: byStatus(met, table.met, always(table.alwaysPartly), table.partly), met }
    }
  }
}

export interface CompiledPlan {
  /** Sum of the lines' points. */
  score: RawBuilder<number>
  /** Every required line met (true when there is none). */
  eligible: RawBuilder<boolean>
}

export function compilePlan(plan: ScoringPlan): CompiledPlan {
  const lines = plan.lines.map((line) => ({ line, compiled: compileLine(line) }))
  const scoring = lines.map(({ compiled }) => compiled.points)
  const gates = lines.filter(({ line }) => line.required).map(({ compiled }) => compiled.met)
  return {
    score: scoring.length === 0 ? sql<number>`0` : sql<number>`(${sql.join(scoring, sql` + `)})`,
    eligible: gates.length === 0 ? sql<boolean>`true` : sql<boolean>`(${sql.join(gates, sql` AND `)})`,
  }
}
