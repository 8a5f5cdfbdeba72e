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
  test('判定例の配役（B1・B2・D、G_i・G_ro、循環する関係）', () => {
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

describe('factsForBidder は判定を変えない', () => {
  test('任意の関係・職歴・規則で decideBid(factsForBidder(f)) = decideBid(f)', async () => {
    const { decideBid } = await import('./bid.ts')
    const { factsForBidder } = await import('./relevant-facts.ts')
    const companies = [P, S1, S2, G, X, C, DRAFTER, PMO]
    const linkArbitrary = fc.record({
      kind: fc.constantFrom<CompanyLink['kind']>('parent_subsidiary', 'consolidated_group', 'related'),
      from: fc.constantFrom(...companies),
      to: fc.constantFrom(...companies),
      startsOn: fc.constantFrom(null, '2025-01-01'),
      endsOn: fc.constantFrom(null, '2025-06-30'),
    })
    const spell = fc.record({
      corporateNumber: fc.constantFrom(...companies),
      relationship: fc.constantFrom('employee' as const, 'side_job' as const, 'secondee' as const),
      startsOn: fc.constantFrom('2010-04-01', '2015-04-01', '2023-04-01'),
      endsOn: fc.constantFrom(null, '2020-03-31', '2024-03-31'),
    })
    fc.assert(
      fc.property(
        fc.array(linkArbitrary, { maxLength: 10 }),
        fc.array(spell, { maxLength: 6 }),
        fc.constantFrom(...companies),
        (links, employments, bidder) => {
          const facts = bidFacts({
            bidder,
            companyLinks: links,
            appointments: [
              appointment({
                employments,
                ruleSet: [rule('B1'), rule('B2', { relatedScope: 'related_only' }), rule('D')],
                roleOnProcurement: ['advises', 'evaluates'],
              }),
            ],
          })
          expect(decideBid(factsForBidder(facts))).toEqual(decideBid(facts))
        },
      ),
      { numRuns: 200 },
    )
  })
})
