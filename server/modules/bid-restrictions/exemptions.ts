/**
 * 適用除外 (手順書 参考4.4-⑨): a 入札制限対象企業 under rule D applies, with (a) and (c) attested and (b) its contact
 * history attached; the municipality approves or rejects with a reason. Companies have no accounts here, so staff
 * register the application received on paper or by mail. Every step is audited in its transaction.
 */
import { EXEMPTION_FILE_MAX_BYTES, type ExemptionApplication, type ExemptionStatus } from '#shared/contracts/bid-restrictions'
import type { z } from 'zod'
import type { Actor } from '../../http/actor.ts'
import { AppError, notFound } from '../../http/errors.ts'
import { recordAudit } from '../audit/index.ts'
import { companyNames } from '../companies/index.ts'
import { asOfOf, type BidRestrictionDeps, municipal, ownAppointment, ownProcurement, type RequestInfo } from './deps.ts'
import * as repository from './exemption-repository.ts'
import { loadBidFacts } from './facts-loader.ts'
import { exemptionAppointeeRefusal, exemptionRefusal } from './rules/index.ts'

function exemptionView(row: repository.ExemptionRow) {
  return {
    id: row.id,
    procurementId: row.procurement_id,
    municipalityCode: row.municipality_code,
    corporateNumber: row.corporate_number,
    appointmentId: row.appointment_id,
    attestsNoContact: row.attests_no_contact,
    acceptsAudit: row.accepts_audit,
    contactHistory: { fileName: row.contact_history_file_name, mediaType: row.contact_history_media_type, size: row.contact_history_size },
    statement: row.statement,
    status: row.status,
    decisionReason: row.decision_reason,
    decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
    createdAt: new Date(row.created_at).toISOString(),
  }
}

function decodeContactHistory(file: z.output<typeof ExemptionApplication>['contactHistory']): Uint8Array {
  const bytes = Buffer.from(file.contentBase64, 'base64')
  const fail = (message: string) => new AppError('INVALID_FILE', message, 400, [{ path: 'contactHistory.contentBase64', message }])
  if (bytes.length === 0) throw fail('(b) 接触履歴のファイルが空です。')
  if (bytes.length > EXEMPTION_FILE_MAX_BYTES) throw fail('(b) 接触履歴のファイルは512KB以内にしてください。')
  if (file.mediaType === 'application/pdf' && bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw fail('(b) 接触履歴のファイルが PDF ではありません。')
  if (file.mediaType === 'text/plain') {
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
      if (text.includes('\u0000')) throw new Error('binary')
    } catch {
      throw fail('(b) 接触履歴のテキストファイルは UTF-8 の文字だけにしてください。')
    }
  }
  return new Uint8Array(bytes)
}

export function applyExemption(
  deps: BidRestrictionDeps,
  actor: Actor,
  procurementId: string,
  input: z.output<typeof ExemptionApplication>,
  request: RequestInfo,
) {
  const staff = municipal(actor)
  const bytes = decodeContactHistory(input.contactHistory)
  return deps.db.transaction().execute(async (tx) => {
    const procurement = await ownProcurement(tx, staff, procurementId)
    if (input.appointmentId !== null) await ownAppointment(tx, staff, input.appointmentId)
    if (await repository.openExemptionExists(tx, procurement.id, input.corporateNumber)) {
      const message = 'この法人のこの調達案件への適用除外の申請は、審査中か承認済みです。'
      throw new AppError('CONFLICT', message, 409, [{ path: 'corporateNumber', message: `法人: ${message}` }])
    }
    // Whether the company is restricted on the bid day (today when the procurement has none yet).
    const asOf = procurement.bids_on ?? asOfOf(deps, undefined)
    const loaded = await loadBidFacts(
      tx,
      { id: procurement.id, municipalityCode: staff.localGovernmentCode },
      input.corporateNumber,
      asOf,
      deps.otherAppointments,
    )
    const refusal = loaded ? exemptionRefusal(loaded.facts) : null
    if (refusal) throw new AppError('EXEMPTION_NOT_APPLICABLE', refusal, 409, [{ path: 'corporateNumber', message: refusal }])
    const appointeeRefusal = loaded && input.appointmentId !== null ? exemptionAppointeeRefusal(loaded.facts, input.appointmentId) : null
    if (appointeeRefusal) throw new AppError('EXEMPTION_NOT_APPLICABLE', appointeeRefusal, 409, [{ path: 'appointmentId', message: appointeeRefusal }])
    const row = await repository.insertExemption(tx, {
      procurementId: procurement.id,
      municipalityCode: staff.localGovernmentCode,
      corporateNumber: input.corporateNumber,
      appointmentId: input.appointmentId,
      fileName: input.contactHistory.fileName,
      mediaType: input.contactHistory.mediaType,
      bytes,
      statement: input.statement,
      appliedBy: staff.userId,
    })
    await recordAudit(tx, {
      actor,
      action: 'bid_exemption.applied',
      targetType: 'bid_exemption',
      targetId: row.id,
      request,
      details: { procurementId: procurement.id, corporateNumber: input.corporateNumber, appointmentId: input.appointmentId },
    })
    return exemptionView(row)
  })
}

export async function listExemptions(deps: BidRestrictionDeps, actor: Actor, procurementId: string) {
  const staff = municipal(actor)
  const procurement = await ownProcurement(deps.db, staff, procurementId)
  return { items: (await repository.listExemptions(deps.db, procurement.id, staff.localGovernmentCode)).map(exemptionView) }
}

/** Every application of the municipality, newest first, one page at a time, with procurement titles and company names. */
export async function listMunicipalityExemptions(
  deps: BidRestrictionDeps,
  actor: Actor,
  query: { limit: number; offset: number; status?: z.infer<typeof ExemptionStatus> | undefined },
) {
  const staff = municipal(actor)
  const { items, total } = await repository.listMunicipalityExemptions(deps.db, staff.localGovernmentCode, query)
  const names = await companyNames(
    deps.db,
    items.map((row) => row.corporate_number),
  )
  return {
    items: items.map((row) => ({ ...exemptionView(row), procurementTitle: row.procurement_title, companyName: names[row.corporate_number] ?? null })),
    total,
    limit: query.limit,
    offset: query.offset,
  }
}

/** 承認 or 却下 with a reason; only a pending application can be decided. */
export function decideExemption(
  deps: BidRestrictionDeps,
  actor: Actor,
  id: string,
  input: { decision: 'approved' | 'rejected'; reason: string },
  request: RequestInfo,
) {
  const staff = municipal(actor)
  return deps.db.transaction().execute(async (tx) => {
    const current = await repository.findExemption(tx, id, staff.localGovernmentCode, true)
    if (!current) throw notFound('指定された適用除外の申請は見つかりません。')
    if (current.status !== 'pending') throw new AppError('CONFLICT', 'この申請はすでに承認または却下されています。')
    const row = await repository.decideExemption(tx, id, input.decision, input.reason, staff.userId, deps.clock())
    if (!row) throw new AppError('CONFLICT', 'この申請はすでに承認または却下されています。')
    await recordAudit(tx, {
      actor,
      action: `bid_exemption.${input.decision}`,
      targetType: 'bid_exemption',
      targetId: id,
      request,
      details: { procurementId: row.procurement_id, corporateNumber: row.corporate_number, reason: input.reason },
    })
    return exemptionView(row)
  })
}
