import type { IsoDate } from './dates.ts'

/** Eras from 明治 on, newest first: the first whose start is on or before a date names it. */
const ERAS = [
  { name: '令和', startsOn: '2019-05-01' },
  { name: '平成', startsOn: '1989-01-08' },
  { name: '昭和', startsOn: '1926-12-25' },
  { name: '大正', startsOn: '1912-07-30' },
  { name: '明治', startsOn: '1873-01-01' },
] as const

export interface Wareki {
  era: string
  year: number
  month: number
  day: number
}

export function toWareki(date: IsoDate): Wareki {
  const era = ERAS.find((candidate) => date >= candidate.startsOn)
  if (!era) throw new RangeError(`和暦に変換できない日付です: ${date}`)
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return { era: era.name, year: y - Number(era.startsOn.slice(0, 4)) + 1, month: m, day: d }
}

/** 令和8年4月1日; the first year of an era is 元年 (令和元年5月1日), as official documents write it. */
export function formatWareki(date: IsoDate, options: { withWesternYear?: boolean } = {}): string {
  const { era, year, month, day } = toWareki(date)
  const text = `${era}${year === 1 ? '元' : year}年${month}月${day}日`
  return options.withWesternYear ? `${text}（${date.slice(0, 4)}年）` : text
}

/**
 * 令和8年度 for the fiscal year that starts in April 2026. A fiscal year takes the era in force at the end of its
 * first calendar year, as government documents do (2019年度 is 令和元年度, 1988年度 is 昭和63年度).
 */
export function formatFiscalYearWareki(fiscalYear: number): string {
  const { era, year } = toWareki(`${fiscalYear}-12-31`)
  return `${era}${year === 1 ? '元' : year}年度`
}
