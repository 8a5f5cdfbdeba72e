/** SQL on bid_exemption (適用除外の申請). Every read carries `municipality_code`, so another municipality's is not found. */
import type { Db } from '../../db/database.ts'

// ——— exemptions ———

const exemptionColumns = [
  'id',
  'procurement_id',
  'municipality_code',
  'corporate_number',
  'appointment_id',
  'attests_no_contact',
  'accepts_audit',
  'contact_history_file_name',
  'contact_history_media_type',
  'contact_history_size',
  'statement',
  'status',
  'decision_reason',
  'decided_at',
  'created_at',
] as const

export type ExemptionRow = Awaited<ReturnType<typeof listExemptions>>[number]

export function listExemptions(db: Db, procurementId: string, municipalityCode: string) {
  return db
    .selectFrom('bid_exemption')
    .select(exemptionColumns)
    .where('procurement_id', '=', procurementId)
    .where('municipality_code', '=', municipalityCode)
    .orderBy('created_at', 'desc')
    .execute()
}

/** The municipality's applications, newest first, with the procurement's title (one page, and how many in all). */
export async function listMunicipalityExemptions(
  db: Db,
  municipalityCode: string,
  query: { limit: number; offset: number; status?: 'pending' | 'approved' | 'rejected' | undefined },
) {
  let base = db.selectFrom('bid_exemption as e').innerJoin('procurement as p', 'p.id', 'e.procurement_id').where('e.municipality_code', '=', municipalityCode)
  if (query.status) base = base.where('e.status', '=', query.status)
  const items = await base
    .select(exemptionColumns.map((column) => `e.${column}` as const))
    .select('p.title as procurement_title')
    .orderBy('e.created_at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(query.limit)
    .offset(query.offset)
    .execute()
  const count = await base.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow()
  return { items, total: Number(count.total) }
}

export function findExemption(db: Db, id: string, municipalityCode: string, forUpdate = false) {
  let query = db.selectFrom('bid_exemption').select(exemptionColumns).where('id', '=', id).where('municipality_code', '=', municipalityCode)
  if (forUpdate) query = query.forUpdate()
  return query.executeTakeFirst()
}

export async function openExemptionExists(db: Db, procurementId: string, corporateNumber: string) {
  const row = await db
    .selectFrom('bid_exemption')
    .select('id')
    .where('procurement_id', '=', procurementId)
    .where('corporate_number', '=', corporateNumber)
    .where('status', '<>', 'rejected')
    .executeTakeFirst()
  return row !== undefined
}

export function insertExemption(
  db: Db,
  values: {
    procurementId: string
    municipalityCode: string
    corporateNumber: string
    appointmentId: string | null
    fileName: string
    mediaType: 'application/pdf' | 'text/plain'
    bytes: Uint8Array
    statement: string
    appliedBy: string | null
  },
) {
  return db
    .insertInto('bid_exemption')
    .values({
      procurement_id: values.procurementId,
      municipality_code: values.municipalityCode,
      corporate_number: values.corporateNumber,
      appointment_id: values.appointmentId,
      attests_no_contact: true,
      accepts_audit: true,
      contact_history_file_name: values.fileName,
      contact_history_media_type: values.mediaType,
      contact_history: values.bytes,
      contact_history_size: values.bytes.length,
      statement: values.statement,
      applied_by: values.appliedBy,
    })
    .returning(exemptionColumns)
    .executeTakeFirstOrThrow()
}

export function decideExemption(db: Db, id: string, status: 'approved' | 'rejected', reason: string, decidedBy: string | null, now: Date) {
  return db
    .updateTable('bid_exemption')
    .set({ status, decision_reason: reason, decided_by: decidedBy, decided_at: now })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .returning(exemptionColumns)
    .executeTakeFirst()
}
