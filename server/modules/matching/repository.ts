/** SQL on matching's own tables (migrations/0060_matching.sql). db (or transaction) first. */
import { sql } from 'kysely'
import type { Db } from '../../db/database.ts'
import { type CandidateVector, type SavedWeights, VECTOR_LAYOUT } from './facts.ts'
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
  await db.deleteFrom('matching_candidate_vector').where('candidate_id', 'in', [...candidateIds]).execute()
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
      level_tokens, refreshed_at)
    SELECT (v->>'candidateId')::uuid, (v->>'nationalList')::boolean, (v->>'needsSideJob')::boolean,
      (v->>'remoteRequired')::boolean, (v->>'daysPerWeek')::real, (v->>'earliestStart')::date, v->>'layout',
      v->>'prefectureCode', ARRAY(SELECT jsonb_array_elements_text(v->'poolPrefectureCodes')),
      ARRAY(SELECT jsonb_array_elements_text(v->'regions')),
      ARRAY(SELECT jsonb_array_elements_text(v->'levels')::smallint),
      ARRAY(SELECT jsonb_array_elements_text(v->'experienceMonths')::int),
      ARRAY(SELECT jsonb_array_elements_text(v->'certificationIds')),
      ARRAY(SELECT jsonb_array_elements_text(v->'levelTokens')), now()
    FROM jsonb_array_elements(${column((vector) => vector)}::jsonb) AS v
    ON CONFLICT (candidate_id) DO UPDATE SET
      national_list = excluded.national_list, needs_side_job = excluded.needs_side_job,
      remote_required = excluded.remote_required, days_per_week = excluded.days_per_week,
      earliest_start = excluded.earliest_start, layout = excluded.layout, prefecture_code = excluded.prefecture_code,
      pool_prefecture_codes = excluded.pool_prefecture_codes, regions = excluded.regions, levels = excluded.levels,
      experience_months = excluded.experience_months, certification_ids = excluded.certification_ids,
      level_tokens = excluded.level_tokens, refreshed_at = excluded.refreshed_at`.execute(db)
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
 * One page of candidates for a posting, ranked in the database: eligible first, then score, then candidate id.
 * Gates sit in WHERE so the GIN indexes on level tokens and certifications can serve them. The page and the total
 * are two statements on purpose: a window count in the ranking query would make PostgreSQL buffer and fully sort
 * every gated row before the limit, while on their own the page is a bounded (top-N) sort and the count a plain
 * aggregate, and both run as parallel scans.
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
  const ranked = await sql<{ candidate_id: string; score: number; eligible: boolean; via: Via }>`
    SELECT candidate_id, score, eligible,
      CASE WHEN candidate_id = ANY(${[...scope.applicantIds]}::uuid[]) THEN 'application'
           WHEN national_list THEN 'national_list' ELSE 'prefecture_pool' END AS via
    FROM (
      SELECT candidate_id, national_list, ${compiled.score} AS score, ${page.includeIneligible ? compiled.eligible : sql`true`} AS eligible
      FROM matching_candidate_vector
      WHERE ${where}
      ORDER BY 4 DESC, 3 DESC, 1
      LIMIT ${page.limit} OFFSET ${page.offset}
    ) AS ranked
    ORDER BY eligible DESC, score DESC, candidate_id`.execute(db)
  const rows = ranked.rows.map((row) => ({ candidateId: row.candidate_id, score: Number(row.score), eligible: row.eligible, via: row.via }))
  // A short first page is the whole set: no second scan needed.
  if (page.offset === 0 && rows.length < page.limit) return { rows, total: rows.length }
  const counted = await sql<{ total: number | string }>`SELECT count(*) AS total FROM matching_candidate_vector WHERE ${where}`.execute(db)
  return { rows, total: Number(counted.rows[0]?.total ?? 0) }
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
