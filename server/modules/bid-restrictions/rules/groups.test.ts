import { describe, expect, test } from 'vitest'
import { corporateNumber, G, groupLinks, link, P, S1, S2, X } from '../test-fixtures.ts'
import { consolidatedGroup, parentsAndSubsidiaries, relatedCompanies, type CompanyLink, type ReachedCompany } from './groups.ts'
import { hasTenureOfYears, mergedSpells } from './spells.ts'

const asOf = '2025-10-01'
const numbers = (reached: ReachedCompany[]) => reached.map((company) => company.corporateNumber)
const pathOf = (reached: ReachedCompany[], company: string) =>
  reached.find((candidate) => candidate.corporateNumber === company)?.path.map((step) => `${step.relation}:${step.to}`)

describe('親会社・子会社（会社法 2条3号・4号）', () => {
  test('S1 の親会社 P と子会社 G; 兄弟会社 S2 は含まない', () => {
    const reached = parentsAndSubsidiaries(groupLinks, S1, asOf)
    expect(numbers(reached).sort()).toEqual([P, G].sort())
    expect(pathOf(reached, P)).toEqual([`親会社:${P}`])
    expect(pathOf(reached, G)).toEqual([`子会社:${G}`])
  })

  test('子会社の子会社も子会社、親会社の親会社も親会社', () => {
    expect(pathOf(parentsAndSubsidiaries(groupLinks, P, asOf), G)).toEqual([`子会社:${S1}`, `子会社:${G}`])
    expect(pathOf(parentsAndSubsidiaries(groupLinks, G, asOf), P)).toEqual([`親会社:${S1}`, `親会社:${P}`])
  })

  test('G から見て叔父にあたる S2 は含まない', () => {
    expect(numbers(parentsAndSubsidiaries(groupLinks, G, asOf))).not.toContain(S2)
  })

  test('連結グループのリンクは親子関係として数えない', () => {
    const H = corporateNumber('310000000001')
    expect(parentsAndSubsidiaries([link('consolidated_group', H, S1)], S1, asOf)).toEqual([])
  })
})

describe('連結グループ（⑦B①）', () => {
  test('S1 の連結グループ: 親会社 P、兄弟会社 S2、子会社 G（経路つき）', () => {
    const reached = consolidatedGroup(groupLinks, S1, asOf)
    expect(numbers(reached).sort()).toEqual([P, S2, G].sort())
    expect(pathOf(reached, S2)).toEqual([`親会社:${P}`, `子会社:${S2}`])
  })

  test('G から兄弟会社の S2 までは G → 親会社 S1 → 親会社 P → 子会社 S2', () => {
    expect(pathOf(consolidatedGroup(groupLinks, G, asOf), S2)).toEqual([`親会社:${S1}`, `親会社:${P}`, `子会社:${S2}`])
  })

  test('連結グループのリンク: 同じグループの構成員どうし', () => {
    const H = corporateNumber('310000000001')
    const M1 = corporateNumber('310000000002')
    const M2 = corporateNumber('310000000003')
    const links = [link('consolidated_group', H, M1), link('consolidated_group', H, M2)]
    const reached = consolidatedGroup(links, M1, asOf)
    expect(numbers(reached).sort()).toEqual([H, M2].sort())
    expect(pathOf(reached, M2)).toEqual([`連結グループ:${H}`, `連結グループ:${M2}`])
  })

  test('無関係の X は含まない', () => {
    expect(consolidatedGroup(groupLinks, X, asOf)).toEqual([])
    expect(numbers(consolidatedGroup(groupLinks, S1, asOf))).not.toContain(X)
  })

  test('別の親会社の親会社のグループへは広げない（共同出資の子会社）', () => {
    const Q = corporateNumber('311000000001')
    const J = corporateNumber('311000000002')
    const Q2 = corporateNumber('311000000003')
    const links = [...groupLinks, link('parent_subsidiary', Q, J), link('parent_subsidiary', P, J), link('parent_subsidiary', Q, Q2)]
    const reached = numbers(consolidatedGroup(links, S1, asOf))
    expect(reached).toContain(J)
    expect(reached).not.toContain(Q)
    expect(reached).not.toContain(Q2)
  })
})

describe('循環と日付つきのリンク', () => {
  test('P → S1 → P の循環でも止まり、各社を一度だけ返す', () => {
    const cycle = [link('parent_subsidiary', P, S1), link('parent_subsidiary', S1, P)]
    expect(numbers(parentsAndSubsidiaries(cycle, S1, asOf))).toEqual([P])
    expect(pathOf(parentsAndSubsidiaries(cycle, S1, asOf), P)).toEqual([`親会社:${P}`])
    expect(numbers(consolidatedGroup(cycle, P, asOf))).toEqual([S1])
    expect(numbers(relatedCompanies(cycle, S1, asOf))).toEqual([P])
  })

  test('P → S1 → G → P の三角循環', () => {
    const cycle = [link('parent_subsidiary', P, S1), link('parent_subsidiary', S1, G), link('parent_subsidiary', G, P)]
    expect(numbers(parentsAndSubsidiaries(cycle, S1, asOf)).sort()).toEqual([P, G].sort())
    expect(numbers(consolidatedGroup(cycle, G, asOf)).sort()).toEqual([P, S1].sort())
  })

  test.each<[string, CompanyLink[], string, boolean]>([
    ['期間内のリンク', [link('parent_subsidiary', P, S1, '2020-04-01', '2026-03-31')], asOf, true],
    ['開始日当日', [link('parent_subsidiary', P, S1, '2025-10-01', null)], asOf, true],
    ['開始日の前日', [link('parent_subsidiary', P, S1, '2025-10-02', null)], asOf, false],
    ['終了日当日', [link('parent_subsidiary', P, S1, null, '2025-10-01')], asOf, true],
    ['終了日の翌日', [link('parent_subsidiary', P, S1, null, '2025-09-30')], asOf, false],
    [
      '重なる二つのリンク（古い方が終了・新しい方が継続）',
      [link('parent_subsidiary', P, S1, '2015-04-01', '2025-03-31'), link('parent_subsidiary', P, S1, '2024-04-01', null)],
      asOf,
      true,
    ],
    [
      '途切れた期間にある日',
      [link('parent_subsidiary', P, S1, '2015-04-01', '2020-03-31'), link('parent_subsidiary', P, S1, '2021-04-01', null)],
      '2020-10-01',
      false,
    ],
  ])('%s', (_name, links, date, linked) => {
    const reached = parentsAndSubsidiaries(links, S1, date)
    expect(reached.map((company) => company.corporateNumber)).toEqual(linked ? [P] : [])
  })

  test('近い経路を採る: P → G の直接リンクがあれば G は P の子会社（S1 経由ではない）', () => {
    const links = [...groupLinks, link('parent_subsidiary', P, G)]
    expect(pathOf(parentsAndSubsidiaries(links, P, asOf), G)).toEqual([`子会社:${G}`])
    expect(pathOf(consolidatedGroup(links, S2, asOf), G)).toEqual([`親会社:${P}`, `子会社:${G}`])
  })

  test('重複するリンクがあっても結果は一社一行', () => {
    const links = [...groupLinks, ...groupLinks, link('consolidated_group', P, S1)]
    expect(numbers(consolidatedGroup(links, S1, asOf)).sort()).toEqual([P, S2, G].sort())
    expect(pathOf(consolidatedGroup(links, S1, asOf), P)).toEqual([`親会社:${P}`])
  })

  test('リンクの並び順を変えても答え（経路を含む）は同じ', () => {
    const links = [...groupLinks, link('consolidated_group', P, S1), link('related', S2, X)]
    const reversed = [...links].reverse()
    for (const company of [P, S1, S2, G, X]) {
      expect(consolidatedGroup(reversed, company, asOf)).toEqual(consolidatedGroup(links, company, asOf))
      expect(parentsAndSubsidiaries(reversed, company, asOf)).toEqual(parentsAndSubsidiaries(links, company, asOf))
      expect(relatedCompanies(reversed, company, asOf)).toEqual(relatedCompanies(links, company, asOf))
    }
  })
})

describe('関連事業者（⑦B②）', () => {
  const R = corporateNumber('320000000001')
  const RR = corporateNumber('320000000002')
  const links = [...groupLinks, link('related', S1, R), link('related', R, RR)]

  test('既定: 連結グループと related リンクの相手（一段のみ）', () => {
    const reached = relatedCompanies(links, S1, asOf)
    expect(numbers(reached).sort()).toEqual([P, S2, G, R].sort())
    expect(pathOf(reached, R)).toEqual([`関連事業者:${R}`])
  })

  test('related リンクは向きを問わない', () => {
    expect(numbers(relatedCompanies(links, R, asOf, 'related_only')).sort()).toEqual([S1, RR].sort())
  })

  test('related_only はグループを含めない', () => {
    expect(numbers(relatedCompanies(links, S1, asOf, 'related_only'))).toEqual([R])
  })
})

describe('在籍期間の通算（⑦B①）', () => {
  const spell = (startsOn: string, endsOn: string | null) => ({ startsOn, endsOn })
  test.each<[string, ReturnType<typeof spell>[], number, string, boolean]>([
    ['2010-04-01→2020-03-31 はちょうど10年', [spell('2010-04-01', '2020-03-31')], 10, '2025-10-01', true],
    ['2010-04-02→2020-03-31 は10年未満', [spell('2010-04-02', '2020-03-31')], 10, '2025-10-01', false],
    ['うるう日をはさまない10年: 2013-04-01→2023-03-31', [spell('2013-04-01', '2023-03-31')], 10, '2025-10-01', true],
    ['5年 + 5年（間に空白）', [spell('2010-04-01', '2015-03-31'), spell('2017-04-01', '2022-03-31')], 10, '2025-10-01', true],
    ['5年 + 5年−1日', [spell('2010-04-01', '2015-03-31'), spell('2017-04-02', '2022-03-31')], 10, '2025-10-01', false],
    ['在籍中は判定日まで数える（当日で10年）', [spell('2015-10-02', null)], 10, '2025-10-01', true],
    ['在籍中は判定日まで数える（前日なら未満）', [spell('2015-10-02', null)], 10, '2025-09-30', false],
    ['在籍なし', [], 10, '2025-10-01', false],
  ])('%s', (_name, spells, years, date, expected) => {
    expect(hasTenureOfYears(spells, years, date)).toBe(expected)
  })

  test('重なり・連続する在籍はまとめる', () => {
    expect(
      mergedSpells([spell('2014-04-01', '2019-03-31'), spell('2010-04-01', '2015-03-31'), spell('2019-04-01', null), spell('2030-01-01', null)], '2025-10-01'),
    ).toEqual([{ startsOn: '2010-04-01', endsOn: '2025-10-01' }])
  })
})
