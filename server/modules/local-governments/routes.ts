import type { FastifyInstance } from 'fastify'
import { getLocalGovernment, listLocalGovernments } from '#shared/contracts/local-governments'
import type { Db } from '../../db/database.ts'
import { notFound } from '../../http/errors.ts'
import { route } from '../../http/route.ts'
import { findLocalGovernment, searchLocalGovernments } from './repository.ts'

export function localGovernmentRoutes(app: FastifyInstance, { db }: { db: Db }): void {
  route(app, listLocalGovernments, 'public', async ({ query }) => ({
    ...(await searchLocalGovernments(db, query)),
    limit: query.limit,
    offset: query.offset,
  }))

  route(app, getLocalGovernment, 'public', async ({ params }) => {
    const found = await findLocalGovernment(db, params.code)
    if (!found) throw notFound('指定された団体コードの地方公共団体は登録されていません。')
    return found
  })
}
