import fastifyCookie from '@fastify/cookie'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Clock } from '../../clock.ts'
import type { Config } from '../../config.ts'
import type { Db } from '../../db/database.ts'
import type { Actor } from '../../http/actor.ts'
import { AppError } from '../../http/errors.ts'
import { deleteSession, findSessionByTokenHash, insertSession, touchSession } from './repository.ts'
import { needsTouch, sessionExpiry, type SessionPolicy, sessionState } from './rules.ts'
import { digest, matchesDigest, randomToken } from './secrets.ts'

/** The session cookie (HttpOnly) and the CSRF cookie the client reads and echoes as `x-csrf-token`. */
export const SESSION_COOKIE = 'sid'
export const CSRF_COOKIE = 'csrf_token'
export const CSRF_HEADER = 'x-csrf-token'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export interface SessionDeps {
  db: Db
  config: Config
  clock: Clock
}

export function sessionPolicy(config: Config): SessionPolicy {
  return { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours }
}

function cookieOptions(config: Config, httpOnly: boolean) {
  return { path: '/', httpOnly, sameSite: 'lax' as const, secure: config.publicUrl.startsWith('https:') }
}

/** Issues a new session for a signed-in account and sets both cookies; returns the session id. */
export async function startSession({ db, config, clock }: SessionDeps, request: FastifyRequest, reply: FastifyReply, accountId: string): Promise<string> {
  const token = randomToken()
  const csrfToken = randomToken()
  const now = clock()
  const sessionId = await insertSession(db, {
    accountId,
    tokenHash: digest(token),
    csrfTokenHash: digest(csrfToken),
    now,
    expiresAt: sessionExpiry(now, sessionPolicy(config)),
    ip: request.ip ?? null,
    userAgent: request.headers['user-agent']?.slice(0, 500) ?? null,
  })
  reply.setCookie(SESSION_COOKIE, token, cookieOptions(config, true))
  reply.setCookie(CSRF_COOKIE, csrfToken, cookieOptions(config, false))
  return sessionId
}

export function clearSessionCookies(reply: FastifyReply, config: Config): void {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(config, true))
  reply.clearCookie(CSRF_COOKIE, cookieOptions(config, false))
}

function actorOf(found: NonNullable<Awaited<ReturnType<typeof findSessionByTokenHash>>>): Actor {
  const base = { userId: found.accountId, sessionId: found.sessionId }
  switch (found.kind) {
    case 'candidate':
      return { kind: 'candidate', ...base }
    case 'national':
      return { kind: 'national', ...base }
    case 'prefecture':
      return { kind: 'prefecture', ...base, prefectureCode: found.prefectureCode! }
    case 'municipality':
      return { kind: 'municipality', ...base, localGovernmentCode: found.localGovernmentCode!, prefectureCode: found.prefectureCode! }
  }
}

/**
 * A state-changing request must come from our own pages. Browsers say where a request comes from in
 * `Sec-Fetch-Site` and `Origin`; when either is present and names another site, the request is refused. This is
 * what protects the sessionless forms (sign-up, sign-in, password reset), which have no CSRF token yet.
 */
function refuseCrossSite(request: FastifyRequest, publicUrl: string): void {
  const site = request.headers['sec-fetch-site']
  const crossSite = typeof site === 'string' && site !== 'same-origin' && site !== 'none'
  const origin = request.headers.origin
  let foreignOrigin = false
  if (typeof origin === 'string') {
    try {
      const url = new URL(origin)
      foreignOrigin = url.origin !== new URL(publicUrl).origin && url.host !== request.headers.host
    } catch {
      foreignOrigin = true // "null" and anything unparsable
    }
  }
  if (crossSite || foreignOrigin) {
    throw new AppError('CSRF_TOKEN_INVALID', '別のサイトからの送信は受け付けられません。このサービスの画面から操作してください。')
  }
}

/**
 * Resolves `request.actor` from the `sid` cookie on every /api request (after the hook in app.ts that sets it to
 * anonymous), ends sessions past their idle or absolute time, and checks the CSRF token of state-changing
 * requests made with a session (double submit: header `x-csrf-token` = cookie `csrf_token` = the session's).
 */
export async function installSessions(app: FastifyInstance, deps: SessionDeps): Promise<void> {
  const { db, config, clock } = deps
  const policy = sessionPolicy(config)
  await app.register(fastifyCookie)
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return
    const changesState = !SAFE_METHODS.has(request.method)
    if (changesState) refuseCrossSite(request, config.publicUrl)
    const token = request.cookies[SESSION_COOKIE]
    if (!token) return
    const found = await findSessionByTokenHash(db, digest(token))
    const now = clock()
    if (!found || sessionState(found, now, policy) !== 'active') {
      // An ended session is anonymous; its row goes, and so do the cookies (the client then shows sign-in).
      if (found) await deleteSession(db, found.sessionId)
      clearSessionCookies(reply, config)
      return
    }
    if (changesState) {
      const presented = request.headers[CSRF_HEADER]
      if (typeof presented !== 'string' || !matchesDigest(presented, found.csrfTokenHash)) {
        throw new AppError('CSRF_TOKEN_INVALID', '画面の有効期限が切れたか、不正な送信です。ページを再読み込みしてから、もう一度操作してください。')
      }
    }
    if (needsTouch(found.lastSeenAt, now)) await touchSession(db, found.sessionId, now)
    request.actor = actorOf(found)
  })
}
