/**
 * 入札制限対象企業の一覧: every company restricted for one procurement, as of one date, with reasons; and the
 * publishable form of that list, without personal data.
 */
import type { IsoDate } from '#shared/domain/dates'
import { decideBid, type BidFinding } from './bid.ts'
import type { BidFacts, CorporateNumber, RestrictionWindow, RuleTemplateId } from './facts.ts'
import { relatedCompanies } from './groups.ts'

/** The facts of `decideBid` without a bidder: the set is computed over every company the rules can reach. */
export type RestrictedSetFacts = Omit<BidFacts, 'bidder'>

export interface RestrictedCompany {
  corporateNumber: CorporateNumber
  name: string | null
  decision: 'restricted' | 'restricted_exemptible'
  findings: BidFinding[]
}

export interface RestrictedSet {
  procurementId: string
  asOf: IsoDate
  /** Sorted by 法人番号. */
  companies: RestrictedCompany[]
  /** Notes of the per-company decisions (approved exemptions, no-advantage records …), without repeats. */
  notes: string[]
}

export interface PublishableRestrictedCompany {
  corporateNumber: CorporateNumber
  name: string | null
  decision: 'restricted' | 'restricted_exemptible'
  rules: Array<{ ruleId: RuleTemplateId; ruleSource: string; window: RestrictionWindow }>
}

export interface PublishableRestrictedSet {
  procurementId: string
  asOf: IsoDate
  companies: PublishableRestrictedCompany[]
}

/**
 * Every company restricted for the procurement: the union over the rules. The companies considered are the ones
 * the rules name (employers of the municipality's appointees, its contractors, spec drafters, PMO vendors) and
 * everything reachable from them through active links (consolidated group and 関連事業者, which include parents and
 * subsidiaries); each is decided with `decideBid`, so the set and single bid checks always agree.
 */
export function restrictedCompanies(facts: RestrictedSetFacts): RestrictedSet {
  const candidates = companyUniverse(facts)
  const decided = candidates.map((corporateNumber) => ({
    corporateNumber,
    answer: decideBid({ ...facts, bidder: { corporateNumber, known: true } }),
  }))
  const companies = decided.flatMap(({ corporateNumber, answer }): RestrictedCompany[] =>
    answer.decision === 'allowed' ? [] : [{ corporateNumber, name: nameOf(facts, corporateNumber), decision: answer.decision, findings: answer.findings }],
  )
  const notes = [...new Set(decided.flatMap(({ answer }) => answer.notes))]
  return { procurementId: facts.procurement.id, asOf: facts.asOf, companies, notes }
}

/**
 * The list as it may be published: company number and name, rule, source and window only. Appointment and
 * contract ids, the chain of relations (which reveals a person's employer) and the reasons are dropped.
 */
export function toPublishable(set: RestrictedSet): PublishableRestrictedSet {
  return {
    procurementId: set.procurementId,
    asOf: set.asOf,
    companies: set.companies.map((company) => {
      const rules = company.findings.map((finding) => ({
        ruleId: finding.ruleId,
        ruleSource: finding.ruleSource,
        window: { from: finding.window.from, to: finding.window.to },
      }))
      const distinct = rules.filter(
        (rule, index) =>
          rules.findIndex((other) => other.ruleId === rule.ruleId && other.window.from === rule.window.from && other.window.to === rule.window.to) === index,
      )
      return { corporateNumber: company.corporateNumber, name: company.name, decision: company.decision, rules: distinct }
    }),
  }
}

/** The companies named by the rules of this municipality and all companies linked to them on `asOf`, sorted. */
export function companyUniverse(facts: RestrictedSetFacts): CorporateNumber[] {
  const municipality = facts.procurement.municipalityCode
  const named = [
    ...facts.appointments
      .filter((appointment) => appointment.municipalityCode === municipality)
      .flatMap((appointment) => appointment.employments.map((spell) => spell.corporateNumber)),
    ...facts.contracts.filter((contract) => contract.municipalityCode === municipality).map((contract) => contract.corporateNumber),
    ...facts.procurement.specDrafterCorporateNumbers,
    ...facts.procurement.pmoVendorCorporateNumbers,
  ]
  const reachable = [...new Set(named)].flatMap((company) =>
    relatedCompanies(facts.companyLinks, company, facts.asOf, 'group_and_related').map((reached) => reached.corporateNumber),
  )
  return [...new Set([...named, ...reachable])].sort()
}

function nameOf(facts: RestrictedSetFacts, corporateNumber: CorporateNumber): string | null {
  const names = facts.companyNames
  return names && Object.hasOwn(names, corporateNumber) ? (names[corporateNumber] ?? null) : null
}
