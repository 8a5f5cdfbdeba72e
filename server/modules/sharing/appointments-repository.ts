/** SQL for shared and joint appointments (共有任用・共同任用: shared_appointment, shared_appointment_share). */
import type { Selectable } from 'kysely'
import type { Db } from '../../db/database.ts'
import type { SharedAppointmentShareTable, SharedAppointmentTable } from '../../db/schema.ts'

export type SharedAppointmentRow = Selectable<SharedAppointmentTable>
export type ShareRow = Selectable<SharedAppointmentShareTable>

export function insertSharedAppointment(
  db: Db,
  values: Omit<SharedAppointmentRow, 'id' | 'created_at' | 'bid_rules'> & { bid_rules: string },
): Promise<SharedAppointmentRow> {
  return db.insertInto('shared_appointment').values(values).returningAll().executeTakeFirstOrThrow()
}

export async function insertShares(db: Db, shares: ShareRow[]): Promise<void> {
  if (shares.length > 0) await db.insertInto('shared_appointment_share').values(shares).execute()
}

export function findSharedAppointment(db: Db, id: string): Promise<SharedAppointmentRow | undefined> {
  return db.selectFrom('shared_appointment').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function sharesOf(db: Db, appointmentIds: readonly string[]): Promise<Map<string, ShareRow[]>> {
  const map = new Map<string, ShareRow[]>(appointmentIds.map((id) => [id, []]))
  if (appointmentIds.length === 0) return map
  const rows = await db
    .selectFrom('shared_appointment_share')
    .selectAll()
    .where('appointment_id', 'in', [...appointmentIds])
    .orderBy('local_government_code')
    .execute()
  for (const row of rows) map.get(row.appointment_id)?.push(row)
  return map
}

/** Appointments run by the code, or with a share for it. */
export function sharedAppointmentsOf(db: Db, code: string): Promise<SharedAppointmentRow[]> {
  return db
    .selectFrom('shared_appointment as a')
    .selectAll('a')
    .where((eb) =>
      eb.or([
        eb('a.operator_code', '=', code),
        eb.exists(
          eb
            .selectFrom('shared_appointment_share as s')
            .select('s.appointment_id')
            .whereRef('s.appointment_id', '=', 'a.id')
            .where('s.local_government_code', '=', code),
        ),
      ]),
    )
    .orderBy('a.starts_on', 'desc')
    .orderBy('a.id')
    .execute()
}

export async function appointmentRulesOf(db: Db, talentId: string): Promise<unknown[]> {
  const rows = await db.selectFrom('shared_appointment').select('bid_rules').where('talent_id', '=', talentId).execute()
  return rows.map((r) => r.bid_rules)
}
