import type { FastifyInstance } from 'fastify'
import * as contract from '#shared/contracts/saved-searches'
import { route } from '../../http/route.ts'
import * as service from './service.ts'

const info = (request: { ip: string; id: string }) => ({ ip: request.ip, id: request.id })
const CANDIDATE = ['candidate'] as const

/** HTTP only: one service call per route. */
export function savedSearchRoutes(app: FastifyInstance, deps: service.SavedSearchDeps): void {
  route(app, contract.listSavedSearches, CANDIDATE, ({ actor, query }) => service.list(deps, actor, query))
  route(app, contract.createSavedSearch, CANDIDATE, ({ actor, request, body }) => service.create(deps, actor, info(request), body))
  route(app, contract.updateSavedSearch, CANDIDATE, ({ actor, request, params, body }) =>
    service.setFrequency(deps, actor, info(request), params.id, body.frequency),
  )
  route(app, contract.deleteSavedSearch, CANDIDATE, ({ actor, request, params }) => service.remove(deps, actor, info(request), params.id))
}
