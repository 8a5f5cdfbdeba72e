import { describe, expect, test } from 'vitest'
import { SavedSearchFilters } from '#shared/contracts/saved-searches'
import { normalizeForSearch } from '#shared/domain/search-text'
import { digestPeriod, filtersKey, matchesPosting, type StoredFilters } from './rules.ts'

const open: StoredFilters = { roleId: null, prefectureCode: null, remoteAllowed: null, sideJobAllowed: null, keywords: '' }
const posting = {
  roleId: 'producer',
  prefectureCode: '38',
  remoteAllowed: true,
  sideJobAllowed: null,
  searchText: normalizeForSearch('愛媛県 松山市 CIO補佐官 データ活用'),
}

describe('matchesPosting: 全国の募集検索と同じ判定', () => {
  test('条件を決めていない検索はどの募集にも合う', () => {
    expect(matchesPosting(open, posting)).toBe(true)
  })
  test('人材像・都道府県・リモートは一致したときだけ', () => {
    expect(matchesPosting({ ...open, roleId: 'producer', prefectureCode: '38', remoteAllowed: true }, posting)).toBe(true)
    expect(matchesPosting({ ...open, roleId: 'engineer' }, posting)).toBe(false)
    expect(matchesPosting({ ...open, prefectureCode: '13' }, posting)).toBe(false)
    expect(matchesPosting({ ...open, remoteAllowed: false }, posting)).toBe(false)
  })
  test('募集が答えていない条件（副業・兼業が未記入）は、その条件を決めた検索には合わない', () => {
    expect(matchesPosting({ ...open, sideJobAllowed: true }, posting)).toBe(false)
  })
  test('キーワードは全角・半角や大小を問わず、すべての語を含むときだけ', () => {
    expect(matchesPosting({ ...open, keywords: 'ｃｉｏ　データ' }, posting)).toBe(true)
    expect(matchesPosting({ ...open, keywords: 'CIO セキュリティ' }, posting)).toBe(false)
  })
})

describe('filtersKey', () => {
  const key = (input: unknown) => filtersKey(SavedSearchFilters.parse(input))
  test('語順や空白の違いは同じ検索、条件が違えば別の検索', () => {
    expect(key({ q: 'データ　活用', prefecture: '38' })).toBe(key({ q: ' 活用 データ', prefecture: '38' }))
    expect(key({ q: 'データ', prefecture: '38' })).not.toBe(key({ q: 'データ', prefecture: '38', remote: true }))
    expect(key({ prefecture: '8' })).toBe(key({ prefecture: '08' }))
  })
})

describe('digestPeriod: 1通のお知らせがまとめる期間（日本時間）', () => {
  test.each([
    ['2026-04-01T08:59:59+09:00', 'daily:2026-04-01', 'weekly:2026-03-30'], // a Wednesday
    ['2026-03-30T00:00:00+09:00', 'daily:2026-03-30', 'weekly:2026-03-30'], // Monday 00:00 starts the week
    ['2026-03-29T23:59:59+09:00', 'daily:2026-03-29', 'weekly:2026-03-23'], // Sunday ends the previous one
    ['2026-03-29T15:30:00Z', 'daily:2026-03-30', 'weekly:2026-03-30'], // 00:30 on Monday in Japan
  ])('%s', (instant, daily, weekly) => {
    expect(digestPeriod('daily', new Date(instant))).toBe(daily)
    expect(digestPeriod('weekly', new Date(instant))).toBe(weekly)
  })
})
