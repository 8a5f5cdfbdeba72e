import type { FastifyInstance } from 'fastify'
import * as contract from '#shared/contracts/bid-restrictions'
import { todayInJapan } from '#shared/domain/dates'
import { fileResponse } from '../../http/file-response.ts'
import { route } from '../../http/route.ts'
import { findLocalGovernment } from '../local-governments/index.ts'
import type { DocumentPool } from '../../documents/pool.ts'
import type { BidRestrictionDeps } from './deps.ts'
import { ruleTemplates } from './rules/index.ts'
import * as exemptions from './exemptions.ts'
import * as pledges from './pledges.ts'
import * as service from './service.ts'

const info = (request: { ip: string; id: string }) => ({ ip: request.ip, id: request.id })
const MUNICIPALITY = ['municipality'] as const

/** HTTP only: contract, access, one service call per route. */
const PLEDGE_PDF = new URL('./pledge-pdf.ts', import.meta.url)

/** The pledge PDF is rendered in the document workers (server/documents/pool.ts), off the event loop. */
export function bidRestrictionRoutes(app: FastifyInstance, deps: BidRestrictionDeps & { documents: DocumentPool }): void {
  route(app, contract.listRuleTemplates, 'public', () => ({
    items: ruleTemplates.map((template) => ({
      id: template.id,
      family: template.family,
      name: template.name,
      description: template.description,
      source: template.source,
      clause: template.clause,
      attachesTo: template.attachesTo,
      governs: template.governs,
      unconfirmed: template.unconfirmed,
      parameters: template.parameters.map((parameter) => ({ ...parameter })),
    })),
  }))

  // ── procurements ──
  route(app, contract.createProcurement, MUNICIPALITY, ({ actor, body, request }) => service.createProcurement(deps, actor, body, info(request)))
  route(app, contract.listProcurements, MUNICIPALITY, ({ actor, query }) => service.listProcurements(deps, actor, query))
  route(app, contract.getProcurement, MUNICIPALITY, ({ actor, params }) => service.getProcurement(deps, actor, params.id))
  route(app, contract.updateProcurement, MUNICIPALITY, ({ actor, params, body, request }) =>
    service.updateProcurement(deps, actor, params.id, body, info(request)),
  )

  // ── 業務委託・派遣 contracts (A1, A2) ──
  route(app, contract.createContract, MUNICIPALITY, ({ actor, body, request }) => service.createContract(deps, actor, body, info(request)))
  route(app, contract.listContracts, MUNICIPALITY, ({ actor, query }) => service.listContracts(deps, actor, query))
  route(app, contract.getContract, MUNICIPALITY, ({ actor, params }) => service.getContract(deps, actor, params.id))

  // ── rule sets ──
  route(app, contract.getAppointmentRuleSet, MUNICIPALITY, ({ actor, params }) => service.getRuleSet(deps, actor, params.id))
  route(app, contract.putAppointmentRuleSet, MUNICIPALITY, ({ actor, params, body, request }) =>
    service.putRuleSet(deps, actor, params.id, body.rules, info(request)),
  )

  // ── checks ──
  route(app, contract.checkBid, MUNICIPALITY, ({ actor, body }) => service.checkBid(deps, actor, body))
  route(app, contract.getBidCheck, ['municipality', 'national'], ({ actor, params }) => service.getCheck(deps, actor, params.id))
  route(app, contract.checkAct, MUNICIPALITY, ({ actor, body }) => service.checkAct(deps, actor, body))
  route(app, contract.getRestrictedCompanies, MUNICIPALITY, ({ actor, params, query }) => service.restrictedSet(deps, actor, params.id, query))
  route(app, contract.getAppointmentRestrictions, MUNICIPALITY, ({ actor, params, query }) =>
    service.appointmentRestrictions(deps, actor, params.id, query.asOf),
  )

  // ── exemptions: the contact history comes as base64 in JSON, above the app-wide 1 MB limit ──
  void app.register(async (scoped) => {
    scoped.addHook('onRoute', (options) => {
      options.bodyLimit = contract.EXEMPTION_BODY_LIMIT
    })
    route(scoped, contract.applyExemption, MUNICIPALITY, ({ actor, params, body, request }) =>
      exemptions.applyExemption(deps, actor, params.id, body, info(request)),
    )
  })
  route(app, contract.listMunicipalityExemptions, MUNICIPALITY, ({ actor, query }) => exemptions.listMunicipalityExemptions(deps, actor, query))
  route(app, contract.listExemptions, MUNICIPALITY, ({ actor, params }) => exemptions.listExemptions(deps, actor, params.id))
  route(app, contract.decideExemption, MUNICIPALITY, ({ actor, params, body, request }) =>
    exemptions.decideExemption(deps, actor, params.id, body, info(request)),
  )

  // ── pledges ──
  route(app, contract.listAppointmentsWithoutPledge, ['municipality', 'prefecture', 'national'], ({ actor, query }) =>
    pledges.appointmentsWithoutPledge(deps, actor, query.asOf),
  )
  route(app, contract.recordPledge, MUNICIPALITY, ({ actor, params, body, request }) => pledges.recordPledge(deps, actor, params.id, body, info(request)))
  route(app, contract.getPledge, MUNICIPALITY, async ({ actor, params }) => (await pledges.latestPledge(deps, actor, params.id)).pledge)
  // Binary: route() answers JSON, so the PDF uses app.get with the same access declaration.
  app.get(
    '/api/appointments/:id/pledge.pdf',
    {
      config: { access: MUNICIPALITY },
      schema: {
        operationId: 'getPledgePdf',
        summary: '誓約書のPDF',
        tags: ['入札制限'],
        params: contract.AppointmentIdParams,
        response: fileResponse('application/pdf', '誓約書（PDF）'),
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string }
      const { appointment, pledge } = await pledges.latestPledge(deps, request.actor, id)
      const municipality = await findLocalGovernment(deps.db, appointment.municipalityCode)
      const bytes = await deps.documents.run<Buffer>(PLEDGE_PDF, 'pledgePdf', {
        municipalityName: municipality ? municipality.name : appointment.municipalityCode,
        signerName: pledge.signerName,
        signedOn: pledge.signedOn,
        appointmentStartsOn: appointment.startsOn,
        appointmentEndsOn: appointment.endsOn,
        disclosedEmployers: pledge.disclosedEmployers,
        sideJobs: pledge.sideJobs,
        shareholdings: pledge.shareholdings,
        sections: pledge.sections,
        issuedOn: todayInJapan(deps.clock()),
      })
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="pledge.pdf"; filename*=UTF-8''${encodeURIComponent('誓約書.pdf')}`)
        .header('cache-control', 'no-store')
        .send(bytes)
    },
  )
}
