/**
 * Saved searches, by clicking alone from `/`: a candidate chooses filters on 募集を探す and saves them, finds them on
 * 保存した検索条件 (from the header) and chooses 毎週, gets the weekly mail with the match score when 松山市's
 * matching posting is published, searches again from the saved search and deletes it.
 * Arranged through the API meanwhile: the posting published (松山市 → 愛媛県 → 国); the mail, sent by the digest job
 * of the running server, is read as delivered over SMTP.
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchBrowser, startJourney } from './browser.ts'
import { confirmWith } from './journey-support.ts'
import { mailTo, publishPosting } from './after-match-fixtures.ts'

const WORD = `保存検索${Date.now().toString(36)}`
const TITLE = `CIO補佐官（${WORD}）`
// a demo person with a skill profile, so the mail carries the match score
const PERSON = 'takahashi.makoto@example.jp'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

test('外部デジタル人材が検索条件を保存し、合う募集の公開をメールで知り、保存した条件から探し直して削除する', async () => {
  const journey = await startJourney(browser)
  const { page } = journey
  await journey.start('/')
  await journey.signIn(PERSON)

  // 1. Filters chosen on the national list, then kept.
  await journey.nav('募集を探す')
  await page.getByLabel('キーワード').fill(WORD)
  await page.getByLabel('人材像').selectOption({ label: 'プロデューサー（CIO補佐官等）' })
  await expect.poll(() => page.getByLabel('都道府県').locator('option', { hasText: '愛媛県' }).count()).toBe(1)
  await page.getByLabel('都道府県').selectOption({ label: '愛媛県' })
  await page.getByRole('button', { name: '検索', exact: true }).click()
  await expect
    .poll(() =>
      page
        .getByRole('status')
        .filter({ hasText: /^\d+件$/ })
        .textContent(),
    )
    .toBe('0件')
  await page.getByRole('button', { name: 'この条件を保存' }).click()
  await expect.poll(() => page.getByRole('status').filter({ hasText: '検索条件を保存しました' }).count()).toBe(1)
  await journey.shot('saved-searches-1-saved')

  // 2. The saved search on its page, reached from the header.
  await page.getByRole('navigation', { name: 'アカウント' }).getByRole('link', { name: '保存した検索条件' }).click()
  const item = page.getByTestId('saved-search')
  await expect.poll(() => item.count()).toBe(1)
  expect(await item.innerText()).toContain(`人材像: プロデューサー（CIO補佐官等） / 地域: 愛媛県 / キーワード「${WORD}」`)
  expect(await item.innerText()).toContain('お知らせした募集 0件')
  expect(await item.getByLabel('お知らせの頻度').inputValue()).toBe('daily')
  await item.getByLabel('お知らせの頻度').selectOption({ label: '毎週' })
  await expect.poll(() => page.getByRole('status').filter({ hasText: 'お知らせを「毎週」にしました' }).count()).toBe(1)
  await journey.shot('saved-searches-2-list')

  // 3. A matching posting is published: the weekly mail lists it with its link and the person's match score, no token.
  const postingId = await publishPosting(TITLE)
  const mail = await mailTo(PERSON, '【保存した検索条件】毎週のお知らせ', 40_000)
  expect(mail.subject).toContain('新しい募集1件')
  expect(mail.text).toContain(TITLE)
  expect(mail.text).toContain(`/postings/${postingId}`)
  expect(mail.text).toMatch(/あなたとの一致度: \d+点/)
  expect(mail.text).not.toMatch(/token=/)

  // 4. Back on the page: it counts the announcement; searching again finds the posting.
  await journey.nav('ホーム')
  await page.getByRole('navigation', { name: 'アカウント' }).getByRole('link', { name: '保存した検索条件' }).click()
  await expect.poll(() => page.getByTestId('saved-search').innerText()).toContain('お知らせした募集 1件')
  await page.getByRole('link', { name: 'この条件で探す' }).click()
  await expect.poll(() => page.getByTestId('posting-result').count()).toBe(1)
  expect(await page.getByTestId('posting-result').innerText()).toContain(TITLE)
  expect(await page.getByLabel('キーワード').inputValue()).toBe(WORD)
  await journey.shot('saved-searches-3-search-again')

  // 5. Deleted after confirming: the empty page says how to save one.
  await page.getByRole('navigation', { name: 'アカウント' }).getByRole('link', { name: '保存した検索条件' }).click()
  await page.getByTestId('saved-search').getByRole('button', { name: '削除' }).click()
  await confirmWith(page, '削除する', 'この検索条件を削除しますか')
  await expect.poll(() => page.getByTestId('saved-searches-empty').count()).toBe(1)
  expect(await page.getByRole('status').filter({ hasText: '削除しました' }).count()).toBe(1)
  await journey.shot('saved-searches-4-deleted')
  await journey.finish()
}, 120_000) // the mail waits for the job runner's next poll (every 15 s)
