import { describe, expect, test } from 'vitest'
import { isValidCorporateNumber, isValidLocalGovernmentCode, prefectureCodeOf } from './codes.ts'

describe('全国地方公共団体コードの検査数字', () => {
  test.each([
    ['011002', '札幌市'],
    ['012131', '苫小牧市（剰余0 → 検査数字1）'],
    ['131016', '千代田区'],
    ['382019', '松山市'],
    ['010006', '北海道'],
  ])('%s (%s) は正しい', (code) => {
    expect(isValidLocalGovernmentCode(code)).toBe(true)
  })

  test.each(['382018', '382010', '482019', '131017', '011003'])('検査数字の合わない %s は誤り', (code) => {
    expect(isValidLocalGovernmentCode(code)).toBe(false)
  })

  test.each(['38201', '3820199', '38201a', '', ' 382019'])('形式の違う %j は誤り', (code) => {
    expect(isValidLocalGovernmentCode(code)).toBe(false)
  })

  test('どの1桁を変えても検査で見つかる', () => {
    const code = '382019'
    for (let position = 0; position < 6; position += 1) {
      for (let digit = 0; digit <= 9; digit += 1) {
        const corrupted = code.slice(0, position) + digit + code.slice(position + 1)
        if (corrupted !== code) expect(isValidLocalGovernmentCode(corrupted), corrupted).toBe(false)
      }
    }
  })

  test('都道府県コードは先頭2桁', () => {
    expect(prefectureCodeOf('382019')).toBe('38')
  })
})

describe('法人番号の検査数字', () => {
  test.each([
    ['7000012050002', '国税庁'],
    ['1180301018771', 'トヨタ自動車株式会社'],
    ['4000012090001', '総務省'],
  ])('%s (%s) は正しい', (number) => {
    expect(isValidCorporateNumber(number)).toBe(true)
  })

  test.each(['7000012050003', '8000012050002', '1180301018772', '700001205000', '70000120500021', '700001205000x'])('%s は誤り', (number) => {
    expect(isValidCorporateNumber(number)).toBe(false)
  })
})
