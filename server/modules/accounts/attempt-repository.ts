import { sql } from 'kysely'
import type { Db } from '../../db/database.ts'
import { type AttemptKey, SIGN_IN_DELAY_RESET_SECONDS, signInDelaySchedule, type WindowCount } from './rate-limit.ts'

const SCHEDULE = `{${signInDelaySchedule().join(',')}}`

/**
 * Counts one attempt in each key's window and answers the counts. One upsert: concurrent attempts (from any
 * instance) each get their own count, and a window that has ended starts again at 1.
 */
export async function countAttempt(db: Db, keys: readonly AttemptKey[], now: Date, windowSeconds: number): Promise<WindowCount[]> {
  const ended = sql<boolean>`auth_attempt_window.window_started_at <= ${now}::timestamptz - make_interval(secs => ${windowSeconds})`
  const rows = await db
    .insertInto('auth_attempt_window')
    .values(keys.map(({ key }) => ({ key, window_started_at: now, attempts: 1 })))
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        window_started_at: sql`CASE WHEN ${ended} THEN excluded.window_started_at ELSE auth_attempt_window.window_started_at END`,
        attempts: sql`CASE WHEN ${ended} THEN 1 ELSE auth_attempt_window.attempts + 1 END`,
      }),
    )
    .returning(['key', 'attempts', 'window_started_at'])
    .execute()
  return rows.map((row) => ({ key: row.key, attempts: row.attempts, windowStartedAt: row.window_started_at }))
}

/**
 * Takes the account's next sign-in turn if its delay has passed: the attempt is counted and the next turn moved
 * by the delay schedule in one conditional UPDATE, so two concurrent attempts cannot both take one turn.
 * Answers undefined when taken, else the instant the turn comes.
 */
export async function takeSignInTurn(db: Db, accountKey: string, now: Date): Promise<Date | undefined> {
  await db
    .insertInto('auth_account_delay')
    .values({ account_key: accountKey, failures: 0, not_before: now, last_attempt_at: now })
    .onConflict((oc) => oc.column('account_key').doNothing())
    .execute()
  const attempts = sql<number>`CASE WHEN last_attempt_at <= ${now}::timestamptz - make_interval(secs => ${SIGN_IN_DELAY_RESET_SECONDS}) THEN 1 ELSE failures + 1 END`
  const taken = await db
    .updateTable('auth_account_delay')
    .set({
      failures: attempts,
      not_before: sql`${now}::timestamptz + make_interval(secs => (${SCHEDULE}::int[])[LEAST(${attempts}, cardinality(${SCHEDULE}::int[]))])`,
      last_attempt_at: now,
    })
    .where('account_key', '=', accountKey)
    .where('not_before', '<=', now)
    .executeTakeFirst()
  if (Number(taken.numUpdatedRows) === 1) return undefined
  const row = await db.selectFrom('auth_account_delay').select('not_before').where('account_key', '=', accountKey).executeTakeFirst()
  return row?.not_before ?? now
}

/** A successful sign-in: the account's attempts count from zero again. */
export async function clearSignInDelay(db: Db, accountKey: string): Promise<void> {
  await db.deleteFrom('auth_account_delay').where('account_key', '=', accountKey).execute()
}

/** Deletes ended windows and delays no attempt has touched for a day; answers how many rows went. */
export async function sweepAttempts(db: Db, now: Date, windowSeconds: number): Promise<number> {
  const windows = await db
    .deleteFrom('auth_attempt_window')
    .where('window_started_at', '<=', sql<Date>`${now}::timestamptz - make_interval(secs => ${windowSeconds})`)
    .executeTakeFirst()
  const delays = await db
    .deleteFrom('auth_account_delay')
    .where('last_attempt_at', '<=', sql<Date>`${now}::timestamptz - make_interval(secs => ${SIGN_IN_DELAY_RESET_SECONDS})`)
    .executeTakeFirst()
  return Number(windows.numDeletedRows) + Number(delays.numDeletedRows)
}
