import { describe, expect, test } from 'vitest'
import { C, companyNames, G, groupLinks, link, S2, X } from '../test-fixtures.ts'
import type { Employment } from './facts.ts'
import { type PreviewFacts, PREVIEW_LOOK_BACK_YEARS, previewReasons } from './preview.ts'

const asOf = '2026-12-05'
const bidder = (corporateNumber: string) => ({ corporateNumber, role: '調達「基幹系システム更新」の入札予定者' })
const facts = (overrides: Partial<PreviewFacts> = {}): PreviewFacts => ({
  asOf,
  lookBackYears: PREVIEW_LOOK_BACK_YEARS,
  partners: [],
  links: groupLinks,
  names: companyNames,
  ...overrides,
})
const employedAt = (corporateNumber: string, startsOn: string, endsOn: string | null): Employment => ({
  corporateNumber,
  relationship: 'employee',
  startsOn,
  endsOn,
})

describe('入札制限プレビュー（参考4.4-⑦ B②: 現在または過去2年以内の所属先とその関連事業者）', () => {
  test('current employer is an expected bidder: one reason naming the employer and the procurement', () => {
    const reasons = previewReasons([employedAt(X, '2020-04-01', null)], facts({ partners: [bidder(X)] }))
    expect(reasons).toEqual([
      '現在の所属先「X 情報サービス株式会社」（従業員）が、この団体の調達「基幹系システム更新」の入札予定者です。任用する場合は入札制限の確認が必要です。',
    ])
  })

  test('a group company of the employer is the partner: the reason gives the path through the group', () => {
    // G is S1's subsidiary; S2 is G's uncle (P → S2): both in P's consolidated group.
    const [reason] = previewReasons([employedAt(G, '2020-04-01', null)], facts({ partners: [bidder(S2)] }))
    expect(reason).toContain(
      '「G テクノ株式会社」（従業員）の 親会社「S1 システムズ株式会社」 → 親会社「P ホールディングス株式会社」 → 子会社「S2 ソリューションズ株式会社」が',
    )
  })

  test.each([
    ['left the day before the look-back starts', '2024-12-04', []],
    ['left on the first day of the look-back', '2024-12-05', ['2024-12-05 まで所属していた「X 情報サービス株式会社」（従業員）が']],
    ['left yesterday', '2026-12-04', ['2026-12-04 まで所属していた']],
  ])('past employer that %s', (_, endsOn, expected) => {
    const reasons = previewReasons([employedAt(X, '2015-04-01', endsOn)], facts({ partners: [bidder(X)] }))
    expect(reasons).toHaveLength(expected.length)
    for (const [index, part] of expected.entries()) expect(reasons[index]).toContain(part)
  })

  test('an employment that starts after the day asked about does not count yet', () => {
    expect(previewReasons([employedAt(X, '2027-01-01', null)], facts({ partners: [bidder(X)] }))).toEqual([])
  })

  test('no relation to any partner, unknown partners and inactive links give no reason', () => {
    expect(previewReasons([employedAt(C, '2020-04-01', null)], facts({ partners: [bidder(X)] }))).toEqual([])
    const ended = [link('parent_subsidiary', C, X, null, '2026-12-04')]
    expect(previewReasons([employedAt(C, '2020-04-01', null)], facts({ partners: [bidder(X)], links: ended }))).toEqual([])
  })

  test('cycles in the links do not break the preview, and the order of partners never changes the answer', () => {
    const cyclic = [...groupLinks, link('parent_subsidiary', G, X), link('parent_subsidiary', X, G)]
    const partners = [bidder(X), { corporateNumber: G, role: '業務委託契約「窓口DX支援」の契約先' }]
    const forward = previewReasons([employedAt(G, '2020-04-01', null)], facts({ partners, links: cyclic }))
    expect(forward).toHaveLength(2)
    expect(previewReasons([employedAt(G, '2020-04-01', null)], facts({ partners: [...partners].reverse(), links: cyclic }))).toEqual(forward)
  })
})
