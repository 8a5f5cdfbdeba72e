/** SQL of appointments' terms, reminders and evaluations: the applications module's own tables only. */
import type { Selectable } from 'kysely'
import type { Db } from '../../db/database.ts'
import type { AppointmentEvaluationTable, AppointmentTermTable } from '../../db/schema.ts'
import type { AppointmentRow } from './repository.ts'

export type TermRow = Selectable<AppointmentTermTable>
export type EvaluationRow = Selectable<AppointmentEvaluationTable>

export function findAppointment(db: Db, id: string, options: { forUpdate?: boolean } = {}): Promise<AppointmentRow | undefined> {
  let query = db.selectFrom('appointment').selectAll().where('id', '=', id)
  if (options.forUpdate) query = query.forUpdate()
  return query.executeTakeFirst()
}

/**
 * The terms in order. An appointment recorded without one (fixtures that insert the row directly) gets its first
 * term from its own dates, once.
 */
export async function termsOf(db: Db, appointment: AppointmentRow): Promise<TermRow[]> {
  const rows = await db.selectFrom('appointment_term').selectAll().where('appointment_id', '=', appointment.id).orderBy('seq').execute()
  if (rows.length > 0) return rows
  await db
    .insertInto('appointment_term')
    .values({ appointment_id: appointment.id, seq: 1, starts_on: appointment.starts_on, ends_on: appointment.ends_on, created_by: appointment.created_by })
    .onConflict((oc) => oc.columns(['appointment_id', 'seq']).doNothing())
    .execute()
  return db.selectFrom('appointment_term').selectAll().where('appointment_id', '=', appointment.id).orderBy('seq').execute()
}

export async function insertTerm(
  db: Db,
  values: { appointment_id: string; seq: number; starts_on: string; ends_on: string; note: string; created_by: string | null },
) {
  await db.insertInto('appointment_term').values(values).execute()
}

export async function endTermEarly(db: Db, appointmentId: string, seq: number, endedOn: string, reason: string) {
  await db
    .updateTable('appointment_term')
    .set({ ended_early_on: endedOn, end_reason: reason })
    .where('appointment_id', '=', appointmentId)
    .where('seq', '=', seq)
    .execute()
}

/** The span served, which 入札制限 and sharing read: first day of the first term to the last day of the last. */
export async function setAppointmentEnd(db: Db, appointmentId: string, endsOn: string) {
  await db.updateTable('appointment').set({ ends_on: endsOn }).where('id', '=', appointmentId).execute()
}

/** Appointments whose span ends between the two days (inclusive): the ones a term reminder may be due for. */
export function appointmentsEndingBetween(db: Db, from: string, to: string): Promise<AppointmentRow[]> {
  return db.selectFrom('appointment').selectAll().where('ends_on', '>=', from).where('ends_on', '<=', to).orderBy('ends_on').orderBy('id').execute()
}

/**
 * Records that the reminder for this term and threshold went out, if no one has yet: true for the one caller (of
 * any instance) whose insert made the row, who then queues the mail in the same transaction.
 */
export async function claimReminder(db: Db, appointmentId: string, seq: number, daysBefore: number, now: Date): Promise<boolean> {
  const row = await db
    .insertInto('appointment_term_reminder')
    .values({ appointment_id: appointmentId, seq, days_before: daysBefore, sent_at: now })
    .onConflict((oc) => oc.columns(['appointment_id', 'seq', 'days_before']).doNothing())
    .returning('seq')
    .executeTakeFirst()
  return row !== undefined
}

export function evaluationsOf(db: Db, appointmentId: string): Promise<EvaluationRow[]> {
  return db.selectFrom('appointment_evaluation').selectAll().where('appointment_id', '=', appointmentId).orderBy('created_at').orderBy('id').execute()
}

export function insertEvaluation(
  db: Db,
  values: Omit<EvaluationRow, 'id' | 'created_at' | 'self_review' | 'self_reviewed_at' | 'objectives'> & { objectives: string },
) {
  return db.insertInto('appointment_evaluation').values(values).returning('id').executeTakeFirstOrThrow()
}

/** Writes the person's own view on one evaluation of the appointment; false when there is no such evaluation. */
export async function writeSelfReview(db: Db, appointmentId: string, evaluationId: string, text: string, now: Date): Promise<boolean> {
  const row = await db
    .updateTable('appointment_evaluation')
    .set({ self_review: text, self_reviewed_at: now })
    .where('id', '=', evaluationId)
    .where('appointment_id', '=', appointmentId)
    .returning('id')
    .executeTakeFirst()
  return row !== undefined
}

/** Per municipality of the prefecture: evaluations by assessment and renewal intent, and how many have a self-review. */
export function evaluationCounts(db: Db, prefectureCode: string) {
  return db
    .selectFrom('appointment_evaluation')
    .select([
      'municipality_code',
      'assessment',
      'renewal',
      (eb) => eb.fn.countAll<number | string>().as('n'),
      (eb) => eb.fn.count<number | string>('self_review').as('reviewed'),
    ])
    .where('municipality_code', 'like', `${prefectureCode}%`)
    .groupBy(['municipality_code', 'assessment', 'renewal'])
    .execute()
}

/** Per appointment: its last term's number and whether it ended early, and how many evaluations it has. */
export async function termSummaries(db: Db, appointmentIds: readonly string[]) {
  if (appointmentIds.length === 0) return new Map<string, { seq: number; endedEarly: boolean; evaluations: number }>()
  const [terms, evaluations] = await Promise.all([
    db
      .selectFrom('appointment_term')
      .select(['appointment_id', 'seq', 'ended_early_on'])
      .where('appointment_id', 'in', [...appointmentIds])
      .orderBy('seq')
      .execute(),
    db
      .selectFrom('appointment_evaluation')
      .select(['appointment_id', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('appointment_id', 'in', [...appointmentIds])
      .groupBy('appointment_id')
      .execute(),
  ])
  const counts = new Map(evaluations.map((row) => [row.appointment_id, Number(row.n)]))
  const result = new Map<string, { seq: number; endedEarly: boolean; evaluations: number }>()
  for (const id of appointmentIds) result.set(id, { seq: 1, endedEarly: false, evaluations: counts.get(id) ?? 0 })
  for (const term of terms)
    result.set(term.appointment_id, { seq: term.seq, endedEarly: term.ended_early_on !== null, evaluations: counts.get(term.appointment_id) ?? 0 })
  return result
}
