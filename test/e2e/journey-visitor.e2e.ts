/**
 * Journey 4 (訪問者), by clicking alone from `/`: search the national list with every filter, the filters kept in
 * the address (Back, the link back from a posting, a shared address all show the same search), open a posting, find
 * how to apply (sign-in returns to the posting's apply page), and register for the mails with the search's filters.
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, SCREENSHOT_DIR, startJourney, WIDTHS } from './browser.ts'
import { E2E_DEMO_PASSWORD } from './demo-password.ts'
import { linkIn, mailTo } from './journey-support.ts'

const POSTING = '住民記録システム標準化 プロジェクトマネージャー（デモ）'
const FILTERS = { q: '標準化', role: 'project_manager', prefecture: '38', remote: 'true', sidejob: 'true', sort: 'deadline' }

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** What the search form shows, as the address would carry it. */
async function shownFilters(page: Page): Promise<Record<string, string>> {
  return {
    q: await page.getByLabel('キーワード').inputValue(),
    role: await page.getByLabel('人材像').inputValue(),
    prefecture: await page.getByLabel('都道府県').inputValue(),
    remote: await page.getByLabel('リモート').inputValue(),
    sidejob: await page.getByLabel('副業・兼業').inputValue(),
    sort: await page.getByLabel('並び順').inputValue(),
  }
}

const queryOf = (page: Page) => Object.fromEntries(new URL(page.url()).searchParams)

test.each(WIDTHS)('訪問者が条件をすべて使って募集を探し、条件はアドレスに残り、募集を開いて応募の方法とメール登録を見つける（%ipx）', async (width) => {
  const journey = await startJourney(browser, { width })
  const { page } = journey
  await journey.start('/')
  // the tab shows the service's icon
  const icon = await page.locator('link[rel="icon"]').getAttribute('href')
  const iconAnswer = await page.request.get(new URL(icon!, page.url()).href)
  expect(iconAnswer.status()).toBe(200)
  expect(iconAnswer.headers()['content-type']).toContain('image/svg+xml')
  await journey.nav('募集を探す')
  await page.waitForURL((url) => url.pathname === '/postings')
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('募集')
  const everything = Number((await page.getByTestId('search-total').textContent())!.match(/\d+/)![0])
  expect(everything).toBeGreaterThanOrEqual(9)

  // 1. Every filter at once; the address says what was searched.
  await page.getByLabel('キーワード').fill(FILTERS.q)
  await page.getByLabel('人材像').selectOption({ label: 'プロジェクトマネージャー' })
  await page.getByLabel('都道府県').selectOption({ label: '愛媛県' })
  await page.getByLabel('リモート').selectOption({ label: '可のみ' })
  await page.getByLabel('副業・兼業').selectOption({ label: '可のみ' })
  await page.getByLabel('並び順').selectOption({ label: '締切が近い順' })
  await page.getByRole('button', { name: '検索', exact: true }).click()
  await expect.poll(() => queryOf(page)).toEqual(FILTERS)
  const results = page.getByTestId('posting-result')
  await expect.poll(() => results.filter({ hasText: POSTING }).count()).toBe(1)
  for (const text of await results.allInnerTexts()) {
    expect(text).toContain('愛媛県')
    expect(text).toContain('プロジェクトマネージャー')
    expect(text).toContain('リモート可')
    expect(text).toContain('副業・兼業可')
  }
  expect(await results.count()).toBeLessThan(everything)
  await journey.shot('journey4-1-search')

  // 2. A search that finds nothing says what to try.
  await page.getByLabel('キーワード').fill('該当する募集のない言葉')
  await page.getByRole('button', { name: '検索', exact: true }).click()
  await expect.poll(() => page.getByTestId('search-total').textContent()).toBe('0件')
  expect(await page.getByTestId('search-empty').innerText()).toContain('条件を「すべて」「全国」「問わない」に戻して')
  await journey.shot('journey4-2-nothing-found')

  // 3. Back restores the previous search, form and list alike.
  await page.goBack()
  await expect.poll(() => shownFilters(page)).toEqual(FILTERS)
  await expect.poll(() => results.filter({ hasText: POSTING }).count()).toBe(1)

  // 4. The posting; the link back keeps the search; so does Back.
  await results.getByRole('link', { name: new RegExp(POSTING) }).click()
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(POSTING)
  const howToApply = page.getByRole('region', { name: '応募するには' })
  expect(await howToApply.innerText()).toContain('確認のあとログインすると、この募集の応募画面に戻ります')
  await journey.shot('journey4-3-posting')
  // printed, the posting is the page: no header, menu, buttons or sign-up box
  await page.emulateMedia({ media: 'print' })
  expect(await page.getByRole('banner').isVisible()).toBe(false)
  expect(await howToApply.isVisible()).toBe(false)
  expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(true)
  await page.screenshot({ path: `${SCREENSHOT_DIR}/journey4-3-posting-print-${width}.png`, fullPage: true })
  await page.emulateMedia({ media: 'screen' })
  expect(await page.getByRole('banner').isVisible()).toBe(true)
  await page.getByRole('link', { name: '検索結果へ戻る' }).click()
  await expect.poll(() => queryOf(page)).toEqual(FILTERS)
  await expect.poll(() => shownFilters(page)).toEqual(FILTERS)
  await results.getByRole('link', { name: new RegExp(POSTING) }).click()
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(POSTING)
  await page.goBack()
  await expect.poll(() => shownFilters(page)).toEqual(FILTERS)

  // 5. Mails for this search: the form starts from its filters; the mailed link confirms.
  const email = `visitor.${width}.${Date.now().toString(36)}@example.jp`
  await page.getByRole('link', { name: '新着・更新をメールで受け取る' }).click()
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('募集情報をメールで受け取る')
  expect(await page.getByRole('checkbox', { name: 'プロジェクトマネージャー' }).isChecked()).toBe(true)
  expect(await page.getByRole('checkbox', { name: '愛媛県' }).isChecked()).toBe(true)
  expect(await page.getByRole('checkbox', { name: 'リモート可の募集だけ' }).isChecked()).toBe(true)
  await page.getByRole('checkbox', { name: '高知県' }).check()
  await page.getByLabel('メールアドレス').fill(email)
  await journey.shot('journey4-4-subscribe')
  await page.getByRole('button', { name: '登録する' }).click()
  await expect.poll(() => page.getByRole('status').textContent()).toContain(`${email} に確認メールを送りました`)
  const mail = await mailTo(email)
  // the conditions are named as a person reads them, not by code
  expect(mail.text).toContain('地域: 愛媛県、高知県')
  expect(mail.text).toContain('人材像: プロジェクトマネージャー')
  expect(linkIn(mail.text, '/postings/subscribe/confirm').searchParams.get('token')).toBeTruthy()
  await journey.finish()
})

test('共有された検索のアドレスを開くと同じ条件で検索され、募集からログインすると応募の画面に戻る', async () => {
  const journey = await startJourney(browser)
  const { page } = journey
  await journey.start(`/postings?${new URLSearchParams(FILTERS).toString()}`)
  await expect.poll(() => shownFilters(page)).toEqual(FILTERS)
  const results = page.getByTestId('posting-result')
  await expect.poll(() => results.filter({ hasText: POSTING }).count()).toBe(1)

  await results.getByRole('link', { name: new RegExp(POSTING) }).click()
  await page.getByRole('region', { name: '応募するには' }).getByRole('link', { name: 'ログインして応募する' }).click()
  await page.waitForURL((url) => url.pathname === '/sign-in')
  await page.getByLabel('メールアドレス').fill('abe.tsubasa@example.jp')
  await page.getByLabel('パスワード').fill(E2E_DEMO_PASSWORD)
  await page.getByRole('button', { name: 'ログインする' }).click()
  await page.waitForURL((url) => url.pathname.endsWith('/apply'))
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('この募集に応募する')
  await expect.poll(() => page.getByTestId('apply-posting').textContent()).toContain(POSTING)
  await journey.shot('journey4-5-apply-after-sign-in')
  await journey.finish()
})
