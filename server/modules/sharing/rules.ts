/**
 * Sharing rules that need the 入札制限 engine (server side only; the rest are in #shared/domain/sharing).
 * Pure: plain facts in, an answer with reasons out; no I/O, no clock.
 *
 * A shared person's restrictions apply at every municipality they serve (手順書 §4.4(9) with 参考4.4-⑦⑨): each
 * municipality served through a pool engagement, a shared or joint appointment or a dispatch becomes one
 * 任用-like Appointment for the bid engine, carrying that municipality's own rule set.
 */
import type { IsoDate } from '#shared/domain/dates'
import type { Commitment } from '#shared/domain/sharing/capacity'
import {
  type Appointment,
  type CompanyLink,
  type CorporateNumber,
  decideAct,
  decideBid,
  type Employment,
  type ProcurementCategory,
  type RuleConfig,
} from '../bid-restrictions/rules/index.ts'

/** A procurement of the municipality the person would advise on, with the companies expected to bid. */
export interface AdvisedProcurement {
  id: string
  municipalityCode: string
  title?: string
  categories: readonly ProcurementCategory[]
  expectedBidderCorporateNumbers: readonly CorporateNumber[]
}

export interface ServiceConflictFacts {
  asOf: IsoDate
  /** The commitment being proposed (engagement or dispatch) and the municipality it serves. */
  municipalityCode: string
  startsOn: IsoDate
  endsOn: IsoDate
  employments: readonly Employment[]
  /** The serving municipality's rules for persons (B1, B2, C1, C2, D), as written in its 要綱・協定. */
  ruleSet: readonly RuleConfig[]
  procurements: readonly AdvisedProcurement[]
  companyLinks: readonly CompanyLink[]
  companyNames?: Readonly<Record<CorporateNumber, string>>
}

export interface ServiceConflictFinding {
  /** blocked: the rule set forbids the person's advice (C1); warned: serving would bar an employer's bid. */
  decision: 'blocked' | 'warned'
  procurementId: string
  corporateNumber: CorporateNumber
  reason: string
}

export interface ServiceConflictDecision {
  decision: 'clear' | 'warned' | 'blocked'
  findings: ServiceConflictFinding[]
}

/**
 * 兼務先での利益相反: before a person is engaged or dispatched to a municipality, each procurement of that
 * municipality they would advise on is checked as if they were already serving there.
 * - C1 (参考4.4-⑦ C①) in the rule set and an employer expected to bid → blocked (they may not draft or select).
 * - Otherwise, if B1/B2/D would restrict an expected bidder because of this person → warned (the employer
 *   would lose the bid), with the engine's reason.
 */
export function decideServiceConflict(facts: ServiceConflictFacts): ServiceConflictDecision {
  const appointment: Appointment = {
    appointmentId: 'proposed',
    municipalityCode: facts.municipalityCode,
    startsOn: facts.startsOn,
    endsOn: facts.endsOn,
    ruleSet: facts.ruleSet,
    employments: facts.employments,
    roleOnProcurement: ['advises', 'drafts_spec'],
  }
  const asOf = facts.asOf > facts.startsOn ? facts.asOf : facts.startsOn
  const findings: ServiceConflictFinding[] = []
  for (const procurement of facts.procurements.filter((p) => p.municipalityCode === facts.municipalityCode)) {
    const act = decideAct({
      asOf,
      act: 'draft_spec',
      appointment,
      procurement: {
        id: procurement.id,
        municipalityCode: procurement.municipalityCode,
        expectedBidderCorporateNumbers: procurement.expectedBidderCorporateNumbers,
      },
      ...(facts.companyNames ? { companyNames: facts.companyNames } : {}),
    })
    for (const finding of act.findings) {
      findings.push({ decision: 'blocked', procurementId: procurement.id, corporateNumber: finding.corporateNumber, reason: finding.reason })
    }
    for (const bidder of procurement.expectedBidderCorporateNumbers) {
      if (act.findings.some((f) => f.corporateNumber === bidder)) continue
      const bid = decideBid({
        asOf,
        procurement: {
          id: procurement.id,
          municipalityCode: procurement.municipalityCode,
          categories: procurement.categories,
          ruleSet: [],
          specDrafterCorporateNumbers: [],
          pmoVendorCorporateNumbers: [],
        },
        bidder: { corporateNumber: bidder, known: true },
        companyLinks: facts.companyLinks,
        appointments: [appointment],
        contracts: [],
        exemptions: [],
        ...(facts.companyNames ? { companyNames: facts.companyNames } : {}),
      })
      for (const finding of bid.findings) {
        findings.push({ decision: 'warned', procurementId: procurement.id, corporateNumber: bidder, reason: finding.reason })
      }
    }
  }
  const decision = findings.some((f) => f.decision === 'blocked') ? 'blocked' : findings.length > 0 ? 'warned' : 'clear'
  return { decision, findings }
}

/**
 * The bid engine's Appointments for a shared person: one per municipality they serve through sharing, each with
 * that municipality's rule set, so a restriction holds at every municipality (a person advising city A and city
 * B bars their employer's bid at both). Commitments without a municipality (serving the operator itself) count
 * for the operator's code when given.
 */
export function bidAppointmentsOf(
  commitments: readonly Commitment[],
  employments: readonly Employment[],
  ruleSetOf: (municipalityCode: string) => readonly RuleConfig[],
): Appointment[] {
  return commitments
    .filter((c): c is Commitment & { localGovernmentCode: string } => c.localGovernmentCode !== null)
    .map((c) => ({
      appointmentId: c.id,
      municipalityCode: c.localGovernmentCode,
      startsOn: c.startsOn,
      endsOn: c.endsOn,
      ruleSet: ruleSetOf(c.localGovernmentCode),
      employments,
      roleOnProcurement: ['advises'],
    }))
}
