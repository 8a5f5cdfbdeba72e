/** SQL of the interviews module: its own tables only. */
import { sql, type Selectable, type Updateable } from 'kysely'
import type { Db } from '../../db/database.ts'
import type { InterviewSlotTable, InterviewTable } from '../../db/schema.ts'

export type InterviewRow = Selectable<InterviewTable>
export type SlotRow = Selectable<InterviewSlotTable>

export async function insertInterview(
  tx: Db,
  values: { application_id: string; municipality_code: string; candidate_id: string; uid: string; created_by: string; created_at: Date; updated_at: Date },
): Promise<InterviewRow | undefined> {
  // The partial unique index allows one open interview per application; a second answers undefined.
  return tx
    .insertInto('interview')
    .values(values)
    .onConflict((oc) => oc.column('application_id').where('state', '<>', 'cancelled').doNothing())
    .returningAll()
    .executeTakeFirst()
}

export function findInterview(db: Db, id: string, options: { forUpdate?: boolean } = {}): Promise<InterviewRow | undefined> {
  let query = db.selectFrom('interview').selectAll().where('id', '=', id)
  if (options.forUpdate) query = query.forUpdate()
  return query.executeTakeFirst()
}

export async function interviewsOfApplication(
  db: Db,
  applicationId: string,
  pageOf: { limit: number; offset: number },
): Promise<{ rows: InterviewRow[]; total: number }> {
  const ofApplication = db.selectFrom('interview').where('application_id', '=', applicationId)
  const [rows, counted] = await Promise.all([
    ofApplication.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(pageOf.limit).offset(pageOf.offset).execute(),
    ofApplication.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(counted.total) }
}

export async function updateInterview(tx: Db, id: string, values: Updateable<InterviewTable>): Promise<InterviewRow> {
  return tx.updateTable('interview').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow()
}

export async function replaceSlots(
  tx: Db,
  interviewId: string,
  slots: ReadonlyArray<{ starts_at: Date; ends_at: Date; mode: 'online' | 'in_person'; location: string }>,
): Promise<SlotRow[]> {
  await tx.deleteFrom('interview_slot').where('interview_id', '=', interviewId).execute()
  return tx
    .insertInto('interview_slot')
    .values(slots.map((slot, index) => ({ ...slot, interview_id: interviewId, position: index + 1 })))
    .returningAll()
    .execute()
}

export function slotsOf(db: Db, interviewIds: readonly string[]): Promise<SlotRow[]> {
  if (interviewIds.length === 0) return Promise.resolve([])
  return db.selectFrom('interview_slot').selectAll().where('interview_id', 'in', interviewIds).orderBy('position').execute()
}

/** Scheduled interviews whose chosen slot starts between the two instants and whose current version has no reminder yet. */
export async function reminderCandidates(db: Db, from: Date, to: Date): Promise<string[]> {
  const rows = await db
    .selectFrom('interview as i')
    .innerJoin('interview_slot as s', 's.id', 'i.chosen_slot_id')
    .select('i.id')
    .where('i.state', '=', 'scheduled')
    .where('s.starts_at', '>=', from)
    .where('s.starts_at', '<', to)
    .where(sql<boolean>`i.reminded_sequence IS DISTINCT FROM i.sequence`)
    .execute()
  return rows.map((row) => row.id)
}

/**
 * Marks the current version reminded, if no one has yet: of two instances running the reminder job at once, only
 * one gets the row back (and sends).
 */
export function claimReminder(tx: Db, id: string): Promise<InterviewRow | undefined> {
  return tx
    .updateTable('interview')
    .set({ reminded_sequence: sql<number>`sequence` })
    .where('id', '=', id)
    .where('state', '=', 'scheduled')
    .where(sql<boolean>`reminded_sequence IS DISTINCT FROM sequence`)
    .returningAll()
    .executeTakeFirst()
}
