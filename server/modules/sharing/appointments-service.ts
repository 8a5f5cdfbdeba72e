/** Shared and joint appointments (共有任用・共同任用): one person's days or time divided among municipalities. */
import type { z } from 'zod'
import type { CreateSharedAppointmentBody, SharedAppointment } from '#shared/contracts/sharing'
import { jointShareProblems, perMonthToPerWeek, serviceShareProblems, viewerCode } from '#shared/domain/sharing/index'
import type { Db } from '../../db/database.ts'
import type { Actor } from '../../http/actor.ts'
import { AppError, notFound } from '../../http/errors.ts'
import { recordAudit } from '../audit/index.ts'
import * as appointmentRepo from './appointments-repository.ts'
import { names, type RequestInfo, requireViewer, type SharingDeps, viewerOf } from './context.ts'
import { readPersonRules } from './json-columns.ts'
import * as referenceRepo from './reference-repository.ts'
import { assertCapacity, assertRules, shareCommitment, talentForOperator } from './talents-service.ts'
import * as talentRepo from './talents-repository.ts'

const APPOINTMENT_NOT_FOUND = '指定された共有任用・共同任用が見つかりません。'

async function sharedAppointmentViews(tx: Db, rows: appointmentRepo.SharedAppointmentRow[]): Promise<SharedAppointment[]> {
  const shares = await appointmentRepo.sharesOf(
    tx,
    rows.map((r) => r.id),
  )
  const lg = await referenceRepo.localGovernments(tx, [...rows.map((r) => r.operator_code), ...[...shares.values()].flat().map((s) => s.local_government_code)])
  const views: SharedAppointment[] = []
  for (const row of rows) {
    const talent = await talentRepo.findTalent(tx, row.talent_id)
    views.push({
      id: row.id,
      kind: row.kind,
      operator: names(lg, row.operator_code),
      talentId: row.talent_id,
      talentName: talent?.display_name ?? '',
      title: row.title,
      roleId: row.role_id as SharedAppointment['roleId'],
      startsOn: row.starts_on,
      endsOn: row.ends_on,
      daysPerWeek: row.days_per_week === null ? null : Number(row.days_per_week),
      annualCostYen: row.annual_cost_yen === null ? null : Number(row.annual_cost_yen),
      bidRules: readPersonRules(row.bid_rules),
      shares: (shares.get(row.id) ?? []).map((s) => ({
        localGovernmentCode: s.local_government_code,
        name: lg.get(s.local_government_code)?.name ?? s.local_government_code,
        daysPerMonth: s.days_per_month === null ? null : Number(s.days_per_month),
        timePercent: s.time_percent,
        costYen: s.cost_yen === null ? null : Number(s.cost_yen),
        daysPerWeek: row.kind === 'joint' ? (Number(row.days_per_week) * Number(s.time_percent)) / 100 : perMonthToPerWeek(Number(s.days_per_month)),
      })),
    })
  }
  return views
}

/** 共有任用・共同任用の登録: shares checked, then every share must fit the person's week (409 otherwise). */
export async function createSharedAppointment(
  deps: SharingDeps,
  actor: Actor,
  info: RequestInfo,
  body: z.output<typeof CreateSharedAppointmentBody>,
): Promise<SharedAppointment> {
  const viewer = requireViewer(actor)
  assertRules(body.bidRules, 'bidRules')
  return deps.db.transaction().execute(async (tx) => {
    const talent = await talentForOperator(tx, actor, body.talentId)
    const codes = body.shares.map((s) => s.localGovernmentCode)
    const problems =
      body.kind === 'joint'
        ? [
            ...(body.daysPerWeek === undefined ? [{ path: 'daysPerWeek', message: '共同任用では週あたり日数を入力してください。' }] : []),
            ...(body.annualCostYen === undefined ? [{ path: 'annualCostYen', message: '共同任用では年間費用を入力してください。' }] : []),
            ...jointShareProblems(
              body.shares.map((s) => ({ localGovernmentCode: s.localGovernmentCode, timePercent: s.timePercent ?? 0, costYen: s.costYen ?? 0 })),
              body.annualCostYen ?? 0,
            ),
          ]
        : serviceShareProblems(body.shares.map((s) => ({ localGovernmentCode: s.localGovernmentCode, daysPerMonth: s.daysPerMonth ?? 0 })))
    if (problems.length > 0) throw new AppError('SHARING_INVALID', problems[0]!.message, 400, problems)
    const lg = await referenceRepo.localGovernments(tx, codes)
    const unknown = codes.filter((c) => !lg.has(c) || (viewer.kind === 'prefecture' && lg.get(c)!.prefectureCode !== viewer.prefectureCode))
    if (unknown.length > 0) {
      throw new AppError(
        'SHARING_INVALID',
        `支援先に指定できない団体があります: ${unknown.join('、')}`,
        400,
        unknown.map((c) => ({ path: 'shares', message: `団体 ${c}` })),
      )
    }
    const row = await appointmentRepo.insertSharedAppointment(tx, {
      kind: body.kind,
      operator_code: viewerCode(viewer),
      talent_id: talent.id,
      title: body.title,
      role_id: body.roleId,
      starts_on: body.startsOn,
      ends_on: body.endsOn,
      days_per_week: body.kind === 'joint' ? body.daysPerWeek! : null,
      annual_cost_yen: body.kind === 'joint' ? body.annualCostYen! : null,
      bid_rules: JSON.stringify(body.bidRules),
      created_by: 'userId' in actor ? actor.userId : null,
    })
    const shares: appointmentRepo.ShareRow[] = body.shares.map((s) => ({
      appointment_id: row.id,
      local_government_code: s.localGovernmentCode,
      days_per_month: body.kind === 'shared' ? s.daysPerMonth! : null,
      time_percent: body.kind === 'joint' ? s.timePercent! : null,
      cost_yen: body.kind === 'joint' ? s.costYen! : null,
    }))
    await assertCapacity(
      tx,
      talent,
      shares.map((s) => shareCommitment(row, s, lg.get(s.local_government_code)!.name)),
      row.id,
    )
    await appointmentRepo.insertShares(tx, shares)
    await recordAudit(tx, {
      actor,
      action: `shared_appointment.created`,
      targetType: 'shared_appointment',
      targetId: row.id,
      request: info,
      details: { kind: body.kind, shares: codes },
    })
    return (await sharedAppointmentViews(tx, [row]))[0]!
  })
}

export async function listSharedAppointments(deps: SharingDeps, actor: Actor): Promise<{ items: SharedAppointment[] }> {
  const viewer = requireViewer(actor)
  const rows = await appointmentRepo.sharedAppointmentsOf(deps.db, viewerCode(viewer))
  return { items: await sharedAppointmentViews(deps.db, rows) }
}

export async function getSharedAppointment(deps: SharingDeps, actor: Actor, id: string): Promise<SharedAppointment> {
  const viewer = viewerOf(actor)
  const row = await appointmentRepo.findSharedAppointment(deps.db, id)
  if (!row || !viewer) throw notFound(APPOINTMENT_NOT_FOUND)
  const code = viewerCode(viewer)
  const shares = (await appointmentRepo.sharesOf(deps.db, [row.id])).get(row.id) ?? []
  if (row.operator_code !== code && !shares.some((s) => s.local_government_code === code)) throw notFound(APPOINTMENT_NOT_FOUND)
  return (await sharedAppointmentViews(deps.db, [row]))[0]!
}
