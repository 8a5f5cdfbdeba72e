/**
 * Loads the plain facts the rule engine reads, with few indexed queries: the procurement's participants, the
 * municipality's appointments active on `asOf` (from applications), their rule sets and pledges (ours), the
 * people's employment history (from candidates), the company links around the companies that matter (one
 * recursive query in companies) and the exemptions of the procurement.
 *
 * Employment policy: the person's current employment history is the truth for the spells it lists; spells only in
 * the history recorded at the appointment, or only disclosed in the pledge (勤務先, 兼業先), are added, so a
 * restriction cannot be escaped by editing a profile after the appointment.
 */
import type { Appointment as AppointmentView } from '#shared/contracts/applications'
import type { Db } from '../../db/database.ts'
import { appointmentsFor } from '../applications/index.ts'
import { companyNames, companyNeighbourhood } from '../companies/index.ts'
import * as repository from './repository.ts'
import {
  findTemplate,
  validateRuleParameters,
  type Appointment,
  type BidFacts,
  type Contract,
  type Employment,
  type EmploymentRelationship,
  type Exemption,
  type Procurement,
  type ProcurementCategory,
  type ProcurementRole,
  type RestrictedSetFacts,
  type RuleConfig,
  type RuleTemplateId,
} from './rules/index.ts'

export type RuleSetSource = 'posting' | 'municipality' | 'none'

export interface EffectiveRuleSet {
  source: RuleSetSource
  rules: RuleConfig[]
  updatedAt: Date | null
  notes: string[]
}

const APPOINTMENT_TEMPLATES = new Set<RuleTemplateId>(['B1', 'B2', 'C1', 'C2', 'D'])

/** The rule set of each appointment: the municipality's choice, or else the posting's 入札制限 clause. */
export async function effectiveRuleSets(tx: Db, appointments: readonly AppointmentView[]): Promise<Map<string, EffectiveRuleSet>> {
  const stored = await repository.ruleSetsOf(
    tx,
    appointments.map((appointment) => appointment.id),
  )
  const missing = appointments.filter((appointment) => !stored.has(appointment.id))
  const clauses = await repository.postingBidRestrictionClauses(tx, [...new Set(missing.map((appointment) => appointment.postingId))])
  const result = new Map<string, EffectiveRuleSet>()
  for (const appointment of appointments) {
    const own = stored.get(appointment.id)
    if (own) {
      result.set(appointment.id, { source: 'municipality', rules: own.rules, updatedAt: own.updatedAt, notes: [] })
      continue
    }
    const clause = clauses.get(appointment.postingId)
    const notes: string[] = []
    const rules = (clause?.templateIds ?? []).flatMap((templateId): RuleConfig[] => {
      const template = findTemplate(templateId)
      if (!template || !APPOINTMENT_TEMPLATES.has(template.id)) return []
      const params = clause?.params[templateId] ?? {}
      if (validateRuleParameters(templateId, params).length > 0) {
        notes.push(`任用${appointment.id}: 募集の規則${templateId}のパラメータが範囲外のため、既定値で適用しました。`)
        return [{ templateId: template.id, params: {} }]
      }
      return [{ templateId: template.id, params }]
    })
    if (rules.length === 0) notes.push(`任用${appointment.id}には入札制限の規則セットが設定されていません（募集にも規定がありません）。`)
    result.set(appointment.id, { source: rules.length > 0 ? 'posting' : 'none', rules, updatedAt: null, notes })
  }
  return result
}

interface PledgeEmployment {
  corporateNumber: string
  relationship?: EmploymentRelationship
  startsOn: string
  endsOn: string | null
}

function spellKey(spell: Pick<Employment, 'corporateNumber' | 'relationship' | 'startsOn'>): string {
  return `${spell.corporateNumber}|${spell.relationship}|${spell.startsOn}`
}

/** Live history first; then spells only in the appointment-time history or the pledge. */
export function mergeEmployments(live: readonly Employment[], atAppointment: readonly Employment[], pledged: readonly Employment[]): Employment[] {
  const merged = new Map<string, Employment>()
  for (const source of [live, atAppointment, pledged]) {
    for (const spell of source) {
      const key = spellKey(spell)
      if (!merged.has(key)) merged.set(key, { corporateNumber: spell.corporateNumber, relationship: spell.relationship, startsOn: spell.startsOn, endsOn: spell.endsOn })
    }
  }
  return [...merged.values()].sort((a, b) => (spellKey(a) < spellKey(b) ? -1 : spellKey(a) > spellKey(b) ? 1 : 0))
}

const RELATIONSHIPS = new Set(['employee', 'officer', 'secondee', 'side_job', 'owner'])

function pledgedEmployments(pledge: repository.PledgeRow | undefined): Employment[] {
  if (!pledge) return []
  const employers = repository.parseJson(pledge.disclosed_employers) as PledgeEmployment[]
  const sideJobs = repository.parseJson(pledge.side_jobs) as PledgeEmployment[]
  return [
    ...employers.map((spell) => ({ ...spell, relationship: spell.relationship ?? 'employee' })),
    ...sideJobs.map((spell) => ({ ...spell, relationship: 'side_job' as const })),
  ].map((spell) => ({ corporateNumber: spell.corporateNumber, relationship: spell.relationship, startsOn: spell.startsOn, endsOn: spell.endsOn ?? null }))
}

export interface LoadedAppointments {
  appointments: Appointment[]
  ruleSets: Map<string, EffectiveRuleSet>
  pledges: Map<string, repository.PledgeRow>
  notes: string[]
}

/** Engine appointments for the given views, with the roles each plays on the procurement being checked. */
export async function engineAppointments(
  tx: Db,
  views: readonly AppointmentView[],
  rolesOf: (appointmentId: string) => ProcurementRole[],
): Promise<LoadedAppointments> {
  const ruleSets = await effectiveRuleSets(tx, views)
  const pledges = await repository.latestPledges(
    tx,
    views.map((view) => view.id),
  )
  // One query for everyone (the same rows as candidates.employmentHistory, per person).
  const histories: Map<string, Employment[]> = await repository.employmentHistoriesOf(
    tx,
    views.map((view) => view.candidateId),
  )
  const appointments = views.map((view): Appointment => {
    const atAppointment = view.employmentsAtAppointment
      .filter((spell) => RELATIONSHIPS.has(spell.relationship))
      .map((spell) => ({ ...spell, relationship: spell.relationship as EmploymentRelationship }))
    return {
      appointmentId: view.id,
      municipalityCode: view.municipalityCode,
      startsOn: view.startsOn,
      endsOn: view.endsOn,
      ruleSet: ruleSets.get(view.id)?.rules ?? [],
      employments: mergeEmployments(histories.get(view.candidateId) ?? [], atAppointment, pledgedEmployments(pledges.get(view.id))),
      roleOnProcurement: rolesOf(view.id),
    }
  })
  const notes = [...ruleSets.values()].flatMap((set) => set.notes)
  return { appointments, ruleSets, pledges, notes }
}

export function engineProcurement(row: repository.ProcurementRow): Procurement {
  return {
    id: row.id,
    municipalityCode: row.municipality_code,
    categories: row.categories as ProcurementCategory[],
    ruleSet: repository.parseJson(row.rules) as RuleConfig[],
    specDrafterCorporateNumbers: row.spec_drafter_corporate_numbers,
    pmoVendorCorporateNumbers: row.pmo_vendor_corporate_numbers,
    noAdvantageCorporateNumbers: row.no_advantage_corporate_numbers,
  }
}

function exemptionFacts(rows: Awaited<ReturnType<typeof repository.exemptionsFor>>): Exemption[] {
  return rows.map((row) => ({ procurementId: row.procurement_id, corporateNumber: row.corporate_number, status: row.status }))
}

async function rolesOnProcurement(tx: Db, procurementId: string) {
  const participants = await repository.participantsOf(tx, [procurementId])
  const roles = new Map<string, ProcurementRole[]>()
  for (const participant of participants) roles.set(participant.appointment_id, [...(roles.get(participant.appointment_id) ?? []), participant.role])
  return (appointmentId: string) => roles.get(appointmentId) ?? []
}

/** Appointments another module knows of for a municipality on a day (sharing's `sharingAppointmentsFor`). */
export type OtherAppointments = (tx: Db, filter: { municipalityCode: string; activeOn: string }) => Promise<Appointment[]>

/** The municipality's own appointments (applications) plus those of other modules, serving on `asOf`. */
async function appointmentsServing(tx: Db, procurement: repository.ProcurementRow, asOf: string, other: OtherAppointments | undefined) {
  const rolesOf = await rolesOnProcurement(tx, procurement.id)
  const views = await appointmentsFor(tx, { municipalityCode: procurement.municipality_code, activeOn: asOf })
  const loaded = await engineAppointments(tx, views, rolesOf)
  const extra = other ? await other(tx, { municipalityCode: procurement.municipality_code, activeOn: asOf }) : []
  return { ...loaded, appointments: [...loaded.appointments, ...extra] }
}

/** The municipality's 業務委託・派遣 contracts with their A1/A2 rules (service_contract). */
export async function engineContracts(tx: Db, municipalityCode: string): Promise<Contract[]> {
  const rows = await repository.contractsOf(tx, municipalityCode)
  return rows.map((row) => ({
    contractId: row.id,
    municipalityCode: row.municipality_code,
    corporateNumber: row.corporate_number,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    ruleSet: repository.parseJson(row.rule_set) as RuleConfig[],
  }))
}

/** Everything decideBid needs for one bidder, one procurement, one date; plus notes of the loading. */
export async function loadBidFacts(
  tx: Db,
  procurement: repository.ProcurementRow,
  bidder: string,
  asOf: string,
  other?: OtherAppointments,
): Promise<{ facts: BidFacts; notes: string[] }> {
  const loaded = await appointmentsServing(tx, procurement, asOf, other)
  const neighbourhood = await companyNeighbourhood(tx, [bidder], asOf)
  const bidderName = await companyNames(tx, [bidder])
  const exemptions = await repository.exemptionsFor(tx, [procurement.id], bidder)
  const contracts = await engineContracts(tx, procurement.municipality_code)
  const facts: BidFacts = {
    asOf,
    procurement: engineProcurement(procurement),
    bidder: { corporateNumber: bidder, known: Object.hasOwn(bidderName, bidder) },
    companyLinks: neighbourhood.links,
    appointments: loaded.appointments,
    contracts,
    exemptions: exemptionFacts(exemptions),
    companyNames: { ...neighbourhood.names, ...bidderName },
  }
  return { facts, notes: loaded.notes }
}

/** Everything restrictedCompanies needs for one procurement and date. */
export async function loadRestrictedSetFacts(
  tx: Db,
  procurement: repository.ProcurementRow,
  asOf: string,
  other?: OtherAppointments,
): Promise<{ facts: RestrictedSetFacts; notes: string[] }> {
  const loaded = await appointmentsServing(tx, procurement, asOf, other)
  const contracts = await engineContracts(tx, procurement.municipality_code)
  const seeds = [
    ...loaded.appointments.flatMap((appointment) => appointment.employments.map((spell) => spell.corporateNumber)),
    ...contracts.map((contract) => contract.corporateNumber),
    ...procurement.spec_drafter_corporate_numbers,
    ...procurement.pmo_vendor_corporate_numbers,
  ]
  const neighbourhood = await companyNeighbourhood(tx, seeds, asOf)
  const names = await companyNames(tx, seeds)
  const exemptions = await repository.exemptionsFor(tx, [procurement.id])
  const facts: RestrictedSetFacts = {
    asOf,
    procurement: engineProcurement(procurement),
    companyLinks: neighbourhood.links,
    appointments: loaded.appointments,
    contracts,
    exemptions: exemptionFacts(exemptions),
    companyNames: { ...neighbourhood.names, ...names },
  }
  return { facts, notes: loaded.notes }
}
