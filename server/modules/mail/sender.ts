import type { FastifyBaseLogger } from 'fastify'
import { createTransport } from 'nodemailer'
import type { Db } from '../../db/database.ts'
import { claimDueMail, markFailed, markSent } from './repository.ts'

export interface MailSender {
  /** Delivers what is due now; resolves with the counts. Does nothing without SMTP. */
  deliverPending(): Promise<{ sent: number; failed: number }>
  /** Starts a delivery in the background (after a transaction that queued mail has committed). */
  kick(): void
  /** Resolves when no background delivery is running. */
  idle(): Promise<void>
  close(): Promise<void>
}

export interface MailSenderOptions {
  db: Db
  config: { smtpUrl: string | undefined; mailFrom: string }
  log?: FastifyBaseLogger
  /** Attempts before a message is marked failed. */
  maxAttempts?: number
}

/** Delivers the outbox with nodemailer over SMTP (config.smtpUrl); without it, mail stays in the outbox. */
export function createMailSender({ db, config, log, maxAttempts = 8 }: MailSenderOptions): MailSender {
  const transport = config.smtpUrl ? createTransport(config.smtpUrl) : null
  let running: Promise<void> | null = null
  let again = false
  let closed = false

  async function deliverPending() {
    const counts = { sent: 0, failed: 0 }
    if (!transport || closed) return counts
    for (;;) {
      const batch = await claimDueMail(db, 20)
      if (batch.length === 0) return counts
      for (const mail of batch) {
        try {
          await transport.sendMail({
            from: config.mailFrom,
            to: mail.to,
            subject: mail.subject,
            text: mail.text,
            ...(mail.calendar ? { icalEvent: { method: mail.calendar.method, filename: 'invitation.ics', content: mail.calendar.content } } : {}),
          })
          await markSent(db, mail.id)
          counts.sent += 1
        } catch (error) {
          counts.failed += 1
          const message = error instanceof Error ? error.message : String(error)
          log?.warn({ mailId: mail.id, attempts: mail.attempts, err: message }, 'mail delivery failed')
          // A permanent refusal (SMTP 5xx: no such mailbox, relaying denied) will not pass on a later attempt.
          await markFailed(db, mail.id, mail.attempts, message, isPermanent(error) ? mail.attempts : maxAttempts)
        }
      }
      // failed messages wait for their next attempt, so the loop ends once nothing is due
    }
  }

  function kick() {
    if (!transport || closed) return
    if (running) {
      again = true
      return
    }
    running = (async () => {
      do {
        again = false
        await deliverPending()
      } while (again && !closed)
    })()
      .catch((error: unknown) => log?.error({ err: error }, 'mail delivery stopped'))
      .finally(() => {
        running = null
      })
  }

  return {
    deliverPending,
    kick,
    idle: async () => {
      while (running) await running
    },
    close: async () => {
      closed = true
      while (running) await running
      transport?.close()
    },
  }
}

/** nodemailer gives the server's reply code on the error; 5xx replies are permanent (RFC 5321 §4.2.1). */
function isPermanent(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { responseCode?: unknown }).responseCode : undefined
  return typeof code === 'number' && code >= 500 && code < 600
}
