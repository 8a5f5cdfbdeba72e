/**
 * Calendar dates are 'YYYY-MM-DD' strings everywhere (no Date objects, no time-zone drift). "Today" is today in
 * Japan, computed once from the clock by a service and passed to the rules.
 */

export type IsoDate = string

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text)
  if (!match) return false
  const [, y, m, d] = match.map(Number) as [number, number, number, number]
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

/** Today's calendar date in Japan (UTC+9, no daylight saving). */
export function todayInJapan(now: Date): IsoDate {
  return new Date(now.getTime() + 9 * 3600_000).toISOString().slice(0, 10)
}

function parts(date: IsoDate): [number, number, number] {
  return date.split('-').map(Number) as [number, number, number]
}

function format(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = parts(date)
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}

/** The same calendar date `years` later; 29 February falls back to 28 February in a common year. */
export function addYears(date: IsoDate, years: number): IsoDate {
  const [y, m, d] = parts(date)
  const lastDay = new Date(Date.UTC(y + years, m, 0)).getUTCDate()
  return format(y + years, m, Math.min(d, lastDay))
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const [y1, m1, d1] = parts(from)
  const [y2, m2, d2] = parts(to)
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000)
}

/** 年度: April to March; 2026-03-31 is in 2025年度 and 2026-04-01 in 2026年度. */
export function fiscalYearOf(date: IsoDate): number {
  const [y, m] = parts(date)
  return m >= 4 ? y : y - 1
}

/** Inclusive range check on calendar dates; a null end means "still running". */
export function isWithin(date: IsoDate, startsOn: IsoDate, endsOn: IsoDate | null): boolean {
  return date >= startsOn && (endsOn === null || date <= endsOn)
}

/** The first and last day of a 年度 (1 April to 31 March). */
export function fiscalYearRange(fiscalYear: number): { from: IsoDate; to: IsoDate } {
  return { from: `${fiscalYear}-04-01`, to: `${fiscalYear + 1}-03-31` }
}

/** The 年度 of today in Japan. */
export function currentFiscalYear(now: Date): number {
  return fiscalYearOf(todayInJapan(now))
}
