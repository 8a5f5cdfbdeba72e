import { describe, expect, test } from 'vitest'
import { appointment, bidFacts, G, rule, S1, S2, X } from '../test-fixtures.ts'
import { clauseText } from './clause-text.ts'
import { exemptionRefusal } from './exemption.ts'
import { uncoveredForBidder, uncoveredParticipants } from './uncovered.ts'

describe('公表する規定文は設定した値を書き込む（手順書 参考4.4-⑦）', () => {
  test.each<[string, string, Record<string, unknown>, string[], string[]]>([
    // [case, template, params, the text says, the text does not say]
    ['B② 既定は「過去2年内」', 'B2', {}, ['現に属する又は過去2年内に属していた事業者', '助言・仕様書作成・審査・評価・管理・監督で関わる'], ['指定の年数']],
    ['B② 3年と設定すれば「過去3年内」', 'B2', { lookbackYears: 3 }, ['過去3年内'], ['過去2年内', '指定の年数']],
    ['B② 0年なら現に属する事業者だけ', 'B2', { lookbackYears: 0 }, ['現に属する事業者'], ['過去0年']],
    ['B② 助言だけを対象にする', 'B2', { triggerRoles: ['advises'] }, ['助言で関わる調達案件'], ['仕様書作成で']],
    ['B② 関連事業者は登録した法人のみ', 'B2', { relatedScope: 'related_only' }, ['関連事業者として登録した法人'], ['連結グループ']],
    ['B① 既定は10年以上', 'B1', {}, ['10年以上雇用関係にあった法人', '連結決算の対象となる法人'], ['指定の年数', '対象とする法人との関係']],
    [
      'B① 5年、従業員と役員だけ',
      'B1',
      { tenureYears: 5, relationships: ['employee', 'officer'] },
      ['5年以上', '（対象とする法人との関係: 従業員・役員）'],
      ['10年'],
    ],
    ['A② 既定は契約完了後2年間', 'A2', {}, ['契約期間中と契約完了後2年間', '設計・開発・運用・保守・監査'], ['指定した年数']],
    ['A② 0年は契約期間中だけ', 'A2', { yearsAfter: 0 }, ['契約期間中、'], ['完了後']],
    ['A① 区分を書き込む', 'A1', { categories: ['audit'] }, ['本市の情報システム調達（監査）'], []],
    ['C① 既定は審査・評価を含む', 'C1', {}, ['提案の審査・評価を含む業者の選定'], ['含めません']],
    ['C① 審査・評価を外した設定', 'C1', { includesEvaluation: false }, ['提案の審査・評価は含めません'], ['を含む業者']],
    ['⑨ 関係職員の関わり方', 'D', { staffRoles: ['drafts_spec'] }, ['仕様書作成に従事する職員（関係職員）'], ['審査・評価に']],
    ['⑧ロ 区分', 'G_ro', {}, ['情報システムの調達（設計・開発）'], []],
    ['範囲外の値は既定値で書く', 'B2', { lookbackYears: 99 }, ['過去2年内'], ['99']],
  ])('%s', (_name, templateId, params, says, doesNotSay) => {
    const text = clauseText(templateId, params)!
    for (const part of says) expect(text).toContain(part)
    for (const part of doesNotSay) expect(text).not.toContain(part)
  })

  test('知らない規定例は undefined', () => {
    expect(clauseText('Z9')).toBeUndefined()
  })
})

describe('適用除外を申請できるのは規則Dの入札制限対象企業だけ（手順書 参考4.4-⑨）', () => {
  const drafting = appointment({ ruleSet: [rule('B2'), rule('D')], roleOnProcurement: ['drafts_spec'] })
  const advising = appointment({ ruleSet: [rule('B2'), rule('D')], roleOnProcurement: ['advises'] })
  test.each<[string, Parameters<typeof bidFacts>[0], string | null]>([
    ['兼業先の子会社 G、仕様書作成の関係職員 → 申請できる', { bidder: G, appointments: [drafting] }, null],
    [
      '却下された申請があっても、新しい申請は D の対象として受け付ける',
      { bidder: G, appointments: [drafting], exemptions: [{ procurementId: 'R1', corporateNumber: G, status: 'rejected' }] },
      null,
    ],
    ['助言だけの任用（B2 のみ） → 規則B2 には適用除外がない', { bidder: S1, appointments: [advising] }, '規則B2によるもので、適用除外はありません'],
    ['制限されない法人 X（元勤務先は2年より前） → 申請の必要なし', { bidder: X, appointments: [advising] }, '入札制限対象企業ではない'],
    ['規則のない任用 → 申請の必要なし', { bidder: S1, appointments: [appointment({ roleOnProcurement: ['drafts_spec'] })] }, '入札制限対象企業ではない'],
  ])('%s', (_name, overrides, refusal) => {
    const answer = exemptionRefusal(bidFacts(overrides))
    if (refusal === null) expect(answer).toBeNull()
    else expect(answer).toContain(refusal)
  })
})

describe('規則セットのない任用の注記は、この判定に関わるものだけ', () => {
  const bare = (id: string, corporateNumber: string, roles: ('advises' | 'evaluates')[] = []) =>
    appointment({
      appointmentId: id,
      ruleSet: [],
      roleOnProcurement: roles,
      employments: [{ corporateNumber, relationship: 'employee', startsOn: '2020-04-01', endsOn: null }],
    })

  test('入札者と同じ連結グループの勤務先の任用だけを名指しする', () => {
    const facts = bidFacts({ bidder: S1, appointments: [bare('sister', S2), bare('elsewhere', X), appointment({ ruleSet: [rule('B1')] })] })
    const notes = uncoveredForBidder(facts)
    expect(notes).toHaveLength(1)
    expect(notes[0]).toContain('任用sister')
  })

  test('他団体の任用や、規則のある任用は名指ししない', () => {
    const facts = bidFacts({
      bidder: S2,
      appointments: [
        { ...bare('other-city', S2), municipalityCode: '382027' },
        appointment({
          appointmentId: 'ruled',
          ruleSet: [rule('C1')],
          employments: [{ corporateNumber: S2, relationship: 'employee', startsOn: '2020-04-01', endsOn: null }],
        }),
      ],
    })
    expect(uncoveredForBidder(facts)).toEqual([])
  })

  test('制限対象一覧では、本件に関わる規則のない任用だけを関わり方とともに名指しする', () => {
    const { bidder: _bidder, ...facts } = bidFacts({ appointments: [bare('evaluator', X, ['evaluates']), bare('bystander', S2)] })
    expect(uncoveredParticipants(facts)).toEqual([expect.stringContaining('任用evaluatorは本件に審査・評価で関わりますが')])
  })
})
