/**
 * Journey 6: the links in the mails open the right page. Each journey starts at a link as delivered over SMTP
 * (mail-capture.ts), in a browser that is not signed in: a page for one kind of person goes through sign-in and
 * comes back to the linked page; a public one (the mail subscription's confirm and stop links) opens at once.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { addDays, todayInJapan } from '#shared/domain/dates'
import { completeForm } from '../../server/modules/postings/test-fixtures.ts'
import { applyAs, publishPosting } from './after-match-fixtures.ts'
import { launchBrowser, startJourney } from './browser.ts'
import { E2E_DEMO_PASSWORD } from './demo-password.ts'
import { linkIn, mailTo } from './journey-support.ts'
import { apiAs } from './session.ts'

const TODAY = todayInJapan(new Date())
const RUN = Date.now().toString(36)

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

test('応募者がメッセージのお知らせメールのリンクを開くと、ログインを経てそのスレッドに着く', async () => {
  const title = `CIO補佐官（メールリンク E2E ${RUN}）`
  const postingId = await publishPosting(title)
  const applicationId = await applyAs('endo.tatsuya@example.jp', '遠藤 達也', postingId)
  const matsuyama = await apiAs('matsuyama@example.jp')
  const sent = await matsuyama('POST', `/api/applications/${applicationId}/messages`, { body: '応募ありがとうございます。面接の候補日をお送りします。' })
  expect(sent.status, sent.text).toBe(201)
  const mail = await mailTo('endo.tatsuya@example.jp', `新しいメッセージがあります：${title}`)
  const link = linkIn(mail.text, `/messages/applications/${applicationId}`)

  const journey = await startJourney(browser)
  const { page } = journey
  await journey.start(link.toString())
  // not signed in: the sign-in page, which will return to the thread
  await page.waitForURL((url) => url.pathname === '/sign-in')
  expect(new URL(page.url()).searchParams.get('returnTo')).toBe(link.pathname)
  await journey.shot('journey6-1-link-needs-sign-in')
  await page.getByLabel('メールアドレス').fill('endo.tatsuya@example.jp')
  await page.getByLabel('パスワード').fill(E2E_DEMO_PASSWORD)
  await page.getByRole('button', { name: 'ログインする' }).click()
  await page.waitForURL((url) => url.pathname === link.pathname)
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(title)
  await expect.poll(() => page.locator('main').innerText()).toContain('面接の候補日をお送りします')
  await journey.shot('journey6-2-thread')
  await journey.finish()
})

test('都道府県の担当者が提出のお知らせメールのリンクを開くと、ログインを経てその募集の確認画面に着く', async () => {
  const title = `データ連携基盤 エンジニア（メールリンク E2E ${RUN}）`
  const matsuyama = await apiAs('matsuyama@example.jp')
  const draft = await matsuyama('POST', '/api/staff/postings', {
    ...completeForm,
    title,
    termStartsOn: addDays(TODAY, 90),
    termEndsOn: addDays(TODAY, 400),
    applicationStartsOn: TODAY,
    applicationEndsOn: addDays(TODAY, 45),
  })
  expect(draft.status, draft.text).toBe(201)
  const submitted = await matsuyama('POST', `/api/staff/postings/${draft.body.id}/transitions`, { action: 'submit' })
  expect(submitted.status, submitted.text).toBe(200)
  const mail = await mailTo('ehime.pref@example.jp', title)
  const link = linkIn(mail.text, `/staff/postings/${draft.body.id}`)

  const journey = await startJourney(browser)
  const { page } = journey
  await journey.start(link.toString())
  await page.waitForURL((url) => url.pathname === '/sign-in')
  await page.getByLabel('メールアドレス').fill('ehime.pref@example.jp')
  await page.getByLabel('パスワード').fill(E2E_DEMO_PASSWORD)
  await page.getByRole('button', { name: 'ログインする' }).click()
  await page.waitForURL((url) => url.pathname === link.pathname)
  await expect.poll(() => page.getByTestId('posting-state').textContent()).toContain('県で確認中')
  expect(await page.locator('main').innerText()).toContain(title)
  await journey.shot('journey6-3-submitted-posting')
  await journey.finish()
})

test('募集情報メールの確認リンクで登録が完了し、配信停止のリンクで止まる（ログインなし）', async () => {
  const email = `links.${RUN}@example.jp`
  const subscribed = await fetch(`${inject('baseUrl')}/api/posting-subscriptions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, filters: { roles: ['producer'], prefectures: ['38'], remoteOnly: false, sideJobOnly: false } }),
  })
  expect(subscribed.status).toBe(202)
  const mail = await mailTo(email)
  const confirm = linkIn(mail.text, '/postings/subscribe/confirm')
  const stop = linkIn(mail.text, '/postings/unsubscribe')

  const confirming = await startJourney(browser)
  await confirming.start(confirm.toString())
  await expect.poll(() => confirming.page.getByRole('status').textContent()).toContain('登録が完了しました')
  await confirming.shot('journey6-4-subscription-confirmed')
  await confirming.finish()

  const stopping = await startJourney(browser)
  await stopping.start(stop.toString())
  await expect.poll(() => stopping.page.getByRole('status').textContent()).toContain('配信を停止しました')
  await stopping.finish()
})
