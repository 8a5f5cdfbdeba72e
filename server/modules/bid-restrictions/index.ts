/*
 * bid-restrictions (入札制限): procurement cases, rule sets per appointment, bid and act checks with an append-only
 * log of the facts used, exemptions and pledges. The pure engine is in rules/. Other modules call only what is
 * exported here.
 */
export { checkBid, checkAct, restrictedSet, openProcurementsOf, ENGINE_VERSION, type OpenProcurement } from './service.ts'
export type { BidRestrictionDeps } from './deps.ts'
export { pledgesMissingByMunicipality } from './pledges.ts'
export { bidRestrictionPreview } from './preview-loader.ts'
export { loadBidFacts, loadRestrictedSetFacts, type OtherAppointments } from './facts-loader.ts'
