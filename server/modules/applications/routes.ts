import type { FastifyInstance } from 'fastify'
import * as contract from '#shared/contracts/applications'
import { route } from '../../http/route.ts'
import * as after from './appointments-service.ts'
import * as service from './service.ts'
import * as appointments from '#shared/contracts/appointments'

const info = (request: { ip: string; id: string }) => ({ ip: request.ip, id: request.id })

/** HTTP only: one service call per route. */
export function applicationRoutes(app: FastifyInstance, deps: service.ApplicationDeps): void {
  // The application carries an optional 5 MB PDF as base64, above the app-wide 1 MB body limit.
  void app.register(async (scoped) => {
    scoped.addHook('onRoute', (options) => {
      options.bodyLimit = contract.APPLY_BODY_LIMIT
    })
    route(scoped, contract.applyToPosting, ['candidate'], ({ actor, request, params, body }) =>
      service.apply(deps, actor, info(request), params.postingId, body),
    )
  })
  route(app, contract.listOwnApplications, ['candidate'], ({ actor }) => service.listOwn(deps, actor))
  route(app, contract.listApplications, ['municipality'], ({ actor, query }) => service.listForMunicipality(deps, actor, query))
  route(app, contract.getApplication, ['candidate', 'municipality'], ({ actor, params }) => service.getApplication(deps, actor, params.id))
  route(app, contract.getApplicationResume, ['candidate', 'municipality'], ({ actor, params }) => service.getResume(deps, actor, params.id))
  route(app, contract.withdrawApplication, ['candidate'], ({ actor, request, params }) => service.withdraw(deps, actor, info(request), params.id))
  route(app, contract.moveApplication, ['municipality'], ({ actor, request, params, body }) => service.move(deps, actor, info(request), params.id, body))
  route(app, contract.listAppointments, ['candidate', 'municipality', 'prefecture', 'national'], ({ actor, query }) =>
    service.listAppointments(deps, actor, query),
  )
  route(app, appointments.listAppointmentSummaries, ['candidate', 'municipality'], ({ actor }) => after.listAppointmentSummaries(deps, actor))
  route(app, appointments.getAppointment, ['candidate', 'municipality'], ({ actor, params }) => after.getAppointment(deps, actor, params.id))
  route(app, appointments.renewAppointment, ['municipality'], ({ actor, request, params, body }) =>
    after.renewAppointment(deps, actor, info(request), params.id, body),
  )
  route(app, appointments.endAppointmentEarly, ['municipality'], ({ actor, request, params, body }) =>
    after.endAppointmentEarly(deps, actor, info(request), params.id, body),
  )
  route(app, appointments.createAppointmentEvaluation, ['municipality'], ({ actor, request, params, body }) =>
    after.createEvaluation(deps, actor, info(request), params.id, body),
  )
  route(app, appointments.writeSelfReview, ['candidate'], ({ actor, request, params, body }) =>
    after.writeSelfReview(deps, actor, info(request), params.id, params.evaluationId, body.selfReview),
  )
  route(app, appointments.listEvaluationOutcomes, ['prefecture'], ({ actor }) => after.evaluationOutcomes(deps, actor))
}
