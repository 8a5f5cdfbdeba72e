/**
 * Journey of sharing (派遣, 事例集 p.26; 手順書 §4.4(8)): 愛媛県 registers a support menu and an expert; 今治市 asks for a
 * dispatch; 愛媛県 approves it with the expert and a date; the prefecture dashboard counts it against the quota.
 * Signs in as the demo accounts (session.ts).
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { addDays, todayInJapan } from '#shared/domain/dates'
import { launchBrowser, screenshot } from './browser.ts'
import { signInAs } from './session.ts'

const VISIT_ON = addDays(todayInJapan(new Date()), 30)
const TOPIC = `窓口業務へのRPA導入（E2E ${Date.now()}）`

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

async function expectStatus(page: Page, text: string): Promise<void> {
  await expect.poll(() => page.getByRole('status').first().textContent()).toContain(text)
}

test('今治市が派遣を申請し、愛媛県が承認すると、ダッシュボードの派遣の利用に数えられる', async () => {
  // 1. 愛媛県: a menu and an expert
  const prefecture = await browser.newPage({ locale: 'ja-JP' })
  await signInAs(prefecture, 'ehime.pref@example.jp')
  await prefecture.getByRole('link', { name: '専門家の派遣' }).click()
  await expect.poll(() => prefecture.getByRole('heading', { level: 1 }).textContent()).toBe('専門家の派遣')
  await prefecture.getByLabel('メニュー名').fill('AI・RPA導入の相談')
  await prefecture.getByLabel('内容', { exact: true }).fill('業務の見える化と導入計画づくりを支援します。')
  await prefecture.getByRole('button', { name: 'メニューを登録する' }).click()
  await expectStatus(prefecture, '支援メニューを登録しました')
  await prefecture.getByLabel('氏名').fill('愛媛 ICTエキスパート')
  await prefecture.getByLabel('得意なテーマ（読点区切り）').fill('AI、RPA')
  await prefecture.getByRole('button', { name: '専門家を登録する' }).click()
  await expectStatus(prefecture, '専門家を登録しました')
  await screenshot(prefecture, 'sharing-1-prefecture-menu-and-expert')

  // 2. 今治市: ask for a dispatch
  const municipality = await browser.newPage({ locale: 'ja-JP' })
  await signInAs(municipality, 'imabari@example.jp')
  await municipality.goto(`${inject('baseUrl')}/sharing/dispatch`)
  await expect.poll(() => municipality.locator('#menu option').count()).toBeGreaterThan(1)
  await municipality.getByLabel('支援メニュー').selectOption({ label: 'AI・RPA導入の相談' })
  await municipality.getByLabel('相談したいテーマ').fill(TOPIC)
  await municipality.getByLabel('第1希望').fill(VISIT_ON)
  await municipality.getByLabel('現地').check()
  await municipality.getByRole('button', { name: '申請する' }).click()
  await expectStatus(municipality, '派遣を申請しました')
  const row = municipality.locator(`tr[data-request="${TOPIC}"]`)
  await expect.poll(() => row.innerText()).toContain('申請中')
  await expect.poll(() => municipality.getByTestId('quota-use').textContent()).toMatch(/申請: \d+回/)
  await screenshot(municipality, 'sharing-2-municipality-requested')

  // 3. 愛媛県: approve with the expert and the date
  await prefecture.reload()
  const request = prefecture.locator(`tr[data-request="${TOPIC}"]`)
  await expect.poll(() => request.innerText()).toContain('今治市')
  await request.getByLabel('専門家').selectOption({ label: '愛媛 ICTエキスパート' })
  await request.getByLabel('実施日').fill(VISIT_ON)
  await request.getByRole('button', { name: '承認する' }).click()
  await expectStatus(prefecture, '承認しました')
  await expect.poll(() => request.innerText()).toContain('承認済み')
  await expect.poll(() => request.innerText()).toContain(`実施日 ${VISIT_ON}`)
  await screenshot(prefecture, 'sharing-3-prefecture-approved')

  // the municipality sees the approval
  await municipality.reload()
  await expect.poll(() => municipality.locator(`tr[data-request="${TOPIC}"]`).innerText()).toContain('承認済み')

  // 4. the dashboard counts it for 今治市
  await prefecture.getByRole('link', { name: '市区町村の状況' }).click()
  await expect.poll(() => prefecture.getByRole('heading', { level: 1 }).textContent()).toBe('市区町村の外部デジタル人材の状況')
  const imabari = prefecture.locator('tr[data-code="382027"]')
  await expect.poll(() => imabari.getByTestId('dispatch-used').textContent()).toMatch(/^[1-9]\d* \/ [1-9]\d*$/)
  const chart = prefecture.getByRole('figure', { name: '派遣の利用（承認済み・実施済み）と上限' })
  await expect.poll(() => chart.getByRole('img').getAttribute('aria-label')).toMatch(/今治市: [1-9]\d*回（上限[1-9]\d*回/)
  expect(await chart.locator('table').textContent()).toContain('今治市')
  const without = await prefecture.locator('section', { has: prefecture.getByRole('heading', { name: '外部人材がいない団体' }) }).innerText()
  expect(without).toContain('人口が登録されていない団体は末尾')
  await screenshot(prefecture, 'sharing-4-dashboard')

  // the Excel download answers
  const download = await prefecture.request.get(`${inject('baseUrl')}/api/sharing/dashboard.xlsx`)
  expect(download.status()).toBe(200)
  expect(download.headers()['content-type']).toContain('spreadsheetml')

  await prefecture.close()
  await municipality.close()
})
