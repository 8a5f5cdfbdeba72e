/** SQL on matching's own tables (migrations/0060_matching.sql). db (or transaction) first. */
import { sql } from 'kysely'
import type { Db } from '../../db/database.ts'
import { type CandidateVector, type SavedWeights, VECTOR_LAYOUT } from './facts.ts'
import type { PostingPlan } from './plan-rows.ts'
import type { CompiledPlan } from './sql.ts'

// ── vectors ──

export async function staleCandidates(db: Db, limit: number): Promise<{ candidateId: string; version: number }[]> {
  const rows = await db.selectFrom('matching_vector_stale').select(['candidate_id', 'version']).orderBy('version').limit(limit).execute()
  return rows.map((row) => ({ candidateId: row.candidate_id, version: Number(row.version) }))
}

/** Clears the marks this refresh saw; a mark bumped meanwhile (a newer change) stays for the next refresh. */
export async function clearStale(db: Db, marks: readonly { candidateId: string; version: number }[]): Promise<void> {
  if (marks.length === 0) return
  await sql`DELETE FROM matching_vector_stale s USING unnest(${marks.map((mark) => mark.candidateId)}::uuid[], ${marks.map((mark) => mark.version)}::bigint[]) AS seen(candidate_id, version)
    WHERE s.candidate_id = seen.candidate_id AND s.version = seen.version`.execute(db)
}

/** Marks every vector built with another layout (job types or experience kinds changed) for rebuilding. */
export async function markOtherLayoutsStale(db: Db): Promise<void> {
  // Written as two ranges so the layout index answers; `<>` would scan every row.
  await db
    .insertInto('matching_vector_stale')
    .columns(['candidate_id'])
    .expression((eb) =>
      eb
        .selectFrom('matching_candidate_vector')
        .select('candidate_id')
        .where((w) => w.or([w('layout', '<', VECTOR_LAYOUT), w('layout', '>', VECTOR_LAYOUT)])),
    )
    .onConflict((oc) => oc.column('candidate_id').doNothing())
    .execute()
}

export async function markStale(db: Db, candidateIds: readonly string[]): Promise<void> {
  if (candidateIds.length === 0) return
  await db
    .insertInto('matching_vector_stale')
    .values([...new Set(candidateIds)].map((candidate_id) => ({ candidate_id })))
    .onConflict((oc) => oc.column('candidate_id').doUpdateSet({ version: sql<number>`nextval('matching_vector_stale_version')` }))
    .execute()
}

export async function deleteVectors(db: Db, candidateIds: readonly string[]): Promise<void> {
  if (candidateIds.length === 0) return
  await db
    .deleteFrom('matching_candidate_vector')
    .where('candidate_id', 'in', [...candidateIds])
    .execute()
}

/** Inserts or replaces vectors, in candidate id order so concurrent refreshes lock rows in one order. */
export async function upsertVectors(db: Db, vectors: readonly CandidateVector[]): Promise<void> {
  if (vectors.length === 0) return
  const sorted = [...vectors].sort((a, b) => (a.candidateId < b.candidateId ? -1 : a.candidateId > b.candidateId ? 1 : 0))
  // Arrays of arrays travel as JSON (one parameter per column), which both drivers pass through unchanged.
  const column = <T>(pick: (vector: CandidateVector) => T) => JSON.stringify(sorted.map(pick))
  await sql`
    INSERT INTO matching_candidate_vector (candidate_id, national_list, needs_side_job, remote_required, days_per_week,
      earliest_start, layout, prefecture_code, pool_prefecture_codes, regions, levels, experience_months, certification_ids,
      level_tokens, listing_tokens, refreshed_at)
    SELECT (v->>'candidateId')::uuid, (v->>'nationalList')::boolean, (v->>'needsSideJob')::boolean,
      (v->>'remoteRequired')::boolean, (v->>'daysPerWeek')::real, (v->>'earliestStart')::date, v->>'layout',
      v->>'prefectureCode', ARRAY(SELECT jsonb_array_elements_text(v->'poolPrefectureCodes')),
      ARRAY(SELECT jsonb_array_elements_text(v->'regions')),
      ARRAY(SELECT jsonb_array_elements_text(v->'levels')::smallint),
      ARRAY(SELECT jsonb_array_elements_text(v->'experienceMonths')::int),
      ARRAY(SELECT jsonb_array_elements_text(v->'certificationIds')),
      ARRAY(SELECT jsonb_array_elements_text(v->'levelTokens')),
      ARRAY(SELECT jsonb_array_elements_text(v->'listingTokens')), now()
    FROM jsonb_array_elements(${column((vector) => vector)}::jsonb) AS v
    ON CONFLICT (candidate_id) DO UPDATE SET
      national_list = excluded.national_list, needs_side_job = excluded.needs_side_job,
      remote_required = excluded.remote_required, days_per_week = excluded.days_per_week,
      earliest_start = excluded.earliest_start, layout = excluded.layout, prefecture_code = excluded.prefecture_code,
      pool_prefecture_codes = excluded.pool_prefecture_codes, regions = excluded.regions, levels = excluded.levels,
      experience_months = excluded.experience_months, certification_ids = excluded.certification_ids,
      level_tokens = excluded.level_tokens, listing_tokens = excluded.listing_tokens, refreshed_at = excluded.refreshed_at`.execute(db)
}

// ── ranking ──

export interface MatchScope {
  /** The posting's prefecture: candidates in its talent pool are matched. */
  prefectureCode: string
  /** Candidates who applied to the posting are matched whatever their pool consent. */
  applicantIds: readonly string[]
}

export type Via = 'application' | 'national_list' | 'prefecture_pool'

export interface RankedRow {
  candidateId: string
  score: number
  eligible: boolean
  via: Via
}

/** Written so that no index serves it (most candidates consent somewhere; see the migration). */
function consentCondition(scope: MatchScope) {
  return sql`(national_list OR ${scope.prefectureCode}::text = ANY(pool_prefecture_codes)
    OR candidate_id = ANY(${[...scope.applicantIds]}::uuid[]))`
}

/**
 * One page of candidates for a posting, ranked in the database: eligible first, then score, then candidate id,
 * with the total from the same pass (one scan of the vector table per page). Gates sit in WHERE so the GIN indexes
 * on level tokens and certifications can serve them. The count is a window over no partition (no ordering, so no
 * sort of its own) and the page a bounded top-N sort above it; with several staff ranking at once, one scan a page
 * instead of two is what keeps the table's reads from doubling.
 */
export async function rankCandidatesPage(
  db: Db,
  compiled: CompiledPlan,
  scope: MatchScope,
  page: { limit: number; offset: number; includeIneligible: boolean },
): Promise<{ rows: RankedRow[]; total: number }> {
  const gate = page.includeIneligible ? sql`true` : compiled.eligible
  const where = sql`layout = ${VECTOR_LAYOUT} AND ${consentCondition(scope)} AND ${gate}`
  // Only the score and the gate are worked out for every row; how a candidate came in is read for the page only.
  const query = (limit: number, offset: number) =>
    sql<{ candidate_id: string; score: number; eligible: boolean; via: Via; total: number | string }>`
    SELECT candidate_id, score, eligible, total,
      CASE WHEN candidate_id = ANY(${[...scope.applicantIds]}::uuid[]) THEN 'application'
           WHEN national_list THEN 'national_list' ELSE 'prefecture_pool' END AS via
    FROM (
      SELECT candidate_id, national_list, score, eligible, count(*) OVER () AS total
      FROM (
        SELECT candidate_id, national_list, ${compiled.score} AS score, ${page.includeIneligible ? compiled.eligible : sql`true`} AS eligible
        FROM matching_candidate_vector
        WHERE ${where}
      ) AS gated
      ORDER BY 4 DESC, 3 DESC, 1
      LIMIT ${limit} OFFSET ${offset}
    ) AS ranked
    ORDER BY eligible DESC, score DESC, candidate_id`.execute(db)
  const ranked = await query(page.limit, page.offset)
  const rows = ranked.rows.map((row) => ({ candidateId: row.candidate_id, score: Number(row.score), eligible: row.eligible, via: row.via }))
  if (rows.length > 0 || page.offset === 0) return { rows, total: Number(ranked.rows[0]?.total ?? 0) }
  // A page past the end still reports the total.
  const first = await query(1, 0)
  return { rows, total: Number(first.rows[0]?.total ?? 0) }
}

/** Whether the candidate may be matched to a posting in `scope` (applied, national list or the prefecture pool). */
export async function viaOf(db: Db, candidateId: string, scope: MatchScope): Promise<Via | undefined> {
  const { rows } = await sql<{ via: Via }>`
    SELECT CASE WHEN candidate_id = ANY(${[...scope.applicantIds]}::uuid[]) THEN 'application'
                WHEN national_list THEN 'national_list' ELSE 'prefecture_pool' END AS via
    FROM matching_candidate_vector WHERE candidate_id = ${candidateId} AND ${consentCondition(scope)}`.execute(db)
  return rows[0]?.via
}

// ── settings ──

/** jsonb arrives parsed from both drivers; a string (a driver without the parser) is parsed here. */
function jsonOf<T>(value: T | string): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value
}

function savedOf(row: { weights: Record<string, number> | string; signatures: Record<string, string> | string }): SavedWeights {
  return { weights: jsonOf(row.weights), signatures: jsonOf(row.signatures) }
}

export async function postingWeights(db: Db, postingId: string): Promise<SavedWeights | undefined> {
  const row = await db.selectFrom('matching_posting_settings').select(['weights', 'signatures']).where('posting_id', '=', postingId).executeTakeFirst()
  return row ? savedOf(row) : undefined
}

export async function postingWeightsOfMany(db: Db, postingIds: readonly string[]): Promise<Map<string, SavedWeights>> {
  const result = new Map<string, SavedWeights>()
  if (postingIds.length === 0) return result
  const rows = await db
    .selectFrom('matching_posting_settings')
    .select(['posting_id', 'weights', 'signatures'])
    .where('posting_id', 'in', [...postingIds])
    .execute()
  for (const row of rows) result.set(row.posting_id, savedOf(row))
  return result
}

export async function savePostingWeights(db: Db, postingId: string, saved: SavedWeights, userId: string): Promise<void> {
  await db
    .insertInto('matching_posting_settings')
    .values({
      posting_id: postingId,
      weights: JSON.stringify(saved.weights),
      signatures: JSON.stringify(saved.signatures),
      updated_by: userId,
      updated_at: sql<Date>`now()`,
    })
    .onConflict((oc) =>
      oc.column('posting_id').doUpdateSet((eb) => ({
        weights: eb.ref('excluded.weights'),
        signatures: eb.ref('excluded.signatures'),
        updated_by: eb.ref('excluded.updated_by'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute()
}

// ── posting plans (recommendations) ──

export async function stalePlans(db: Db, limit: number): Promise<{ postingId: string; version: number }[]> {
  const { rows } = await sql<{ posting_id: string; version: string | number }>`
    SELECT posting_id, version FROM matching_plan_stale ORDER BY version LIMIT ${limit}`.execute(db)
  return rows.map((row) => ({ postingId: row.posting_id, version: Number(row.version) }))
}

/** Clears the marks this refresh saw; a mark bumped meanwhile stays for the next refresh. */
export async function clearStalePlans(db: Db, marks: readonly { postingId: string; version: number }[]): Promise<void> {
  if (marks.length === 0) return
  await sql`DELETE FROM matching_plan_stale s USING unnest(${marks.map((mark) => mark.postingId)}::uuid[], ${marks.map((mark) => mark.version)}::bigint[]) AS seen(posting_id, version)
    WHERE s.posting_id = seen.posting_id AND s.version = seen.version`.execute(db)
}

/** Marks every plan stored with another layout (vector layout or scorer tables changed) for rebuilding. */
export async function markOtherPlanLayoutsStale(db: Db, layout: string): Promise<void> {
  await sql`INSERT INTO matching_plan_stale (posting_id)
    SELECT posting_id FROM matching_posting_plan WHERE layout < ${layout} OR layout > ${layout}
    ON CONFLICT (posting_id) DO NOTHING`.execute(db)
}

const json = (value: unknown) => JSON.stringify(value)

/**
 * Replaces the plans of `postingIds` by `plans` (a posting without one loses its row). Skill lines are stored once
 * per content hash (a set already stored is left as it is); posting rows are upserted in id order so two
 * refreshes of the same posting at once neither collide nor deadlock.
 */
export async function replacePlans(db: Db, postingIds: readonly string[], plans: readonly PostingPlan[]): Promise<void> {
  if (postingIds.length === 0) return
  const kept = new Set(plans.map((plan) => plan.posting.postingId))
  const dropped = postingIds.filter((id) => !kept.has(id))
  if (dropped.length > 0) await sql`DELETE FROM matching_posting_plan WHERE posting_id = ANY(${dropped}::uuid[])`.execute(db)
  if (plans.length === 0) return
  const skillLines = [...new Map(plans.flatMap((plan) => plan.skillLines).map((line) => [`${line.skillPlan}/${line.line}/${line.alternative}`, line])).values()]
  skillLines.sort((a, b) => (a.skillPlan < b.skillPlan ? -1 : a.skillPlan > b.skillPlan ? 1 : a.line - b.line || a.alternative - b.alternative))
  await sql`
    INSERT INTO matching_skill_line (skill_plan, line, alternative, required, kind, positions, points, reached, cap, needed, certification_ids, met_points)
    SELECT r->>'skillPlan', (r->>'line')::smallint, (r->>'alternative')::smallint, (r->>'required')::boolean, r->>'kind',
      CASE WHEN r->'positions' = 'null' THEN NULL ELSE ARRAY(SELECT jsonb_array_elements_text(r->'positions')::smallint) END,
      (r->>'points')::int[], (r->>'reached')::smallint[], (r->>'cap')::int, (r->>'needed')::int,
      CASE WHEN r->'certificationIds' = 'null' THEN NULL ELSE ARRAY(SELECT jsonb_array_elements_text(r->'certificationIds')) END,
      (r->>'metPoints')::int
    FROM jsonb_array_elements(${json(skillLines)}::jsonb) AS r
    ON CONFLICT (skill_plan, line, alternative) DO NOTHING`.execute(db)
  const rows = plans.map((plan) => plan.posting).sort((a, b) => (a.postingId < b.postingId ? -1 : a.postingId > b.postingId ? 1 : 0))
  await sql`
    INSERT INTO matching_posting_plan (posting_id, open_until, layout, skill_plan, days_at_least, days_required, days_met,
      days_partly, remote_always_met, remote_always_partly, remote_required, remote_met, remote_partly, side_job_always_met,
      side_job_required, side_job_met, starts_on, start_grace_until, start_required, start_met, start_partly,
      region_always_met, region_always_partly, region_prefecture_code, region_places, region_required, region_met, region_partly)
    SELECT (r->>'postingId')::uuid, COALESCE((r->>'openUntil')::date, 'infinity'::date), r->>'layout', r->>'skillPlan',
      (r->>'daysAtLeast')::real, (r->>'daysRequired')::boolean, (r->>'daysMet')::int, (r->>'daysPartly')::int,
      (r->>'remoteAlwaysMet')::boolean, (r->>'remoteAlwaysPartly')::boolean, (r->>'remoteRequired')::boolean,
      (r->>'remoteMet')::int, (r->>'remotePartly')::int, (r->>'sideJobAlwaysMet')::boolean, (r->>'sideJobRequired')::boolean,
      (r->>'sideJobMet')::int, (r->>'startsOn')::date, (r->>'startGraceUntil')::date, (r->>'startRequired')::boolean,
      (r->>'startMet')::int, (r->>'startPartly')::int, (r->>'regionAlwaysMet')::boolean, (r->>'regionAlwaysPartly')::boolean,
      r->>'regionPrefectureCode', ARRAY(SELECT jsonb_array_elements_text(r->'regionPlaces')), (r->>'regionRequired')::boolean,
      (r->>'regionMet')::int, (r->>'regionPartly')::int
    FROM jsonb_array_elements(${json(rows)}::jsonb) AS r
    ON CONFLICT (posting_id) DO UPDATE SET
      open_until = excluded.open_until, layout = excluded.layout, skill_plan = excluded.skill_plan,
      days_at_least = excluded.days_at_least, days_required = excluded.days_required, days_met = excluded.days_met,
      days_partly = excluded.days_partly, remote_always_met = excluded.remote_always_met,
      remote_always_partly = excluded.remote_always_partly, remote_required = excluded.remote_required,
      remote_met = excluded.remote_met, remote_partly = excluded.remote_partly,
      side_job_always_met = excluded.side_job_always_met, side_job_required = excluded.side_job_required,
      side_job_met = excluded.side_job_met, starts_on = excluded.starts_on, start_grace_until = excluded.start_grace_until,
      start_required = excluded.start_required, start_met = excluded.start_met, start_partly = excluded.start_partly,
      region_always_met = excluded.region_always_met, region_always_partly = excluded.region_always_partly,
      region_prefecture_code = excluded.region_prefecture_code, region_places = excluded.region_places,
      region_required = excluded.region_required, region_met = excluded.region_met, region_partly = excluded.region_partly`.execute(db)
}

export interface RecommendedRow {
  postingId: string
  score: number
  eligible: boolean
}

/**
 * One page of open postings for one candidate vector, ranked in the database: eligible first, then score, then
 * posting id, with the total from the same pass. The skill sets the open postings use are scored once each (a
 * level line takes the best of its job types' entries in its tables; `reached` says whether the minimum is met),
 * then each open posting adds its working conditions. Only postings with `open_until` today or later are read.
 */
export async function recommendPostingsPage(
  db: Db,
  vector: CandidateVector,
  filter: { today: string; layout: string },
  page: { limit: number; offset: number; includeIneligible: boolean },
): Promise<{ rows: RecommendedRow[]; total: number }> {
  const levels = sql`${vector.levels}::smallint[]`
  const months = sql`${vector.experienceMonths}::int[]`
  const certifications = sql`${vector.certificationIds}::text[]`
  const listing = sql`${vector.listingTokens}::text[]`
  const days = sql`${vector.daysPerWeek}::real`
  const start = sql`${vector.earliestStart}::date`
  const levelOf = (table: 'points' | 'reached') => sql`(CASE WHEN cardinality(l.positions) = 1 THEN l.${sql.raw(table)}[(${levels})[l.positions[1]]]
    ELSE (SELECT max(l.${sql.raw(table)}[(${levels})[p]]) FROM unnest(l.positions) AS p) END)`
  const daysMet = sql`COALESCE(${days} >= o.days_at_least, false)`
  const daysPartly = sql`(${days} > 0 AND ${days} >= o.days_at_least - 1)`
  const remoteMet = sql`(o.remote_always_met OR NOT ${vector.remoteRequired}::boolean)`
  const sideJobMet = sql`(o.side_job_always_met OR NOT ${vector.needsSideJob}::boolean)`
  const startMet = sql`(${start} IS NULL OR ${start} <= o.starts_on)`
  const regionMet = sql`(o.region_always_met OR o.region_prefecture_code IS NOT DISTINCT FROM ${vector.prefectureCode}::text OR ${vector.regions}::text[] && o.region_places)`
  const eligible = sql`(s.eligible AND (NOT o.days_required OR ${daysMet}) AND (NOT o.remote_required OR ${remoteMet})
    AND (NOT o.side_job_required OR ${sideJobMet}) AND (NOT o.start_required OR ${startMet}) AND (NOT o.region_required OR ${regionMet}))`
  const query = (limit: number, offset: number) =>
    sql<{ posting_id: string; score: number | string; eligible: boolean; total: number | string }>`
    WITH open AS MATERIALIZED (
      SELECT * FROM matching_posting_plan WHERE open_until >= ${filter.today}::date AND layout = ${filter.layout}
    ), skills AS (
      SELECT skill_plan, sum(points) AS score, bool_and(met OR NOT required) AS eligible
      FROM (
        -- an any-of line: its best alternative's points, met when any alternative is
        SELECT skill_plan, line, bool_and(required) AS required, max(points) AS points, bool_or(met) AS met
        FROM (
          SELECT l.skill_plan, l.line, l.required,
            CASE l.kind
              WHEN 'level' THEN ${levelOf('points')}
              WHEN 'experience' THEN l.points[LEAST((${months})[l.positions[1]], l.cap)]
              WHEN 'certification' THEN CASE WHEN ${certifications} && l.certification_ids THEN l.met_points ELSE 0 END
              WHEN 'listing' THEN CASE WHEN ${listing} && l.certification_ids THEN l.met_points ELSE 0 END
              ELSE 0
            END AS points,
            COALESCE(CASE l.kind
              WHEN 'level' THEN ${levelOf('reached')} = 1
              WHEN 'experience' THEN (${months})[l.positions[1]] >= l.needed
              WHEN 'certification' THEN ${certifications} && l.certification_ids
              WHEN 'listing' THEN ${listing} && l.certification_ids
              ELSE false
            END, false) AS met
          FROM matching_skill_line l
          WHERE l.skill_plan IN (SELECT DISTINCT skill_plan FROM open)
        ) AS alternatives
        GROUP BY skill_plan, line
      ) AS lines
      GROUP BY skill_plan
    )
    SELECT posting_id, score, eligible, count(*) OVER () AS total
    FROM (
      SELECT o.posting_id, ${eligible} AS eligible,
        s.score
        + CASE WHEN ${daysMet} THEN o.days_met WHEN ${daysPartly} THEN o.days_partly ELSE 0 END
        + CASE WHEN ${remoteMet} THEN o.remote_met WHEN o.remote_always_partly THEN o.remote_partly ELSE 0 END
        + CASE WHEN ${sideJobMet} THEN o.side_job_met ELSE 0 END
        + CASE WHEN ${startMet} THEN o.start_met WHEN ${start} <= o.start_grace_until THEN o.start_partly ELSE 0 END
        + CASE WHEN ${regionMet} THEN o.region_met WHEN o.region_always_partly THEN o.region_partly ELSE 0 END AS score
      FROM open o JOIN skills s ON s.skill_plan = o.skill_plan
      ${page.includeIneligible ? sql`` : sql`WHERE ${eligible}`}
    ) AS scored
    ORDER BY eligible DESC, score DESC, posting_id
    LIMIT ${limit} OFFSET ${offset}`.execute(db)
  const { rows } = await query(page.limit, page.offset)
  const result = rows.map((row) => ({ postingId: row.posting_id, score: Number(row.score), eligible: row.eligible }))
  if (rows.length > 0 || page.offset === 0) return { rows: result, total: Number(rows[0]?.total ?? 0) }
  // A page past the end still reports the total.
  const first = await query(1, 0)
  return { rows: result, total: Number(first.rows[0]?.total ?? 0) }
}
