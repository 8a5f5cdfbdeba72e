import type { Actor } from '../../http/actor.ts'
import type { Db } from '../../db/database.ts'
import { insertAuditEvent } from './repository.ts'

/** What one audit event records. Never put passwords, tokens or other secrets in `details`. */
export interface AuditInput {
  /** request.actor, or `{ kind: 'system' }` for the seed command and background work. */
  actor: Actor | { kind: 'system' }
  /** `<thing>.<past tense>` in snake_case: `account.signed_up`, `posting.submitted`. */
  action: string
  targetType?: string
  targetId?: string
  /** The Fastify request (or just its ip and id), so the event names where it came from. */
  request?: { ip: string; id: string }
  /**
   * The tenant the event belongs to; 都道府県の担当者 read their prefecture's events. Defaults to the actor's own
   * tenant (市区町村・都道府県の担当者); give it when a national actor or a candidate acts on a tenant's record.
   * A local-government code alone implies its prefecture (its first two digits).
   */
  prefectureCode?: string | null
  localGovernmentCode?: string | null
  details?: Record<string, unknown>
}

/**
 * Appends one event to the audit log in the caller's transaction, so the event exists exactly when the change
 * does. Call it from the service function that makes the change:
 *
 *   await db.transaction().execute(async (tx) => {
 *     … the change …
 *     await recordAudit(tx, { actor, action: 'posting.submitted', targetType: 'posting', targetId: id, request })
 *   })
 */
export async function recordAudit(tx: Db, input: AuditInput): Promise<string> {
  const { actor } = input
  const actorLocalGovernment = actor.kind === 'municipality' ? actor.localGovernmentCode : null
  const actorPrefecture = actor.kind === 'municipality' || actor.kind === 'prefecture' ? actor.prefectureCode : null
  const localGovernmentCode = input.localGovernmentCode !== undefined ? input.localGovernmentCode : actorLocalGovernment
  const prefectureCode =
    input.prefectureCode !== undefined ? input.prefectureCode : input.localGovernmentCode ? input.localGovernmentCode.slice(0, 2) : actorPrefecture
  return insertAuditEvent(tx, {
    actorUserId: 'userId' in actor ? actor.userId : null,
    actorKind: actor.kind,
    action: input.action,
    targetType: input.targetType ?? null,
    targetId: input.targetId ?? null,
    ip: input.request?.ip ?? null,
    requestId: input.request?.id ?? null,
    prefectureCode,
    localGovernmentCode,
    details: input.details ?? {},
  })
}
