/**
 * SQL of the sharing module, on its own tables only (migrations/0050_sharing.sql). The db (or transaction) comes
 * first. One exception is marked: names and populations of local governments are reference data read here
 * until the local-governments module exports a batch lookup.
 */
import { type Selectable, sql } from 'kysely'
import type { Db } from '../../db/database.ts'
import type {
  DispatchExpertTable,
  DispatchMenuTable,
  DispatchRequestTable,
  SharedAppointmentShareTable,
  SharedAppointmentTable,
  SharingTalentTable,
  TalentEngagementTable,
  TalentPoolListingTable,
  TalentPoolTable,
} from '../../db/schema.ts'

export type TalentRow = Selectable<SharingTalentTable>
export type PoolRow = Selectable<TalentPoolTable>
export type ListingRow = Selectable<TalentPoolListingTable>
export type EngagementRow = Selectable<TalentEngagementTable>
export type SharedAppointmentRow = Selectable<SharedAppointmentTable>
export type ShareRow = Selectable<SharedAppointmentShareTable>
export type ExpertRow = Selectable<DispatchExpertTable>
export type MenuRow = Selectable<DispatchMenuTable>
export type DispatchRequestRow = Selectable<DispatchRequestTable>

// ── reference data (owned by local-governments; read-only) ─────────────────────────────────────────────────────

export interface LocalGovernmentRef {
  code: string
  name: string
  prefectureCode: string
  kind: string
  population: number | null
}

export async function localGovernments(db: Db, codes: readonly string[]): Promise<Map<string, LocalGovernmentRef>> {
  if (codes.length === 0) return new Map()
  const rows = await db
    .selectFrom('local_government')
    .select(['code', 'name', 'prefecture_code', 'kind', 'population'])
    .where('code', 'in', [...new Set(codes)])
    .execute()
  return new Map(rows.map((r) => [r.code, { code: r.code, name: r.name, prefectureCode: r.prefecture_code, kind: r.kind, population: r.population }]))
}

/** The municipalities of a prefecture (the prefecture itself excluded), by 団体コード. */
export async function municipalitiesOf(db: Db, prefectureCode: string): Promise<LocalGovernmentRef[]> {
  const rows = await db
    .selectFrom('local_government')
    .select(['code', 'name', 'prefecture_code', 'kind', 'population'])
    .where('prefecture_code', '=', prefectureCode)
    .where('kind', '<>', 'prefecture')
    .orderBy('code')
    .execute()
  return rows.map((r) => ({ code: r.code, name: r.name, prefectureCode: r.prefecture_code, kind: r.kind, population: r.population }))
}

// ── talents ────────────────────────────────────────────────────────────────────────────────────────────────────

export function findTalent(db: Db, id: string): Promise<TalentRow | undefined> {
  return db.selectFrom('sharing_talent').selectAll().where('id', '=', id).executeTakeFirst()
}

export function findTalentOfAccount(db: Db, accountId: string): Promise<TalentRow | undefined> {
  return db.selectFrom('sharing_talent').selectAll().where('candidate_account_id', '=', accountId).executeTakeFirst()
}

export function insertTalent(
  db: Db,
  values: {
    displayName: string
    availableDaysPerWeek: number
    ownerPrefectureCode: string | null
    candidateAccountId: string | null
    employments: unknown[]
    bidRules?: unknown[]
  },
): Promise<TalentRow> {
  return db
    .insertInto('sharing_talent')
    .values({
      display_name: values.displayName,
      available_days_per_week: values.availableDaysPerWeek,
      owner_prefecture_code: values.ownerPrefectureCode,
      candidate_account_id: values.candidateAccountId,
      employments: JSON.stringify(values.employments),
      bid_rules: JSON.stringify(values.bidRules ?? []),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export function updateTalentAvailability(db: Db, id: string, displayName: string, availableDaysPerWeek: number, now: Date): Promise<TalentRow> {
  return db
    .updateTable('sharing_talent')
    .set({ display_name: displayName, available_days_per_week: availableDaysPerWeek, updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** Talents an operator may place: registered by its prefecture, listed in a pool it runs, or in an appointment it runs. */
export async function talentsForOperator(db: Db, operatorCode: string, ownerPrefectureCode: string | null): Promise<TalentRow[]> {
  return db
    .selectFrom('sharing_talent as t')
    .selectAll('t')
    .where((eb) =>
      eb.or([
        ...(ownerPrefectureCode ? [eb('t.owner_prefecture_code', '=', ownerPrefectureCode)] : []),
        eb.exists(
          eb
            .selectFrom('talent_pool_listing as l')
            .innerJoin('talent_pool as p', 'p.id', 'l.pool_id')
            .select('l.id')
            .whereRef('l.talent_id', '=', 't.id')
            .where('l.is_listed', '=', true)
            .where('p.operator_code', '=', operatorCode),
        ),
        eb.exists(
          eb.selectFrom('shared_appointment as a').select('a.id').whereRef('a.talent_id', '=', 't.id').where('a.operator_code', '=', operatorCode),
        ),
      ]),
    )
    .orderBy('t.display_name')
    .orderBy('t.id')
    .execute()
}

// ── pools ──────────────────────────────────────────────────────────────────────────────────────────────────────

export function insertPool(
  db: Db,
  values: { name: string; description: string; operatorCode: string; operatorKind: 'prefecture' | 'lead_city'; createdBy: string },
): Promise<PoolRow> {
  return db
    .insertInto('talent_pool')
    .values({ name: values.name, description: values.description, operator_code: values.operatorCode, operator_kind: values.operatorKind, created_by: values.createdBy })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function replacePoolMembers(db: Db, poolId: string, codes: readonly string[]): Promise<void> {
  await db.deleteFrom('talent_pool_member').where('pool_id', '=', poolId).execute()
  if (codes.length > 0) {
    await db
      .insertInto('talent_pool_member')
      .values([...new Set(codes)].map((code) => ({ pool_id: poolId, local_government_code: code })))
      .execute()
  }
}

export function findPool(db: Db, id: string): Promise<PoolRow | undefined> {
  return db.selectFrom('talent_pool').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function poolMembers(db: Db, poolIds: readonly string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>(poolIds.map((id) => [id, []]))
  if (poolIds.length === 0) return map
  const rows = await db
    .selectFrom('talent_pool_member')
    .select(['pool_id', 'local_government_code'])
    .where('pool_id', 'in', [...poolIds])
    .orderBy('local_government_code')
    .execute()
  for (const row of rows) map.get(row.pool_id)?.push(row.local_government_code)
  return map
}

export async function listingCounts(db: Db, poolIds: readonly string[]): Promise<Map<string, number>> {
  if (poolIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('talent_pool_listing')
    .select((eb) => ['pool_id', eb.fn.countAll<number>().as('n')])
    .where('pool_id', 'in', [...poolIds])
    .where('is_listed', '=', true)
    .groupBy('pool_id')
    .execute()
  return new Map(rows.map((r) => [r.pool_id, Number(r.n)]))
}

/** Pools the 団体コード runs or belongs to (a prefecture passes its own code and never matches as a member). */
export function poolsOfCode(db: Db, code: string, includeMembership: boolean): Promise<PoolRow[]> {
  return db
    .selectFrom('talent_pool as p')
    .selectAll('p')
    .where((eb) =>
      eb.or([
        eb('p.operator_code', '=', code),
        ...(includeMembership
          ? [eb.exists(eb.selectFrom('talent_pool_member as m').select('m.pool_id').whereRef('m.pool_id', '=', 'p.id').where('m.local_government_code', '=', code))]
          : []),
      ]),
    )
    .orderBy('p.created_at')
    .orderBy('p.id')
    .execute()
}

export function openPools(db: Db): Promise<PoolRow[]> {
  return db.selectFrom('talent_pool').selectAll().where('is_open', '=', true).orderBy('created_at').orderBy('id').execute()
}

export function listingsOfTalent(db: Db, talentId: string): Promise<ListingRow[]> {
  return db.selectFrom('talent_pool_listing').selectAll().where('talent_id', '=', talentId).execute()
}

export function findListing(db: Db, id: string): Promise<ListingRow | undefined> {
  return db.selectFrom('talent_pool_listing').selectAll().where('id', '=', id).executeTakeFirst()
}

export function searchListings(db: Db, poolId: string, filter: { needle?: string; role?: string }): Promise<ListingRow[]> {
  let query = db.selectFrom('talent_pool_listing').selectAll().where('pool_id', '=', poolId).where('is_listed', '=', true)
  if (filter.needle) query = query.where('search_text', 'like', `%${filter.needle}%`)
  if (filter.role) query = query.where(sql<boolean>`${filter.role} = ANY(role_ids)`)
  return query.orderBy('updated_at', 'desc').orderBy('id').execute()
}

export async function upsertListing(
  db: Db,
  values: { poolId: string; talentId: string; card: unknown; visibleFields: string[]; roleIds: string[]; searchText: string; isListed: boolean; now: Date },
): Promise<ListingRow> {
  return db
    .insertInto('talent_pool_listing')
    .values({
      pool_id: values.poolId,
      talent_id: values.talentId,
      card: JSON.stringify(values.card),
      visible_fields: values.visibleFields,
      role_ids: values.roleIds,
      search_text: values.searchText,
      is_listed: values.isListed,
    })
    .onConflict((oc) =>
      oc.columns(['pool_id', 'talent_id']).doUpdateSet({
        card: JSON.stringify(values.card),
        visible_fields: values.visibleFields,
        role_ids: values.roleIds,
        search_text: values.searchText,
        is_listed: values.isListed,
        updated_at: values.now,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow()
}

export function setListingListed(db: Db, poolId: string, talentId: string, isListed: boolean, now: Date) {
  return db
    .updateTable('talent_pool_listing')
    .set({ is_listed: isListed, updated_at: now })
    .where('pool_id', '=', poolId)
    .where('talent_id', '=', talentId)
    .returningAll()
    .executeTakeFirst()
}

/** A person who left: every listing of theirs is withdrawn and emptied (engagement records keep no card then). */
export async function withdrawTalentListings(db: Db, talentId: string, now: Date): Promise<void> {
  await db
    .updateTable('talent_pool_listing')
    .set({ is_listed: false, card: JSON.stringify({}), visible_fields: [], role_ids: [], search_text: '', updated_at: now })
    .where('talent_id', '=', talentId)
    .execute()
  await db.updateTable('sharing_talent').set({ display_name: '退会した登録者', employments: JSON.stringify([]), updated_at: now }).where('id', '=', talentId).execute()
}

// ── engagements ───────────────────────────────────────────────────────────────────────────────────────────────

export function insertEngagement(
  db: Db,
  values: {
    poolId: string
    listingId: string
    talentId: string
    requesterCode: string
    topic: string
    detail: string
    expectedDays: number
    startsOn: string
    endsOn: string
    createdBy: string
  },
): Promise<EngagementRow> {
  return db
    .insertInto('talent_engagement')
    .values({
      pool_id: values.poolId,
      listing_id: values.listingId,
      talent_id: values.talentId,
      requester_code: values.requesterCode,
      topic: values.topic,
      detail: values.detail,
      expected_days: values.expectedDays,
      starts_on: values.startsOn,
      ends_on: values.endsOn,
      created_by: values.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** Locks the row for the transition (FOR UPDATE on PostgreSQL; PGlite serves one query at a time anyway). */
export function findEngagementForUpdate(db: Db, id: string): Promise<EngagementRow | undefined> {
  return db.selectFrom('talent_engagement').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
}

export function findEngagement(db: Db, id: string): Promise<EngagementRow | undefined> {
  return db.selectFrom('talent_engagement').selectAll().where('id', '=', id).executeTakeFirst()
}

export function engagementsWhere(db: Db, filter: { poolIds?: string[]; requesterCode?: string; talentId?: string }): Promise<EngagementRow[]> {
  return db
    .selectFrom('talent_engagement')
    .selectAll()
    .where((eb) =>
      eb.or([
        ...(filter.poolIds && filter.poolIds.length > 0 ? [eb('pool_id', 'in', filter.poolIds)] : []),
        ...(filter.requesterCode ? [eb('requester_code', '=', filter.requesterCode)] : []),
        ...(filter.talentId ? [eb('talent_id', '=', filter.talentId)] : []),
        eb.val(false),
      ]),
    )
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute()
}

export function updateEngagement(db: Db, id: string, set: Partial<Omit<EngagementRow, 'id' | 'warnings'>> & { warnings?: string }) {
  return db.updateTable('talent_engagement').set(set).where('id', '=', id).returningAll().executeTakeFirstOrThrow()
}

// ── shared and joint appointments ─────────────────────────────────────────────────────────────────────────────

export function insertSharedAppointment(
  db: Db,
  values: Omit<SharedAppointmentRow, 'id' | 'created_at' | 'bid_rules'> & { bid_rules: string },
): Promise<SharedAppointmentRow> {
  return db.insertInto('shared_appointment').values(values).returningAll().executeTakeFirstOrThrow()
}

export async function insertShares(db: Db, shares: ShareRow[]): Promise<void> {
  if (shares.length > 0) await db.insertInto('shared_appointment_share').values(shares).execute()
}

export function findSharedAppointment(db: Db, id: string): Promise<SharedAppointmentRow | undefined> {
  return db.selectFrom('shared_appointment').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function sharesOf(db: Db, appointmentIds: readonly string[]): Promise<Map<string, ShareRow[]>> {
  const map = new Map<string, ShareRow[]>(appointmentIds.map((id) => [id, []]))
  if (appointmentIds.length === 0) return map
  const rows = await db
    .selectFrom('shared_appointment_share')
    .selectAll()
    .where('appointment_id', 'in', [...appointmentIds])
    .orderBy('local_government_code')
    .execute()
  for (const row of rows) map.get(row.appointment_id)?.push(row)
  return map
}

/** Appointments run by the code, or with a share for it. */
export function sharedAppointmentsOf(db: Db, code: string): Promise<SharedAppointmentRow[]> {
  return db
    .selectFrom('shared_appointment as a')
    .selectAll('a')
    .where((eb) =>
      eb.or([
        eb('a.operator_code', '=', code),
        eb.exists(eb.selectFrom('shared_appointment_share as s').select('s.appointment_id').whereRef('s.appointment_id', '=', 'a.id').where('s.local_government_code', '=', code)),
      ]),
    )
    .orderBy('a.starts_on', 'desc')
    .orderBy('a.id')
    .execute()
}

// ── dispatch ───────────────────────────────────────────────────────────────────────────────────────────────────

export async function dispatchQuota(db: Db, prefectureCode: string): Promise<number | null> {
  const row = await db.selectFrom('dispatch_setting').select('quota_per_fiscal_year').where('prefecture_code', '=', prefectureCode).executeTakeFirst()
  return row ? row.quota_per_fiscal_year : null
}

export async function setDispatchQuota(db: Db, prefectureCode: string, quota: number, now: Date): Promise<void> {
  await db
    .insertInto('dispatch_setting')
    .values({ prefecture_code: prefectureCode, quota_per_fiscal_year: quota })
    .onConflict((oc) => oc.column('prefecture_code').doUpdateSet({ quota_per_fiscal_year: quota, updated_at: now }))
    .execute()
}

export function insertExpert(db: Db, values: { prefectureCode: string; talentId: string; themes: string[] }): Promise<ExpertRow> {
  return db
    .insertInto('dispatch_expert')
    .values({ prefecture_code: values.prefectureCode, talent_id: values.talentId, themes: values.themes })
    .onConflict((oc) => oc.columns(['prefecture_code', 'talent_id']).doUpdateSet({ themes: values.themes, is_active: true }))
    .returningAll()
    .executeTakeFirstOrThrow()
}

export function expertsOf(db: Db, prefectureCode: string): Promise<ExpertRow[]> {
  return db.selectFrom('dispatch_expert').selectAll().where('prefecture_code', '=', prefectureCode).orderBy('created_at').orderBy('id').execute()
}

export function findExpert(db: Db, id: string): Promise<ExpertRow | undefined> {
  return db.selectFrom('dispatch_expert').selectAll().where('id', '=', id).executeTakeFirst()
}

export function insertMenu(db: Db, values: { prefectureCode: string; title: string; description: string; provider: string | null; modes: string[] }): Promise<MenuRow> {
  return db
    .insertInto('dispatch_menu')
    .values({ prefecture_code: values.prefectureCode, title: values.title, description: values.description, provider: values.provider, modes: values.modes })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export function menusOf(db: Db, prefectureCode: string, activeOnly: boolean): Promise<MenuRow[]> {
  let query = db.selectFrom('dispatch_menu').selectAll().where('prefecture_code', '=', prefectureCode)
  if (activeOnly) query = query.where('is_active', '=', true)
  return query.orderBy('created_at').orderBy('id').execute()
}

export function findMenu(db: Db, id: string): Promise<MenuRow | undefined> {
  return db.selectFrom('dispatch_menu').selectAll().where('id', '=', id).executeTakeFirst()
}

export function insertDispatchRequest(
  db: Db,
  values: {
    prefectureCode: string
    localGovernmentCode: string
    menuId: string
    topic: string
    detail: string
    preferredDates: string[]
    mode: 'online' | 'on_site'
    countedOn: string
    createdBy: string
  },
): Promise<DispatchRequestRow> {
  return db
    .insertInto('dispatch_request')
    .values({
      prefecture_code: values.prefectureCode,
      local_government_code: values.localGovernmentCode,
      menu_id: values.menuId,
      topic: values.topic,
      detail: values.detail,
      preferred_dates: JSON.stringify(values.preferredDates),
      mode: values.mode,
      counted_on: values.countedOn,
      created_by: values.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export function findDispatchRequest(db: Db, id: string, forUpdate = false): Promise<DispatchRequestRow | undefined> {
  const query = db.selectFrom('dispatch_request').selectAll().where('id', '=', id)
  return (forUpdate ? query.forUpdate() : query).executeTakeFirst()
}

export function dispatchRequestsWhere(
  db: Db,
  filter: { prefectureCode?: string; localGovernmentCode?: string; state?: string; from?: string; to?: string },
): Promise<DispatchRequestRow[]> {
  let query = db.selectFrom('dispatch_request').selectAll()
  if (filter.prefectureCode) query = query.where('prefecture_code', '=', filter.prefectureCode)
  if (filter.localGovernmentCode) query = query.where('local_government_code', '=', filter.localGovernmentCode)
  if (filter.state) query = query.where('state', '=', filter.state as DispatchRequestRow['state'])
  if (filter.from) query = query.where('counted_on', '>=', filter.from)
  if (filter.to) query = query.where('counted_on', '<=', filter.to)
  return query.orderBy('created_at', 'desc').orderBy('id').execute()
}

/** Dates the quota counts for one municipality, of requests in the given states (one row excluded). */
export async function countedDispatchDates(db: Db, localGovernmentCode: string, states: readonly string[], excludeId?: string): Promise<string[]> {
  let query = db
    .selectFrom('dispatch_request')
    .select('counted_on')
    .where('local_government_code', '=', localGovernmentCode)
    .where('state', 'in', states as DispatchRequestRow['state'][])
  if (excludeId) query = query.where('id', '<>', excludeId)
  return (await query.execute()).map((r) => r.counted_on)
}

export function updateDispatchRequest(db: Db, id: string, set: Partial<Omit<DispatchRequestRow, 'id' | 'warnings' | 'preferred_dates'>> & { warnings?: string }) {
  return db.updateTable('dispatch_request').set(set).where('id', '=', id).returningAll().executeTakeFirstOrThrow()
}

// ── everything a person is committed to (for capacity) ────────────────────────────────────────────────────────

export interface TalentCommitmentRows {
  engagements: EngagementRow[]
  appointments: SharedAppointmentRow[]
  shares: Map<string, ShareRow[]>
  dispatches: (DispatchRequestRow & { menu_title: string })[]
}

export async function commitmentRowsOf(db: Db, talentId: string): Promise<TalentCommitmentRows> {
  const engagements = await db.selectFrom('talent_engagement').selectAll().where('talent_id', '=', talentId).where('state', '=', 'agreed').execute()
  const appointments = await db.selectFrom('shared_appointment').selectAll().where('talent_id', '=', talentId).execute()
  const shares = await sharesOf(db, appointments.map((a) => a.id))
  const dispatches = await db
    .selectFrom('dispatch_request as r')
    .innerJoin('dispatch_expert as e', 'e.id', 'r.expert_id')
    .innerJoin('dispatch_menu as m', 'm.id', 'r.menu_id')
    .selectAll('r')
    .select('m.title as menu_title')
    .where('e.talent_id', '=', talentId)
    .where('r.state', 'in', ['approved', 'completed'])
    .execute()
  return { engagements, appointments, shares, dispatches }
}

/** Counts for the dashboard, per municipality code of one prefecture. */
export async function dashboardCounts(db: Db, prefectureCode: string, from: string, to: string) {
  const like = `${prefectureCode}%`
  const shares = await db
    .selectFrom('shared_appointment_share as s')
    .innerJoin('shared_appointment as a', 'a.id', 's.appointment_id')
    .select(['s.local_government_code as code', 'a.role_id', 'a.talent_id', 'a.kind'])
    .where('s.local_government_code', 'like', like)
    .where('a.starts_on', '<=', to)
    .where('a.ends_on', '>=', from)
    .execute()
  const engagements = await db
    .selectFrom('talent_engagement as e')
    .innerJoin('talent_pool_listing as l', 'l.id', 'e.listing_id')
    .select(['e.requester_code as code', 'e.state', 'e.talent_id', 'e.starts_on', 'e.ends_on', 'l.role_ids'])
    .where('e.requester_code', 'like', like)
    .where('e.starts_on', '<=', to)
    .where('e.ends_on', '>=', from)
    .execute()
  const dispatches = await db
    .selectFrom('dispatch_request')
    .select(['local_government_code as code', 'state'])
    .where('prefecture_code', '=', prefectureCode)
    .where('counted_on', '>=', from)
    .where('counted_on', '<=', to)
    .execute()
  return { shares, engagements, dispatches }
}

/** People dispatched (approved or done) within a prefecture between two dates. */
export async function dispatchTalentIds(db: Db, prefectureCode: string, from: string, to: string): Promise<string[]> {
  const rows = await db
    .selectFrom('dispatch_request as r')
    .innerJoin('dispatch_expert as e', 'e.id', 'r.expert_id')
    .select('e.talent_id')
    .where('r.prefecture_code', '=', prefectureCode)
    .where('r.state', 'in', ['approved', 'completed'])
    .where('r.counted_on', '>=', from)
    .where('r.counted_on', '<=', to)
    .execute()
  return rows.map((r) => r.talent_id)
}

/** Shared/joint shares, agreed engagements and approved dispatches serving a municipality on a day. */
export async function servingRowsOn(db: Db, municipalityCode: string, on: string) {
  const shares = await db
    .selectFrom('shared_appointment_share as s')
    .innerJoin('shared_appointment as a', 'a.id', 's.appointment_id')
    .select(['a.id', 'a.talent_id', 'a.starts_on', 'a.ends_on', 'a.bid_rules'])
    .where('s.local_government_code', '=', municipalityCode)
    .where('a.starts_on', '<=', on)
    .where('a.ends_on', '>=', on)
    .execute()
  const engagements = await db
    .selectFrom('talent_engagement')
    .select(['id', 'talent_id', 'starts_on', 'ends_on'])
    .where('requester_code', '=', municipalityCode)
    .where('state', '=', 'agreed')
    .where('starts_on', '<=', on)
    .where('ends_on', '>=', on)
    .execute()
  const dispatches = await db
    .selectFrom('dispatch_request as r')
    .innerJoin('dispatch_expert as e', 'e.id', 'r.expert_id')
    .select(['r.id', 'e.talent_id', 'r.scheduled_on'])
    .where('r.local_government_code', '=', municipalityCode)
    .where('r.state', 'in', ['approved', 'completed'])
    .where('r.scheduled_on', '=', on)
    .execute()
  return { shares, engagements, dispatches }
}

/** The rule sets of every shared or joint appointment of a person (their restrictions travel with them). */
export async function appointmentRulesOf(db: Db, talentId: string): Promise<unknown[]> {
  const rows = await db.selectFrom('shared_appointment').select('bid_rules').where('talent_id', '=', talentId).execute()
  return rows.map((r) => r.bid_rules)
}
