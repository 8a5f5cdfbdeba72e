import underPressure from '@fastify/under-pressure'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Config } from '../config.ts'
import { requestLane } from '../db/fair-gate.ts'
import { serverBusy } from './errors.ts'

declare module 'fastify' {
  interface FastifyInstance {
    /** Whether requests are being shed now (false in the first seconds after start, see below). */
    isShedding(): boolean
  }
  interface FastifyContextConfig {
    /** false: the route is answered even while the server sheds load (the health check, which reports it). */
    shedUnderPressure?: boolean
  }
}

/**
 * Overload is shed, not queued: while the event loop lags (its mean delay over the last second) or the heap is
 * nearly full, every request is answered at once with 503 SERVER_BUSY and Retry-After, so a client or proxy tries
 * again later (or another instance) instead of waiting behind a queue that only grows.
 */
const SAMPLE_INTERVAL_MS = 1000

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export async function shedOverload(app: FastifyInstance, config: Config): Promise<void> {
  const retryAfter = config.overloadRetryAfterSeconds
  const busy = () => serverBusy(retryAfter)
  // The embedded database serves a waiting change before a queue of waiting reads (server/db/fair-gate.ts); the
  // lane follows the request into every database call it makes, from the session lookup on.
  app.addHook('onRequest', (request, _reply, done) => {
    requestLane.run(READ_METHODS.has(request.method) ? 'read' : 'write', done)
  })
  let lastWarned = 0
  // The first samples measure the start itself (migrations, loading the routes), which blocks the event loop for a
  // moment without any load: pressure counts from two sample intervals after the app is ready.
  let measuredFrom = Number.POSITIVE_INFINITY
  app.addHook('onReady', async () => {
    measuredFrom = Date.now() + 2 * SAMPLE_INTERVAL_MS
  })
  app.decorate('isShedding', () => Date.now() >= measuredFrom && app.isUnderPressure())
  await app.register(underPressure, {
    maxEventLoopDelay: config.overloadEventLoopDelayMs,
    maxHeapUsedBytes: config.overloadHeapUsedMb * 1_048_576,
    sampleInterval: SAMPLE_INTERVAL_MS,
    retryAfter,
    pressureHandler: async (request: FastifyRequest, reply: FastifyReply, type: string, value: number | undefined) => {
      if (request.routeOptions.config.shedUnderPressure === false || Date.now() < measuredFrom) return
      // once a second at most: a log line per shed request would add to the load being shed
      if (Date.now() - lastWarned > 1000) {
        lastWarned = Date.now()
        request.log.warn({ type, value }, 'overloaded: shedding requests with 503')
      }
      reply.header('retry-after', String(retryAfter))
      throw busy()
    },
  })
}
