/**
 * Messages: 松山市 writes to an applicant from the selection board; the applicant sees the unread count in the
 * navigation, reads the thread from the mailed link's page and replies; 松山市 sees the reply.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchBrowser, screenshot } from './browser.ts'
import { signInAs } from './session.ts'
import { applyAs, mailTo, publishPosting } from './after-match-fixtures.ts'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

test('松山市が応募者にメッセージを送り、応募者がナビの未読から開いて返信する', async () => {
  const postingId = await publishPosting('CIO補佐官（メッセージE2E）')
  const applicationId = await applyAs('suzuki.misaki@example.jp', '鈴木 美咲', postingId)

  const staff = await browser.newPage({ locale: 'ja-JP' })
  await signInAs(staff, 'matsuyama@example.jp')
  await staff.getByRole('link', { name: '応募の選考' }).click()
  await staff.locator(`[data-application="${applicationId}"]`).click()
  await staff.locator('section[aria-labelledby="detail-heading"]').getByRole('link', { name: 'メッセージ' }).click()
  await staff.waitForURL(new RegExp(`/messages/applications/${applicationId}$`))
  await staff.getByLabel(/本文/).fill('書類を拝見しました。面接の日程をご相談させてください。')
  await staff.getByRole('button', { name: '送信する' }).click()
  await expect.poll(() => staff.locator('main').innerText()).toContain('送信しました')

  const mail = await mailTo('suzuki.misaki@example.jp', '新しいメッセージ')
  expect(mail.text).toContain(`/messages/applications/${applicationId}`)
  expect(mail.text).not.toContain('面接の日程をご相談')

  const person = await browser.newPage({ locale: 'ja-JP' })
  await signInAs(person, 'suzuki.misaki@example.jp')
  const navLink = person.getByRole('navigation', { name: 'メイン' }).getByRole('link', { name: /メッセージ/ })
  await expect.poll(() => navLink.innerText()).toContain('1')
  await screenshot(person, 'messages-1-unread-badge')
  await navLink.click()
  await person.getByRole('link', { name: 'CIO補佐官（メッセージE2E）' }).click()
  await expect.poll(() => person.locator('main').innerText()).toContain('面接の日程をご相談させてください')
  await expect.poll(() => person.locator('[data-unread]').count()).toBe(0)
  await person.getByLabel(/本文/).fill('ありがとうございます。来週であればいつでも伺えます。')
  await person.getByRole('button', { name: '送信する' }).click()
  await expect.poll(() => person.locator('main').innerText()).toContain('送信しました')
  await screenshot(person, 'messages-2-thread')

  await staff.goto(`${inject('baseUrl')}/applications/board`)
  const staffNav = staff.getByRole('navigation', { name: 'メイン' }).getByRole('link', { name: /メッセージ/ })
  await expect.poll(() => staffNav.innerText()).toContain('1')
  await staffNav.click()
  await staff.getByRole('link', { name: 'CIO補佐官（メッセージE2E）' }).click()
  await expect.poll(() => staff.locator('main').innerText()).toContain('来週であればいつでも伺えます')
  await person.close()
  await staff.close()
})
