/**
 * How many sign-in, sign-up and password-reset attempts are allowed, as pure rules; the counts themselves live in
 * the database (attempt-repository.ts), shared by every app instance, so N instances allow no more than one.
 *
 * Three fixed windows per attempt: per IP address (generous, as one office's shared egress — 自治体情報セキュリティ
 * クラウド — carries many users), per account (the e-mail address, known or not, so the answer never says which),
 * and per IP and account. Sign-in also waits a delay per account that doubles with each attempt after the first
 * few since the last success, so guesses spread over many addresses stay slow.
 */
export type AttemptAction = 'sign-in' | 'sign-up' | 'password-reset'

export interface AttemptLimits {
  perIp: number
  perAccount: number
  perIpAndAccount: number
  windowSeconds: number
}

export interface AttemptKey {
  key: string
  limit: number
}

export interface AttemptDecision {
  allowed: boolean
  /** Seconds until the attempt would be allowed (0 when allowed). */
  retryAfterSeconds: number
}

export const ALLOWED: AttemptDecision = { allowed: true, retryAfterSeconds: 0 }

/** Sign-in attempts on one account that never wait (a person mistyping a few times). */
export const FREE_SIGN_IN_ATTEMPTS = 5
/** The longest wait between two sign-in attempts on one account. */
export const MAX_SIGN_IN_DELAY_SECONDS = 15 * 60
/** An account's count of attempts starts again after this long without one. */
export const SIGN_IN_DELAY_RESET_SECONDS = 24 * 60 * 60

/** The windows one attempt counts in, each with its limit, sorted by key (rows are locked in one order). */
export function attemptKeys(limits: AttemptLimits, action: AttemptAction, ip: string, account?: string): AttemptKey[] {
  const keys: AttemptKey[] = [{ key: `${action}|ip|${ip}`, limit: limits.perIp }]
  if (account !== undefined) {
    keys.push(
      { key: `${action}|account|${account}`, limit: limits.perAccount },
      { key: `${action}|ip-account|${ip}|${account}`, limit: limits.perIpAndAccount },
    )
  }
  return keys.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
}

export interface WindowCount {
  key: string
  attempts: number
  windowStartedAt: Date
}

/** Refused when any window holds more attempts than its limit; the wait is until the last such window ends. */
export function decideWindows(keys: readonly AttemptKey[], counts: readonly WindowCount[], now: Date, windowSeconds: number): AttemptDecision {
  let retryAfterMs = 0
  for (const count of counts) {
    const limit = keys.find((key) => key.key === count.key)?.limit ?? 0
    if (count.attempts > limit) retryAfterMs = Math.max(retryAfterMs, count.windowStartedAt.getTime() + windowSeconds * 1000 - now.getTime())
  }
  return retryAfterMs > 0 ? { allowed: false, retryAfterSeconds: Math.ceil(retryAfterMs / 1000) } : ALLOWED
}

/** Seconds the next sign-in on an account waits after its `attempts`-th attempt since the last success. */
export function signInDelaySeconds(attempts: number): number {
  return attempts < FREE_SIGN_IN_ATTEMPTS ? 0 : Math.min(MAX_SIGN_IN_DELAY_SECONDS, 2 ** (attempts - FREE_SIGN_IN_ATTEMPTS))
}

/** The delays for the 1st, 2nd, … attempt up to the first that reaches the maximum (later ones wait as long). */
export function signInDelaySchedule(): number[] {
  const schedule: number[] = []
  for (let attempts = 1; schedule.at(-1) !== MAX_SIGN_IN_DELAY_SECONDS; attempts += 1) schedule.push(signInDelaySeconds(attempts))
  return schedule
}

/** The refusal's message: the wait in seconds below a minute, else in minutes. */
export function retryMessage(retryAfterSeconds: number): string {
  const wait = retryAfterSeconds < 60 ? `${Math.max(1, retryAfterSeconds)}秒` : `${Math.ceil(retryAfterSeconds / 60)}分`
  return `試行回数が上限に達しました。約${wait}後に、もう一度お試しください。`
}
