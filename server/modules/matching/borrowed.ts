/**
 * LAST RESORT (design §3 says modules meet at index.ts): read-only queries on tables other modules own, written
 * here because their index.ts does not yet export what matching needs. Each function names the export that should
 * replace it. Nothing here writes.
 *
 * - postings: a posting's header for staff with the same visibility rule as the postings module (municipality:
 *   its own; prefecture: its municipalities' postings once submitted), and published postings in bulk with their
 *   criterion rows (→ wanted: postings.postingForMatching(tx, actor, id), postings.publishedPostingsForMatching(tx)).
 * - applications: candidate ids who applied to a posting (→ wanted: applications.applicantIds(tx, postingId)).
 */
import { sql } from 'kysely'
import { Criterion } from '#shared/domain/postings/form'
import type { Db } from '../../db/database.ts'
import type { Actor } from '../../http/actor.ts'
import { findLocalGovernment } from '../local-governments/index.ts'
import type { PostingHeader } from './facts.ts'

interface PostingRow {
  id: string
  municipality_code: string
  prefecture_code: string
  state: string
  title: string | null
  role_id: string | null
  work_days: number | null
  work_days_per: 'week' | 'month' | null
  remote_allowed: boolean | null
  side_job_allowed: boolean | null
  term_starts_on: string | null
}

const POSTING_COLUMNS = sql`p.id, p.municipality_code, p.prefecture_code, p.state, p.title, p.role_id,
  (p.form->>'workDays')::int AS work_days, p.form->>'workDaysPer' AS work_days_per,
  p.remote_allowed, p.side_job_allowed, p.form->>'termStartsOn' AS term_starts_on`

const names = new Map<string, { name: string; prefectureName: string }>()

async function headerOf(db: Db, row: PostingRow): Promise<PostingHeader> {
  let place = names.get(row.municipality_code)
  if (!place) {
    const found = await findLocalGovernment(db, row.municipality_code)
    place = { name: found?.name ?? row.municipality_code, prefectureName: found?.prefectureName ?? '' }
    if (found) names.set(row.municipality_code, place)
  }
  return {
    id: row.id,
    municipalityCode: row.municipality_code,
    municipalityName: place.name,
    prefectureCode: row.prefecture_code,
    prefectureName: place.prefectureName,
    state: row.state,
    title: row.title,
    roleId: row.role_id,
    workDays: row.work_days,
    workDaysPer: row.work_days_per,
    remoteAllowed: row.remote_allowed,
    sideJobAllowed: row.side_job_allowed,
    termStartsOn: row.term_starts_on,
  }
}

/** The posting if `actor` is its municipality's staff or (once submitted) its prefecture's staff; else undefined. */
export async function findPostingForStaff(db: Db, actor: Actor, postingId: string): Promise<PostingHeader | undefined> {
  const visible =
    actor.kind === 'municipality'
      ? sql`p.municipality_code = ${actor.localGovernmentCode}`
      : actor.kind === 'prefecture'
        ? sql`p.prefecture_code = ${actor.prefectureCode} AND p.submitted_at IS NOT NULL`
        : sql`false`
  const { rows } = await sql<PostingRow>`SELECT ${POSTING_COLUMNS} FROM posting p WHERE p.id = ${postingId} AND ${visible}`.execute(db)
  return rows[0] ? headerOf(db, rows[0]) : undefined
}

export async function findPublishedPosting(db: Db, postingId: string): Promise<PostingHeader | undefined> {
  const { rows } = await sql<PostingRow>`SELECT ${POSTING_COLUMNS} FROM posting p WHERE p.id = ${postingId} AND p.state = 'published'`.execute(db)
  return rows[0] ? headerOf(db, rows[0]) : undefined
}

export async function publishedPostings(db: Db): Promise<PostingHeader[]> {
  const { rows } = await sql<PostingRow>`SELECT ${POSTING_COLUMNS} FROM posting p WHERE p.state = 'published' ORDER BY p.id`.execute(db)
  return Promise.all(rows.map((row) => headerOf(db, row)))
}

interface CriterionRow {
  posting_id: string
  kind: string
  importance: string
  job_type_ids: string[] | null
  min_level: number | null
  certification_ids: string[] | null
  experience_kind: string | null
  min_years: number | string | null
  note: string | null
}

/** Criterion rows of many postings, by posting, in position order (the same mapping as postings' criteriaOf). */
export async function criteriaOfPostings(db: Db, postingIds: readonly string[]): Promise<Map<string, Criterion[]>> {
  const result = new Map<string, Criterion[]>(postingIds.map((id) => [id, []]))
  if (postingIds.length === 0) return result
  const { rows } = await sql<CriterionRow>`
    SELECT posting_id, kind, importance, job_type_ids, min_level, certification_ids, experience_kind, min_years, note
    FROM posting_criterion WHERE posting_id = ANY(${[...postingIds]}::uuid[]) ORDER BY posting_id, position`.execute(db)
  for (const row of rows) {
    const minYears = row.min_years === null ? null : Number(row.min_years)
    const parsed = Criterion.safeParse({
      kind: row.kind,
      importance: row.importance,
      jobTypeIds: row.job_type_ids ?? [],
      minLevel: row.min_level ?? 1,
      certificationIds: row.certification_ids ?? [],
      experienceKind: row.experience_kind,
      minYears,
      note: row.note,
    })
    if (parsed.success) result.get(row.posting_id)?.push(parsed.data)
  }
  return result
}

/** Candidates who applied to the posting and have not withdrawn. */
export async function applicantIds(db: Db, postingId: string): Promise<string[]> {
  const { rows } = await sql<{ candidate_id: string }>`
    SELECT candidate_id FROM application WHERE posting_id = ${postingId} AND status <> 'withdrawn' ORDER BY candidate_id`.execute(db)
  return rows.map((row) => row.candidate_id)
}
