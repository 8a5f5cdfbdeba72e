/**
 * Interviews, by clicking alone from `/`: 松山市 proposes two slots from the selection board; the applicant picks
 * one on the interview page (reached from 応募の状況); both see the fixed date, and the invitation arrives by mail
 * with a text/calendar part.
 * Arranged through the API beforehand: a posting of 松山市 published and a demo candidate's application to it.
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { addDays } from '#shared/domain/dates'
import { launchBrowser, startJourney } from './browser.ts'
import { applyAs, mailTo, publishPosting, TODAY } from './after-match-fixtures.ts'

const TITLE = `CIO補佐官（面接E2E ${Date.now().toString(36)}）`

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

test('松山市が面接の候補を2件送り、応募者が1件を選び、両者に確定した日時が見える', async () => {
  const postingId = await publishPosting(TITLE)
  const applicationId = await applyAs('sato.ken@example.jp', '佐藤 健', postingId)
  const day = addDays(TODAY, 10)

  const staff = await startJourney(browser)
  await staff.start('/')
  await staff.signIn('matsuyama@example.jp')
  await staff.nav('応募の選考')
  await staff.page.locator(`[data-application="${applicationId}"]`).click()
  await staff.page.locator('[data-move="screening"]').click()
  await expect.poll(() => staff.page.locator('#detail-heading').textContent()).toContain('書類選考')
  const panel = staff.page.locator('[data-interview-panel]')
  await panel.getByLabel('候補1の開始日時').fill(`${day}T10:00`)
  await panel.getByLabel('候補1の会議のURL').fill('https://meet.example.jp/matsuyama-cio')
  await panel.getByRole('button', { name: '候補を追加' }).click()
  await panel.getByLabel('候補2の開始日時').fill(`${day}T14:00`)
  await panel.getByLabel('候補2の方法').selectOption('in_person')
  await panel.getByLabel('候補2の場所').fill('松山市役所 本館3階 会議室')
  await panel.getByRole('button', { name: '候補日時を送る' }).click()
  await expect.poll(() => panel.locator('[data-interview-state]').textContent()).toBe('候補日時の提案中')
  await staff.shot('interviews-1-proposed')

  const person = await startJourney(browser)
  await person.start('/')
  await person.signIn('sato.ken@example.jp')
  await person.nav('応募の状況')
  await person.page.locator(`[data-application="${applicationId}"]`).getByRole('link', { name: '面接の日程' }).click()
  await person.page.getByLabel(/候補2:/).check()
  await person.page.getByRole('button', { name: 'この日時にする' }).click()
  await expect.poll(() => person.page.locator('[data-interview-state]').textContent()).toBe('日時確定')
  await expect.poll(() => person.page.getByRole('link', { name: /予定表に追加/ }).count()).toBe(1)
  await person.shot('interviews-2-chosen')

  // staff come back to the board from the header and see what the applicant chose
  await staff.nav('ホーム')
  await staff.nav('応募の選考')
  await staff.page.locator(`[data-application="${applicationId}"]`).click()
  await expect.poll(() => staff.page.locator('[data-interview-state]').textContent()).toBe('日時確定')
  expect(await staff.page.locator('[data-slot="2"]').innerText()).toContain('（確定）')
  // the selection moved on to 面接 with the chosen date
  expect(await staff.page.locator('#detail-heading').textContent()).toContain('— 面接')
  await staff.shot('interviews-3-staff-sees-it')

  const invitation = await mailTo('sato.ken@example.jp', '面接の日時が決まりました')
  expect(invitation.raw).toMatch(/text\/calendar; charset=utf-8; method=REQUEST/i)
  expect(invitation.subject).toContain(TITLE)
  await person.finish()
  await staff.finish()
})
