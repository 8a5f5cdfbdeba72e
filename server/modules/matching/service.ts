/**
 * Matching use cases: rank a posting's candidates (staff), recommend postings (candidate), explain one match.
 * Ranking runs in SQL over precomputed vectors; every returned item is then re-scored by the pure scorer from the
 * candidate's profile, which produces the explanation (and must, and does, give the same score).
 */
import type { FastifyBaseLogger } from 'fastify'
import {
  type BidRestrictionFlag,
  type CandidateFacts,
  type MatchResult,
  type PostingCriteria,
  defaultWeights,
  planScoring,
  scoreWithPlan,
} from '#shared/domain/matching/index'
import type { CandidateMatch, CandidateMatchPage, MatchingSettings, PostingRecommendation } from '#shared/contracts/matching'
import { todayInJapan } from '#shared/domain/dates'
import { RoleId } from '#shared/domain/skill-standard/index'
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/database.ts'
import type { Actor } from '../../http/actor.ts'
import { AppError, notFound } from '../../http/errors.ts'
import { applicantIds } from '../applications/index.ts'
import { bidRestrictionPreview } from '../bid-restrictions/index.ts'
import { candidateIdForAccount, candidateIdsOfAccounts, candidateNames, employmentHistories, scoringProfiles } from '../candidates/index.ts'
import { findLocalGovernment } from '../local-governments/index.ts'
import { type PostingFacts, postingCriteria, postingCriteriaOfMany, postingFacts, postingFactsForStaff, postingFactsOfMany } from '../postings/index.ts'
import { type PostingHeader, factsFromProfile, matchVia, postingCriteriaOf, signaturesOf, vectorOf } from './facts.ts'
import * as repository from './repository.ts'
import { type PostingPlan, planLayout, planOf } from './plan-rows.ts'
import { compilePlan } from './sql.ts'

export interface MatchingDeps {
  db: Db
  clock: Clock
  log?: FastifyBaseLogger
}

const REFRESH_BATCH = 1000
const layoutChecked = new WeakSet<object>()
const planLayoutChecked = new WeakSet<object>()

/**
 * Rebuilds the vectors of candidates whose scoring profile changed (marked by the trigger in 0060_matching.sql),
 * batch by batch, reading the profiles through the candidates module. Returns how many were rebuilt.
 */
export async function refreshCandidateVectors(db: Db, options: { maxBatches?: number } = {}): Promise<number> {
  if (!layoutChecked.has(db)) {
    await repository.markOtherLayoutsStale(db)
    layoutChecked.add(db)
  }
  let refreshed = 0
  for (let batch = 0; batch < (options.maxBatches ?? Number.POSITIVE_INFINITY); batch += 1) {
    const marks = await repository.staleCandidates(db, REFRESH_BATCH)
    if (marks.length === 0) break
    const ids = marks.map((mark) => mark.candidateId)
    const profiles = await scoringProfiles(db, { candidateIds: ids, consent: { kind: 'any' } })
    const found = new Set(profiles.map((profile) => profile.candidateId))
    await repository.upsertVectors(
      db,
      profiles.map((profile) => vectorOf(factsFromProfile(profile), profile.consent)),
    )
    await repository.deleteVectors(
      db,
      ids.filter((id) => !found.has(id)),
    )
    await repository.clearStale(db, marks)
    refreshed += marks.length
    if (marks.length < REFRESH_BATCH) break
  }
  return refreshed
}

/**
 * Rebuilds every vector from the candidates module's profiles, page by page (after a restore or a bulk load that
 * bypassed the trigger). Returns how many vectors were written.
 */
export async function rebuildCandidateVectors(db: Db, pageSize = REFRESH_BATCH): Promise<number> {
  let written = 0
  for (let offset = 0; ; offset += pageSize) {
    const profiles = await scoringProfiles(db, { consent: { kind: 'any' }, limit: pageSize, offset })
    await repository.upsertVectors(
      db,
      profiles.map((profile) => vectorOf(factsFromProfile(profile), profile.consent)),
    )
    written += profiles.length
    if (profiles.length < pageSize) return written
  }
}

// 団体 names change a few times a year; a process-wide cache keeps a ranking of every published posting to one query each.
const places = new Map<string, { name: string; prefectureName: string }>()

/** The postings module's facts plus the names an explanation shows. */
async function headerOf(db: Db, facts: PostingFacts): Promise<PostingHeader> {
  let place = places.get(facts.municipalityCode)
  if (!place) {
    const found = await findLocalGovernment(db, facts.municipalityCode)
    place = { name: found?.name ?? facts.municipalityCode, prefectureName: found?.prefectureName ?? '' }
    if (found) places.set(facts.municipalityCode, place)
  }
  return {
    id: facts.id,
    municipalityCode: facts.municipalityCode,
    municipalityName: place.name,
    prefectureCode: facts.prefectureCode,
    prefectureName: place.prefectureName,
    state: facts.state,
    title: facts.title,
    roleId: facts.roleId,
    workDays: facts.workDays,
    workDaysPer: facts.workDaysPer,
    remoteAllowed: facts.remoteAllowed,
    sideJobAllowed: facts.sideJobAllowed,
    termStartsOn: facts.termStartsOn,
  }
}

/** The posting if the staff member may see it under the postings module's rule; another tenant's answers 404. */
async function staffPosting(db: Db, actor: Actor, postingId: string): Promise<PostingHeader> {
  const facts = actor.kind === 'municipality' || actor.kind === 'prefecture' ? await postingFactsForStaff(db, actor, postingId) : undefined
  // Another organisation's posting answers as if it did not exist.
  if (!facts) throw notFound('指定された募集は見つかりません。')
  return headerOf(db, facts)
}

async function criteriaOf(db: Db, header: PostingHeader): Promise<PostingCriteria> {
  const [rows, weights] = await Promise.all([postingCriteria(db, header.id), repository.postingWeights(db, header.id)])
  return postingCriteriaOf(header, rows, weights)
}

async function factsOf(db: Db, candidateIds: readonly string[]): Promise<Map<string, CandidateFacts>> {
  if (candidateIds.length === 0) return new Map()
  const profiles = await scoringProfiles(db, { candidateIds: [...candidateIds], consent: { kind: 'any' } })
  return new Map(profiles.map((profile) => [profile.candidateId, factsFromProfile(profile)]))
}

function toCandidateMatch(result: MatchResult, candidate: CandidateFacts, via: CandidateMatch['via'], displayName: string | null): CandidateMatch {
  const { postingId: _postingId, ...rest } = result
  const listing = candidate.ministryListing ?? null
  const ministryListing = listing === null ? null : { ...listing, roles: listing.roles.filter((role) => RoleId.safeParse(role).success) as RoleId[] }
  return { ...rest, displayName, via, ministryListing }
}

/**
 * 入札制限 preview flags for the listed candidates (手順書 参考4.4-⑦): their current or recent employers against the
 * posting municipality's bidders and contractors, as of today in Japan. Shown with the reason, never an exclusion.
 */
async function bidRestrictionFlags(deps: MatchingDeps, db: Db, header: PostingHeader, candidateIds: readonly string[]): Promise<BidRestrictionFlag[]> {
  if (candidateIds.length === 0) return []
  const employments = await employmentHistories(db, candidateIds)
  const reasons = await bidRestrictionPreview(db, header.municipalityCode, employments, todayInJapan(deps.clock()))
  return [...reasons].flatMap(([candidateId, texts]) => texts.map((reason) => ({ candidateId, reason })))
}

/**
 * Names staff may see: an applicant gave theirs to this municipality by applying; a pool or national-list
 * candidate consented to chosen fields only, and the name is never one of them (contracts/candidates PoolField).
 */
async function applicantNames(db: Db, rows: readonly { candidateId: string; via: CandidateMatch['via'] }[]): Promise<Map<string, string | null>> {
  return candidateNames(
    db,
    rows.filter((row) => row.via === 'application').map((row) => row.candidateId),
  )
}

/** GET /api/postings/:id/matches: the posting's staff see its candidates ranked, each with the full explanation. */
export async function listPostingMatches(
  deps: MatchingDeps,
  actor: Actor,
  postingId: string,
  page: { limit: number; offset: number; includeIneligible: boolean },
): Promise<CandidateMatchPage> {
  return deps.db.transaction().execute(async (tx) => {
    const header = await staffPosting(tx, actor, postingId)
    await refreshCandidateVectors(tx)
    const posting = await criteriaOf(tx, header)
    const plan = planScoring(posting)
    const scope = { prefectureCode: header.prefectureCode, applicantIds: await applicantIds(tx, header.id) }
    const { rows, total } = await repository.rankCandidatesPage(tx, compilePlan(plan), scope, page)
    const ids = rows.map((row) => row.candidateId)
    const [facts, names, flags] = await Promise.all([factsOf(tx, ids), applicantNames(tx, rows), bidRestrictionFlags(deps, tx, header, ids)])
    const items: CandidateMatch[] = []
    for (const row of rows) {
      const candidate = facts.get(row.candidateId)
      if (!candidate) continue
      const result = scoreWithPlan(plan, candidate, { bidRestrictionFlags: flags })
      if (result.score !== row.score || result.eligible !== row.eligible) {
        deps.log?.error({ postingId, candidateId: row.candidateId, sql: row, js: result.score }, 'matching: SQL and scorer disagree')
      }
      items.push(toCandidateMatch(result, candidate, row.via, names.get(row.candidateId) ?? null))
    }
    return { items, total, limit: page.limit, offset: page.offset }
  })
}

/** GET /api/postings/:id/matches/:candidateId: one candidate's full explanation (only a candidate the posting may match). */
export async function getPostingMatch(deps: MatchingDeps, actor: Actor, postingId: string, candidateId: string): Promise<CandidateMatch> {
  return deps.db.transaction().execute(async (tx) => {
    const header = await staffPosting(tx, actor, postingId)
    await refreshCandidateVectors(tx)
    const scope = { prefectureCode: header.prefectureCode, applicantIds: await applicantIds(tx, header.id) }
    const via = await repository.viaOf(tx, candidateId, scope)
    const candidate = via ? (await factsOf(tx, [candidateId])).get(candidateId) : undefined
    if (!via || !candidate) throw notFound('この募集の候補者として見つかりません。')
    const posting = await criteriaOf(tx, header)
    const names = await applicantNames(tx, [{ candidateId, via }])
    const flags = await bidRestrictionFlags(deps, tx, header, [candidateId])
    return toCandidateMatch(scoreWithPlan(planScoring(posting), candidate, { bidRestrictionFlags: flags }), candidate, via, names.get(candidateId) ?? null)
  })
}

function toRecommendation(result: MatchResult, header: PostingHeader): PostingRecommendation {
  return {
    postingId: header.id,
    title: header.title,
    municipalityName: header.municipalityName,
    prefectureName: header.prefectureName,
    eligible: result.eligible,
    score: result.score,
    criteria: result.criteria,
    gaps: result.gaps,
    flags: result.flags,
  }
}

async function ownFacts(db: Db, actor: Actor): Promise<CandidateFacts> {
  if (actor.kind !== 'candidate') throw new AppError('FORBIDDEN', 'この操作を行う権限がありません。')
  const candidateId = await candidateIdForAccount(db, actor.userId)
  const facts = (await factsOf(db, [candidateId])).get(candidateId)
  if (!facts) throw new AppError('PROFILE_REQUIRED', 'スキルプロフィールを登録すると、合う募集が表示されます。', 409)
  return facts
}

/**
 * Rebuilds the stored plans of postings marked by the triggers of 0190_matching_posting_plans.sql, batch by batch,
 * reading the postings through the postings module: a published posting gets its plan's rows, any other loses
 * them. Returns how many postings were looked at.
 */
export async function refreshPostingPlans(db: Db, options: { maxBatches?: number } = {}): Promise<number> {
  if (!planLayoutChecked.has(db)) {
    await repository.markOtherPlanLayoutsStale(db, planLayout())
    planLayoutChecked.add(db)
  }
  let refreshed = 0
  for (let batch = 0; batch < (options.maxBatches ?? Number.POSITIVE_INFINITY); batch += 1) {
    const marks = await repository.stalePlans(db, REFRESH_BATCH)
    if (marks.length === 0) break
    const ids = marks.map((mark) => mark.postingId)
    const published = [...(await postingFactsOfMany(db, ids)).values()].filter((facts) => facts.state === 'published')
    const publishedIds = published.map((facts) => facts.id)
    const [criteria, weights] = await Promise.all([postingCriteriaOfMany(db, publishedIds), repository.postingWeightsOfMany(db, publishedIds)])
    const plans: PostingPlan[] = []
    for (const facts of published) {
      const header = await headerOf(db, facts)
      plans.push(planOf(postingCriteriaOf(header, criteria.get(facts.id) ?? [], weights.get(facts.id)), facts.applicationEndsOn))
    }
    await repository.replacePlans(db, ids, plans)
    await repository.clearStalePlans(db, marks)
    refreshed += marks.length
    if (marks.length < REFRESH_BATCH) break
  }
  return refreshed
}

/**
 * GET /api/me/recommendations: open postings (published, deadline today or later or none) ranked for the
 * signed-in candidate by the same score, in the database over the postings' stored plans; only the returned page
 * is explained, by the pure scorer (which must, and does, give the same score).
 */
export async function listRecommendations(
  deps: MatchingDeps,
  actor: Actor,
  page: { limit: number; offset: number; includeIneligible: boolean },
): Promise<{ items: PostingRecommendation[]; total: number; limit: number; offset: number }> {
  return deps.db.transaction().execute(async (tx) => {
    const facts = await ownFacts(tx, actor)
    await refreshPostingPlans(tx)
    const vector = vectorOf(facts, { nationalList: false, prefecturePools: [] })
    const filter = { today: todayInJapan(deps.clock()), layout: planLayout() }
    const { rows, total } = await repository.recommendPostingsPage(tx, vector, filter, page)
    const posted = await postingFactsOfMany(
      tx,
      rows.map((row) => row.postingId),
    )
    const headers = await Promise.all(rows.flatMap((row) => (posted.has(row.postingId) ? [headerOf(tx, posted.get(row.postingId)!)] : [])))
    const ids = headers.map((header) => header.id)
    const [criteria, weights] = await Promise.all([postingCriteriaOfMany(tx, ids), repository.postingWeightsOfMany(tx, ids)])
    const byId = new Map(rows.map((row) => [row.postingId, row]))
    const items = headers.map((header) => {
      const result = scoreWithPlan(planScoring(postingCriteriaOf(header, criteria.get(header.id) ?? [], weights.get(header.id))), facts)
      const row = byId.get(header.id)!
      if (result.score !== row.score || result.eligible !== row.eligible) {
        deps.log?.error({ postingId: header.id, sql: row, js: result.score }, 'matching: recommendation SQL and scorer disagree')
      }
      return toRecommendation(result, header)
    })
    return { items, total, limit: page.limit, offset: page.offset }
  })
}

/** GET /api/me/postings/:id/match: the candidate's own explanation and gap list for one published posting. */
export async function getMyPostingMatch(deps: MatchingDeps, actor: Actor, postingId: string): Promise<PostingRecommendation> {
  return deps.db.transaction().execute(async (tx) => {
    const facts = await ownFacts(tx, actor)
    const posted = await postingFacts(tx, postingId)
    if (!posted || posted.state !== 'published') throw notFound('指定された募集は公開されていません。')
    const header = await headerOf(tx, posted)
    const posting = await criteriaOf(tx, header)
    return toRecommendation(scoreWithPlan(planScoring(posting), facts), header)
  })
}

// ── for other modules ──

/** A candidate's score against one posting: the same number and gate the posting's match list shows. */
export interface CandidateScore {
  score: number
  eligible: boolean
  via: CandidateMatch['via']
}

/**
 * Scores the given candidates against a posting the staff member may see (404 otherwise, as for its match list),
 * for other modules' listings (sharing: a pool member browsing with one of its postings selected). The consent
 * rules of the match list hold: a candidate is scored only when they applied to the posting, are on the national
 * list, or are in the posting's prefecture pool; everyone else is absent from the answer. Takes the caller's tx.
 */
export async function scoreCandidatesForPosting(
  tx: Db,
  actor: Actor,
  postingId: string,
  candidateIds: readonly string[],
): Promise<Map<string, CandidateScore>> {
  const header = await staffPosting(tx, actor, postingId)
  const result = new Map<string, CandidateScore>()
  const ids = [...new Set(candidateIds)]
  if (ids.length === 0) return result
  const scope = { prefectureCode: header.prefectureCode, applicantIds: await applicantIds(tx, header.id) }
  const profiles = await scoringProfiles(tx, { candidateIds: ids, consent: { kind: 'any' } })
  const plan = planScoring(await criteriaOf(tx, header))
  for (const profile of profiles) {
    const via = matchVia(profile.candidateId, profile.consent, scope)
    if (!via) continue
    const scored = scoreWithPlan(plan, factsFromProfile(profile))
    result.set(profile.candidateId, { score: scored.score, eligible: scored.eligible, via })
  }
  return result
}

/** A candidate's score against one posting: the number and gate of their recommendations. */
export interface PostingScore {
  score: number
  eligible: boolean
}

/**
 * Scores a candidate account against published postings, for other modules' mail (saved searches' digests): the
 * same score and gate as the person's recommendations and the posting's match explanation. Postings that are not
 * published are absent; so is everything when the account has no skill profile yet. Takes the caller's tx.
 */
export async function scorePostingsForAccount(tx: Db, accountId: string, postingIds: readonly string[]): Promise<Map<string, PostingScore>> {
  const result = new Map<string, PostingScore>()
  if (postingIds.length === 0) return result
  const candidateId = (await candidateIdsOfAccounts(tx, [accountId])).get(accountId)
  const facts = candidateId ? (await factsOf(tx, [candidateId])).get(candidateId) : undefined
  if (!facts) return result
  const posted = await postingFactsOfMany(tx, postingIds)
  for (const posting of posted.values()) {
    if (posting.state !== 'published') continue
    const scored = scoreWithPlan(planScoring(await criteriaOf(tx, await headerOf(tx, posting))), facts)
    result.set(posting.id, { score: scored.score, eligible: scored.eligible })
  }
  return result
}

// ── settings ──

function settingsView(posting: PostingCriteria) {
  const plan = planScoring(posting)
  const defaults = defaultWeights(
    posting.roleId,
    plan.lines.map((line) => line.criterion),
  )
  return {
    weights: { ...(posting.weights ?? {}) },
    criteria: plan.lines.map((line, index) => ({
      criterionId: line.criterion.id,
      label: line.label,
      required: line.required,
      weight: line.weight,
      defaultWeight: defaults[index]!,
      maxPoints: line.maxBase + line.maxBonus,
    })),
  }
}

export async function getMatchingSettings(deps: MatchingDeps, actor: Actor, postingId: string) {
  const header = await staffPosting(deps.db, actor, postingId)
  return settingsView(await criteriaOf(deps.db, header))
}

/** Only the posting's own municipality adjusts its weights; its prefecture may look. */
export async function putMatchingSettings(deps: MatchingDeps, actor: Actor, postingId: string, settings: MatchingSettings) {
  return deps.db.transaction().execute(async (tx) => {
    const header = await staffPosting(tx, actor, postingId)
    if (actor.kind !== 'municipality') throw new AppError('FORBIDDEN', '重みを変更できるのは募集した団体の職員です。')
    const criteria = (await criteriaOf(tx, header)).criteria
    const known = new Set(criteria.map((criterion) => criterion.id))
    const unknown = Object.keys(settings.weights).filter((id) => !known.has(id))
    if (unknown.length > 0) {
      throw new AppError(
        'VALIDATION_FAILED',
        'この募集にない条件の重みが指定されています。',
        400,
        unknown.map((id) => ({ path: `weights.${id}`, message: 'この募集にない条件です。' })),
      )
    }
    await repository.savePostingWeights(tx, header.id, { weights: settings.weights, signatures: signaturesOf(criteria, settings.weights) }, actor.userId)
    return settingsView(await criteriaOf(tx, header))
  })
}
