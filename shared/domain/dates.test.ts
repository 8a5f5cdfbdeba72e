import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { addDays, addYears, currentFiscalYear, daysBetween, fiscalYearOf, fiscalYearRange, isIsoDate, isWithin, todayInJapan } from './dates.ts'
import { formatFiscalYearWareki, formatWareki } from './wareki.ts'

describe('日付（日本時間・年度）', () => {
  test('日本時間の今日: UTC 15:00 で日付が変わる', () => {
    expect(todayInJapan(new Date('2026-03-31T14:59:59Z'))).toBe('2026-03-31')
    expect(todayInJapan(new Date('2026-03-31T15:00:00Z'))).toBe('2026-04-01')
  })

  test.each([
    ['2026-03-31', 2025],
    ['2026-04-01', 2026],
    ['2027-01-15', 2026],
  ])('%s は %i 年度', (date, fiscalYear) => {
    expect(fiscalYearOf(date)).toBe(fiscalYear)
  })

  test('年度の範囲は4月1日から翌年3月31日、今の年度は日本時間の今日から', () => {
    expect(fiscalYearRange(2026)).toEqual({ from: '2026-04-01', to: '2027-03-31' })
    expect(currentFiscalYear(new Date('2026-03-31T14:59:59Z'))).toBe(2025)
    expect(currentFiscalYear(new Date('2026-03-31T15:00:00Z'))).toBe(2026)
  })

  test('N年後は同じ暦日（2025-03-31 + 2年 = 2027-03-31）、うるう日は2月28日', () => {
    expect(addYears('2025-03-31', 2)).toBe('2027-03-31')
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28')
    expect(addDays('2027-03-31', 1)).toBe('2027-04-01')
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364)
  })

  test('存在しない日付は日付として扱わない', () => {
    expect(isIsoDate('2026-02-29')).toBe(false)
    expect(isIsoDate('2028-02-29')).toBe(true)
    expect(isIsoDate('2026-13-01')).toBe(false)
    expect(isIsoDate('2026-4-1')).toBe(false)
  })

  test('期間は両端を含む', () => {
    expect(isWithin('2027-03-31', '2025-04-01', '2027-03-31')).toBe(true)
    expect(isWithin('2027-04-01', '2025-04-01', '2027-03-31')).toBe(false)
    expect(isWithin('2025-04-01', '2025-04-01', null)).toBe(true)
    expect(isWithin('2025-03-31', '2025-04-01', null)).toBe(false)
  })
})

describe('和暦', () => {
  test.each([
    ['2026-04-01', '令和8年4月1日'],
    ['2019-05-01', '令和元年5月1日'],
    ['2019-04-30', '平成31年4月30日'],
    ['1989-01-08', '平成元年1月8日'],
    ['1989-01-07', '昭和64年1月7日'],
  ])('%s → %s', (date, expected) => {
    expect(formatWareki(date)).toBe(expected)
  })

  test('西暦を併記できる', () => {
    expect(formatWareki('2026-04-01', { withWesternYear: true })).toBe('令和8年4月1日（2026年）')
  })

  test('年度の和暦', () => {
    expect(formatFiscalYearWareki(2026)).toBe('令和8年度')
    expect(formatFiscalYearWareki(2019)).toBe('令和元年度')
    expect(formatFiscalYearWareki(1988)).toBe('昭和63年度')
  })

  test('Intl の和暦と一致する（1990〜2060年の任意の日）', () => {
    const intl = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' })
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 11, 31) }), (time) => {
        const date = new Date(time).toISOString().slice(0, 10)
        const part = Object.fromEntries(intl.formatToParts(new Date(`${date}T00:00:00Z`)).map((p) => [p.type, p.value]))
        const year = part.year === '1' ? '元' : part.year
        expect(formatWareki(date)).toBe(`${part.era}${year}年${part.month}月${part.day}日`)
      }),
    )
  })
})
