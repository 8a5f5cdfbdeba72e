/** SQL of the saved-searches module: its own tables only (accounts and postings are reached through their index.ts). */
import { sql, type Selectable } from 'kysely'
import type { Db } from '../../db/database.ts'
import type { SavedSearchTable } from '../../db/schema.ts'
import type { MatchablePosting } from './rules.ts'

export type SavedSearchRow = Selectable<SavedSearchTable>
export type ListedSavedSearch = SavedSearchRow & { announced: number }

/** Inserts the search; undefined when the account already keeps the same one (same filters_key). */
export function insertSavedSearch(
  tx: Db,
  values: Pick<SavedSearchRow, 'account_id' | 'role_id' | 'prefecture_code' | 'remote_allowed' | 'side_job_allowed' | 'keywords' | 'filters_key' | 'created_at'>,
): Promise<SavedSearchRow | undefined> {
  return tx
    .insertInto('saved_search')
    .values(values)
    .onConflict((oc) => oc.columns(['account_id', 'filters_key']).doNothing())
    .returningAll()
    .executeTakeFirst()
}

export async function countOfAccount(db: Db, accountId: string): Promise<number> {
  const row = await db.selectFrom('saved_search').select((eb) => eb.fn.countAll<string>().as('total')).where('account_id', '=', accountId).executeTakeFirstOrThrow()
  return Number(row.total)
}

const announced = sql<string>`(select count(*) from saved_search_delivery d where d.saved_search_id = saved_search.id)`.as('announced')

export async function searchesOfAccount(db: Db, accountId: string, pageOf: { limit: number; offset: number }): Promise<{ rows: ListedSavedSearch[]; total: number }> {
  const [rows, total] = await Promise.all([
    db
      .selectFrom('saved_search')
      .selectAll()
      .select(announced)
      .where('account_id', '=', accountId)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(pageOf.limit)
      .offset(pageOf.offset)
      .execute(),
    countOfAccount(db, accountId),
  ])
  return { rows: rows.map((row) => ({ ...row, announced: Number(row.announced) })), total }
}

/** Deletes the account's own search (its delivery records go with it); undefined when it is not theirs or gone. */
export function deleteOfAccount(tx: Db, id: string, accountId: string): Promise<{ id: string } | undefined> {
  return tx.deleteFrom('saved_search').where('id', '=', id).where('account_id', '=', accountId).returning('id').executeTakeFirst()
}

export async function deleteAllOfAccount(tx: Db, accountId: string): Promise<void> {
  await tx.deleteFrom('saved_search').where('account_id', '=', accountId).execute()
}

/**
 * The searches a posting may match, narrowed in SQL on the equality filters (an open filter is null); keywords are
 * checked by rules.matchesPosting on the few rows left.
 */
export function searchesThatMayMatch(tx: Db, posting: MatchablePosting): Promise<SavedSearchRow[]> {
  const equalOrOpen = <C extends 'role_id' | 'prefecture_code' | 'remote_allowed' | 'side_job_allowed'>(column: C, value: string | boolean | null) =>
    value === null ? sql<boolean>`${sql.ref(column)} is null` : sql<boolean>`(${sql.ref(column)} is null or ${sql.ref(column)} = ${value})`
  return tx
    .selectFrom('saved_search')
    .selectAll()
    .where(equalOrOpen('role_id', posting.roleId))
    .where(equalOrOpen('prefecture_code', posting.prefectureCode))
    .where(equalOrOpen('remote_allowed', posting.remoteAllowed))
    .where(equalOrOpen('side_job_allowed', posting.sideJobAllowed))
    .orderBy('id')
    .execute()
}

/**
 * Records that these searches were told of the posting and returns the ones recorded now: a pair told before (by
 * this or another server instance, in a committed or concurrent transaction) is skipped by the primary key.
 */
export async function claimDeliveries(tx: Db, postingId: string, searchIds: readonly string[], now: Date): Promise<string[]> {
  if (searchIds.length === 0) return []
  const rows = await tx
    .insertInto('saved_search_delivery')
    .values(searchIds.map((id) => ({ saved_search_id: id, posting_id: postingId, delivered_at: now })))
    .onConflict((oc) => oc.columns(['saved_search_id', 'posting_id']).doNothing())
    .returning('saved_search_id')
    .execute()
  return rows.map((row) => row.saved_search_id)
}
