import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { appointment, bidFacts, C, DRAFTER, G, groupLinks, link, P, PMO, procurement, rule, S1, S2, X } from '../test-fixtures.ts'
import type { CompanyLink } from './groups.ts'
import { restrictedCompaniesByGroup } from './restricted-set-partitioned.ts'
import { restrictedCompanies, type RestrictedSetFacts } from './restricted-set.ts'

const setFacts = (overrides: Partial<RestrictedSetFacts> = {}): RestrictedSetFacts => {
  const { bidder: _bidder, ...facts } = bidFacts()
  return { ...facts, ...overrides }
}

describe('restrictedCompaniesByGroup は restrictedCompanies と同じ答えを返す', () => {
  test('§12 の配役（B1・B2・D、G_i・G_ro、循環する関係）', () => {
    const facts = setFacts({
      procurement: procurement({ ruleSet: [rule('G_i'), rule('G_ro')], specDrafterCorporateNumbers: [DRAFTER], pmoVendorCorporateNumbers: [PMO] }),
      companyLinks: [...groupLinks, link('parent_subsidiary', G, P), link('related', X, C), link('consolidated_group', C, DRAFTER, '2025-01-01', '2025-12-31')],
      appointments: [appointment({ ruleSet: [rule('B1'), rule('B2'), rule('D')], roleOnProcurement: ['advises', 'drafts_spec'] })],
    })
    expect(restrictedCompaniesByGroup(facts)).toEqual(restrictedCompanies(facts))
  })

  test('任意の関係（循環・期間つき・関連事業者）でも一致する', () => {
    const companies = [P, S1, S2, G, X, C, DRAFTER, PMO]
    const linkArbitrary = fc.record({
      kind: fc.constantFrom<CompanyLink['kind']>('parent_subsidiary', 'consolidated_group', 'related'),
      from: fc.constantFrom(...companies),
      to: fc.constantFrom(...companies),
      startsOn: fc.constantFrom(null, '2025-01-01', '2025-11-01'),
      endsOn: fc.constantFrom(null, '2025-06-30', '2026-12-31'),
    })
    fc.assert(
      fc.property(fc.array(linkArbitrary, { maxLength: 14 }), fc.constantFrom('2025-05-01', '2025-10-01'), (links, asOf) => {
        const facts = setFacts({
          asOf,
          companyLinks: links,
          procurement: procurement({ ruleSet: [rule('G_i')], specDrafterCorporateNumbers: [DRAFTER] }),
          appointments: [appointment({ ruleSet: [rule('B1'), rule('B2'), rule('D')], roleOnProcurement: ['drafts_spec'] })],
        })
        expect(restrictedCompaniesByGroup(facts)).toEqual(restrictedCompanies(facts))
      }),
      { numRuns: 150 },
    )
  })
})
