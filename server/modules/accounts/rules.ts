import type { Actor } from '../../http/actor.ts'

/*
 * Who may do what, and to which tenant's data. Pure: no I/O, no clock (the caller passes `now`).
 *
 * Tenants nest: 国 ⊃ 都道府県 (都道府県コード, 2 digits) ⊃ 市区町村 (全国地方公共団体コード, 6 digits, whose first
 * two digits are its prefecture). Candidates (外部デジタル人材) are their own tenant.
 */

/** The tenant a record belongs to. */
export type Scope =
  | { level: 'national' }
  | { level: 'prefecture'; prefectureCode: string }
  | { level: 'municipality'; prefectureCode: string; localGovernmentCode: string }
  | { level: 'candidate'; userId: string }

/**
 * Permissions decided here. Modules add their own as they need them (a new member of the union and a case in
 * `can`), each with a line of the table in rules.test.ts.
 */
export type Permission =
  /** create a staff account (担当者アカウント) in the given scope */
  | 'staff.create'
  /** read a staff account in the given scope */
  | 'staff.read'
  /** read audit events belonging to the given scope */
  | 'audit.read'
  /** read the mail outbox (its scope is national: it holds everyone's mail) */
  | 'mail.read'

/** Whether `inner` lies within `outer` (a tenant contains itself). */
export function isWithin(inner: Scope, outer: Scope): boolean {
  switch (outer.level) {
    case 'national':
      return inner.level !== 'candidate'
    case 'prefecture':
      return (inner.level === 'prefecture' || inner.level === 'municipality') && inner.prefectureCode === outer.prefectureCode
    case 'municipality':
      return inner.level === 'municipality' && inner.localGovernmentCode === outer.localGovernmentCode
    case 'candidate':
      return inner.level === 'candidate' && inner.userId === outer.userId
  }
}

/** The tenant an actor acts for; null for an anonymous caller. */
export function scopeOf(actor: Actor): Scope | null {
  switch (actor.kind) {
    case 'anonymous':
      return null
    case 'candidate':
      return { level: 'candidate', userId: actor.userId }
    case 'municipality':
      return { level: 'municipality', prefectureCode: actor.prefectureCode, localGovernmentCode: actor.localGovernmentCode }
    case 'prefecture':
      return { level: 'prefecture', prefectureCode: actor.prefectureCode }
    case 'national':
      return { level: 'national' }
  }
}

/**
 * The one permission check; anything not listed is denied.
 *
 * - staff.create: 国 → any staff account; 都道府県 → 市区町村の担当者 of municipalities in its own prefecture only
 *   (an administrator of the level above creates the level below).
 * - staff.read: staff accounts within the actor's own tenant (国: all; 都道府県: its own and its municipalities';
 *   市区町村: its own municipality's).
 * - audit.read: 国 → every event; 都道府県 → events of its prefecture and its municipalities.
 * - mail.read: 国 only.
 */
export function can(actor: Actor, permission: Permission, scope: Scope): boolean {
  const own = scopeOf(actor)
  if (own === null) return false
  switch (permission) {
    case 'staff.create':
      if (scope.level === 'candidate') return false
      if (actor.kind === 'national') return true
      if (actor.kind === 'prefecture') return scope.level === 'municipality' && isWithin(scope, own)
      return false
    case 'staff.read':
      if (scope.level === 'candidate' || actor.kind === 'candidate') return false
      return isWithin(scope, own)
    case 'audit.read':
      if (actor.kind === 'national') return true
      if (actor.kind === 'prefecture') return isWithin(scope, own)
      return false
    case 'mail.read':
      return actor.kind === 'national'
  }
}

/**
 * Which municipalities' rows an actor may read, for a module to put in its SQL (see `inMunicipalityScope` in
 * scope-sql.ts): 国 all, 都道府県 the municipalities of its prefecture, 市区町村 itself, anyone else none.
 */
export type MunicipalityScope =
  { kind: 'all' } | { kind: 'prefecture'; prefectureCode: string } | { kind: 'municipality'; localGovernmentCode: string } | { kind: 'none' }

export function municipalityScope(actor: Actor): MunicipalityScope {
  switch (actor.kind) {
    case 'national':
      return { kind: 'all' }
    case 'prefecture':
      return { kind: 'prefecture', prefectureCode: actor.prefectureCode }
    case 'municipality':
      return { kind: 'municipality', localGovernmentCode: actor.localGovernmentCode }
    default:
      return { kind: 'none' }
  }
}

/** Whether a municipality (団体コード) lies within a MunicipalityScope; the in-memory twin of the SQL condition. */
export function isInMunicipalityScope(localGovernmentCode: string, scope: MunicipalityScope): boolean {
  switch (scope.kind) {
    case 'all':
      return true
    case 'prefecture':
      return localGovernmentCode.slice(0, 2) === scope.prefectureCode
    case 'municipality':
      return localGovernmentCode === scope.localGovernmentCode
    case 'none':
      return false
  }
}

/** The candidate whose own data an actor may read (外部デジタル人材 see only their own); null for anyone else. */
export function candidateSelf(actor: Actor): string | null {
  return actor.kind === 'candidate' ? actor.userId : null
}

// ---- sessions and one-time tokens -------------------------------------------------------------------------------

export interface SessionPolicy {
  idleMinutes: number
  absoluteHours: number
}

export interface SessionTimes {
  lastSeenAt: Date
  expiresAt: Date
}

export type SessionState = 'active' | 'idle_expired' | 'absolute_expired'

/** A session ends at its absolute end (12 h after sign-in by default) or after the idle time without a request. */
export function sessionState(session: SessionTimes, now: Date, policy: SessionPolicy): SessionState {
  if (now.getTime() >= session.expiresAt.getTime()) return 'absolute_expired'
  if (now.getTime() >= session.lastSeenAt.getTime() + policy.idleMinutes * 60_000) return 'idle_expired'
  return 'active'
}

/** When a session that starts now ends at the latest. */
export function sessionExpiry(now: Date, policy: SessionPolicy): Date {
  return new Date(now.getTime() + policy.absoluteHours * 3_600_000)
}

/** last_seen_at is written at most once a minute, so idle expiry is exact to a minute without a write per request. */
export function needsTouch(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= 60_000
}

export type TokenPurpose = 'email_confirmation' | 'password_reset' | 'invitation'

/** How long a mailed link works: a password reset 1 hour, a confirmation 24 hours, an invitation 72. */
export const TOKEN_LIFETIME_MINUTES: Record<TokenPurpose, number> = {
  email_confirmation: 24 * 60,
  password_reset: 60,
  invitation: 72 * 60,
}

export function tokenExpiry(purpose: TokenPurpose, now: Date): Date {
  return new Date(now.getTime() + TOKEN_LIFETIME_MINUTES[purpose] * 60_000)
}

export interface TokenFacts {
  purpose: TokenPurpose
  expiresAt: Date
  usedAt: Date | null
}

export type TokenState = 'valid' | 'used' | 'expired' | 'wrong_purpose'

/** A one-time token works once, before its end, and only for what it was issued for. */
export function tokenState(token: TokenFacts, now: Date, accepted: readonly TokenPurpose[]): TokenState {
  if (!accepted.includes(token.purpose)) return 'wrong_purpose'
  if (token.usedAt !== null) return 'used'
  if (now.getTime() >= token.expiresAt.getTime()) return 'expired'
  return 'valid'
}

/** The Japanese message for a token that does not work (the code is TOKEN_INVALID in every case). */
export function tokenProblemMessage(state: Exclude<TokenState, 'valid'> | 'unknown'): string {
  switch (state) {
    case 'used':
      return 'このリンクはすでに使用されています。必要な場合は、もう一度手続きをしてください。'
    case 'expired':
      return 'このリンクの有効期限が切れています。もう一度手続きをして、新しいリンクを受け取ってください。'
    default:
      return 'このリンクは無効です。メールに記載されたリンクをそのまま開いてください。'
  }
}
