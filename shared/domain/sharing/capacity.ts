/**
 * Weekly capacity of a shared person (手順書 §4.4(9), 参考4.4-⑰; 事例集 p.26): what they do for every municipality —
 * appointments, pool engagements, shared or joint appointments, dispatches — must fit the days per week they
 * declared in every calendar week. Pure: plain commitments in, an answer with the clashing commitments out.
 *
 * Conversions, stated once and tested:
 * - A week is Monday to Sunday (ISO week). A commitment counts in a week only for its own days in that week
 *   (load per calendar day × days inside the week), so back-to-back periods never add up in the week they meet.
 * - 日数/週: days ÷ 7 per calendar day.
 * - 日数/月: counted as 4 weeks a month, so 月4日 = 週1日 (days ÷ 4 per week, ÷ 28 per calendar day). Four weeks
 *   rather than 52/12 keeps the check on the safe side: a monthly allocation is never spread thinner than a
 *   4-week month would let it fall.
 * - 合計日数 over a period (an engagement's expected days, a dispatch's one day): spread evenly over its calendar days.
 */
import { addDays, daysBetween, type IsoDate } from '../dates.ts'

export type CommitmentKind = 'appointment' | 'engagement' | 'shared_appointment' | 'joint_appointment' | 'dispatch'

export const commitmentKindLabels: Record<CommitmentKind, string> = {
  appointment: '任用',
  engagement: '人材バンクの依頼',
  shared_appointment: '共有任用（専門官）',
  joint_appointment: '共同任用',
  dispatch: '派遣',
}

export type Allocation = { unit: 'per_week'; days: number } | { unit: 'per_month'; days: number } | { unit: 'total'; days: number }

/** One thing a person has promised time to, over an inclusive period. */
export interface Commitment {
  id: string
  kind: CommitmentKind
  /** Japanese, names the commitment and the municipality, e.g. 「人材バンクの依頼「データ活用」（今治市）」. */
  label: string
  /** The municipality served (団体コード); null when it serves the operator itself. */
  localGovernmentCode: string | null
  startsOn: IsoDate
  /** Inclusive; null = open-ended (not allowed for a 'total' allocation). */
  endsOn: IsoDate | null
  allocation: Allocation
}

/** Rounding slack for sums of fractions of a day. */
const EPSILON = 1e-9

/** 月あたり日数 → 週あたり日数: a month counted as 4 weeks (月4日 = 週1日). */
export function perMonthToPerWeek(daysPerMonth: number): number {
  return daysPerMonth / 4
}

/** Days per calendar day the commitment takes while it runs. */
export function dailyLoad(commitment: Commitment): number {
  const { allocation } = commitment
  switch (allocation.unit) {
    case 'per_week':
      return allocation.days / 7
    case 'per_month':
      return perMonthToPerWeek(allocation.days) / 7
    case 'total': {
      if (commitment.endsOn === null) throw new Error('合計日数の割当てには終了日が必要です。')
      return allocation.days / (daysBetween(commitment.startsOn, commitment.endsOn) + 1)
    }
  }
}

/** Monday of the ISO week the date falls in. */
export function weekStartOf(date: IsoDate): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay() // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7))
}

/** Calendar days of [from, to] that the commitment covers (inclusive). */
export function overlapDays(commitment: Pick<Commitment, 'startsOn' | 'endsOn'>, from: IsoDate, to: IsoDate): number {
  const start = commitment.startsOn > from ? commitment.startsOn : from
  const end = commitment.endsOn === null || commitment.endsOn > to ? to : commitment.endsOn
  return start > end ? 0 : daysBetween(start, end) + 1
}

/** Days the commitment takes in the week starting on `weekStartsOn` (Monday). */
export function loadInWeek(commitment: Commitment, weekStartsOn: IsoDate): number {
  const days = overlapDays(commitment, weekStartsOn, addDays(weekStartsOn, 6))
  return days === 0 ? 0 : dailyLoad(commitment) * days
}

export interface WeekLoad {
  weekStartsOn: IsoDate
  weekEndsOn: IsoDate
  allocatedDays: number
  parts: { commitmentId: string; kind: CommitmentKind; label: string; days: number }[]
}

/** Load of each week from the week of `from` to the week of `to`, with each commitment's part. */
export function weeklyLoads(commitments: readonly Commitment[], from: IsoDate, to: IsoDate): WeekLoad[] {
  const weeks: WeekLoad[] = []
  for (let week = weekStartOf(from); week <= to; week = addDays(week, 7)) {
    const parts = commitments
      .map((c) => ({ commitmentId: c.id, kind: c.kind, label: c.label, days: loadInWeek(c, week) }))
      .filter((part) => part.days > EPSILON)
    weeks.push({ weekStartsOn: week, weekEndsOn: addDays(week, 6), allocatedDays: sum(parts.map((p) => p.days)), parts })
  }
  return weeks
}

export interface CapacityFacts {
  /** 稼働可能日数（週あたり）declared by the person. */
  availableDaysPerWeek: number
  /** Everything already promised (the proposed commitment itself excluded). */
  existing: readonly Commitment[]
  proposed: Commitment
}

export interface OverAllocatedWeek extends WeekLoad {
  availableDays: number
}

export type CapacityDecision = { decision: 'fits'; peakDays: number } | { decision: 'over_allocated'; weeks: OverAllocatedWeek[]; message: string }

/** The last week an open-ended commitment has to be checked to: after every dated end the loads stop changing. */
function horizonOf(facts: CapacityFacts): IsoDate {
  const ends = [facts.proposed.startsOn, ...facts.existing.flatMap((c) => [c.startsOn, ...(c.endsOn ? [c.endsOn] : [])])]
  return addDays(
    ends.reduce((a, b) => (a > b ? a : b)),
    7,
  )
}

/**
 * 稼働日数の上限: the proposed commitment fits when, in every week it touches, the days of all commitments
 * together do not exceed the declared days per week. Otherwise the answer lists each week over the limit with
 * the commitments that share it.
 */
export function checkCapacity(facts: CapacityFacts): CapacityDecision {
  const { proposed, availableDaysPerWeek } = facts
  const to = proposed.endsOn ?? horizonOf(facts)
  const all = [...facts.existing, proposed]
  const loads = weeklyLoads(all, proposed.startsOn, to)
  const over = loads.filter((week) => week.allocatedDays > availableDaysPerWeek + EPSILON).map((week) => ({ ...week, availableDays: availableDaysPerWeek }))
  if (over.length === 0) return { decision: 'fits', peakDays: Math.max(0, ...loads.map((w) => w.allocatedDays)) }
  return { decision: 'over_allocated', weeks: over, message: overAllocationMessage(over[0]!, proposed, over.length) }
}

/** 「2026年5月4日の週は稼働可能日数 週3日に対し 3.5日 …」: names the clashing commitments of the first week over. */
export function overAllocationMessage(week: OverAllocatedWeek, proposed: Commitment, weekCount: number): string {
  const others = week.parts.filter((part) => part.commitmentId !== proposed.id)
  const clashes = others.map((part) => `${part.label}（${formatDays(part.days)}日）`).join('、')
  const more = weekCount > 1 ? `（ほかに${weekCount - 1}週も上限を超えます）` : ''
  return (
    `稼働日数が上限を超えるため登録できません。${week.weekStartsOn}〜${week.weekEndsOn}の週は、稼働可能日数 週${formatDays(week.availableDays)}日に対し、` +
    `${proposed.label}（${formatDays(loadInWeek(proposed, week.weekStartsOn))}日）を加えると合計${formatDays(week.allocatedDays)}日になります。` +
    (clashes ? `重なっている予定: ${clashes}。` : '') +
    more
  )
}

/** Days for display: at most two decimals, no trailing zeros (1.5, 0.43, 3). */
export function formatDays(days: number): string {
  return String(Math.round(days * 100) / 100)
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0)
}

/**
 * Days a commitment takes between two dates (inclusive), for reports of days used per municipality. Unlike the
 * capacity check, a monthly allocation is counted per calendar month: its days × the share of the month covered.
 */
export function daysWithin(commitment: Commitment, from: IsoDate, to: IsoDate): number {
  const { allocation } = commitment
  if (allocation.unit !== 'per_month') return dailyLoad(commitment) * overlapDays(commitment, from, to)
  let total = 0
  for (let month = from.slice(0, 7) + '-01'; month <= to; month = nextMonth(month)) {
    const monthEnd = addDays(nextMonth(month), -1)
    const covered = overlapDays(commitment, month > from ? month : from, monthEnd < to ? monthEnd : to)
    total += (allocation.days * covered) / (daysBetween(month, monthEnd) + 1)
  }
  return total
}

function nextMonth(firstOfMonth: IsoDate): IsoDate {
  const [y, m] = firstOfMonth.split('-').map(Number) as [number, number]
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`
}
