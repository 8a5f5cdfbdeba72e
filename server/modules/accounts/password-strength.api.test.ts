import { describe, expect, test } from 'vitest'
import { ErrorBody } from '#shared/errors'
import { startTestApp } from '../../../test/support/app.ts'
import { createAccount, createAndSignIn, signIn } from '../../../test/support/actors.ts'
import { tokenLinkIn } from '../../../test/support/smtp.ts'

const { app, engine } = await startTestApp()
const db = engine.db

let serial = 0
const newIp = () => `198.51.100.${++serial}`
const TWELVE_SPACES_AND_A = `${' '.repeat(12)}a`

async function lastTokenTo(email: string): Promise<string> {
  const mails = await db.selectFrom('mail_outbox').selectAll().where('to_address', '=', email).orderBy('created_at').execute()
  return tokenLinkIn(mails.at(-1)!.body_text).searchParams.get('token')!
}

/** A 400 VALIDATION_FAILED whose message names パスワード and why, pointing at the password field. */
function expectGuessableRefusal(response: { statusCode: number; json(): unknown }, why: RegExp): void {
  expect(response.statusCode).toBe(400)
  const { error } = ErrorBody.parse(response.json())
  expect(error.code).toBe('VALIDATION_FAILED')
  expect(error.message).toMatch(/^パスワードが推測されやすいため使えません/)
  expect(error.message).toMatch(why)
  expect(error.details).toEqual([{ path: 'password', message: error.message }])
}

describe('推測されやすいパスワードは設定できない（12文字以上でも）', () => {
  test('利用登録: password1234 と「空白12個と a」は断られ、アカウントもメールも作られない', async () => {
    const email = 'weak.password@example.jp'
    for (const [password, why] of [
      ['password1234', /よく使われるパスワード/],
      [TWELVE_SPACES_AND_A, /同じ文字や並びを繰り返しています/],
      ['weak.password2026', /メールアドレスや氏名を含んでいます/],
    ] as const) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-up',
        payload: { email, password, displayName: '弱井 守' },
        remoteAddress: newIp(),
      })
      expectGuessableRefusal(response, why)
    }
    expect(await db.selectFrom('account').select('id').where('email', '=', email).execute()).toEqual([])
    expect(await db.selectFrom('mail_outbox').select('id').where('to_address', '=', email).execute()).toEqual([])
    const strong = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: { email, password: 'correct horse battery', displayName: '弱井 守' },
      remoteAddress: newIp(),
    })
    expect(strong.statusCode).toBe(202)
  })

  test('パスワードの再設定: 断られてもリンクは使える。推測されにくいものなら設定できる', async () => {
    const account = await createAccount(db, { kind: 'candidate' })
    await app.inject({ method: 'POST', url: '/api/auth/password-reset/request', payload: { email: account.email }, remoteAddress: newIp() })
    const token = await lastTokenTo(account.email)
    for (const password of ['password1234', TWELVE_SPACES_AND_A, 'qwertyuiop12']) {
      const response = await app.inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, password }, remoteAddress: newIp() })
      expectGuessableRefusal(response, /（.+）/)
    }
    // the old password still works: nothing was written
    await expect(signIn(app, account)).resolves.toBeDefined()
    const confirm = await app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token, password: 'a brand new password' },
      remoteAddress: newIp(),
    })
    expect(confirm.statusCode).toBe(200)
    await expect(signIn(app, { email: account.email, password: 'a brand new password' })).resolves.toBeDefined()
  })

  test('招待の受け入れ: 推測されやすいパスワードは断られ、招待は受け入れ前のまま', async () => {
    const national = await createAndSignIn(app, db, { kind: 'national' })
    const email = 'invited.staff@example.jp'
    const created = await national.inject({
      method: 'POST',
      url: '/api/staff-accounts',
      payload: { kind: 'prefecture', email, displayName: '招待 花子', prefectureCode: '38' },
    })
    expect(created.statusCode).toBe(201)
    const token = await lastTokenTo(email)
    for (const password of ['password1234', TWELVE_SPACES_AND_A]) {
      const response = await app.inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, password }, remoteAddress: newIp() })
      expectGuessableRefusal(response, /（.+）/)
    }
    const row = await db.selectFrom('account').select('password_hash').where('email', '=', email).executeTakeFirstOrThrow()
    expect(row.password_hash).toBeNull()
    const accept = await app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token, password: 'my own staff password' },
      remoteAddress: newIp(),
    })
    expect(accept.statusCode).toBe(200)
  })
})
