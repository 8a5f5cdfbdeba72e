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
 * "N years or more" (B1) summed over the spells with one company up to `asOf`: the days served, both ends
 * inclusive, reach the days from the first day to the same calendar date N years later. One spell
 * 2010-04-01 → 2020-03-31 is exactly 10 years and counts; 2010-04-02 → 2020-03-31 does not.
 */
export function hasTenureOfYears(spells: readonly Spell[], years: number, asOf: IsoDate): boolean {
  const merged = mergedSpells(spells, asOf)
  const first = merged[0]
  if (!first) return false
  const served = merged.reduce((days, spell) => days + daysBetween(spell.startsOn, spell.endsOn) + 1, 0)
  return served >= daysBetween(first.startsOn, addYears(first.startsOn, years))
}
