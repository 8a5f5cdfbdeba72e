/**
 * The prefecture's dispatch register (派遣): experts, support menus, and requests from its municipalities (or their
 * 教育委員会 and 商工会) through approval and completion, within the scheme of `scheme-service.ts`.
 */
import type { z } from 'zod'
import type { CreateDispatchRequestBody, CreateTalentBody, DispatchRequest, DispatchTransitionBody } from '#shared/contracts/sharing'
import { fiscalYearOf, fiscalYearRange, todayInJapan } from '#shared/domain/dates'
import { dispatchStatesCountedOnApproval, dispatchStatesCountedOnRequest, nextDispatchState } from '#shared/domain/sharing/index'
import type { Db } from '../../db/database.ts'
import type { Actor } from '../../http/actor.ts'
import { AppError, notFound } from '../../http/errors.ts'
import { recordAudit } from '../audit/index.ts'
import { conflictWarnings } from './conflicts.ts'
import { forbidden, iso, names, noticeToStaff, type RequestInfo, type SharingDeps, thenKick } from './context.ts'
import * as dispatchRepo from './dispatch-repository.ts'
import { readTexts } from './json-columns.ts'
import { dispatchDecidedNotice, dispatchRequestedNotice } from './mails.ts'
import * as referenceRepo from './reference-repository.ts'
import { assertWithinScheme } from './scheme-service.ts'
import { assertCapacity, assertRules, talentForOperator, talentView } from './talents-service.ts'
import * as talentRepo from './talents-repository.ts'

const DISPATCH_NOT_FOUND = '指定された派遣の申請が見つかりません。'

function dispatchPrefecture(actor: Actor): string {
  if (actor.kind === 'prefecture' || actor.kind === 'municipality') return actor.prefectureCode
  throw forbidden()
}

function requesterOf(row: dispatchRepo.DispatchRequestRow) {
  return { localGovernmentCode: row.local_government_code, kind: row.requester_kind, name: row.requester_name }
}

function requesterName(row: dispatchRepo.DispatchRequestRow, municipalityName: string): string {
  if (row.requester_kind === 'board_of_education') return `${municipalityName}教育委員会`
  return row.requester_name ?? municipalityName
}

async function expertViews(tx: Db, rows: dispatchRepo.ExpertRow[]) {
  const views = []
  for (const row of rows) {
    const talent = await talentRepo.findTalent(tx, row.talent_id)
    if (talent) views.push({ id: row.id, talent: talentView(talent), themes: row.themes, isActive: row.is_active })
  }
  return views
}

export async function createDispatchExpert(
  deps: SharingDeps,
  actor: Actor,
  info: RequestInfo,
  body: { talentId?: string | undefined; talent?: z.output<typeof CreateTalentBody> | undefined; themes: string[] },
) {
  if (actor.kind !== 'prefecture') throw forbidden()
  if (body.talent) assertRules(body.talent.bidRules, 'talent.bidRules')
  return deps.db.transaction().execute(async (tx) => {
    const talent = body.talentId
      ? await talentForOperator(tx, actor, body.talentId)
      : await talentRepo.insertTalent(tx, {
          displayName: body.talent!.displayName,
          availableDaysPerWeek: body.talent!.availableDaysPerWeek,
          ownerPrefectureCode: actor.prefectureCode,
          candidateAccountId: null,
          employments: body.talent!.employments,
          bidRules: body.talent!.bidRules,
        })
    const row = await dispatchRepo.insertExpert(tx, { prefectureCode: actor.prefectureCode, talentId: talent.id, themes: body.themes })
    await recordAudit(tx, { actor, action: 'dispatch_expert.registered', targetType: 'dispatch_expert', targetId: row.id, request: info })
    return (await expertViews(tx, [row]))[0]!
  })
}

export async function listDispatchExperts(deps: SharingDeps, actor: Actor) {
  if (actor.kind !== 'prefecture') throw forbidden()
  return { items: await expertViews(deps.db, await dispatchRepo.expertsOf(deps.db, actor.prefectureCode)) }
}

function menuView(row: dispatchRepo.MenuRow) {
  return {
    id: row.id,
    prefectureCode: row.prefecture_code,
    title: row.title,
    description: row.description,
    provider: row.provider,
    modes: row.modes as ('online' | 'on_site')[],
    isActive: row.is_active,
  }
}

export async function createDispatchMenu(
  deps: SharingDeps,
  actor: Actor,
  info: RequestInfo,
  body: { title: string; description: string; provider: string | null; modes: ('online' | 'on_site')[] },
) {
  if (actor.kind !== 'prefecture') throw forbidden()
  return deps.db.transaction().execute(async (tx) => {
    const row = await dispatchRepo.insertMenu(tx, { prefectureCode: actor.prefectureCode, ...body, modes: [...new Set(body.modes)] })
    await recordAudit(tx, { actor, action: 'dispatch_menu.created', targetType: 'dispatch_menu', targetId: row.id, request: info })
    return menuView(row)
  })
}

export async function listDispatchMenus(deps: SharingDeps, actor: Actor) {
  const prefectureCode = dispatchPrefecture(actor)
  return { items: (await dispatchRepo.menusOf(deps.db, prefectureCode, actor.kind === 'municipality')).map(menuView) }
}

async function dispatchViews(tx: Db, rows: dispatchRepo.DispatchRequestRow[]): Promise<DispatchRequest[]> {
  const lg = await referenceRepo.localGovernments(
    tx,
    rows.map((r) => r.local_government_code),
  )
  const views: DispatchRequest[] = []
  for (const row of rows) {
    const menu = await dispatchRepo.findMenu(tx, row.menu_id)
    const expert = row.expert_id ? await dispatchRepo.findExpert(tx, row.expert_id) : undefined
    const talent = expert ? await talentRepo.findTalent(tx, expert.talent_id) : undefined
    const municipality = names(lg, row.local_government_code)
    views.push({
      id: row.id,
      prefectureCode: row.prefecture_code,
      municipality,
      requester: { kind: row.requester_kind, name: requesterName(row, municipality.name) },
      days: Number(row.requested_days),
      hours: row.requested_hours === null ? null : Number(row.requested_hours),
      menu: { id: row.menu_id, title: menu?.title ?? '' },
      topic: row.topic,
      detail: row.detail,
      preferredDates: readTexts(row.preferred_dates),
      mode: row.mode,
      state: row.state,
      fiscalYear: fiscalYearOf(row.counted_on),
      expert: expert && talent ? { id: expert.id, displayName: talent.display_name } : null,
      scheduledOn: row.scheduled_on,
      decisionNote: row.decision_note,
      outcome: row.outcome_summary !== null && row.outcome_days !== null ? { summary: row.outcome_summary, days: Number(row.outcome_days) } : null,
      warnings: readTexts(row.warnings),
      createdAt: iso(row.created_at)!,
    })
  }
  return views
}

/** 派遣の申請: a menu of its own prefecture, preferred dates from today on, within the scheme's limits (pending included). */
export async function requestDispatch(
  deps: SharingDeps,
  actor: Actor,
  info: RequestInfo,
  body: z.output<typeof CreateDispatchRequestBody>,
): Promise<DispatchRequest> {
  if (actor.kind !== 'municipality') throw forbidden()
  return thenKick(
    deps,
    deps.db.transaction().execute(async (tx) => {
      const menu = await dispatchRepo.findMenu(tx, body.menuId)
      if (!menu || menu.prefecture_code !== actor.prefectureCode || !menu.is_active) throw notFound('指定された支援メニューが見つかりません。')
      if (!menu.modes.includes(body.mode)) {
        throw new AppError('SHARING_INVALID', 'この支援メニューでは選んだ実施方法を受け付けていません。', 400, [
          { path: 'mode', message: '実施方法を選び直してください。' },
        ])
      }
      const today = todayInJapan(deps.clock())
      const dates = [...new Set(body.preferredDates)].sort()
      const past = dates.filter((d) => d < today)
      if (past.length > 0) {
        throw new AppError(
          'SHARING_INVALID',
          '希望日には今日以降の日付を入力してください。',
          400,
          past.map((d) => ({ path: 'preferredDates', message: `${d} は過去の日付です。` })),
        )
      }
      const requester = {
        localGovernmentCode: actor.localGovernmentCode,
        kind: body.requesterKind,
        name: body.requesterKind === 'chamber_of_commerce' ? body.requesterName : null,
      }
      await assertWithinScheme(
        tx,
        deps,
        actor.prefectureCode,
        requester,
        { menuId: menu.id, mode: body.mode, days: body.days, hours: body.hours, dispatchOn: dates[0]! },
        dispatchStatesCountedOnRequest,
      )
      const row = await dispatchRepo.insertDispatchRequest(tx, {
        prefectureCode: actor.prefectureCode,
        localGovernmentCode: actor.localGovernmentCode,
        requester,
        days: body.days,
        hours: body.hours,
        menuId: menu.id,
        topic: body.topic,
        detail: body.detail,
        preferredDates: dates,
        mode: body.mode,
        countedOn: dates[0]!,
        createdBy: actor.userId,
      })
      await recordAudit(tx, { actor, action: 'dispatch_request.requested', targetType: 'dispatch_request', targetId: row.id, request: info })
      const view = (await dispatchViews(tx, [row]))[0]!
      await noticeToStaff(
        tx,
        { kind: 'prefecture', prefectureCode: actor.prefectureCode },
        dispatchRequestedNotice({ municipalityName: view.municipality.name, menuTitle: menu.title, topic: row.topic, preferredDates: dates }, deps.publicUrl),
      )
      return view
    }),
  )
}

export async function listDispatchRequests(deps: SharingDeps, actor: Actor, query: { state?: string | undefined; fiscalYear?: number | undefined }) {
  const range = query.fiscalYear === undefined ? {} : fiscalYearRange(query.fiscalYear)
  const scope =
    actor.kind === 'prefecture'
      ? { prefectureCode: actor.prefectureCode }
      : actor.kind === 'municipality'
        ? { localGovernmentCode: actor.localGovernmentCode }
        : null
  if (!scope) throw forbidden()
  const rows = await dispatchRepo.dispatchRequestsWhere(deps.db, { ...scope, ...range, ...(query.state ? { state: query.state } : {}) })
  return { items: await dispatchViews(deps.db, rows) }
}

function dispatchParty(actor: Actor, row: dispatchRepo.DispatchRequestRow): 'prefecture' | 'municipality' {
  if (actor.kind === 'prefecture' && actor.prefectureCode === row.prefecture_code) return 'prefecture'
  if (actor.kind === 'municipality' && actor.localGovernmentCode === row.local_government_code) return 'municipality'
  throw notFound(DISPATCH_NOT_FOUND)
}

export async function getDispatchRequest(deps: SharingDeps, actor: Actor, id: string): Promise<DispatchRequest> {
  const row = await dispatchRepo.findDispatchRequest(deps.db, id)
  if (!row) throw notFound(DISPATCH_NOT_FOUND)
  dispatchParty(actor, row)
  return (await dispatchViews(deps.db, [row]))[0]!
}

/** 派遣の手続. Approval assigns an expert of the prefecture and a date, within the scheme's limits, the expert's week and the conflict rules. */
export async function transitionDispatchRequest(
  deps: SharingDeps,
  actor: Actor,
  info: RequestInfo,
  id: string,
  body: z.output<typeof DispatchTransitionBody>,
): Promise<DispatchRequest> {
  return thenKick(
    deps,
    deps.db.transaction().execute(async (tx) => {
      const row = await dispatchRepo.findDispatchRequest(tx, id, true)
      if (!row) throw notFound(DISPATCH_NOT_FOUND)
      const party = dispatchParty(actor, row)
      const next = nextDispatchState(row.state, body.action, party)
      if (!next.ok) {
        if (next.message === 'この操作を行う権限がありません。') throw forbidden()
        throw new AppError('SHARING_TRANSITION_NOT_ALLOWED', next.message, 409)
      }
      const now = deps.clock()
      let set: Parameters<typeof dispatchRepo.updateDispatchRequest>[2] = { state: next.to, updated_at: now }
      switch (body.action) {
        case 'approve': {
          const expert = await dispatchRepo.findExpert(tx, body.expertId)
          if (!expert || expert.prefecture_code !== row.prefecture_code || !expert.is_active) throw notFound('指定された専門家が見つかりません。')
          await assertWithinScheme(
            tx,
            deps,
            row.prefecture_code,
            requesterOf(row),
            {
              menuId: row.menu_id,
              mode: row.mode,
              days: Number(row.requested_days),
              hours: row.requested_hours === null ? null : Number(row.requested_hours),
              dispatchOn: body.scheduledOn,
            },
            dispatchStatesCountedOnApproval,
            row.id,
          )
          const talent = (await talentRepo.findTalent(tx, expert.talent_id))!
          const menu = await dispatchRepo.findMenu(tx, row.menu_id)
          const lg = await referenceRepo.localGovernments(tx, [row.local_government_code])
          await assertCapacity(tx, talent, [
            {
              id: row.id,
              kind: 'dispatch',
              label: `派遣「${menu?.title ?? row.topic}」（${lg.get(row.local_government_code)?.name ?? row.local_government_code}）`,
              localGovernmentCode: row.local_government_code,
              startsOn: body.scheduledOn,
              endsOn: body.scheduledOn,
              allocation: { unit: 'total', days: 1 },
            },
          ])
          const warnings = await conflictWarnings(deps, tx, talent, row.local_government_code, body.scheduledOn, body.scheduledOn)
          set = {
            ...set,
            expert_id: expert.id,
            scheduled_on: body.scheduledOn,
            counted_on: body.scheduledOn,
            decision_note: body.note ?? null,
            decided_at: now,
            warnings: JSON.stringify(warnings),
          }
          break
        }
        case 'decline':
        case 'cancel':
          set = { ...set, decision_note: body.note ?? row.decision_note, decided_at: now }
          break
        case 'complete':
          set = { ...set, outcome_summary: body.outcomeSummary, outcome_days: body.outcomeDays, completed_at: now }
          break
      }
      const updated = await dispatchRepo.updateDispatchRequest(tx, row.id, set)
      await recordAudit(tx, {
        actor,
        action: `dispatch_request.${next.to}`,
        targetType: 'dispatch_request',
        targetId: row.id,
        request: info,
        localGovernmentCode: row.local_government_code,
      })
      const view = (await dispatchViews(tx, [updated]))[0]!
      if (body.action === 'approve' || body.action === 'decline') {
        await noticeToStaff(
          tx,
          { kind: 'municipality', localGovernmentCode: row.local_government_code },
          dispatchDecidedNotice(
            {
              topic: row.topic,
              approved: body.action === 'approve',
              scheduledOn: view.scheduledOn,
              expertName: view.expert?.displayName ?? null,
              note: view.decisionNote,
            },
            deps.publicUrl,
          ),
        )
      }
      return view
    }),
  )
}
