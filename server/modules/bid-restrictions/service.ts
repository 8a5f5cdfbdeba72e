/**
 * 入札制限 use cases: each opens a transaction, loads the facts, asks the pure rules and records the answer with
 * the facts it used (bid_check, append-only) or an audit event (rule sets, procurements, exemptions, pledges).
 * Municipal staff act on their own municipality's records only; anything else is "not found".
 */
import type {
  Act as ActName,
  ActCheckRequest,
  BidCheckRequest,
  ContractInput,
  ProcurementInput,
  RuleConfig as RuleConfigInput,
} from '#shared/contracts/bid-restrictions'
import type { ErrorDetail } from '#shared/errors'
import type { z } from 'zod'
import type { Db } from '../../db/database.ts'
import type { Actor } from '../../http/actor.ts'
import { AppError, notFound } from '../../http/errors.ts'
import { appointmentsFor } from '../applications/index.ts'
import { recordAudit } from '../audit/index.ts'
import { companyNames, companyNeighbourhood, findCompany } from '../companies/index.ts'
import {
  asOfOf,
  type BidRestrictionDeps,
  invalid,
  type Municipal,
  municipal,
  ownAppointment,
  ownProcurement,
  PROCUREMENT_NOT_FOUND,
  type RequestInfo,
} from './deps.ts'
import { effectiveRuleSets, engineAppointments, loadBidFacts, loadRestrictedSetFacts } from './facts-loader.ts'
import * as repository from './repository.ts'
import {
  decideAct,
  decideBid,
  factsForBidder,
  findTemplate,
  restrictedCompaniesByGroup,
  toPublishable,
  uncoveredForBidder,
  uncoveredParticipants,
  validateRuleParameters,
  type ActFacts,
  type ProcurementCategory,
  type ProcurementRole,
  type RuleConfig,
} from './rules/index.ts'

/** Stored with every check, so a replay knows which rules answered. */
export const ENGINE_VERSION = 'bid-restrictions/rules v1'

/** Rules may be attached only where their template says, with parameters within the documented bounds. */
function ruleProblems(rules: readonly RuleConfigInput[], attachesTo: 'appointment' | 'procurement' | 'contract', prefix: string): ErrorDetail[] {
  const place = attachesTo === 'appointment' ? '任用' : attachesTo === 'contract' ? '業務委託・派遣の契約' : '調達案件'
  const seen = new Set<string>()
  return rules.flatMap((rule, index): ErrorDetail[] => {
    const template = findTemplate(rule.templateId)
    const path = `${prefix}.${index}`
    if (!template) return [{ path: `${path}.templateId`, message: `規則テンプレート「${rule.templateId}」はありません。` }]
    const problems: ErrorDetail[] = []
    if (template.attachesTo !== attachesTo) {
      problems.push({
        path: `${path}.templateId`,
        message: `規則${rule.templateId}は${place}には設定できません（${template.attachesTo === 'contract' ? '業務委託・派遣の契約' : template.attachesTo === 'appointment' ? '任用' : '調達案件'}に設定する規則です）。`,
      })
    }
    if (seen.has(rule.templateId)) problems.push({ path: `${path}.templateId`, message: `規則${rule.templateId}が重複しています。` })
    seen.add(rule.templateId)
    for (const message of validateRuleParameters(rule.templateId, rule.params)) problems.push({ path: `${path}.params`, message })
    return problems
  })
}

// ——— procurements ———

async function procurementView(tx: Db, row: repository.ProcurementRow) {
  const participants = await repository.participantsOf(tx, [row.id])
  return {
    id: row.id,
    municipalityCode: row.municipality_code,
    title: row.title,
    categories: row.categories as ProcurementInput['categories'],
    publishedOn: row.published_on,
    bidsOn: row.bids_on,
    rules: repository.parseJson(row.rules) as RuleConfig[],
    participants: participants.map((participant) => ({ appointmentId: participant.appointment_id, role: participant.role })),
    specDrafterCorporateNumbers: row.spec_drafter_corporate_numbers,
    noAdvantageCorporateNumbers: row.no_advantage_corporate_numbers,
    pmoVendorCorporateNumbers: row.pmo_vendor_corporate_numbers,
    expectedBidderCorporateNumbers: row.expected_bidder_corporate_numbers,
    counterpartyCorporateNumbers: row.counterparty_corporate_numbers,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  }
}

async function checkProcurementInput(tx: Db, actor: Municipal, input: ProcurementInput): Promise<void> {
  const problems = ruleProblems(input.rules, 'procurement', 'rules')
  if (input.participants.length > 0) {
    const own = new Set((await appointmentsFor(tx, { municipalityCode: actor.localGovernmentCode })).map((appointment) => appointment.id))
    input.participants.forEach((participant, index) => {
      if (!own.has(participant.appointmentId)) problems.push({ path: `participants.${index}.appointmentId`, message: 'この団体の任用ではありません。' })
    })
  }
  input.noAdvantageCorporateNumbers.forEach((number, index) => {
    if (!input.specDrafterCorporateNumbers.includes(number)) {
      problems.push({ path: `noAdvantageCorporateNumbers.${index}`, message: '仕様書作成に関与した事業者として登録した法人だけを指定できます。' })
    }
  })
  if (problems.length > 0) throw invalid('調達案件の入力内容に誤りがあります。', problems)
}

const unique = (values: readonly string[]) => [...new Set(values)]

function procurementValues(input: ProcurementInput): repository.ProcurementValues {
  return {
    title: input.title,
    categories: unique(input.categories),
    publishedOn: input.publishedOn,
    bidsOn: input.bidsOn,
    rules: input.rules.map((rule) => ({ templateId: rule.templateId, params: rule.params })),
    specDrafterCorporateNumbers: unique(input.specDrafterCorporateNumbers),
    noAdvantageCorporateNumbers: unique(input.noAdvantageCorporateNumbers),
    pmoVendorCorporateNumbers: unique(input.pmoVendorCorporateNumbers),
    expectedBidderCorporateNumbers: unique(input.expectedBidderCorporateNumbers),
    counterpartyCorporateNumbers: unique(input.counterpartyCorporateNumbers),
  }
}

export function createProcurement(deps: BidRestrictionDeps, actor: Actor, input: ProcurementInput, request: RequestInfo) {
  const staff = municipal(actor)
  return deps.db.transaction().execute(async (tx) => {
    await checkProcurementInput(tx, staff, input)
    const row = await repository.insertProcurement(tx, staff.localGovernmentCode, staff.userId, procurementValues(input))
    await repository.replaceParticipants(tx, row.id, input.participants)
    await recordAudit(tx, { actor, action: 'procurement.created', targetType: 'procurement', targetId: row.id, request, details: { title: row.title } })
    return procurementView(tx, row)
  })
}

export function updateProcurement(deps: BidRestrictionDeps, actor: Actor, id: string, input: ProcurementInput, request: RequestInfo) {
  const staff = municipal(actor)
  return deps.db.transaction().execute(async (tx) => {
    await ownProcurement(tx, staff, id)
    await checkProcurementInput(tx, staff, input)
    const row = await repository.updateProcurement(tx, id, staff.localGovernmentCode, procurementValues(input))
    if (!row) throw notFound(PROCUREMENT_NOT_FOUND)
    await repository.replaceParticipants(tx, id, input.participants)
    await recordAudit(tx, { actor, action: 'procurement.updated', targetType: 'procurement', targetId: id, request })
    return procurementView(tx, row)
  })
}

export async function getProcurement(deps: BidRestrictionDeps, actor: Actor, id: string) {
  const row = await ownProcurement(deps.db, municipal(actor), id)
  return procurementView(deps.db, row)
}

export async function listProcurements(deps: BidRestrictionDeps, actor: Actor, page: { limit: number; offset: number }) {
  const staff = municipal(actor)
  const { rows, total } = await repository.listProcurements(deps.db, staff.localGovernmentCode, page)
  const items = []
  for (const row of rows) items.push(await procurementView(deps.db, row))
  return { items, total, ...page }
}

// ——— contracts (業務委託・派遣・地域活性化起業人; rules A1, A2) ———

const CONTRACT_NOT_FOUND = '指定された契約は見つかりません。'

function contractView(row: repository.ContractRow, names: Record<string, string>) {
  return {
    id: row.id,
    municipalityCode: row.municipality_code,
    title: row.title,
    kind: row.kind,
    corporateNumber: row.corporate_number,
    companyName: names[row.corporate_number] ?? null,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    rules: repository.parseJson(row.rule_set) as RuleConfig[],
    appointmentId: row.appointment_id,
    createdAt: new Date(row.created_at).toISOString(),
  }
}

async function checkContractInput(tx: Db, actor: Municipal, input: ContractInput): Promise<void> {
  const problems = ruleProblems(input.rules, 'contract', 'rules')
  if (!(await findCompany(tx, input.corporateNumber))) {
    problems.push({ path: 'corporateNumber', message: 'この法人番号の法人は登録されていません。先に法人を登録してください。' })
  }
  if (input.appointmentId !== null) {
    const own = (await appointmentsFor(tx, { municipalityCode: actor.localGovernmentCode })).some((appointment) => appointment.id === input.appointmentId)
    if (!own) problems.push({ path: 'appointmentId', message: 'この団体の任用ではありません。' })
  }
  if (problems.length > 0) throw invalid('契約の入力内容に誤りがあります。規則はA1・A2を規定の範囲内のパラメータで指定してください。', problems)
}

export function createContract(deps: BidRestrictionDeps, actor: Actor, input: ContractInput, request: RequestInfo) {
  const staff = municipal(actor)
  return deps.db.transaction().execute(async (tx) => {
    await checkContractInput(tx, staff, input)
    const rules = input.rules.map((rule) => ({ templateId: rule.templateId, params: rule.params }))
    const row = await repository.insertContract(tx, staff.localGovernmentCode, staff.userId, {
      title: input.title,
      kind: input.kind,
      corporateNumber: input.corporateNumber,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      rules,
      appointmentId: input.appointmentId,
    })
    await recordAudit(tx, {
      actor,
      action: 'service_contract.created',
      targetType: 'service_contract',
      targetId: row.id,
      request,
      details: { title: row.title, kind: row.kind, corporateNumber: row.corporate_number, rules },
    })
    return contractView(row, await companyNames(tx, [row.corporate_number]))
  })
}

export async function getContract(deps: BidRestrictionDeps, actor: Actor, id: string) {
  const row = await repository.findContract(deps.db, id, municipal(actor).localGovernmentCode)
  if (!row) throw notFound(CONTRACT_NOT_FOUND)
  return contractView(row, await companyNames(deps.db, [row.corporate_number]))
}

export async function listContracts(deps: BidRestrictionDeps, actor: Actor, page: { limit: number; offset: number }) {
  const staff = municipal(actor)
  const { rows, total } = await repository.listContracts(deps.db, staff.localGovernmentCode, page)
  const names = await companyNames(
    deps.db,
    rows.map((row) => row.corporate_number),
  )
  return { items: rows.map((row) => contractView(row, names)), total, ...page }
}

// ——— rule sets ———

function ruleSetView(appointmentId: string, set: { source: 'posting' | 'municipality' | 'none'; rules: RuleConfig[]; updatedAt: Date | null }) {
  return {
    appointmentId,
    source: set.source,
    rules: set.rules.map((rule) => ({ templateId: rule.templateId, params: { ...rule.params } })),
    updatedAt: set.updatedAt ? new Date(set.updatedAt).toISOString() : null,
  }
}

export async function getRuleSet(deps: BidRestrictionDeps, actor: Actor, appointmentId: string) {
  const staff = municipal(actor)
  const appointment = await ownAppointment(deps.db, staff, appointmentId)
  const set = (await effectiveRuleSets(deps.db, [appointment])).get(appointment.id)!
  return ruleSetView(appointment.id, set)
}

export function putRuleSet(deps: BidRestrictionDeps, actor: Actor, appointmentId: string, rules: RuleConfigInput[], request: RequestInfo) {
  const staff = municipal(actor)
  return deps.db.transaction().execute(async (tx) => {
    const appointment = await ownAppointment(tx, staff, appointmentId)
    const problems = ruleProblems(rules, 'appointment', 'rules')
    if (problems.length > 0) throw invalid('規則セットに誤りがあります。パラメータは規定の範囲内で指定してください。', problems)
    const stored = rules.map((rule) => ({ templateId: rule.templateId, params: rule.params }))
    const saved = await repository.saveRuleSet(tx, appointment.id, staff.localGovernmentCode, stored, staff.userId)
    await recordAudit(tx, {
      actor,
      action: 'bid_restriction_rule_set.updated',
      targetType: 'appointment',
      targetId: appointment.id,
      request,
      details: { rules: stored },
    })
    return ruleSetView(appointment.id, { source: 'municipality', rules: stored, updatedAt: saved.updated_at })
  })
}

// ——— checks ———

function checkLog(actor: Actor) {
  return { actorUserId: 'userId' in actor ? actor.userId : null, actorKind: actor.kind, engineVersion: ENGINE_VERSION }
}

/**
 * 入札制限の判定: one finding per applicable rule; written to bid_check with the facts it used. No transaction: the
 * facts are two reads run side by side and the log is one INSERT, so there is nothing to make atomic, and BEGIN,
 * COMMIT and waiting for one read after the other were a third of the time of a check.
 */
export async function checkBid(deps: BidRestrictionDeps, actor: Actor, request: z.output<typeof BidCheckRequest>) {
  const staff = municipal(actor)
  const asOf = asOfOf(deps, request.asOf)
  const procurement = { id: request.procurementId, municipalityCode: staff.localGovernmentCode }
  const loaded = await loadBidFacts(deps.db, procurement, request.bidderCorporateNumber, asOf, deps.otherAppointments)
  if (!loaded) throw notFound(PROCUREMENT_NOT_FOUND)
  const { facts, notes } = loaded
  // The full facts are logged; the engine is given the equivalent, smaller facts for this bidder.
  const decision = decideBid(factsForBidder(facts))
  const checkId = await repository.insertCheck(deps.db, {
    kind: 'bid',
    municipalityCode: staff.localGovernmentCode,
    procurementId: procurement.id,
    appointmentId: null,
    bidderCorporateNumber: request.bidderCorporateNumber,
    act: null,
    asOf,
    decision: decision.decision,
    facts,
    result: decision,
    ...checkLog(actor),
  })
  return {
    checkId,
    procurementId: procurement.id,
    bidderCorporateNumber: request.bidderCorporateNumber,
    bidderName: facts.companyNames?.[request.bidderCorporateNumber] ?? null,
    asOf,
    decision: decision.decision,
    findings: decision.findings,
    notes: [...decision.notes, ...notes, ...uncoveredForBidder(facts)],
  }
}

function actFactsOf(
  asOf: string,
  act: ActName,
  appointment: ActFacts['appointment'],
  procurement: repository.ProcurementRow,
  names: Record<string, string>,
): ActFacts {
  return {
    asOf,
    act,
    appointment,
    procurement: {
      id: procurement.id,
      municipalityCode: procurement.municipality_code,
      expectedBidderCorporateNumbers: procurement.expected_bidder_corporate_numbers,
      counterpartyCorporateNumbers: procurement.counterparty_corporate_numbers,
    },
    companyNames: names,
  }
}

/** 行為制限の判定 (C1, C2) for one appointee, act and procurement; logged like a bid check. */
export function checkAct(deps: BidRestrictionDeps, actor: Actor, request: z.output<typeof ActCheckRequest>) {
  const staff = municipal(actor)
  const asOf = asOfOf(deps, request.asOf)
  return deps.db.transaction().execute(async (tx) => {
    const procurement = await ownProcurement(tx, staff, request.procurementId)
    const view = await ownAppointment(tx, staff, request.appointmentId)
    const { appointments } = await engineAppointments(tx, [view], () => [])
    const appointment = appointments[0]!
    const names = await companyNames(tx, [
      ...appointment.employments.map((spell) => spell.corporateNumber),
      ...procurement.expected_bidder_corporate_numbers,
      ...procurement.counterparty_corporate_numbers,
    ])
    const facts = actFactsOf(asOf, request.act, appointment, procurement, names)
    const decision = decideAct(facts)
    const checkId = await repository.insertCheck(tx, {
      kind: 'act',
      municipalityCode: staff.localGovernmentCode,
      procurementId: procurement.id,
      appointmentId: view.id,
      bidderCorporateNumber: null,
      act: request.act,
      asOf,
      decision: decision.decision,
      facts,
      result: decision,
      ...checkLog(actor),
    })
    return { checkId, appointmentId: view.id, procurementId: procurement.id, act: request.act, asOf, ...decision }
  })
}

/** 入札制限対象企業の一覧 (full with reasons, or the publishable form); logged with its facts. */
export function restrictedSet(deps: BidRestrictionDeps, actor: Actor, procurementId: string, query: { asOf?: string | undefined; publishable: boolean }) {
  const staff = municipal(actor)
  const asOf = asOfOf(deps, query.asOf)
  return deps.db.transaction().execute(async (tx) => {
    const procurement = { id: procurementId, municipalityCode: staff.localGovernmentCode }
    const loaded = await loadRestrictedSetFacts(tx, procurement, asOf, deps.otherAppointments)
    if (!loaded) throw notFound(PROCUREMENT_NOT_FOUND)
    const { facts, notes } = loaded
    const set = restrictedCompaniesByGroup(facts)
    const checkId = await repository.insertCheck(tx, {
      kind: 'restricted_set',
      municipalityCode: staff.localGovernmentCode,
      procurementId: procurement.id,
      appointmentId: null,
      bidderCorporateNumber: null,
      act: null,
      asOf,
      decision: `${set.companies.length}`,
      facts,
      result: set,
      ...checkLog(actor),
    })
    if (query.publishable) {
      const publishable = toPublishable(set)
      return { checkId, procurementId: procurement.id, asOf, publishable: true, companies: publishable.companies, notes: [] }
    }
    return {
      checkId,
      procurementId: procurement.id,
      asOf,
      publishable: false,
      companies: set.companies,
      notes: [...set.notes, ...notes, ...uncoveredParticipants(facts)],
    }
  })
}

/** A logged check with the facts it used; municipal staff read their own, national staff any. */
export async function getCheck(deps: BidRestrictionDeps, actor: Actor, id: string) {
  const scope = actor.kind === 'municipality' ? actor.localGovernmentCode : actor.kind === 'national' ? null : undefined
  if (scope === undefined) throw new AppError('FORBIDDEN', 'この操作を行う権限がありません。')
  const row = await repository.findCheck(deps.db, id, scope)
  if (!row) throw notFound('指定された判定記録は見つかりません。')
  return {
    id: row.id,
    kind: row.kind,
    municipalityCode: row.municipality_code,
    procurementId: row.procurement_id,
    appointmentId: row.appointment_id,
    bidderCorporateNumber: row.bidder_corporate_number,
    act: row.act,
    asOf: row.as_of,
    decision: row.decision,
    facts: repository.parseJson(row.facts),
    result: repository.parseJson(row.result),
    engineVersion: row.engine_version,
    actorKind: row.actor_kind,
    actorUserId: row.actor_user_id,
    createdAt: new Date(row.created_at).toISOString(),
  }
}

const ALL_ROLES: ProcurementRole[] = ['advises', 'drafts_spec', 'evaluates', 'supervises']
const ACTS: ActName[] = ['draft_spec', 'select_vendor', 'evaluate', 'contract_handling', 'permit_handling']

/**
 * What this appointee restricts on `asOf`: the companies their rules reach (B1 on every procurement; B2 and D
 * assuming they take part in a procurement) and the acts they may not perform on the municipality's procurements.
 */
export async function appointmentRestrictions(deps: BidRestrictionDeps, actor: Actor, appointmentId: string, asOfInput: string | undefined) {
  const staff = municipal(actor)
  const asOf = asOfOf(deps, asOfInput)
  const tx = deps.db
  const view = await ownAppointment(tx, staff, appointmentId)
  const loaded = await engineAppointments(tx, [view], () => ALL_ROLES)
  const appointment = loaded.appointments[0]!
  const ruleSet = loaded.ruleSets.get(view.id)!
  const employers = appointment.employments.map((spell) => spell.corporateNumber)
  const neighbourhood = await companyNeighbourhood(tx, employers, asOf)
  const names = neighbourhood.names
  const set = restrictedCompaniesByGroup({
    asOf,
    procurement: {
      id: '任用者が関わる調達',
      municipalityCode: view.municipalityCode,
      categories: ['design_development', 'operation_maintenance', 'audit', 'equipment_software', 'other'],
      ruleSet: [],
      specDrafterCorporateNumbers: [],
      pmoVendorCorporateNumbers: [],
    },
    companyLinks: neighbourhood.links,
    appointments: [appointment],
    contracts: [],
    exemptions: [],
    companyNames: names,
  })
  const procurements = await repository.listProcurementIds(tx, staff.localGovernmentCode)
  const blockedActs = []
  for (const { id } of procurements.slice(-500)) {
    const procurement = (await repository.findProcurement(tx, id, staff.localGovernmentCode))!
    for (const act of ACTS) {
      const decision = decideAct(actFactsOf(asOf, act, appointment, procurement, names))
      if (decision.decision === 'blocked') blockedActs.push({ procurementId: id, procurementTitle: procurement.title, act, findings: decision.findings })
    }
  }
  const inTerm = asOf >= view.startsOn && asOf <= view.endsOn
  return {
    appointmentId: view.id,
    municipalityCode: view.municipalityCode,
    asOf,
    window: { from: view.startsOn, to: view.endsOn },
    inTerm,
    rules: ruleSet.rules.map((rule) => {
      const template = findTemplate(rule.templateId)!
      return { templateId: rule.templateId, name: template.name, source: template.source, params: { ...rule.params } }
    }),
    ruleSetSource: ruleSet.source,
    restrictedCompanies: set.companies.map((company) => ({ corporateNumber: company.corporateNumber, name: company.name, findings: company.findings })),
    blockedActs,
    hasPledge: loaded.pledges.has(view.id),
    notes: [
      ...(inTerm ? [] : [`判定日 ${asOf} は任用期間（${view.startsOn}〜${view.endsOn}）の外です。`]),
      ...(loaded.pledges.has(view.id) ? [] : ['この任用には誓約書が記録されていません。']),
      'B2・D は、任用者がその調達に助言・仕様書作成・審査・管理監督で関わる場合に適用されます（ここでは関わると仮定しています）。',
      ...(ruleSet.source === 'none' ? ['この任用には入札制限の規則セットが設定されていません（募集にも規定がありません）。'] : []),
      ...ruleSet.notes,
    ],
  }
}

// ——— reads for other modules ———

/** A procurement of a municipality still open on the given period, with the companies expected to bid. */
export interface OpenProcurement {
  id: string
  municipalityCode: string
  title: string
  categories: ProcurementCategory[]
  expectedBidderCorporateNumbers: string[]
}

/** The municipality's procurements still open during [from, to] (bids not yet held), for conflict checks. */
export async function openProcurementsOf(tx: Db, municipalityCode: string, from: string, to: string): Promise<OpenProcurement[]> {
  const rows = await repository.openProcurementsOf(tx, municipalityCode, from, to)
  return rows.map((row) => ({
    id: row.id,
    municipalityCode: row.municipality_code,
    title: row.title,
    categories: row.categories as ProcurementCategory[],
    expectedBidderCorporateNumbers: row.expected_bidder_corporate_numbers,
  }))
}
