import type { Selectable } from 'kysely'
import type { AuditEvent } from '#shared/contracts/audit'
import type { Db } from '../../db/database.ts'
import type { AuditEventTable } from '../../db/schema.ts'

export interface AuditRow {
  actorUserId: string | null
  actorKind: string
  action: string
  targetType: string | null
  targetId: string | null
  ip: string | null
  requestId: string | null
  prefectureCode: string | null
  localGovernmentCode: string | null
  details: Record<string, unknown>
}

export async function insertAuditEvent(db: Db, row: AuditRow): Promise<string> {
  const inserted = await db
    .insertInto('audit_event')
    .values({
      actor_user_id: row.actorUserId,
      actor_kind: row.actorKind,
      action: row.action,
      target_type: row.targetType,
      target_id: row.targetId,
      ip: row.ip,
      request_id: row.requestId,
      prefecture_code: row.prefectureCode,
      local_government_code: row.localGovernmentCode,
      details: JSON.stringify(row.details),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return inserted.id
}

function toAuditEvent(row: Selectable<AuditEventTable>): AuditEvent {
  return {
    id: row.id,
    occurredAt: row.occurred_at.toISOString(),
    actorUserId: row.actor_user_id,
    actorKind: row.actor_kind,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    ip: row.ip,
    requestId: row.request_id,
    prefectureCode: row.prefecture_code,
    localGovernmentCode: row.local_government_code,
    details: row.details ?? {},
  }
}

export interface AuditFilter {
  /** null = every event (国); a code = only events belonging to that prefecture. */
  prefectureCode: string | null
  action?: string | undefined
  targetType?: string | undefined
  targetId?: string | undefined
  limit: number
  offset: number
}

/** Newest first. */
export async function searchAuditEvents(db: Db, filter: AuditFilter) {
  let query = db.selectFrom('audit_event')
  if (filter.prefectureCode !== null) query = query.where('prefecture_code', '=', filter.prefectureCode)
  if (filter.action) query = query.where('action', '=', filter.action)
  if (filter.targetType) query = query.where('target_type', '=', filter.targetType)
  if (filter.targetId) query = query.where('target_id', '=', filter.targetId)
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('occurred_at', 'desc').orderBy('id', 'desc').limit(filter.limit).offset(filter.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ])
  return { items: rows.map(toAuditEvent), total: Number(count.total) }
}
