import type { Page } from 'playwright-core'
import { expect, inject } from 'vitest'
import { E2E_DEMO_PASSWORD } from './demo-password.ts'

export interface ApiAnswer {
  status: number
  body: any // journeys read what they arranged; each asserts the shape it relies on
  text: string
}

/**
 * A signed-in API client (session cookie + CSRF header) for the demo account `email`, for arranging data that a
 * journey then looks at in the browser.
 */
export async function apiAs(email: string): Promise<(method: string, path: string, body?: unknown) => Promise<ApiAnswer>> {
  const baseUrl = inject('baseUrl')
  const signIn = await fetch(`${baseUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: E2E_DEMO_PASSWORD }),
  })
  expect(signIn.status, await signIn.clone().text()).toBe(200)
  const cookies = signIn.headers.getSetCookie().map((cookie) => cookie.split(';')[0]!)
  const csrf = cookies.find((cookie) => cookie.startsWith('csrf_token='))!.split('=')[1]!
  return async (method, path, body) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { cookie: cookies.join('; '), 'x-csrf-token': decodeURIComponent(csrf), ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    })
    const text = await response.text()
    return { status: response.status, body: text ? JSON.parse(text) : undefined, text }
  }
}

/** Signs in through the sign-in page as a person would. */
export async function signInAs(page: Page, email: string): Promise<void> {
  await page.goto(`${inject('baseUrl')}/sign-in`)
  await page.getByLabel('メールアドレス').fill(email)
  await page.getByLabel('パスワード').fill(E2E_DEMO_PASSWORD)
  await page.getByRole('button', { name: 'ログインする' }).click()
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'))
}
