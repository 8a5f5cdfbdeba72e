import { describe, expect, test } from 'vitest'
import { isValidCorporateNumber } from '#shared/domain/codes'
import {
  decideAct,
  decideBid,
  restrictedCompanies,
  toPublishable,
  type ActFacts,
  type BidDecisionKind,
  type BidFacts,
  type Employment,
  type RuleTemplateId,
} from './rules/index.ts'
import {
  actFacts,
  appointment,
  bidFacts,
  C,
  companyNames,
  contract,
  corporateNumber,
  DRAFTER,
  G,
  IMABARI,
  link,
  MATSUYAMA,
  P,
  PMO,
  procurement,
  rule,
  S1,
  S2,
  UNKNOWN,
  X,
} from './test-fixtures.ts'

/** 山田 with the rule set, advising on R1 (B2 cases) or drafting R1's specification (D cases). */
const advising = (ruleSet = [rule('B2')]) => appointment({ ruleSet, roleOnProcurement: ['advises'] })
const drafting = (ruleSet = [rule('D')]) => appointment({ ruleSet, roleOnProcurement: ['drafts_spec'] })
const untouched = (ruleSet = [rule('B1')]) => appointment({ ruleSet, roleOnProcurement: [] })
const r2 = procurement({ id: 'R2' })
const r3 = procurement({ id: 'R3' })

describe('フィクスチャの法人番号', () => {
  test('検査数字が正しい', () => {
    for (const number of [P, S1, S2, G, X, C, DRAFTER, PMO, UNKNOWN]) expect(isValidCorporateNumber(number), number).toBe(true)
    expect(corporateNumber('000012050002')).toBe('7000012050002') // 国税庁
    expect(corporateNumber('180301018771')).toBe('1180301018771') // トヨタ自動車
  })
})

interface Case {
  name: string
  facts: BidFacts
  decision: BidDecisionKind
  rules: RuleTemplateId[]
  window?: { from: string | null; to: string | null }
  relation?: string[]
}

const workedCases: Case[] = [
  {
    name: 'K1 ⑦B② 現在の勤務先 S1・助言する R1 → restricted',
    facts: bidFacts({ bidder: S1, appointments: [advising()] }),
    decision: 'restricted',
    rules: ['B2'],
    window: { from: '2025-04-01', to: '2027-03-31' },
    relation: [`入札者 ${S1}`, '任用者が現に属する事業者'],
  },
  {
    name: 'K2 ⑦B② 現在の勤務先の兄弟会社 S2（関連事業者） → restricted',
    facts: bidFacts({ bidder: S2, appointments: [advising()] }),
    decision: 'restricted',
    rules: ['B2'],
    relation: [`入札者 ${S2}`, `親会社 ${P}`, `子会社 ${S1}`, '任用者が現に属する事業者'],
  },
  {
    name: 'K3 ⑦B② X は 2022-03-31 退職で 2023-04-01 より前 → allowed',
    facts: bidFacts({ bidder: X, appointments: [advising()] }),
    decision: 'allowed',
    rules: [],
  },
  {
    name: 'K4 ⑦B② 助言しない R2 は対象外 → allowed',
    facts: bidFacts({ bidder: S1, procurement: r2, appointments: [untouched([rule('B2')])] }),
    decision: 'allowed',
    rules: [],
  },
  {
    name: 'K5 ⑦B② 任用最終日 2027-03-31 → restricted',
    facts: bidFacts({ bidder: S1, asOf: '2027-03-31', appointments: [advising()] }),
    decision: 'restricted',
    rules: ['B2'],
  },
  {
    name: 'K6 ⑦B② 任用終了の翌日 2027-04-01 → allowed',
    facts: bidFacts({ bidder: S1, asOf: '2027-04-01', appointments: [advising()] }),
    decision: 'allowed',
    rules: [],
  },
  {
    name: 'K7 ⑦B① ちょうど10年勤務した X・全調達 R2 2026-01-15 → restricted',
    facts: bidFacts({ bidder: X, procurement: r2, asOf: '2026-01-15', appointments: [untouched()] }),
    decision: 'restricted',
    rules: ['B1'],
    window: { from: '2025-04-01', to: '2027-03-31' },
    relation: [`入札者 ${X}`, '任用者が通算10年以上勤務した法人'],
  },
  {
    name: 'K8 ⑦B① 現在の勤務先の連結グループ（親会社 P） → restricted',
    facts: bidFacts({ bidder: P, procurement: r2, asOf: '2026-01-15', appointments: [untouched()] }),
    decision: 'restricted',
    rules: ['B1'],
    relation: [`入札者 ${P}`, `子会社 ${S1}`, '任用者の現在の勤務先'],
  },
  {
    name: 'K9 ⑨ 関係職員（仕様書作成）の兼業先 S1 → restricted_exemptible',
    facts: bidFacts({ bidder: S1, appointments: [drafting()] }),
    decision: 'restricted_exemptible',
    rules: ['D'],
    window: { from: '2025-04-01', to: '2027-03-31' },
  },
  {
    name: 'K10 ⑨ 兼業先の子会社 G → restricted_exemptible',
    facts: bidFacts({ bidder: G, appointments: [drafting()] }),
    decision: 'restricted_exemptible',
    rules: ['D'],
    relation: [`入札者 ${G}`, `親会社 ${S1}`, '関係職員（任用者）の兼業先'],
  },
  {
    name: 'K11 ⑨ 兄弟会社 S2 は親会社でも子会社でもない → allowed',
    facts: bidFacts({ bidder: S2, appointments: [drafting()] }),
    decision: 'allowed',
    rules: [],
  },
  {
    name: 'K12 ⑨ R1 の適用除外が承認済み → R1 は allowed',
    facts: bidFacts({
      bidder: S1,
      asOf: '2025-10-15',
      appointments: [drafting()],
      exemptions: [{ procurementId: 'R1', corporateNumber: S1, status: 'approved' }],
    }),
    decision: 'allowed',
    rules: [],
  },
  {
    name: 'K12 ⑨ 適用除外は案件ごと: 山田が仕様書を作った R3 → restricted_exemptible',
    facts: bidFacts({
      bidder: S1,
      asOf: '2025-10-15',
      procurement: r3,
      appointments: [drafting()],
      exemptions: [{ procurementId: 'R1', corporateNumber: S1, status: 'approved' }],
    }),
    decision: 'restricted_exemptible',
    rules: ['D'],
  },
  {
    name: 'K13 ⑦A② 契約完了 2025-03-31 + 2年 = 2027-03-31（当日を含む） → restricted',
    facts: bidFacts({ bidder: C, asOf: '2027-03-31', contracts: [contract({ ruleSet: [rule('A2')] })] }),
    decision: 'restricted',
    rules: ['A2'],
    window: { from: '2024-04-01', to: '2027-03-31' },
    relation: [`入札者 ${C}`, '契約itaku-2024の受託事業者'],
  },
  {
    name: 'K14 ⑦A② 2027-04-01 は期間経過 → allowed',
    facts: bidFacts({ bidder: C, asOf: '2027-04-01', contracts: [contract({ ruleSet: [rule('A2')] })] }),
    decision: 'allowed',
    rules: [],
  },
  {
    name: 'K15 ⑦A① 機器調達・契約最終日 2025-03-31 → restricted',
    facts: bidFacts({
      bidder: C,
      asOf: '2025-03-31',
      procurement: procurement({ categories: ['equipment_software'] }),
      contracts: [contract({ ruleSet: [rule('A1')] })],
    }),
    decision: 'restricted',
    rules: ['A1'],
    window: { from: '2024-04-01', to: '2025-03-31' },
  },
  {
    name: 'K15 ⑦A① 機器調達・契約終了の翌日 2025-04-01 → allowed',
    facts: bidFacts({
      bidder: C,
      asOf: '2025-04-01',
      procurement: procurement({ categories: ['equipment_software'] }),
      contracts: [contract({ ruleSet: [rule('A1')] })],
    }),
    decision: 'allowed',
    rules: [],
  },
  {
    name: 'K16 ⑧イ 仕様書作成に直接関与した事業者 → restricted',
    facts: bidFacts({
      bidder: DRAFTER,
      procurement: procurement({ ruleSet: [rule('G_i')], specDrafterCorporateNumbers: [DRAFTER] }),
    }),
    decision: 'restricted',
    rules: ['G_i'],
    window: { from: null, to: null },
  },
  {
    name: 'K16 ⑧イ ただし書: 競争上有利とならないと認めた記録あり → allowed',
    facts: bidFacts({
      bidder: DRAFTER,
      procurement: procurement({
        ruleSet: [rule('G_i')],
        specDrafterCorporateNumbers: [DRAFTER],
        noAdvantageCorporateNumbers: [DRAFTER],
      }),
    }),
    decision: 'allowed',
    rules: [],
  },
]

function check(row: Case) {
  const answer = decideBid(row.facts)
  expect(answer.decision).toBe(row.decision)
  expect(answer.findings.map((finding) => finding.ruleId)).toEqual(row.rules)
  expect(answer.decision === 'allowed').toBe(answer.findings.length === 0)
  const first = answer.findings[0]
  if (row.window) expect(first?.window).toEqual(row.window)
  if (row.relation) expect(first?.relation).toEqual(row.relation)
  return answer
}

describe('手順書 参考4.4-⑦⑧⑨ の入札制限の判定例 K1–K16', () => {
  test.each(workedCases.map((row) => [row.name, row] as const))('%s', (_name, row) => {
    check(row)
  })

  test('K9 の理由は規則・条項・任用期間を述べ、適用除外の申請条件を注記する', () => {
    const answer = decideBid(bidFacts({ bidder: S1, appointments: [drafting()] }))
    const finding = answer.findings[0]
    expect(finding?.ruleSource).toBe('総務省 自治体DX全体手順書 参考4.4-⑨（デジタル庁における入札制限等に関する規程）')
    expect(finding?.reason).toBe('規則D（参考4.4-⑨）により、本件の仕様書作成に関わる関係職員の兼業先の入札は、任用期間（2025-04-01〜2027-03-31）中は無効です。')
    expect(finding?.exemptible).toBe(true)
    expect(finding?.appointmentId).toBe('yamada-matsuyama')
    expect(answer.notes.some((note) => note.includes('(a)') && note.includes('(b)') && note.includes('(c)'))).toBe(true)
  })

  test('K10 の理由は「兼業先の子会社」、K8 の親会社は「兼業先の親会社」（規則D）', () => {
    expect(decideBid(bidFacts({ bidder: G, appointments: [drafting()] })).findings[0]?.reason).toContain('兼業先の子会社')
    expect(decideBid(bidFacts({ bidder: P, appointments: [drafting()] })).findings[0]?.reason).toContain('兼業先の親会社')
  })

  test('K12 承認済みの適用除外は注記で示す', () => {
    const answer = decideBid(workedCases.find((row) => row.name.startsWith('K12 ⑨ R1'))!.facts)
    expect(answer.notes.join('\n')).toContain('適用除外が承認されている')
  })

  test('K13 の理由は契約期間・年数・終期を述べる', () => {
    const answer = decideBid(bidFacts({ bidder: C, asOf: '2027-03-31', contracts: [contract({ ruleSet: [rule('A2')] })] }))
    expect(answer.findings[0]?.reason).toBe(
      '規則A2（参考4.4-⑦A②）により、契約itaku-2024（2024-04-01〜2025-03-31）の受託事業者は、契約期間と完了後2年間（2027-03-31まで）、設計・開発の調達に入札できません。',
    )
    expect(answer.findings[0]?.contractId).toBe('itaku-2024')
    expect(answer.findings[0]?.appointmentId).toBeNull()
  })

  test('K16 ただし書の記録は注記で示す', () => {
    const answer = decideBid(workedCases.at(-1)!.facts)
    expect(answer.notes.join('\n')).toContain('競争上有利とならないと認められた記録')
  })

  test('法人名があれば説明に名称を添える', () => {
    const answer = decideBid(bidFacts({ bidder: S2, appointments: [advising()], companyNames }))
    expect(answer.findings[0]?.relation).toEqual([
      `入札者 S2 ソリューションズ株式会社（${S2}）`,
      `親会社 P ホールディングス株式会社（${P}）`,
      `子会社 S1 システムズ株式会社（${S1}）`,
      '任用者が現に属する事業者',
    ])
  })
})

describe('手順書 参考4.4-⑦⑧⑨ の行為制限の判定例 T1–T4', () => {
  const secondee = appointment({
    ruleSet: [rule('C1'), rule('C2')],
    employments: [{ corporateNumber: S1, relationship: 'secondee', startsOn: '2025-04-01', endsOn: '2027-03-31' }],
  })
  test.each<[string, ActFacts, 'allowed' | 'blocked', string[]]>([
    ['T1 ⑦C① 在籍企業 S1 が入札見込みの R1 の仕様書作成 → blocked', actFacts({ act: 'draft_spec' }), 'blocked', ['C1']],
    ['T2 ⑦C① 業者選定 → blocked', actFacts({ act: 'select_vendor' }), 'blocked', ['C1']],
    ['T3 ⑦C① 提案の審査・評価は業者の選定行為（既定） → blocked', actFacts({ act: 'evaluate' }), 'blocked', ['C1']],
    [
      'T3 ⑦C① 審査・評価を業者選定から外した規則セット → allowed',
      actFacts({ act: 'evaluate', appointment: appointment({ ruleSet: [rule('C1', { includesEvaluation: false })] }) }),
      'allowed',
      [],
    ],
    ['⑦C② 派遣でない在籍企業への許認可の申請処理は C1・C2 の対象外 → allowed', actFacts({ act: 'permit_handling' }), 'allowed', []],
    ['T4 ⑦C① 契約事務は C1 の対象外 → allowed', actFacts({ act: 'contract_handling' }), 'allowed', []],
    ['T4 ⑦C② 派遣元 S1 に関する契約事務（山田は S1 からの派遣） → blocked', actFacts({ act: 'contract_handling', appointment: secondee }), 'blocked', ['C2']],
    ['⑦C② 派遣元に対する許認可の申請処理 → blocked', actFacts({ act: 'permit_handling', appointment: secondee }), 'blocked', ['C2']],
    [
      '⑦C② 派遣元が関わらない案件の契約事務 → allowed',
      actFacts({
        act: 'contract_handling',
        appointment: secondee,
        procurement: { id: 'R2', municipalityCode: MATSUYAMA, expectedBidderCorporateNumbers: [X] },
      }),
      'allowed',
      [],
    ],
    [
      '⑦C② 契約の相手方が派遣元 → blocked',
      actFacts({
        act: 'contract_handling',
        appointment: secondee,
        procurement: { id: 'R2', municipalityCode: MATSUYAMA, expectedBidderCorporateNumbers: [], counterpartyCorporateNumbers: [S1] },
      }),
      'blocked',
      ['C2'],
    ],
    [
      '⑦C① 在籍企業の入札が見込まれない案件 → allowed',
      actFacts({ procurement: { id: 'R2', municipalityCode: MATSUYAMA, expectedBidderCorporateNumbers: [S2] } }),
      'allowed',
      [],
    ],
    [
      '⑦C① 元勤務先 X は在籍企業ではない → allowed',
      actFacts({ procurement: { id: 'R2', municipalityCode: MATSUYAMA, expectedBidderCorporateNumbers: [X] } }),
      'allowed',
      [],
    ],
    ['⑦C① 任用開始の前日 2025-03-31 → allowed', actFacts({ asOf: '2025-03-31' }), 'allowed', []],
    ['⑦C① 任用最終日 2027-03-31 → blocked', actFacts({ asOf: '2027-03-31' }), 'blocked', ['C1']],
    ['⑦C① 任用終了の翌日 2027-04-01 → allowed', actFacts({ asOf: '2027-04-01' }), 'allowed', []],
    ['規則セットに C1 がなければ制限しない → allowed', actFacts({ appointment: appointment({ ruleSet: [rule('B1')] }) }), 'allowed', []],
  ])('%s', (_name, facts, decision, rules) => {
    const answer = decideAct(facts)
    expect(answer.decision).toBe(decision)
    expect(answer.findings.map((finding) => finding.ruleId)).toEqual(rules)
  })

  test('T1 の理由は在籍企業と任用期間を述べる', () => {
    const finding = decideAct(actFacts({ act: 'draft_spec' })).findings[0]
    expect(finding?.corporateNumber).toBe(S1)
    expect(finding?.window).toEqual({ from: '2025-04-01', to: '2027-03-31' })
    expect(finding?.reason).toBe(
      `規則C1（参考4.4-⑦C①）により、任用期間（2025-04-01〜2027-03-31）中は、在籍企業 ${S1} の入札参加が見込まれる本件（R1）の仕様書の作成を行えません。`,
    )
  })

  test('T3 の答えは規則セットの方針を注記する', () => {
    expect(decideAct(actFacts({ act: 'evaluate' })).notes.join()).toContain('includesEvaluation = true')
    const lenient = actFacts({ act: 'evaluate', appointment: appointment({ ruleSet: [rule('C1', { includesEvaluation: false })] }) })
    expect(decideAct(lenient).notes.join()).toContain('includesEvaluation = false')
  })

  test('T4 の C2 の期間は派遣期間と任用期間の重なり', () => {
    const facts = actFacts({
      act: 'contract_handling',
      appointment: appointment({
        ruleSet: [rule('C2')],
        employments: [{ corporateNumber: S1, relationship: 'secondee', startsOn: '2024-10-01', endsOn: '2026-09-30' }],
      }),
    })
    expect(decideAct(facts).findings[0]?.window).toEqual({ from: '2025-04-01', to: '2026-09-30' })
    expect(decideAct({ ...facts, asOf: '2026-10-01' }).decision).toBe('allowed')
  })

  test('他団体の任用では行為を制限しない', () => {
    const answer = decideAct(actFacts({ appointment: appointment({ municipalityCode: IMABARI, ruleSet: [rule('C1')] }) }))
    expect(answer.decision).toBe('allowed')
    expect(answer.notes).toHaveLength(1)
  })
})

describe('期間の端（前日・初日・最終日・翌日）', () => {
  const a1 = (asOf: string) =>
    bidFacts({ bidder: C, asOf, procurement: procurement({ categories: ['equipment_software'] }), contracts: [contract({ ruleSet: [rule('A1')] })] })
  const a2 = (asOf: string, params = {}) => bidFacts({ bidder: C, asOf, contracts: [contract({ ruleSet: [rule('A2', params)] })] })
  const b1 = (asOf: string) => bidFacts({ bidder: X, asOf, procurement: r2, appointments: [untouched()] })
  const b2 = (asOf: string) => bidFacts({ bidder: S1, asOf, appointments: [advising()] })

  test.each<[string, BidFacts, BidDecisionKind]>([
    ['⑦A① 契約開始の前日 2024-03-31 → allowed', a1('2024-03-31'), 'allowed'],
    ['⑦A① 契約初日 2024-04-01 → restricted', a1('2024-04-01'), 'restricted'],
    ['⑦A① 契約最終日 2025-03-31 → restricted', a1('2025-03-31'), 'restricted'],
    ['⑦A① 契約終了の翌日 2025-04-01 → allowed', a1('2025-04-01'), 'allowed'],
    ['⑦A② 契約開始の前日 2024-03-31 → allowed', a2('2024-03-31'), 'allowed'],
    ['⑦A② 契約初日 2024-04-01 → restricted', a2('2024-04-01'), 'restricted'],
    ['⑦A② 完了の翌日 2025-04-01 → restricted', a2('2025-04-01'), 'restricted'],
    ['⑦A② 完了後2年の同日 2027-03-31 → restricted', a2('2027-03-31'), 'restricted'],
    ['⑦A② その翌日 2027-04-01 → allowed', a2('2027-04-01'), 'allowed'],
    ['⑦A② 年数 0: 完了日 2025-03-31 → restricted', a2('2025-03-31', { yearsAfter: 0 }), 'restricted'],
    ['⑦A② 年数 0: 完了の翌日 2025-04-01 → allowed', a2('2025-04-01', { yearsAfter: 0 }), 'allowed'],
    ['⑦A② 年数 5: 2030-03-31 → restricted', a2('2030-03-31', { yearsAfter: 5 }), 'restricted'],
    ['⑦A② 年数 5: 2030-04-01 → allowed', a2('2030-04-01', { yearsAfter: 5 }), 'allowed'],
    ['⑦B① 任用開始の前日 2025-03-31 → allowed', b1('2025-03-31'), 'allowed'],
    ['⑦B① 任用初日 2025-04-01 → restricted', b1('2025-04-01'), 'restricted'],
    ['⑦B① 任用最終日 2027-03-31 → restricted', b1('2027-03-31'), 'restricted'],
    ['⑦B① 任用終了の翌日 2027-04-01 → allowed', b1('2027-04-01'), 'allowed'],
    ['⑦B② 任用開始の前日 2025-03-31 → allowed', b2('2025-03-31'), 'allowed'],
    ['⑦B② 任用初日 2025-04-01 → restricted', b2('2025-04-01'), 'restricted'],
    ['⑦B② 任用最終日 2027-03-31 → restricted', b2('2027-03-31'), 'restricted'],
    ['⑦B② 任用終了の翌日 2027-04-01 → allowed', b2('2027-04-01'), 'allowed'],
  ])('%s', (_name, facts, decision) => {
    const answer = decideBid(facts)
    expect(answer.decision).toBe(decision)
    expect(answer.decision === 'allowed').toBe(answer.findings.length === 0)
  })

  const Y = corporateNumber('306000000001')
  const withHistory = (employments: Employment[], ruleSet = [rule('B1')]) =>
    bidFacts({ bidder: Y, procurement: r2, asOf: '2026-01-15', appointments: [appointment({ ruleSet, employments })] })
  const spell = (startsOn: string, endsOn: string | null, relationship: 'employee' | 'officer' = 'employee') => ({
    corporateNumber: Y,
    relationship,
    startsOn,
    endsOn,
  })

  test.each<[string, BidFacts, BidDecisionKind]>([
    ['⑦B① 2010-04-01→2020-03-31 はちょうど10年 → restricted', withHistory([spell('2010-04-01', '2020-03-31')]), 'restricted'],
    ['⑦B① 2010-04-02→2020-03-31 は10年に1日足りない → allowed', withHistory([spell('2010-04-02', '2020-03-31')]), 'allowed'],
    ['⑦B① 同じ法人の在籍を通算: 5年 + 5年 → restricted', withHistory([spell('2017-04-01', '2022-03-31'), spell('2010-04-01', '2015-03-31')]), 'restricted'],
    ['⑦B① 通算で1日足りない: 5年 + 5年−1日 → allowed', withHistory([spell('2010-04-01', '2015-03-31'), spell('2017-04-02', '2022-03-31')]), 'allowed'],
    [
      '⑦B① 重なる在籍（従業員と役員）は二重に数えない: 通算9年 → allowed',
      withHistory([spell('2010-04-01', '2015-03-31'), spell('2014-04-01', '2019-03-31', 'officer')]),
      'allowed',
    ],
    [
      '⑦B① 年数 5 の規則セット: 2013-04-01→2018-03-31 → restricted',
      withHistory([spell('2013-04-01', '2018-03-31')], [rule('B1', { tenureYears: 5 })]),
      'restricted',
    ],
    ['⑦B① 現在の勤務先は在籍1日目から対象 → restricted', withHistory([spell('2026-01-15', null)]), 'restricted'],
    ['⑦B① 判定日より後に始まる在籍は数えない → allowed', withHistory([spell('2026-01-16', null)]), 'allowed'],
    [
      '⑦B① 在籍中の通算は判定日まで: 2016-01-16 から在籍中なら2026-01-15 でちょうど10年 → restricted',
      withHistory([spell('2016-01-16', '2026-01-14'), spell('2026-01-15', '2026-06-30', 'officer')]),
      'restricted',
    ],
  ])('%s', (_name, facts, decision) => {
    expect(decideBid(facts).decision).toBe(decision)
  })

  const lookback = (endsOn: string, params = {}) =>
    bidFacts({
      bidder: Y,
      appointments: [
        appointment({
          ruleSet: [rule('B2', params)],
          roleOnProcurement: ['advises'],
          employments: [spell('2015-04-01', endsOn), { corporateNumber: S1, relationship: 'employee', startsOn: '2023-06-01', endsOn: null }],
        }),
      ],
    })

  test.each<[string, BidFacts, BidDecisionKind]>([
    ['⑦B② 任用初日 2025-04-01 の2年前 2023-04-01 に退職 → restricted', lookback('2023-04-01'), 'restricted'],
    ['⑦B② 2023-03-31 に退職 → allowed', lookback('2023-03-31'), 'allowed'],
    ['⑦B② 年数 0: 任用初日 2025-04-01 に退職 → restricted', lookback('2025-04-01', { lookbackYears: 0 }), 'restricted'],
    ['⑦B② 年数 0: 任用開始の前日 2025-03-31 に退職 → allowed', lookback('2025-03-31', { lookbackYears: 0 }), 'allowed'],
    ['⑦B② 年数 5: 2020-04-01 に退職 → restricted', lookback('2020-04-01', { lookbackYears: 5 }), 'restricted'],
  ])('%s', (_name, facts, decision) => {
    const answer = decideBid(facts)
    expect(answer.decision).toBe(decision)
  })

  test('⑦B② 過去の所属先の理由は退職日と起点を述べる', () => {
    const finding = decideBid(lookback('2023-04-01')).findings[0]
    expect(finding?.relation.at(-1)).toBe('任用者が2023-04-01まで属していた事業者（2023-04-01以降に在籍）')
    expect(finding?.reason).toContain('任用期間（2025-04-01〜2027-03-31）')
  })
})

describe('規則の範囲', () => {
  test.each<[string, BidFacts, BidDecisionKind]>([
    [
      '⑦A① 監査は既定の対象区分ではない → allowed',
      bidFacts({ bidder: C, asOf: '2024-10-01', procurement: procurement({ categories: ['audit'] }), contracts: [contract({ ruleSet: [rule('A1')] })] }),
      'allowed',
    ],
    [
      '⑦A② 機器調達は既定の対象区分ではない → allowed',
      bidFacts({
        bidder: C,
        asOf: '2026-01-15',
        procurement: procurement({ categories: ['equipment_software'] }),
        contracts: [contract({ ruleSet: [rule('A2')] })],
      }),
      'allowed',
    ],
    [
      '⑦A② 複数区分の調達は一つでも該当すれば対象 → restricted',
      bidFacts({
        bidder: C,
        asOf: '2026-01-15',
        procurement: procurement({ categories: ['equipment_software', 'operation_maintenance'] }),
        contracts: [contract({ ruleSet: [rule('A2')] })],
      }),
      'restricted',
    ],
    [
      '⑦A① 受託事業者のグループ会社は対象外 → allowed',
      bidFacts({ bidder: P, asOf: '2024-10-01', contracts: [contract({ corporateNumber: S1, ruleSet: [rule('A1')] })] }),
      'allowed',
    ],
    [
      '⑦A② 他団体との契約は松山市の調達を制限しない → allowed',
      bidFacts({ bidder: C, asOf: '2026-01-15', contracts: [contract({ municipalityCode: IMABARI, ruleSet: [rule('A2')] })] }),
      'allowed',
    ],
    [
      '⑦A② 終期未定の契約は開いたまま → restricted',
      bidFacts({ bidder: C, asOf: '2030-01-15', contracts: [contract({ endsOn: null, ruleSet: [rule('A2')] })] }),
      'restricted',
    ],
    [
      '⑦B② 関連事業者の範囲を「関連事業者リンクのみ」にすると兄弟会社 S2 は対象外 → allowed',
      bidFacts({ bidder: S2, appointments: [advising([rule('B2', { relatedScope: 'related_only' })])] }),
      'allowed',
    ],
    [
      '⑦B② 関連事業者リンク（related）でつながる法人 → restricted',
      bidFacts({
        bidder: C,
        companyLinks: [link('related', C, S1)],
        appointments: [advising([rule('B2', { relatedScope: 'related_only' })])],
      }),
      'restricted',
    ],
    ['⑦B② 仕様書作成も既定では「助言を行う調達」に当たる → restricted', bidFacts({ bidder: S1, appointments: [drafting([rule('B2')])] }), 'restricted'],
    [
      '⑦B② 助言だけを対象にした規則セットでは仕様書作成は対象外 → allowed',
      bidFacts({ bidder: S1, appointments: [drafting([rule('B2', { triggerRoles: ['advises'] })])] }),
      'allowed',
    ],
    ['⑦B① 連結グループの孫会社 G も対象 → restricted', bidFacts({ bidder: G, procurement: r2, asOf: '2026-01-15', appointments: [untouched()] }), 'restricted'],
    [
      '⑦B① 終了したグループ関係は数えない → allowed',
      bidFacts({
        bidder: P,
        procurement: r2,
        asOf: '2026-01-15',
        companyLinks: [link('parent_subsidiary', P, S1, '2015-04-01', '2025-12-31')],
        appointments: [untouched()],
      }),
      'allowed',
    ],
    ['⑨ 助言するだけでは関係職員ではない → allowed', bidFacts({ bidder: S1, appointments: [advising([rule('D')])] }), 'allowed'],
    [
      '⑨ 仕様書作成者の管理・監督の地位にある職員も関係職員 → restricted_exemptible',
      bidFacts({ bidder: S1, appointments: [appointment({ ruleSet: [rule('D')], roleOnProcurement: ['supervises'] })] }),
      'restricted_exemptible',
    ],
    [
      '⑨ 親会社の親会社も親会社（会社法2条4号） → restricted_exemptible',
      bidFacts({
        bidder: corporateNumber('301000000009'),
        companyLinks: [...bidFacts().companyLinks, link('parent_subsidiary', corporateNumber('301000000009'), P)],
        appointments: [drafting()],
      }),
      'restricted_exemptible',
    ],
    [
      '⑧ロ PMO支援事業者は設計・開発を含む調達に入札できない → restricted',
      bidFacts({ bidder: PMO, procurement: procurement({ ruleSet: [rule('G_ro')], pmoVendorCorporateNumbers: [PMO] }) }),
      'restricted',
    ],
    [
      '⑧ロ 運用・保守だけの調達は対象外 → allowed',
      bidFacts({
        bidder: PMO,
        procurement: procurement({ categories: ['operation_maintenance'], ruleSet: [rule('G_ro')], pmoVendorCorporateNumbers: [PMO] }),
      }),
      'allowed',
    ],
    [
      '⑧イ 規則セットに G_i がなければ制限しない → allowed',
      bidFacts({ bidder: DRAFTER, procurement: procurement({ specDrafterCorporateNumbers: [DRAFTER] }) }),
      'allowed',
    ],
  ])('%s', (_name, facts, decision) => {
    expect(decideBid(facts).decision).toBe(decision)
  })
})

describe('決定の組み合わせと適用除外', () => {
  test('⑨ 適用除外を申請中 → restricted_exemptible のまま、注記つき', () => {
    const answer = decideBid(
      bidFacts({ bidder: S1, appointments: [drafting()], exemptions: [{ procurementId: 'R1', corporateNumber: S1, status: 'pending' }] }),
    )
    expect(answer.decision).toBe('restricted_exemptible')
    expect(answer.notes.join()).toContain('申請中')
  })

  test('⑨ 適用除外が却下 → restricted', () => {
    const answer = decideBid(
      bidFacts({ bidder: S1, appointments: [drafting()], exemptions: [{ procurementId: 'R1', corporateNumber: S1, status: 'rejected' }] }),
    )
    expect(answer.decision).toBe('restricted')
    expect(answer.findings[0]?.exemptible).toBe(false)
  })

  test('⑨ 別の法人の承認は効かない', () => {
    const answer = decideBid(
      bidFacts({ bidder: G, appointments: [drafting()], exemptions: [{ procurementId: 'R1', corporateNumber: S1, status: 'approved' }] }),
    )
    expect(answer.decision).toBe('restricted_exemptible')
  })

  test('restricted は restricted_exemptible に勝つ（B2 と D が同時に当たる）', () => {
    const both = appointment({ ruleSet: [rule('B2'), rule('D')], roleOnProcurement: ['advises', 'drafts_spec'] })
    const answer = decideBid(bidFacts({ bidder: S1, appointments: [both] }))
    expect(answer.decision).toBe('restricted')
    expect(answer.findings.map((finding) => finding.ruleId)).toEqual(['B2', 'D'])
  })

  test('適用除外は規則Dだけを外す: B2 が残れば restricted', () => {
    const both = appointment({ ruleSet: [rule('B2'), rule('D')], roleOnProcurement: ['advises', 'drafts_spec'] })
    const answer = decideBid(bidFacts({ bidder: S1, appointments: [both], exemptions: [{ procurementId: 'R1', corporateNumber: S1, status: 'approved' }] }))
    expect(answer.decision).toBe('restricted')
    expect(answer.findings.map((finding) => finding.ruleId)).toEqual(['B2'])
  })

  test('当たる規則ごとに一つの所見（A2・B1・B2・D・G_i が同時に当たる）', () => {
    const answer = decideBid(
      bidFacts({
        bidder: S1,
        appointments: [appointment({ ruleSet: [rule('B1'), rule('B2'), rule('D')], roleOnProcurement: ['advises', 'drafts_spec'] })],
        contracts: [contract({ corporateNumber: S1, ruleSet: [rule('A2')] })],
        procurement: procurement({ ruleSet: [rule('G_i')], specDrafterCorporateNumbers: [S1] }),
      }),
    )
    expect(answer.findings.map((finding) => finding.ruleId)).toEqual(['A2', 'B1', 'B2', 'D', 'G_i'])
    expect(answer.decision).toBe('restricted')
  })

  test('登録されていない法人 → allowed、注記「登録されていない法人です」', () => {
    const answer = decideBid(
      bidFacts({
        bidder: { corporateNumber: UNKNOWN, known: false },
        appointments: [appointment({ ruleSet: [rule('B1'), rule('B2'), rule('D')], roleOnProcurement: ['advises', 'drafts_spec'] })],
      }),
    )
    expect(answer.decision).toBe('allowed')
    expect(answer.findings).toEqual([])
    expect(answer.notes[0]).toMatch(/^登録されていない法人です/)
  })

  test('登録済みの法人には「登録されていない」の注記をつけない', () => {
    expect(decideBid(bidFacts({ bidder: X })).notes.join()).not.toContain('登録されていない')
  })

  test('任用や契約に付け違えた規則は適用せず注記する', () => {
    const answer = decideBid(bidFacts({ bidder: C, asOf: '2024-10-01', appointments: [appointment({ ruleSet: [rule('A1')] })] }))
    expect(answer.decision).toBe('allowed')
    expect(answer.notes.join()).toContain('規則A1は業務委託・派遣の契約に付ける規則')
  })

  test('不正なパラメータの規則は判定せず RangeError（保存時に検査する前提）', () => {
    expect(() => decideBid(bidFacts({ appointments: [advising([rule('B2', { lookbackYears: 9 })])] }))).toThrow(RangeError)
  })
})

describe('複数団体の任用（一人が複数の自治体に従事）', () => {
  const matsuyama = appointment({ ruleSet: [rule('B2')], roleOnProcurement: ['advises'] })
  const imabari = appointment({ appointmentId: 'yamada-imabari', municipalityCode: IMABARI, ruleSet: [rule('B1')], roleOnProcurement: [] })

  test('松山市の調達には松山市の任用だけが効く', () => {
    const answer = decideBid(bidFacts({ bidder: P, appointments: [imabari, matsuyama] }))
    expect(answer.decision).toBe('restricted')
    expect(answer.findings.map((finding) => [finding.ruleId, finding.appointmentId])).toEqual([['B2', 'yamada-matsuyama']])
  })

  test('今治市の調達には今治市の任用だけが効く（助言していなくても B1）', () => {
    const answer = decideBid(bidFacts({ bidder: X, procurement: procurement({ id: 'I1', municipalityCode: IMABARI }), appointments: [imabari, matsuyama] }))
    expect(answer.findings.map((finding) => [finding.ruleId, finding.appointmentId])).toEqual([['B1', 'yamada-imabari']])
  })

  test('今治市の任用しかなければ松山市の調達は制限されない', () => {
    expect(decideBid(bidFacts({ bidder: S1, procurement: r2, appointments: [imabari] })).decision).toBe('allowed')
  })

  test('二人の任用者がそれぞれ制限する: 所見は任用ごと', () => {
    const other = appointment({
      appointmentId: 'suzuki-matsuyama',
      ruleSet: [rule('B2')],
      roleOnProcurement: ['advises'],
      employments: [{ corporateNumber: S2, relationship: 'side_job', startsOn: '2024-01-01', endsOn: null }],
    })
    const answer = decideBid(bidFacts({ bidder: S1, appointments: [other, matsuyama] }))
    expect(answer.findings.map((finding) => finding.appointmentId)).toEqual(['suzuki-matsuyama', 'yamada-matsuyama'])
    expect(answer.findings[0]?.relation).toEqual([`入札者 ${S1}`, `親会社 ${P}`, `子会社 ${S2}`, '任用者が現に属する事業者'])
  })
})

describe('制限対象企業の一覧と公表用の形', () => {
  const facts = {
    ...bidFacts(),
    appointments: [appointment({ ruleSet: [rule('D')], roleOnProcurement: ['drafts_spec'] })],
    companyNames,
  }

  test('⑨ だけなら S1 とその親会社 P・子会社 G（兄弟会社 S2 は含まない）', () => {
    const set = restrictedCompanies(facts)
    expect(set.companies.map((company) => company.corporateNumber)).toEqual([P, S1, G].sort())
    expect(set.companies.every((company) => company.decision === 'restricted_exemptible')).toBe(true)
    expect(set.companies.find((company) => company.corporateNumber === S1)?.name).toBe('S1 システムズ株式会社')
  })

  test('規則の和集合: B1・B2・D・A2・G_i', () => {
    const set = restrictedCompanies({
      ...facts,
      appointments: [appointment({ ruleSet: [rule('B1'), rule('B2'), rule('D')], roleOnProcurement: ['advises', 'drafts_spec'] })],
      contracts: [contract({ ruleSet: [rule('A2')] })],
      procurement: procurement({ ruleSet: [rule('G_i')], specDrafterCorporateNumbers: [DRAFTER] }),
    })
    expect(set.companies.map((company) => company.corporateNumber)).toEqual([P, S1, S2, G, X, C, DRAFTER].sort())
    const s2 = set.companies.find((company) => company.corporateNumber === S2)
    expect(s2?.findings.map((finding) => finding.ruleId)).toEqual(['B1', 'B2'])
  })

  test('承認済みの適用除外がある法人は一覧から外れ、注記に残る', () => {
    const set = restrictedCompanies({ ...facts, exemptions: [{ procurementId: 'R1', corporateNumber: S1, status: 'approved' }] })
    expect(set.companies.map((company) => company.corporateNumber)).toEqual([P, G].sort())
    expect(set.notes.join()).toContain('適用除外が承認されている')
  })

  test('公表用の形は個人に関わる情報（任用ID・勤務先の経路・理由）を含まない', () => {
    const publishable = toPublishable(restrictedCompanies({ ...facts, appointments: [appointment({ ruleSet: [rule('B1')] })] }))
    expect(publishable.companies.map((company) => company.corporateNumber)).toEqual([P, S1, S2, G, X].sort())
    expect(publishable.companies[0]).toEqual({
      corporateNumber: [P, S1, S2, G, X].sort()[0],
      name: companyNames[[P, S1, S2, G, X].sort()[0]!],
      decision: 'restricted',
      rules: [{ ruleId: 'B1', ruleSource: '総務省 自治体DX全体手順書 参考4.4-⑦ B①', window: { from: '2025-04-01', to: '2027-03-31' } }],
    })
    const text = JSON.stringify(publishable)
    for (const secret of ['yamada', '任用者', '勤務', 'appointmentId', 'relation', 'reason', 'path', 'employee']) {
      expect(text).not.toContain(secret)
    }
  })
})
