/**
 * Message use cases. Every message is written with its attachment, its audit event and the other side's notice in
 * one transaction; reading a thread is allowed to its two parties only (anyone else: 404).
 */
import { ATTACHMENT_MAX_BYTES, type Message, type SendMessageRequest, type Thread, type ThreadSummary } from '#shared/contracts/messages'
import type { Db } from '../../db/database.ts'
import type { Actor } from '../../http/actor.ts'
import { AppError, notFound } from '../../http/errors.ts'
import { staffEmails } from '../accounts/index.ts'
import { applicationNotFound, applicationParties, isPdf, type ApplicationDeps } from '../applications/index.ts'
import { recordAudit } from '../audit/index.ts'
import * as candidates from '../candidates/index.ts'
import { findLocalGovernment } from '../local-governments/index.ts'
import { enqueueMail } from '../mail/index.ts'
import * as repository from './repository.ts'
import { ANONYMISED_BODY, authorLabel, newMessageNotice, sideOf } from './rules.ts'

/** Messages belong to an application and need what its use cases need. */
export type MessageDeps = ApplicationDeps

type RequestInfo = { ip: string; id: string }

/** The application's parties as the actor sees them; 404 for anyone but its applicant and its municipality's staff. */
async function openApplication(db: Db, actor: Actor, applicationId: string) {
  const parties = await applicationParties(db, applicationId)
  if (!parties) throw applicationNotFound()
  const contact = await candidates.candidateContact(db, parties.candidateId)
  const side = sideOf(actor, { municipalityCode: parties.municipalityCode, candidateAccountId: contact.accountId })
  if (!side || actor.kind === 'anonymous') throw applicationNotFound()
  const municipalityName = (await findLocalGovernment(db, parties.municipalityCode))?.name ?? parties.municipalityCode
  return { parties, contact, side, accountId: actor.userId, municipalityName }
}

type Opened = Awaited<ReturnType<typeof openApplication>>

function decodeAttachment(attachment: NonNullable<SendMessageRequest['attachment']>): Uint8Array {
  const bytes = Buffer.from(attachment.contentBase64, 'base64')
  if (bytes.length === 0 || bytes.length > ATTACHMENT_MAX_BYTES) {
    throw new AppError('INVALID_FILE', '添付ファイルは5MB以内の PDF にしてください。', 400, [
      { path: 'attachment.contentBase64', message: '添付ファイルは5MB以内にしてください。' },
    ])
  }
  if (!isPdf(bytes)) {
    throw new AppError('INVALID_FILE', '添付できるのは PDF ファイルだけです。', 400, [
      { path: 'attachment.contentBase64', message: 'PDF ファイルではありません。' },
    ])
  }
  return new Uint8Array(bytes)
}

async function messageViews(db: Db, rows: repository.MessageRow[], opened: Pick<Opened, 'side' | 'municipalityName' | 'contact'>): Promise<Message[]> {
  const attachments = await repository.attachmentsOf(
    db,
    rows.map((row) => row.id),
  )
  const names = { municipalityName: opened.municipalityName, candidateName: opened.side === 'staff' ? opened.contact.fullName : 'あなた' }
  return rows.map((row) => ({
    id: row.id,
    side: row.author_side,
    authorLabel: authorLabel(row.author_side, names),
    mine: row.author_side === opened.side,
    body: row.body,
    attachments: attachments.filter((a) => a.message_id === row.id).map((a) => ({ id: a.id, fileName: a.file_name, size: a.size })),
    createdAt: new Date(row.created_at).toISOString(),
  }))
}

export async function getThread(deps: MessageDeps, actor: Actor, applicationId: string): Promise<Thread> {
  const opened = await openApplication(deps.db, actor, applicationId)
  const thread = await repository.threadOfApplication(deps.db, applicationId)
  const rows = thread ? await repository.messagesOf(deps.db, thread.id) : []
  return {
    applicationId,
    postingTitle: opened.parties.postingTitle,
    municipalityName: opened.municipalityName,
    candidateName: opened.side === 'staff' ? opened.contact.fullName : null,
    messages: await messageViews(deps.db, rows, opened),
    unread: thread ? await repository.unreadInThread(deps.db, thread, opened.side, opened.accountId) : 0,
  }
}

export async function markRead(deps: MessageDeps, actor: Actor, applicationId: string): Promise<{ unread: number }> {
  const opened = await openApplication(deps.db, actor, applicationId)
  const thread = await repository.threadOfApplication(deps.db, applicationId)
  if (thread && thread.last_message_seq > 0) await repository.markRead(deps.db, thread.id, opened.accountId, Number(thread.last_message_seq))
  return { unread: await repository.unreadTotal(deps.db, scopeOfOpened(opened), opened.accountId) }
}

function scopeOfOpened(opened: Opened): repository.ThreadScope {
  return opened.side === 'staff'
    ? { side: 'staff', municipalityCode: opened.parties.municipalityCode }
    : { side: 'candidate', candidateId: opened.parties.candidateId }
}

export async function send(deps: MessageDeps, actor: Actor, request: RequestInfo, applicationId: string, body: SendMessageRequest): Promise<Message> {
  const now = deps.clock()
  const result = await deps.db.transaction().execute(async (tx) => {
    const opened = await openApplication(tx, actor, applicationId)
    // Checked after access, so a stranger learns nothing about the application from a file error.
    const content = body.attachment ? decodeAttachment(body.attachment) : null
    const thread = await repository.ensureThread(tx, {
      application_id: applicationId,
      municipality_code: opened.parties.municipalityCode,
      candidate_id: opened.parties.candidateId,
    })
    const row = await repository.insertMessage(tx, {
      thread_id: thread.id,
      author_side: opened.side,
      author_account_id: opened.accountId,
      body: body.body,
      created_at: now,
    })
    const attachment = content
      ? await repository.insertAttachment(tx, { message_id: row.id, file_name: body.attachment!.fileName, size: content.length, content })
      : null
    // The writer has read everything up to their own message.
    await repository.markRead(tx, thread.id, opened.accountId, Number(row.seq))
    await recordAudit(tx, {
      actor,
      action: 'message.sent',
      targetType: 'application',
      targetId: applicationId,
      request,
      localGovernmentCode: opened.parties.municipalityCode,
      details: {
        messageId: row.id,
        side: opened.side,
        length: body.body.length,
        ...(attachment ? { attachmentId: attachment.id, attachmentSize: attachment.size } : {}),
      },
    })
    const to = opened.side === 'staff' ? 'candidate' : 'staff'
    const recipients =
      to === 'candidate'
        ? [opened.contact.contactEmail].filter((address): address is string => Boolean(address))
        : await staffEmails(tx, { kind: 'municipality', localGovernmentCode: opened.parties.municipalityCode })
    const link = `${deps.config.publicUrl}/messages/applications/${applicationId}`
    const notice = newMessageNotice({ to, postingTitle: opened.parties.postingTitle, municipalityName: opened.municipalityName }, link)
    for (const address of recipients) await enqueueMail(tx, { to: address, ...notice })
    const [view] = await messageViews(tx, [row], opened)
    return { view: view!, mailed: recipients.length > 0 }
  })
  if (result.mailed) deps.kickMail?.()
  return result.view
}

export async function listThreads(deps: MessageDeps, actor: Actor, pageOf: { limit: number; offset: number }) {
  const scope = await scopeOfActor(deps.db, actor)
  if (!scope || actor.kind === 'anonymous') throw new AppError('FORBIDDEN', 'この操作を行う権限がありません。')
  const { rows, total } = await repository.threadsIn(deps.db, scope, actor.userId, pageOf)
  const items: ThreadSummary[] = []
  const names =
    scope.side === 'staff'
      ? await candidates.candidateNames(
          deps.db,
          rows.map((row) => row.candidate_id),
        )
      : new Map<string, string | null>()
  for (const row of rows) {
    const parties = await applicationParties(deps.db, row.application_id)
    items.push({
      id: row.id,
      applicationId: row.application_id,
      postingTitle: parties?.postingTitle ?? null,
      municipalityCode: row.municipality_code,
      municipalityName: (await findLocalGovernment(deps.db, row.municipality_code))?.name ?? row.municipality_code,
      candidateName: names.get(row.candidate_id) ?? null,
      lastMessageAt: row.last_message_at === null ? null : new Date(row.last_message_at).toISOString(),
      unread: Number(row.unread),
    })
  }
  return { items, total, ...pageOf }
}

async function scopeOfActor(db: Db, actor: Actor): Promise<repository.ThreadScope | null> {
  if (actor.kind === 'municipality') return { side: 'staff', municipalityCode: actor.localGovernmentCode }
  if (actor.kind === 'candidate') return { side: 'candidate', candidateId: await candidates.candidateIdForAccount(db, actor.userId) }
  return null
}

/** The navigation's badge: unread messages across every thread the caller is a party to (0 for other staff). */
export async function unread(deps: MessageDeps, actor: Actor): Promise<{ unread: number }> {
  const scope = await scopeOfActor(deps.db, actor)
  if (!scope || actor.kind === 'anonymous') return { unread: 0 }
  return { unread: await repository.unreadTotal(deps.db, scope, actor.userId) }
}

export async function getAttachment(deps: MessageDeps, actor: Actor, attachmentId: string) {
  const row = await repository.findAttachment(deps.db, attachmentId)
  if (!row) throw notFound('指定された添付ファイルが見つかりません。')
  await openApplication(deps.db, actor, row.application_id)
  return { fileName: row.file_name, contentBase64: Buffer.from(row.content).toString('base64'), size: row.size }
}

// ── For other modules ─────────────────────────────────────────────────────────────────────────────────────────

/** The candidate's threads and messages for the data export (attachments by name and size). */
export async function messagesOfCandidate(db: Db, candidateId: string) {
  const threads = await repository.threadsOfCandidate(db, candidateId)
  const out = []
  for (const thread of threads) {
    const rows = await repository.messagesOf(db, thread.id)
    const attachments = await repository.attachmentsOf(
      db,
      rows.map((row) => row.id),
    )
    out.push({
      applicationId: thread.application_id,
      messages: rows.map((row) => ({
        side: row.author_side,
        body: row.body,
        attachments: attachments.filter((a) => a.message_id === row.id).map((a) => ({ fileName: a.file_name, size: a.size })),
        createdAt: new Date(row.created_at).toISOString(),
      })),
    })
  }
  return out
}

/** On account deletion: the person's messages lose their text and attachments; the threads stay. */
export function anonymiseCandidateMessages(tx: Db, candidateId: string, now: Date): Promise<void> {
  return repository.anonymiseCandidateMessages(tx, candidateId, ANONYMISED_BODY, now)
}
