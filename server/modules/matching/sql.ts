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
import { LEVEL_CODES, LEVEL_TOKENS_FROM, VECTOR_JOB_TYPES, VECTOR_KINDS } from './facts.ts'

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

/** CASE on status conditions, with the points of each status from the scorer. */
function byStatus(line: PlannedLine, met: RawBuilder<boolean>, partly: RawBuilder<boolean> | null): RawBuilder<number> {
  const points = (status: CriterionStatus) => availabilityPoints(line, status)
  if (points('met') === 0) return sql<number>`0`
  if (partly === null || points('partly_met') === 0) return sql<number>`(CASE WHEN ${met} THEN ${int(points('met'))} ELSE 0 END)`
  return sql<number>`(CASE WHEN ${met} THEN ${int(points('met'))} WHEN ${partly} THEN ${int(points('partly_met'))} ELSE 0 END)`
}

export interface CompiledLine {
  points: RawBuilder<number>
  /** Condition for status `met`; used as a gate when the line is required. */
  met: RawBuilder<boolean>
}

function compileLine(line: PlannedLine): CompiledLine {
  const criterion = line.criterion
  switch (criterion.kind) {
    case 'any_of': {
      // The best alternative's points and status (手順書 参考4.4-④ 「いずれか」): GREATEST of the points, OR of the gates.
      const alternatives = criterion.alternatives.map((alternative) => compileLine(alternativeLine({ ...line, criterion }, alternative)))
      return {
        points: sql<number>`GREATEST(${sql.join(alternatives.map((alternative) => alternative.points))})`,
        met: sql<boolean>`(${sql.join(alternatives.map((alternative) => alternative.met), sql` OR `)})`,
      }
    }
    case 'job_type_level': {
      const positions = criterion.jobTypeIds.map((id) => VECTOR_JOB_TYPES.indexOf(id)).filter((position) => position >= 0)
      if (positions.length === 0) return { points: sql<number>`0`, met: sql<boolean>`false` }
      const jobTypeId = VECTOR_JOB_TYPES[positions[0]!]!
      const pointsAt = (level: number, selfDeclared: boolean) =>
        scoreLine(line, level === 0 ? EMPTY : { ...EMPTY, levels: [{ jobTypeId, level, basis: 'exam', selfDeclared }] }).points
      // A candidate's points for the line are the better of their verified and their self-declared level's.
      const points = LEVEL_CODES.map(({ verified, declared }) => Math.max(pointsAt(verified, false), pointsAt(declared, true)))
      const reached = LEVEL_CODES.map(({ verified, declared }) => (Math.max(verified, declared) >= criterion.minLevel ? 1 : 0))
      const element = (position: number) => sql.raw(`levels[${position + 1}]`)
      const tokens = criterion.jobTypeIds.map((id) => `${id}:${criterion.minLevel}`)
      const met =
        criterion.minLevel >= LEVEL_TOKENS_FROM
          ? sql<boolean>`(level_tokens && ${tokens}::text[])`
          : sql<boolean>`(GREATEST(${sql.join(positions.map((position) => lookup(reached, element(position))))}) = 1)`
      return { points: sql<number>`GREATEST(${sql.join(positions.map((position) => lookup(points, element(position))))})`, met }
    }
    case 'certification': {
      const met = sql<boolean>`(certification_ids && ${criterion.certificationIds}::text[])`
      const points = scoreLine(line, { ...EMPTY, certifications: [{ id: criterion.certificationIds[0]! }] }).points
      return { points: points > 0 ? sql<number>`(CASE WHEN ${met} THEN ${int(points)} ELSE 0 END)` : sql<number>`0`, met }
    }
    case 'experience':
    case 'local_government_experience': {
      const kind = criterion.kind === 'experience' ? criterion.experienceKind : 'local_government'
      const position = VECTOR_KINDS.indexOf(kind)
      if (position < 0) return { points: sql<number>`0`, met: sql<boolean>`false` }
      const column = sql.raw(`experience_months[${position + 1}]`)
      const needed = requiredMonths(criterion.minYears)
      // Points per whole month up to where the bonus is complete; longer experience reads the last entry.
      const cap = needed + MONTHS_FOR_FULL_BONUS
      const points = Array.from({ length: cap + 1 }, (_, months) =>
        scoreLine(line, { ...EMPTY, experiences: months > 0 ? [{ kind, years: months / 12 }] : [] }).points,
      )
      return { points: lookup(points, sql`LEAST(${column}, ${int(cap)})`), met: sql<boolean>`(${column} >= ${int(needed)})` }
    }
    case 'days_per_week': {
      const met = sql<boolean>`(days_per_week IS NOT NULL AND days_per_week >= ${criterion.minDaysPerWeek})`
      const partly = sql<boolean>`(days_per_week > 0 AND days_per_week >= ${criterion.minDaysPerWeek - 1})`
      return { points: byStatus(line, met, partly), met }
    }
    case 'remote': {
      const met = criterion.remote === 'full' ? sql<boolean>`true` : sql<boolean>`(NOT remote_required)`
      const partly = criterion.remote === 'partial' ? sql<boolean>`true` : sql<boolean>`false`
      return { points: byStatus(line, met, partly), met }
    }
    case 'side_job': {
      const met = criterion.sideJobAllowed ? sql<boolean>`true` : sql<boolean>`(NOT needs_side_job)`
      return { points: byStatus(line, met, null), met }
    }
    case 'start_date': {
      const met = sql<boolean>`(earliest_start IS NULL OR earliest_start <= ${criterion.termStartsOn}::date)`
      const partly = sql<boolean>`(earliest_start <= ${addDays(criterion.termStartsOn, START_GRACE_DAYS)}::date)`
      return { points: byStatus(line, met, partly), met }
    }
    case 'region': {
      if (criterion.remote === 'full') return { points: byStatus(line, sql<boolean>`true`, null), met: sql<boolean>`true` }
      const places = [criterion.prefectureCode, ...(criterion.localGovernmentCode ? [criterion.localGovernmentCode] : [])]
      const met = sql<boolean>`(prefecture_code IS NOT DISTINCT FROM ${criterion.prefectureCode} OR regions && ${places}::text[])`
      const partly = criterion.remote === 'partial' ? sql<boolean>`true` : sql<boolean>`false`
      return { points: byStatus(line, met, partly), met }
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
