import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { addDays, isWithin } from '#shared/domain/dates'
import {
  decideBid,
  factsForBidder,
  restrictedCompanies,
  restrictedCompaniesByGroup,
  type BidFacts,
  type CompanyLink,
  type Employment,
  type RuleConfig,
} from './rules/index.ts'
import { C, corporateNumber, DRAFTER, G, IMABARI, MATSUYAMA, P, PMO, S1, S2, X } from './test-fixtures.ts'

const pool = [P, S1, S2, G, X, C, DRAFTER, PMO, corporateNumber('330000000001')]

/** Any day from 2021-01-01 to 2028-12-31. */
const date = fc.integer({ min: 0, max: 2921 }).map((offset) => addDays('2021-01-01', offset))
const period = fc
  .tuple(date, fc.option(date, { nil: null }))
  .map(([startsOn, endsOn]) => (endsOn !== null && endsOn < startsOn ? { startsOn: endsOn, endsOn: startsOn } : { startsOn, endsOn }))
const company = fc.constantFrom(...pool)
/** Appointment terms and check dates that overlap often, so the appointment rules come into play. */
const term = fc.record({
  startsOn: fc.integer({ min: 0, max: 1825 }).map((offset) => addDays('2021-01-01', offset)),
  endsOn: fc.option(
    fc.integer({ min: 0, max: 1095 }).map((offset) => addDays('2026-01-01', offset)),
    { nil: null },
  ),
})
const checkDate = fc.integer({ min: 0, max: 1460 }).map((offset) => addDays('2024-01-01', offset))

const linkArb: fc.Arbitrary<CompanyLink> = fc
  .record({
    kind: fc.constantFrom('parent_subsidiary' as const, 'consolidated_group' as const, 'related' as const),
    from: company,
    to: company,
    dated: fc.option(period, { nil: null }),
  })
  .filter((row) => row.from !== row.to)
  .map(({ dated, ...row }) => ({ ...row, startsOn: dated?.startsOn ?? null, endsOn: dated?.endsOn ?? null }))

const employmentArb: fc.Arbitrary<Employment> = fc
  .record({
    corporateNumber: company,
    relationship: fc.constantFrom('employee' as const, 'officer' as const, 'secondee' as const, 'side_job' as const, 'owner' as const),
    spell: period,
  })
  .map(({ spell, ...row }) => ({ ...row, ...spell }))

const appointmentRules: RuleConfig[] = [
  { templateId: 'B1', params: {} },
  { templateId: 'B1', params: { tenureYears: 3 } },
  { templateId: 'B2', params: {} },
  { templateId: 'B2', params: { lookbackYears: 0, relatedScope: 'related_only' } },
  { templateId: 'C1', params: {} },
  { templateId: 'D', params: {} },
]
const contractRules: RuleConfig[] = [
  { templateId: 'A1', params: {} },
  { templateId: 'A2', params: {} },
  { templateId: 'A2', params: { yearsAfter: 0, categories: ['equipment_software'] } },
]

const appointmentsArb = fc.array(
  fc.record({
    municipalityCode: fc.constantFrom(MATSUYAMA, MATSUYAMA, IMABARI),
    term,
    ruleSet: fc.subarray(appointmentRules),
    employments: fc.array(employmentArb, { maxLength: 4 }),
    roleOnProcurement: fc.subarray(['advises', 'drafts_spec', 'evaluates', 'supervises'] as const),
  }),
  { maxLength: 3 },
)

const contractsArb = fc.array(
  fc.record({ municipalityCode: fc.constantFrom(MATSUYAMA, IMABARI), corporateNumber: company, term: period, ruleSet: fc.subarray(contractRules) }),
  { maxLength: 2 },
)

const factsArb: fc.Arbitrary<BidFacts> = fc
  .record({
    asOf: fc.oneof(checkDate, date),
    categories: fc.subarray(['design_development', 'operation_maintenance', 'audit', 'equipment_software', 'other'] as const, { minLength: 1 }),
    procurementRules: fc.subarray<RuleConfig>([
      { templateId: 'G_i', params: {} },
      { templateId: 'G_ro', params: {} },
    ]),
    specDrafters: fc.subarray(pool, { maxLength: 2 }),
    pmoVendors: fc.subarray(pool, { maxLength: 2 }),
    noAdvantage: fc.subarray(pool, { maxLength: 2 }),
    bidder: company,
    known: fc.boolean(),
    links: fc.array(linkArb, { maxLength: 12 }),
    appointments: appointmentsArb,
    contracts: contractsArb,
    exemptions: fc.array(
      fc.record({
        procurementId: fc.constantFrom('R1', 'R2'),
        corporateNumber: company,
        status: fc.constantFrom('approved' as const, 'pending' as const, 'rejected' as const),
      }),
      { maxLength: 3 },
    ),
  })
  .map((row) => ({
    asOf: row.asOf,
    procurement: {
      id: 'R1',
      municipalityCode: MATSUYAMA,
      categories: row.categories,
      ruleSet: row.procurementRules,
      specDrafterCorporateNumbers: row.specDrafters,
      pmoVendorCorporateNumbers: row.pmoVendors,
      noAdvantageCorporateNumbers: row.noAdvantage,
    },
    bidder: { corporateNumber: row.bidder, known: row.known },
    companyLinks: row.links,
    appointments: row.appointments.map(({ term, ...appointment }, index) => ({ appointmentId: `a${index}`, ...appointment, ...term })),
    contracts: row.contracts.map(({ term, ...contract }, index) => ({ contractId: `c${index}`, ...contract, ...term })),
    exemptions: row.exemptions,
  }))

/** The same items in the order given by the sort keys. */
function reorder<T>(items: readonly T[], keys: readonly number[]): T[] {
  return items
    .map((item, index) => ({ item, key: keys[index] ?? 0, index }))
    .sort((a, b) => a.key - b.key || a.index - b.index)
    .map(({ item }) => item)
}

const keys = fc.array(fc.integer(), { minLength: 20, maxLength: 20 })

/** Rules that speak without a spell: one in the wrong place (a note) and one with invalid parameters (a RangeError). */
const oddRules: RuleConfig[] = [
  { templateId: 'G_i', params: {} },
  { templateId: 'B1', params: { tenureYears: 99 } },
]
const factsWithOddRulesArb: fc.Arbitrary<BidFacts> = fc
  .tuple(factsArb, fc.array(fc.subarray(oddRules), { minLength: 3, maxLength: 3 }), fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }))
  .map(([facts, extra, odd]) => ({
    ...facts,
    appointments: facts.appointments.map((appointment, index) => ({
      ...appointment,
      ruleSet: odd[index] ? [...appointment.ruleSet, ...(extra[index] ?? [])] : appointment.ruleSet,
    })),
  }))

/** The answer, or the message of the error it throws (invalid parameters are a data fault, not a "no"). */
function outcome<T>(decide: () => T): T | string {
  try {
    return decide()
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`
  }
}

describe('入札制限の性質（fast-check）', () => {
  test('allowed ⇔ 所見なし; restricted ⇔ 適用除外できない所見がある', () => {
    fc.assert(
      fc.property(factsArb, (facts) => {
        const answer = decideBid(facts)
        expect(answer.decision === 'allowed').toBe(answer.findings.length === 0)
        expect(answer.decision === 'restricted').toBe(answer.findings.some((finding) => !finding.exemptible))
      }),
    )
  })

  test('会社のリンクを足しても、制限された入札者が許可に変わることはない', () => {
    fc.assert(
      fc.property(factsArb, linkArb, (facts, extra) => {
        const before = decideBid(facts)
        const after = decideBid({ ...facts, companyLinks: [...facts.companyLinks, extra] })
        if (before.decision !== 'allowed') expect(after.decision).not.toBe('allowed')
        if (before.decision === 'restricted') expect(after.decision).toBe('restricted')
        const origins = (answer: typeof before) => answer.findings.map((finding) => `${finding.ruleId}|${finding.appointmentId}|${finding.contractId}`)
        expect(origins(after)).toEqual(expect.arrayContaining(origins(before)))
      }),
    )
  })

  test('在籍やリンクの並び順は答え（所見と経路を含む）を変えない', () => {
    fc.assert(
      fc.property(factsArb, keys, keys, (facts, linkKeys, employmentKeys) => {
        const shuffled: BidFacts = {
          ...facts,
          companyLinks: reorder(facts.companyLinks, linkKeys),
          appointments: facts.appointments.map((appointment) => ({ ...appointment, employments: reorder(appointment.employments, employmentKeys) })),
        }
        expect(decideBid(shuffled)).toEqual(decideBid(facts))
      }),
    )
  })

  test('所見の期間は判定日を含む', () => {
    fc.assert(
      fc.property(factsArb, (facts) => {
        for (const finding of decideBid(facts).findings) {
          expect(isWithin(facts.asOf, finding.window.from ?? facts.asOf, finding.window.to)).toBe(true)
        }
      }),
    )
  })

  test('判定は入力を変更しない', () => {
    fc.assert(
      fc.property(factsArb, (facts) => {
        const copy = structuredClone(facts)
        decideBid(facts)
        restrictedCompanies(facts)
        expect(facts).toEqual(copy)
      }),
    )
  })

  test('制限対象企業の一覧は一社ずつの判定と一致する', () => {
    fc.assert(
      fc.property(factsArb, (facts) => {
        const { bidder: _bidder, ...rest } = facts
        const set = restrictedCompanies(rest)
        const listed = new Map(set.companies.map((company) => [company.corporateNumber, company.decision]))
        for (const corporateNumber of pool) {
          const single = decideBid({ ...rest, bidder: { corporateNumber, known: true } })
          expect(listed.get(corporateNumber) ?? 'allowed').toBe(single.decision)
        }
      }),
    )
  })

  test('factsForBidder で減らした事実でも、判定（注記と誤りを含む）は同じ', () => {
    fc.assert(
      fc.property(factsWithOddRulesArb, (facts) => {
        expect(outcome(() => decideBid(factsForBidder(facts)))).toEqual(outcome(() => decideBid(facts)))
      }),
      { numRuns: 300 },
    )
  })

  test('restrictedCompaniesByGroup は restrictedCompanies と同じ一覧・注記・誤りを返す', () => {
    fc.assert(
      fc.property(factsWithOddRulesArb, (facts) => {
        const { bidder: _bidder, ...rest } = facts
        expect(outcome(() => restrictedCompaniesByGroup(rest))).toEqual(outcome(() => restrictedCompanies(rest)))
      }),
      { numRuns: 300 },
    )
  })
})
