/**
 * SQL on the postings module's own tables. The database (or transaction) comes first; tenant conditions are
 * part of every staff query, so another tenant's posting is simply not found.
 */
import { sql, type Insertable, type Selectable } from 'kysely'
import type { PostingSearchQuery, PostingSummary } from '#shared/contracts/postings'
import { ChecklistEntry } from '#shared/domain/postings/checklist'
import { Criterion, PostingForm } from '#shared/domain/postings/form'
import type { SpecialGrantRule } from '#shared/domain/postings/special-grant'
import type { PostingAction, PostingState } from '#shared/domain/postings/workflow'
import { escapeLike, normalizeForSearch } from '#shared/domain/search-text'
import type { Db } from '../../db/database.ts'
import type { PostingCriterionTable, PostingTable } from '../../db/schema.ts'
import type { Actor } from '../../http/actor.ts'
import { z } from 'zod'

export type PostingRow = Selectable<PostingTable>

/** Which postings a staff member sees: their municipality's; their prefecture's once submitted; forwarded ones. */
export type StaffVisibility =
  { kind: 'municipality'; localGovernmentCode: string } | { kind: 'prefecture'; prefectureCode: string } | { kind: 'national' } | { kind: 'none' }

export function staffVisibility(actor: Actor): StaffVisibility {
  switch (actor.kind) {
    case 'municipality':
      return { kind: 'municipality', localGovernmentCode: actor.localGovernmentCode }
    case 'prefecture':
      return { kind: 'prefecture', prefectureCode: actor.prefectureCode }
    case 'national':
      return { kind: 'national' }
    default:
      return { kind: 'none' }
  }
}

function visibleTo(visibility: StaffVisibility) {
  switch (visibility.kind) {
    case 'municipality':
      return sql<boolean>`posting.municipality_code = ${visibility.localGovernmentCode}`
    case 'prefecture':
      return sql<boolean>`posting.prefecture_code = ${visibility.prefectureCode} AND posting.submitted_at IS NOT NULL`
    case 'national':
      return sql<boolean>`posting.forwarded_at IS NOT NULL`
    case 'none':
      return sql<boolean>`false`
  }
}

// ── rows ↔ domain ──

export function formOf(row: Pick<PostingRow, 'form'>): PostingForm {
  return PostingForm.parse(row.form)
}

export function checklistOf(row: Pick<PostingRow, 'checklist'>): ChecklistEntry[] {
  return z.array(ChecklistEntry).parse(row.checklist)
}

function criterionRow(postingId: string, position: number, criterion: Criterion): Insertable<PostingCriterionTable> {
  const base = { posting_id: postingId, position, importance: criterion.importance, kind: criterion.kind, note: criterion.note }
  const empty = {
    job_type_ids: null,
    min_level: null,
    certification_ids: null,
    experience_kind: null,
    min_years: null,
    alternatives: null,
    listing_role: null,
  }
  switch (criterion.kind) {
    case 'job_type_level':
      return { ...base, ...empty, job_type_ids: criterion.jobTypeIds, min_level: criterion.minLevel }
    case 'certification':
      return { ...base, ...empty, certification_ids: criterion.certificationIds }
    case 'experience':
      return { ...base, ...empty, experience_kind: criterion.experienceKind, min_years: criterion.minYears }
    case 'local_government_experience':
      return { ...base, ...empty, min_years: criterion.minYears }
    case 'ministry_listing':
      return { ...base, ...empty, listing_role: criterion.roleId }
    case 'any_of':
      return { ...base, ...empty, alternatives: JSON.stringify(criterion.alternatives) }
  }
}

function criterionOf(row: Selectable<PostingCriterionTable>): Criterion {
  const common = { importance: row.importance, note: row.note }
  switch (row.kind) {
    case 'job_type_level':
      return { kind: 'job_type_level', ...common, jobTypeIds: row.job_type_ids ?? [], minLevel: row.min_level ?? 1 }
    case 'certification':
      return { kind: 'certification', ...common, certificationIds: row.certification_ids ?? [] }
    case 'experience':
      return Criterion.parse({ kind: 'experience', ...common, experienceKind: row.experience_kind, minYears: row.min_years })
    case 'local_government_experience':
      return { kind: 'local_government_experience', ...common, minYears: row.min_years }
    case 'ministry_listing':
      return Criterion.parse({ kind: 'ministry_listing', ...common, roleId: row.listing_role })
    case 'any_of':
      return Criterion.parse({
        kind: 'any_of',
        ...common,
        alternatives: typeof row.alternatives === 'string' ? (JSON.parse(row.alternatives) as unknown) : row.alternatives,
      })
  }
}

/** The form as stored: the criteria live in their own table, everything else in `form`. */
function storedForm(form: PostingForm): string {
  const { criteria: _criteria, ...rest } = form
  return JSON.stringify(rest)
}

function listedColumns(form: PostingForm, searchText: string) {
  return {
    title: form.title,
    role_id: form.roleId,
    appointment_form: form.appointmentForm,
    remote_allowed: form.remoteAllowed,
    side_job_allowed: form.sideJobAllowed,
    application_ends_on: form.applicationEndsOn,
    search_text: searchText,
  }
}

// ── writes ──

export interface NewPosting {
  municipalityCode: string
  prefectureCode: string
  form: PostingForm
  searchText: string
  createdBy: string | null
  now: Date
}

export async function insertPosting(tx: Db, posting: NewPosting): Promise<string> {
  const row = await tx
    .insertInto('posting')
    .values({
      municipality_code: posting.municipalityCode,
      prefecture_code: posting.prefectureCode,
      form: storedForm(posting.form),
      ...listedColumns(posting.form, posting.searchText),
      created_by: posting.createdBy,
      created_at: posting.now,
      updated_at: posting.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await replaceCriteria(tx, row.id, posting.form.criteria)
  return row.id
}

/** Removes a draft with its criteria (ON DELETE CASCADE); the state check guards against a submission in between. */
export async function deleteDraft(db: Db, id: string): Promise<void> {
  await db.deleteFrom('posting').where('id', '=', id).where('state', '=', 'draft').execute()
}

export async function updatePostingForm(
  tx: Db,
  id: string,
  change: { form: PostingForm; searchText: string; now: Date; revision?: number; revisedAt?: Date },
): Promise<void> {
  await tx
    .updateTable('posting')
    .set({
      form: storedForm(change.form),
      ...listedColumns(change.form, change.searchText),
      updated_at: change.now,
      ...(change.revision !== undefined ? { revision: change.revision } : {}),
      ...(change.revisedAt ? { revised_at: change.revisedAt } : {}),
    })
    .where('id', '=', id)
    .execute()
  await replaceCriteria(tx, id, change.form.criteria)
}

async function replaceCriteria(tx: Db, postingId: string, criteria: readonly Criterion[]): Promise<void> {
  await tx.deleteFrom('posting_criterion').where('posting_id', '=', postingId).execute()
  if (criteria.length === 0) return
  await tx
    .insertInto('posting_criterion')
    .values(criteria.map((criterion, position) => criterionRow(postingId, position, criterion)))
    .execute()
}

export async function insertRevision(tx: Db, postingId: string, revision: number, form: PostingForm, createdBy: string | null, now: Date) {
  await tx
    .insertInto('posting_revision')
    .values({ posting_id: postingId, revision, form: JSON.stringify(form), created_by: createdBy, created_at: now })
    .onConflict((conflict) => conflict.columns(['posting_id', 'revision']).doNothing())
    .execute()
}

export async function updateChecklist(tx: Db, id: string, entries: ChecklistEntry[], now: Date): Promise<void> {
  await tx
    .updateTable('posting')
    .set({ checklist: JSON.stringify(entries), updated_at: now })
    .where('id', '=', id)
    .execute()
}

const STAMP: Partial<Record<PostingAction, 'submitted_at' | 'forwarded_at' | 'published_at' | 'closed_at'>> = {
  submit: 'submitted_at',
  forward: 'forwarded_at',
  publish: 'published_at',
  close: 'closed_at',
  expire: 'closed_at',
}

export async function recordTransition(
  tx: Db,
  input: {
    postingId: string
    action: PostingAction
    from: PostingState
    to: PostingState
    actorKind: string
    actorUserId: string | null
    comment: string | null
    closeReason: 'filled' | 'withdrawn' | 'expired' | null
    now: Date
  },
): Promise<void> {
  const stamp = STAMP[input.action]
  await tx
    .updateTable('posting')
    .set({
      state: input.to,
      close_reason: input.to === 'closed' ? input.closeReason : null,
      updated_at: input.now,
      // a re-publication keeps the first publication date
      ...(stamp && !(stamp === 'published_at') ? { [stamp]: input.now } : {}),
      ...(stamp === 'published_at' ? { published_at: sql<Date>`coalesce(published_at, ${input.now})` } : {}),
    })
    .where('id', '=', input.postingId)
    .where('state', '=', input.from)
    .execute()
  await tx
    .insertInto('posting_transition')
    .values({
      posting_id: input.postingId,
      action: input.action,
      from_state: input.from,
      to_state: input.to,
      actor_kind: input.actorKind,
      actor_user_id: input.actorUserId,
      comment: input.comment,
      occurred_at: input.now,
    })
    .execute()
}

// ── reads ──

/** One posting the staff member may see, locked for update when `forUpdate` (the caller's transaction). */
export async function findStaffPosting(db: Db, visibility: StaffVisibility, id: string, options: { forUpdate?: boolean } = {}) {
  let query = db.selectFrom('posting').selectAll().where('id', '=', id).where(visibleTo(visibility))
  if (options.forUpdate) query = query.forUpdate()
  return query.executeTakeFirst()
}

export async function findPostingById(db: Db, id: string, options: { forUpdate?: boolean } = {}) {
  let query = db.selectFrom('posting').selectAll().where('id', '=', id)
  if (options.forUpdate) query = query.forUpdate()
  return query.executeTakeFirst()
}

/** A published (or once published, now closed) posting, for the public page; drafts and reviews never show. */
export async function findPublishedPosting(db: Db, id: string) {
  return db
    .selectFrom('posting')
    .selectAll()
    .where('id', '=', id)
    .where((eb) => eb.or([eb('state', '=', 'published'), eb.and([eb('state', '=', 'closed'), eb('published_at', 'is not', null)])]))
    .executeTakeFirst()
}

export async function criteriaOf(db: Db, postingId: string): Promise<Criterion[]> {
  const rows = await db.selectFrom('posting_criterion').selectAll().where('posting_id', '=', postingId).orderBy('position').execute()
  return rows.map(criterionOf)
}

export async function criteriaOfMany(db: Db, postingIds: readonly string[]): Promise<Map<string, Criterion[]>> {
  const result = new Map<string, Criterion[]>(postingIds.map((id) => [id, []]))
  if (postingIds.length === 0) return result
  const rows = await db.selectFrom('posting_criterion').selectAll().where('posting_id', 'in', postingIds).orderBy('posting_id').orderBy('position').execute()
  for (const row of rows) result.get(row.posting_id)!.push(criterionOf(row))
  return result
}

export async function transitionsOf(db: Db, postingId: string) {
  return db
    .selectFrom('posting_transition')
    .select(['action', 'from_state', 'to_state', 'actor_kind', 'comment', 'occurred_at'])
    .where('posting_id', '=', postingId)
    .orderBy('seq')
    .execute()
}

export async function revisionsOf(db: Db, postingId: string) {
  return db.selectFrom('posting_revision').select(['revision', 'created_at']).where('posting_id', '=', postingId).orderBy('revision').execute()
}

export async function searchStaffPostings(
  db: Db,
  visibility: StaffVisibility,
  filter: { state?: PostingState; sort: 'updated' | 'deadline' | 'title'; limit: number; offset: number },
) {
  let query = db.selectFrom('posting').where(visibleTo(visibility))
  if (filter.state) query = query.where('state', '=', filter.state)
  let ordered = query.select(['id', 'municipality_code', 'state', 'title', 'role_id', 'application_ends_on', 'revision', 'updated_at', 'submitted_at'])
  // undated and untitled drafts go last; the id keeps pages stable between requests
  if (filter.sort === 'deadline') ordered = ordered.orderBy(sql`application_ends_on asc nulls last`)
  else if (filter.sort === 'title') ordered = ordered.orderBy(sql`title asc nulls last`)
  const [rows, count] = await Promise.all([
    ordered.orderBy('updated_at', 'desc').orderBy('id').limit(filter.limit).offset(filter.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(count.total) }
}

/** Postings a prefecture forwarded to the national side within [from, to] (dates in Japan), oldest first. */
export async function postingsForwardedBy(db: Db, prefectureCode: string | null, from: string, to: string) {
  let query = db
    .selectFrom('posting')
    .selectAll()
    .where('forwarded_at', 'is not', null)
    .where(sql<boolean>`(posting.forwarded_at AT TIME ZONE 'Asia/Tokyo')::date BETWEEN ${from}::date AND ${to}::date`)
  if (prefectureCode !== null) query = query.where('prefecture_code', '=', prefectureCode)
  return query.orderBy('forwarded_at').orderBy('id').execute()
}

export type PublicListRow = Pick<
  PostingRow,
  'id' | 'municipality_code' | 'prefecture_code' | 'form' | 'published_at' | 'revised_at' | 'title' | 'role_id' | 'application_ends_on'
>

/**
 * The national list: published postings whose deadline has not passed. Free text is matched with LIKE on the
 * folded `search_text` (GIN trigram index on PostgreSQL; trigram similarity is weak on Japanese, LIKE is not).
 */
export async function searchPublishedPostings(db: Db, query: PostingSearchQuery, today: string) {
  let base = db
    .selectFrom('posting')
    .where('state', '=', 'published')
    .where((eb) => eb.or([eb('application_ends_on', 'is', null), eb('application_ends_on', '>=', today)]))
  if (query.role) base = base.where('role_id', '=', query.role)
  if (query.prefecture) base = base.where('prefecture_code', '=', query.prefecture)
  if (query.remote !== undefined) base = base.where('remote_allowed', '=', query.remote)
  if (query.sidejob !== undefined) base = base.where('side_job_allowed', '=', query.sidejob)
  const needles = (query.q ?? '')
    .split(/[\s\u3000]+/)
    .map(normalizeForSearch)
    .filter(Boolean)
  for (const needle of needles) base = base.where('search_text', 'like', `%${escapeLike(needle)}%`)

  let listed = base.select(['id', 'municipality_code', 'prefecture_code', 'form', 'published_at', 'revised_at', 'title', 'role_id', 'application_ends_on'])
  listed =
    query.sort === 'deadline'
      ? listed.orderBy('application_ends_on', (ob) => ob.asc().nullsLast()).orderBy('id')
      : listed.orderBy('published_at', 'desc').orderBy('id')
  const [rows, count] = await Promise.all([
    listed.limit(query.limit).offset(query.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ])
  return { rows: rows as PublicListRow[], total: Number(count.total) }
}

/** Published postings whose deadline passed before `today`: the timer closes them as expired. */
export async function expiredPublishedIds(db: Db, today: string): Promise<string[]> {
  const rows = await db.selectFrom('posting').select('id').where('state', '=', 'published').where('application_ends_on', '<', today).execute()
  return rows.map((row) => row.id)
}

export async function currentSpecialGrantRule(db: Db): Promise<SpecialGrantRule | null> {
  const row = await db.selectFrom('special_grant_rule').selectAll().where('id', '=', 'cio_assistant_municipal').executeTakeFirst()
  if (!row) return null
  return {
    ratePermille: Math.round(Number(row.rate) * 1000),
    recruitmentCap: row.recruitment_cap,
    validFromFiscalYear: row.valid_from_fy,
    recruitmentValidFromFiscalYear: row.recruitment_valid_from_fy,
    validToFiscalYear: row.valid_to_fy,
    status: row.status,
    eligibleForms: row.eligible_forms as SpecialGrantRule['eligibleForms'],
  }
}

// ── reads for other modules (exported through service.ts / index.ts) ──

/** Columns other modules read of a posting: its header and working conditions, never the whole form. */
function factColumns() {
  return [
    'id',
    'municipality_code',
    'prefecture_code',
    'state',
    'title',
    'role_id',
    'appointment_form',
    'remote_allowed',
    'side_job_allowed',
    'application_ends_on',
    'submitted_at',
    'published_at',
    sql<number | null>`(form->>'workDays')::int`.as('work_days'),
    sql<'week' | 'month' | null>`form->>'workDaysPer'`.as('work_days_per'),
    sql<string | null>`form->>'termStartsOn'`.as('term_starts_on'),
    sql<string | null>`form->>'termEndsOn'`.as('term_ends_on'),
    sql<string | null>`form->>'applicationStartsOn'`.as('application_starts_on'),
    sql<unknown>`form->'dutyAreas'`.as('duty_areas'),
    sql<unknown>`form->'jointAppointmentCodes'`.as('joint_appointment_codes'),
  ] as const
}

export async function factRowsOf(db: Db, where: { ids?: readonly string[]; visibility?: StaffVisibility }) {
  let query = db.selectFrom('posting').select(factColumns())
  if (where.ids) {
    if (where.ids.length === 0) return []
    query = query.where('id', 'in', [...where.ids])
  }
  if (where.visibility) query = query.where(visibleTo(where.visibility))
  return query.orderBy('id').execute()
}

export type FactRow = Awaited<ReturnType<typeof factRowsOf>>[number]

/**
 * The open-data feed: every posting that was published (closed ones stay, as history), oldest change first so
 * incremental pulls (`updatedSince`) page in a stable order. `lastModified` is the newest change in the whole
 * selection, not only the page.
 */
export async function feedPostings(db: Db, filter: { updatedSince?: Date; limit: number | null; offset: number }) {
  let base = db.selectFrom('posting').where('published_at', 'is not', null).where('state', 'in', ['published', 'closed'])
  if (filter.updatedSince) base = base.where('updated_at', '>=', filter.updatedSince)
  let listed = base.selectAll().orderBy('updated_at').orderBy('id').offset(filter.offset)
  if (filter.limit !== null) listed = listed.limit(filter.limit)
  const [rows, summary] = await Promise.all([
    listed.execute(),
    base.select((eb) => [eb.fn.countAll<number | string>().as('total'), eb.fn.max('updated_at').as('last_modified')]).executeTakeFirstOrThrow(),
  ])
  const lastModified = summary.last_modified === null ? null : new Date(summary.last_modified)
  return { rows, total: Number(summary.total), lastModified }
}

/** Published postings still open for applications (deadline today or later, or none), per municipality. */
export async function openPostingCounts(db: Db, filter: { prefectureCode?: string; municipalityCodes?: readonly string[] }, today: string) {
  let query = db
    .selectFrom('posting')
    .select(['municipality_code', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('state', '=', 'published')
    .where((eb) => eb.or([eb('application_ends_on', 'is', null), eb('application_ends_on', '>=', today)]))
  if (filter.prefectureCode) query = query.where('prefecture_code', '=', filter.prefectureCode)
  if (filter.municipalityCodes) {
    if (filter.municipalityCodes.length === 0) return []
    query = query.where('municipality_code', 'in', [...filter.municipalityCodes])
  }
  return query.groupBy('municipality_code').execute()
}

export function summaryFields(row: PublicListRow): Omit<PostingSummary, 'municipality'> {
  const form = formOf(row)
  return {
    id: row.id,
    title: row.title ?? '',
    roleId: form.roleId,
    roleLabel: form.roleLabel,
    appointmentForm: form.appointmentForm,
    remoteAllowed: form.remoteAllowed,
    sideJobAllowed: form.sideJobAllowed,
    workDaysPer: form.workDaysPer,
    workDays: form.workDays,
    payAmount: form.payAmount,
    payUnit: form.payUnit,
    applicationEndsOn: row.application_ends_on,
    publishedAt: (row.published_at ?? new Date(0)).toISOString(),
    revisedAt: row.revised_at ? row.revised_at.toISOString() : null,
  }
}

export { normalizeForSearch }
