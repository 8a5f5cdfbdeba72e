import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import fastifyStatic from '@fastify/static'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import Fastify, { type FastifyInstance } from 'fastify'
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Clock } from './clock.ts'
import type { Config } from './config.ts'
import { createDocumentPool } from './documents/pool.ts'
import type { Db } from './db/database.ts'
import { ANONYMOUS, type Actor } from './http/actor.ts'
import { clientErrorHandler, frameworkErrors, installErrorHandlers } from './http/errors.ts'
import { refuseUnstorableText } from './http/storable-text.ts'
import { clientCacheHeaders, installTransport } from './http/transport.ts'
import { shedOverload } from './http/overload.ts'
import { healthRoutes } from './http/health.ts'
import { swaggerOptions } from './openapi/index.ts'
import { localGovernmentRoutes } from './modules/local-governments/routes.ts'
import { skillStandardRoutes } from './modules/skill-standard/routes.ts'
import { companyRoutes } from './modules/companies/routes.ts'
import { accountJobs, installSessions } from './modules/accounts/index.ts'
import { accountRoutes } from './modules/accounts/routes.ts'
import { auditRoutes } from './modules/audit/routes.ts'
import { createJobRunner, type JobRunner } from './jobs/index.ts'
import { createMailSender } from './modules/mail/index.ts'
import { mailRoutes } from './modules/mail/routes.ts'
import { postingJobs } from './modules/postings/index.ts'
import { postingRoutes } from './modules/postings/routes.ts'
import { candidateRoutes } from './modules/candidates/routes.ts'
import { anonymiseCandidateApplications, applicationJobs, appliedMunicipalityCodes, dataOfCandidate } from './modules/applications/index.ts'
import { enforceDeclaredAccess } from './http/access.ts'
import { applicationRoutes } from './modules/applications/routes.ts'
import { matchingRoutes } from './modules/matching/routes.ts'
import { bidRestrictionConflictSource, sharingAppointmentsFor, withdrawAccountFromSharing } from './modules/sharing/index.ts'
import { sharingRoutes } from './modules/sharing/routes.ts'
import { bidRestrictionRoutes } from './modules/bid-restrictions/routes.ts'
import { anonymiseCandidateMessages, messagesOfCandidate } from './modules/messages/index.ts'
import { messageRoutes } from './modules/messages/routes.ts'
import { interviewJobs } from './modules/interviews/index.ts'
import { interviewRoutes } from './modules/interviews/routes.ts'
import { announcePublication, deleteSavedSearchesOfAccount, savedSearchesOfAccount, savedSearchJobs } from './modules/saved-searches/index.ts'
import { savedSearchRoutes } from './modules/saved-searches/routes.ts'
import { openDataRoutes } from './modules/open-data/routes.ts'

z.config(z.locales.ja())

declare module 'fastify' {
  interface FastifyInstance {
    /** The app's periodic work; main.ts starts it, tests run `jobs.runDue()` themselves. */
    jobs: JobRunner
  }
}

export interface AppDeps {
  config: Config
  db: Db
  clock?: Clock
  /** The built client served at / (tests point it at a directory of their own). */
  clientDir?: string
}

const CLIENT_DIST = fileURLToPath(new URL('../dist/client/', import.meta.url))

export async function buildApp({ config, db, clock = () => new Date(), clientDir = CLIENT_DIST }: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'body.password'],
    },
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: 'x-request-id',
    bodyLimit: 1_048_576,
    // request.ip (audit log, attempt limits) from X-Forwarded-For only through the configured proxies
    trustProxy: config.trustProxy.length > 0 ? [...config.trustProxy] : false,
    requestTimeout: config.requestTimeoutSeconds * 1000,
    connectionTimeout: config.connectionTimeoutSeconds * 1000,
    keepAliveTimeout: config.keepAliveTimeoutSeconds * 1000,
    // the router's and Node's HTTP parser's refusals answer in the one envelope too
    frameworkErrors,
    clientErrorHandler,
  })
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  const servesClient = existsSync(clientDir)
  installErrorHandlers(app, { spaFallback: servesClient, retryAfterSeconds: config.overloadRetryAfterSeconds })
  await installTransport(app, { publicUrl: config.publicUrl })
  await shedOverload(app, config)
  refuseUnstorableText(app)
  // Anonymous until a session resolves the caller.
  const actorOf = new WeakMap<object, Actor>()
  app.decorateRequest('actor', {
    getter(this: object) {
      return actorOf.get(this) ?? ANONYMOUS
    },
    setter(this: object, actor: Actor) {
      actorOf.set(this, actor)
    },
  })
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id)
  })
  // The session cookie resolves request.actor (and state-changing requests are checked for CSRF).
  await installSessions(app, { db, config, clock })
  // Mail queued by a request is sent right after its transaction commits; the mail job retries what failed.
  const mail = createMailSender({ db, config, log: app.log })
  // Periodic work, once per period however many instances share the database (server/jobs/README.md).
  const jobs = createJobRunner({ db, clock, log: app.log })
  app.decorate('jobs', jobs)
  app.addHook('onClose', async () => {
    await jobs.stop()
    await mail.close()
  })
  jobs.registerJob({ name: 'mail.retry', everySeconds: config.mailRetrySeconds, run: () => mail.deliverPending() })
  for (const job of accountJobs({ db, config })) jobs.registerJob(job)
  for (const job of postingJobs({ db, clock, config, kickMail: () => mail.kick() })) jobs.registerJob(job)
  for (const job of interviewJobs({ db, clock, config, kickMail: () => mail.kick() })) jobs.registerJob(job)
  for (const job of savedSearchJobs({ db, clock, publicUrl: config.publicUrl, kickMail: () => mail.kick() }, config.savedSearchDigestSeconds))
    jobs.registerJob(job)
  for (const job of applicationJobs({ db, clock, config, kickMail: () => mail.kick() })) jobs.registerJob(job)
  const documents = createDocumentPool({ workers: config.documentWorkers, queue: config.documentQueue })
  app.addHook('onClose', () => documents.close())

  enforceDeclaredAccess(app)

  await app.register(swagger, swaggerOptions(config))
  // BaseLayout: the standalone layout's top bar draws its logo with an inline <style>, which the CSP refuses
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { layout: 'BaseLayout' } })
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger())

  healthRoutes(app, { db, retryAfterSeconds: config.overloadRetryAfterSeconds })
  openDataRoutes(app, { db, config })
  await app.register(async (api) => {
    localGovernmentRoutes(api, { db })
    skillStandardRoutes(api, { db })
    companyRoutes(api, { db })
    accountRoutes(api, { db, config, clock, mail })
    auditRoutes(api, { db })
    mailRoutes(api, { db, config, kickMail: () => mail.kick() })
    postingRoutes(api, {
      db,
      clock,
      config,
      documents,
      kickMail: () => mail.kick(),
      onPublished: (tx, posting) => announcePublication({ clock }, tx, posting).then(() => undefined),
    })
    candidateRoutes(api, {
      db,
      clock,
      related: {
        appliedMunicipalityCodes,
        dataOfCandidate,
        anonymiseCandidateApplications,
        messagesOfCandidate,
        anonymiseCandidateMessages,
        withdrawAccountFromSharing,
        savedSearchesOfAccount,
        deleteSavedSearchesOfAccount,
      },
    })
    applicationRoutes(api, { db, clock, config, kickMail: () => mail.kick() })
    matchingRoutes(api, { db, clock })
    sharingRoutes(api, { db, clock, documents, conflicts: bidRestrictionConflictSource(clock), publicUrl: config.publicUrl, kickMail: () => mail.kick() })
    bidRestrictionRoutes(api, { db, clock, documents, otherAppointments: sharingAppointmentsFor })
    messageRoutes(api, { db, clock, config, kickMail: () => mail.kick() })
    interviewRoutes(api, { db, clock, config, kickMail: () => mail.kick() })
    savedSearchRoutes(api, { db, clock })
  })

  if (servesClient) await app.register(fastifyStatic, { root: clientDir, wildcard: false, cacheControl: false, setHeaders: clientCacheHeaders })
  return app
}
