/**
 * Journey 3 (国の担当者), by clicking alone from `/`: publish a forwarded posting; read the mail outbox, filter it by
 * state, open a message and send a failed one again.
 * Arranged through the API beforehand: 松山市 submits a posting and 愛媛県 forwards it; someone signs up with an
 * address the mail server refuses (test/support/smtp.ts BOUNCING_DOMAIN), so one message has failed.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { addDays, todayInJapan } from '#shared/domain/dates'
import { completeForm } from '../../server/modules/postings/test-fixtures.ts'
import { BOUNCING_DOMAIN } from '../support/smtp.ts'
import { launchBrowser, startJourney } from './browser.ts'
import { apiAs } from './session.ts'
import { confirmWith } from './journey-support.ts'

const TODAY = todayInJapan(new Date())
const TITLE = `データ活用アドバイザー（国 E2E ${Date.now().toString(36)}）`
const BOUNCING = `nobody.${Date.now().toString(36)}@${BOUNCING_DOMAIN}`

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
  const matsuyama = await apiAs('matsuyama@example.jp')
  const draft = await matsuyama('POST', '/api/staff/postings', {
    ...completeForm,
    title: TITLE,
    termStartsOn: addDays(TODAY, 90),
    termEndsOn: addDays(TODAY, 400),
    applicationStartsOn: TODAY,
    applicationEndsOn: addDays(TODAY, 45),
  })
  expect(draft.status, draft.text).toBe(201)
  const submitted = await matsuyama('POST', `/api/staff/postings/${draft.body.id}/transitions`, { action: 'submit' })
  expect(submitted.status, submitted.text).toBe(200)
  const ehime = await apiAs('ehime.pref@example.jp')
  const forwarded = await ehime('POST', `/api/staff/postings/${draft.body.id}/transitions`, { action: 'forward' })
  expect(forwarded.status, forwarded.text).toBe(200)
  const signUp = await fetch(`${inject('baseUrl')}/api/auth/sign-up`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: BOUNCING, password: 'correct horse battery', displayName: '届かない 宛先' }),
  })
  expect(signUp.status).toBe(202)
})
afterAll(async () => {
  await browser?.close()
})

test('国の担当者が、送付された募集を公開し、送信メールを状態で絞り込み、失敗した1通を開いて再送する', async () => {
  const journey = await startJourney(browser)
  const { page } = journey
  await journey.start('/')
  await journey.signIn('kuni.admin@example.jp')

  // 1. The publish queue lists what the prefectures forwarded; publishing asks first and says what follows.
  await journey.nav('募集の公開')
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('募集の公開')
  await page.getByRole('link', { name: TITLE, exact: true }).click()
  await expect.poll(() => page.getByTestId('posting-state').textContent()).toContain('国で確認中')
  await journey.shot('journey3-1-forwarded')
  await page.getByTestId('action-publish').click()
  await journey.shot('journey3-2-publish-confirm')
  await confirmWith(page, '公開する', '全国の募集一覧に載り')
  await expect.poll(() => page.getByTestId('posting-state').textContent()).toContain('公開中')

  // 2. The outbox: everything, newest first, with the total.
  await page.getByRole('navigation', { name: 'アカウント' }).getByRole('link', { name: '送信メール' }).click()
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('送信メール')
  await expect.poll(() => page.getByTestId('mail-total').textContent()).toMatch(/\d+通/)
  expect(await page.getByTestId('mail-row').count()).toBeGreaterThan(0)
  await journey.shot('journey3-3-outbox')

  // 3. Filtered to 送信失敗: the refused message is there, and only failed ones are.
  await page.getByRole('navigation', { name: '状態で絞り込む' }).getByRole('link', { name: '送信失敗' }).click()
  await expect.poll(() => page.getByTestId('mail-total').textContent()).toContain('「送信失敗」')
  const failedRow = page.getByTestId('mail-row').filter({ hasText: BOUNCING })
  await expect.poll(() => failedRow.count()).toBe(1)
  const states = await page.getByTestId('mail-row').locator('td:nth-child(4)').allInnerTexts()
  expect(new Set(states)).toEqual(new Set(['送信失敗']))
  await journey.shot('journey3-4-outbox-failed')

  // 4. Open it: recipient, state, the server's reason; with SMTP delivering, the body (a one-time link) stays the
  //    recipient's.
  await failedRow.getByRole('link').click()
  await expect.poll(() => page.getByTestId('mail-status').textContent()).toBe('送信失敗')
  const text = await page.locator('main').innerText()
  expect(text).toContain(BOUNCING)
  expect(text).toContain('550')
  expect(text).toContain('本文（一回限りのリンクを含みます）は受信者だけが読めます')
  await journey.shot('journey3-5-message')

  // 5. Send it again: back in the queue at once (the server refuses it again, so it ends up failed once more).
  await page.getByRole('button', { name: 'もう一度送る' }).click()
  await expect.poll(() => page.getByRole('status').filter({ hasText: '送信待ちに戻しました' }).count()).toBe(1)
  await journey.shot('journey3-6-retried')

  // 6. Back to the list, still filtered.
  await page.getByRole('link', { name: '送信メールの一覧へ戻る' }).click()
  await expect.poll(() => page.getByTestId('mail-total').textContent()).toContain('「送信失敗」')
  await journey.finish()
})
