/** SQL for talent pools (人材バンク), their members and listings, and engagements (talent_pool*, talent_engagement). */
import { type Selectable, sql } from 'kysely'
import type { Db } from '../../db/database.ts'
import type { TalentEngagementTable, TalentPoolListingTable, TalentPoolTable } from '../../db/schema.ts'

export type PoolRow = Selectable<TalentPoolTable>
export type ListingRow = Selectable<TalentPoolListingTable>
export type EngagementRow = Selectable<TalentEngagementTable>

export function insertPool(
  db: Db,
  values: { name: string; description: string; operatorCode: string; operatorKind: 'prefecture' | 'lead_city'; createdBy: string },
): Promise<PoolRow> {
  return db
    .insertInto('talent_pool')
    .values({
      name: values.name,
      description: values.description,
      operator_code: values.operatorCode,
      operator_kind: values.operatorKind,
      created_by: values.createdBy,
    })
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
          ? [
              eb.exists(
                eb.selectFrom('talent_pool_member as m').select('m.pool_id').whereRef('m.pool_id', '=', 'p.id').where('m.local_government_code', '=', code),
              ),
            ]
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
  await db
    .updateTable('sharing_talent')
    .set({ display_name: '退会した登録者', employments: JSON.stringify([]), updated_at: now })
    .where('id', '=', talentId)
    .execute()
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
