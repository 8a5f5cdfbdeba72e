import type { FastifyInstance } from 'fastify'
import {
  getMatchingSettings,
  getMyPostingMatch,
  getPostingMatch,
  listMyRecommendations,
  listPostingMatches,
  putMatchingSettings,
} from '#shared/contracts/matching'
import { route } from '../../http/route.ts'
import * as service from './service.ts'

/** Matches are for the posting's municipal staff and its prefecture's staff; recommendations for candidates. */
export function matchingRoutes(app: FastifyInstance, deps: service.MatchingDeps): void {
  const withLog = (log: service.MatchingDeps['log']) => ({ ...deps, log })
  const staff = ['municipality', 'prefecture'] as const

  route(app, listPostingMatches, staff, ({ params, query, actor, request }) => service.listPostingMatches(withLog(request.log), actor, params.id, query))
  route(app, getPostingMatch, staff, ({ params, actor }) => service.getPostingMatch(deps, actor, params.id, params.candidateId))
  route(app, listMyRecommendations, ['candidate'], ({ query, actor }) => service.listRecommendations(deps, actor, query))
  route(app, getMyPostingMatch, ['candidate'], ({ params, actor }) => service.getMyPostingMatch(deps, actor, params.id))
  route(app, getMatchingSettings, staff, ({ params, actor }) => service.getMatchingSettings(deps, actor, params.id))
  route(app, putMatchingSettings, ['municipality'], ({ params, body, actor }) => service.putMatchingSettings(deps, actor, params.id, body))
}
