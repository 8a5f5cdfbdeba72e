import { reactive, readonly } from 'vue'
import type { Router } from 'vue-router'
import { type Account, getMe, signOut as signOutEndpoint } from '#shared/contracts/accounts'
import { type ApiResult, call } from '../api.ts'

/*
 * Who is signed in, for the whole client. The server keeps the session (cookie `sid`); this only remembers the
 * answer of GET /api/auth/me, which is 200 { signedIn: false } for a visitor.
 *
 * A call that answers 401 UNAUTHENTICATED means the session ended (2 hours idle, 12 hours in all, or signed out
 * elsewhere): `returnToSignIn` keeps the unsent form in sessionStorage, sends the person to the sign-in page and,
 * after sign-in, back to the page, which restores the form with `takeDraft`.
 */

interface SessionState {
  /** Whether /api/auth/me has answered at least once. */
  loaded: boolean
  account: Account | null
}

const state = reactive<SessionState>({ loaded: false, account: null })
export const session = readonly(state)

let inFlight: Promise<void> | null = null

/** Asks the server who is signed in (once, unless `force`). */
export function loadSession({ force = false } = {}): Promise<void> {
  if (state.loaded && !force) return Promise.resolve()
  inFlight ??= call(getMe)
    .then((result) => {
      if (result.ok) state.account = result.data.signedIn ? result.data.account : null
      state.loaded = true
    })
    .finally(() => {
      inFlight = null
    })
  return inFlight
}

export function setSignedIn(account: Account): void {
  state.account = account
  state.loaded = true
}

export function setSignedOut(): void {
  state.account = null
  state.loaded = true
}

export async function signOut(): Promise<void> {
  await call(signOutEndpoint)
  setSignedOut()
}

// ---- unsent forms ---------------------------------------------------------------------------------------------------

const DRAFT_PREFIX = 'unsent-form:'

/** Keeps a form's values for this tab until `takeDraft` reads them. Never pass passwords. */
export function saveDraft(key: string, value: unknown): void {
  try {
    sessionStorage.setItem(DRAFT_PREFIX + key, JSON.stringify(value))
  } catch {
    // storage full or disabled: the form is lost, as it would be without this
  }
}

/** The saved values of a form, once; undefined when there are none. */
export function takeDraft<T>(key: string): T | undefined {
  try {
    const text = sessionStorage.getItem(DRAFT_PREFIX + key)
    if (text === null) return undefined
    sessionStorage.removeItem(DRAFT_PREFIX + key)
    return JSON.parse(text) as T
  } catch {
    return undefined
  }
}

/** Whether a call failed because the session has ended. */
export function isSessionEnded(result: ApiResult<unknown>): boolean {
  return !result.ok && result.status === 401 && result.error.code === 'UNAUTHENTICATED'
}

/** Only a path of this site is followed after sign-in ("/account", not "//evil.example" or "https://…"). */
export function safeReturnTo(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return undefined
  return value
}

/**
 * Sends the person to sign in and brings them back to `returnTo` afterwards; `draft` keeps an unsent form.
 * `expired` shows 「ログインの有効期限が切れました」 on the sign-in page.
 */
export async function returnToSignIn(
  router: Router,
  returnTo: string,
  { draft, expired = true }: { draft?: { key: string; value: unknown }; expired?: boolean } = {},
): Promise<void> {
  if (draft) saveDraft(draft.key, draft.value)
  setSignedOut()
  await router.push({ name: 'sign-in', query: { returnTo, ...(expired ? { expired: '1' } : {}) } })
}
