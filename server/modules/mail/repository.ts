import { sql, type Selectable } from 'kysely'
import type { MailOutboxItem, MailStatus } from '#shared/contracts/mail'
import type { Db } from '../../db/database.ts'
import type { MailOutboxTable } from '../../db/schema.ts'

export interface OutgoingMail {
  to: string
  subject: string
  text: string
  /** An invitation (or its cancellation) sent as a text/calendar part beside the text. */
  calendar?: { method: 'REQUEST' | 'CANCEL'; content: string } | undefined
}

export async function insertMail(db: Db, mail: OutgoingMail): Promise<string> {
  const row = await db
    .insertInto('mail_outbox')
    .values({
      to_address: mail.to,
      subject: mail.subject,
      body_text: mail.text,
      calendar: mail.calendar?.content ?? null,
      calendar_method: mail.calendar?.method ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export interface ClaimedMail extends OutgoingMail {
  id: string
  attempts: number
}

/**
 * Takes up to `limit` pending messages that are due and not claimed by another sender, for `claimMinutes`.
 * The claim is committed before anything is sent, so no transaction stays open during SMTP.
 */
export async function claimDueMail(db: Db, limit: number, claimMinutes = 5): Promise<ClaimedMail[]> {
  const result = await sql<{
    id: string
    to_address: string
    subject: string
    body_text: string
    attempts: number
    calendar: string | null
    calendar_method: 'REQUEST' | 'CANCEL' | null
  }>`
    UPDATE mail_outbox
       SET claimed_until = now() + make_interval(mins => ${claimMinutes}), attempts = attempts + 1
     WHERE id IN (
       SELECT id FROM mail_outbox
        WHERE status = 'pending' AND next_attempt_at <= now() AND (claimed_until IS NULL OR claimed_until < now())
        ORDER BY created_at, id
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
    RETURNING id, to_address, subject, body_text, attempts, calendar, calendar_method`.execute(db)
  return result.rows.map((row) => ({
    id: row.id,
    to: row.to_address,
    subject: row.subject,
    text: row.body_text,
    attempts: row.attempts,
    calendar: row.calendar !== null && row.calendar_method !== null ? { method: row.calendar_method, content: row.calendar } : undefined,
  }))
}

export async function markSent(db: Db, id: string): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set({ status: 'sent', sent_at: sql<Date>`now()`, claimed_until: null, last_error: null })
    .where('id', '=', id)
    .execute()
}

/** After `maxAttempts` the message is given up (status failed); before that it waits 2^attempts minutes (≤ 1 h). */
export async function markFailed(db: Db, id: string, attempts: number, error: string, maxAttempts: number): Promise<void> {
  const waitMinutes = Math.min(60, 2 ** attempts)
  await db
    .updateTable('mail_outbox')
    .set({
      status: attempts >= maxAttempts ? 'failed' : 'pending',
      claimed_until: null,
      next_attempt_at: sql<Date>`now() + make_interval(mins => ${waitMinutes})`,
      last_error: error.slice(0, 500),
    })
    .where('id', '=', id)
    .execute()
}

function toItem(row: Selectable<MailOutboxTable>, showText: boolean): MailOutboxItem {
  return {
    id: row.id,
    createdAt: row.created_at.toISOString(),
    to: row.to_address,
    subject: row.subject,
    text: showText ? row.body_text : null,
    status: row.status,
    attempts: row.attempts,
    sentAt: row.sent_at ? row.sent_at.toISOString() : null,
    lastError: row.last_error,
  }
}

export interface MailFilter {
  status?: MailStatus | undefined
  to?: string | undefined
  limit: number
  offset: number
  showText: boolean
}

export async function findMail(db: Db, id: string, showText: boolean): Promise<MailOutboxItem | undefined> {
  const row = await db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? toItem(row, showText) : undefined
}

/**
 * Puts a failed message back in the queue, due now and with its attempts counted afresh (the sender gives up after
 * its maximum again). The last error stays until the next attempt replaces it. Undefined when the message is not
 * failed (a pending or sent one is left alone).
 */
export async function requeueFailedMail(db: Db, id: string): Promise<{ attempts: number } | undefined> {
  const before = await db.selectFrom('mail_outbox').select('attempts').where('id', '=', id).where('status', '=', 'failed').forUpdate().executeTakeFirst()
  if (!before) return undefined
  await db
    .updateTable('mail_outbox')
    .set({ status: 'pending', attempts: 0, next_attempt_at: sql<Date>`now()`, claimed_until: null })
    .where('id', '=', id)
    .execute()
  return { attempts: before.attempts }
}

/** Newest first. */
export async function searchMail(db: Db, filter: MailFilter) {
  let query = db.selectFrom('mail_outbox')
  if (filter.status) query = query.where('status', '=', filter.status)
  if (filter.to) query = query.where('to_address', '=', filter.to)
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit).offset(filter.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ])
  return { items: rows.map((row) => toItem(row, filter.showText)), total: Number(count.total) }
}
