import { afterAll, describe, expect, test } from 'vitest'
import { buildApp } from '../app.ts'
import { testConfig } from '../config.ts'
import { createAccount } from '../../test/support/actors.ts'
import { openTestDatabase } from '../../test/support/database.ts'

// One app behind proxies at 127.0.0.1 and in 10.0.0.0/8, one that trusts none, on one database.
const engine = await openTestDatabase()
const limits = { authAttemptsPerIp: 3, authAttemptsPerAccount: 100, authAttemptsPerWindow: 100 }
const proxied = await buildApp({ config: testConfig({ ...limits, trustProxy: ['127.0.0.1', '10.0.0.0/8'] }), db: engine.db })
const direct = await buildApp({ config: testConfig(limits), db: engine.db })
afterAll(async () => {
  await proxied.close()
  await direct.close()
  await engine.close()
})

const wrongSignIn = (app: typeof proxied, email: string, remoteAddress: string, forwardedFor?: string) =>
  app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email, password: 'wrong password!' },
    remoteAddress,
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  })

/** The address the audit log recorded for a failed sign-in on a new account. */
async function auditedAddress(app: typeof proxied, remoteAddress: string, forwardedFor?: string): Promise<string | null> {
  const account = await createAccount(engine.db, { kind: 'candidate' })
  expect((await wrongSignIn(app, account.email, remoteAddress, forwardedFor)).statusCode).toBe(401)
  const event = await engine.db
    .selectFrom('audit_event')
    .select('ip')
    .where('target_id', '=', account.id)
    .where('action', '=', 'account.sign_in_failed')
    .executeTakeFirstOrThrow()
  return event.ip
}

describe('TRUST_PROXY: 利用者のアドレスは信頼する中継からの X-Forwarded-For だけで決まる', () => {
  test('信頼する中継を通った要求は、監査ログに利用者のアドレスを記録する', async () => {
    expect(await auditedAddress(proxied, '127.0.0.1', '203.0.113.7')).toBe('203.0.113.7')
    // two trusted hops (nginx in 10/8 behind the local one): the first untrusted address from the right
    expect(await auditedAddress(proxied, '127.0.0.1', '203.0.113.66, 10.1.2.3')).toBe('203.0.113.66')
  })

  test('利用者が書いた X-Forwarded-For の左側は使わない', async () => {
    expect(await auditedAddress(proxied, '127.0.0.1', '192.0.2.1, 203.0.113.9')).toBe('203.0.113.9')
  })

  test('信頼しない相手からの X-Forwarded-For は無視し、接続元のアドレスを記録する', async () => {
    expect(await auditedAddress(proxied, '198.51.100.9', '203.0.113.8')).toBe('198.51.100.9')
    expect(await auditedAddress(direct, '127.0.0.1', '203.0.113.8')).toBe('127.0.0.1')
  })

  test('ログインの上限は中継の後ろの利用者ごと: 同じ中継を通る別の利用者は止まらない', async () => {
    for (let i = 0; i < 3; i += 1) expect((await wrongSignIn(proxied, `office-${i}@example.jp`, '10.0.0.5', '203.0.113.20')).statusCode).toBe(401)
    expect((await wrongSignIn(proxied, 'office-3@example.jp', '10.0.0.5', '203.0.113.20')).statusCode).toBe(429)
    expect((await wrongSignIn(proxied, 'office-3@example.jp', '10.0.0.5', '203.0.113.21')).statusCode).toBe(401)
  })

  test('中継を信頼しない設定では、X-Forwarded-For を変えても上限を逃れられない', async () => {
    const results: number[] = []
    for (let i = 0; i < 4; i += 1) results.push((await wrongSignIn(direct, `spoof-${i}@example.jp`, '198.51.100.30', `203.0.113.${100 + i}`)).statusCode)
    expect(results).toEqual([401, 401, 401, 429])
  })
})
