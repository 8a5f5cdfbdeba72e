/**
 * Accounts and signed-in requests for API tests.
 *
 *   const { app, engine } = await startTestApp()
 *   const matsuyama = await createAccount(engine.db, { kind: 'municipality', localGovernmentCode: '382019' })
 *   const asMatsuyama = await injectAs(app, matsuyama)
 *   const response = await asMatsuyama({ method: 'POST', url: '/api/postings', payload: { … } })
 *
 * or in one step: `const { account, inject } = await createAndSignIn(app, engine.db, { kind: 'prefecture' })`.
 * `inject` carries the session cookie and the CSRF header; a test that wants them missing uses `app.inject`
 * with `inject.session.cookie` and leaves the header out.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import type { AccountKind } from '#shared/domain/accounts'
import type { Db } from '../../server/db/database.ts'
import { insertAccount } from '../../server/modules/accounts/repository.ts'
import { hashPassword } from '../../server/modules/accounts/secrets.ts'

/** Cheap argon2id parameters for tests (testConfig() uses the same); the hash still verifies with any config. */
export const TEST_PASSWORD_COST = { memoryKib: 1024, iterations: 1 }

export interface TestAccount {
  id: string
  kind: AccountKind
  email: string
  password: string
  displayName: string
  localGovernmentCode: string | null
  prefectureCode: string | null
}

export interface CreateAccountOptions {
  kind: AccountKind
  /** 市区町村の担当者: default 382019 (松山市). */
  localGovernmentCode?: string
  /** 都道府県の担当者: default 38 (愛媛県); for municipal staff it follows the local-government code. */
  prefectureCode?: string
  email?: string
  password?: string
  displayName?: string
  /** Default true; false makes an account that has not confirmed its address (and cannot sign in). */
  emailConfirmed?: boolean
}

/** Inserts an account directly (no mail, no audit), confirmed unless told otherwise. */
export async function createAccount(db: Db, options: CreateAccountOptions): Promise<TestAccount> {
  const { kind } = options
  const localGovernmentCode = kind === 'municipality' ? (options.localGovernmentCode ?? '382019') : null
  const prefectureCode = kind === 'municipality' ? localGovernmentCode!.slice(0, 2) : kind === 'prefecture' ? (options.prefectureCode ?? '38') : null
  const email = options.email ?? `${kind}-${randomUUID().slice(0, 8)}@example.jp`
  const password = options.password ?? `test-password-${randomBytes(6).toString('hex')}`
  const displayName = options.displayName ?? `テスト ${kind}`
  const row = await insertAccount(db, {
    kind,
    email,
    display_name: displayName,
    password_hash: await hashPassword(password, TEST_PASSWORD_COST),
    email_confirmed_at: options.emailConfirmed === false ? null : new Date(),
    local_government_code: localGovernmentCode,
    prefecture_code: prefectureCode,
  })
  return { id: row.id, kind, email, password, displayName, localGovernmentCode, prefectureCode }
}

export interface TestSession {
  /** Value for a `cookie` header: `sid=…; csrf_token=…`. */
  cookie: string
  /** Value for the `x-csrf-token` header. */
  csrfToken: string
}

/**
 * Signs in through the real route. Each call comes from its own made-up IP address, so a test file that signs
 * in many accounts never meets the sign-in rate limit (10 per IP per 15 minutes).
 */
export async function signIn(app: FastifyInstance, account: Pick<TestAccount, 'email' | 'password'>): Promise<TestSession> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email: account.email, password: account.password },
    remoteAddress: `10.${randomBytes(3).join('.')}`,
  })
  if (response.statusCode !== 200) throw new Error(`sign-in of ${account.email} failed: ${response.statusCode} ${response.body}`)
  const sid = response.cookies.find((cookie) => cookie.name === 'sid')?.value
  const csrfToken = response.cookies.find((cookie) => cookie.name === 'csrf_token')?.value
  if (!sid || !csrfToken) throw new Error('sign-in set no session cookies')
  return { cookie: `sid=${sid}; csrf_token=${csrfToken}`, csrfToken }
}

export type SignedInInject = ((options: InjectOptions | string) => Promise<LightMyRequestResponse>) & { session: TestSession }

/** `app.inject` as the account: every request carries its session cookie and CSRF header. */
export async function injectAs(app: FastifyInstance, account: Pick<TestAccount, 'email' | 'password'>): Promise<SignedInInject> {
  const session = await signIn(app, account)
  const inject = (options: InjectOptions | string) => {
    const request = typeof options === 'string' ? { url: options } : options
    return app.inject({
      ...request,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, ...request.headers },
    })
  }
  return Object.assign(inject, { session })
}

/** createAccount + injectAs. */
export async function createAndSignIn(app: FastifyInstance, db: Db, options: CreateAccountOptions) {
  const account = await createAccount(db, options)
  return { account, inject: await injectAs(app, account) }
}
