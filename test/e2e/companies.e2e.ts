/**
 * Correcting the company graph by clicking alone from `/`: 国の担当者 opens 法人とグループ関係 from the landing,
 * finds a company, ends one of its links on a date and retracts another entered in error, each after a
 * confirmation; the links show their new state. Arranged through the API: the companies and links are imported.
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { corporateNumberOf } from '../../server/synthetic/companies.ts'
import { launchBrowser, startJourney } from './browser.ts'
import { apiAs } from './session.ts'
import { confirmWith } from './journey-support.ts'

const RUN = Date.now().toString(36)
const PARENT = corporateNumberOf(`88${Date.now().toString().slice(-10)}`)
const CHILD = corporateNumberOf(`89${Date.now().toString().slice(-10)}`)
const WRONG = corporateNumberOf(`87${Date.now().toString().slice(-10)}`)
const CHILD_NAME = `訂正確認システムズ株式会社${RUN}`

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
  const national = await apiAs('kuni.admin@example.jp')
  const imported = await national('POST', '/api/companies/import', {
    companiesCsv: `法人番号,名称\n${PARENT},訂正確認ホールディングス株式会社\n${CHILD},${CHILD_NAME}\n${WRONG},取り違え商事株式会社\n`,
    linksCsv: `種別,起点の法人番号,相手の法人番号,開始日,終了日\n親子,${PARENT},${CHILD},2020-04-01,\n親子,${WRONG},${CHILD},,\n`,
  })
  expect(imported.status, imported.text).toBe(200)
})
afterAll(async () => {
  await browser?.close()
})

test('国の担当者が法人の関係を終了日で終え、誤って登録した関係を取り消す（確認つき）', async () => {
  const journey = await startJourney(browser)
  const { page } = journey
  await journey.start('/')
  await journey.signIn('kuni.admin@example.jp')

  await page.getByRole('link', { name: '法人とグループ関係へ' }).click()
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('法人とグループ関係')
  // the national side sees the 法人番号 file imports and their progress (none yet in this world)
  await expect.poll(() => page.getByRole('heading', { name: '法人番号公表サイトのデータの取り込み' }).count()).toBe(1)
  await page.getByLabel('名称または法人番号').fill(CHILD_NAME)
  await page.getByRole('button', { name: '検索', exact: true }).click()
  await page.getByRole('button', { name: CHILD_NAME, exact: true }).click()
  const links = page.getByTestId('company-link')
  await expect.poll(() => links.count()).toBe(2)
  await journey.shot('companies-1-links')

  // End the parent link: a date and a reason, then the confirmation says what follows.
  const parentRow = links.filter({ hasText: '訂正確認ホールディングス株式会社' })
  await parentRow.getByRole('button', { name: '終了日を記録' }).click()
  await page.getByLabel('終了日（この日まで関係があった）').fill('2025-06-30')
  await page.getByLabel('理由').fill('株式譲渡により子会社でなくなった')
  await page.getByRole('button', { name: '終了を記録する' }).click()
  await confirmWith(page, '終了する', 'これまでの判定の記録は変わりません')
  await expect.poll(() => page.getByRole('status').first().textContent()).toContain('関係を終了しました')
  await expect.poll(() => parentRow.innerText()).toContain('令和7年6月30日')

  // Retract the wrong link; without a reason the server's message names the field.
  const wrongRow = links.filter({ hasText: '取り違え商事株式会社' })
  await wrongRow.getByRole('button', { name: '取り消す' }).click()
  await page.getByRole('button', { name: '取消しを記録する' }).click()
  await confirmWith(page, '取り消す')
  await expect.poll(() => page.getByRole('alert').first().innerText()).toContain('理由を入力してください')
  await journey.shot('companies-2-reason-missing')
  await page.getByLabel('理由').fill('別の法人と取り違えて登録した')
  await page.getByRole('button', { name: '取消しを記録する' }).click()
  await confirmWith(page, '取り消す', '誤って登録した関係として取り消します')
  await expect.poll(() => wrongRow.innerText()).toContain('取消し済み（別の法人と取り違えて登録した）')
  await journey.shot('companies-3-corrected')
  await journey.finish()
})
