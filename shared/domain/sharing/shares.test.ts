import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { jointShareProblems, serviceShareProblems, splitCostByPercent, visibleCard } from './index.ts'
import { poolRelation, prefectureLocalGovernmentCode } from './pools.ts'
import { sortByPopulationNullsLast } from './dashboard.ts'
import { nextDispatchState, nextEngagementState } from './workflow.ts'
import { isValidLocalGovernmentCode } from '../codes.ts'

describe('共同任用の按分（時間は合計100%、費用は年間費用と一致）', () => {
  test.each([
    {
      name: '2団体 60/40、費用も一致 → 問題なし',
      shares: [
        ['382019', 60, 600_000],
        ['382027', 40, 400_000],
      ],
      total: 1_000_000,
      problems: 0,
    },
    {
      name: '時間の合計が90% → 問題',
      shares: [
        ['382019', 50, 500_000],
        ['382027', 40, 500_000],
      ],
      total: 1_000_000,
      problems: 1,
    },
    {
      name: '費用の合計が不一致 → 問題',
      shares: [
        ['382019', 50, 500_000],
        ['382027', 50, 400_000],
      ],
      total: 1_000_000,
      problems: 1,
    },
    { name: '1団体だけ → 問題', shares: [['382019', 100, 1_000_000]], total: 1_000_000, problems: 1 },
    {
      name: '同じ団体が2回 → 問題',
      shares: [
        ['382019', 50, 500_000],
        ['382019', 50, 500_000],
      ],
      total: 1_000_000,
      problems: 1,
    },
  ] as const)('$name', ({ shares, total, problems }) => {
    const list = shares.map(([localGovernmentCode, timePercent, costYen]) => ({ localGovernmentCode, timePercent, costYen }))
    expect(jointShareProblems(list, total)).toHaveLength(problems)
  })

  test.each([
    { total: 1_000_000, percents: [50, 50], parts: [500_000, 500_000] },
    { total: 1_000_000, percents: [34, 33, 33], parts: [340_000, 330_000, 330_000] },
    { total: 100, percents: [33, 33, 34], parts: [33, 33, 34] },
    { total: 10, percents: [33, 33, 34], parts: [3, 3, 4] },
    { total: 1, percents: [50, 50], parts: [1, 0] },
  ])('費用 $total 円を $percents % で分ける → $parts', ({ total, percents, parts }) => {
    expect(splitCostByPercent(total, percents)).toEqual(parts)
  })

  test('性質: 按分した円の合計は常に元の金額と一致し、各団体の額の差は1円未満の丸めだけ', () => {
    const percents = fc.array(fc.integer({ min: 1, max: 99 }), { minLength: 2, maxLength: 6 }).filter((p) => p.reduce((a, b) => a + b, 0) <= 100)
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50_000_000 }), percents, (total, ps) => {
        const normalised = [...ps, 100 - ps.reduce((a, b) => a + b, 0)].filter((p) => p > 0)
        const parts = splitCostByPercent(total, normalised)
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total)
        parts.forEach((part, i) => expect(Math.abs(part - (total * normalised[i]!) / 100)).toBeLessThan(1))
        parts.forEach((part) => expect(Number.isInteger(part)).toBe(true))
      }),
    )
  })
})

describe('共有任用（専門官）の支援先', () => {
  test.each([
    {
      name: '月4日と月2日 → 問題なし',
      shares: [
        { localGovernmentCode: '382019', daysPerMonth: 4 },
        { localGovernmentCode: '382027', daysPerMonth: 2 },
      ],
      problems: 0,
    },
    { name: '0.5日単位 → 問題なし', shares: [{ localGovernmentCode: '382019', daysPerMonth: 1.5 }], problems: 0 },
    { name: '0.3日 → 問題', shares: [{ localGovernmentCode: '382019', daysPerMonth: 0.3 }], problems: 1 },
    { name: '支援先なし → 問題', shares: [], problems: 1 },
  ])('$name', ({ shares, problems }) => expect(serviceShareProblems(shares)).toHaveLength(problems))
})

describe('人材バンクの見え方', () => {
  test.each(['01', '13', '22', '34', '38', '47'])('都道府県 %s の団体コードは検査数字つき', (pref) => {
    const code = prefectureLocalGovernmentCode(pref)
    expect(code.slice(0, 5)).toBe(`${pref}000`)
    expect(isValidLocalGovernmentCode(code)).toBe(true)
  })
  test('愛媛県は 380008、静岡県は 220001', () => {
    expect(prefectureLocalGovernmentCode('38')).toBe('380008')
    expect(prefectureLocalGovernmentCode('22')).toBe('220001')
  })

  // 備後圏域: 福山市 (342076) runs the bank; 笠岡市 (332054) in 岡山県 is a member.
  const bingo = { operatorCode: '342076', memberCodes: ['342076', '332054', '342041'] }
  const ehime = { operatorCode: '380008', memberCodes: ['382019', '382027'] }
  test.each([
    { name: '連携中枢都市（運営団体）', viewer: { kind: 'municipality', localGovernmentCode: '342076' }, pool: bingo, relation: 'operator' },
    { name: '他県の構成市町（笠岡市）', viewer: { kind: 'municipality', localGovernmentCode: '332054' }, pool: bingo, relation: 'member' },
    { name: '構成市町でない団体', viewer: { kind: 'municipality', localGovernmentCode: '382019' }, pool: bingo, relation: null },
    { name: '広島県は福山市の人材バンクを見られない（自県の運営分のみ）', viewer: { kind: 'prefecture', prefectureCode: '34' }, pool: bingo, relation: null },
    { name: '愛媛県は自県の人材バンクの運営団体', viewer: { kind: 'prefecture', prefectureCode: '38' }, pool: ehime, relation: 'operator' },
    { name: '他県は見られない', viewer: { kind: 'prefecture', prefectureCode: '22' }, pool: ehime, relation: null },
    { name: '愛媛県内の構成市町', viewer: { kind: 'municipality', localGovernmentCode: '382027' }, pool: ehime, relation: 'member' },
  ] as const)('$name → $relation', ({ viewer, pool, relation }) => expect(poolRelation(viewer, pool)).toBe(relation))

  test('本人が選んだ項目だけを見せる（選ばない項目はキーごと無い）', () => {
    const card = { displayName: '山田 花子', headline: 'データ活用', area: '愛媛県', career: '…', remoteOk: true }
    expect(visibleCard(card, ['headline', 'remoteOk'])).toEqual({ headline: 'データ活用', remoteOk: true })
    expect(visibleCard(card, [])).toEqual({})
  })
})

describe('人口順（人口不明は末尾）', () => {
  test('人口の多い順、不明は団体コード順で末尾', () => {
    const rows = [
      { code: '382019', name: '松山市', population: 500_000 },
      { code: '384887', name: '鬼北町', population: null },
      { code: '382027', name: '今治市', population: 150_000 },
      { code: '383562', name: '上島町', population: null },
      { code: '382035', name: '宇和島市', population: 70_000 },
    ]
    expect(sortByPopulationNullsLast(rows).map((r) => r.name)).toEqual(['松山市', '今治市', '宇和島市', '上島町', '鬼北町'])
  })
})

describe('依頼と派遣の状態遷移', () => {
  test.each([
    ['requested', 'offer', 'operator', 'offered'],
    ['offered', 'accept', 'candidate', 'agreed'],
    ['offered', 'decline', 'candidate', 'declined'],
    ['requested', 'reject', 'operator', 'rejected'],
    ['requested', 'withdraw', 'member', 'withdrawn'],
    ['requested', 'accept', 'candidate', null],
    ['offered', 'accept', 'operator', null],
    ['agreed', 'withdraw', 'member', null],
  ] as const)('人材バンクの依頼: %s に %s（%s）→ %s', (state, action, party, to) => {
    const result = nextEngagementState(state, action, party)
    expect(result.ok ? result.to : null).toBe(to)
  })

  test.each([
    ['requested', 'approve', 'prefecture', 'approved'],
    ['requested', 'decline', 'prefecture', 'declined'],
    ['requested', 'approve', 'municipality', null],
    ['approved', 'complete', 'municipality', 'completed'],
    ['approved', 'complete', 'prefecture', 'completed'],
    ['approved', 'cancel', 'municipality', 'cancelled'],
    ['completed', 'cancel', 'municipality', null],
    ['declined', 'approve', 'prefecture', null],
  ] as const)('派遣: %s に %s（%s）→ %s', (state, action, party, to) => {
    const result = nextDispatchState(state, action, party)
    expect(result.ok ? result.to : null).toBe(to)
  })
})
