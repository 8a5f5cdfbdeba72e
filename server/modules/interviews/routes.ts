import type { FastifyInstance } from 'fastify'
import * as contract from '#shared/contracts/interviews'
import { fileResponse } from '../../http/file-response.ts'
import { route } from '../../http/route.ts'
import * as service from './service.ts'

const info = (request: { ip: string; id: string }) => ({ ip: request.ip, id: request.id })
const PARTIES = ['candidate', 'municipality'] as const

/** HTTP only: one service call per route. */
export function interviewRoutes(app: FastifyInstance, deps: service.InterviewDeps): void {
  route(app, contract.listApplicationInterviews, PARTIES, ({ actor, params, query }) => service.listForApplication(deps, actor, params.applicationId, query))
  route(app, contract.proposeInterview, ['municipality'], ({ actor, request, params, body }) =>
    service.propose(deps, actor, info(request), params.applicationId, body),
  )
  route(app, contract.reproposeInterview, ['municipality'], ({ actor, request, params, body }) =>
    service.repropose(deps, actor, info(request), params.id, body),
  )
  route(app, contract.chooseInterviewSlot, ['candidate'], ({ actor, request, params, body }) =>
    service.choose(deps, actor, info(request), params.id, body.slotId),
  )
  route(app, contract.askForOtherSlots, ['candidate'], ({ actor, request, params, body }) =>
    service.askForOthers(deps, actor, info(request), params.id, body.note),
  )
  route(app, contract.cancelInterview, ['municipality'], ({ actor, request, params, body }) =>
    service.cancel(deps, actor, info(request), params.id, body.reason),
  )
  // Not JSON: the calendar file goes out with app.get under the same access declaration.
  app.get(
    contract.INTERVIEW_CALENDAR_PATH,
    {
      config: { access: PARTIES },
      schema: {
        operationId: 'getInterviewCalendar',
        summary: '面接の予定表ファイル（iCalendar, text/calendar）',
        tags: ['面接'],
        params: contract.InterviewIdParams,
        response: fileResponse('text/calendar', '面接の予定（iCalendar）'),
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string }
      const file = await service.calendarFile(deps, request.actor, id)
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(file.content)
    },
  )
}
