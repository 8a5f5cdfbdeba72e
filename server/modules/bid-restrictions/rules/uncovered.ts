/**
 * Appointments that carry no 入札制限 rule at all (none chosen, none in the posting's clause), named only where
 * they bear on the question asked: a bid check names those whose person is tied to the bidder or a company it
 * reaches; a restricted set names those whose person takes part in the procurement. Listing every such
 * appointment of the municipality would say nothing about this bid and grow with the municipality.
 */
import type { Appointment, BidFacts } from './facts.ts'
import type { RestrictedSetFacts } from './restricted-set.ts'
import { factsForBidder } from './relevant-facts.ts'
import { procurementRoleLabels } from './templates.ts'

const uncovered = (appointment: Appointment, municipalityCode: string) => appointment.municipalityCode === municipalityCode && appointment.ruleSet.length === 0

/** Notes for the bidder's check: rule-less appointments whose person was tied to the bidder or its group. */
export function uncoveredForBidder(facts: BidFacts): string[] {
  const label = facts.companyNames?.[facts.bidder.corporateNumber] ?? facts.bidder.corporateNumber
  return factsForBidder(facts)
    .appointments.filter((appointment) => uncovered(appointment, facts.procurement.municipalityCode) && appointment.employments.length > 0)
    .map(
      (appointment) =>
        `任用${appointment.appointmentId}には入札制限の規則セットが設定されていません（募集にも規定がありません）。この任用者は入札者 ${label} またはその関係法人と関係があるため、規則を設定するか確認してください。`,
    )
}

/** Notes for a restricted set: rule-less appointments whose person takes part in the procurement. */
export function uncoveredParticipants(facts: RestrictedSetFacts): string[] {
  return facts.appointments
    .filter((appointment) => uncovered(appointment, facts.procurement.municipalityCode) && appointment.roleOnProcurement.length > 0)
    .map((appointment) => {
      const roles = appointment.roleOnProcurement.map((role) => procurementRoleLabels[role]).join('・')
      return `任用${appointment.appointmentId}は本件に${roles}で関わりますが、入札制限の規則セットが設定されていません（募集にも規定がありません）。`
    })
}
