/**
 * SQL on this module's tables: appointment_rule_set, procurement, procurement_participant, bid_check,
 * bid_check_facts, service_contract. Every read of a tenant's record carries `municipality_code` in its WHERE clause, so
 * another municipality's record is simply not found. `db` (or the transaction) comes first. The adapters at the
 * end read other modules' tables for the rule engine's facts, each saying why.
 */
import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import { prepared, type Db } from '../../db/database.ts'
import type { PledgeRow } from './pledge-repository.ts'
import type { EmploymentRelationship, ProcurementRole, RuleConfig } from './rules/index.ts'

// ——— procurements ———

export interface ProcurementValues {
  title: string
  categories: string[]
  publishedOn: string | null
  bidsOn: string | null
  rules: RuleConfig[]
  specDrafterCorporateNumbers: string[]
  noAdvantageCorporateNumbers: string[]
  pmoVendorCorporateNumbers: string[]
  expectedBidderCorporateNumbers: string[]
  counterpartyCorporateNumbers: string[]
}

function procurementColumns(values: ProcurementValues) {
  return {
    title: values.title,
    categories: values.categories,
    published_on: values.publishedOn,
    bids_on: values.bidsOn,
    rules: JSON.stringify(values.rules),
    spec_drafter_corporate_numbers: values.specDrafterCorporateNumbers,
    no_advantage_corporate_numbers: values.noAdvantageCorporateNumbers,
    pmo_vendor_corporate_numbers: values.pmoVendorCorporateNumbers,
    expected_bidder_corporate_numbers: values.expectedBidderCorporateNumbers,
    counterparty_corporate_numbers: values.counterpartyCorporateNumbers,
  }
}

export async function insertProcurement(db: Db, municipalityCode: string, createdBy: string | null, values: ProcurementValues) {
  return db
    .insertInto('procurement')
    .values({ municipality_code: municipalityCode, created_by: createdBy, ...procurementColumns(values) })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function updateProcurement(db: Db, id: string, municipalityCode: string, values: ProcurementValues) {
  return db
    .updateTable('procurement')
    .set({ ...procurementColumns(values), updated_at: new Date() })
    .where('id', '=', id)
    .where('municipality_code', '=', municipalityCode)
    .returningAll()
    .executeTakeFirst()
}

export type ProcurementRow = NonNullable<Awaited<ReturnType<typeof findProcurement>>>

/** The procurement if it belongs to the municipality; undefined otherwise (the route answers 404). */
export function findProcurement(db: Db, id: string, municipalityCode: string) {
  return db.selectFrom('procurement').selectAll().where('id', '=', id).where('municipality_code', '=', municipalityCode).executeTakeFirst()
}

export async function listProcurements(db: Db, municipalityCode: string, page: { limit: number; offset: number }) {
  const base = db.selectFrom('procurement').where('municipality_code', '=', municipalityCode)
  const [rows, count] = await Promise.all([
    base.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(page.limit).offset(page.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(count.total) }
}

export async function listProcurementIds(db: Db, municipalityCode: string) {
  return db.selectFrom('procurement').select(['id', 'title']).where('municipality_code', '=', municipalityCode).orderBy('created_at').execute()
}

export async function participantsOf(db: Db, procurementIds: readonly string[]) {
  if (procurementIds.length === 0) return []
  return db
    .selectFrom('procurement_participant')
    .select(['procurement_id', 'appointment_id', 'role'])
    .where('procurement_id', 'in', procurementIds)
    .orderBy('appointment_id')
    .orderBy('role')
    .execute()
}

export async function replaceParticipants(
  db: Db,
  procurementId: string,
  participants: ReadonlyArray<{ appointmentId: string; role: 'advises' | 'drafts_spec' | 'evaluates' | 'supervises' }>,
) {
  await db.deleteFrom('procurement_participant').where('procurement_id', '=', procurementId).execute()
  const unique = [...new Map(participants.map((p) => [`${p.appointmentId}|${p.role}`, p])).values()]
  if (unique.length === 0) return
  await db
    .insertInto('procurement_participant')
    .values(unique.map((p) => ({ procurement_id: procurementId, appointment_id: p.appointmentId, role: p.role })))
    .execute()
}

// ——— rule sets ———

export interface StoredRuleSet {
  rules: RuleConfig[]
  updatedAt: Date
}

export async function ruleSetsOf(db: Db, appointmentIds: readonly string[]): Promise<Map<string, StoredRuleSet>> {
  if (appointmentIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('appointment_rule_set')
    .select(['appointment_id', 'rules', 'updated_at'])
    .where('appointment_id', 'in', appointmentIds)
    .execute()
  return new Map(rows.map((row) => [row.appointment_id, { rules: parseJson(row.rules) as RuleConfig[], updatedAt: row.updated_at }]))
}

export async function saveRuleSet(db: Db, appointmentId: string, municipalityCode: string, rules: RuleConfig[], updatedBy: string | null) {
  return db
    .insertInto('appointment_rule_set')
    .values({ appointment_id: appointmentId, municipality_code: municipalityCode, rules: JSON.stringify(rules), updated_by: updatedBy })
    .onConflict((conflict) => conflict.column('appointment_id').doUpdateSet({ rules: JSON.stringify(rules), updated_by: updatedBy, updated_at: new Date() }))
    .returning(['updated_at'])
    .executeTakeFirstOrThrow()
}

/**
 * Adapter (postings does not export this yet): the 入札制限 clause a posting stores in its form,
 * `form.bidRestriction = { templateIds, params }`, for the postings of the given ids. Replace with a postings
 * service function when one exists.
 */
export async function postingBidRestrictionClauses(db: Db, postingIds: readonly string[]) {
  if (postingIds.length === 0) return new Map<string, BidRestrictionClause>()
  const rows = await db
    .selectFrom('posting')
    .select(['id', sql<unknown>`form -> 'bidRestriction'`.as('clause')])
    .where('id', 'in', postingIds)
    .execute()
  return new Map(rows.map((row) => [row.id, parseBidRestrictionClause(row.clause)]))
}

export interface BidRestrictionClause {
  templateIds: string[]
  params: Record<string, Record<string, unknown>>
}

/** A posting's `form.bidRestriction` as stored (anything may be there; what is not a clause counts as none). */
function parseBidRestrictionClause(value: unknown): BidRestrictionClause {
  const clause = (parseJson(value) ?? {}) as { templateIds?: unknown; params?: unknown }
  const templateIds = Array.isArray(clause.templateIds) ? clause.templateIds.filter((id): id is string => typeof id === 'string') : []
  const params = clause.params && typeof clause.params === 'object' ? (clause.params as Record<string, Record<string, unknown>>) : {}
  return { templateIds, params }
}

// ——— the check log (append-only) ———

export interface CheckValues {
  kind: 'bid' | 'act' | 'restricted_set'
  municipalityCode: string
  procurementId: string
  appointmentId: string | null
  bidderCorporateNumber: string | null
  act: string | null
  asOf: string
  decision: string
  facts: unknown
  result: unknown
  engineVersion: string
  actorUserId: string | null
  actorKind: string
}

/**
 * One statement: the facts document once (by the SHA-256 of its JSON text; a document already stored is reused) and
 * the log row that refers to it.
 */
export async function insertCheck(db: Db, values: CheckValues): Promise<string> {
  const facts = JSON.stringify(values.facts)
  const hash = createHash('sha256').update(facts).digest('hex')
  const row = await db
    .with('stored_facts', (db) =>
      db
        .insertInto('bid_check_facts')
        .values({ hash, facts })
        .onConflict((conflict) => conflict.column('hash').doNothing()),
    )
    .insertInto('bid_check')
    .values({
      kind: values.kind,
      municipality_code: values.municipalityCode,
      procurement_id: values.procurementId,
      appointment_id: values.appointmentId,
      bidder_corporate_number: values.bidderCorporateNumber,
      act: values.act,
      as_of: values.asOf,
      decision: values.decision,
      facts_hash: hash,
      result: JSON.stringify(values.result),
      engine_version: values.engineVersion,
      actor_user_id: values.actorUserId,
      actor_kind: values.actorKind,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export function findCheck(db: Db, id: string, municipalityCode: string | null) {
  let query = db
    .selectFrom('bid_check')
    .innerJoin('bid_check_facts', 'bid_check_facts.hash', 'bid_check.facts_hash')
    .selectAll('bid_check')
    .select('bid_check_facts.facts')
    .where('bid_check.id', '=', id)
  if (municipalityCode !== null) query = query.where('bid_check.municipality_code', '=', municipalityCode)
  return query.executeTakeFirst()
}

export function parseJson(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value
}

/**
 * Adapter (candidates exports only `employmentHistory(tx, candidateId)`, one query per person): the employment
 * history of several people in one indexed query, same shape and order as `employmentHistory`. A bid check reads
 * every active appointee of the municipality, so this saves one round trip per person. Move it into candidates as
 * `employmentHistories(tx, candidateIds)` when that module exports one.
 */
export async function employmentHistoriesOf(db: Db, candidateIds: readonly string[]) {
  if (candidateIds.length === 0) return new Map<string, EmploymentSpell[]>()
  const rows = await db
    .selectFrom('candidate_employment')
    .select(['candidate_id', 'corporate_number', 'relationship', 'starts_on', 'ends_on'])
    .where('candidate_id', 'in', [...new Set(candidateIds)])
    .orderBy('candidate_id')
    .orderBy('starts_on')
    .orderBy('corporate_number')
    .orderBy('relationship')
    .execute()
  return historiesOf(
    rows.map((row) => ({
      candidateId: row.candidate_id,
      corporateNumber: row.corporate_number,
      relationship: row.relationship,
      startsOn: row.starts_on,
      endsOn: row.ends_on,
    })),
  )
}

interface EmploymentSpell {
  corporateNumber: string
  relationship: EmploymentRelationship
  startsOn: string
  endsOn: string | null
}

/** Rows in `employmentHistory` order, grouped by person. */
function historiesOf(rows: ReadonlyArray<EmploymentSpell & { candidateId: string }>): Map<string, EmploymentSpell[]> {
  const histories = new Map<string, EmploymentSpell[]>()
  for (const { candidateId, ...spell } of rows) {
    const history = histories.get(candidateId) ?? []
    history.push(spell)
    histories.set(candidateId, history)
  }
  return histories
}

// ——— reads for other modules (sharing) ———

/**
 * Procurements of a municipality still open during [from, to]: bids not yet held before `from` (or no bid date
 * recorded) and, when a publication date is recorded, published by `to`. Ordered by creation.
 */
export function openProcurementsOf(db: Db, municipalityCode: string, from: string, to: string) {
  return db
    .selectFrom('procurement')
    .select(['id', 'municipality_code', 'title', 'categories', 'expected_bidder_corporate_numbers'])
    .where('municipality_code', '=', municipalityCode)
    .where((eb) => eb.or([eb('bids_on', 'is', null), eb('bids_on', '>=', from)]))
    .where((eb) => eb.or([eb('published_on', 'is', null), eb('published_on', '<=', to)]))
    .orderBy('created_at')
    .orderBy('id')
    .execute()
}

// ——— contracts (業務委託・派遣・地域活性化起業人; rules A1, A2) ———

export interface ContractValues {
  title: string
  kind: 'gyomu_itaku' | 'haken' | 'kigyojin'
  corporateNumber: string
  startsOn: string
  endsOn: string | null
  rules: RuleConfig[]
  appointmentId: string | null
}

export function insertContract(db: Db, municipalityCode: string, createdBy: string | null, values: ContractValues) {
  return db
    .insertInto('service_contract')
    .values({
      municipality_code: municipalityCode,
      corporate_number: values.corporateNumber,
      title: values.title,
      kind: values.kind,
      starts_on: values.startsOn,
      ends_on: values.endsOn,
      rule_set: JSON.stringify(values.rules),
      appointment_id: values.appointmentId,
      created_by: createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export type ContractRow = NonNullable<Awaited<ReturnType<typeof findContract>>>

/** The contract if it belongs to the municipality; undefined otherwise (the route answers 404). */
export function findContract(db: Db, id: string, municipalityCode: string) {
  return db.selectFrom('service_contract').selectAll().where('id', '=', id).where('municipality_code', '=', municipalityCode).executeTakeFirst()
}

export async function listContracts(db: Db, municipalityCode: string, page: { limit: number; offset: number }) {
  const base = db.selectFrom('service_contract').where('municipality_code', '=', municipalityCode)
  const [rows, count] = await Promise.all([
    base.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(page.limit).offset(page.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(count.total) }
}

// ——— the facts of a bid check or a restricted set, in one statement ———

/** The fields of applications' Appointment view that the rule engine's facts are built from. */
export interface AppointmentSource {
  id: string
  postingId: string
  candidateId: string
  municipalityCode: string
  startsOn: string
  endsOn: string
  employmentsAtAppointment: Array<{ corporateNumber: string; relationship: string; startsOn: string; endsOn: string | null }>
}

export type ProcurementFactsRow = Pick<
  ProcurementRow,
  'id' | 'municipality_code' | 'categories' | 'rules' | 'spec_drafter_corporate_numbers' | 'no_advantage_corporate_numbers' | 'pmo_vendor_corporate_numbers'
>
export type PledgedSpellsRow = Pick<PledgeRow, 'appointment_id' | 'disclosed_employers' | 'side_jobs'>
export type ContractFactsRow = Pick<ContractRow, 'id' | 'municipality_code' | 'corporate_number' | 'starts_on' | 'ends_on' | 'rule_set'>
export interface ExemptionFactsRow {
  id: string
  procurement_id: string
  corporate_number: string
  status: 'pending' | 'approved' | 'rejected'
}

export interface ProcurementFacts {
  procurement: ProcurementFactsRow
  participants: Array<{ appointment_id: string; role: ProcurementRole }>
  /** The municipality's appointments active on `asOf`, in `appointmentsFor` order. */
  appointments: AppointmentSource[]
  ruleSets: Map<string, StoredRuleSet>
  /** The 入札制限 clause of the postings of the appointments without a rule set of their own. */
  clauses: Map<string, BidRestrictionClause>
  pledges: Map<string, PledgedSpellsRow>
  /** The appointees' live employment histories, by person. */
  histories: Map<string, EmploymentSpell[]>
  exemptions: ExemptionFactsRow[]
  contracts: ContractFactsRow[]
}

/**
 * Everything a bid check or restricted set reads about one procurement, in one statement (one snapshot and one
 * round trip instead of about ten): the procurement if it is the municipality's, its participants, exemptions
 * (of `exemptionsOf` only, when given) and the municipality's contracts; its appointments active on `asOf` with
 * their rule sets, posting clauses, latest pledges and employment histories. Every part is an indexed lookup sized
 * by the municipality's own rows, so the planner's estimate stays far below the JIT threshold and no transaction
 * with `SET LOCAL jit = off` is needed. Adapter: the appointment, posting and candidate_employment rows are read
 * here, with the same filters and order as `appointmentsFor`, `postingBidRestrictionClauses` and
 * `employmentHistoriesOf`, because a bid check must stay within a few milliseconds.
 */
export async function procurementFacts(
  db: Db,
  query: { procurementId: string; municipalityCode: string; asOf: string; exemptionsOf: string | null },
): Promise<ProcurementFacts | undefined> {
  const { procurementId, municipalityCode, asOf } = query
  const { rows } = await sql<{
    procurement: ProcurementFactsRow | null
    participants: ProcurementFacts['participants']
    appointments: AppointmentSource[]
    rule_sets: Array<{ appointment_id: string; rules: RuleConfig[]; updated_at: string }>
    clauses: Array<{ id: string; clause: unknown }>
    pledges: PledgedSpellsRow[]
    employments: Array<EmploymentSpell & { candidateId: string }>
    exemptions: ExemptionFactsRow[]
    contracts: ContractFactsRow[]
  }>`${prepared}
    WITH appt AS (
      SELECT id, posting_id, candidate_id, municipality_code, starts_on, ends_on, employment_snapshot
        FROM appointment
       WHERE municipality_code = ${municipalityCode} AND starts_on <= ${asOf}::date AND ends_on >= ${asOf}::date
    )
    -- json_agg over row subselects: json_build_object resolves its argument types on every row, which cost more
    -- than the scans. Text sort keys use COLLATE "C" for speed (they are ASCII codes and 法人番号).
    SELECT
      (SELECT row_to_json(p) FROM (
         SELECT id, municipality_code, categories, rules, spec_drafter_corporate_numbers, no_advantage_corporate_numbers, pmo_vendor_corporate_numbers
           FROM procurement WHERE id = ${procurementId} AND municipality_code = ${municipalityCode}) p) AS procurement,
      (SELECT coalesce(json_agg(pp ORDER BY pp.appointment_id, pp.role COLLATE "C"), '[]') FROM (
         SELECT appointment_id, role FROM procurement_participant WHERE procurement_id = ${procurementId}) pp) AS participants,
      (SELECT coalesce(json_agg(a ORDER BY a."startsOn", a.id), '[]') FROM (
         SELECT id, posting_id AS "postingId", candidate_id AS "candidateId", municipality_code AS "municipalityCode", starts_on AS "startsOn",
                ends_on AS "endsOn", employment_snapshot AS "employmentsAtAppointment"
           FROM appt) a) AS appointments,
      (SELECT coalesce(json_agg(r), '[]') FROM (
         SELECT appointment_id, rules, updated_at FROM appointment_rule_set WHERE appointment_id IN (SELECT id FROM appt)) r) AS rule_sets,
      (SELECT coalesce(json_agg(c), '[]') FROM (
         SELECT id, form -> 'bidRestriction' AS clause FROM posting
          WHERE id IN (SELECT a.posting_id FROM appt a WHERE NOT EXISTS (SELECT 1 FROM appointment_rule_set r WHERE r.appointment_id = a.id))) c) AS clauses,
      (SELECT coalesce(json_agg(l), '[]') FROM (
         SELECT DISTINCT ON (appointment_id) appointment_id, disclosed_employers, side_jobs FROM pledge
          WHERE appointment_id IN (SELECT id FROM appt)
          ORDER BY appointment_id, created_at DESC, id DESC) l) AS pledges,
      (SELECT coalesce(json_agg(e ORDER BY e."candidateId", e."startsOn", e."corporateNumber" COLLATE "C", e.relationship COLLATE "C"), '[]') FROM (
         SELECT candidate_id AS "candidateId", corporate_number AS "corporateNumber", relationship, starts_on AS "startsOn", ends_on AS "endsOn"
           FROM candidate_employment WHERE candidate_id IN (SELECT candidate_id FROM appt)) e) AS employments,
      (SELECT coalesce(json_agg(x ORDER BY x.created_at, x.id), '[]') FROM (
         SELECT id, procurement_id, corporate_number, status, created_at FROM bid_exemption
          WHERE procurement_id = ${procurementId} AND (${query.exemptionsOf}::text IS NULL OR corporate_number = ${query.exemptionsOf})) x) AS exemptions,
      (SELECT coalesce(json_agg(c ORDER BY c.created_at, c.id), '[]') FROM (
         SELECT id, municipality_code, corporate_number, starts_on, ends_on, rule_set, created_at FROM service_contract
          WHERE municipality_code = ${municipalityCode}) c) AS contracts`.execute(db)
  const row = rows[0]
  const procurement = row ? (parseJson(row.procurement) as ProcurementFactsRow | null) : null
  if (!row || !procurement) return undefined
  const list = <T>(value: unknown) => parseJson(value) as T[]
  return {
    procurement,
    participants: list(row.participants),
    appointments: list(row.appointments),
    ruleSets: new Map(
      list<{ appointment_id: string; rules: RuleConfig[]; updated_at: string }>(row.rule_sets).map((set) => [
        set.appointment_id,
        { rules: set.rules, updatedAt: new Date(set.updated_at) },
      ]),
    ),
    clauses: new Map(list<{ id: string; clause: unknown }>(row.clauses).map((posting) => [posting.id, parseBidRestrictionClause(posting.clause)])),
    pledges: new Map(list<PledgedSpellsRow>(row.pledges).map((pledge) => [pledge.appointment_id, pledge])),
    histories: historiesOf(list(row.employments)),
    exemptions: list(row.exemptions),
    contracts: list(row.contracts),
  }
}

// ——— business partners of a municipality (the 入札制限 preview on match lists) ———

/**
 * The municipality's procurements a preview looks at: open ones (bids not yet held on `asOf`), and those whose bids
 * were held since `since`, whose specification drafters, PMO vendors and counterparties still count.
 */
export function partnerProcurementsOf(db: Db, municipalityCode: string, asOf: string, since: string) {
  return db
    .selectFrom('procurement')
    .select([
      'id',
      'title',
      'bids_on',
      'expected_bidder_corporate_numbers',
      'counterparty_corporate_numbers',
      'spec_drafter_corporate_numbers',
      'pmo_vendor_corporate_numbers',
    ])
    .where('municipality_code', '=', municipalityCode)
    .where((eb) => eb.or([eb('bids_on', 'is', null), eb('bids_on', '>=', since)]))
    .where((eb) => eb.or([eb('published_on', 'is', null), eb('published_on', '<=', asOf)]))
    .orderBy('id')
    .execute()
}

/** The municipality's 業務委託・派遣・起業人 contracts running on `asOf` or ended since `since`. */
export function partnerContractsOf(db: Db, municipalityCode: string, asOf: string, since: string) {
  return db
    .selectFrom('service_contract')
    .select(['id', 'title', 'kind', 'corporate_number'])
    .where('municipality_code', '=', municipalityCode)
    .where('starts_on', '<=', asOf)
    .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', since)]))
    .orderBy('id')
    .execute()
}
