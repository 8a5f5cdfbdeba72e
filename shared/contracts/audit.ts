import { z } from 'zod'
import { endpoint, page, PageQuery } from './endpoint.ts'

/** One entry of the append-only audit log (監査ログ): who did what to which record, when and from where. */
export const AuditEvent = z.object({
  id: z.string(),
  occurredAt: z.string(),
  actorUserId: z.string().nullable(),
  /** candidate | municipality | prefecture | national | anonymous | system */
  actorKind: z.string(),
  /** `<thing>.<past tense>`, e.g. `account.signed_up`, `staff_account.created`. */
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  /** The prefecture the event belongs to (都道府県の担当者 see only theirs); null for national or personal events. */
  prefectureCode: z.string().nullable(),
  localGovernmentCode: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
})
export type AuditEvent = z.infer<typeof AuditEvent>

const Word = z.string().trim().min(1).max(100)

export const AuditEventQuery = PageQuery.extend({
  action: Word.optional(),
  targetType: Word.optional(),
  targetId: Word.optional(),
})

export const listAuditEvents = endpoint({
  operationId: 'listAuditEvents',
  method: 'GET',
  path: '/api/audit-events',
  summary: '監査ログ（新しい順。都道府県の担当者は自県の分のみ）',
  tags: ['監査ログ'],
  query: AuditEventQuery,
  response: page(AuditEvent),
})
