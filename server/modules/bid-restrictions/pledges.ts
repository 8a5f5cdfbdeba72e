/**
 * 誓約書 (手順書 §4.4(4), 参考4.4-⑨): what the appointee pledged, recorded by the municipality's staff when the signed
 * pledge is received, and which active appointments still have none (dashboards). Recording is audited.
 */
import type { Appointment as AppointmentView } from '#shared/contracts/applications'
import type { PledgeInput } from '#shared/contracts/bid-restrictions'
import type { ErrorDetail } from '#shared/errors'
import type { z } from 'zod'
import type { Db } from '../../db/database.ts'
import type { Actor } from '../../http/actor.ts'
import { AppError, notFound } from '../../http/errors.ts'
import { appointmentsFor } from '../applications/index.ts'
import { recordAudit } from '../audit/index.ts'
import { asOfOf, type BidRestrictionDeps, invalid, municipal, ownAppointment, type RequestInfo } from './deps.ts'
import * as repository from './pledge-repository.ts'
import { parseJson } from './repository.ts'
import { pledgeSections } from './rules/index.ts'

export function pledgeView(row: repository.PledgeRow, appointmentForm: string) {
  return {
    id: row.id,
    appointmentId: row.appointment_id,
    municipalityCode: row.municipality_code,
    signerName: row.signer_name,
    signedOn: row.signed_on,
    disclosedEmployers: parseJson(row.disclosed_employers) as z.output<typeof PledgeInput>['disclosedEmployers'],
    sideJobs: parseJson(row.side_jobs) as z.output<typeof PledgeInput>['sideJobs'],
    shareholdings: parseJson(row.shareholdings) as z.output<typeof PledgeInput>['shareholdings'],
    sections: pledgeSections(appointmentForm),
    createdAt: new Date(row.created_at).toISOString(),
  }
}

export function recordPledge(deps: BidRestrictionDeps, actor: Actor, appointmentId: string, input: z.output<typeof PledgeInput>, request: RequestInfo) {
  const staff = municipal(actor)
  const problems: ErrorDetail[] = []
  input.disclosedEmployers.forEach((spell, index) => {
    if (spell.endsOn !== null && spell.endsOn < spell.startsOn)
      problems.push({ path: `disclosedEmployers.${index}.endsOn`, message: '終了日は開始日以降にしてください。' })
  })
  input.sideJobs.forEach((spell, index) => {
    if (spell.endsOn !== null && spell.endsOn < spell.startsOn)
      problems.push({ path: `sideJobs.${index}.endsOn`, message: '終了日は開始日以降にしてください。' })
  })
  if (problems.length > 0) throw invalid('誓約書の入力内容に誤りがあります。', problems)
  return deps.db.transaction().execute(async (tx) => {
    const appointment = await ownAppointment(tx, staff, appointmentId)
    const row = await repository.insertPledge(tx, {
      appointmentId: appointment.id,
      municipalityCode: staff.localGovernmentCode,
      signerName: input.signerName,
      signedOn: input.signedOn,
      disclosedEmployers: input.disclosedEmployers,
      sideJobs: input.sideJobs,
      shareholdings: input.shareholdings,
      recordedBy: staff.userId,
    })
    await recordAudit(tx, { actor, action: 'pledge.recorded', targetType: 'appointment', targetId: appointment.id, request, details: { pledgeId: row.id } })
    return pledgeView(row, appointment.appointmentForm)
  })
}

export async function latestPledge(deps: BidRestrictionDeps, actor: Actor, appointmentId: string) {
  const staff = municipal(actor)
  const appointment = await ownAppointment(deps.db, staff, appointmentId)
  const row = (await repository.latestPledges(deps.db, [appointment.id])).get(appointment.id)
  if (!row) throw notFound('この任用には誓約書が記録されていません。')
  return { appointment, pledge: pledgeView(row, appointment.appointmentForm) }
}

/** Appointments active on `asOf` without a pledge: the municipality's own, a prefecture's municipalities, or all. */
export async function appointmentsWithoutPledge(deps: BidRestrictionDeps, actor: Actor, asOfInput: string | undefined) {
  const asOf = asOfOf(deps, asOfInput)
  let appointments: AppointmentView[]
  switch (actor.kind) {
    case 'municipality':
      appointments = await appointmentsFor(deps.db, { municipalityCode: actor.localGovernmentCode, activeOn: asOf })
      break
    case 'prefecture':
      appointments = (await appointmentsFor(deps.db, { activeOn: asOf })).filter((appointment) => appointment.municipalityCode.startsWith(actor.prefectureCode))
      break
    case 'national':
      appointments = await appointmentsFor(deps.db, { activeOn: asOf })
      break
    default:
      throw new AppError('FORBIDDEN', 'この操作を行う権限がありません。')
  }
  const withPledge = await repository.appointmentIdsWithPledge(deps.db, actor.kind === 'municipality' ? actor.localGovernmentCode : null)
  return {
    asOf,
    items: appointments
      .filter((appointment) => !withPledge.has(appointment.id))
      .map((appointment) => ({
        appointmentId: appointment.id,
        municipalityCode: appointment.municipalityCode,
        candidateId: appointment.candidateId,
        startsOn: appointment.startsOn,
        endsOn: appointment.endsOn,
      })),
  }
}

/** Per municipality of the prefecture: appointments active on `activeOn` without a pledge 誓約書 (dashboards). */
export async function pledgesMissingByMunicipality(tx: Db, prefectureCode: string, activeOn: string): Promise<Map<string, number>> {
  const appointments = (await appointmentsFor(tx, { activeOn })).filter((appointment) => appointment.municipalityCode.startsWith(prefectureCode))
  const withPledge = await repository.appointmentIdsWithPledge(tx, null)
  const counts = new Map<string, number>()
  for (const appointment of appointments) {
    if (withPledge.has(appointment.id)) continue
    counts.set(appointment.municipalityCode, (counts.get(appointment.municipalityCode) ?? 0) + 1)
  }
  return counts
}
