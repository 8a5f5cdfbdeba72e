/**
 * The real ConflictSource: the serving municipality's open procurements and their expected bidders come from
 * bid-restrictions, the company links from companies (both through their index.ts). app.ts passes it to
 * sharingRoutes.
 *
 * Rule set: bid-restrictions stores rule sets per 任用, not per municipality, so no municipality-wide rule set is
 * known; the person's own rules (the talent's and those of their shared or joint appointments) decide whether a
 * conflict blocks (C1) or warns (B1/B2/D).
 */
import { type IsoDate, todayInJapan } from '#shared/domain/dates'
import type { Clock } from '../../clock.ts'
import { openProcurementsOf } from '../bid-restrictions/index.ts'
import { companyNeighbourhood } from '../companies/index.ts'
import type { ConflictSource } from './context.ts'

export function bidRestrictionConflictSource(clock: Clock): ConflictSource {
  return {
    ruleSetFor: async () => [],
    procurementsFor: async (tx, municipalityCode, from: IsoDate, to: IsoDate) => {
      const open = await openProcurementsOf(tx, municipalityCode, from, to)
      return open.map((p) => ({
        id: p.id,
        municipalityCode: p.municipalityCode,
        title: p.title,
        categories: p.categories,
        expectedBidderCorporateNumbers: p.expectedBidderCorporateNumbers,
      }))
    },
    companyLinksFor: async (tx, corporateNumbers) => (await companyNeighbourhood(tx, corporateNumbers, todayInJapan(clock()))).links,
  }
}
