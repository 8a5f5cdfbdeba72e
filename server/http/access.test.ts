import Fastify from 'fastify'
import { describe, expect, test } from 'vitest'
import { ErrorBody } from '#shared/errors'
import { enforceDeclaredAccess } from './access.ts'
import { ANONYMOUS, type Actor } from './actor.ts'
import { installErrorHandlers } from './errors.ts'

const ACTORS: Record<string, Actor> = {
  candidate: { kind: 'candidate', userId: 'c', sessionId: 's1' },
  national: { kind: 'national', userId: 'n', sessionId: 's2' },
}

/** A bare app with the access hook and a route written by hand, without route() or any pre-handler of its own. */
async function appWithRawRoute() {
  const app = Fastify()
  installErrorHandlers(app, { spaFallback: false, retryAfterSeconds: 10 })
  // Stands in for the session plugin: the test names the caller in a header.
  app.addHook('onRequest', async (request) => {
    request.actor = ACTORS[String(request.headers['x-test-actor'])] ?? ANONYMOUS
  })
  enforceDeclaredAccess(app)
  app.get('/api/national-only', { config: { access: ['national'] } }, async () => ({ secret: 'ok' }))
  await app.ready()
  return app
}

describe('宣言した利用者だけが呼べる（手で書いたルートも同じ仕組みで）', () => {
  test('国だけのルート: ログインしていなければ 401、他の種別は 403、国は 200', async () => {
    const app = await appWithRawRoute()
    const anonymous = await app.inject({ url: '/api/national-only' })
    expect(anonymous.statusCode).toBe(401)
    expect(ErrorBody.parse(anonymous.json()).error.code).toBe('UNAUTHENTICATED')
    const candidate = await app.inject({ url: '/api/national-only', headers: { 'x-test-actor': 'candidate' } })
    expect(candidate.statusCode).toBe(403)
    expect(ErrorBody.parse(candidate.json()).error.code).toBe('FORBIDDEN')
    const national = await app.inject({ url: '/api/national-only', headers: { 'x-test-actor': 'national' } })
    expect(national.statusCode).toBe(200)
    expect(national.json()).toEqual({ secret: 'ok' })
    await app.close()
  })

  test('利用者を宣言しない /api のルートは起動の時点で止める', async () => {
    const app = Fastify()
    enforceDeclaredAccess(app)
    expect(() => app.get('/api/undeclared', async () => ({}))).toThrow(/利用できる利用者を宣言していません/)
    await app.close()
  })
})
