import { describe, expect, test } from 'vitest'
import type { Commitment } from '#shared/domain/sharing/capacity'
import { decideBid } from '../bid-restrictions/rules/index.ts'
import { bidFacts, companyNames, groupLinks, IMABARI, MATSUYAMA, procurement, rule, S1, S2, X, yamadaEmployments } from '../bid-restrictions/test-fixtures.ts'
import { bidAppointmentsOf, decideServiceConflict } from './rules.ts'

/** 山田 (current employer S1) serves 松山市 and 今治市 as a shared 専門官 in 2026年度. */
const serving: Commitment[] = [
  {
    id: 'share-matsuyama',
    kind: 'shared_appointment',
    label: '共有任用「データ専門官」（松山市）',
    localGovernmentCode: MATSUYAMA,
    startsOn: '2026-04-01',
    endsOn: '2027-03-31',
    allocation: { unit: 'per_month', days: 4 },
  },
  {
    id: 'share-imabari',
    kind: 'shared_appointment',
    label: '共有任用「データ専門官」（今治市）',
    localGovernmentCode: IMABARI,
    startsOn: '2026-04-01',
    endsOn: '2027-03-31',
    allocation: { unit: 'per_month', days: 2 },
  },
]

describe('兼務する団体すべてで入札制限がかかる（参考4.4-⑦ B② を各団体の規則として）', () => {
  const appointments = bidAppointmentsOf(serving, yamadaEmployments, () => [rule('B2')])

  test.each([
    { name: '松山市の調達に在籍企業 S1 が入札 → 制限', municipality: MATSUYAMA, bidder: S1, decision: 'restricted' },
    { name: '今治市の調達に在籍企業 S1 が入札 → 制限', municipality: IMABARI, bidder: S1, decision: 'restricted' },
    { name: '今治市の調達に S1 の兄弟会社 S2 が入札 → 制限（連結グループ）', municipality: IMABARI, bidder: S2, decision: 'restricted' },
    { name: '支援先でない宇和島市の調達 → 制限なし', municipality: '382035', bidder: S1, decision: 'allowed' },
    { name: '今治市の調達に無関係の X（10年以上前に退職、B2 の2年を超える）→ 制限なし', municipality: IMABARI, bidder: X, decision: 'allowed' },
  ])('$name', ({ municipality, bidder, decision }) => {
    const result = decideBid(bidFacts({ asOf: '2026-10-01', bidder, procurement: procurement({ municipalityCode: municipality }), appointments }))
    expect(result.decision).toBe(decision)
  })

  test('今治市が規則を定めていなければ、今治市の調達は制限されない（規則は団体ごと）', () => {
    const onlyMatsuyama = bidAppointmentsOf(serving, yamadaEmployments, (code) => (code === MATSUYAMA ? [rule('B2')] : []))
    const result = decideBid(bidFacts({ asOf: '2026-10-01', procurement: procurement({ municipalityCode: IMABARI }), appointments: onlyMatsuyama }))
    expect(result.decision).toBe('allowed')
  })
})

describe('依頼・派遣の前の利益相反チェック', () => {
  const base = {
    asOf: '2026-05-01',
    municipalityCode: IMABARI,
    startsOn: '2026-06-01',
    endsOn: '2026-08-31',
    employments: yamadaEmployments,
    companyLinks: groupLinks,
    companyNames,
  }
  const r2 = { id: 'R2', municipalityCode: IMABARI, categories: ['design_development'] as const, expectedBidderCorporateNumbers: [S1] }

  test.each([
    { name: 'C① あり、在籍企業 S1 が入札見込み → 止める', ruleSet: [rule('C1')], procurements: [r2], decision: 'blocked' },
    { name: 'B② のみ、在籍企業 S1 が入札見込み → 警告（S1 の入札が制限される）', ruleSet: [rule('B2')], procurements: [r2], decision: 'warned' },
    { name: '規則なし → 問題なし', ruleSet: [], procurements: [r2], decision: 'clear' },
    {
      name: '入札見込みが無関係の X だけ → 問題なし',
      ruleSet: [rule('C1'), rule('B2')],
      procurements: [{ ...r2, expectedBidderCorporateNumbers: [X] }],
      decision: 'clear',
    },
    { name: '他団体（松山市）の調達は見ない', ruleSet: [rule('C1')], procurements: [{ ...r2, municipalityCode: MATSUYAMA }], decision: 'clear' },
  ])('$name', ({ ruleSet, procurements, decision }) => {
    const result = decideServiceConflict({ ...base, ruleSet, procurements })
    expect(result.decision).toBe(decision)
    if (decision !== 'clear') {
      expect(result.findings[0]!.reason.length).toBeGreaterThan(0)
      expect(result.findings[0]!.procurementId).toBe('R2')
    }
  })
})
