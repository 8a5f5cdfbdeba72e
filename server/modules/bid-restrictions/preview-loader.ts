/**
 * Loads what the 入札制限 preview (rules/preview.ts) reads for a match list: the municipality's business partners
 * (procurements and contracts, ours: two queries side by side) and, when there is one, the group links around the
 * candidates' recent employers with the names of every company a reason can mention (one query in companies).
 */
import { addYears } from '#shared/domain/dates'
import type { Db } from '../../db/database.ts'
import { companyNeighbourhood } from '../companies/index.ts'
import * as repository from './repository.ts'
import type { Employment } from './rules/index.ts'
import { type MunicipalPartner, PREVIEW_LOOK_BACK_YEARS, previewReasons, recentEmployments } from './rules/preview.ts'

const CONTRACT_KIND_LABELS = { gyomu_itaku: '業務委託契約', haken: '派遣契約', kigyojin: '地域活性化起業人の協定' } as const

async function partnersOf(db: Db, municipalityCode: string, asOf: string, since: string): Promise<MunicipalPartner[]> {
  const [procurements, contracts] = await Promise.all([
    repository.partnerProcurementsOf(db, municipalityCode, asOf, since),
    repository.partnerContractsOf(db, municipalityCode, asOf, since),
  ])
  const partners: MunicipalPartner[] = []
  for (const procurement of procurements) {
    const of = (numbers: readonly string[], role: string) =>
      numbers.map((corporateNumber) => ({ corporateNumber, role: `調達「${procurement.title}」の${role}` }))
    // An expected bidder matters only until the bids are held; the others stay partners for the look-back.
    if (procurement.bids_on === null || procurement.bids_on >= asOf) partners.push(...of(procurement.expected_bidder_corporate_numbers, '入札予定者'))
    partners.push(
      ...of(procurement.counterparty_corporate_numbers, '契約の相手方'),
      ...of(procurement.spec_drafter_corporate_numbers, '仕様書作成事業者'),
      ...of(procurement.pmo_vendor_corporate_numbers, 'PMO支援事業者'),
    )
  }
  for (const contract of contracts)
    partners.push({ corporateNumber: contract.corporate_number, role: `${CONTRACT_KIND_LABELS[contract.kind]}「${contract.title}」の相手方` })
  return partners
}

/**
 * Per candidate, the reasons to check 入札制限 before appointing them to a post of `municipalityCode` on `asOf`;
 * candidates without a reason are absent. Informative only: the caller shows them and excludes no one.
 */
export async function bidRestrictionPreview(
  db: Db,
  municipalityCode: string,
  employments: ReadonlyMap<string, readonly Employment[]>,
  asOf: string,
): Promise<Map<string, string[]>> {
  const reasons = new Map<string, string[]>()
  const recent = [...employments.values()].flatMap((list) => recentEmployments(list, asOf, PREVIEW_LOOK_BACK_YEARS))
  const employers = [...new Set(recent.map((employment) => employment.corporateNumber))]
  if (employers.length === 0) return reasons
  const partners = await partnersOf(db, municipalityCode, asOf, addYears(asOf, -PREVIEW_LOOK_BACK_YEARS))
  if (partners.length === 0) return reasons
  // A reason names the employer and the companies on its group path: the seeds and the links' ends, all named here.
  const { links, names } = await companyNeighbourhood(db, employers, asOf)
  const facts = { asOf, lookBackYears: PREVIEW_LOOK_BACK_YEARS, partners, links, names }
  for (const [candidateId, list] of employments) {
    const found = previewReasons(list, facts)
    if (found.length > 0) reasons.set(candidateId, found)
  }
  return reasons
}
