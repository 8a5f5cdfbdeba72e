/**
 * A visitor finds the open data of the national list from the footer and from the search page, by clicking alone
 * (the search itself is journey 4, journey-visitor.e2e.ts).
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchBrowser, startJourney } from './browser.ts'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

test('訪問者がフッターと募集の一覧からオープンデータのページへ進み、CSV と JSON を取得する', async () => {
  const journey = await startJourney(browser)
  const { page } = journey
  await journey.start('/')
  await page.getByRole('contentinfo').getByRole('link', { name: 'オープンデータ（募集情報）' }).click()
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('募集情報のオープンデータ')
  expect(await page.getByTestId('open-data-column').count()).toBeGreaterThan(40)
  await journey.shot('visitor-2-open-data')

  // The download links answer the files themselves (fetched beside the page: a download is not a page).
  const links = page.getByTestId('open-data-download')
  const csvHref = await links.filter({ hasText: 'UTF-8' }).getAttribute('href')
  const csv = await page.request.get(new URL(csvHref!, page.url()).href)
  expect(csv.status()).toBe(200)
  const bytes = await csv.body()
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const text = bytes.subarray(3).toString('utf8')
  expect(text.split('\r\n')[0]).toMatch(/^募集ID,募集ページ,状態,/)
  expect(text).toContain('松山市')
  const jsonHref = await links.filter({ hasText: 'JSON' }).getAttribute('href')
  const json = (await (await page.request.get(new URL(jsonHref!, page.url()).href)).json()) as { total: number; items: Array<{ title: string }> }
  expect(json.total).toBeGreaterThanOrEqual(9)
  expect(json.items.some((item) => item.title.includes('デモ'))).toBe(true)

  await journey.nav('募集を探す')
  await page.getByRole('link', { name: /すべての募集をダウンロード/ }).click()
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('募集情報のオープンデータ')
  await journey.finish()
})
