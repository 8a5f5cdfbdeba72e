import type { FastifyInstance } from 'fastify'
import * as contract from '#shared/contracts/messages'
import { route } from '../../http/route.ts'
import * as service from './service.ts'

const info = (request: { ip: string; id: string }) => ({ ip: request.ip, id: request.id })
const PARTIES = ['candidate', 'municipality'] as const

/** HTTP only: one service call per route. */
export function messageRoutes(app: FastifyInstance, deps: service.MessageDeps): void {
  // A message carries an optional 5 MB PDF as base64, above the app-wide 1 MB body limit.
  void app.register(async (scoped) => {
    scoped.addHook('onRoute', (options) => {
      options.bodyLimit = contract.MESSAGE_BODY_LIMIT
    })
    route(scoped, contract.sendApplicationMessage, PARTIES, ({ actor, request, params, body }) =>
      service.send(deps, actor, info(request), params.applicationId, body),
    )
  })
  route(app, contract.listThreads, PARTIES, ({ actor, query }) => service.listThreads(deps, actor, query))
  // Any signed-in person may ask; staff who are no party to any thread get 0.
  route(app, contract.unreadMessages, ['candidate', 'municipality', 'prefecture', 'national'], ({ actor }) => service.unread(deps, actor))
  route(app, contract.getApplicationThread, PARTIES, ({ actor, params }) => service.getThread(deps, actor, params.applicationId))
  route(app, contract.markApplicationThreadRead, PARTIES, ({ actor, params }) => service.markRead(deps, actor, params.applicationId))
  route(app, contract.getMessageAttachment, PARTIES, ({ actor, params }) => service.getAttachment(deps, actor, params.attachmentId))
}
