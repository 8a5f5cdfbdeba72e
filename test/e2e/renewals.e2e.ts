/**
 * 更新 and 評価, by clicking alone from `/`: 松山市's staff open 任用と評価, renew an appointment (the dialog says what
 * follows for the term and 入札制限, the new term is shown), and record a term-end evaluation against the posting's
 * 取組分野; the appointed person then adds their own view from their 任用と評価.
 * Arranged through the API beforehand: a posting of 松山市 published, a demo candidate's application, 任用.
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { addDays, addYears } from '#shared/domain/dates'
import { launchBrowser, startJourney } from './browser.ts'
import { applyAs, publishPosting, TERM_ENDS_ON, TERM_STARTS_ON } from './after-match-fixtures.ts'
import { apiAs } from './session.ts'

const TITLE = `CIO補佐官（更新E2E ${Date.now().toString(36)}）`
const PERSON = 'okada.shun@example.jp'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

test('松山市が任用を更新し、任期末の評価を記録し、本人が振り返りを書き添える', async () => {
  const postingId = await publishPosting(TITLE)
  const applicationId = await applyAs(PERSON, '岡田 駿', postingId)
  const matsuyama = await apiAs('matsuyama@example.jp')
  for (const to of ['screening', 'offered']) expect((await matsuyama('POST', `/api/applications/${applicationId}/steps`, { to })).status).toBe(200)
  const appointed = await matsuyama('POST', `/api/applications/${applicationId}/steps`, {
    to: 'appointed',
    appointment: {
      roleId: 'producer',
      appointmentForm: 'tokubetsushoku_hijokin',
      startsOn: TERM_STARTS_ON,
      endsOn: TERM_ENDS_ON,
      advisesOnProcurement: true,
      draftsSpecifications: false,
    },
  })
  expect(appointed.status, appointed.text).toBe(200)
  const nextStart = addDays(TERM_ENDS_ON, 1)

  const staff = await startJourney(browser)
  await staff.start('/')
  await staff.signIn('matsuyama@example.jp')
  await staff.nav('任用と評価')
  await staff.page.getByRole('link', { name: new RegExp(TITLE.replace(/[()（）]/g, '.')) }).click()
  await expect.poll(() => staff.page.getByTestId('term').count()).toBe(1)
  // the proposal: from the day after the last term, for a year less a day (特別職非常勤職員 has no cap)
  expect(await staff.page.getByLabel('新しい任期の終了日').inputValue()).toBe(addDays(addYears(nextStart, 1), -1))
  await staff.page.getByRole('button', { name: '更新', exact: true }).click()
  const dialog = staff.page.getByRole('alertdialog')
  await expect.poll(() => dialog.textContent()).toContain('入札制限の規則はそのまま引き継がれ')
  await staff.shot('renewals-1-confirm')
  await dialog.getByRole('button', { name: '更新する' }).click()
  await expect.poll(() => staff.page.getByTestId('appointment-done').textContent()).toContain('新しい任期は第2期')
  await expect.poll(() => staff.page.getByTestId('term').count()).toBe(2)

  await staff.page.getByLabel('評価の時期').selectOption({ label: '任期末の評価' })
  await staff.page
    .getByLabel(/の成果$/)
    .first()
    .fill('DX推進計画の改定を主導し、庁内の推進体制を整えた。')
  await staff.page.getByLabel('団体の評価').selectOption({ label: '期待を上回った' })
  await staff.page.getByLabel('評価のコメント').fill('職員が主体となる体制が根付いた。')
  await staff.page.getByLabel('更新の意向').selectOption({ label: '更新する' })
  await staff.page.getByRole('button', { name: '評価を記録' }).click()
  await expect.poll(() => staff.page.getByTestId('evaluation').count()).toBe(1)
  expect(await staff.page.getByTestId('evaluation').textContent()).toContain('期待を上回った')
  await staff.shot('renewals-2-evaluated')

  const person = await startJourney(browser)
  await person.start('/')
  await person.signIn(PERSON)
  await person.nav('任用と評価')
  await person.page.getByRole('link', { name: new RegExp(TITLE.replace(/[()（）]/g, '.')) }).click()
  await person.page.getByLabel('ご自身の振り返り').fill('計画づくりは想定どおり。次の任期は実装の支援に力を入れたい。')
  await person.page.getByRole('button', { name: '振り返りを保存' }).click()
  await expect.poll(() => person.page.getByTestId('evaluation').textContent()).toContain('次の任期は実装の支援')
  await person.shot('renewals-3-self-review')
  await person.finish()
  await staff.finish()
})
