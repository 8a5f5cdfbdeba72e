import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { z } from 'zod'
import type { Db } from '../db/database.ts'
import { DatabaseBusy } from '../db/fair-gate.ts'

/**
 * GET /healthz, a readiness check for a load balancer: 200 only when the database answers and the server is not
 * shedding load; 503 `busy` (with Retry-After) while it sheds, so traffic goes to another instance meanwhile.
 * It is answered even then (shedUnderPressure: false), so it says which of the two is the matter.
 */
export function healthRoutes(app: FastifyInstance, { db, retryAfterSeconds }: { db: Db; retryAfterSeconds: number }): void {
  app.get(
    '/healthz',
    {
      config: { access: 'public', shedUnderPressure: false },
      schema: {
        operationId: 'getHealth',
        summary: '稼働確認（データベース接続と負荷を含む）',
        tags: ['運用'],
        response: {
          200: z.object({ status: z.literal('ok'), database: z.literal('ok') }),
          503: z.union([
            z.object({ status: z.literal('unavailable'), database: z.literal('unreachable') }),
            z.object({ status: z.literal('busy'), database: z.literal('ok') }),
          ]),
        },
      },
    },
    async (request, reply) => {
      try {
        await sql`SELECT 1`.execute(db)
      } catch (err) {
        // every connection taken for longer than the wait allows: the database answers, the server is overloaded
        if (err instanceof DatabaseBusy) return reply.status(503).header('retry-after', String(retryAfterSeconds)).send({ status: 'busy', database: 'ok' })
        request.log.error({ err }, 'database health check failed')
        return reply.status(503).send({ status: 'unavailable', database: 'unreachable' })
      }
      if (app.isShedding()) {
        return reply.status(503).header('retry-after', String(retryAfterSeconds)).send({ status: 'busy', database: 'ok' })
      }
      return { status: 'ok' as const, database: 'ok' as const }
    },
  )
}
