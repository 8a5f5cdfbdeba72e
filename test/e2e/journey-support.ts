/**
 * What the staff journeys share: a page opened once at `/`, signing in through the header's ログイン link, and a
 * screenshot of each step at 1280 px and 375 px.
 */
import { expect, inject } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { screenshot } from './browser.ts'
import { E2E_DEMO_PASSWORD } from './demo-password.ts'

export const WIDE = { width: 1280, height: 900 }
export const NARROW = { width: 375, height: 800 }

/** A new page at the home page, the only address a journey opens by URL. */
export async function openHome(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ locale: 'ja-JP', viewport: WIDE })
  await page.goto(`${inject('baseUrl')}/`)
  return page
}

/** Signs in from the page in view: the header's ログイン link, the form, back where the person was. */
export async function signInByClicking(page: Page, email: string): Promise<void> {
  await page.getByRole('navigation', { name: 'アカウント' }).getByRole('link', { name: 'ログイン' }).click()
  await page.getByLabel('メールアドレス').fill(email)
  await page.getByLabel('パスワード').fill(E2E_DEMO_PASSWORD)
  await page.getByRole('button', { name: 'ログインする' }).click()
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'))
  await expect.poll(() => page.getByRole('navigation', { name: 'アカウント' }).getByRole('button', { name: 'ログアウト' }).count()).toBe(1)
}

/** Screenshots of the page in view at both widths (the page is left at 1280 px). */
export async function shots(page: Page, name: string): Promise<void> {
  await screenshot(page, `${name}-1280`)
  await page.setViewportSize(NARROW)
  await screenshot(page, `${name}-375`)
  const width = (await page.evaluate('document.documentElement.scrollWidth')) as number
  expect(width, `${name}: no page is wider than a 375 px screen`).toBeLessThanOrEqual(NARROW.width)
  await page.setViewportSize(WIDE)
}

/** Opens a link of the main navigation (the header's menu). */
export async function navigate(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation', { name: 'メイン' }).getByRole('link', { name: label, exact: true }).click()
}

/** Answers the confirmation dialog with its action button and waits for it to close. */
export async function confirmWith(page: Page, label: string, says?: string): Promise<void> {
  const dialog = page.getByRole('alertdialog')
  await dialog.waitFor()
  if (says) expect(await dialog.innerText()).toContain(says)
  await dialog.getByRole('button', { name: label, exact: true }).click()
  await dialog.waitFor({ state: 'detached' })
}
