import { describe, expect, test } from 'vitest'
import { resolveRuleParameters, ruleTemplates, validateRuleParameters } from './templates.ts'

describe('規則テンプレート', () => {
  test('九つのテンプレートに名称・説明・出典がある', () => {
    expect(ruleTemplates.map((template) => template.id)).toEqual(['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'D', 'G_i', 'G_ro'])
    for (const template of ruleTemplates) {
      expect(template.name.length).toBeGreaterThan(0)
      expect(template.description.length).toBeGreaterThan(20)
      expect(template.source).toMatch(/^総務省 自治体DX全体手順書 参考4\.4-[⑦⑧⑨]/)
    }
    expect(ruleTemplates.find((template) => template.id === 'B2')?.source).toBe('総務省 自治体DX全体手順書 参考4.4-⑦ B②')
  })

  test('既定値は空のパラメータで有効', () => {
    for (const template of ruleTemplates) expect(validateRuleParameters(template.id, {}), template.id).toEqual([])
  })

  test('既定値: A2 は2年、B1 は10年、B2 は2年、C1 は審査・評価を業者の選定行為に含める（参考4.4-⑦C①、⑨ 関係職員）', () => {
    expect(resolveRuleParameters('A2', {})).toEqual({ yearsAfter: 2, categories: ['design_development', 'operation_maintenance', 'audit'] })
    expect(resolveRuleParameters('B1', {}).tenureYears).toBe(10)
    expect(resolveRuleParameters('B2', {}).lookbackYears).toBe(2)
    expect(resolveRuleParameters('B2', {}).relatedScope).toBe('group_and_related')
    expect(resolveRuleParameters('C1', {}).includesEvaluation).toBe(true)
    expect(resolveRuleParameters('D', {}).staffRoles).toEqual(['drafts_spec', 'evaluates', 'supervises'])
    expect(resolveRuleParameters('A2', { yearsAfter: 3 }).yearsAfter).toBe(3)
  })

  test('既定値の配列は呼び出しごとに複製される', () => {
    const first = resolveRuleParameters('A1', {})
    first.categories.push('audit')
    expect(resolveRuleParameters('A1', {}).categories).not.toContain('audit')
  })

  test.each<[string, string, unknown, string | null]>([
    ['A2 年数 0 は下限', 'A2', { yearsAfter: 0 }, null],
    ['A2 年数 5 は上限', 'A2', { yearsAfter: 5 }, null],
    ['A2 年数 6 は上限超え', 'A2', { yearsAfter: 6 }, '0以上5以下の整数'],
    ['A2 年数 −1', 'A2', { yearsAfter: -1 }, '0以上5以下の整数'],
    ['A2 年数 2.5 は整数でない', 'A2', { yearsAfter: 2.5 }, '整数'],
    ['A2 年数 "2" は文字列', 'A2', { yearsAfter: '2' }, '整数'],
    ['A2 区分は 設計・開発 / 運用・保守 / 監査 / 機器・ソフトウェア から', 'A2', { categories: ['audit', 'equipment_software'] }, null],
    ['A2 区分が空', 'A2', { categories: [] }, '1つ以上'],
    ['A2 区分に不明な値', 'A2', { categories: ['construction'] }, '使えない値があります: construction'],
    ['A2 区分の重複', 'A2', { categories: ['audit', 'audit'] }, '重複'],
    ['B1 年数 1 は下限', 'B1', { tenureYears: 1 }, null],
    ['B1 年数 20 は上限', 'B1', { tenureYears: 20 }, null],
    ['B1 年数 0', 'B1', { tenureYears: 0 }, '1以上20以下'],
    ['B1 年数 21', 'B1', { tenureYears: 21 }, '1以上20以下'],
    ['B2 年数 5', 'B2', { lookbackYears: 5 }, null],
    ['B2 年数 6', 'B2', { lookbackYears: 6 }, '0以上5以下'],
    ['B2 関連事業者の範囲が不明', 'B2', { relatedScope: 'everyone' }, 'いずれか'],
    ['B2 関わり方が空', 'B2', { triggerRoles: [] }, '1つ以上'],
    ['C1 評価を含めるは真偽値', 'C1', { includesEvaluation: 'yes' }, 'true か false'],
    ['C1 評価を含める', 'C1', { includesEvaluation: true }, null],
    ['D 関係者の範囲に不明な値', 'D', { staffRoles: ['reads'] }, '使えない値'],
    ['C2 にパラメータはない', 'C2', { yearsAfter: 1 }, 'パラメータはありません'],
    ['不明なパラメータ名', 'A2', { years: 2 }, '「years」というパラメータはありません'],
    ['不明なテンプレート', 'Z9', {}, '「Z9」はありません'],
    ['パラメータが配列', 'A1', [], 'オブジェクト'],
    ['パラメータが null', 'A1', null, 'オブジェクト'],
  ])('%s', (_name, templateId, params, message) => {
    const errors = validateRuleParameters(templateId, params)
    if (message === null) expect(errors).toEqual([])
    else expect(errors.join('\n')).toContain(message)
  })

  test('不正なパラメータの解決は RangeError（日本語の理由つき）', () => {
    expect(() => resolveRuleParameters('A2', { yearsAfter: 9 })).toThrow(/0以上5以下の整数/)
  })
})
