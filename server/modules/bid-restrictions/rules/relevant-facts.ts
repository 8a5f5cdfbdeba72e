/**
 * `factsForBidder`: the same facts with every appointee's employment cut down to the spells with companies the
 * bidder can reach (itself, its consolidated group, its 関連事業者, its parents and subsidiaries). The rules only
 * ever match a subject company that the bidder reaches through these relations, and each company's spells are read
 * on their own, so `decideBid(factsForBidder(f))` equals `decideBid(f)` (property-tested). It spares the tenure
 * arithmetic of B1 for employers that cannot matter, which is most of the work when a set is computed.
 */
import type { BidFacts } from './facts.ts'
import { consolidatedGroup, parentsAndSubsidiaries, relatedCompanies } from './groups.ts'

export function factsForBidder(facts: BidFacts): BidFacts {
  const bidder = facts.bidder.corporateNumber
  const reachable = new Set<string>([bidder])
  for (const reached of [
    ...relatedCompanies(facts.companyLinks, bidder, facts.asOf, 'group_and_related'),
    ...relatedCompanies(facts.companyLinks, bidder, facts.asOf, 'related_only'),
    ...consolidatedGroup(facts.companyLinks, bidder, facts.asOf),
    ...parentsAndSubsidiaries(facts.companyLinks, bidder, facts.asOf),
  ]) {
    reachable.add(reached.corporateNumber)
  }
  return {
    ...facts,
    appointments: facts.appointments.map((appointment) => ({
      ...appointment,
      employments: appointment.employments.filter((spell) => reachable.has(spell.corporateNumber)),
    })),
  }
}
