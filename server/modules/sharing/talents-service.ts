/**
 * Talents and their weekly capacity (稼働): registering experts, and every commitment of a person across the
 * municipalities they serve. A commitment that does not fit the person's declared week is refused.
 */
import type { z } from 'zod'
import type { Capacity, CreateTalentBody, PersonRule, Talent } from '#shared/contracts/sharing'
import type { IsoDate } from '#shared/domain/dates'
import { checkCapacity, type Commitment, jointShareAllocation, viewerCode, weeklyLoads, weekStartOf } from '#shared/domain/sharing/index'
import { postingRoleLabels, type PostingRoleId } from '#shared/domain/postings/form'
import type { Db } from '../../db/database.ts'
import type { Actor } from '../../http/actor.ts'
import { AppError, notFound } from '../../http/errors.ts'
import { appointmentsFor } from '../applications/index.ts'
import { recordAudit } from '../audit/index.ts'
import { validateRuleParameters } from '../bid-restrictions/rules/index.ts'
import * as candidates from '../candidates/index.ts'
import type * as appointmentRepo from './appointments-repository.ts'
import { forbidden, requireViewer, type RequestInfo, type SharingDeps } from './context.ts'
import { readEmployments, readPersonRules } from './json-columns.ts'
import * as referenceRepo from './reference-repository.ts'
import * as talentRepo from './talents-repository.ts'

const TALENT_NOT_FOUND = '指定された人材が見つかりません。'

export const CONVERSION_NOTE =
  '週は月曜〜日曜。月あたり日数は1か月を4週として週あたりに換算（月4日＝週1日）。合計日数（人材バンクの依頼・派遣）は期間の日数に均等に割り振り、各週にはその週に含まれる日の分だけ数えます。'

// ── talents ────────────────────────────────────────────────────────────────────────────────────────────────────

export function talentView(row: talentRepo.TalentRow): Talent {
  return {
    id: row.id,
    displayName: row.display_name,
    availableDaysPerWeek: Number(row.available_days_per_week),
    source: row.candidate_account_id ? 'candidate' : 'prefecture',
    ownerPrefectureCode: row.owner_prefecture_code,
    employments: readEmployments(row.employments),
    bidRules: readPersonRules(row.bid_rules),
  }
}

/** Refuses rule parameters outside the template's documented bounds (the engine would throw on them). */
export function assertRules(rules: readonly PersonRule[], path: string): void {
  const details = rules.flatMap((rule, i) => validateRuleParameters(rule.templateId, rule.params).map((message) => ({ path: `${path}.${i}.params`, message })))
  if (details.length > 0) throw new AppError('SHARING_INVALID', '入札制限の規則のパラメータが正しくありません。', 400, details)
}

export async function createTalent(deps: SharingDeps, actor: Actor, info: RequestInfo, body: z.output<typeof CreateTalentBody>): Promise<Talent> {
  if (actor.kind !== 'prefecture') throw forbidden()
  assertRules(body.bidRules, 'bidRules')
  return deps.db.transaction().execute(async (tx) => {
    const row = await talentRepo.insertTalent(tx, {
      displayName: body.displayName,
      availableDaysPerWeek: body.availableDaysPerWeek,
      ownerPrefectureCode: actor.prefectureCode,
      candidateAccountId: null,
      employments: body.employments,
      bidRules: body.bidRules,
    })
    await recordAudit(tx, { actor, action: 'sharing_talent.registered', targetType: 'sharing_talent', targetId: row.id, request: info })
    return talentView(row)
  })
}

export async function listTalents(deps: SharingDeps, actor: Actor): Promise<{ items: Talent[] }> {
  const viewer = requireViewer(actor)
  const rows = await talentRepo.talentsForOperator(deps.db, viewerCode(viewer), viewer.kind === 'prefecture' ? viewer.prefectureCode : null)
  return { items: rows.map(talentView) }
}

/** A talent the actor may place or look at as an operator; 404 otherwise. */
export async function talentForOperator(tx: Db, actor: Actor, talentId: string): Promise<talentRepo.TalentRow> {
  const viewer = requireViewer(actor)
  const rows = await talentRepo.talentsForOperator(tx, viewerCode(viewer), viewer.kind === 'prefecture' ? viewer.prefectureCode : null)
  const row = rows.find((r) => r.id === talentId)
  if (!row) throw notFound(TALENT_NOT_FOUND)
  return row
}

// ── commitments and capacity ──────────────────────────────────────────────────────────────────────────────────

/** Every commitment of a person across all municipalities, labelled with the municipality it serves. */
export async function commitmentsOf(tx: Db, talentId: string): Promise<Commitment[]> {
  const rows = await talentRepo.commitmentRowsOf(tx, talentId)
  const appointments = await municipalAppointmentsOf(tx, talentId)
  const codes = [
    ...rows.engagements.map((e) => e.requester_code),
    ...[...rows.shares.values()].flat().map((s) => s.local_government_code),
    ...rows.dispatches.map((d) => d.local_government_code),
    ...appointments.map((a) => a.municipalityCode),
  ]
  const lg = await referenceRepo.localGovernments(tx, codes)
  const name = (code: string) => lg.get(code)?.name ?? code
  const commitments: Commitment[] = []
  for (const e of rows.engagements) {
    commitments.push({
      id: e.id,
      kind: 'engagement',
      label: `人材バンクの依頼「${e.topic}」（${name(e.requester_code)}）`,
      localGovernmentCode: e.requester_code,
      startsOn: e.starts_on,
      endsOn: e.ends_on,
      allocation: { unit: 'total', days: Number(e.terms_days ?? e.expected_days) },
    })
  }
  for (const a of rows.appointments) {
    for (const share of rows.shares.get(a.id) ?? []) commitments.push(shareCommitment(a, share, name(share.local_government_code)))
  }
  for (const a of appointments) {
    // 任用 without recorded working days (made before they were recorded) cannot be counted.
    if (a.workDays === null || a.workDaysPer === null) continue
    const role = postingRoleLabels[a.roleId as PostingRoleId] ?? a.roleId
    commitments.push({
      id: `appointment:${a.id}`,
      kind: 'appointment',
      label: `任用「${role}」（${name(a.municipalityCode)}）`,
      localGovernmentCode: a.municipalityCode,
      startsOn: a.startsOn,
      endsOn: a.endsOn,
      allocation: a.workDaysPer === 'week' ? { unit: 'per_week', days: a.workDays } : { unit: 'per_month', days: a.workDays },
    })
  }
  for (const d of rows.dispatches) {
    const on = d.scheduled_on!
    commitments.push({
      id: d.id,
      kind: 'dispatch',
      label: `派遣「${d.menu_title}」（${name(d.local_government_code)}）`,
      localGovernmentCode: d.local_government_code,
      startsOn: on,
      endsOn: on,
      allocation: { unit: 'total', days: d.outcome_days === null ? 1 : Number(d.outcome_days) },
    })
  }
  return commitments
}

/**
 * 任用 the person holds directly with municipalities (applications module), when the talent is a candidate who
 * signed up; experts registered by a prefecture have no candidate record, so none are known for them.
 */
async function municipalAppointmentsOf(tx: Db, talentId: string) {
  const talent = await talentRepo.findTalent(tx, talentId)
  if (!talent?.candidate_account_id) return []
  const candidateId = (await candidates.candidateIdsOfAccounts(tx, [talent.candidate_account_id])).get(talent.candidate_account_id)
  return candidateId ? appointmentsFor(tx, { candidateId }) : []
}

export function shareCommitment(a: appointmentRepo.SharedAppointmentRow, share: appointmentRepo.ShareRow, municipalityName: string): Commitment {
  const joint = a.kind === 'joint'
  return {
    id: `${a.id}:${share.local_government_code}`,
    kind: joint ? 'joint_appointment' : 'shared_appointment',
    label: `${joint ? '共同任用' : '共有任用'}「${a.title}」（${municipalityName}）`,
    localGovernmentCode: share.local_government_code,
    startsOn: a.starts_on,
    endsOn: a.ends_on,
    allocation: joint ? jointShareAllocation(Number(a.days_per_week), Number(share.time_percent)) : { unit: 'per_month', days: Number(share.days_per_month) },
  }
}

/** Refuses (409 CAPACITY_EXCEEDED) a commitment that does not fit the person's declared days in some week. */
export async function assertCapacity(tx: Db, talent: talentRepo.TalentRow, proposed: Commitment[], ignoreId?: string): Promise<void> {
  const existing = (await commitmentsOf(tx, talent.id)).filter((c) => c.id !== ignoreId && !c.id.startsWith(`${ignoreId}:`))
  const accepted = [...existing]
  for (const commitment of proposed) {
    const decision = checkCapacity({ availableDaysPerWeek: Number(talent.available_days_per_week), existing: accepted, proposed: commitment })
    if (decision.decision === 'over_allocated') {
      throw new AppError('CAPACITY_EXCEEDED', `${talent.display_name}さん: ${decision.message}`, 409)
    }
    accepted.push(commitment)
  }
}

async function capacityOf(tx: Db, talent: talentRepo.TalentRow, from: IsoDate, to: IsoDate): Promise<Capacity> {
  const commitments = await commitmentsOf(tx, talent.id)
  const available = Number(talent.available_days_per_week)
  const weeks = weeklyLoads(commitments, from, to).map((week) => ({
    ...week,
    availableDays: available,
    isOver: week.allocatedDays > available + 1e-9,
  }))
  return {
    talent: talentView(talent),
    commitments: commitments.filter((c) => c.startsOn <= to && (c.endsOn === null || c.endsOn >= weekStartOf(from))),
    weeks,
    conversionNote: CONVERSION_NOTE,
  }
}

export async function talentCapacity(deps: SharingDeps, actor: Actor, talentId: string, from: IsoDate, to: IsoDate): Promise<Capacity> {
  const talent = await talentForOperator(deps.db, actor, talentId)
  return capacityOf(deps.db, talent, from, to)
}

export async function myCapacity(deps: SharingDeps, actor: Actor, from: IsoDate, to: IsoDate): Promise<Capacity> {
  if (actor.kind !== 'candidate') throw forbidden()
  const talent = await talentRepo.findTalentOfAccount(deps.db, actor.userId)
  if (!talent) throw notFound('人材バンクに登録していないため、稼働の記録はありません。')
  return capacityOf(deps.db, talent, from, to)
}
