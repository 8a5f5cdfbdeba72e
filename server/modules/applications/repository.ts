/** SQL of the applications module: its own tables only (postings are read through postings/index.ts). */
import type { Selectable } from 'kysely'
import type { Db } from '../../db/database.ts'
import type { ApplicationStepTable, ApplicationTable, AppointmentTable } from '../../db/schema.ts'

export type ApplicationRow = Selectable<ApplicationTable>
export type StepRow = Selectable<ApplicationStepTable>
export type AppointmentRow = Selectable<AppointmentTable>

/** Every column but the résumé bytes. */
const SUMMARY_COLUMNS = [
  'id',
  'posting_id',
  'candidate_id',
  'municipality_code',
  'status',
  'motivation',
  'resume_file_name',
  'resume_size',
  'interview_at',
  'submitted_at',
  'updated_at',
  'anonymised_at',
] as const

export type ApplicationSummaryRow = Pick<ApplicationRow, (typeof SUMMARY_COLUMNS)[number]>

export async function insertApplication(
  db: Db,
  values: {
    posting_id: string
    candidate_id: string
    municipality_code: string
    motivation: string
    resume: Uint8Array | null
    resume_file_name: string | null
    resume_size: number | null
  },
): Promise<ApplicationSummaryRow | undefined> {
  return db
    .insertInto('application')
    .values(values)
    .onConflict((oc) => oc.columns(['posting_id', 'candidate_id']).doNothing())
    .returning([...SUMMARY_COLUMNS])
    .executeTakeFirst()
}

export function findApplication(db: Db, id: string, options: { forUpdate?: boolean } = {}): Promise<ApplicationSummaryRow | undefined> {
  let query = db
    .selectFrom('application')
    .select([...SUMMARY_COLUMNS])
    .where('id', '=', id)
  if (options.forUpdate) query = query.forUpdate()
  return query.executeTakeFirst()
}

export function findResume(db: Db, id: string) {
  return db.selectFrom('application').select(['resume', 'resume_file_name', 'resume_size']).where('id', '=', id).executeTakeFirst()
}

export function applicationsOfCandidate(db: Db, candidateId: string): Promise<ApplicationSummaryRow[]> {
  return db
    .selectFrom('application')
    .select([...SUMMARY_COLUMNS])
    .where('candidate_id', '=', candidateId)
    .orderBy('submitted_at', 'desc')
    .execute()
}

export async function applicationsOfMunicipality(
  db: Db,
  filter: { municipalityCode: string; postingId?: string | undefined; status?: string | undefined; limit: number; offset: number },
) {
  let query = db.selectFrom('application').where('municipality_code', '=', filter.municipalityCode)
  if (filter.postingId) query = query.where('posting_id', '=', filter.postingId)
  if (filter.status) query = query.where('status', '=', filter.status as ApplicationRow['status'])
  const [rows, count] = await Promise.all([
    query
      .select([...SUMMARY_COLUMNS])
      .orderBy('updated_at', 'desc')
      .orderBy('id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(count.total) }
}

export async function updateApplication(db: Db, id: string, values: Partial<Pick<ApplicationRow, 'status' | 'interview_at'>>, now: Date) {
  await db
    .updateTable('application')
    .set({ ...values, updated_at: now })
    .where('id', '=', id)
    .execute()
}

export async function insertStep(db: Db, step: Omit<StepRow, 'id' | 'seq' | 'created_at'> & { created_at: Date }) {
  await db.insertInto('application_step').values(step).execute()
}

export function stepsOf(db: Db, applicationId: string): Promise<StepRow[]> {
  return db.selectFrom('application_step').selectAll().where('application_id', '=', applicationId).orderBy('seq').execute()
}

/** The appointment and its first term (0230), in the caller's transaction. */
export async function insertAppointment(db: Db, values: Omit<AppointmentRow, 'id' | 'created_at' | 'employment_snapshot'> & { employment_snapshot: string }) {
  const row = await db.insertInto('appointment').values(values).returningAll().executeTakeFirstOrThrow()
  await db
    .insertInto('appointment_term')
    .values({ appointment_id: row.id, seq: 1, starts_on: row.starts_on, ends_on: row.ends_on, created_by: row.created_by })
    .execute()
  return row
}

export function appointmentOfApplication(db: Db, applicationId: string) {
  return db.selectFrom('appointment').selectAll().where('application_id', '=', applicationId).executeTakeFirst()
}

export function findAppointments(
  db: Db,
  filter: { candidateId?: string | undefined; municipalityCode?: string | undefined; prefectureCode?: string | undefined; activeOn?: string | undefined },
): Promise<AppointmentRow[]> {
  let query = db.selectFrom('appointment').selectAll()
  if (filter.candidateId) query = query.where('candidate_id', '=', filter.candidateId)
  if (filter.municipalityCode) query = query.where('municipality_code', '=', filter.municipalityCode)
  if (filter.prefectureCode) query = query.where('municipality_code', 'like', `${filter.prefectureCode}%`)
  if (filter.activeOn) query = query.where('starts_on', '<=', filter.activeOn).where('ends_on', '>=', filter.activeOn)
  return query.orderBy('starts_on').orderBy('id').execute()
}

export async function appliedMunicipalityCodes(db: Db, candidateId: string): Promise<string[]> {
  const rows = await db.selectFrom('application').select('municipality_code').distinct().where('candidate_id', '=', candidateId).execute()
  return rows.map((row) => row.municipality_code)
}

/** Candidates who applied to the posting and have not withdrawn, in id order. */
export async function applicantIdsOf(db: Db, postingId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('application')
    .select('candidate_id')
    .where('posting_id', '=', postingId)
    .where('status', '<>', 'withdrawn')
    .orderBy('candidate_id')
    .execute()
  return rows.map((row) => row.candidate_id)
}

/** Drops what the person wrote and attached; the steps and the appointment stay. */
export async function anonymiseApplications(db: Db, candidateId: string, now: Date): Promise<void> {
  await db
    .updateTable('application')
    .set({ motivation: '（削除済み）', resume: null, resume_file_name: null, resume_size: null, anonymised_at: now })
    .where('candidate_id', '=', candidateId)
    .execute()
}
