/** SQL of the saved-searches module: its own tables only (accounts and postings are reached through their index.ts). */
import { sql, type Selectable } from 'kysely'
import type { Db } from '../../db/database.ts'
import type { SavedSearchTable } from '../../db/schema.ts'
import type { MatchablePosting } from './rules.ts'

export type SavedSearchRow = Selectable<SavedSearchTable>
export type ListedSavedSearch = SavedSearchRow & { announced: number; pending: number }

/** Inserts the search; undefined when the account already keeps the same one (same filters_key). */
export function insertSavedSearch(
  tx: Db,
  values: Pick<
    SavedSearchRow,
    'account_id' | 'role_id' | 'prefecture_code' | 'remote_allowed' | 'side_job_allowed' | 'keywords' | 'filters_key' | 'created_at' | 'frequency'
  >,
): Promise<SavedSearchRow | undefined> {
  return tx
    .insertInto('saved_search')
    .values(values)
    .onConflict((oc) => oc.columns(['account_id', 'filters_key']).doNothing())
    .returningAll()
    .executeTakeFirst()
}

export async function countOfAccount(db: Db, accountId: string): Promise<number> {
  const row = await db
    .selectFrom('saved_search')
    .select((eb) => eb.fn.countAll<string>().as('total'))
    .where('account_id', '=', accountId)
    .executeTakeFirstOrThrow()
  return Number(row.total)
}

const announced = sql<string>`(select count(*) from saved_search_delivery d where d.saved_search_id = saved_search.id and d.digest_period is not null)`.as(
  'announced',
)
const pending = sql<string>`(select count(*) from saved_search_delivery d where d.saved_search_id = saved_search.id and d.digest_period is null)`.as('pending')

export async function searchesOfAccount(
  db: Db,
  accountId: string,
  pageOf: { limit: number; offset: number },
): Promise<{ rows: ListedSavedSearch[]; total: number }> {
  const [rows, total] = await Promise.all([
    db
      .selectFrom('saved_search')
      .selectAll()
      .select([announced, pending])
      .where('account_id', '=', accountId)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(pageOf.limit)
      .offset(pageOf.offset)
      .execute(),
    countOfAccount(db, accountId),
  ])
  return { rows: rows.map((row) => ({ ...row, announced: Number(row.announced), pending: Number(row.pending) })), total }
}

export async function searchOfAccount(db: Db, id: string, accountId: string): Promise<ListedSavedSearch | undefined> {
  const row = await db
    .selectFrom('saved_search')
    .selectAll()
    .select([announced, pending])
    .where('id', '=', id)
    .where('account_id', '=', accountId)
    .executeTakeFirst()
  return row && { ...row, announced: Number(row.announced), pending: Number(row.pending) }
}

export function setFrequency(tx: Db, id: string, accountId: string, frequency: SavedSearchRow['frequency']): Promise<{ id: string } | undefined> {
  return tx.updateTable('saved_search').set({ frequency }).where('id', '=', id).where('account_id', '=', accountId).returning('id').executeTakeFirst()
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

/** Searches with matches no digest has taken yet, oldest match first. */
export function searchesWithPendingMatches(db: Db): Promise<SavedSearchRow[]> {
  return db
    .selectFrom('saved_search')
    .selectAll()
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('saved_search_delivery as d')
          .select('d.posting_id')
          .whereRef('d.saved_search_id', '=', 'saved_search.id')
          .where('d.digest_period', 'is', null),
      ),
    )
    .orderBy('id')
    .execute()
}

/**
 * Claims the search's digest for a period; false when it was claimed before (by this or another instance, committed
 * or in a concurrent transaction, which the primary key waits for).
 */
export async function claimDigest(tx: Db, searchId: string, period: string, now: Date): Promise<boolean> {
  const row = await tx
    .insertInto('saved_search_digest')
    .values({ saved_search_id: searchId, period, postings: 1, sent_at: now })
    .onConflict((oc) => oc.columns(['saved_search_id', 'period']).doNothing())
    .returning('period')
    .executeTakeFirst()
  return row !== undefined
}

export async function releaseDigest(tx: Db, searchId: string, period: string): Promise<void> {
  await tx.deleteFrom('saved_search_digest').where('saved_search_id', '=', searchId).where('period', '=', period).execute()
}

export async function recordDigestSize(tx: Db, searchId: string, period: string, postings: number): Promise<void> {
  await tx.updateTable('saved_search_digest').set({ postings }).where('saved_search_id', '=', searchId).where('period', '=', period).execute()
}

/** Gives the search's waiting matches to this period's digest and returns their postings, in the order they matched. */
export async function takePendingMatches(tx: Db, searchId: string, period: string): Promise<string[]> {
  const rows = await tx
    .updateTable('saved_search_delivery')
    .set({ digest_period: period })
    .where('saved_search_id', '=', searchId)
    .where('digest_period', 'is', null)
    .returning(['posting_id', 'delivered_at'])
    .execute()
  return rows.sort((a, b) => a.delivered_at.getTime() - b.delivered_at.getTime() || a.posting_id.localeCompare(b.posting_id)).map((row) => row.posting_id)
}
