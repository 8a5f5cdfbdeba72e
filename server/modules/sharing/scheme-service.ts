/**
 * 派遣制度: the prefecture configures its dispatch scheme (who pays, limits in its own units, who may ask, a contracted
 * adviser — 事例集 p.26; 手順書 参考4.4-⑯ ①); requests and approvals are checked against it.
 */
import type { z } from 'zod'
import type { DispatchSchemeBody, DispatchSettings } from '#shared/contracts/sharing'
import { todayInJapan } from '#shared/domain/dates'
import {
  checkDispatchLimits,
  DEFAULT_DISPATCH_LIMITS,
  type DispatchRequestFacts,
  dispatchStatesCountedOnRequest,
  dispatchUseIn,
} from '#shared/domain/sharing/index'
import type { Db } from '../../db/database.ts'
import type { Actor } from '../../http/actor.ts'
import { AppError, notFound } from '../../http/errors.ts'
import { recordAudit } from '../audit/index.ts'
import { forbidden, type RequestInfo, type SharingDeps } from './context.ts'
import * as dispatchRepo from './dispatch-repository.ts'
import * as schemeRepo from './scheme-repository.ts'
import * as talentRepo from './talents-repository.ts'

export const DEFAULT_SCHEME: schemeRepo.StoredScheme = {
  name: '専門家派遣',
  costBearer: 'prefecture',
  adviserExpertId: null,
  notes: '',
  ...DEFAULT_DISPATCH_LIMITS,
}

export async function schemeOf(tx: Db, prefectureCode: string): Promise<{ scheme: schemeRepo.StoredScheme; isDefault: boolean }> {
  const stored = await schemeRepo.findScheme(tx, prefectureCode)
  return stored === null ? { scheme: DEFAULT_SCHEME, isDefault: true } : { scheme: stored, isDefault: false }
}

function dispatchPrefecture(actor: Actor): string {
  if (actor.kind === 'prefecture' || actor.kind === 'municipality') return actor.prefectureCode
  throw forbidden()
}

export async function getDispatchSettings(deps: SharingDeps, actor: Actor, db: Db = deps.db): Promise<DispatchSettings> {
  const prefectureCode = dispatchPrefecture(actor)
  const { scheme, isDefault } = await schemeOf(db, prefectureCode)
  let adviser: DispatchSettings['adviser'] = null
  if (scheme.adviserExpertId) {
    const expert = await dispatchRepo.findExpert(db, scheme.adviserExpertId)
    const talent = expert ? await talentRepo.findTalent(db, expert.talent_id) : undefined
    if (expert && talent) adviser = { id: expert.id, displayName: talent.display_name, availableDaysPerWeek: Number(talent.available_days_per_week) }
  }
  let use: DispatchSettings['use'] = null
  if (actor.kind === 'municipality') {
    const today = todayInJapan(deps.clock())
    const counted = await schemeRepo.countedDispatchesOf(
      db,
      { localGovernmentCode: actor.localGovernmentCode, kind: 'municipality', name: null },
      dispatchStatesCountedOnRequest,
    )
    const current = dispatchUseIn(scheme, today, counted)
    use = { fiscalYear: current.fiscalYear, used: current.times, remaining: current.remaining, menuIds: current.menuIds }
  }
  return {
    prefectureCode,
    ...scheme,
    requesterKinds: [...scheme.requesterKinds],
    adviser,
    isDefault,
    openRequestCount: await schemeRepo.openRequestCount(db, prefectureCode),
    use,
  }
}

/** Changes apply to requests and approvals from now on; requests already made keep their place. */
export async function updateDispatchSettings(deps: SharingDeps, actor: Actor, info: RequestInfo, body: z.output<typeof DispatchSchemeBody>) {
  if (actor.kind !== 'prefecture') throw forbidden()
  return deps.db.transaction().execute(async (tx) => {
    if (body.adviserExpertId !== null) {
      const expert = await dispatchRepo.findExpert(tx, body.adviserExpertId)
      // another prefecture's expert is not there for this one, as on approval
      if (!expert || expert.prefecture_code !== actor.prefectureCode || !expert.is_active) throw notFound('指定された専門家が見つかりません。')
    }
    const before = await schemeOf(tx, actor.prefectureCode)
    await schemeRepo.saveScheme(tx, actor.prefectureCode, body, deps.clock())
    await recordAudit(tx, {
      actor,
      action: 'dispatch_setting.changed',
      targetType: 'dispatch_setting',
      targetId: actor.prefectureCode,
      request: info,
      details: { before: before.isDefault ? null : before.scheme, after: body },
    })
    return getDispatchSettings(deps, actor, tx)
  })
}

/** Refuses, with every limit broken, a request or approval the prefecture's scheme does not allow. */
export async function assertWithinScheme(
  tx: Db,
  deps: SharingDeps,
  prefectureCode: string,
  requester: schemeRepo.Requester,
  facts: Omit<DispatchRequestFacts, 'requesterKind' | 'today' | 'counted'>,
  countedStates: readonly string[],
  excludeId?: string,
): Promise<void> {
  await schemeRepo.lockRequester(tx, requester)
  const { scheme } = await schemeOf(tx, prefectureCode)
  const counted = await schemeRepo.countedDispatchesOf(tx, requester, countedStates, excludeId)
  const decision = checkDispatchLimits(scheme, { ...facts, requesterKind: requester.kind, today: todayInJapan(deps.clock()), counted })
  if (!decision.ok) throw new AppError('DISPATCH_LIMIT_EXCEEDED', decision.violations[0]!.message, 400, decision.violations)
}
