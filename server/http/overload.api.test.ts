import { afterAll, describe, expect, test } from 'vitest'
import { ErrorBody } from '#shared/errors'
import { buildApp } from '../app.ts'
import { testConfig } from '../config.ts'
import { openTestDatabase } from '../../test/support/database.ts'

const engine = await openTestDatabase()
// A heap limit of 1 MiB is always exceeded: the server sheds from its first counted sample (2 s after ready) on.
const overloaded = await buildApp({ config: testConfig({ overloadHeapUsedMb: 1, overloadEventLoopDelayMs: 0, overloadRetryAfterSeconds: 7 }), db: engine.db })
const calm = await buildApp({ config: testConfig({ requestTimeoutSeconds: 45, connectionTimeoutSeconds: 90, keepAliveTimeoutSeconds: 75 }), db: engine.db })
afterAll(async () => {
  await overloaded.close()
  await calm.close()
  await engine.close()
})

describe('過負荷のときは待たせずに断る', () => {
  test('起動直後（最初の計測が起動そのものを測る間）は断らない', async () => {
    const fresh = await buildApp({ config: testConfig({ overloadHeapUsedMb: 1, overloadEventLoopDelayMs: 0 }), db: engine.db })
    await fresh.ready()
    // the first sample (a second after start) is over the limit, yet it is not counted
    await expect.poll(() => fresh.isUnderPressure(), { timeout: 3000, interval: 50 }).toBe(true)
    expect(fresh.isShedding()).toBe(false)
    expect((await fresh.inject({ url: '/api/skill-standard' })).statusCode).toBe(200)
    await fresh.close()
  })

  test('負荷が閾値を超えている間、API と画面は 503 SERVER_BUSY を Retry-After 付きの共通形式で返す', async () => {
    await expect.poll(async () => (await overloaded.inject({ url: '/api/skill-standard' })).statusCode, { timeout: 8000 }).toBe(503)
    for (const request of [
      { method: 'GET' as const, url: '/api/skill-standard' },
      { method: 'POST' as const, url: '/api/auth/sign-in', payload: { email: 'a@example.jp', password: 'x'.repeat(12) } },
      { method: 'GET' as const, url: '/openapi.json' },
    ]) {
      const response = await overloaded.inject(request)
      expect(response.statusCode, request.url).toBe(503)
      expect(response.headers['retry-after'], request.url).toBe('7')
      const body = ErrorBody.parse(response.json())
      expect(body.error.code).toBe('SERVER_BUSY')
      expect(body.error.message).toBe('サーバーが混み合っているため、ただいま処理できません。7秒ほど待ってから、もう一度お試しください。')
      // the refusal still carries the security headers
      expect(response.headers['content-security-policy'], request.url).toMatch(/frame-ancestors 'none'/)
    }
  })

  test('稼働確認は断られずに答え、負荷で受け付けていないことを 503 busy で伝える（データベースは ok）', async () => {
    await expect.poll(async () => (await overloaded.inject({ url: '/api/skill-standard' })).statusCode, { timeout: 8000 }).toBe(503)
    const health = await overloaded.inject({ url: '/healthz' })
    expect(health.statusCode).toBe(503)
    expect(health.json()).toEqual({ status: 'busy', database: 'ok' })
    expect(health.headers['retry-after']).toBe('7')
  })

  test('負荷が閾値より低ければ普通に答える', async () => {
    await new Promise((resolve) => setTimeout(resolve, 2500))
    expect((await calm.inject({ url: '/api/skill-standard' })).statusCode).toBe(200)
    expect((await calm.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok', database: 'ok' })
  })

  test('受信の時間制限は設定から（遅い送信は 408、無通信の接続は閉じる）', () => {
    expect(calm.server.requestTimeout).toBe(45_000)
    expect(calm.server.timeout).toBe(90_000)
    expect(calm.server.keepAliveTimeout).toBe(75_000)
    const defaults = testConfig()
    expect([defaults.requestTimeoutSeconds, defaults.connectionTimeoutSeconds, defaults.keepAliveTimeoutSeconds]).toEqual([60, 120, 72])
  })
})
