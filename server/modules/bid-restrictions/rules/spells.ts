/** Employment spells (在籍期間): inclusive date ranges, merged and measured in calendar years. */
import { addDays, addYears, daysBetween, type IsoDate } from '#shared/domain/dates'

export interface Spell {
  readonly startsOn: IsoDate
  readonly endsOn: IsoDate | null
}

/**
 * The spells clipped at `asOf` (an open or later end becomes asOf; spells starting later are dropped), sorted,
 * with overlapping or back-to-back spells merged, so a day is never counted twice.
 */
export function mergedSpells(spells: readonly Spell[], asOf: IsoDate): Array<{ startsOn: IsoDate; endsOn: IsoDate }> {
  const clipped = spells
    .filter((spell) => spell.startsOn <= asOf)
    .map((spell) => ({ startsOn: spell.startsOn, endsOn: spell.endsOn === null || spell.endsOn > asOf ? asOf : spell.endsOn }))
    .filter((spell) => spell.startsOn <= spell.endsOn)
    .sort((a, b) => (a.startsOn < b.startsOn ? -1 : a.startsOn > b.startsOn ? 1 : 0))
  return clipped.reduce<Array<{ startsOn: IsoDate; endsOn: IsoDate }>>((merged, spell) => {
    const last = merged.at(-1)
    if (last && spell.startsOn <= addDays(last.endsOn, 1)) {
      return [...merged.slice(0, -1), { startsOn: last.startsOn, endsOn: spell.endsOn > last.endsOn ? spell.endsOn : last.endsOn }]
    }
    return [...merged, spell]
  }, [])
}

/**
 * "N years or more" (B1) summed over the spells with one company up to `asOf`. The merged spells are laid end to
 * end from the first day, each keeping its calendar length (years, months, days), and the total counts when it
 * reaches the same calendar date N years after the first day. One spell 2010-04-01 → 2020-03-31 is exactly
 * 10 years and counts; 2010-04-02 → 2020-03-31 does not; 2010-04-01 → 2015-03-31 plus 2017-04-01 → 2022-03-31
 * is 5 + 5 years and counts.
 */
export function hasTenureOfYears(spells: readonly Spell[], years: number, asOf: IsoDate): boolean {
  const merged = mergedSpells(spells, asOf)
  const first = merged[0]
  if (!first) return false
  const end = merged.reduce((cursor, spell) => advanceBy(cursor, calendarLength(spell.startsOn, addDays(spell.endsOn, 1))), first.startsOn)
  return end >= addYears(first.startsOn, years)
}

interface CalendarLength {
  years: number
  months: number
  days: number
}

/** Whole years, then whole months, then days from `from` to `until` (exclusive), as a person would count them. */
function calendarLength(from: IsoDate, until: IsoDate): CalendarLength {
  let years = 0
  while (addYears(from, years + 1) <= until) years += 1
  let months = 0
  while (months < 11 && addMonths(addYears(from, years), months + 1) <= until) months += 1
  return { years, months, days: daysBetween(addMonths(addYears(from, years), months), until) }
}

function advanceBy(date: IsoDate, length: CalendarLength): IsoDate {
  return addDays(addMonths(addYears(date, length.years), length.months), length.days)
}

/** The same day `months` later; a day missing in the target month falls back to its last day (as addYears does). */
function addMonths(date: IsoDate, months: number): IsoDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  const index = year * 12 + (month - 1) + months
  const targetYear = Math.floor(index / 12)
  const targetMonth = (index % 12) + 1
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate()
  const pad = (value: number, width: number) => String(value).padStart(width, '0')
  return `${pad(targetYear, 4)}-${pad(targetMonth, 2)}-${pad(Math.min(day, lastDay), 2)}`
}
