/**
 * Talent pools (人材バンク) and their engagements (依頼): who sees a pool, a person's listing in it, and the
 * request–offer–answer workflow between a member municipality, the operator and the person.
 */
import type { z } from 'zod'
import type { CreateEngagementBody, CreatePoolBody, Engagement, EngagementTransitionBody, Listing, OptInBody, Pool, PoolCard } from '#shared/contracts/sharing'
import { escapeLike, normalizeForSearch } from '#shared/domain/search-text'
import { nextEngagementState, type PoolCardField, poolRelation, type PoolViewer, viewerCode, visibleCard } from '#shared/domain/sharing/index'
import type { Db } from '../../db/database.ts'
import type { Actor } from '../../http/actor.ts'
import { AppError, notFound } from '../../http/errors.ts'
import { accountEmail, type StaffAudience } from '../accounts/index.ts'
import { recordAudit } from '../audit/index.ts'
import { enqueueMail } from '../mail/index.ts'
import { scoreCandidatesForPosting } from '../matching/index.ts'
import * as candidates from '../candidates/index.ts'
import { conflictWarnings } from './conflicts.ts'
import { forbidden, iso, names, noticeToStaff, type RequestInfo, requireViewer, type SharingDeps, thenKick, viewerOf } from './context.ts'
import { readPoolCard, readTexts } from './json-columns.ts'
import { engagementDecidedNotice, engagementOfferedNotice, engagementRequestedNotice } from './mails.ts'
import * as poolRepo from './pools-repository.ts'
import * as referenceRepo from './reference-repository.ts'
import { assertCapacity } from './talents-service.ts'
import * as talentRepo from './talents-repository.ts'

const POOL_NOT_FOUND = '指定された人材バンクが見つかりません。'
const ENGAGEMENT_NOT_FOUND = '指定された依頼が見つかりません。'

/** The staff who run a pool: the prefecture's, or the lead city's. */
function operatorAudience(pool: poolRepo.PoolRow): StaffAudience {
  return pool.operator_kind === 'prefecture'
    ? { kind: 'prefecture', prefectureCode: pool.operator_code.slice(0, 2) }
    : { kind: 'municipality', localGovernmentCode: pool.operator_code }
}

// ── pools ──────────────────────────────────────────────────────────────────────────────────────────────────────

async function poolViews(tx: Db, rows: poolRepo.PoolRow[], actor: Actor): Promise<Pool[]> {
  const ids = rows.map((r) => r.id)
  const members = await poolRepo.poolMembers(tx, ids)
  const counts = await poolRepo.listingCounts(tx, ids)
  const lg = await referenceRepo.localGovernments(tx, [...rows.map((r) => r.operator_code), ...[...members.values()].flat()])
  const viewer = viewerOf(actor)
  let myListings = new Map<string, poolRepo.ListingRow>()
  if (actor.kind === 'candidate') {
    const talent = await talentRepo.findTalentOfAccount(tx, actor.userId)
    if (talent) myListings = new Map((await poolRepo.listingsOfTalent(tx, talent.id)).map((l) => [l.pool_id, l]))
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
      myListing: mine ? { id: mine.id, card: readPoolCard(mine.card), visibleFields: mine.visible_fields as PoolCardField[], isListed: mine.is_listed } : null,
    }
  })
}

/** The pool as the actor may see it: operator or member (candidates: open pools); 404 for anyone else. */
async function visiblePool(tx: Db, actor: Actor, poolId: string): Promise<{ row: poolRepo.PoolRow; relation: 'operator' | 'member' | 'candidate' }> {
  const row = await poolRepo.findPool(tx, poolId)
  if (!row) throw notFound(POOL_NOT_FOUND)
  if (actor.kind === 'candidate') {
    if (!row.is_open) throw notFound(POOL_NOT_FOUND)
    return { row, relation: 'candidate' }
  }
  const viewer = viewerOf(actor)
  if (!viewer) throw notFound(POOL_NOT_FOUND)
  const members = (await poolRepo.poolMembers(tx, [row.id])).get(row.id) ?? []
  const relation = poolRelation(viewer, { operatorCode: row.operator_code, memberCodes: members })
  if (!relation) throw notFound(POOL_NOT_FOUND)
  return { row, relation }
}

async function checkMembers(tx: Db, viewer: PoolViewer, codes: readonly string[]): Promise<void> {
  const lg = await referenceRepo.localGovernments(tx, codes)
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
  if (actor.kind === 'candidate') return { items: await poolViews(deps.db, await poolRepo.openPools(deps.db), actor) }
  const viewer = requireViewer(actor)
  const rows = await poolRepo.poolsOfCode(deps.db, viewerCode(viewer), viewer.kind === 'municipality')
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
    const row = await poolRepo.insertPool(tx, {
      name: body.name,
      description: body.description,
      operatorCode,
      operatorKind: viewer.kind === 'prefecture' ? 'prefecture' : 'lead_city',
      createdBy: 'userId' in actor ? actor.userId : '',
    })
    // A lead city is always a member of its own pool (it draws on the bank too).
    const members = viewer.kind === 'municipality' ? [operatorCode, ...body.memberCodes] : body.memberCodes
    await poolRepo.replacePoolMembers(tx, row.id, members)
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
    await poolRepo.replacePoolMembers(tx, row.id, members)
    await recordAudit(tx, { actor, action: 'talent_pool.members_changed', targetType: 'talent_pool', targetId: row.id, request: info, details: { members } })
    return (await poolViews(tx, [row], actor))[0]!
  })
}

function listingView(row: poolRepo.ListingRow, matchScore: number | null = null): Listing {
  const card = readPoolCard(row.card)
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
    const rows = await poolRepo.searchListings(tx, poolId, { ...(needle ? { needle } : {}), ...(query.role ? { role: query.role } : {}) })
    if (!query.postingId) return { items: rows.map((row) => listingView(row)) }
    const scores = await listingScores(tx, actor, query.postingId, rows)
    return { items: rows.map((row) => listingView(row, scores.get(row.talent_id) ?? null)) }
  })
}

/** talent id → score against the posting, for listed people who are candidates the posting may be matched with. */
async function listingScores(tx: Db, actor: Actor, postingId: string, rows: readonly poolRepo.ListingRow[]): Promise<Map<string, number>> {
  const talents = new Map<string, string>() // account id → talent id
  for (const row of rows) {
    const talent = await talentRepo.findTalent(tx, row.talent_id)
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
  const talent = await talentRepo.findTalentOfAccount(tx, accountId)
  if (talent) await poolRepo.withdrawTalentListings(tx, talent.id, now)
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
    let talent = await talentRepo.findTalentOfAccount(tx, actor.userId)
    talent = talent
      ? await talentRepo.updateTalentAvailability(tx, talent.id, displayName, body.availableDaysPerWeek, deps.clock())
      : await talentRepo.insertTalent(tx, {
          displayName,
          availableDaysPerWeek: body.availableDaysPerWeek,
          ownerPrefectureCode: null,
          candidateAccountId: actor.userId,
          employments: [],
        })
    await poolRepo.upsertListing(tx, {
      poolId: row.id,
      talentId: talent.id,
      card: body.card,
      visibleFields: visible,
      roleIds: visible.includes('roleIds') ? (body.card.roleIds ?? []) : [],
      searchText: listingSearchText(body.card, visible),
      isListed: true,
      now: deps.clock(),
    })
    await recordAudit(tx, {
      actor,
      action: 'talent_pool.opted_in',
      targetType: 'talent_pool',
      targetId: row.id,
      request: info,
      details: { visibleFields: visible },
    })
    return (await poolViews(tx, [row], actor))[0]!
  })
}

export async function optOut(deps: SharingDeps, actor: Actor, info: RequestInfo, poolId: string): Promise<Pool> {
  if (actor.kind !== 'candidate') throw forbidden()
  return deps.db.transaction().execute(async (tx) => {
    const { row } = await visiblePool(tx, actor, poolId)
    const talent = await talentRepo.findTalentOfAccount(tx, actor.userId)
    const updated = talent && (await poolRepo.setListingListed(tx, row.id, talent.id, false, deps.clock()))
    if (!updated) throw notFound('この人材バンクには登録していません。')
    await recordAudit(tx, { actor, action: 'talent_pool.opted_out', targetType: 'talent_pool', targetId: row.id, request: info })
    return (await poolViews(tx, [row], actor))[0]!
  })
}

// ── engagements ───────────────────────────────────────────────────────────────────────────────────────────────

async function engagementViews(tx: Db, rows: poolRepo.EngagementRow[], actor: Actor): Promise<Engagement[]> {
  const lg = await referenceRepo.localGovernments(
    tx,
    rows.map((r) => r.requester_code),
  )
  const pools = new Map<string, poolRepo.PoolRow>()
  const listings = new Map<string, poolRepo.ListingRow>()
  for (const row of rows) {
    if (!pools.has(row.pool_id)) {
      const pool = await poolRepo.findPool(tx, row.pool_id)
      if (pool) pools.set(pool.id, pool)
    }
    if (!listings.has(row.listing_id)) {
      const listing = await poolRepo.findListing(tx, row.listing_id)
      if (listing) listings.set(listing.id, listing)
    }
  }
  return rows.map((row) => {
    const listing = listings.get(row.listing_id)
    const card = listing ? visibleCard(readPoolCard(listing.card), listing.visible_fields as PoolCardField[]) : {}
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
      warnings: readTexts(row.warnings),
      createdAt: iso(row.created_at)!,
      agreedAt: iso(row.agreed_at),
    }
  })
}

/** How the actor relates to an engagement; 404 when not at all. */
async function engagementParty(tx: Db, actor: Actor, row: poolRepo.EngagementRow): Promise<'member' | 'operator' | 'candidate'> {
  if (actor.kind === 'candidate') {
    const talent = await talentRepo.findTalentOfAccount(tx, actor.userId)
    // The person sees a request once the operator has brokered it to them.
    if (talent && talent.id === row.talent_id && row.state !== 'requested' && row.state !== 'rejected') return 'candidate'
    throw notFound(ENGAGEMENT_NOT_FOUND)
  }
  const viewer = viewerOf(actor)
  if (!viewer) throw notFound(ENGAGEMENT_NOT_FOUND)
  const pool = await poolRepo.findPool(tx, row.pool_id)
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
  return thenKick(
    deps,
    deps.db.transaction().execute(async (tx) => {
      const { row: pool, relation } = await visiblePool(tx, actor, poolId)
      if (relation !== 'member' && relation !== 'operator') throw notFound(POOL_NOT_FOUND)
      const members = (await poolRepo.poolMembers(tx, [pool.id])).get(pool.id) ?? []
      if (!members.includes(actor.localGovernmentCode)) throw new AppError('FORBIDDEN', '人材バンクの構成団体だけが依頼できます。')
      const listing = await poolRepo.findListing(tx, body.listingId)
      if (!listing || listing.pool_id !== pool.id || !listing.is_listed) throw notFound('指定された登録者が見つかりません。')
      const row = await poolRepo.insertEngagement(tx, {
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
            {
              poolName: pool.name,
              requesterName: view.requester.name,
              topic: row.topic,
              startsOn: row.starts_on,
              endsOn: row.ends_on,
              expectedDays: view.expectedDays,
            },
            deps.publicUrl,
          ),
        )
      }
      return view
    }),
  )
}

export async function listEngagements(deps: SharingDeps, actor: Actor): Promise<{ items: Engagement[] }> {
  let rows: poolRepo.EngagementRow[]
  if (actor.kind === 'candidate') {
    const talent = await talentRepo.findTalentOfAccount(deps.db, actor.userId)
    rows = talent ? (await poolRepo.engagementsWhere(deps.db, { talentId: talent.id })).filter((r) => r.state !== 'requested' && r.state !== 'rejected') : []
  } else {
    const viewer = requireViewer(actor)
    const operated = await poolRepo.poolsOfCode(deps.db, viewerCode(viewer), false)
    rows = await poolRepo.engagementsWhere(deps.db, {
      poolIds: operated.map((p) => p.id),
      ...(viewer.kind === 'municipality' ? { requesterCode: viewer.localGovernmentCode } : {}),
    })
  }
  return { items: await engagementViews(deps.db, rows, actor) }
}

export async function getEngagement(deps: SharingDeps, actor: Actor, id: string): Promise<Engagement> {
  const row = await poolRepo.findEngagement(deps.db, id)
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
  return thenKick(
    deps,
    deps.db.transaction().execute(async (tx) => {
      const row = await poolRepo.findEngagementForUpdate(tx, id)
      if (!row) throw notFound(ENGAGEMENT_NOT_FOUND)
      const party = await engagementParty(tx, actor, row)
      const next = nextEngagementState(row.state, body.action, party)
      if (!next.ok) {
        if (next.message === 'この操作を行う権限がありません。') throw forbidden()
        throw new AppError('SHARING_TRANSITION_NOT_ALLOWED', next.message, 409)
      }
      const now = deps.clock()
      let set: Parameters<typeof poolRepo.updateEngagement>[2] = { state: next.to, updated_at: now }
      if (body.action === 'offer' || body.action === 'accept') {
        const talent = (await talentRepo.findTalent(tx, row.talent_id))!
        const days = body.action === 'offer' ? body.terms.days : Number(row.terms_days)
        const lg = await referenceRepo.localGovernments(tx, [row.requester_code])
        await assertCapacity(
          tx,
          talent,
          [
            {
              id: row.id,
              kind: 'engagement',
              label: `人材バンクの依頼「${row.topic}」（${lg.get(row.requester_code)?.name ?? row.requester_code}）`,
              localGovernmentCode: row.requester_code,
              startsOn: row.starts_on,
              endsOn: row.ends_on,
              allocation: { unit: 'total', days },
            },
          ],
          row.id,
        )
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
      const updated = await poolRepo.updateEngagement(tx, row.id, set)
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
    }),
  )
}

/**
 * The notice a person would expect from an engagement step: the person asked when the operator brokers the request
 * to them; the requesting municipality when the operator declines it or the person accepts or declines.
 */
async function noticeOfEngagementStep(deps: SharingDeps, tx: Db, row: poolRepo.EngagementRow, body: z.output<typeof EngagementTransitionBody>): Promise<void> {
  const note = 'note' in body && body.note ? body.note : null
  switch (body.action) {
    case 'offer': {
      const talent = await talentRepo.findTalent(tx, row.talent_id)
      const to = talent?.candidate_account_id ? await accountEmail(tx, talent.candidate_account_id) : undefined
      if (!to) return // an expert registered by the prefecture is contacted by the operator directly
      const pool = await poolRepo.findPool(tx, row.pool_id)
      const lg = await referenceRepo.localGovernments(tx, [row.requester_code])
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
