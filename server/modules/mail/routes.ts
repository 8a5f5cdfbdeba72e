import type { FastifyInstance } from 'fastify'
import { getMailOutboxItem, listMailOutbox, retryMail } from '#shared/contracts/mail'
import type { Db } from '../../db/database.ts'
import { route } from '../../http/route.ts'
import { searchMail } from './repository.ts'
import { readMail, retryFailedMail } from './service.ts'

export function mailRoutes(app: FastifyInstance, { db, config, kickMail }: { db: Db; config: { smtpUrl: string | undefined }; kickMail: () => void }): void {
  // Bodies carry one-time links; they are shown only while no SMTP server delivers them (demo, development).
  const showText = !config.smtpUrl
  route(app, listMailOutbox, ['national'], async ({ query }) => {
    const result = await searchMail(db, { ...query, showText })
    return { ...result, limit: query.limit, offset: query.offset }
  })
  route(app, getMailOutboxItem, ['national'], ({ params }) => readMail(db, params.id, showText))
  route(app, retryMail, ['national'], async ({ params, actor, request }) => {
    const item = await retryFailedMail(db, actor, request, params.id, showText)
    kickMail()
    return item
  })
}
