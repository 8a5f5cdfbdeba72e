import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { z } from 'zod'
import type { Db } from '../db/database.ts'

/** GET /healthz: answers 200 only when the database answers. */
export function healthRoutes(app: FastifyInstance, { db }: { db: Db }): void {
  app.get(
    '/healthz',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getHealth',
        summary: '稼働確認（データベース接続を含む）',
        tags: ['運用'],
        response: { 200: z.object({ status: z.literal('ok'), database: z.literal('ok') }), 503: z.object({ status: z.literal('unavailable'), database: z.literal('unreachable') }) },
      },
    },
    async (request, reply) => {
      try {
        await sql`SELECT 1`.execute(db)
        return { status: 'ok' as const, database: 'ok' as const }
      } catch (err) {
        request.log.error({ err }, 'database health check failed')
        return reply.status(503).send({ status: 'unavailable', database: 'unreachable' })
      }
    },
  )
}
