import Fastify from 'fastify'
import { sql } from 'kysely'
import { afterAll, describe, expect, test } from 'vitest'
import { ErrorBody } from '#shared/errors'
import { buildApp } from '../app.ts'
import { testConfig } from '../config.ts'
import { requestLane } from '../db/fair-gate.ts'
import { openTestDatabase } from '../../test/support/database.ts'
import { shedOverload } from './overload.ts'

// One connection (PostgreSQL: a pool of one), and a caller may wait 200 ms for it.
const engine = await openTestDatabase({ poolSize: 1, waitMs: 200 })
const app = await buildApp({ config: testConfig({ overloadRetryAfterSeconds: 7 }), db: engine.db })
afterAll(async () => {
  await app.close()
  await engine.close()
})

/** Takes the only database connection in a transaction until the returned release() is called. */
async function holdTheConnection(): Promise<() => Promise<void>> {
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  let taken!: () => void
  const holding = new Promise<void>((resolve) => (taken = resolve))
  const transaction = engine.db.transaction().execute(async (trx) => {
    await sql`SELECT 1`.execute(trx)
    taken()
    await released
  })
  await holding
  return async () => {
    release()
    await transaction
  }
}

describe('データベースの接続を待ちすぎる要求は待たせずに断る', () => {
  test('接続が空かないまま上限を超えると 503 SERVER_BUSY を Retry-After 付きの共通形式で返し、空けば普通に答える', async () => {
    const release = await holdTheConnection()
    try {
      for (const request of [
        { method: 'GET' as const, url: '/api/postings' },
        { method: 'POST' as const, url: '/api/auth/sign-in', payload: { email: 'nobody@example.jp', password: 'x'.repeat(12) } },
      ]) {
        const response = await app.inject(request)
        expect(response.statusCode, request.url).toBe(503)
        expect(response.headers['retry-after'], request.url).toBe('7')
        const body = ErrorBody.parse(response.json())
        expect(body.error.code).toBe('SERVER_BUSY')
        expect(body.error.message).toBe('サーバーが混み合っているため、ただいま処理できません。7秒ほど待ってから、もう一度お試しください。')
      }
      const health = await app.inject({ url: '/healthz' })
      expect(health.statusCode).toBe(503)
      expect(health.json()).toEqual({ status: 'busy', database: 'ok' })
      expect(health.headers['retry-after']).toBe('7')
    } finally {
      await release()
    }
    expect((await app.inject({ url: '/api/postings' })).statusCode).toBe(200)
    expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200)
  })

  test('上限より短い待ちなら断らずに答える', async () => {
    const release = await holdTheConnection()
    const answered = app.inject({ url: '/api/postings' })
    await new Promise((resolve) => setTimeout(resolve, 50))
    await release()
    expect((await answered).statusCode).toBe(200)
  })
})

describe('要求の種類（読み取りか変更か）は、その要求のデータベース呼び出しまで付いていく', () => {
  test('GET は読み取り、本文付きの POST は変更', async () => {
    const bare = Fastify()
    await shedOverload(bare, testConfig())
    bare.get('/lane', async () => ({ lane: requestLane.getStore() }))
    bare.post('/lane', async () => ({ lane: requestLane.getStore() }))
    expect((await bare.inject({ url: '/lane' })).json()).toEqual({ lane: 'read' })
    expect((await bare.inject({ method: 'POST', url: '/lane', payload: { a: 'x'.repeat(100_000) } })).json()).toEqual({ lane: 'write' })
    await bare.close()
  })
})
