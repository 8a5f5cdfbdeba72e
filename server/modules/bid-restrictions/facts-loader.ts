/**
 * Loads the plain facts the rule engine reads. A bid check or restricted set reads everything about the
 * procurement in one statement (`repository.procurementFacts`): its participants, the municipality's appointments
 * active on `asOf` with their rule sets, pledges and the people's employment history, its exemptions and
 * contracts. The company links come from companies (`companyNeighbourhood`, one recursive query): a bid check
 * reads the bidder's beside the procurement's facts, a restricted set then reads those of every company the
 * appointees, contracts and procurement name. Other modules' appointments (sharing) join through
 * `OtherAppointments`.
 *
 * Employment policy: the person's current employment history is the truth for the spells it lists; spells only in
 * the history recorded at the appointment, or only disclosed in the pledge (勤務先, 兼業先), are added, so a
 * restriction cannot be escaped by editing a profile after the appointment.
 */
import type { Db } from '../../db/database.ts'
import { companyNeighbourhood } from '../companies/index.ts'
import { latestPledges } from './pledge-repository.ts'
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
export async function effectiveRuleSets(
  tx: Db,
  appointments: ReadonlyArray<Pick<repository.AppointmentSource, 'id' | 'postingId'>>,
): Promise<Map<string, EffectiveRuleSet>> {
  const stored = await repository.ruleSetsOf(
    tx,
    appointments.map((appointment) => appointment.id),
  )
  const missing = appointments.filter((appointment) => !stored.has(appointment.id))
  const clauses = await repository.postingBidRestrictionClauses(tx, [...new Set(missing.map((appointment) => appointment.postingId))])
  return ruleSetsFrom(appointments, stored, clauses)
}

function ruleSetsFrom(
  appointments: ReadonlyArray<Pick<repository.AppointmentSource, 'id' | 'postingId'>>,
  stored: ReadonlyMap<string, repository.StoredRuleSet>,
  clauses: ReadonlyMap<string, repository.BidRestrictionClause>,
): Map<string, EffectiveRuleSet> {
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
      if (!merged.has(key))
        merged.set(key, { corporateNumber: spell.corporateNumber, relationship: spell.relationship, startsOn: spell.startsOn, endsOn: spell.endsOn })
    }
  }
  return [...merged.values()].sort((a, b) => (spellKey(a) < spellKey(b) ? -1 : spellKey(a) > spellKey(b) ? 1 : 0))
}

const RELATIONSHIPS = new Set(['employee', 'officer', 'secondee', 'side_job', 'owner'])

function pledgedEmployments(pledge: repository.PledgedSpellsRow | undefined): Employment[] {
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
  pledges: Map<string, repository.PledgedSpellsRow>
  notes: string[]
}

/** Engine appointments for the given views, with the roles each plays on the procurement being checked. */
export async function engineAppointments(
  tx: Db,
  views: readonly repository.AppointmentSource[],
  rolesOf: (appointmentId: string) => ProcurementRole[],
): Promise<LoadedAppointments> {
  const ruleSets = await effectiveRuleSets(tx, views)
  const pledges = await latestPledges(
    tx,
    views.map((view) => view.id),
  )
  // One query for everyone (the same rows as candidates.employmentHistory, per person).
  const histories = await repository.employmentHistoriesOf(
    tx,
    views.map((view) => view.candidateId),
  )
  return appointmentsFrom(views, ruleSets, pledges, histories, rolesOf)
}

function appointmentsFrom(
  views: readonly repository.AppointmentSource[],
  ruleSets: Map<string, EffectiveRuleSet>,
  pledges: Map<string, repository.PledgedSpellsRow>,
  histories: ReadonlyMap<string, Employment[]>,
  rolesOf: (appointmentId: string) => ProcurementRole[],
): LoadedAppointments {
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

export function engineProcurement(row: repository.ProcurementFactsRow): Procurement {
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

/** Appointments another module knows of for a municipality on a day (sharing's `sharingAppointmentsFor`). */
export type OtherAppointments = (tx: Db, filter: { municipalityCode: string; activeOn: string }) => Promise<Appointment[]>

interface LoadedProcurement {
  procurement: repository.ProcurementFactsRow
  /** Everyone serving the municipality on `asOf`: its own appointments, then those of other modules. */
  appointments: Appointment[]
  contracts: Contract[]
  exemptions: Exemption[]
  notes: string[]
}

/** The procurement's facts from one statement, with other modules' appointments added; undefined if not the municipality's. */
async function loadProcurement(
  db: Db,
  query: Parameters<typeof repository.procurementFacts>[1],
  other: OtherAppointments | undefined,
): Promise<LoadedProcurement | undefined> {
  // The other modules' appointments depend only on the municipality and the day, so they are read at once.
  const [rows, extra] = await Promise.all([
    repository.procurementFacts(db, query),
    other ? other(db, { municipalityCode: query.municipalityCode, activeOn: query.asOf }) : [],
  ])
  if (!rows) return undefined
  const roles = new Map<string, ProcurementRole[]>()
  for (const participant of rows.participants) roles.set(participant.appointment_id, [...(roles.get(participant.appointment_id) ?? []), participant.role])
  const loaded = appointmentsFrom(
    rows.appointments,
    ruleSetsFrom(rows.appointments, rows.ruleSets, rows.clauses),
    rows.pledges,
    rows.histories,
    (id) => roles.get(id) ?? [],
  )
  return {
    procurement: rows.procurement,
    appointments: [...loaded.appointments, ...extra],
    contracts: rows.contracts.map((row) => ({
      contractId: row.id,
      municipalityCode: row.municipality_code,
      corporateNumber: row.corporate_number,
      startsOn: row.starts_on,
      endsOn: row.ends_on,
      ruleSet: repository.parseJson(row.rule_set) as RuleConfig[],
    })),
    exemptions: rows.exemptions.map((row) => ({ procurementId: row.procurement_id, corporateNumber: row.corporate_number, status: row.status })),
    notes: loaded.notes,
  }
}

/**
 * Everything decideBid needs for one bidder, one procurement of the municipality, one date, and the notes of the
 * loading; undefined when the procurement is not the municipality's. Given the database rather than a
 * transaction, the two reads run at once on two connections (each is one snapshot, as separate statements in
 * one READ COMMITTED transaction were).
 */
export async function loadBidFacts(
  db: Db,
  procurement: { id: string; municipalityCode: string },
  bidder: string,
  asOf: string,
  other?: OtherAppointments,
): Promise<{ facts: BidFacts; notes: string[] } | undefined> {
  const [loaded, neighbourhood] = await Promise.all([
    loadProcurement(db, { procurementId: procurement.id, municipalityCode: procurement.municipalityCode, asOf, exemptionsOf: bidder }, other),
    companyNeighbourhood(db, [bidder], asOf),
  ])
  if (!loaded) return undefined
  const facts: BidFacts = {
    asOf,
    procurement: engineProcurement(loaded.procurement),
    bidder: { corporateNumber: bidder, known: Object.hasOwn(neighbourhood.names, bidder) },
    companyLinks: neighbourhood.links,
    appointments: loaded.appointments,
    contracts: loaded.contracts,
    exemptions: loaded.exemptions,
    companyNames: neighbourhood.names,
  }
  return { facts, notes: loaded.notes }
}

/** Everything restrictedCompanies needs for one procurement of the municipality and one date; undefined if not the municipality's. */
export async function loadRestrictedSetFacts(
  tx: Db,
  procurement: { id: string; municipalityCode: string },
  asOf: string,
  other?: OtherAppointments,
): Promise<{ facts: RestrictedSetFacts; notes: string[] } | undefined> {
  const loaded = await loadProcurement(tx, { procurementId: procurement.id, municipalityCode: procurement.municipalityCode, asOf, exemptionsOf: null }, other)
  if (!loaded) return undefined
  const seeds = [
    ...loaded.appointments.flatMap((appointment) => appointment.employments.map((spell) => spell.corporateNumber)),
    ...loaded.contracts.map((contract) => contract.corporateNumber),
    ...loaded.procurement.spec_drafter_corporate_numbers,
    ...loaded.procurement.pmo_vendor_corporate_numbers,
  ]
  const neighbourhood = await companyNeighbourhood(tx, seeds, asOf)
  const facts: RestrictedSetFacts = {
    asOf,
    procurement: engineProcurement(loaded.procurement),
    companyLinks: neighbourhood.links,
    appointments: loaded.appointments,
    contracts: loaded.contracts,
    exemptions: loaded.exemptions,
    companyNames: neighbourhood.names,
  }
  return { facts, notes: loaded.notes }
}
