/**
 * `restrictedCompanies` for large link sets: the same answer, computed per connected company group. A bid decision
 * only reads the group links reachable from the bidder and the `related` links touching it (see groups.ts), so each
 * company is decided with just those links instead of every link of the municipality's neighbourhood. The result
 * equals `restrictedCompanies(facts)` exactly (tested in restricted-set-partitioned.test.ts and by the API replay).
 */
import { decideBid } from './bid.ts'
import { factsForBidder, silentWithoutSpells } from './relevant-facts.ts'
import type { CorporateNumber } from './facts.ts'
import { relatedCompanies, type CompanyLink } from './groups.ts'
import type { RestrictedCompany, RestrictedSet, RestrictedSetFacts } from './restricted-set.ts'

/** Group links by connected component (union–find over every group link, whatever its dates) and related links by company. */
function linkIndex(links: readonly CompanyLink[]): (company: CorporateNumber) => CompanyLink[] {
  const parent = new Map<string, string>()
  const find = (company: string): string => {
    let root = company
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!
    let current = company
    while (current !== root) {
      const next = parent.get(current) ?? root
      parent.set(current, root)
      current = next
    }
    return root
  }
  const union = (a: string, b: string) => {
    if (!parent.has(a)) parent.set(a, a)
    if (!parent.has(b)) parent.set(b, b)
    const rootA = find(a)
    const rootB = find(b)
    if (rootA !== rootB) parent.set(rootA < rootB ? rootB : rootA, rootA < rootB ? rootA : rootB)
  }
  const group = links.filter((link) => link.kind !== 'related')
  for (const link of group) union(link.from, link.to)
  const byComponent = new Map<string, CompanyLink[]>()
  for (const link of group) {
    const root = find(link.from)
    byComponent.set(root, [...(byComponent.get(root) ?? []), link])
  }
  const related = new Map<string, CompanyLink[]>()
  for (const link of links) {
    if (link.kind !== 'related') continue
    related.set(link.from, [...(related.get(link.from) ?? []), link])
    if (link.to !== link.from) related.set(link.to, [...(related.get(link.to) ?? []), link])
  }
  return (company) => [...(parent.has(company) ? (byComponent.get(find(company)) ?? []) : []), ...(related.get(company) ?? [])]
}

/** Same answer as `restrictedCompanies(facts)`, in time proportional to the companies and their own groups. */
export function restrictedCompaniesByGroup(facts: RestrictedSetFacts): RestrictedSet {
  const linksOf = linkIndex(facts.companyLinks)
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
    relatedCompanies(linksOf(company), company, facts.asOf, 'group_and_related').map((reached) => reached.corporateNumber),
  )
  const candidates = [...new Set([...named, ...reachable])].sort()
  const silent = silentWithoutSpells(facts.appointments)
  const decided = candidates.map((corporateNumber) => ({
    corporateNumber,
    answer: decideBid(factsForBidder({ ...facts, companyLinks: linksOf(corporateNumber), bidder: { corporateNumber, known: true } }, silent)),
  }))
  const names = facts.companyNames
  const companies = decided.flatMap(({ corporateNumber, answer }): RestrictedCompany[] =>
    answer.decision === 'allowed'
      ? []
      : [
          {
            corporateNumber,
            name: names && Object.hasOwn(names, corporateNumber) ? (names[corporateNumber] ?? null) : null,
            decision: answer.decision,
            findings: answer.findings,
          },
        ],
  )
  const notes = [...new Set(decided.flatMap(({ answer }) => answer.notes))]
  return { procurementId: facts.procurement.id, asOf: facts.asOf, companies, notes }
}
