import { type MailOutboxItem, mailStatusLabels } from '#shared/contracts/mail'
import type { Db } from '../../db/database.ts'
import type { Actor } from '../../http/actor.ts'
import { AppError, notFound } from '../../http/errors.ts'
import { recordAudit } from '../audit/index.ts'
import { findMail, requeueFailedMail } from './repository.ts'

const NOT_FOUND = 'このメールは見つかりません。'

export async function readMail(db: Db, id: string, showText: boolean): Promise<MailOutboxItem> {
  const item = await findMail(db, id, showText)
  if (!item) throw notFound(NOT_FOUND)
  return item
}

/** A failed message goes back to the queue; the request and the attempts it had are audited with it. */
export async function retryFailedMail(db: Db, actor: Actor, request: { ip: string; id: string }, id: string, showText: boolean): Promise<MailOutboxItem> {
  await db.transaction().execute(async (tx) => {
    const requeued = await requeueFailedMail(tx, id)
    if (!requeued) {
      const exists = await findMail(tx, id, false)
      if (!exists) throw notFound(NOT_FOUND)
      throw new AppError('MAIL_NOT_FAILED', `「${mailStatusLabels[exists.status]}」のメールは再送できません。再送できるのは送信に失敗したメールだけです。`)
    }
    await recordAudit(tx, {
      actor,
      action: 'mail.retry_requested',
      targetType: 'mail',
      targetId: id,
      request,
      details: { previousAttempts: requeued.attempts },
    })
  })
  return readMail(db, id, showText)
}
