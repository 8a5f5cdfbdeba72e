/**
 * Use cases of sharing talent across municipalities (Issue 8). Each change runs in one transaction with its audit
 * event; the decisions (capacity, quota, workflow, conflicts) come from the pure rules.
 */
import type { z } from 'zod'
import type {
  Capacity,
  CreateDispatchRequestBody,
  CreateEngagementBody,
  CreatePoolBody,
  CreateSharedAppointmentBody,
  CreateTalentBody,
  DispatchRequest,
  DispatchTransitionBody,
  Engagement,
  EngagementTransitionBody,
  Listing,
  OptInBody,
  PersonRule,
  Pool,
  PoolCard,
  SharedAppointment,
  Talent,
  TalentEmployment,
} from '#shared/contracts/sharing'
import { fiscalYearOf, type IsoDate, todayInJapan } from '#shared/domain/dates'
import { escapeLike, normalizeForSearch } from '#shared/domain/search-text'
import {
  checkCapacity,
  type Commitment,
  DEFAULT_DISPATCH_QUOTA,
  decideDispatchQuota,
  dispatchStatesCountedOnApproval,
  dispatchStatesCountedOnRequest,
  jointShareAllocation,
  jointShareProblems,
  nextDispatchState,
  nextEngagementState,
  type PoolCardField,
  poolRelation,
  type PoolViewer,
  prefectureLocalGovernmentCode,
  serviceShareProblems,
  viewerCode,
  visibleCard,
  weeklyLoads,
  weekStartOf,
  perMonthToPerWeek,
} from '#shared/domain/sharing/index'
import { postingRoleLabels, type PostingRoleId } from '#shared/domain/postings/form'
import type { Clock } from '../../app.ts'
import type { Db } from '../../db/database.ts'
import type { Actor } from '../../http/actor.ts'
import { AppError, notFound } from '../../http/errors.ts'
import { accountEmail, staffEmails, type StaffAudience } from '../accounts/index.ts'
import { appointmentsFor } from '../applications/index.ts'
import { recordAudit } from '../audit/index.ts'
import { enqueueMail } from '../mail/index.ts'
import { scoreCandidatesForPosting } from '../matching/index.ts'
import { type Appointment, type CompanyLink, type Employment, type RuleConfig, validateRuleParameters } from '../bid-restrictions/rules/index.ts'
import * as candidates from '../candidates/index.ts'
import {
  dispatchDecidedNotice,
  dispatchRequestedNotice,
  engagementDecidedNotice,
  engagementOfferedNotice,
  engagementRequestedNotice,
  type Notice,
} from './mails.ts'
import * as repository from './repository.ts'
import { type AdvisedProcurement, decideServiceConflict } from './rules.ts'

/**
 * Where the conflict check reads the serving municipality's rule set and the procurements a person would advise
 * on. The bid-restrictions module will provide these; until then nothing is known and every check is clear.
 */
export interface ConflictSource {
  ruleSetFor(tx: Db, municipalityCode: string): Promise<RuleConfig[]>
  procurementsFor(tx: Db, municipalityCode: string, from: IsoDate, to: IsoDate): Promise<AdvisedProcurement[]>
  companyLinksFor(tx: Db, corporateNumbers: readonly string[]): Promise<CompanyLink[]>
}

export const NO_CONFLICT_SOURCE: ConflictSource = {
  ruleSetFor: async () => [],
  procurementsFor: async () => [],
  companyLinksFor: async () => [],
}

export interface SharingDeps {
  db: Db
  clock: Clock
  conflicts?: ConflictSource
  /** PUBLIC_URL, for links in notices. */
  publicUrl?: string
  /** Starts delivery after a commit that queued mail (else the retry timer sends it). */
  kickMail?: () => void
}

type RequestInfo = { ip: string; id: string }

const POOL_NOT_FOUND = '指定された人材バンクが見つかりません。'
const ENGAGEMENT_NOT_FOUND = '指定された依頼が見つかりません。'
const DISPATCH_NOT_FOUND = '指定された派遣の申請が見つかりません。'
const APPOINTMENT_NOT_FOUND = '指定された共有任用・共同任用が見つかりません。'
const TALENT_NOT_FOUND = '指定された人材が見つかりません。'

export const CONVERSION_NOTE =
  '週は月曜〜日曜。月あたり日数は1か月を4週として週あたりに換算（月4日＝週1日）。合計日数（人材バンクの依頼・派遣）は期間の日数に均等に割り振り、各週にはその週に含まれる日の分だけ数えます。'

function iso(value: Date | string | null): string | null {
  return value === null ? null : new Date(value).toISOString()
}

function json<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T
}

function forbidden(): AppError {
  return new AppError('FORBIDDEN', 'この操作を行う権限がありません。')
}

/** A prefecture or municipality acting on pools and appointments, by the 団体コード it acts as. */
function viewerOf(actor: Actor): PoolViewer | null {
  if (actor.kind === 'prefecture') return { kind: 'prefecture', prefectureCode: actor.prefectureCode }
  if (actor.kind === 'municipality') return { kind: 'municipality', localGovernmentCode: actor.localGovernmentCode }
  return null
}

function requireViewer(actor: Actor): PoolViewer {
  const viewer = viewerOf(actor)
  if (!viewer) throw forbidden()
  return viewer
}

function names(map: Map<string, repository.LocalGovernmentRef>, code: string) {
  return { code, name: map.get(code)?.name ?? code }
}

// ── notices ────────────────────────────────────────────────────────────────────────────────────────────────────

/** Queues the notice to every confirmed staff address of the audience (accounts module); returns how many. */
async function noticeToStaff(tx: Db, audience: StaffAudience, notice: Notice): Promise<number> {
  const addresses = await staffEmails(tx, audience)
  for (const to of addresses) await enqueueMail(tx, { to, ...notice })
  return addresses.length
}

/** The staff who run a pool: the prefecture's, or the lead city's. */
function operatorAudience(pool: repository.PoolRow): StaffAudience {
  return pool.operator_kind === 'prefecture'
    ? { kind: 'prefecture', prefectureCode: pool.operator_code.slice(0, 2) }
    : { kind: 'municipality', localGovernmentCode: pool.operator_code }
}

/** Runs a use case and starts mail delivery once it has committed. */
async function thenKick<T>(deps: SharingDeps, work: Promise<T>): Promise<T> {
  const result = await work
  deps.kickMail?.()
  return result
}

// ── talents ────────────────────────────────────────────────────────────────────────────────────────────────────

function talentView(row: repository.TalentRow): Talent {
  return {
    id: row.id,
    displayName: row.display_name,
    availableDaysPerWeek: Number(row.available_days_per_week),
    source: row.candidate_account_id ? 'candidate' : 'prefecture',
    ownerPrefectureCode: row.owner_prefecture_code,
    employments: json<TalentEmployment[]>(row.employments),
    bidRules: json<PersonRule[]>(row.bid_rules),
  }
}

/** Refuses rule parameters outside the template's documented bounds (the engine would throw on them). */
function assertRules(rules: readonly PersonRule[], path: string): void {
  const details = rules.flatMap((rule, i) => validateRuleParameters(rule.templateId, rule.params).map((message) => ({ path: `${path}.${i}.params`, message })))
  if (details.length > 0) throw new AppError('SHARING_INVALID', '入札制限の規則のパラメータが正しくありません。', 400, details)
}

export async function createTalent(deps: SharingDeps, actor: Actor, info: RequestInfo, body: z.output<typeof CreateTalentBody>): Promise<Talent> {
  if (actor.kind !== 'prefecture') throw forbidden()
  assertRules(body.bidRules, 'bidRules')
  return deps.db.transaction().execute(async (tx) => {
    const row = await repository.insertTalent(tx, {
      displayName: body.displayName,
      availableDaysPerWeek: body.availableDaysPerWeek,
      ownerPrefectureCode: actor.prefectureCode,
      candidateAccountId: null,
      employments: body.employments,
      bidRules: body.bidRules,
    })
    await recordAudit(tx, { actor, action: 'sharing_talent.registered', targetType: 'sharing_talent', targetId: row.id, request: info })
    return talentView(row)
  })
}

export async function listTalents(deps: SharingDeps, actor: Actor): Promise<{ items: Talent[] }> {
  const viewer = requireViewer(actor)
  const rows = await repository.talentsForOperator(deps.db, viewerCode(viewer), viewer.kind === 'prefecture' ? viewer.prefectureCode : null)
  return { items: rows.map(talentView) }
}

/** A talent the actor may place or look at as an operator; 404 otherwise. */
async function talentForOperator(tx: Db, actor: Actor, talentId: string): Promise<repository.TalentRow> {
  const viewer = requireViewer(actor)
  const rows = await repository.talentsForOperator(tx, viewerCode(viewer), viewer.kind === 'prefecture' ? viewer.prefectureCode : null)
  const row = rows.find((r) => r.id === talentId)
  if (!row) throw notFound(TALENT_NOT_FOUND)
  return row
}

// ── commitments and capacity ──────────────────────────────────────────────────────────────────────────────────

/** Every commitment of a person across all municipalities, labelled with the municipality it serves. */
export async function commitmentsOf(tx: Db, talentId: string): Promise<Commitment[]> {
  const rows = await repository.commitmentRowsOf(tx, talentId)
  const appointments = await municipalAppointmentsOf(tx, talentId)
  const codes = [
    ...rows.engagements.map((e) => e.requester_code),
    ...[...rows.shares.values()].flat().map((s) => s.local_government_code),
    ...rows.dispatches.map((d) => d.local_government_code),
    ...appointments.map((a) => a.municipalityCode),
  ]
  const lg = await repository.localGovernments(tx, codes)
  const name = (code: string) => lg.get(code)?.name ?? code
  const commitments: Commitment[] = []
  for (const e of rows.engagements) {
    commitments.push({
      id: e.id,
      kind: 'engagement',
      label: `人材バンクの依頼「${e.topic}」（${name(e.requester_code)}）`,
      localGovernmentCode: e.requester_code,
      startsOn: e.starts_on,
      endsOn: e.ends_on,
      allocation: { unit: 'total', days: Number(e.terms_days ?? e.expected_days) },
    })
  }
  for (const a of rows.appointments) {
    for (const share of rows.shares.get(a.id) ?? []) commitments.push(shareCommitment(a, share, name(share.local_government_code)))
  }
  for (const a of appointments) {
    // 任用 without recorded working days (made before they were recorded) cannot be counted.
    if (a.workDays === null || a.workDaysPer === null) continue
    const role = postingRoleLabels[a.roleId as PostingRoleId] ?? a.roleId
    commitments.push({
      id: `appointment:${a.id}`,
      kind: 'appointment',
      label: `任用「${role}」（${name(a.municipalityCode)}）`,
      localGovernmentCode: a.municipalityCode,
      startsOn: a.startsOn,
      endsOn: a.endsOn,
      allocation: a.workDaysPer === 'week' ? { unit: 'per_week', days: a.workDays } : { unit: 'per_month', days: a.workDays },
    })
  }
  for (const d of rows.dispatches) {
    const on = d.scheduled_on!
    commitments.push({
      id: d.id,
      kind: 'dispatch',
      label: `派遣「${d.menu_title}」（${name(d.local_government_code)}）`,
      localGovernmentCode: d.local_government_code,
      startsOn: on,
      endsOn: on,
      allocation: { unit: 'total', days: d.outcome_days === null ? 1 : Number(d.outcome_days) },
    })
  }
  return commitments
}

/**
 * 任用 the person holds directly with municipalities (applications module), when the talent is a candidate who
 * signed up; experts registered by a prefecture have no candidate record, so none are known for them.
 */
async function municipalAppointmentsOf(tx: Db, talentId: string) {
  const talent = await repository.findTalent(tx, talentId)
  if (!talent?.candidate_account_id) return []
  const candidateId = (await candidates.candidateIdsOfAccounts(tx, [talent.candidate_account_id])).get(talent.candidate_account_id)
  return candidateId ? appointmentsFor(tx, { candidateId }) : []
}

function shareCommitment(a: repository.SharedAppointmentRow, share: repository.ShareRow, municipalityName: string): Commitment {
  const joint = a.kind === 'joint'
  return {
    id: `${a.id}:${share.local_government_code}`,
    kind: joint ? 'joint_appointment' : 'shared_appointment',
    label: `${joint ? '共同任用' : '共有任用'}「${a.title}」（${municipalityName}）`,
    localGovernmentCode: share.local_government_code,
    startsOn: a.starts_on,
    endsOn: a.ends_on,
    allocation: joint
      ? jointShareAllocation(Number(a.days_per_week), Number(share.time_percent))
      : { unit: 'per_month', days: Number(share.days_per_month) },
  }
}

/** Refuses (409 CAPACITY_EXCEEDED) a commitment that does not fit the person's declared days in some week. */
async function assertCapacity(tx: Db, talent: repository.TalentRow, proposed: Commitment[], ignoreId?: string): Promise<void> {
  const existing = (await commitmentsOf(tx, talent.id)).filter((c) => c.id !== ignoreId && !c.id.startsWith(`${ignoreId}:`))
  const accepted = [...existing]
  for (const commitment of proposed) {
    const decision = checkCapacity({ availableDaysPerWeek: Number(talent.available_days_per_week), existing: accepted, proposed: commitment })
    if (decision.decision === 'over_allocated') {
      throw new AppError('CAPACITY_EXCEEDED', `${talent.display_name}さん: ${decision.message}`, 409)
    }
    accepted.push(commitment)
  }
}

async function capacityOf(tx: Db, talent: repository.TalentRow, from: IsoDate, to: IsoDate): Promise<Capacity> {
  const commitments = await commitmentsOf(tx, talent.id)
  const available = Number(talent.available_days_per_week)
  const weeks = weeklyLoads(commitments, from, to).map((week) => ({
    ...week,
    availableDays: available,
    isOver: week.allocatedDays > available + 1e-9,
  }))
  return {
    talent: talentView(talent),
    commitments: commitments.filter((c) => c.startsOn <= to && (c.endsOn === null || c.endsOn >= weekStartOf(from))),
    weeks,
    conversionNote: CONVERSION_NOTE,
  }
}

export async function talentCapacity(deps: SharingDeps, actor: Actor, talentId: string, from: IsoDate, to: IsoDate): Promise<Capacity> {
  const talent = await talentForOperator(deps.db, actor, talentId)
  return capacityOf(deps.db, talent, from, to)
}

export async function myCapacity(deps: SharingDeps, actor: Actor, from: IsoDate, to: IsoDate): Promise<Capacity> {
  if (actor.kind !== 'candidate') throw forbidden()
  const talent = await repository.findTalentOfAccount(deps.db, actor.userId)
  if (!talent) throw notFound('人材バンクに登録していないため、稼働の記録はありません。')
  return capacityOf(deps.db, talent, from, to)
}

// ── conflicts ──────────────────────────────────────────────────────────────────────────────────────────────────

/** Runs the conflict check; blocking findings refuse (409), warnings come back to be stored on the record. */
async function conflictWarnings(
  deps: SharingDeps,
  tx: Db,
  talent: repository.TalentRow,
  municipalityCode: string,
  startsOn: IsoDate,
  endsOn: IsoDate,
): Promise<string[]> {
  const source = deps.conflicts ?? NO_CONFLICT_SOURCE
  const procurements = await source.procurementsFor(tx, municipalityCode, startsOn, endsOn)
  if (procurements.length === 0) return []
  const employments = await employmentsOf(tx, talent)
  const decision = decideServiceConflict({
    asOf: todayInJapan(deps.clock()),
    municipalityCode,
    startsOn,
    endsOn,
    employments,
    ruleSet: mergeRules([...(await personRulesOf(tx, talent)), ...(await source.ruleSetFor(tx, municipalityCode))]),
    procurements,
    companyLinks: await source.companyLinksFor(tx, [...employments.map((e) => e.corporateNumber), ...procurements.flatMap((p) => p.expectedBidderCorporateNumbers)]),
  })
  if (decision.decision === 'blocked') {
    const reasons = decision.findings.filter((f) => f.decision === 'blocked').map((f) => f.reason)
    throw new AppError('SHARING_CONFLICT_OF_INTEREST', `利益相反のおそれがあるため、この手続はできません。${reasons.join(' ')}`, 409)
  }
  return decision.findings.map((f) => f.reason)
}

/** Employers of a person: those recorded with the talent, and a candidate's own employment history. */
async function employmentsOf(tx: Db, talent: repository.TalentRow): Promise<Employment[]> {
  const own = json<Employment[]>(talent.employments)
  if (!talent.candidate_account_id) return own
  const history = await candidates.employmentHistory(tx, await candidates.candidateIdForAccount(tx, talent.candidate_account_id))
  return [...own, ...history]
}

/** The person's restrictions: their own rules and those of every shared or joint appointment they hold. */
async function personRulesOf(tx: Db, talent: repository.TalentRow): Promise<RuleConfig[]> {
  return [json<RuleConfig[]>(talent.bid_rules), ...(await repository.appointmentRulesOf(tx, talent.id)).map((r) => json<RuleConfig[]>(r))].flat()
}

/** One rule per template (the first given wins), so a rule held twice is applied once. */
function mergeRules(rules: readonly RuleConfig[]): RuleConfig[] {
  const seen = new Set<string>()
  return rules.filter((rule) => (seen.has(rule.templateId) ? false : (seen.add(rule.templateId), true)))
}

/**
 * For the 入札制限 engine: every person serving the municipality on the day through sharing (shared or joint
 * appointment, agreed pool engagement, dispatch), as an engine Appointment carrying the person's restrictions, so a
 * shared person's rules hold at every municipality they serve (004 §4.4(9) with 参考4.4-⑦).
 */
export async function sharingAppointmentsFor(tx: Db, filter: { municipalityCode: string; activeOn: IsoDate }): Promise<Appointment[]> {
  const rows = await repository.servingRowsOn(tx, filter.municipalityCode, filter.activeOn)
  const entries = [
    ...rows.shares.map((r) => ({ id: r.id, talentId: r.talent_id, startsOn: r.starts_on, endsOn: r.ends_on as IsoDate | null, rules: json<RuleConfig[]>(r.bid_rules) })),
    ...rows.engagements.map((r) => ({ id: r.id, talentId: r.talent_id, startsOn: r.starts_on, endsOn: r.ends_on as IsoDate | null, rules: [] as RuleConfig[] })),
    ...rows.dispatches.map((r) => ({ id: r.id, talentId: r.talent_id, startsOn: r.scheduled_on!, endsOn: r.scheduled_on, rules: [] as RuleConfig[] })),
  ]
  const appointments: Appointment[] = []
  for (const entry of entries) {
    const talent = await repository.findTalent(tx, entry.talentId)
    if (!talent) continue
    appointments.push({
      appointmentId: `sharing:${entry.id}`,
      municipalityCode: filter.municipalityCode,
      startsOn: entry.startsOn,
      endsOn: entry.endsOn,
      ruleSet: mergeRules([...entry.rules, ...(await personRulesOf(tx, talent))]),
      employments: await employmentsOf(tx, talent),
      roleOnProcurement: ['advises'],
    })
  }
  return appointments
}

// ── pools ──────────────────────────────────────────────────────────────────────────────────────────────────────

async function poolViews(tx: Db, rows: repository.PoolRow[], actor: Actor): Promise<Pool[]> {
  const ids = rows.map((r) => r.id)
  const members = await repository.poolMembers(tx, ids)
  const counts = await repository.listingCounts(tx, ids)
  const lg = await repository.localGovernments(tx, [...rows.map((r) => r.operator_code), ...[...members.values()].flat()])
  const viewer = viewerOf(actor)
  let myListings = new Map<string, repository.ListingRow>()
  if (actor.kind === 'candidate') {
    const talent = await repository.findTalentOfAccount(tx, actor.userId)
    if (talent) myListings = new Map((await repository.listingsOfTalent(tx, talent.id)).map((l) => [l.pool_id, l]))
  }
  return rows.map((row) => {
    const memberCodes = members.get(row.id) ?? []
    const relation = viewer ? poolRelation(viewer, { operatorCode: row.operator_code, memberCodes }) : 'candidate'
    const mine = myListings.get(row.id)
    return {
      id: row.id,
      name: row.name,
      description: row.description,
      operator: names(lg, row.operator_code),
      operatorKind: row.operator_kind,
      members: memberCodes.map((code) => names(lg, code)),
      isOpen: row.is_open,
      relation: relation ?? 'candidate',
      listingCount: counts.get(row.id) ?? 0,
      myListing: mine
        ? { id: mine.id, card: json<PoolCard>(mine.card), visibleFields: mine.visible_fields as PoolCardField[], isListed: mine.is_listed }
        : null,
    }
  })
}

/** The pool as the actor may see it: operator or member (candidates: open pools); 404 for anyone else. */
async function visiblePool(tx: Db, actor: Actor, poolId: string): Promise<{ row: repository.PoolRow; relation: 'operator' | 'member' | 'candidate' }> {
  const row = await repository.findPool(tx, poolId)
  if (!row) throw notFound(POOL_NOT_FOUND)
  if (actor.kind === 'candidate') {
    if (!row.is_open) throw notFound(POOL_NOT_FOUND)
    return { row, relation: 'candidate' }
  }
  const viewer = viewerOf(actor)
  if (!viewer) throw notFound(POOL_NOT_FOUND)
  const members = (await repository.poolMembers(tx, [row.id])).get(row.id) ?? []
  const relation = poolRelation(viewer, { operatorCode: row.operator_code, memberCodes: members })
  if (!relation) throw notFound(POOL_NOT_FOUND)
  return { row, relation }
}

async function checkMembers(tx: Db, viewer: PoolViewer, codes: readonly string[]): Promise<void> {
  const lg = await repository.localGovernments(tx, codes)
  const details = codes.flatMap((code, i) => {
    const found = lg.get(code)
    if (!found) return [{ path: `memberCodes.${i}`, message: `団体コード ${code} の団体が見つかりません。` }]
    if (found.kind === 'prefecture') return [{ path: `memberCodes.${i}`, message: `${found.name}は都道府県のため、構成団体にできません。` }]
    if (viewer.kind === 'prefecture' && found.prefectureCode !== viewer.prefectureCode) {
      return [{ path: `memberCodes.${i}`, message: `${found.name}は自県の市区町村ではありません。` }]
    }
    return []
  })
  if (details.length > 0) throw new AppError('SHARING_INVALID', '構成団体に指定できない団体があります。', 400, details)
}

export async function listPools(deps: SharingDeps, actor: Actor): Promise<{ items: Pool[] }> {
  if (actor.kind === 'candidate') return { items: await poolViews(deps.db, await repository.openPools(deps.db), actor) }
  const viewer = requireViewer(actor)
  const rows = await repository.poolsOfCode(deps.db, viewerCode(viewer), viewer.kind === 'municipality')
  return { items: await poolViews(deps.db, rows, actor) }
}

export async function getPool(deps: SharingDeps, actor: Actor, poolId: string): Promise<Pool> {
  const { row } = await visiblePool(deps.db, actor, poolId)
  return (await poolViews(deps.db, [row], actor))[0]!
}

/** 人材バンクの開設: a prefecture runs it for its municipalities; a municipality runs it as a 連携中枢都市. */
export async function createPool(deps: SharingDeps, actor: Actor, info: RequestInfo, body: z.output<typeof CreatePoolBody>): Promise<Pool> {
  const viewer = requireViewer(actor)
  return deps.db.transaction().execute(async (tx) => {
    await checkMembers(tx, viewer, body.memberCodes)
    const operatorCode = viewerCode(viewer)
    const row = await repository.insertPool(tx, {
      name: body.name,
      description: body.description,
      operatorCode,
      operatorKind: viewer.kind === 'prefecture' ? 'prefecture' : 'lead_city',
      createdBy: 'userId' in actor ? actor.userId : '',
    })
    // A lead city is always a member of its own pool (it draws on the bank too).
    const members = viewer.kind === 'municipality' ? [operatorCode, ...body.memberCodes] : body.memberCodes
    await repository.replacePoolMembers(tx, row.id, members)
    await recordAudit(tx, { actor, action: 'talent_pool.created', targetType: 'talent_pool', targetId: row.id, request: info, details: { members } })
    return (await poolViews(tx, [row], actor))[0]!
  })
}

export async function updatePoolMembers(deps: SharingDeps, actor: Actor, info: RequestInfo, poolId: string, memberCodes: string[]): Promise<Pool> {
  const viewer = requireViewer(actor)
  return deps.db.transaction().execute(async (tx) => {
    const { row, relation } = await visiblePool(tx, actor, poolId)
    if (relation !== 'operator') throw forbidden()
    await checkMembers(tx, viewer, memberCodes)
    const members = viewer.kind === 'municipality' ? [row.operator_code, ...memberCodes] : memberCodes
    await repository.replacePoolMembers(tx, row.id, members)
    await recordAudit(tx, { actor, action: 'talent_pool.members_changed', targetType: 'talent_pool', targetId: row.id, request: info, details: { members } })
    return (await poolViews(tx, [row], actor))[0]!
  })
}

function listingView(row: repository.ListingRow, matchScore: number | null = null): Listing {
  const card = json<PoolCard>(row.card)
  return {
    id: row.id,
    poolId: row.pool_id,
    talentId: row.talent_id,
    card: visibleCard(card, row.visible_fields as PoolCardField[]),
    matchScore,
  }
}

/**
 * 登録者の閲覧. With `postingId` (one of the staff member's own postings; another tenant's answers 404), each listed
 * person who signed up as a candidate gets the matching module's score for that posting, under matching's consent
 * rules (applied to it, national list, or the posting's prefecture pool); anyone else keeps `matchScore: null`.
 */
export async function listListings(
  deps: SharingDeps,
  actor: Actor,
  poolId: string,
  query: { q?: string | undefined; role?: string | undefined; postingId?: string | undefined },
) {
  return deps.db.transaction().execute(async (tx) => {
    const { relation } = await visiblePool(tx, actor, poolId)
    if (relation === 'candidate') throw notFound(POOL_NOT_FOUND)
    const needle = query.q ? escapeLike(normalizeForSearch(query.q)) : ''
    const rows = await repository.searchListings(tx, poolId, { ...(needle ? { needle } : {}), ...(query.role ? { role: query.role } : {}) })
    if (!query.postingId) return { items: rows.map((row) => listingView(row)) }
    const scores = await listingScores(tx, actor, query.postingId, rows)
    return { items: rows.map((row) => listingView(row, scores.get(row.talent_id) ?? null)) }
  })
}

/** talent id → score against the posting, for listed people who are candidates the posting may be matched with. */
async function listingScores(tx: Db, actor: Actor, postingId: string, rows: readonly repository.ListingRow[]): Promise<Map<string, number>> {
  const talents = new Map<string, string>() // account id → talent id
  for (const row of rows) {
    const talent = await repository.findTalent(tx, row.talent_id)
    if (talent?.candidate_account_id) talents.set(talent.candidate_account_id, talent.id)
  }
  const candidateIds = await candidates.candidateIdsOfAccounts(tx, [...talents.keys()])
  const scores = await scoreCandidatesForPosting(tx, actor, postingId, [...candidateIds.values()])
  const result = new Map<string, number>()
  for (const [accountId, candidateId] of candidateIds) {
    const scored = scores.get(candidateId)
    if (scored) result.set(talents.get(accountId)!, scored.score)
  }
  return result
}

/**
 * On a candidate's account deletion (candidates module, in its transaction): every talent-pool listing of the
 * person is withdrawn and emptied, so members no longer see or find them; engagement and appointment records stay.
 */
export async function withdrawAccountFromSharing(tx: Db, accountId: string, now: Date): Promise<void> {
  const talent = await repository.findTalentOfAccount(tx, accountId)
  if (talent) await repository.withdrawTalentListings(tx, talent.id, now)
}

/** Search text from the visible fields only, so a member can never find a person by a field they hid. */
function listingSearchText(card: PoolCard, visible: readonly PoolCardField[]): string {
  const shown = visibleCard(card, visible)
  const parts = [shown.displayName, shown.headline, shown.area, shown.career, ...(shown.skills ?? [])].filter((p): p is string => typeof p === 'string')
  return normalizeForSearch(parts.join(' '))
}

/** 人材バンクへの登録: the person writes a card, chooses the fields members see, and declares their days per week. */
export async function optIn(deps: SharingDeps, actor: Actor, info: RequestInfo, poolId: string, body: z.output<typeof OptInBody>): Promise<Pool> {
  if (actor.kind !== 'candidate') throw forbidden()
  return deps.db.transaction().execute(async (tx) => {
    const { row } = await visiblePool(tx, actor, poolId)
    const visible = [...new Set(body.visibleFields)]
    // Operators see the person by this name (capacity, appointments): only the name they chose to show.
    const displayName = (visible.includes('displayName') && body.card.displayName?.trim()) || body.card.headline?.trim() || '人材バンク登録者（氏名非公開）'
    let talent = await repository.findTalentOfAccount(tx, actor.userId)
    talent = talent
      ? await repository.updateTalentAvailability(tx, talent.id, displayName, body.availableDaysPerWeek, deps.clock())
      : await repository.insertTalent(tx, {
          displayName,
          availableDaysPerWeek: body.availableDaysPerWeek,
          ownerPrefectureCode: null,
          candidateAccountId: actor.userId,
          employments: [],
        })
    await repository.upsertListing(tx, {
      poolId: row.id,
      talentId: talent.id,
      card: body.card,
      visibleFields: visible,
      roleIds: visible.includes('roleIds') ? (body.card.roleIds ?? []) : [],
      searchText: listingSearchText(body.card, visible),
      isListed: true,
      now: deps.clock(),
    })
    await recordAudit(tx, { actor, action: 'talent_pool.opted_in', targetType: 'talent_pool', targetId: row.id, request: info, details: { visibleFields: visible } })
    return (await poolViews(tx, [row], actor))[0]!
  })
}

export async function optOut(deps: SharingDeps, actor: Actor, info: RequestInfo, poolId: string): Promise<Pool> {
  if (actor.kind !== 'candidate') throw forbidden()
  return deps.db.transaction().execute(async (tx) => {
    const { row } = await visiblePool(tx, actor, poolId)
    const talent = await repository.findTalentOfAccount(tx, actor.userId)
    const updated = talent && (await repository.setListingListed(tx, row.id, talent.id, false, deps.clock()))
    if (!updated) throw notFound('この人材バンクには登録していません。')
    await recordAudit(tx, { actor, action: 'talent_pool.opted_out', targetType: 'talent_pool', targetId: row.id, request: info })
    return (await poolViews(tx, [row], actor))[0]!
  })
}

// ── engagements ───────────────────────────────────────────────────────────────────────────────────────────────

async function engagementViews(tx: Db, rows: repository.EngagementRow[], actor: Actor): Promise<Engagement[]> {
  const lg = await repository.localGovernments(tx, rows.map((r) => r.requester_code))
  const pools = new Map<string, repository.PoolRow>()
  const listings = new Map<string, repository.ListingRow>()
  for (const row of rows) {
    if (!pools.has(row.pool_id)) {
      const pool = await repository.findPool(tx, row.pool_id)
      if (pool) pools.set(pool.id, pool)
    }
    if (!listings.has(row.listing_id)) {
      const listing = await repository.findListing(tx, row.listing_id)
      if (listing) listings.set(listing.id, listing)
    }
  }
  return rows.map((row) => {
    const listing = listings.get(row.listing_id)
    const card = listing ? visibleCard(json<PoolCard>(listing.card), listing.visible_fields as PoolCardField[]) : {}
    const label = actor.kind === 'candidate' ? '本人' : (card.displayName ?? card.headline ?? '登録者（氏名非公開）')
    return {
      id: row.id,
      poolId: row.pool_id,
      poolName: pools.get(row.pool_id)?.name ?? '',
      listingId: row.listing_id,
      talentId: row.talent_id,
      talentLabel: label,
      requester: names(lg, row.requester_code),
      topic: row.topic,
      detail: row.detail,
      expectedDays: Number(row.expected_days),
      startsOn: row.starts_on,
      endsOn: row.ends_on,
      state: row.state,
      terms:
        row.terms_days === null || row.terms_pay_yen === null || row.terms_payer === null
          ? null
          : { days: Number(row.terms_days), payYen: Number(row.terms_pay_yen), payer: row.terms_payer, ...(row.terms_note ? { note: row.terms_note } : {}) },
      decisionNote: row.decision_note,
      warnings: json<string[]>(row.warnings),
      createdAt: iso(row.created_at)!,
      agreedAt: iso(row.agreed_at),
    }
  })
}

/** How the actor relates to an engagement; 404 when not at all. */
async function engagementParty(tx: Db, actor: Actor, row: repository.EngagementRow): Promise<'member' | 'operator' | 'candidate'> {
  if (actor.kind === 'candidate') {
    const talent = await repository.findTalentOfAccount(tx, actor.userId)
    // The person sees a request once the operator has brokered it to them.
    if (talent && talent.id === row.talent_id && row.state !== 'requested' && row.state !== 'rejected') return 'candidate'
    throw notFound(ENGAGEMENT_NOT_FOUND)
  }
  const viewer = viewerOf(actor)
  if (!viewer) throw notFound(ENGAGEMENT_NOT_FOUND)
  const pool = await repository.findPool(tx, row.pool_id)
  if (pool && pool.operator_code === viewerCode(viewer)) return 'operator'
  if (viewer.kind === 'municipality' && row.requester_code === viewer.localGovernmentCode) return 'member'
  throw notFound(ENGAGEMENT_NOT_FOUND)
}

export async function requestEngagement(
  deps: SharingDeps,
  actor: Actor,
  info: RequestInfo,
  poolId: string,
  body: z.output<typeof CreateEngagementBody>,
): Promise<Engagement> {
  if (actor.kind !== 'municipality') throw forbidden()
  return thenKick(deps, deps.db.transaction().execute(async (tx) => {
    const { row: pool, relation } = await visiblePool(tx, actor, poolId)
    if (relation !== 'member' && relation !== 'operator') throw notFound(POOL_NOT_FOUND)
    const members = (await repository.poolMembers(tx, [pool.id])).get(pool.id) ?? []
    if (!members.includes(actor.localGovernmentCode)) throw new AppError('FORBIDDEN', '人材バンクの構成団体だけが依頼できます。')
    const listing = await repository.findListing(tx, body.listingId)
    if (!listing || listing.pool_id !== pool.id || !listing.is_listed) throw notFound('指定された登録者が見つかりません。')
    const row = await repository.insertEngagement(tx, {
      poolId: pool.id,
      listingId: listing.id,
      talentId: listing.talent_id,
      requesterCode: actor.localGovernmentCode,
      topic: body.topic,
      detail: body.detail,
      expectedDays: body.expectedDays,
      startsOn: body.startsOn,
      endsOn: body.endsOn,
      createdBy: actor.userId,
    })
    await recordAudit(tx, { actor, action: 'talent_engagement.requested', targetType: 'talent_engagement', targetId: row.id, request: info })
    const view = (await engagementViews(tx, [row], actor))[0]!
    // A lead city asking its own pool needs no notice to itself.
    if (pool.operator_code !== actor.localGovernmentCode) {
      await noticeToStaff(
        tx,
        operatorAudience(pool),
        engagementRequestedNotice(
          { poolName: pool.name, requesterName: view.requester.name, topic: row.topic, startsOn: row.starts_on, endsOn: row.ends_on, expectedDays: view.expectedDays },
          deps.publicUrl,
        ),
      )
    }
    return view
  }))
}

export async function listEngagements(deps: SharingDeps, actor: Actor): Promise<{ items: Engagement[] }> {
  let rows: repository.EngagementRow[]
  if (actor.kind === 'candidate') {
    const talent = await repository.findTalentOfAccount(deps.db, actor.userId)
    rows = talent ? (await repository.engagementsWhere(deps.db, { talentId: talent.id })).filter((r) => r.state !== 'requested' && r.state !== 'rejected') : []
  } else {
    const viewer = requireViewer(actor)
    const operated = await repository.poolsOfCode(deps.db, viewerCode(viewer), false)
    rows = await repository.engagementsWhere(deps.db, {
      poolIds: operated.map((p) => p.id),
      ...(viewer.kind === 'municipality' ? { requesterCode: viewer.localGovernmentCode } : {}),
    })
  }
  return { items: await engagementViews(deps.db, rows, actor) }
}

export async function getEngagement(deps: SharingDeps, actor: Actor, id: string): Promise<Engagement> {
  const row = await repository.findEngagement(deps.db, id)
  if (!row) throw notFound(ENGAGEMENT_NOT_FOUND)
  await engagementParty(deps.db, actor, row)
  return (await engagementViews(deps.db, [row], actor))[0]!
}

/** 依頼の手続: offer (operator, with terms; capacity and conflicts checked), reject, accept (checked again), decline, withdraw. */
export async function transitionEngagement(
  deps: SharingDeps,
  actor: Actor,
  info: RequestInfo,
  id: string,
  body: z.output<typeof EngagementTransitionBody>,
): Promise<Engagement> {
  return thenKick(deps, deps.db.transaction().execute(async (tx) => {
    const row = await repository.findEngagementForUpdate(tx, id)
    if (!row) throw notFound(ENGAGEMENT_NOT_FOUND)
    const party = await engagementParty(tx, actor, row)
    const next = nextEngagementState(row.state, body.action, party)
    if (!next.ok) {
      if (next.message === 'この操作を行う権限がありません。') throw forbidden()
      throw new AppError('SHARING_TRANSITION_NOT_ALLOWED', next.message, 409)
    }
    const now = deps.clock()
    let set: Parameters<typeof repository.updateEngagement>[2] = { state: next.to, updated_at: now }
    if (body.action === 'offer' || body.action === 'accept') {
      const talent = (await repository.findTalent(tx, row.talent_id))!
      const days = body.action === 'offer' ? body.terms.days : Number(row.terms_days)
      const lg = await repository.localGovernments(tx, [row.requester_code])
      await assertCapacity(tx, talent, [
        {
          id: row.id,
          kind: 'engagement',
          label: `人材バンクの依頼「${row.topic}」（${lg.get(row.requester_code)?.name ?? row.requester_code}）`,
          localGovernmentCode: row.requester_code,
          startsOn: row.starts_on,
          endsOn: row.ends_on,
          allocation: { unit: 'total', days },
        },
      ], row.id)
      const warnings = await conflictWarnings(deps, tx, talent, row.requester_code, row.starts_on, row.ends_on)
      set = { ...set, warnings: JSON.stringify(warnings) }
      if (body.action === 'offer') {
        set = { ...set, terms_days: body.terms.days, terms_pay_yen: body.terms.payYen, terms_payer: body.terms.payer, terms_note: body.terms.note ?? null }
      } else {
        set = { ...set, agreed_at: now }
      }
    } else if ('note' in body && body.note) {
      set = { ...set, decision_note: body.note }
    }
    const updated = await repository.updateEngagement(tx, row.id, set)
    await recordAudit(tx, {
      actor,
      action: `talent_engagement.${next.to}`,
      targetType: 'talent_engagement',
      targetId: row.id,
      request: info,
      localGovernmentCode: row.requester_code,
      details: body.action === 'offer' ? { terms: body.terms } : {},
    })
    const view = (await engagementViews(tx, [updated], actor))[0]!
    await noticeOfEngagementStep(deps, tx, updated, body)
    return view
  }))
}

/**
 * The notice a person would expect from an engagement step: the person asked when the operator brokers the request
 * to them; the requesting municipality when the operator declines it or the person accepts or declines.
 */
async function noticeOfEngagementStep(
  deps: SharingDeps,
  tx: Db,
  row: repository.EngagementRow,
  body: z.output<typeof EngagementTransitionBody>,
): Promise<void> {
  const note = 'note' in body && body.note ? body.note : null
  switch (body.action) {
    case 'offer': {
      const talent = await repository.findTalent(tx, row.talent_id)
      const to = talent?.candidate_account_id ? await accountEmail(tx, talent.candidate_account_id) : undefined
      if (!to) return // an expert registered by the prefecture is contacted by the operator directly
      const pool = await repository.findPool(tx, row.pool_id)
      const lg = await repository.localGovernments(tx, [row.requester_code])
      const notice = engagementOfferedNotice(
        {
          poolName: pool?.name ?? '',
          requesterName: lg.get(row.requester_code)?.name ?? row.requester_code,
          topic: row.topic,
          startsOn: row.starts_on,
          endsOn: row.ends_on,
          days: body.terms.days,
          payYen: body.terms.payYen,
        },
        deps.publicUrl,
      )
      await enqueueMail(tx, { to, ...notice })
      return
    }
    case 'reject':
    case 'accept':
    case 'decline': {
      const outcome = body.action === 'reject' ? 'rejected' : body.action === 'accept' ? 'agreed' : 'declined'
      await noticeToStaff(
        tx,
        { kind: 'municipality', localGovernmentCode: row.requester_code },
        engagementDecidedNotice({ topic: row.topic, outcome, note }, deps.publicUrl),
      )
      return
    }
    case 'withdraw':
      return
  }
}

// ── shared and joint appointments ─────────────────────────────────────────────────────────────────────────────

async function sharedAppointmentViews(tx: Db, rows: repository.SharedAppointmentRow[]): Promise<SharedAppointment[]> {
  const shares = await repository.sharesOf(tx, rows.map((r) => r.id))
  const lg = await repository.localGovernments(tx, [...rows.map((r) => r.operator_code), ...[...shares.values()].flat().map((s) => s.local_government_code)])
  const views: SharedAppointment[] = []
  for (const row of rows) {
    const talent = await repository.findTalent(tx, row.talent_id)
    views.push({
      id: row.id,
      kind: row.kind,
      operator: names(lg, row.operator_code),
      talentId: row.talent_id,
      talentName: talent?.display_name ?? '',
      title: row.title,
      roleId: row.role_id as SharedAppointment['roleId'],
      startsOn: row.starts_on,
      endsOn: row.ends_on,
      daysPerWeek: row.days_per_week === null ? null : Number(row.days_per_week),
      annualCostYen: row.annual_cost_yen === null ? null : Number(row.annual_cost_yen),
      bidRules: json<PersonRule[]>(row.bid_rules),
      shares: (shares.get(row.id) ?? []).map((s) => ({
        localGovernmentCode: s.local_government_code,
        name: lg.get(s.local_government_code)?.name ?? s.local_government_code,
        daysPerMonth: s.days_per_month === null ? null : Number(s.days_per_month),
        timePercent: s.time_percent,
        costYen: s.cost_yen === null ? null : Number(s.cost_yen),
        daysPerWeek:
          row.kind === 'joint'
            ? (Number(row.days_per_week) * Number(s.time_percent)) / 100
            : perMonthToPerWeek(Number(s.days_per_month)),
      })),
    })
  }
  return views
}

/** 共有任用・共同任用の登録: shares checked, then every share must fit the person's week (409 otherwise). */
export async function createSharedAppointment(
  deps: SharingDeps,
  actor: Actor,
  info: RequestInfo,
  body: z.output<typeof CreateSharedAppointmentBody>,
): Promise<SharedAppointment> {
  const viewer = requireViewer(actor)
  assertRules(body.bidRules, 'bidRules')
  return deps.db.transaction().execute(async (tx) => {
    const talent = await talentForOperator(tx, actor, body.talentId)
    const codes = body.shares.map((s) => s.localGovernmentCode)
    const problems =
      body.kind === 'joint'
        ? [
            ...(body.daysPerWeek === undefined ? [{ path: 'daysPerWeek', message: '共同任用では週あたり日数を入力してください。' }] : []),
            ...(body.annualCostYen === undefined ? [{ path: 'annualCostYen', message: '共同任用では年間費用を入力してください。' }] : []),
            ...jointShareProblems(
              body.shares.map((s) => ({ localGovernmentCode: s.localGovernmentCode, timePercent: s.timePercent ?? 0, costYen: s.costYen ?? 0 })),
              body.annualCostYen ?? 0,
            ),
          ]
        : serviceShareProblems(body.shares.map((s) => ({ localGovernmentCode: s.localGovernmentCode, daysPerMonth: s.daysPerMonth ?? 0 })))
    if (problems.length > 0) throw new AppError('SHARING_INVALID', problems[0]!.message, 400, problems)
    const lg = await repository.localGovernments(tx, codes)
    const unknown = codes.filter((c) => !lg.has(c) || (viewer.kind === 'prefecture' && lg.get(c)!.prefectureCode !== viewer.prefectureCode))
    if (unknown.length > 0) {
      throw new AppError('SHARING_INVALID', `支援先に指定できない団体があります: ${unknown.join('、')}`, 400, unknown.map((c) => ({ path: 'shares', message: `団体 ${c}` })))
    }
    const row = await repository.insertSharedAppointment(tx, {
      kind: body.kind,
      operator_code: viewerCode(viewer),
      talent_id: talent.id,
      title: body.title,
      role_id: body.roleId,
      starts_on: body.startsOn,
      ends_on: body.endsOn,
      days_per_week: body.kind === 'joint' ? body.daysPerWeek! : null,
      annual_cost_yen: body.kind === 'joint' ? body.annualCostYen! : null,
      bid_rules: JSON.stringify(body.bidRules),
      created_by: 'userId' in actor ? actor.userId : null,
    })
    const shares: repository.ShareRow[] = body.shares.map((s) => ({
      appointment_id: row.id,
      local_government_code: s.localGovernmentCode,
      days_per_month: body.kind === 'shared' ? s.daysPerMonth! : null,
      time_percent: body.kind === 'joint' ? s.timePercent! : null,
      cost_yen: body.kind === 'joint' ? s.costYen! : null,
    }))
    await assertCapacity(tx, talent, shares.map((s) => shareCommitment(row, s, lg.get(s.local_government_code)!.name)), row.id)
    await repository.insertShares(tx, shares)
    await recordAudit(tx, { actor, action: `shared_appointment.created`, targetType: 'shared_appointment', targetId: row.id, request: info, details: { kind: body.kind, shares: codes } })
    return (await sharedAppointmentViews(tx, [row]))[0]!
  })
}

export async function listSharedAppointments(deps: SharingDeps, actor: Actor): Promise<{ items: SharedAppointment[] }> {
  const viewer = requireViewer(actor)
  const rows = await repository.sharedAppointmentsOf(deps.db, viewerCode(viewer))
  return { items: await sharedAppointmentViews(deps.db, rows) }
}

export async function getSharedAppointment(deps: SharingDeps, actor: Actor, id: string): Promise<SharedAppointment> {
  const viewer = viewerOf(actor)
  const row = await repository.findSharedAppointment(deps.db, id)
  if (!row || !viewer) throw notFound(APPOINTMENT_NOT_FOUND)
  const code = viewerCode(viewer)
  const shares = (await repository.sharesOf(deps.db, [row.id])).get(row.id) ?? []
  if (row.operator_code !== code && !shares.some((s) => s.local_government_code === code)) throw notFound(APPOINTMENT_NOT_FOUND)
  return (await sharedAppointmentViews(deps.db, [row]))[0]!
}

// ── dispatch ───────────────────────────────────────────────────────────────────────────────────────────────────

function dispatchPrefecture(actor: Actor): string {
  if (actor.kind === 'prefecture' || actor.kind === 'municipality') return actor.prefectureCode
  throw forbidden()
}

async function quotaOf(tx: Db, prefectureCode: string): Promise<{ quota: number; isDefault: boolean }> {
  const stored = await repository.dispatchQuota(tx, prefectureCode)
  return stored === null ? { quota: DEFAULT_DISPATCH_QUOTA, isDefault: true } : { quota: stored, isDefault: false }
}

export async function getDispatchSettings(deps: SharingDeps, actor: Actor) {
  const prefectureCode = dispatchPrefecture(actor)
  const { quota, isDefault } = await quotaOf(deps.db, prefectureCode)
  let use = null
  if (actor.kind === 'municipality') {
    const today = todayInJapan(deps.clock())
    const counted = await repository.countedDispatchDates(deps.db, actor.localGovernmentCode, dispatchStatesCountedOnRequest)
    const fiscalYear = fiscalYearOf(today)
    const used = counted.filter((d) => fiscalYearOf(d) === fiscalYear).length
    use = { fiscalYear, used, remaining: Math.max(0, quota - used) }
  }
  return { prefectureCode, quotaPerFiscalYear: quota, isDefault, use }
}

export async function updateDispatchSettings(deps: SharingDeps, actor: Actor, info: RequestInfo, quota: number) {
  if (actor.kind !== 'prefecture') throw forbidden()
  await deps.db.transaction().execute(async (tx) => {
    await repository.setDispatchQuota(tx, actor.prefectureCode, quota, deps.clock())
    await recordAudit(tx, { actor, action: 'dispatch_setting.changed', targetType: 'dispatch_setting', targetId: actor.prefectureCode, request: info, details: { quota } })
  })
  return getDispatchSettings(deps, actor)
}

async function expertViews(tx: Db, rows: repository.ExpertRow[]) {
  const views = []
  for (const row of rows) {
    const talent = await repository.findTalent(tx, row.talent_id)
    if (talent) views.push({ id: row.id, talent: talentView(talent), themes: row.themes, isActive: row.is_active })
  }
  return views
}

export async function createDispatchExpert(
  deps: SharingDeps,
  actor: Actor,
  info: RequestInfo,
  body: { talentId?: string | undefined; talent?: z.output<typeof CreateTalentBody> | undefined; themes: string[] },
) {
  if (actor.kind !== 'prefecture') throw forbidden()
  if (body.talent) assertRules(body.talent.bidRules, 'talent.bidRules')
  return deps.db.transaction().execute(async (tx) => {
    const talent = body.talentId
      ? await talentForOperator(tx, actor, body.talentId)
      : await repository.insertTalent(tx, {
          displayName: body.talent!.displayName,
          availableDaysPerWeek: body.talent!.availableDaysPerWeek,
          ownerPrefectureCode: actor.prefectureCode,
          candidateAccountId: null,
          employments: body.talent!.employments,
          bidRules: body.talent!.bidRules,
        })
    const row = await repository.insertExpert(tx, { prefectureCode: actor.prefectureCode, talentId: talent.id, themes: body.themes })
    await recordAudit(tx, { actor, action: 'dispatch_expert.registered', targetType: 'dispatch_expert', targetId: row.id, request: info })
    return (await expertViews(tx, [row]))[0]!
  })
}

export async function listDispatchExperts(deps: SharingDeps, actor: Actor) {
  if (actor.kind !== 'prefecture') throw forbidden()
  return { items: await expertViews(deps.db, await repository.expertsOf(deps.db, actor.prefectureCode)) }
}

function menuView(row: repository.MenuRow) {
  return {
    id: row.id,
    prefectureCode: row.prefecture_code,
    title: row.title,
    description: row.description,
    provider: row.provider,
    modes: row.modes as ('online' | 'on_site')[],
    isActive: row.is_active,
  }
}

export async function createDispatchMenu(
  deps: SharingDeps,
  actor: Actor,
  info: RequestInfo,
  body: { title: string; description: string; provider: string | null; modes: ('online' | 'on_site')[] },
) {
  if (actor.kind !== 'prefecture') throw forbidden()
  return deps.db.transaction().execute(async (tx) => {
    const row = await repository.insertMenu(tx, { prefectureCode: actor.prefectureCode, ...body, modes: [...new Set(body.modes)] })
    await recordAudit(tx, { actor, action: 'dispatch_menu.created', targetType: 'dispatch_menu', targetId: row.id, request: info })
    return menuView(row)
  })
}

export async function listDispatchMenus(deps: SharingDeps, actor: Actor) {
  const prefectureCode = dispatchPrefecture(actor)
  return { items: (await repository.menusOf(deps.db, prefectureCode, actor.kind === 'municipality')).map(menuView) }
}

async function dispatchViews(tx: Db, rows: repository.DispatchRequestRow[]): Promise<DispatchRequest[]> {
  const lg = await repository.localGovernments(tx, rows.map((r) => r.local_government_code))
  const views: DispatchRequest[] = []
  for (const row of rows) {
    const menu = await repository.findMenu(tx, row.menu_id)
    const expert = row.expert_id ? await repository.findExpert(tx, row.expert_id) : undefined
    const talent = expert ? await repository.findTalent(tx, expert.talent_id) : undefined
    views.push({
      id: row.id,
      prefectureCode: row.prefecture_code,
      municipality: names(lg, row.local_government_code),
      menu: { id: row.menu_id, title: menu?.title ?? '' },
      topic: row.topic,
      detail: row.detail,
      preferredDates: json<string[]>(row.preferred_dates),
      mode: row.mode,
      state: row.state,
      fiscalYear: fiscalYearOf(row.counted_on),
      expert: expert && talent ? { id: expert.id, displayName: talent.display_name } : null,
      scheduledOn: row.scheduled_on,
      decisionNote: row.decision_note,
      outcome: row.outcome_summary !== null && row.outcome_days !== null ? { summary: row.outcome_summary, days: Number(row.outcome_days) } : null,
      warnings: json<string[]>(row.warnings),
      createdAt: iso(row.created_at)!,
    })
  }
  return views
}

/** 派遣の申請: a menu of its own prefecture, preferred dates from today on, within the year's quota (pending included). */
export async function requestDispatch(deps: SharingDeps, actor: Actor, info: RequestInfo, body: z.output<typeof CreateDispatchRequestBody>): Promise<DispatchRequest> {
  if (actor.kind !== 'municipality') throw forbidden()
  return thenKick(deps, deps.db.transaction().execute(async (tx) => {
    const menu = await repository.findMenu(tx, body.menuId)
    if (!menu || menu.prefecture_code !== actor.prefectureCode || !menu.is_active) throw notFound('指定された支援メニューが見つかりません。')
    if (!menu.modes.includes(body.mode)) {
      throw new AppError('SHARING_INVALID', 'この支援メニューでは選んだ実施方法を受け付けていません。', 400, [{ path: 'mode', message: '実施方法を選び直してください。' }])
    }
    const today = todayInJapan(deps.clock())
    const dates = [...new Set(body.preferredDates)].sort()
    const past = dates.filter((d) => d < today)
    if (past.length > 0) {
      throw new AppError('SHARING_INVALID', '希望日には今日以降の日付を入力してください。', 400, past.map((d) => ({ path: 'preferredDates', message: `${d} は過去の日付です。` })))
    }
    const { quota } = await quotaOf(tx, actor.prefectureCode)
    const counted = await repository.countedDispatchDates(tx, actor.localGovernmentCode, dispatchStatesCountedOnRequest)
    const decision = decideDispatchQuota({ quota, dispatchOn: dates[0]!, countedDispatchDates: counted })
    if (decision.decision === 'exceeded') throw new AppError('DISPATCH_QUOTA_EXCEEDED', decision.message, 409)
    const row = await repository.insertDispatchRequest(tx, {
      prefectureCode: actor.prefectureCode,
      localGovernmentCode: actor.localGovernmentCode,
      menuId: menu.id,
      topic: body.topic,
      detail: body.detail,
      preferredDates: dates,
      mode: body.mode,
      countedOn: dates[0]!,
      createdBy: actor.userId,
    })
    await recordAudit(tx, { actor, action: 'dispatch_request.requested', targetType: 'dispatch_request', targetId: row.id, request: info })
    const view = (await dispatchViews(tx, [row]))[0]!
    await noticeToStaff(
      tx,
      { kind: 'prefecture', prefectureCode: actor.prefectureCode },
      dispatchRequestedNotice({ municipalityName: view.municipality.name, menuTitle: menu.title, topic: row.topic, preferredDates: dates }, deps.publicUrl),
    )
    return view
  }))
}

export async function listDispatchRequests(deps: SharingDeps, actor: Actor, query: { state?: string | undefined; fiscalYear?: number | undefined }) {
  const range = query.fiscalYear === undefined ? {} : fiscalYearRange(query.fiscalYear)
  const scope =
    actor.kind === 'prefecture'
      ? { prefectureCode: actor.prefectureCode }
      : actor.kind === 'municipality'
        ? { localGovernmentCode: actor.localGovernmentCode }
        : null
  if (!scope) throw forbidden()
  const rows = await repository.dispatchRequestsWhere(deps.db, { ...scope, ...range, ...(query.state ? { state: query.state } : {}) })
  return { items: await dispatchViews(deps.db, rows) }
}

function dispatchParty(actor: Actor, row: repository.DispatchRequestRow): 'prefecture' | 'municipality' {
  if (actor.kind === 'prefecture' && actor.prefectureCode === row.prefecture_code) return 'prefecture'
  if (actor.kind === 'municipality' && actor.localGovernmentCode === row.local_government_code) return 'municipality'
  throw notFound(DISPATCH_NOT_FOUND)
}

export async function getDispatchRequest(deps: SharingDeps, actor: Actor, id: string): Promise<DispatchRequest> {
  const row = await repository.findDispatchRequest(deps.db, id)
  if (!row) throw notFound(DISPATCH_NOT_FOUND)
  dispatchParty(actor, row)
  return (await dispatchViews(deps.db, [row]))[0]!
}

/** 派遣の手続. Approval assigns an expert of the prefecture and a date, within the quota, the expert's week and the conflict rules. */
export async function transitionDispatchRequest(
  deps: SharingDeps,
  actor: Actor,
  info: RequestInfo,
  id: string,
  body: z.output<typeof DispatchTransitionBody>,
): Promise<DispatchRequest> {
  return thenKick(deps, deps.db.transaction().execute(async (tx) => {
    const row = await repository.findDispatchRequest(tx, id, true)
    if (!row) throw notFound(DISPATCH_NOT_FOUND)
    const party = dispatchParty(actor, row)
    const next = nextDispatchState(row.state, body.action, party)
    if (!next.ok) {
      if (next.message === 'この操作を行う権限がありません。') throw forbidden()
      throw new AppError('SHARING_TRANSITION_NOT_ALLOWED', next.message, 409)
    }
    const now = deps.clock()
    let set: Parameters<typeof repository.updateDispatchRequest>[2] = { state: next.to, updated_at: now }
    switch (body.action) {
      case 'approve': {
        const expert = await repository.findExpert(tx, body.expertId)
        if (!expert || expert.prefecture_code !== row.prefecture_code || !expert.is_active) throw notFound('指定された専門家が見つかりません。')
        const { quota } = await quotaOf(tx, row.prefecture_code)
        const counted = await repository.countedDispatchDates(tx, row.local_government_code, dispatchStatesCountedOnApproval, row.id)
        const decision = decideDispatchQuota({ quota, dispatchOn: body.scheduledOn, countedDispatchDates: counted })
        if (decision.decision === 'exceeded') throw new AppError('DISPATCH_QUOTA_EXCEEDED', decision.message, 409)
        const talent = (await repository.findTalent(tx, expert.talent_id))!
        const menu = await repository.findMenu(tx, row.menu_id)
        const lg = await repository.localGovernments(tx, [row.local_government_code])
        await assertCapacity(tx, talent, [
          {
            id: row.id,
            kind: 'dispatch',
            label: `派遣「${menu?.title ?? row.topic}」（${lg.get(row.local_government_code)?.name ?? row.local_government_code}）`,
            localGovernmentCode: row.local_government_code,
            startsOn: body.scheduledOn,
            endsOn: body.scheduledOn,
            allocation: { unit: 'total', days: 1 },
          },
        ])
        const warnings = await conflictWarnings(deps, tx, talent, row.local_government_code, body.scheduledOn, body.scheduledOn)
        set = {
          ...set,
          expert_id: expert.id,
          scheduled_on: body.scheduledOn,
          counted_on: body.scheduledOn,
          decision_note: body.note ?? null,
          decided_at: now,
          warnings: JSON.stringify(warnings),
        }
        break
      }
      case 'decline':
      case 'cancel':
        set = { ...set, decision_note: body.note ?? row.decision_note, decided_at: now }
        break
      case 'complete':
        set = { ...set, outcome_summary: body.outcomeSummary, outcome_days: body.outcomeDays, completed_at: now }
        break
    }
    const updated = await repository.updateDispatchRequest(tx, row.id, set)
    await recordAudit(tx, {
      actor,
      action: `dispatch_request.${next.to}`,
      targetType: 'dispatch_request',
      targetId: row.id,
      request: info,
      localGovernmentCode: row.local_government_code,
    })
    const view = (await dispatchViews(tx, [updated]))[0]!
    if (body.action === 'approve' || body.action === 'decline') {
      await noticeToStaff(
        tx,
        { kind: 'municipality', localGovernmentCode: row.local_government_code },
        dispatchDecidedNotice(
          { topic: row.topic, approved: body.action === 'approve', scheduledOn: view.scheduledOn, expertName: view.expert?.displayName ?? null, note: view.decisionNote },
          deps.publicUrl,
        ),
      )
    }
    return view
  }))
}

export function fiscalYearRange(fiscalYear: number): { from: IsoDate; to: IsoDate } {
  return { from: `${fiscalYear}-04-01`, to: `${fiscalYear + 1}-03-31` }
}

export function defaultFiscalYear(clock: Clock): number {
  return fiscalYearOf(todayInJapan(clock()))
}
