/**
 * 派遣制度 (dispatch scheme): each prefecture runs its own, and they differ in shape (事例集 p.26):
 * - 宮城県 デジタルみやぎ推進アドバイザー: one contracted adviser (業務委託, 週4日) serves the prefecture and, on request,
 *   its municipalities; no limit on times (随時).
 * - 福島県 ICTアドバイザー市町村派遣事業: one support menu per municipality.
 * - 静岡県 ICTエキスパート派遣事業: up to 5 times a year per requester; requesters include 教育委員会 and 商工会.
 * In all three the prefecture pays (県が負担). The national scheme limits a request's length instead: at most 3 days
 * on site, or 10 hours in total online (手順書 参考4.4-⑯ ①).
 * Limits count per requester (申請団体) and per 年度 (April–March) of the dispatch's date.
 */
import { fiscalYearOf, type IsoDate } from '../dates.ts'

export const COST_BEARERS = ['prefecture', 'requester', 'shared'] as const
export type CostBearer = (typeof COST_BEARERS)[number]
export const costBearerLabels: Record<CostBearer, string> = {
  prefecture: '県が負担する',
  requester: '申請した団体が負担する',
  shared: '県と申請した団体で分担する',
}

/** Who may ask for a dispatch: the municipality itself, its 教育委員会, or a 商工会 in its area (静岡県). */
export const REQUESTER_KINDS = ['municipality', 'board_of_education', 'chamber_of_commerce'] as const
export type RequesterKind = (typeof REQUESTER_KINDS)[number]
export const requesterKindLabels: Record<RequesterKind, string> = {
  municipality: '市区町村',
  board_of_education: '教育委員会',
  chamber_of_commerce: '商工会・商工会議所',
}

export interface DispatchLimits {
  /** Dispatches per requester per 年度; null = 随時 (no limit, 宮城県). */
  timesPerFiscalYear: number | null
  /** Distinct support menus per requester per 年度; null = any (福島県: 1). */
  menusPerFiscalYear: number | null
  /** Days on site per request; null = no limit (参考4.4-⑯ ①: 3). */
  maxDaysPerRequest: number | null
  /** Hours online per request, in total; null = no limit (参考4.4-⑯ ①: 10). */
  maxHoursPerRequest: number | null
  requesterKinds: readonly RequesterKind[]
}

/** A prefecture that has not configured its scheme gets 静岡県's shape for municipalities. */
export const DEFAULT_DISPATCH_LIMITS: DispatchLimits = {
  timesPerFiscalYear: 5,
  menusPerFiscalYear: null,
  maxDaysPerRequest: null,
  maxHoursPerRequest: null,
  requesterKinds: ['municipality'],
}

export interface CountedDispatch {
  on: IsoDate
  menuId: string
}

export interface DispatchRequestFacts {
  requesterKind: RequesterKind
  menuId: string
  mode: 'online' | 'on_site'
  /** Days on site asked for (a visit is one day unless said otherwise). */
  days: number
  /** Hours online asked for, in total; null when not given. */
  hours: number | null
  /** The date the dispatch counts in. */
  dispatchOn: IsoDate
  /** Today in Japan, to say 今年度 when the dispatch falls in it. */
  today: IsoDate
  /** The same requester's other dispatches that count (any year; the rule keeps the same 年度). */
  counted: readonly CountedDispatch[]
}

export interface LimitViolation {
  /** The request field the limit bears on. */
  path: 'requesterKind' | 'preferredDates' | 'menuId' | 'days' | 'hours'
  message: string
}

export interface DispatchUse {
  fiscalYear: number
  /** Dispatches already counted in that 年度, this one excluded. */
  times: number
  /** Times left after this one; null when the scheme has no limit. */
  remaining: number | null
  menuIds: string[]
}

export type DispatchLimitDecision = { ok: true; use: DispatchUse } | { ok: false; use: DispatchUse; violations: LimitViolation[] }

/** The requester's use of the scheme in the 年度 of `on`. */
export function dispatchUseIn(limits: DispatchLimits, on: IsoDate, counted: readonly CountedDispatch[]): DispatchUse {
  const fiscalYear = fiscalYearOf(on)
  const same = counted.filter((d) => fiscalYearOf(d.on) === fiscalYear)
  return {
    fiscalYear,
    times: same.length,
    remaining: limits.timesPerFiscalYear === null ? null : Math.max(0, limits.timesPerFiscalYear - same.length),
    menuIds: [...new Set(same.map((d) => d.menuId))],
  }
}

/** Every limit of the scheme the request breaks, each naming its field and the limit. */
export function checkDispatchLimits(limits: DispatchLimits, facts: DispatchRequestFacts): DispatchLimitDecision {
  const use = dispatchUseIn(limits, facts.dispatchOn, facts.counted)
  const year = use.fiscalYear === fiscalYearOf(facts.today) ? '今年度' : `${use.fiscalYear}年度`
  const violations: LimitViolation[] = []
  if (!limits.requesterKinds.includes(facts.requesterKind)) {
    violations.push({
      path: 'requesterKind',
      message: `この派遣制度は${requesterKindLabels[facts.requesterKind]}からの申請を受け付けていません（受付: ${limits.requesterKinds.map((k) => requesterKindLabels[k]).join('・')}）。`,
    })
  }
  if (limits.timesPerFiscalYear !== null && use.times >= limits.timesPerFiscalYear) {
    violations.push({
      path: 'preferredDates',
      message: `${year}の派遣回数の上限（${limits.timesPerFiscalYear}回）に達しています（申請済み ${use.times}回）。`,
    })
  }
  if (limits.menusPerFiscalYear !== null && !use.menuIds.includes(facts.menuId) && use.menuIds.length >= limits.menusPerFiscalYear) {
    violations.push({
      path: 'menuId',
      message: `${year}に利用できる支援メニューの上限（1団体につき${limits.menusPerFiscalYear}つ）に達しています。利用中のメニューから選んでください。`,
    })
  }
  if (facts.mode === 'on_site' && limits.maxDaysPerRequest !== null && facts.days > limits.maxDaysPerRequest) {
    violations.push({ path: 'days', message: `現地派遣の日数は1回の申請につき${limits.maxDaysPerRequest}日までです。` })
  }
  if (facts.mode === 'online' && limits.maxHoursPerRequest !== null) {
    if (facts.hours === null) {
      violations.push({ path: 'hours', message: `オンラインの時間（合計、${limits.maxHoursPerRequest}時間まで）を入力してください。` })
    } else if (facts.hours > limits.maxHoursPerRequest) {
      violations.push({ path: 'hours', message: `オンラインの時間は1回の申請につき合計${limits.maxHoursPerRequest}時間までです。` })
    }
  }
  return violations.length === 0 ? { ok: true, use } : { ok: false, use, violations }
}

/** One line per limit, for the scheme's summary shown to requesters. */
export function describeDispatchLimits(limits: DispatchLimits): string[] {
  return [
    limits.timesPerFiscalYear === null ? '派遣回数: 求めに応じて随時' : `派遣回数: 1団体につき年度ごとに${limits.timesPerFiscalYear}回まで`,
    ...(limits.menusPerFiscalYear === null ? [] : [`支援メニュー: 1団体につき年度ごとに${limits.menusPerFiscalYear}つまで`]),
    ...(limits.maxDaysPerRequest === null ? [] : [`現地派遣: 1回の申請につき${limits.maxDaysPerRequest}日まで`]),
    ...(limits.maxHoursPerRequest === null ? [] : [`オンライン: 1回の申請につき合計${limits.maxHoursPerRequest}時間まで`]),
    `申請できる団体: ${limits.requesterKinds.map((k) => requesterKindLabels[k]).join('・')}`,
  ]
}
