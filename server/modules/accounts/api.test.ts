import { describe, expect, test } from 'vitest'
import { Account, Me, SignedOut, SignUpAccepted } from '#shared/contracts/accounts'
import { ErrorBody } from '#shared/errors'
import { startTestApp } from '../../../test/support/app.ts'
import { createAccount, createAndSignIn, injectAs, signIn } from '../../../test/support/actors.ts'
import { tokenLinkIn } from '../../../test/support/smtp.ts'
import { inMunicipalityScope, municipalityScope } from './index.ts'

const { app, engine } = await startTestApp()
const db = engine.db

let ipCounter = 0
/** Each test gets its own client address, so the rate limit of one test does not reach another. */
const newIp = () => `192.0.2.${++ipCounter}`

async function mailsTo(email: string) {
  return db.selectFrom('mail_outbox').selectAll().where('to_address', '=', email).orderBy('created_at').execute()
}

async function lastLinkTo(email: string): Promise<URL> {
  const mails = await mailsTo(email)
  return tokenLinkIn(mails.at(-1)!.body_text)
}

const sessionCookie = (response: { cookies: Array<{ name: string; value: string }> }) => {
  const sid = response.cookies.find((cookie) => cookie.name === 'sid')!.value
  const csrf = response.cookies.find((cookie) => cookie.name === 'csrf_token')!.value
  return { cookie: `sid=${sid}; csrf_token=${csrf}`, csrf }
}

describe('外部デジタル人材の利用登録から ログインまで', () => {
  test('登録 → 確認メール → 確認 → ログイン → /api/auth/me', async () => {
    const remoteAddress = newIp()
    const email = 'hanako.yamada@example.jp'
    const signUp = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: { email: ' Hanako.Yamada@Example.jp ', password: 'correct horse battery', displayName: '山田 花子' },
      remoteAddress,
    })
    expect(signUp.statusCode).toBe(202)
    expect(SignUpAccepted.parse(signUp.json())).toEqual({ email })

    // The confirmation mail sits in the outbox (no SMTP in this test) with a one-time link to the client page.
    const [mail] = await mailsTo(email)
    expect(mail).toMatchObject({ subject: expect.stringContaining('メールアドレスの確認'), status: 'pending' })
    const link = tokenLinkIn(mail!.body_text)
    expect(link.origin + link.pathname).toBe('http://localhost:3000/confirm-email')
    expect(mail!.body_text).toContain('山田 花子 様')

    // Not yet confirmed: the right password is refused with a code the client can explain.
    const early = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password: 'correct horse battery' }, remoteAddress })
    expect(early.statusCode).toBe(403)
    expect(ErrorBody.parse(early.json()).error.code).toBe('EMAIL_NOT_CONFIRMED')

    const confirmed = await app.inject({ method: 'POST', url: '/api/auth/confirm-email', payload: { token: link.searchParams.get('token') }, remoteAddress })
    expect(confirmed.statusCode).toBe(200)
    expect(confirmed.json()).toEqual({ email })

    const signedIn = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'HANAKO.yamada@example.jp', password: 'correct horse battery' },
      remoteAddress,
    })
    expect(signedIn.statusCode).toBe(200)
    const account = Account.parse(signedIn.json())
    expect(account).toMatchObject({ kind: 'candidate', email, displayName: '山田 花子', localGovernment: null, prefecture: null })
    const sid = signedIn.cookies.find((cookie) => cookie.name === 'sid')!
    expect(sid).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' })
    expect(sid.secure).toBeFalsy() // PUBLIC_URL is http in tests
    const csrf = signedIn.cookies.find((cookie) => cookie.name === 'csrf_token')!
    expect(csrf.httpOnly).toBeFalsy() // the client reads it and echoes it in x-csrf-token

    const me = await app.inject({ url: '/api/auth/me', headers: { cookie: sessionCookie(signedIn).cookie } })
    expect(Me.parse(me.json())).toEqual({ signedIn: true, account })

    // The session token is stored only as its SHA-256.
    const stored = await db.selectFrom('session').select(['token_hash']).where('account_id', '=', account.id).execute()
    expect(stored).toHaveLength(1)
    expect(stored[0]!.token_hash).not.toBe(sid.value)
    expect(stored[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/)
  })

  test('確認リンクは一度しか使えない', async () => {
    const email = 'once@example.jp'
    await app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: { email, password: 'correct horse battery', displayName: '一度' },
      remoteAddress: newIp(),
    })
    const token = (await lastLinkTo(email)).searchParams.get('token')
    expect((await app.inject({ method: 'POST', url: '/api/auth/confirm-email', payload: { token } })).statusCode).toBe(200)
    const again = await app.inject({ method: 'POST', url: '/api/auth/confirm-email', payload: { token } })
    expect(again.statusCode).toBe(400)
    expect(ErrorBody.parse(again.json()).error).toMatchObject({ code: 'TOKEN_INVALID', message: expect.stringContaining('すでに使用') })
  })

  test('募集のページから登録すると、確認リンクがその戻り先を運ぶ（別の端末で開いても戻れる）。外部のサイトは戻り先にできない', async () => {
    const email = 'from.posting@example.jp'
    const returnTo = '/postings/0b6b1c1e-0000-4000-8000-000000000001/apply'
    const accepted = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: { email, password: 'correct horse battery', displayName: '戻り先', returnTo },
      remoteAddress: newIp(),
    })
    expect(accepted.statusCode).toBe(202)
    const link = await lastLinkTo(email)
    expect(link.pathname).toBe('/confirm-email')
    expect(link.searchParams.get('returnTo')).toBe(returnTo)
    expect(link.searchParams.get('token')).toMatch(/^[A-Za-z0-9_-]{43}$/)

    for (const elsewhere of ['//evil.example/', 'https://evil.example/', '/\\evil.example']) {
      const refused = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-up',
        payload: { email: 'x@example.jp', password: 'correct horse battery', displayName: 'x', returnTo: elsewhere },
        remoteAddress: newIp(),
      })
      expect(refused.statusCode, elsewhere).toBe(400)
      expect(ErrorBody.parse(refused.json()).error.code).toBe('VALIDATION_FAILED')
      expect(refused.body).toContain('戻り先のページは、このサービスのページで指定してください。')
    }
  })

  test('でたらめな確認コードは TOKEN_INVALID', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/auth/confirm-email', payload: { token: 'A'.repeat(43) } })
    expect(response.statusCode).toBe(400)
    expect(ErrorBody.parse(response.json()).error.code).toBe('TOKEN_INVALID')
  })

  test('登録済みのアドレスでの再登録は同じ応答で、パスワードは変わらず「登録済み」の案内だけが届く', async () => {
    const existing = await createAccount(db, { kind: 'candidate' })
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: { email: existing.email, password: 'another password 123', displayName: '別人' },
      remoteAddress: newIp(),
    })
    expect(response.statusCode).toBe(202)
    expect(response.json()).toEqual({ email: existing.email })
    const mails = await mailsTo(existing.email)
    expect(mails).toHaveLength(1)
    expect(mails[0]!.subject).toContain('利用登録のお申し込みについて')
    expect(mails[0]!.body_text).not.toContain('confirm-email')
    await expect(signIn(app, existing)).resolves.toBeDefined()
    await expect(signIn(app, { email: existing.email, password: 'another password 123' })).rejects.toThrow(/401/)
  })

  test('未確認のまま再登録すると、新しい確認リンクが届き、新しいパスワードが有効になる', async () => {
    const email = 'again@example.jp'
    const remoteAddress = newIp()
    await app.inject({ method: 'POST', url: '/api/auth/sign-up', payload: { email, password: 'first password 1', displayName: '一回目' }, remoteAddress })
    const firstToken = (await lastLinkTo(email)).searchParams.get('token')
    await app.inject({ method: 'POST', url: '/api/auth/sign-up', payload: { email, password: 'second password 2', displayName: '二回目' }, remoteAddress })
    const secondToken = (await lastLinkTo(email)).searchParams.get('token')
    expect(secondToken).not.toBe(firstToken)
    expect((await app.inject({ method: 'POST', url: '/api/auth/confirm-email', payload: { token: firstToken } })).statusCode).toBe(400)
    expect((await app.inject({ method: 'POST', url: '/api/auth/confirm-email', payload: { token: secondToken } })).statusCode).toBe(200)
    await expect(signIn(app, { email, password: 'first password 1' })).rejects.toThrow(/401/)
    const asSecond = await injectAs(app, { email, password: 'second password 2' })
    expect(Me.parse((await asSecond('/api/auth/me')).json())).toMatchObject({ account: { displayName: '二回目' } })
  })

  test.each([
    ['短いパスワード', { email: 'short@example.jp', password: 'short', displayName: '短い' }, 'password'],
    ['メールアドレスの形式', { email: 'not-an-address', password: 'correct horse battery', displayName: '形式' }, 'email'],
    ['氏名なし', { email: 'noname@example.jp', password: 'correct horse battery', displayName: '  ' }, 'displayName'],
    ['型の違い', { email: 42, password: ['x'], displayName: null }, 'email'],
    ['巨大な文字列', { email: `${'a'.repeat(100_000)}@example.jp`, password: 'correct horse battery', displayName: 'x' }, 'email'],
  ])('不正な登録内容（%s）は 400 VALIDATION_FAILED、日本語の項目メッセージ付き', async (_name, payload, field) => {
    const response = await app.inject({ method: 'POST', url: '/api/auth/sign-up', payload, remoteAddress: newIp() })
    expect(response.statusCode).toBe(400)
    const body = ErrorBody.parse(response.json())
    expect(body.error.code).toBe('VALIDATION_FAILED')
    expect(body.error.details?.map((detail) => detail.path)).toContain(field)
    expect(body.error.details?.find((detail) => detail.path === field)?.message).toMatch(/[ぁ-んァ-ン一-龥]/)
  })

  test('壊れた JSON は 400 の共通エラー形式', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: '{"email": ',
      headers: { 'content-type': 'application/json' },
    })
    expect(response.statusCode).toBe(400)
    expect(ErrorBody.parse(response.json()).error.code).toBe('MALFORMED_REQUEST')
  })
})

describe('ログイン', () => {
  test('誤ったパスワードは 401 INVALID_CREDENTIALS（登録のないアドレスと同じ応答）', async () => {
    const account = await createAccount(db, { kind: 'candidate' })
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: account.email, password: 'wrong password!' },
      remoteAddress: newIp(),
    })
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'nobody@example.jp', password: 'wrong password!' },
      remoteAddress: newIp(),
    })
    expect(wrong.statusCode).toBe(401)
    expect(unknown.statusCode).toBe(401)
    expect(wrong.json()).toEqual(unknown.json())
    expect(ErrorBody.parse(wrong.json()).error.code).toBe('INVALID_CREDENTIALS')
    expect(wrong.cookies.find((cookie) => cookie.name === 'sid')).toBeUndefined()
  })

  test('利用登録とパスワード再設定にも同じ上限がある', async () => {
    for (const url of ['/api/auth/sign-up', '/api/auth/password-reset/request']) {
      const remoteAddress = newIp()
      const payload = { email: 'limit@example.jp', password: 'correct horse battery', displayName: '上限' }
      const statuses: number[] = []
      for (let attempt = 1; attempt <= 11; attempt += 1) {
        statuses.push(
          (await app.inject({ method: 'POST', url, payload: url.endsWith('request') ? { email: payload.email } : payload, remoteAddress })).statusCode,
        )
      }
      expect(
        statuses.slice(0, 10).every((status) => status === 202),
        url,
      ).toBe(true)
      expect(statuses[10], url).toBe(429)
    }
  })

  test('招待中（パスワード未設定）の担当者はログインできない', async () => {
    const national = await createAndSignIn(app, db, { kind: 'national' })
    const created = await national.inject({
      method: 'POST',
      url: '/api/staff-accounts',
      payload: { kind: 'prefecture', email: 'invited@example.jp', displayName: '招待中', prefectureCode: '38' },
    })
    expect(created.statusCode).toBe(201)
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'invited@example.jp', password: '' },
      remoteAddress: newIp(),
    })
    expect(response.statusCode).toBe(400)
    const again = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'invited@example.jp', password: 'x'.repeat(12) },
      remoteAddress: newIp(),
    })
    expect(ErrorBody.parse(again.json()).error.code).toBe('INVALID_CREDENTIALS')
  })

  test('/api/auth/me は市区町村の担当者に団体名と都道府県名を返す', async () => {
    const { account, inject } = await createAndSignIn(app, db, { kind: 'municipality', localGovernmentCode: '382027' })
    const me = Me.parse((await inject('/api/auth/me')).json())
    expect(me).toEqual({
      signedIn: true,
      account: {
        id: account.id,
        kind: 'municipality',
        email: account.email,
        displayName: account.displayName,
        localGovernment: { code: '382027', name: '今治市' },
        prefecture: { code: '38', name: '愛媛県' },
      },
    })
    const pref = await createAndSignIn(app, db, { kind: 'prefecture', prefectureCode: '39' })
    expect(Me.parse((await pref.inject('/api/auth/me')).json())).toMatchObject({
      account: { prefecture: { code: '39', name: '高知県' }, localGovernment: null },
    })
  })

  test('未ログインの /api/auth/me は 200 { signedIn: false }', async () => {
    const response = await app.inject('/api/auth/me')
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ signedIn: false })
  })

  test('ログインし直すと前のセッションは終わる（セッション固定の防止）', async () => {
    const account = await createAccount(db, { kind: 'candidate' })
    const first = await signIn(app, account)
    const second = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: account.email, password: account.password },
      headers: { cookie: first.cookie, 'x-csrf-token': first.csrfToken },
      remoteAddress: newIp(),
    })
    expect(second.statusCode).toBe(200)
    expect(sessionCookie(second).cookie).not.toBe(first.cookie)
    expect((await app.inject({ url: '/api/auth/me', headers: { cookie: first.cookie } })).json()).toEqual({ signedIn: false })
  })
})

describe('CSRF', () => {
  test('セッション付きの変更要求に x-csrf-token がなければ 403 CSRF_TOKEN_INVALID で、何も変わらない', async () => {
    const { inject } = await createAndSignIn(app, db, { kind: 'national' })
    const payload = { kind: 'prefecture', email: 'csrf-victim@example.jp', displayName: 'CSRF', prefectureCode: '38' }
    for (const headers of [{ cookie: inject.session.cookie }, { cookie: inject.session.cookie, 'x-csrf-token': 'forged-token' }]) {
      const response = await app.inject({ method: 'POST', url: '/api/staff-accounts', payload, headers })
      expect(response.statusCode).toBe(403)
      expect(ErrorBody.parse(response.json()).error.code).toBe('CSRF_TOKEN_INVALID')
    }
    expect(await db.selectFrom('account').select('id').where('email', '=', payload.email).execute()).toEqual([])

    const signOut = await app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { cookie: inject.session.cookie } })
    expect(signOut.statusCode).toBe(403)
    expect(Me.parse((await inject('/api/auth/me')).json()).signedIn).toBe(true)

    // With the token the same request goes through.
    expect((await inject({ method: 'POST', url: '/api/staff-accounts', payload })).statusCode).toBe(201)
  })

  test('他のセッションの CSRF トークンは使えない', async () => {
    const a = await createAndSignIn(app, db, { kind: 'candidate' })
    const b = await createAndSignIn(app, db, { kind: 'candidate' })
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie: a.inject.session.cookie, 'x-csrf-token': b.inject.session.csrfToken },
    })
    expect(response.statusCode).toBe(403)
  })

  test.each([
    ['Origin が別サイト', { origin: 'https://evil.example' }],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Origin: null', { origin: 'null' }],
  ])('セッションなしの登録でも、別サイトからの送信（%s）は 403', async (_name, headers) => {
    const email = `cross-${Object.values(headers)[0]!.replace(/\W/g, '')}@example.jp`
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: { email, password: 'correct horse battery', displayName: '別サイト' },
      headers,
      remoteAddress: newIp(),
    })
    expect(response.statusCode).toBe(403)
    expect(ErrorBody.parse(response.json()).error.code).toBe('CSRF_TOKEN_INVALID')
    expect(await db.selectFrom('account').select('id').where('email', '=', email).execute()).toEqual([])
  })

  test('自サイトからの送信（Origin が PUBLIC_URL、Sec-Fetch-Site: same-origin）は通る', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/request',
      payload: { email: 'same-origin@example.jp' },
      headers: { origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin' },
      remoteAddress: newIp(),
    })
    expect(response.statusCode).toBe(202)
  })
})

describe('ログアウト', () => {
  test('ログアウトするとセッションの行が消え、同じ Cookie は未ログイン扱い', async () => {
    const { account, inject } = await createAndSignIn(app, db, { kind: 'prefecture' })
    expect((await inject('/api/staff-accounts')).statusCode).toBe(200)
    const signOut = await inject({ method: 'POST', url: '/api/auth/sign-out' })
    expect(signOut.statusCode).toBe(200)
    expect(SignedOut.parse(signOut.json())).toEqual({ signedIn: false })
    expect(signOut.cookies.find((cookie) => cookie.name === 'sid')?.value).toBe('')
    expect(await db.selectFrom('session').select('id').where('account_id', '=', account.id).execute()).toEqual([])

    expect((await inject('/api/auth/me')).json()).toEqual({ signedIn: false })
    const after = await inject('/api/staff-accounts')
    expect(after.statusCode).toBe(401)
    expect(ErrorBody.parse(after.json()).error.code).toBe('UNAUTHENTICATED')
  })
})

describe('パスワードの再設定', () => {
  test('再設定メール → 新しいパスワード → 古いパスワードと既存のセッションは無効、リンクは一度だけ', async () => {
    const account = await createAccount(db, { kind: 'candidate' })
    const before = await injectAs(app, account)
    const request = await app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/request',
      payload: { email: account.email.toUpperCase() },
      remoteAddress: newIp(),
    })
    expect(request.statusCode).toBe(202)
    const [mail] = await mailsTo(account.email)
    expect(mail!.subject).toContain('パスワードの再設定')
    expect(mail!.body_text).toContain('1時間有効')
    const link = tokenLinkIn(mail!.body_text)
    expect(link.pathname).toBe('/password-reset')
    const token = link.searchParams.get('token')

    const weak = await app.inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, password: 'short' }, remoteAddress: newIp() })
    expect(weak.statusCode).toBe(400)
    expect(ErrorBody.parse(weak.json()).error.details?.[0]?.message).toBe('パスワードは12文字以上で入力してください。')

    const confirm = await app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token, password: 'a brand new password' },
      remoteAddress: newIp(),
    })
    expect(confirm.statusCode).toBe(200)
    expect(confirm.json()).toEqual({ email: account.email })

    await expect(signIn(app, account)).rejects.toThrow(/401/)
    await expect(signIn(app, { email: account.email, password: 'a brand new password' })).resolves.toBeDefined()
    expect((await before('/api/auth/me')).json()).toEqual({ signedIn: false })

    const reuse = await app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token, password: 'yet another password' },
      remoteAddress: newIp(),
    })
    expect(reuse.statusCode).toBe(400)
    expect(ErrorBody.parse(reuse.json()).error.code).toBe('TOKEN_INVALID')
  })

  test('登録のないアドレスにも同じ 202 を返し、メールは送らない', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/request',
      payload: { email: 'ghost@example.jp' },
      remoteAddress: newIp(),
    })
    expect(response.statusCode).toBe(202)
    expect(response.json()).toEqual({ email: 'ghost@example.jp' })
    expect(await mailsTo('ghost@example.jp')).toEqual([])
  })

  test('確認メールのリンクではパスワードを変えられない', async () => {
    const email = 'purpose@example.jp'
    await app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: { email, password: 'correct horse battery', displayName: '目的' },
      remoteAddress: newIp(),
    })
    const token = (await lastLinkTo(email)).searchParams.get('token')
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token, password: 'taken over password' },
      remoteAddress: newIp(),
    })
    expect(response.statusCode).toBe(400)
    expect(ErrorBody.parse(response.json()).error.code).toBe('TOKEN_INVALID')
  })

  test('パスワードはハッシュで保存され、ログに出ない（argon2id）', async () => {
    const email = 'hashed@example.jp'
    await app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: { email, password: 'plain text never stored', displayName: 'ハッシュ' },
      remoteAddress: newIp(),
    })
    const row = await db.selectFrom('account').select('password_hash').where('email', '=', email).executeTakeFirstOrThrow()
    expect(row.password_hash).toMatch(/^\$argon2id\$/)
    expect(row.password_hash).not.toContain('plain text')
  })
})

describe('管轄の SQL 条件（inMunicipalityScope）', () => {
  test.each([
    ['国は全市区町村', { kind: 'national', userId: 'u', sessionId: 's' }, 1788],
    ['愛媛県は県内の21団体（県を含む）', { kind: 'prefecture', userId: 'u', sessionId: 's', prefectureCode: '38' }, 21],
    ['松山市は自分だけ', { kind: 'municipality', userId: 'u', sessionId: 's', localGovernmentCode: '382019', prefectureCode: '38' }, 1],
    ['外部デジタル人材には団体のデータはない', { kind: 'candidate', userId: 'u', sessionId: 's' }, 0],
  ] as const)('%s', async (_name, actor, expected) => {
    const row = await db
      .selectFrom('local_government')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(inMunicipalityScope('local_government.code', municipalityScope(actor)))
      .executeTakeFirstOrThrow()
    expect(Number(row.n)).toBe(expected)
  })
})
