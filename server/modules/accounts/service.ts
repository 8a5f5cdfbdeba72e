import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Account, CreateStaffAccountRequest, StaffAccount } from '#shared/contracts/accounts'
import { accountKindLabels } from '#shared/domain/accounts'
import { isValidLocalGovernmentCode } from '#shared/domain/codes'
import type { Clock } from '../../clock.ts'
import type { Config } from '../../config.ts'
import type { Db } from '../../db/database.ts'
import type { Actor } from '../../http/actor.ts'
import { AppError, notFound } from '../../http/errors.ts'
import { recordAudit } from '../audit/index.ts'
import { findLocalGovernment } from '../local-governments/index.ts'
import { enqueueMail, type MailSender } from '../mail/index.ts'
import { alreadyRegisteredMail, confirmationMail, invitationMail, link, passwordResetMail } from './mails.ts'
import { clearSignInDelay, countAttempt, takeSignInTurn } from './attempt-repository.ts'
import { type AttemptAction, type AttemptDecision, attemptKeys, type AttemptLimits, decideWindows, retryMessage } from './rate-limit.ts'
import * as repository from './repository.ts'
import type { AccountRow, StaffVisibility } from './repository.ts'
import { can, type Scope, tokenExpiry, tokenProblemMessage, type TokenPurpose, tokenState } from './rules.ts'
import { clearSessionCookies, startSession } from './sessions.ts'
import { guessablePasswordProblem } from './password-strength.ts'
import { digest, hashPassword, randomToken, verifyPassword } from './secrets.ts'

export interface AccountDeps {
  db: Db
  config: Config
  clock: Clock
  mail: MailSender
  limits: AttemptLimits
}

type Request = FastifyRequest

const passwordCost = (config: Config) => ({ memoryKib: config.passwordHashMemoryKib, iterations: config.passwordHashIterations })

/** Refuses a new password that is easy to guess (a common one, a repeat, the account's own address or name). */
function refuseGuessablePassword(password: string, context: readonly string[]): void {
  const problem = guessablePasswordProblem(password, context)
  if (problem) throw new AppError('VALIDATION_FAILED', problem, 400, [{ path: 'password', message: problem }])
}

/** Counts an attempt per IP, per account and per (IP, account) in the database; over a limit, 429 RATE_LIMITED. */
async function limitAttempts(deps: AccountDeps, request: Request, reply: FastifyReply, action: AttemptAction, account?: string): Promise<void> {
  const now = deps.clock()
  const keys = attemptKeys(deps.limits, action, request.ip, account)
  refuseWhenLimited(reply, decideWindows(keys, await countAttempt(deps.db, keys, now, deps.limits.windowSeconds), now, deps.limits.windowSeconds))
}

/** A sign-in on an account waits its turn (a delay growing with each attempt since the last success). */
async function waitSignInTurn(deps: AccountDeps, reply: FastifyReply, account: string): Promise<void> {
  const now = deps.clock()
  const turn = await takeSignInTurn(deps.db, account, now)
  if (turn) refuseWhenLimited(reply, { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((turn.getTime() - now.getTime()) / 1000)) })
}

function refuseWhenLimited(reply: FastifyReply, decision: AttemptDecision): void {
  if (decision.allowed) return
  reply.header('retry-after', String(decision.retryAfterSeconds))
  throw new AppError('RATE_LIMITED', retryMessage(decision.retryAfterSeconds))
}

async function issueToken(tx: Db, accountId: string, purpose: TokenPurpose, now: Date): Promise<string> {
  const token = randomToken()
  await repository.retireTokens(tx, accountId, [purpose], now)
  await repository.insertToken(tx, { accountId, purpose, tokenHash: digest(token), now, expiresAt: tokenExpiry(purpose, now) })
  return token
}

/** The prefecture's own row in the local-government list: 都道府県コード + "000" + check digit (愛媛県 380008). */
export function prefectureBodyCode(prefectureCode: string): string {
  for (let digit = 0; digit <= 9; digit += 1) {
    const code = `${prefectureCode}000${digit}`
    if (isValidLocalGovernmentCode(code)) return code
  }
  throw new Error(`no check digit for ${prefectureCode}`)
}

/** The account as its owner and administrators see it, with the names of its municipality and prefecture. */
export async function describeAccount(db: Db, row: AccountRow): Promise<Account> {
  const [localGovernment, prefecture] = await Promise.all([
    row.local_government_code ? findLocalGovernment(db, row.local_government_code) : undefined,
    row.prefecture_code ? findLocalGovernment(db, prefectureBodyCode(row.prefecture_code)) : undefined,
  ])
  return {
    id: row.id,
    kind: row.kind,
    email: row.email,
    displayName: row.display_name,
    localGovernment: row.local_government_code ? { code: row.local_government_code, name: localGovernment?.name ?? row.local_government_code } : null,
    prefecture: row.prefecture_code ? { code: row.prefecture_code, name: prefecture?.name ?? row.prefecture_code } : null,
  }
}

async function describeStaff(db: Db, row: AccountRow): Promise<StaffAccount> {
  if (row.kind === 'candidate') throw new Error('not a staff account')
  return { ...(await describeAccount(db, row)), kind: row.kind, invitationAccepted: row.password_hash !== null, createdAt: row.created_at.toISOString() }
}

// ---- candidates: sign-up and e-mail confirmation ----------------------------------------------------------------

/**
 * 外部デジタル人材の利用登録. The answer is the same whether or not the address is registered; the mailbox gets a
 * confirmation link (new or still unconfirmed account: the newest sign-up's password and name count) or a note
 * that the address is registered (confirmed account, or a staff address).
 */
export async function signUp(
  deps: AccountDeps,
  request: Request,
  reply: FastifyReply,
  body: { email: string; password: string; displayName: string; returnTo?: string | undefined },
): Promise<{ email: string }> {
  await limitAttempts(deps, request, reply, 'sign-up', body.email)
  refuseGuessablePassword(body.password, [body.email, body.displayName])
  const { db, config, clock } = deps
  const passwordHash = await hashPassword(body.password, passwordCost(config))
  const now = clock()
  await db.transaction().execute(async (tx) => {
    const created = await repository.insertAccountIfNew(tx, {
      kind: 'candidate',
      email: body.email,
      display_name: body.displayName,
      password_hash: passwordHash,
      created_at: now,
    })
    const existing = created ?? (await repository.findAccountByEmail(tx, body.email))
    if (!existing) throw new Error('account vanished during sign-up')
    const unconfirmedCandidate = existing.kind === 'candidate' && existing.email_confirmed_at === null
    if (created || unconfirmedCandidate) {
      if (!created) await repository.updateAccount(tx, existing.id, { password_hash: passwordHash, display_name: body.displayName })
      const token = await issueToken(tx, existing.id, 'email_confirmation', now)
      await enqueueMail(tx, confirmationMail(body.email, body.displayName, link(config.publicUrl, '/confirm-email', token, body.returnTo)))
    } else {
      await enqueueMail(tx, alreadyRegisteredMail(body.email, new URL('/password-reset', config.publicUrl).toString()))
    }
    await recordAudit(tx, {
      actor: request.actor,
      action: created ? 'account.signed_up' : 'account.sign_up_repeated',
      targetType: 'account',
      targetId: existing.id,
      request,
    })
  })
  deps.mail.kick()
  return { email: body.email }
}

export async function confirmEmail(deps: AccountDeps, request: Request, token: string): Promise<{ email: string }> {
  const { db, clock } = deps
  const now = clock()
  return db.transaction().execute(async (tx) => {
    const found = await repository.findTokenForUpdate(tx, digest(token))
    if (!found) throw new AppError('TOKEN_INVALID', tokenProblemMessage('unknown'))
    const state = tokenState({ purpose: found.purpose, expiresAt: found.expires_at, usedAt: found.used_at }, now, ['email_confirmation'])
    if (state !== 'valid') throw new AppError('TOKEN_INVALID', tokenProblemMessage(state))
    const account = await repository.findAccountById(tx, found.account_id)
    if (!account) throw new AppError('TOKEN_INVALID', tokenProblemMessage('unknown'))
    await repository.markTokenUsed(tx, found.id, now)
    if (account.email_confirmed_at === null) await repository.updateAccount(tx, account.id, { email_confirmed_at: now })
    await recordAudit(tx, { actor: request.actor, action: 'account.email_confirmed', targetType: 'account', targetId: account.id, request })
    return { email: account.email }
  })
}

// ---- sessions -----------------------------------------------------------------------------------------------------

const BAD_CREDENTIALS = 'メールアドレスまたはパスワードが正しくありません。'

export async function signIn(deps: AccountDeps, request: Request, reply: FastifyReply, body: { email: string; password: string }): Promise<Account> {
  await limitAttempts(deps, request, reply, 'sign-in', body.email)
  await waitSignInTurn(deps, reply, body.email)
  const { db, config, clock } = deps
  const found = await repository.findAccountByEmail(db, body.email)
  const account = found && found.deleted_at === null ? found : undefined
  const passwordMatches = await verifyPassword(account?.password_hash ?? null, body.password, passwordCost(config))
  if (account && passwordMatches) await clearSignInDelay(db, body.email)
  if (!account || !passwordMatches) {
    if (account) {
      await recordAudit(db, {
        actor: request.actor,
        action: 'account.sign_in_failed',
        targetType: 'account',
        targetId: account.id,
        request,
        ...tenantOf(account),
      })
    }
    throw new AppError('INVALID_CREDENTIALS', BAD_CREDENTIALS)
  }
  if (account.email_confirmed_at === null) {
    throw new AppError('EMAIL_NOT_CONFIRMED', 'メールアドレスの確認が済んでいません。登録時にお送りしたメールのリンクを開いてから、ログインしてください。')
  }
  const now = clock()
  await db.transaction().execute(async (tx) => {
    // A new session on every sign-in (no fixation); one the browser already held ends here.
    if (request.actor.kind !== 'anonymous') await repository.deleteSession(tx, request.actor.sessionId)
    await repository.deleteExpiredSessions(tx, now, config.sessionIdleMinutes)
    const sessionId = await startSession({ db: tx, config, clock }, request, reply, account.id)
    await recordAudit(tx, {
      actor: { ...actorFor(account), sessionId },
      action: 'account.signed_in',
      targetType: 'account',
      targetId: account.id,
      request,
    })
  })
  return describeAccount(db, account)
}

export async function signOut(deps: AccountDeps, request: Request, reply: FastifyReply): Promise<{ signedIn: false }> {
  const { actor } = request
  if (actor.kind !== 'anonymous') {
    await deps.db.transaction().execute(async (tx) => {
      await repository.deleteSession(tx, actor.sessionId)
      await recordAudit(tx, { actor, action: 'account.signed_out', targetType: 'account', targetId: actor.userId, request })
    })
  }
  clearSessionCookies(reply, deps.config)
  return { signedIn: false }
}

/** The actor a signed-in account acts as (without its session id). */
function actorFor(account: AccountRow): Exclude<Actor, { kind: 'anonymous' }> {
  const base = { userId: account.id, sessionId: '' }
  switch (account.kind) {
    case 'municipality':
      return { kind: 'municipality', ...base, localGovernmentCode: account.local_government_code!, prefectureCode: account.prefecture_code! }
    case 'prefecture':
      return { kind: 'prefecture', ...base, prefectureCode: account.prefecture_code! }
    default:
      return { kind: account.kind, ...base }
  }
}

/** The tenant an account belongs to, for audit events about it. */
function tenantOf(account: AccountRow): { prefectureCode: string | null; localGovernmentCode: string | null } {
  return { prefectureCode: account.prefecture_code, localGovernmentCode: account.local_government_code }
}

export async function me(deps: AccountDeps, actor: Actor) {
  if (actor.kind === 'anonymous') return { signedIn: false as const }
  const account = await repository.findAccountById(deps.db, actor.userId)
  if (!account) return { signedIn: false as const }
  return { signedIn: true as const, account: await describeAccount(deps.db, account) }
}

// ---- password reset and staff invitations -------------------------------------------------------------------------

export async function requestPasswordReset(deps: AccountDeps, request: Request, reply: FastifyReply, email: string): Promise<{ email: string }> {
  await limitAttempts(deps, request, reply, 'password-reset', email)
  const { db, config, clock } = deps
  const now = clock()
  await db.transaction().execute(async (tx) => {
    const account = await repository.findAccountByEmail(tx, email)
    if (!account) return // same answer as for a known address
    const token = await issueToken(tx, account.id, 'password_reset', now)
    await enqueueMail(tx, passwordResetMail(account.email, account.display_name, link(config.publicUrl, '/password-reset', token)))
    await recordAudit(tx, {
      actor: request.actor,
      action: 'account.password_reset_requested',
      targetType: 'account',
      targetId: account.id,
      request,
      ...tenantOf(account),
    })
  })
  deps.mail.kick()
  return { email }
}

/**
 * Sets a new password from a mailed link: a password reset (1 hour) or a staff invitation (72 hours). The link
 * proves the mailbox, so the address counts as confirmed; every session of the account ends.
 */
export async function confirmPasswordReset(
  deps: AccountDeps,
  request: Request,
  reply: FastifyReply,
  body: { token: string; password: string },
): Promise<{ email: string }> {
  await limitAttempts(deps, request, reply, 'password-reset')
  const { db, config, clock } = deps
  const passwordHash = await hashPassword(body.password, passwordCost(config))
  const now = clock()
  return db.transaction().execute(async (tx) => {
    const found = await repository.findTokenForUpdate(tx, digest(body.token))
    if (!found) throw new AppError('TOKEN_INVALID', tokenProblemMessage('unknown'))
    const state = tokenState({ purpose: found.purpose, expiresAt: found.expires_at, usedAt: found.used_at }, now, ['password_reset', 'invitation'])
    if (state !== 'valid') throw new AppError('TOKEN_INVALID', tokenProblemMessage(state))
    const account = await repository.findAccountById(tx, found.account_id)
    if (!account) throw new AppError('TOKEN_INVALID', tokenProblemMessage('unknown'))
    // before anything is written: the link stays usable for a better password
    refuseGuessablePassword(body.password, [account.email, account.display_name])
    await repository.markTokenUsed(tx, found.id, now)
    await repository.retireTokens(tx, account.id, ['password_reset', 'invitation'], now)
    await repository.updateAccount(tx, account.id, { password_hash: passwordHash, email_confirmed_at: account.email_confirmed_at ?? now })
    await repository.deleteSessionsOf(tx, account.id)
    await recordAudit(tx, {
      actor: request.actor,
      action: found.purpose === 'invitation' ? 'staff_account.invitation_accepted' : 'account.password_reset',
      targetType: 'account',
      targetId: account.id,
      request,
      ...tenantOf(account),
    })
    return { email: account.email }
  })
}

// ---- staff accounts -----------------------------------------------------------------------------------------------

const STAFF_FORBIDDEN = 'この管轄の担当者アカウントを作成する権限がありません。'

function scopeOfRequest(body: CreateStaffAccountRequest): Scope {
  switch (body.kind) {
    case 'municipality':
      return { level: 'municipality', localGovernmentCode: body.localGovernmentCode, prefectureCode: body.localGovernmentCode.slice(0, 2) }
    case 'prefecture':
      return { level: 'prefecture', prefectureCode: body.prefectureCode }
    case 'national':
      return { level: 'national' }
  }
}

function scopeOfAccount(account: AccountRow): Scope {
  switch (account.kind) {
    case 'municipality':
      return { level: 'municipality', localGovernmentCode: account.local_government_code!, prefectureCode: account.prefecture_code! }
    case 'prefecture':
      return { level: 'prefecture', prefectureCode: account.prefecture_code! }
    case 'national':
      return { level: 'national' }
    case 'candidate':
      return { level: 'candidate', userId: account.id }
  }
}

/** Creates a staff account without a password and mails the person an invitation link to set one. */
export async function createStaffAccount(deps: AccountDeps, actor: Actor, request: Request, body: CreateStaffAccountRequest): Promise<StaffAccount> {
  const { db, config, clock } = deps
  const scope = scopeOfRequest(body)
  if (!can(actor, 'staff.create', scope)) throw new AppError('FORBIDDEN', STAFF_FORBIDDEN)
  if (body.kind === 'municipality') {
    const found = await findLocalGovernment(db, body.localGovernmentCode)
    if (!found || found.kind === 'prefecture') {
      throw new AppError('VALIDATION_FAILED', '市区町村の団体コードを指定してください。', 400, [
        {
          path: 'localGovernmentCode',
          message: found ? '都道府県ではなく市区町村の団体コードを指定してください。' : 'この団体コードの市区町村は登録されていません。',
        },
      ])
    }
  }
  const now = clock()
  const created = await db.transaction().execute(async (tx) => {
    const account = await repository.insertAccountIfNew(tx, {
      kind: body.kind,
      email: body.email,
      display_name: body.displayName,
      password_hash: null,
      local_government_code: body.kind === 'municipality' ? body.localGovernmentCode : null,
      prefecture_code: scope.level === 'municipality' || scope.level === 'prefecture' ? scope.prefectureCode : null,
      created_by: 'userId' in actor ? actor.userId : null,
      created_at: now,
    })
    if (!account) throw new AppError('EMAIL_TAKEN', 'このメールアドレスはすでに登録されています。')
    const token = await issueToken(tx, account.id, 'invitation', now)
    await enqueueMail(tx, invitationMail(account.email, account.display_name, accountKindLabels[body.kind], link(config.publicUrl, '/password-reset', token)))
    await recordAudit(tx, {
      actor,
      action: 'staff_account.created',
      targetType: 'account',
      targetId: account.id,
      request,
      ...tenantOf(account),
      details: { kind: account.kind },
    })
    return account
  })
  deps.mail.kick()
  return describeStaff(db, created)
}

function visibilityOf(actor: Actor): StaffVisibility {
  switch (actor.kind) {
    case 'national':
      return { kind: 'all' }
    case 'prefecture':
      return { kind: 'prefecture', prefectureCode: actor.prefectureCode }
    case 'municipality':
      return { kind: 'municipality', localGovernmentCode: actor.localGovernmentCode }
    default:
      throw new AppError('FORBIDDEN', 'この操作を行う権限がありません。')
  }
}

export async function listStaffAccounts(deps: AccountDeps, actor: Actor, query: repository.StaffFilter) {
  const { rows, total } = await repository.searchStaffAccounts(deps.db, visibilityOf(actor), query)
  return { items: await Promise.all(rows.map((row) => describeStaff(deps.db, row))), total, limit: query.limit, offset: query.offset }
}

/** Another tenant's account answers 404, the same as one that does not exist. */
export async function getStaffAccount(deps: AccountDeps, actor: Actor, id: string): Promise<StaffAccount> {
  const account = await repository.findAccountById(deps.db, id)
  if (!account || account.kind === 'candidate' || !can(actor, 'staff.read', scopeOfAccount(account))) {
    throw notFound('指定された担当者アカウントは見つかりません。')
  }
  return describeStaff(deps.db, account)
}

// ---- for other modules ----------------------------------------------------------------------------------------------

/**
 * Addresses to notify: confirmed staff of one kind in a municipality (`{ kind: 'municipality', localGovernmentCode }`),
 * a prefecture (`{ kind: 'prefecture', prefectureCode }`) or national staff. Takes the caller's transaction.
 */
export function staffEmails(tx: Db, audience: repository.StaffAudience): Promise<string[]> {
  return repository.staffEmailsOf(tx, audience)
}

/** The confirmed sign-in address of an account (a candidate asked through a talent pool); undefined otherwise. */
export function accountEmail(tx: Db, accountId: string): Promise<string | undefined> {
  return repository.confirmedEmailOf(tx, accountId)
}

/**
 * Ends an account for good, in the caller's transaction: the login is disabled and the person's address and name
 * removed from it (the row stays, since candidate, talent-pool and audit records point at it), every session and
 * one-time link is deleted, so signing in fails and the old cookie is anonymous from the next request. The address
 * is free to sign up again. Returns false when there was no such account or it was already deleted.
 */
export async function deleteAccount(
  tx: Db,
  accountId: string,
  audit: { actor: Actor | { kind: 'system' }; now: Date; request?: { ip: string; id: string }; reason?: string },
): Promise<boolean> {
  const deleted = await repository.markAccountDeleted(tx, accountId, audit.now)
  if (!deleted) return false
  await recordAudit(tx, {
    actor: audit.actor,
    action: 'account.deleted',
    targetType: 'account',
    targetId: accountId,
    ...(audit.request ? { request: audit.request } : {}),
    ...tenantOf(deleted),
    details: { kind: deleted.kind, ...(audit.reason ? { reason: audit.reason } : {}) },
  })
  return true
}
