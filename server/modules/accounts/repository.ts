import type { Insertable, Selectable } from 'kysely'
import type { Db } from '../../db/database.ts'
import type { AccountTable, AccountTokenTable } from '../../db/schema.ts'
import type { TokenPurpose } from './rules.ts'

export type AccountRow = Selectable<AccountTable>

export async function insertAccount(db: Db, row: Insertable<AccountTable>): Promise<AccountRow> {
  return db.insertInto('account').values(row).returningAll().executeTakeFirstOrThrow()
}

/** Inserts unless the address is taken; undefined when it was. */
export async function insertAccountIfNew(db: Db, row: Insertable<AccountTable>): Promise<AccountRow | undefined> {
  return db
    .insertInto('account')
    .values(row)
    .onConflict((oc) => oc.column('email').doNothing())
    .returningAll()
    .executeTakeFirst()
}

export function findAccountByEmail(db: Db, email: string): Promise<AccountRow | undefined> {
  return db.selectFrom('account').selectAll().where('email', '=', email).executeTakeFirst()
}

export function findAccountById(db: Db, id: string): Promise<AccountRow | undefined> {
  return db.selectFrom('account').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function updateAccount(
  db: Db,
  id: string,
  changes: Partial<Pick<AccountRow, 'password_hash' | 'display_name' | 'email_confirmed_at'>>,
): Promise<void> {
  await db.updateTable('account').set(changes).where('id', '=', id).execute()
}

/**
 * Deletes an account in place: the row stays for the records that point at it, the person goes. The address becomes
 * a unique placeholder (so the real one can sign up afresh), the password a value no hash matches, and every
 * session and one-time token is removed. Undefined when there is no such account or it was already deleted.
 */
export async function markAccountDeleted(db: Db, id: string, now: Date): Promise<AccountRow | undefined> {
  const deleted = await db
    .updateTable('account')
    .set({
      email: `deleted-${id}@deleted.invalid`,
      display_name: '削除済みアカウント',
      // Not an argon2 hash: verification always fails. Candidates must keep a non-null value (0004's CHECK).
      password_hash: '!deleted',
      deleted_at: now,
    })
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .returningAll()
    .executeTakeFirst()
  if (!deleted) return undefined
  await db.deleteFrom('session').where('account_id', '=', id).execute()
  await db.deleteFrom('account_token').where('account_id', '=', id).execute()
  return deleted
}

export async function countAccounts(db: Db): Promise<number> {
  const row = await db
    .selectFrom('account')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

// ---- sessions ---------------------------------------------------------------------------------------------------

export interface NewSession {
  accountId: string
  tokenHash: string
  csrfTokenHash: string
  now: Date
  expiresAt: Date
  ip: string | null
  userAgent: string | null
}

export async function insertSession(db: Db, session: NewSession): Promise<string> {
  const row = await db
    .insertInto('session')
    .values({
      account_id: session.accountId,
      token_hash: session.tokenHash,
      csrf_token_hash: session.csrfTokenHash,
      created_at: session.now,
      last_seen_at: session.now,
      expires_at: session.expiresAt,
      ip: session.ip,
      user_agent: session.userAgent,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** The session with its account, by the digest of the cookie's token. */
export function findSessionByTokenHash(db: Db, tokenHash: string) {
  return db
    .selectFrom('session')
    .innerJoin('account', 'account.id', 'session.account_id')
    .select([
      'session.id as sessionId',
      'session.csrf_token_hash as csrfTokenHash',
      'session.last_seen_at as lastSeenAt',
      'session.expires_at as expiresAt',
      'account.id as accountId',
      'account.kind',
      'account.local_government_code as localGovernmentCode',
      'account.prefecture_code as prefectureCode',
    ])
    .where('session.token_hash', '=', tokenHash)
    .where('account.deleted_at', 'is', null)
    .executeTakeFirst()
}

export async function touchSession(db: Db, sessionId: string, now: Date): Promise<void> {
  await db.updateTable('session').set({ last_seen_at: now }).where('id', '=', sessionId).execute()
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('session').where('id', '=', sessionId).execute()
}

export async function deleteSessionsOf(db: Db, accountId: string): Promise<void> {
  await db.deleteFrom('session').where('account_id', '=', accountId).execute()
}

/** Removes sessions past their absolute end or idle longer than `idleMinutes`. */
export async function deleteExpiredSessions(db: Db, now: Date, idleMinutes: number): Promise<void> {
  const idleSince = new Date(now.getTime() - idleMinutes * 60_000)
  await db
    .deleteFrom('session')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleSince)]))
    .execute()
}

// ---- one-time tokens --------------------------------------------------------------------------------------------

export async function insertToken(db: Db, token: { accountId: string; purpose: TokenPurpose; tokenHash: string; now: Date; expiresAt: Date }): Promise<void> {
  await db
    .insertInto('account_token')
    .values({
      account_id: token.accountId,
      purpose: token.purpose,
      token_hash: token.tokenHash,
      created_at: token.now,
      expires_at: token.expiresAt,
    })
    .execute()
}

/** Locks the token row so two requests with one link cannot both use it. */
export function findTokenForUpdate(db: Db, tokenHash: string): Promise<Selectable<AccountTokenTable> | undefined> {
  return db.selectFrom('account_token').selectAll().where('token_hash', '=', tokenHash).forUpdate().executeTakeFirst()
}

export async function markTokenUsed(db: Db, id: string, now: Date): Promise<void> {
  await db.updateTable('account_token').set({ used_at: now }).where('id', '=', id).execute()
}

/** Earlier unused links of the same purpose stop working when a new one is sent or one is used. */
export async function retireTokens(db: Db, accountId: string, purposes: readonly TokenPurpose[], now: Date): Promise<void> {
  await db
    .updateTable('account_token')
    .set({ used_at: now })
    .where('account_id', '=', accountId)
    .where('purpose', 'in', purposes)
    .where('used_at', 'is', null)
    .execute()
}

// ---- staff accounts ---------------------------------------------------------------------------------------------

/** Who receives a notification: staff of one kind, within a municipality or a prefecture, or all national staff. */
export type StaffAudience = { kind: 'municipality'; localGovernmentCode: string } | { kind: 'prefecture'; prefectureCode: string } | { kind: 'national' }

/** Addresses of staff who have confirmed them (an invitation not yet accepted has not). At most 200. */
export async function staffEmailsOf(db: Db, audience: StaffAudience): Promise<string[]> {
  let query = db
    .selectFrom('account')
    .select('email')
    .where('kind', '=', audience.kind)
    .where('email_confirmed_at', 'is not', null)
    .where('deleted_at', 'is', null)
  if (audience.kind === 'municipality') query = query.where('local_government_code', '=', audience.localGovernmentCode)
  if (audience.kind === 'prefecture') query = query.where('prefecture_code', '=', audience.prefectureCode)
  const rows = await query.orderBy('email').limit(200).execute()
  return rows.map((row) => row.email)
}

export async function confirmedEmailOf(db: Db, accountId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('account')
    .select('email')
    .where('id', '=', accountId)
    .where('email_confirmed_at', 'is not', null)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  return row?.email
}

export interface StaffFilter {
  kind?: 'municipality' | 'prefecture' | 'national' | undefined
  localGovernmentCode?: string | undefined
  prefectureCode?: string | undefined
  limit: number
  offset: number
}

export type StaffVisibility = { kind: 'all' } | { kind: 'prefecture'; prefectureCode: string } | { kind: 'municipality'; localGovernmentCode: string }

/** Staff accounts within the caller's tenant only; the tenant condition is part of the SQL. */
export async function searchStaffAccounts(db: Db, visibility: StaffVisibility, filter: StaffFilter) {
  let query = db.selectFrom('account').where('kind', '<>', 'candidate').where('deleted_at', 'is', null)
  if (visibility.kind === 'prefecture') query = query.where('prefecture_code', '=', visibility.prefectureCode)
  if (visibility.kind === 'municipality') query = query.where('local_government_code', '=', visibility.localGovernmentCode)
  if (filter.kind) query = query.where('kind', '=', filter.kind)
  if (filter.localGovernmentCode) query = query.where('local_government_code', '=', filter.localGovernmentCode)
  if (filter.prefectureCode) query = query.where('prefecture_code', '=', filter.prefectureCode)
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('created_at').orderBy('id').limit(filter.limit).offset(filter.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(count.total) }
}
