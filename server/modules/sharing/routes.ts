import type { FastifyInstance, FastifyReply } from 'fastify'
import * as contract from '#shared/contracts/sharing'
import { fileResponse, XLSX } from '../../http/file-response.ts'
import { route } from '../../http/route.ts'
import { type DashboardDeps, prefectureDashboard, usageReport } from './dashboard.ts'
import * as appointments from './appointments-service.ts'
import * as dispatch from './dispatch-service.ts'
import * as scheme from './scheme-service.ts'
import * as pools from './pools-service.ts'
import { localGovernments } from './reference-repository.ts'
import * as talents from './talents-service.ts'
import type { DocumentPool } from '../../documents/pool.ts'
import { prefectureLocalGovernmentCode } from '#shared/domain/sharing/pools'

const info = (request: { ip: string; id: string }) => ({ ip: request.ip, id: request.id })
const STAFF = ['municipality', 'prefecture'] as const
const POOL_USERS = ['municipality', 'prefecture', 'candidate'] as const

function sendXlsx(reply: FastifyReply, bytes: Buffer, fileName: string) {
  return reply
    .header('content-type', XLSX)
    .header('content-disposition', `attachment; filename="dashboard.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .header('cache-control', 'no-store')
    .send(bytes)
}

/** HTTP only: contract, access, one service call per route. Tenancy (404 for another tenant) is in the service. */
const DASHBOARD_XLSX = new URL('./xlsx.ts', import.meta.url)

/** The dashboard workbook is written in the document workers (server/documents/pool.ts), off the event loop. */
export function sharingRoutes(app: FastifyInstance, deps: DashboardDeps & { documents: DocumentPool }): void {
  // talents and capacity
  route(app, contract.createTalent, ['prefecture'], ({ actor, request, body }) => talents.createTalent(deps, actor, info(request), body))
  route(app, contract.listTalents, STAFF, ({ actor }) => talents.listTalents(deps, actor))
  route(app, contract.getTalentCapacity, STAFF, ({ actor, params, query }) => talents.talentCapacity(deps, actor, params.id, query.from, query.to))
  route(app, contract.getMyCapacity, ['candidate'], ({ actor, query }) => talents.myCapacity(deps, actor, query.from, query.to))

  // pools
  route(app, contract.listPools, POOL_USERS, ({ actor }) => pools.listPools(deps, actor))
  route(app, contract.createPool, STAFF, ({ actor, request, body }) => pools.createPool(deps, actor, info(request), body))
  route(app, contract.getPool, POOL_USERS, ({ actor, params }) => pools.getPool(deps, actor, params.poolId))
  route(app, contract.updatePoolMembers, STAFF, ({ actor, request, params, body }) =>
    pools.updatePoolMembers(deps, actor, info(request), params.poolId, body.memberCodes),
  )
  route(app, contract.listPoolListings, STAFF, ({ actor, params, query }) => pools.listListings(deps, actor, params.poolId, query))
  route(app, contract.optInToPool, ['candidate'], ({ actor, request, params, body }) => pools.optIn(deps, actor, info(request), params.poolId, body))
  route(app, contract.optOutOfPool, ['candidate'], ({ actor, request, params }) => pools.optOut(deps, actor, info(request), params.poolId))

  // engagements
  route(app, contract.requestEngagement, ['municipality'], ({ actor, request, params, body }) =>
    pools.requestEngagement(deps, actor, info(request), params.poolId, body),
  )
  route(app, contract.listEngagements, POOL_USERS, ({ actor }) => pools.listEngagements(deps, actor))
  route(app, contract.getEngagement, POOL_USERS, ({ actor, params }) => pools.getEngagement(deps, actor, params.id))
  route(app, contract.transitionEngagement, POOL_USERS, ({ actor, request, params, body }) =>
    pools.transitionEngagement(deps, actor, info(request), params.id, body),
  )

  // shared and joint appointments
  route(app, contract.createSharedAppointment, STAFF, ({ actor, request, body }) => appointments.createSharedAppointment(deps, actor, info(request), body))
  route(app, contract.listSharedAppointments, STAFF, ({ actor }) => appointments.listSharedAppointments(deps, actor))
  route(app, contract.getSharedAppointment, STAFF, ({ actor, params }) => appointments.getSharedAppointment(deps, actor, params.id))
  route(app, contract.getUsageReport, STAFF, ({ actor, query }) => usageReport(deps, actor, query.fiscalYear))

  // dispatch
  route(app, contract.getDispatchSettings, STAFF, ({ actor }) => scheme.getDispatchSettings(deps, actor))
  route(app, contract.updateDispatchSettings, ['prefecture'], ({ actor, request, body }) => scheme.updateDispatchSettings(deps, actor, info(request), body))
  route(app, contract.createDispatchExpert, ['prefecture'], ({ actor, request, body }) => dispatch.createDispatchExpert(deps, actor, info(request), body))
  route(app, contract.listDispatchExperts, ['prefecture'], ({ actor }) => dispatch.listDispatchExperts(deps, actor))
  route(app, contract.createDispatchMenu, ['prefecture'], ({ actor, request, body }) => dispatch.createDispatchMenu(deps, actor, info(request), body))
  route(app, contract.listDispatchMenus, STAFF, ({ actor }) => dispatch.listDispatchMenus(deps, actor))
  route(app, contract.requestDispatch, ['municipality'], ({ actor, request, body }) => dispatch.requestDispatch(deps, actor, info(request), body))
  route(app, contract.listDispatchRequests, STAFF, ({ actor, query }) => dispatch.listDispatchRequests(deps, actor, query))
  route(app, contract.getDispatchRequest, STAFF, ({ actor, params }) => dispatch.getDispatchRequest(deps, actor, params.id))
  route(app, contract.transitionDispatchRequest, STAFF, ({ actor, request, params, body }) =>
    dispatch.transitionDispatchRequest(deps, actor, info(request), params.id, body),
  )

  // prefecture dashboard
  route(app, contract.getDashboard, ['prefecture'], ({ actor, query }) => prefectureDashboard(deps, actor, query.fiscalYear))
  // Binary download: route() answers JSON, so this uses app.get with the same access declaration.
  app.get(
    contract.dashboardXlsxPath,
    {
      config: { access: ['prefecture'] },
      schema: {
        operationId: 'getDashboardXlsx',
        summary: '都道府県ダッシュボードのExcel',
        tags: ['人材シェアリング（都道府県ダッシュボード）'],
        querystring: contract.FiscalYearQuery,
        response: fileResponse(XLSX, 'ダッシュボード（Excel）'),
      },
    },
    async (request, reply) => {
      const { fiscalYear } = request.query as { fiscalYear?: number }
      const dashboard = await prefectureDashboard(deps, request.actor, fiscalYear)
      const prefecture = (await localGovernments(deps.db, [prefectureLocalGovernmentCode(dashboard.prefectureCode)])).values().next().value
      const prefectureName = prefecture?.name ?? dashboard.prefectureCode
      return sendXlsx(
        reply,
        await deps.documents.run<Buffer>(DASHBOARD_XLSX, 'dashboardWorkbook', dashboard, prefectureName),
        `${prefectureName}_外部デジタル人材_${dashboard.fiscalYear}年度.xlsx`,
      )
    },
  )
}
