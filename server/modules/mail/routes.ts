import type { FastifyInstance } from 'fastify'
import { listMailOutbox } from '#shared/contracts/mail'
import type { Db } from '../../db/database.ts'
import { route } from '../../http/route.ts'
import { searchMail } from './repository.ts'

export function mailRoutes(app: FastifyInstance, { db, config }: { db: Db; config: { smtpUrl: string | undefined } }): void {
  route(app, listMailOutbox, ['national'], async ({ query }) => {
    // Bodies carry one-time links; they are shown only while no SMTP server delivers them (demo, development).
    const result = await searchMail(db, { ...query, showText: !config.smtpUrl })
    return { ...result, limit: query.limit, offset: query.offset }
  })
}
