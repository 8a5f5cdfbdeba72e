import type { FastifyInstance } from 'fastify'
import { listAuditEvents } from '#shared/contracts/audit'
import type { Db } from '../../db/database.ts'
import { AppError } from '../../http/errors.ts'
import { route } from '../../http/route.ts'
import { searchAuditEvents } from './repository.ts'

/** Read-only by design: the audit log has no update or delete route, and its table refuses both. */
export function auditRoutes(app: FastifyInstance, { db }: { db: Db }): void {
  route(app, listAuditEvents, ['prefecture', 'national'], async ({ query, actor }) => {
    // 国: every event; 都道府県: only events belonging to its prefecture (and its municipalities); nobody else.
    if (actor.kind !== 'national' && actor.kind !== 'prefecture') throw new AppError('FORBIDDEN', 'この操作を行う権限がありません。')
    const prefectureCode = actor.kind === 'prefecture' ? actor.prefectureCode : null
    const result = await searchAuditEvents(db, { ...query, prefectureCode })
    return { ...result, limit: query.limit, offset: query.offset }
  })
}
