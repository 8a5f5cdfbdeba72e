import { z } from 'zod'
import { endpoint, page, PageQuery } from './endpoint.ts'

export const MailStatus = z.enum(['pending', 'sent', 'failed'])
export type MailStatus = z.infer<typeof MailStatus>

/** One message of the mail outbox (送信待ちメール). */
export const MailOutboxItem = z.object({
  id: z.string(),
  createdAt: z.string(),
  to: z.string(),
  subject: z.string(),
  /**
   * The body, shown only while no SMTP server is configured (demo and development, where the outbox is the only
   * way to read a confirmation link). With SMTP configured it is null: one-time links belong to their recipient.
   */
  text: z.string().nullable(),
  status: MailStatus,
  attempts: z.number().int(),
  sentAt: z.string().nullable(),
  lastError: z.string().nullable(),
})
export type MailOutboxItem = z.infer<typeof MailOutboxItem>

export const MailOutboxQuery = PageQuery.extend({
  status: MailStatus.optional(),
  to: z.string().trim().toLowerCase().max(254).optional(),
})

export const listMailOutbox = endpoint({
  operationId: 'listMailOutbox',
  method: 'GET',
  path: '/api/mail-outbox',
  summary: '送信メールの一覧（国の担当者のみ。新しい順）',
  tags: ['メール'],
  query: MailOutboxQuery,
  response: page(MailOutboxItem),
})

export const mailStatusLabels: Record<MailStatus, string> = { pending: '送信待ち', sent: '送信済み', failed: '送信失敗' }

export const MailIdParams = z.object({ id: z.uuid({ message: 'メールの番号が正しくありません。' }) })

export const getMailOutboxItem = endpoint({
  operationId: 'getMailOutboxItem',
  method: 'GET',
  path: '/api/mail-outbox/:id',
  summary: '送信メールを1通読む（国の担当者のみ）',
  tags: ['メール'],
  params: MailIdParams,
  response: MailOutboxItem,
})

export const retryMail = endpoint({
  operationId: 'retryMail',
  method: 'POST',
  path: '/api/mail-outbox/:id/retry',
  summary: '送信に失敗したメールをもう一度送る（国の担当者のみ。送信待ちに戻し、試行回数を数え直す）',
  tags: ['メール'],
  params: MailIdParams,
  response: MailOutboxItem,
})
