/**
 * The prefecture's dashboard of its municipalities (手順書 §6 進捗管理・外部人材の紹介; 都市センター調査 Q26) and the report of days
 * used per municipality. Counts from other modules (appointments, open postings, pledges) come through
 * `DashboardSources`, given by app.ts from those modules' exports; a missing source shows as null ("not known").
 */
import type { Dashboard, DashboardRow } from '#shared/contracts/sharing'
import { currentFiscalYear, fiscalYearRange, type IsoDate, todayInJapan } from '#shared/domain/dates'
import { type Commitment, daysWithin, sortByPopulationNullsLast } from '#shared/domain/sharing/index'
import type { Db } from '../../db/database.ts'
import type { Actor } from '../../http/actor.ts'
import { AppError } from '../../http/errors.ts'
import { appointmentsFor } from '../applications/index.ts'
import { pledgesMissingByMunicipality } from '../bid-restrictions/index.ts'
import { openPostingCountsByMunicipality } from '../postings/index.ts'
import type { SharingDeps } from './context.ts'
import * as dashboardRepo from './dashboard-repository.ts'
import * as dispatchRepo from './dispatch-repository.ts'
import * as referenceRepo from './reference-repository.ts'
import { schemeOf } from './scheme-service.ts'
import { commitmentsOf } from './talents-service.ts'

/** Per-municipality counts other modules own. Each returns code → count for the municipalities of one prefecture. */
export interface DashboardSources {
  /** 任用 in place on the day, by role (applications). */
  appointmentsByRole?(tx: Db, prefectureCode: string, activeOn: IsoDate): Promise<Map<string, Map<string, number>>>
  /** Published postings still open for applications on the day (postings). */
  openPostings?(tx: Db, prefectureCode: string, today: IsoDate): Promise<Map<string, number>>
  /** Appointments without a signed pledge 誓約書 (bid-restrictions). */
  pledgesMissing?(tx: Db, prefectureCode: string, activeOn: IsoDate): Promise<Map<string, number>>
}

export interface DashboardDeps extends SharingDeps {
  sources?: DashboardSources
}

/** 任用 of the prefecture's municipalities in place on the day, by role, from the applications module. */
async function appointmentsByRole(tx: Db, prefectureCode: string, activeOn: IsoDate): Promise<Map<string, Map<string, number>>> {
  const result = new Map<string, Map<string, number>>()
  for (const appointment of await appointmentsFor(tx, { activeOn })) {
    if (!appointment.municipalityCode.startsWith(prefectureCode)) continue
    const roles = result.get(appointment.municipalityCode) ?? new Map<string, number>()
    roles.set(appointment.roleId, (roles.get(appointment.roleId) ?? 0) + 1)
    result.set(appointment.municipalityCode, roles)
  }
  return result
}

/** Open postings of the prefecture's municipalities, from the postings module. */
function openPostings(tx: Db, prefectureCode: string, today: IsoDate): Promise<Map<string, number>> {
  return openPostingCountsByMunicipality(tx, { prefectureCode, today })
}

/** Appointments without a pledge, per municipality of the prefecture, from the bid-restrictions module. */
function pledgesMissing(tx: Db, prefectureCode: string, activeOn: IsoDate): Promise<Map<string, number>> {
  return pledgesMissingByMunicipality(tx, prefectureCode, activeOn)
}

const BUILT_IN_SOURCES: DashboardSources = { appointmentsByRole, openPostings, pledgesMissing }

function add(map: Map<string, Map<string, number>>, code: string, role: string, talentKey: string, seen: Set<string>) {
  const key = `${code}|${talentKey}`
  if (seen.has(key)) return
  seen.add(key)
  const roles = map.get(code) ?? new Map<string, number>()
  roles.set(role, (roles.get(role) ?? 0) + 1)
  map.set(code, roles)
}

export async function prefectureDashboard(deps: DashboardDeps, actor: Actor, fiscalYearParam: number | undefined): Promise<Dashboard> {
  if (actor.kind !== 'prefecture') throw new AppError('FORBIDDEN', 'この操作を行う権限がありません。')
  const prefectureCode = actor.prefectureCode
  const fiscalYear = fiscalYearParam ?? currentFiscalYear(deps.clock())
  const { from, to } = fiscalYearRange(fiscalYear)
  const today = todayInJapan(deps.clock())
  // "In place" on today when the year is the current one, otherwise on the last day of that year.
  const activeOn = today >= from && today <= to ? today : to
  const db = deps.db
  const municipalities = await referenceRepo.municipalitiesOf(db, prefectureCode)
  const quota = (await schemeOf(db, prefectureCode)).scheme.timesPerFiscalYear
  const counts = await dashboardRepo.dashboardCounts(db, prefectureCode, from, to)

  // talent in place: shared/joint shares and agreed engagements running on `activeOn`, one per person and role
  const byRole = new Map<string, Map<string, number>>()
  const seen = new Set<string>()
  const sharesOnDay = await dashboardRepo.dashboardCounts(db, prefectureCode, activeOn, activeOn)
  for (const s of sharesOnDay.shares) add(byRole, s.code, s.role_id ?? 'other', `${s.talent_id}|${s.role_id}`, seen)
  for (const e of sharesOnDay.engagements.filter((e) => e.state === 'agreed')) {
    add(byRole, e.code, e.role_ids[0] ?? 'other', `${e.talent_id}|engagement`, seen)
  }
  const sources = { ...BUILT_IN_SOURCES, ...deps.sources }
  const notes: string[] = []
  if (sources.appointmentsByRole) {
    for (const [code, roles] of await sources.appointmentsByRole(db, prefectureCode, activeOn)) {
      for (const [role, n] of roles) {
        const current = byRole.get(code) ?? new Map<string, number>()
        current.set(role, (current.get(role) ?? 0) + n)
        byRole.set(code, current)
      }
    }
  } else {
    notes.push('各団体が直接任用した外部人材は、任用の記録と連携するまで集計に含まれていません。')
  }
  // Open postings are a count of now, whichever year is shown.
  const openPostings = sources.openPostings ? await sources.openPostings(db, prefectureCode, today) : null
  if (!openPostings) notes.push('公開中の募集の件数は、募集の記録と連携するまで表示できません。')
  const pledges = sources.pledgesMissing ? await sources.pledgesMissing(db, prefectureCode, activeOn) : null
  if (!pledges) notes.push('誓約書の未提出件数は、入札制限（誓約書）の記録と連携するまで表示できません。')

  const poolRequests = new Map<string, number>()
  for (const e of counts.engagements) poolRequests.set(e.code, (poolRequests.get(e.code) ?? 0) + 1)
  const dispatchUsed = new Map<string, number>()
  for (const d of counts.dispatches.filter((d) => d.state === 'approved' || d.state === 'completed')) {
    dispatchUsed.set(d.code, (dispatchUsed.get(d.code) ?? 0) + 1)
  }

  const rows: DashboardRow[] = municipalities.map((m) => {
    const roles = byRole.get(m.code) ?? new Map<string, number>()
    const talentByRole = Object.fromEntries(roles)
    return {
      code: m.code,
      name: m.name,
      population: m.population,
      talentByRole,
      talentTotal: [...roles.values()].reduce((a, b) => a + b, 0),
      openPostings: openPostings ? (openPostings.get(m.code) ?? 0) : null,
      poolRequests: poolRequests.get(m.code) ?? 0,
      dispatchUsed: dispatchUsed.get(m.code) ?? 0,
      dispatchQuota: quota,
      pledgesMissing: pledges ? (pledges.get(m.code) ?? 0) : null,
    }
  })
  const withoutTalent = sortByPopulationNullsLast(rows.filter((r) => r.talentTotal === 0)).map((r) => ({
    code: r.code,
    name: r.name,
    population: r.population,
  }))
  if (withoutTalent.some((r) => r.population === null)) notes.push('人口が登録されていない団体は、外部人材のいない団体の一覧の末尾に並べています。')
  return { prefectureCode, fiscalYear, quotaPerFiscalYear: quota, rows, withoutTalent, notes }
}

/** 団体ごとの利用日数 for a fiscal year: shared, joint, engagement and dispatch days of each municipality in scope. */
export async function usageReport(deps: SharingDeps, actor: Actor, fiscalYearParam: number | undefined) {
  if (actor.kind !== 'prefecture' && actor.kind !== 'municipality') throw new AppError('FORBIDDEN', 'この操作を行う権限がありません。')
  const fiscalYear = fiscalYearParam ?? currentFiscalYear(deps.clock())
  const { from, to } = fiscalYearRange(fiscalYear)
  const db = deps.db
  const inScope = (code: string | null) =>
    code !== null && (actor.kind === 'prefecture' ? code.startsWith(actor.prefectureCode) : code === actor.localGovernmentCode)
  // Every person with a commitment touching the scope: found through the per-prefecture counts' talent ids.
  const prefectureCode = actor.prefectureCode
  const counts = await dashboardRepo.dashboardCounts(db, prefectureCode, from, to)
  const dispatchTalents = await dispatchRepo.dispatchTalentIds(db, prefectureCode, from, to)
  const talentIds = new Set([...counts.shares.map((s) => s.talent_id), ...counts.engagements.map((e) => e.talent_id), ...dispatchTalents])
  const commitments: Commitment[] = []
  // 任用 held directly with a municipality are not sharing days; they count only in the person's capacity.
  for (const id of talentIds) {
    commitments.push(...(await commitmentsOf(db, id)).filter((c) => c.kind !== 'appointment' && inScope(c.localGovernmentCode)))
  }
  const unique = new Map(commitments.map((c) => [c.id, c]))
  const totals = new Map<string, { sharedDays: number; jointDays: number; engagementDays: number; dispatchDays: number }>()
  for (const c of unique.values()) {
    const code = c.localGovernmentCode!
    const row = totals.get(code) ?? { sharedDays: 0, jointDays: 0, engagementDays: 0, dispatchDays: 0 }
    const days = daysWithin(c, from, to)
    if (c.kind === 'shared_appointment') row.sharedDays += days
    else if (c.kind === 'joint_appointment') row.jointDays += days
    else if (c.kind === 'engagement') row.engagementDays += days
    else if (c.kind === 'dispatch') row.dispatchDays += days
    totals.set(code, row)
  }
  const lg = await referenceRepo.localGovernments(db, [...totals.keys()])
  const round = (n: number) => Math.round(n * 10) / 10
  const rows = [...totals.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, t]) => ({
      localGovernmentCode: code,
      name: lg.get(code)?.name ?? code,
      sharedDays: round(t.sharedDays),
      jointDays: round(t.jointDays),
      engagementDays: round(t.engagementDays),
      dispatchDays: round(t.dispatchDays),
      totalDays: round(t.sharedDays + t.jointDays + t.engagementDays + t.dispatchDays),
    }))
  return { fiscalYear, from, to, rows }
}
