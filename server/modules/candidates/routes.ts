import type { FastifyInstance } from 'fastify'
import * as contract from '#shared/contracts/candidates'
import { route } from '../../http/route.ts'
import * as service from './service.ts'

const info = (request: { ip: string; id: string }) => ({ ip: request.ip, id: request.id })
const STAFF = ['municipality', 'prefecture', 'national'] as const

/** HTTP only: one service call per route. */
export function candidateRoutes(app: FastifyInstance, deps: service.CandidateDeps): void {
  route(app, contract.getOwnProfile, ['candidate'], ({ actor }) => service.getOwnProfile(deps, actor))
  route(app, contract.updateOwnProfile, ['candidate'], ({ actor, request, body }) => service.updateProfile(deps, actor, info(request), body))
  route(app, contract.updateOwnSkills, ['candidate'], ({ actor, request, body }) => service.updateSkills(deps, actor, info(request), body))
  route(app, contract.updateOwnEmployments, ['candidate'], ({ actor, request, body }) => service.updateEmployments(deps, actor, info(request), body))
  route(app, contract.updateOwnConsent, ['candidate'], ({ actor, request, body }) => service.updateConsent(deps, actor, info(request), body))
  route(app, contract.exportOwnData, ['candidate'], async ({ actor, reply }) => {
    reply.header('content-disposition', 'attachment; filename="my-data.json"')
    return service.exportOwnData(deps, actor)
  })
  route(app, contract.deleteOwnAccount, ['candidate'], ({ actor, request }) => service.deleteOwnAccount(deps, actor, info(request)))
  route(app, contract.listOwnContactRequests, ['candidate'], ({ actor }) => service.listOwnContactRequests(deps, actor))
  route(app, contract.decideContactRequest, ['candidate'], ({ actor, request, params, body }) =>
    service.decideContactRequest(deps, actor, info(request), params.requestId, body.accept),
  )
  route(app, contract.getCandidate, STAFF, ({ actor, params }) => service.viewCandidate(deps, actor, params.id))
  route(app, contract.getCandidateLevels, ['candidate', ...STAFF], ({ actor, params }) => service.getLevels(deps, actor, params.id))
  route(app, contract.verifyLevelClaim, ['municipality', 'prefecture'], ({ actor, request, params }) =>
    service.verifyClaim(deps, actor, info(request), params.id, params.claimId),
  )
  route(app, contract.requestContact, STAFF, ({ actor, request, params, body }) => service.requestContact(deps, actor, info(request), params.id, body.message))
  route(app, contract.searchListingCandidates, ['national'], ({ actor, query }) => service.searchListingCandidates(deps, actor, query))
  route(app, contract.recordMinistryListing, ['national'], ({ actor, request, params, body }) =>
    service.recordListing(deps, actor, info(request), params.id, body),
  )
  route(app, contract.withdrawMinistryListing, ['national'], ({ actor, request, params, body }) =>
    service.withdrawListing(deps, actor, info(request), params.id, body.reason),
  )
  route(app, contract.listPoolCandidates, STAFF, async ({ actor, query }) => {
    const result = await service.searchPool(deps, actor, query)
    return { items: result.items, total: result.total, limit: query.limit, offset: query.offset }
  })
}
