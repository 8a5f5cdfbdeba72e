/** SQL on pledge (誓約書): one row per signature received; the latest one counts. */
import type { Db } from '../../db/database.ts'

// ——— pledges ———

export async function latestPledges(db: Db, appointmentIds: readonly string[]) {
  if (appointmentIds.length === 0) return new Map<string, PledgeRow>()
  const rows = await db
    .selectFrom('pledge')
    .selectAll()
    .distinctOn('appointment_id')
    .where('appointment_id', 'in', appointmentIds)
    .orderBy('appointment_id')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute()
  return new Map(rows.map((row) => [row.appointment_id, row]))
}

export type PledgeRow = Awaited<ReturnType<typeof insertPledge>>

export function insertPledge(
  db: Db,
  values: {
    appointmentId: string
    municipalityCode: string
    signerName: string
    signedOn: string
    disclosedEmployers: unknown[]
    sideJobs: unknown[]
    shareholdings: unknown[]
    recordedBy: string | null
  },
) {
  return db
    .insertInto('pledge')
    .values({
      appointment_id: values.appointmentId,
      municipality_code: values.municipalityCode,
      signer_name: values.signerName,
      signed_on: values.signedOn,
      disclosed_employers: JSON.stringify(values.disclosedEmployers),
      side_jobs: JSON.stringify(values.sideJobs),
      shareholdings: JSON.stringify(values.shareholdings),
      recorded_by: values.recordedBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function appointmentIdsWithPledge(db: Db, municipalityCode: string | null): Promise<Set<string>> {
  let query = db.selectFrom('pledge').select('appointment_id').distinct()
  if (municipalityCode) query = query.where('municipality_code', '=', municipalityCode)
  return new Set((await query.execute()).map((row) => row.appointment_id))
}
