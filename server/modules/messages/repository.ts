/** SQL of the messages module: its own tables only (applications and candidates are read through their index.ts). */
import { sql, type Selectable } from 'kysely'
import type { Db } from '../../db/database.ts'
import type { MessageTable, MessageThreadTable } from '../../db/schema.ts'
import type { MessageSide } from '#shared/contracts/messages'

export type ThreadRow = Selectable<MessageThreadTable>
export type MessageRow = Selectable<MessageTable>

/** The application's thread, created on first use; locked for the rest of the transaction. */
export async function ensureThread(tx: Db, values: { application_id: string; municipality_code: string; candidate_id: string }): Promise<ThreadRow> {
  await tx
    .insertInto('message_thread')
    .values(values)
    .onConflict((oc) => oc.column('application_id').doNothing())
    .execute()
  return tx.selectFrom('message_thread').selectAll().where('application_id', '=', values.application_id).forUpdate().executeTakeFirstOrThrow()
}

export function threadOfApplication(db: Db, applicationId: string): Promise<ThreadRow | undefined> {
  return db.selectFrom('message_thread').selectAll().where('application_id', '=', applicationId).executeTakeFirst()
}

export async function insertMessage(
  tx: Db,
  values: { thread_id: string; author_side: MessageSide; author_account_id: string; body: string; created_at: Date },
): Promise<MessageRow> {
  const row = await tx.insertInto('message').values(values).returningAll().executeTakeFirstOrThrow()
  await tx.updateTable('message_thread').set({ last_message_seq: row.seq, last_message_at: values.created_at }).where('id', '=', values.thread_id).execute()
  return row
}

export async function insertAttachment(tx: Db, values: { message_id: string; file_name: string; size: number; content: Uint8Array }) {
  return tx.insertInto('message_attachment').values(values).returning(['id', 'file_name', 'size']).executeTakeFirstOrThrow()
}

export function messagesOf(db: Db, threadId: string): Promise<MessageRow[]> {
  return db.selectFrom('message').selectAll().where('thread_id', '=', threadId).orderBy('seq').execute()
}

export function attachmentsOf(db: Db, messageIds: readonly string[]) {
  if (messageIds.length === 0) return Promise.resolve([])
  return db.selectFrom('message_attachment').select(['id', 'message_id', 'file_name', 'size']).where('message_id', 'in', messageIds).orderBy('id').execute()
}

/** The attachment with the application its thread belongs to. */
export function findAttachment(db: Db, id: string) {
  return db
    .selectFrom('message_attachment as a')
    .innerJoin('message as m', 'm.id', 'a.message_id')
    .innerJoin('message_thread as t', 't.id', 'm.thread_id')
    .select(['a.file_name', 'a.size', 'a.content', 't.application_id'])
    .where('a.id', '=', id)
    .executeTakeFirst()
}

/** Raises the reader's marker to `seq` (never lowers it). */
export async function markRead(tx: Db, threadId: string, accountId: string, seq: number): Promise<void> {
  await tx
    .insertInto('message_read')
    .values({ thread_id: threadId, account_id: accountId, read_seq: seq })
    .onConflict((oc) => oc.columns(['thread_id', 'account_id']).doUpdateSet({ read_seq: sql`GREATEST(message_read.read_seq, excluded.read_seq)` }))
    .execute()
}

/** Whose threads a reader sees: a municipality's (staff) or one candidate's. */
export type ThreadScope = { side: 'staff'; municipalityCode: string } | { side: 'candidate'; candidateId: string }

function scoped(db: Db, scope: ThreadScope) {
  const threads = db.selectFrom('message_thread as t')
  return scope.side === 'staff' ? threads.where('t.municipality_code', '=', scope.municipalityCode) : threads.where('t.candidate_id', '=', scope.candidateId)
}

/** Messages from the other side the reader has not read, per thread (threads in scope only). */
function unreadOf(scope: ThreadScope, accountId: string) {
  return sql<number>`(SELECT count(*)::int FROM message m
      WHERE m.thread_id = t.id AND m.author_side <> ${scope.side}
        AND m.seq > COALESCE((SELECT r.read_seq FROM message_read r WHERE r.thread_id = t.id AND r.account_id = ${accountId}), 0))`
}

export async function unreadTotal(db: Db, scope: ThreadScope, accountId: string): Promise<number> {
  const row = await scoped(db, scope)
    .select(sql<number>`COALESCE(sum(${unreadOf(scope, accountId)}), 0)::int`.as('unread'))
    .executeTakeFirstOrThrow()
  return Number(row.unread)
}

export async function unreadInThread(db: Db, thread: ThreadRow, side: MessageSide, accountId: string): Promise<number> {
  const row = await db
    .selectFrom('message as m')
    .select((eb) => eb.fn.countAll<number>().as('unread'))
    .where('m.thread_id', '=', thread.id)
    .where('m.author_side', '<>', side)
    .where('m.seq', '>', sql<number>`COALESCE((SELECT r.read_seq FROM message_read r WHERE r.thread_id = ${thread.id} AND r.account_id = ${accountId}), 0)`)
    .executeTakeFirstOrThrow()
  return Number(row.unread)
}

export async function threadsIn(db: Db, scope: ThreadScope, accountId: string, pageOf: { limit: number; offset: number }) {
  const base = scoped(db, scope).where('t.last_message_seq', '>', 0)
  const [rows, count] = await Promise.all([
    base
      .select(['t.id', 't.application_id', 't.municipality_code', 't.candidate_id', 't.last_message_at', unreadOf(scope, accountId).as('unread')])
      .orderBy('t.last_message_seq', 'desc')
      .limit(pageOf.limit)
      .offset(pageOf.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(count.total) }
}

/** Every thread of a candidate with its messages, for the data export. */
export function threadsOfCandidate(db: Db, candidateId: string): Promise<ThreadRow[]> {
  return db.selectFrom('message_thread').selectAll().where('candidate_id', '=', candidateId).orderBy('created_at').execute()
}

/** The candidate's own messages lose their text and attachments; the staff's messages stay for the municipality. */
export async function anonymiseCandidateMessages(tx: Db, candidateId: string, body: string, now: Date): Promise<void> {
  const own = tx
    .selectFrom('message as m')
    .innerJoin('message_thread as t', 't.id', 'm.thread_id')
    .select('m.id')
    .where('t.candidate_id', '=', candidateId)
    .where('m.author_side', '=', 'candidate')
  await tx.deleteFrom('message_attachment').where('message_id', 'in', own).execute()
  await tx.updateTable('message').set({ body, anonymised_at: now }).where('id', 'in', own).execute()
}
