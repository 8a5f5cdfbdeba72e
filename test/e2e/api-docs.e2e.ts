/**
 * The API documentation (/docs, Swagger UI) renders under the site's Content-Security-Policy: reached from the
 * footer link, it lists the operations and opens one, with no refusal by the policy. Swagger UI is a third-party
 * page, so it is looked at here without the journeys' axe checks.
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { inject } from 'vitest'
import { mkdir } from 'node:fs/promises'
import { launchBrowser, reportCspViolations, SCREENSHOT_DIR } from './browser.ts'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

test('フッターの「API ドキュメント」から開いた /docs が CSP のもとで表示され、操作を開ける', async () => {
  const context = await browser.newContext({ locale: 'ja-JP', viewport: { width: 1280, height: 900 } })
  const problems: string[] = []
  await reportCspViolations(context, (violation) => problems.push(violation))
  const page = await context.newPage()
  page.on('pageerror', (error) => problems.push(`script error: ${error.message}`))
  await page.goto(`${inject('baseUrl')}/`)
  await page.getByRole('contentinfo').getByRole('link', { name: 'API ドキュメント' }).click()
  await page.waitForURL((url) => url.pathname.startsWith('/docs'))
  const health = page.locator('.opblock-summary', { hasText: '/healthz' })
  await expect.poll(() => health.count(), { timeout: 20_000 }).toBe(1)
  await health.click()
  await expect.poll(() => page.getByRole('button', { name: 'Try it out' }).count()).toBeGreaterThan(0)
  // the window, not the whole page: the document lists every operation
  await mkdir(SCREENSHOT_DIR, { recursive: true })
  await page.screenshot({ path: `${SCREENSHOT_DIR}/api-docs-1280.png` })
  await context.close()
  expect(problems, problems.join('\n')).toEqual([])
})
