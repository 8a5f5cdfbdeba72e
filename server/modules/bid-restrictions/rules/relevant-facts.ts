/**
 * `factsForBidder`: the same facts cut down to what can concern one bidder, so `decideBid(factsForBidder(f))`
 * equals `decideBid(f)` (property-tested) while the rules do much less: a restricted set decides every company
 * around the appointees' employers, and most appointees have nothing to do with most of those companies.
 *
 * - Every appointee's employment keeps only the spells with companies the bidder can reach (itself, its
 *   consolidated group, its 関連事業者, its parents and subsidiaries). The rules only ever match a subject company
 *   the bidder reaches through these relations, and each company's spells are read on their own.
 * - Appointments of other municipalities go: `decideBid` ignores them.
 * - An appointment left without spells goes when it cannot say anything: each of its rules is B1, B2 or D (they
 *   need a spell to name a company) or C1, C2 (act rules, silent in `decideBid`), with valid parameters. A rule in
 *   the wrong place (which gives a note) or with invalid parameters (which throws) keeps the appointment, so the
 *   same notes and errors come out in the same order.
 */
import type { Appointment, BidFacts } from './facts.ts'
import { relatedCompanies } from './groups.ts'
import { validateRuleParameters } from './templates.ts'

const NEEDS_A_SPELL = new Set<string>(['B1', 'B2', 'D', 'C1', 'C2'])

/**
 * The appointments that say nothing about a bidder when none of their spells concerns it. Computed once per
 * restricted set (the validation is the costly part) and passed to each `factsForBidder` call.
 */
export function silentWithoutSpells(appointments: readonly Appointment[]): ReadonlySet<Appointment> {
  return new Set(
    appointments.filter((appointment) =>
      appointment.ruleSet.every((rule) => NEEDS_A_SPELL.has(rule.templateId) && validateRuleParameters(rule.templateId, rule.params).length === 0),
    ),
  )
}

export function factsForBidder(facts: BidFacts, silent: ReadonlySet<Appointment> = silentWithoutSpells(facts.appointments)): BidFacts {
  const bidder = facts.bidder.corporateNumber
  // The group-and-related scope contains the other three: 関連事業者 (related only) are its direct links, and the
  // consolidated group climbs to every parent before descending, which passes every parent and subsidiary.
  const reachable = new Set<string>([
    bidder,
    ...relatedCompanies(facts.companyLinks, bidder, facts.asOf, 'group_and_related').map((reached) => reached.corporateNumber),
  ])
  const municipality = facts.procurement.municipalityCode
  return {
    ...facts,
    appointments: facts.appointments.flatMap((appointment): Appointment[] => {
      if (appointment.municipalityCode !== municipality) return []
      const employments = appointment.employments.filter((spell) => reachable.has(spell.corporateNumber))
      if (employments.length === 0 && silent.has(appointment)) return []
      return [{ ...appointment, employments }]
    }),
  }
}
