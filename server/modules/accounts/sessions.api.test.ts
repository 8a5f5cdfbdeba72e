import { afterAll, describe, expect, test } from 'vitest'
import { ErrorBody } from '#shared/errors'
import { buildApp } from '../../app.ts'
import { testConfig } from '../../config.ts'
import { startTestApp } from '../../../test/support/app.ts'
import { createAccount, injectAs } from '../../../test/support/actors.ts'
import { tokenLinkIn } from '../../../test/support/smtp.ts'

// The app's clock is pinned and moved by hand: sessions and one-time links expire by it.
let now = new Date('2026-04-01T09:00:00+09:00')
const { app, engine } = await startTestApp({ clock: () => now })
const db = engine.db
const minutes = (n: number) => {
  now = new Date(now.getTime() + n * 60_000)
}

describe('セッションの有効期限（時計を固定）', () => {
  test('2時間操作がなければ未ログイン扱いになり、保護された API は 401、セッションの行も消える', async () => {
    const account = await createAccount(db, { kind: 'national' })
    const inject = await injectAs(app, account)
    minutes(119)
    expect((await inject('/api/auth/me')).json()).toMatchObject({ signedIn: true })
    minutes(119) // active 119 minutes ago, so still alive
    expect((await inject('/api/mail-outbox')).statusCode).toBe(200)
    minutes(120)
    expect((await inject('/api/auth/me')).json()).toEqual({ signedIn: false })
    const response = await inject('/api/mail-outbox')
    expect(response.statusCode).toBe(401)
    expect(ErrorBody.parse(response.json()).error.code).toBe('UNAUTHENTICATED')
    expect(await db.selectFrom('session').select('id').where('account_id', '=', account.id).execute()).toEqual([])
  })

  test('操作を続けていても、ログインから12時間で終わる', async () => {
    const account = await createAccount(db, { kind: 'candidate' })
    const inject = await injectAs(app, account)
    for (let hour = 1; hour < 12; hour += 1) {
      minutes(60)
      expect((await inject('/api/auth/me')).json(), `hour ${hour}`).toMatchObject({ signedIn: true })
    }
    minutes(60)
    const me = await inject('/api/auth/me')
    expect(me.json()).toEqual({ signedIn: false })
    // The browser is told to drop both cookies.
    expect(
      me.cookies
        .filter((cookie) => cookie.value === '')
        .map((cookie) => cookie.name)
        .sort(),
    ).toEqual(['csrf_token', 'sid'])
  })

  test('期限切れのセッションで変更要求をしても、CSRF ではなく 401 になる（クライアントはログイン画面へ）', async () => {
    const account = await createAccount(db, { kind: 'national' })
    const inject = await injectAs(app, account)
    minutes(12 * 60)
    const response = await inject({ method: 'POST', url: '/api/staff-accounts', payload: { kind: 'national', email: 'late@example.jp', displayName: '遅刻' } })
    expect(response.statusCode).toBe(401)
    expect(ErrorBody.parse(response.json()).error.code).toBe('UNAUTHENTICATED')
  })
})

describe('ワンタイムリンクの有効期限（時計を固定）', () => {
  test('パスワード再設定のリンクは1時間で切れる', async () => {
    const account = await createAccount(db, { kind: 'candidate' })
    await app.inject({ method: 'POST', url: '/api/auth/password-reset/request', payload: { email: account.email }, remoteAddress: '198.51.100.1' })
    const mail = await db.selectFrom('mail_outbox').select('body_text').where('to_address', '=', account.email).executeTakeFirstOrThrow()
    const token = tokenLinkIn(mail.body_text).searchParams.get('token')
    minutes(60)
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token, password: 'too late password' },
      remoteAddress: '198.51.100.1',
    })
    expect(response.statusCode).toBe(400)
    expect(ErrorBody.parse(response.json()).error).toMatchObject({ code: 'TOKEN_INVALID', message: expect.stringContaining('有効期限') })
  })

  test('59分後なら使える', async () => {
    const account = await createAccount(db, { kind: 'candidate' })
    await app.inject({ method: 'POST', url: '/api/auth/password-reset/request', payload: { email: account.email }, remoteAddress: '198.51.100.2' })
    const mail = await db.selectFrom('mail_outbox').select('body_text').where('to_address', '=', account.email).executeTakeFirstOrThrow()
    minutes(59)
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token: tokenLinkIn(mail.body_text).searchParams.get('token'), password: 'just in time password' },
      remoteAddress: '198.51.100.2',
    })
    expect(response.statusCode).toBe(200)
  })

  test('利用登録の確認リンクは24時間で切れる', async () => {
    const email = 'slow@example.jp'
    await app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: { email, password: 'correct horse battery', displayName: '遅い' },
      remoteAddress: '198.51.100.3',
    })
    const mail = await db.selectFrom('mail_outbox').select('body_text').where('to_address', '=', email).executeTakeFirstOrThrow()
    minutes(24 * 60)
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/confirm-email',
      payload: { token: tokenLinkIn(mail.body_text).searchParams.get('token') },
    })
    expect(response.statusCode).toBe(400)
    expect(ErrorBody.parse(response.json()).error.code).toBe('TOKEN_INVALID')
  })

  test('ログイン試行の上限は15分の窓が終わると解ける', async () => {
    const account = await createAccount(db, { kind: 'candidate' })
    const remoteAddress = '198.51.100.4'
    for (let i = 0; i < 10; i += 1) {
      await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: account.email, password: 'wrong password!' }, remoteAddress })
    }
    const refused = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: account.email, password: account.password }, remoteAddress })
    expect(refused.statusCode).toBe(429)
    minutes(15)
    const allowed = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: account.email, password: account.password }, remoteAddress })
    expect(allowed.statusCode).toBe(200)
  })
})

const httpsApp = await buildApp({ config: testConfig({ publicUrl: 'https://talent.example.lg.jp' }), db })
afterAll(() => httpsApp.close())

describe('Cookie の属性', () => {
  test('PUBLIC_URL が https なら sid と csrf_token に Secure が付く', async () => {
    const account = await createAccount(db, { kind: 'candidate' })
    const response = await httpsApp.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: account.email, password: account.password } })
    expect(response.statusCode).toBe(200)
    expect(response.cookies.find((cookie) => cookie.name === 'sid')).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' })
    expect(response.cookies.find((cookie) => cookie.name === 'csrf_token')).toMatchObject({ secure: true })
  })
})
