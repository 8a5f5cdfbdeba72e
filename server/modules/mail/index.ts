import type { Db } from '../../db/database.ts'
import { insertMail, type OutgoingMail } from './repository.ts'

export { createMailSender, type MailSender } from './sender.ts'
export type { OutgoingMail } from './repository.ts'

/**
 * Queues one plain-text message in the caller's transaction (transactional outbox): it exists exactly when the
 * change that caused it commits. Delivery happens afterwards, from `MailSender.kick()` after the commit and from
 * the retry timer in main.ts. Returns the outbox row's id.
 */
export function enqueueMail(tx: Db, mail: OutgoingMail): Promise<string> {
  return insertMail(tx, { ...mail, to: mail.to.trim().toLowerCase() })
}
