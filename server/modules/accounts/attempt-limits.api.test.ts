import { afterAll, describe, expect, test } from 'vitest'
import { ErrorBody } from '#shared/errors'
import { buildApp } from '../../app.ts'
import { testConfig } from '../../config.ts'
import { createAccount } from '../../../test/support/actors.ts'
import { openTestDatabase } from '../../../test/support/database.ts'

// Two app instances on one database (on PostgreSQL each with its own connections), sharing one pinned clock.
let now = new Date('2026-04-01T09:00:00+09:00')
const clock = () => now
const advance = (seconds: number) => (now = new Date(now.getTime() + seconds * 1000))
const engine = await openTestDatabase()
const config = testConfig({ authAttemptsPerWindow: 10, authAttemptsPerAccount: 30, authAttemptsPerIp: 40, authWindowMinutes: 15 })
const first = await buildApp({ config, db: engine.db, clock })
const second = await buildApp({ config, db: engine.db, clock })
afterAll(async () => {
  await first.close()
  await second.close()
  await engine.close()
})

let ipCounter = 0
const newIp = () => `198.51.100.${++ipCounter}`
const signIn = (app: typeof first, email: string, password: string, remoteAddress: string) =>
  app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password }, remoteAddress })
const signUp = (app: typeof first, email: string, remoteAddress: string) =>
  app.inject({ method: 'POST', url: '/api/auth/sign-up', payload: { email, password: 'correct horse battery', displayName: '上限 確認' }, remoteAddress })
const statuses = async (responses: Promise<{ statusCode: number }>[]) => (await Promise.all(responses)).map((response) => response.statusCode)
const count = (list: number[], status: number) => list.filter((value) => value === status).length

describe('ログインの待ち時間（アカウントごと）', () => {
  test('5回誤ると6回目は正しいパスワードでも 429、待てば通り、成功で回数が戻る', async () => {
    const account = await createAccount(engine.db, { kind: 'candidate' })
    const ip = newIp()
    for (let attempt = 1; attempt <= 5; attempt += 1)
      expect((await signIn(first, account.email, `wrong ${attempt}`, ip)).statusCode, `attempt ${attempt}`).toBe(401)
    const sixth = await signIn(second, account.email, account.password, ip)
    expect(sixth.statusCode).toBe(429)
    expect(ErrorBody.parse(sixth.json())).toEqual({
      error: { code: 'RATE_LIMITED', message: '試行回数が上限に達しました。約1秒後に、もう一度お試しください。' },
    })
    expect(sixth.headers['retry-after']).toBe('1')
    advance(1)
    expect((await signIn(first, account.email, 'wrong 6', ip)).statusCode).toBe(401)
    // the wait doubles: 2 s after the sixth attempt
    advance(1)
    const early = await signIn(second, account.email, account.password, ip)
    expect(early.statusCode).toBe(429)
    expect(early.headers['retry-after']).toBe('1')
    advance(1)
    expect((await signIn(second, account.email, account.password, ip)).statusCode).toBe(200)
    // after the success the account starts again from five free attempts (from another address: this one has used
    // nine of its ten in the window)
    const other = newIp()
    for (let attempt = 1; attempt <= 5; attempt += 1) expect((await signIn(first, account.email, `wrong again ${attempt}`, other)).statusCode).toBe(401)
    expect((await signIn(first, account.email, 'wrong again 6', other)).statusCode).toBe(429)
  })

  test('55回の誤りを5つのアドレスから同時に送っても、試されるのは5回だけ（2つのインスタンスで）', async () => {
    const account = await createAccount(engine.db, { kind: 'candidate' })
    const addresses = [newIp(), newIp(), newIp(), newIp(), newIp()]
    const results = await statuses(
      Array.from({ length: 55 }, (_, i) => signIn(i % 2 === 0 ? first : second, account.email, `guess ${i}`, addresses[i % addresses.length]!)),
    )
    expect(count(results, 401)).toBe(5)
    expect(count(results, 429)).toBe(50)
  })

  test('待ち時間は1回ごとに倍になり最長15分、どのアドレスからでも同じ', async () => {
    const account = await createAccount(engine.db, { kind: 'candidate' })
    const waits: number[] = []
    for (let tried = 0; tried < 17;) {
      const response = await signIn(tried % 2 ? first : second, account.email, `slow guess ${tried}`, newIp())
      if (response.statusCode === 401) {
        tried += 1
        continue
      }
      expect(response.statusCode).toBe(429)
      waits.push(Number(response.headers['retry-after']))
      advance(waits.at(-1)!)
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900])
  })
})

describe('回数の窓（IP ごと、アカウントごと、IP とアカウントごと）はインスタンスの間で共有', () => {
  test('同じ IP・同じアドレスの利用登録を2つのインスタンスへ同時に20回: 通るのは10回', async () => {
    const ip = newIp()
    const results = await statuses(Array.from({ length: 20 }, (_, i) => signUp(i % 2 === 0 ? first : second, 'same-window@example.jp', ip)))
    expect(count(results, 202)).toBe(10)
    expect(count(results, 429)).toBe(10)
    // another address from the same IP is still allowed (its own IP-and-account window)
    expect((await signUp(first, 'other-window@example.jp', ip)).statusCode).toBe(202)
  })

  test('一つのアドレスには、アドレスを変えても窓あたり30回まで', async () => {
    const results: number[] = []
    for (let i = 0; i < 31; i += 1) results.push((await signUp(i % 2 === 0 ? first : second, 'spread@example.jp', newIp())).statusCode)
    expect(results.slice(0, 30).every((status) => status === 202)).toBe(true)
    expect(results[30]).toBe(429)
  })

  test('一つの IP からは、アドレスを変えても窓あたり40回まで。窓が終われば再び通る', async () => {
    const ip = newIp()
    const results = await statuses(Array.from({ length: 41 }, (_, i) => signIn(i % 2 === 0 ? first : second, `guess-${i}@example.jp`, 'wrong password!', ip)))
    expect(count(results, 401)).toBe(40)
    const refused = await signIn(first, 'guess-last@example.jp', 'wrong password!', ip)
    expect(refused.statusCode).toBe(429)
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(14 * 60)
    advance(15 * 60)
    expect((await signIn(second, 'guess-last@example.jp', 'wrong password!', ip)).statusCode).toBe(401)
  })

  test('パスワード再設定の依頼にも同じ窓', async () => {
    const ip = newIp()
    const results: number[] = []
    for (let i = 0; i < 11; i += 1)
      results.push(
        (await first.inject({ method: 'POST', url: '/api/auth/password-reset/request', payload: { email: 'reset-limit@example.jp' }, remoteAddress: ip }))
          .statusCode,
      )
    expect(results.slice(0, 10).every((status) => status === 202)).toBe(true)
    expect(results[10]).toBe(429)
  })

  test('終わった窓と1日触れられていない待ち時間は、定期処理が1回だけ消す', async () => {
    const windowsBefore = await engine.db.selectFrom('auth_attempt_window').select('key').execute()
    expect(windowsBefore.length).toBeGreaterThan(0)
    advance(24 * 60 * 60 + 1)
    const ran = await Promise.all([first.jobs.runDue(), second.jobs.runDue()])
    expect(ran.flat().filter((name) => name === 'accounts.attempts-sweep')).toHaveLength(1)
    expect(await engine.db.selectFrom('auth_attempt_window').select('key').execute()).toEqual([])
    expect(await engine.db.selectFrom('auth_account_delay').select('account_key').execute()).toEqual([])
  })
})
