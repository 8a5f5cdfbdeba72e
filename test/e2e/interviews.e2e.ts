/**
 * Interviews: 松山市 proposes two slots from the selection board; the applicant picks one on the interview page
 * (reached from 応募の状況); both see the fixed date, and the invitation arrives by mail with a text/calendar part.
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { addDays } from '#shared/domain/dates'
import { launchBrowser, screenshot } from './browser.ts'
import { signInAs } from './session.ts'
import { applyAs, mailTo, publishPosting, TODAY } from './after-match-fixtures.ts'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

test('松山市が面接の候補を2件送り、応募者が1件を選び、両者に確定した日時が見える', async () => {
  const postingId = await publishPosting('CIO補佐官（面接E2E）')
  const applicationId = await applyAs('sato.ken@example.jp', '佐藤 健', postingId)
  const day = addDays(TODAY, 10)

  const staff = await browser.newPage({ locale: 'ja-JP' })
  await signInAs(staff, 'matsuyama@example.jp')
  await staff.getByRole('link', { name: '応募の選考' }).click()
  await staff.locator(`[data-application="${applicationId}"]`).click()
  await staff.locator('[data-move="screening"]').click()
  await expect.poll(() => staff.locator('#detail-heading').textContent()).toContain('書類選考')
  const panel = staff.locator('[data-interview-panel]')
  await panel.getByLabel('候補1の開始日時').fill(`${day}T10:00`)
  await panel.getByLabel('候補1の会議のURL').fill('https://meet.example.jp/matsuyama-cio')
  await panel.getByRole('button', { name: '候補を追加' }).click()
  await panel.getByLabel('候補2の開始日時').fill(`${day}T14:00`)
  await panel.getByLabel('候補2の方法').selectOption('in_person')
  await panel.getByLabel('候補2の場所').fill('松山市役所 本館3階 会議室')
  await panel.getByRole('button', { name: '候補日時を送る' }).click()
  await expect.poll(() => panel.locator('[data-interview-state]').textContent()).toBe('候補日時の提案中')
  await screenshot(staff, 'interviews-1-proposed')

  const person = await browser.newPage({ locale: 'ja-JP' })
  await signInAs(person, 'sato.ken@example.jp')
  await person.getByRole('navigation', { name: 'メイン' }).getByRole('link', { name: '応募の状況' }).click()
  await person.locator(`[data-application="${applicationId}"]`).getByRole('link', { name: '面接の日程' }).click()
  await person.getByLabel(/候補2:/).check()
  await person.getByRole('button', { name: 'この日時にする' }).click()
  await expect.poll(() => person.locator('[data-interview-state]').textContent()).toBe('日時確定')
  await expect.poll(() => person.getByRole('link', { name: /予定表に追加/ }).count()).toBe(1)
  await screenshot(person, 'interviews-2-chosen')

  await staff.reload()
  await staff.locator(`[data-application="${applicationId}"]`).click()
  await expect.poll(() => staff.locator('[data-interview-state]').textContent()).toBe('日時確定')
  expect(await staff.locator('[data-slot="2"]').innerText()).toContain('（確定）')
  // the selection moved on to 面接 with the chosen date
  expect(await staff.locator('#detail-heading').textContent()).toContain('— 面接')
  await screenshot(staff, 'interviews-3-staff-sees-it')

  const invitation = await mailTo('sato.ken@example.jp', '面接の日時が決まりました')
  expect(invitation.raw).toMatch(/text\/calendar; charset=utf-8; method=REQUEST/i)
  expect(invitation.subject).toContain('CIO補佐官（面接E2E）')
  await person.close()
  await staff.close()
})
