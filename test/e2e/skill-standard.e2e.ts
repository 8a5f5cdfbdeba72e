import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchBrowser, screenshot } from './browser.ts'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

test('スキル標準のページから人材像の詳細を開ける（キーボード操作）', async () => {
  const page = await browser.newPage({ locale: 'ja-JP' })
  await page.goto(`${inject('baseUrl')}/skill-standard`)
  await expect.poll(() => page.getByRole('heading', { level: 1 }).first().textContent()).toContain('スキル標準')
  await screenshot(page, 'skill-standard')

  const producerLink = page.getByRole('link', { name: /プロデューサー/ }).first()
  await producerLink.focus()
  await page.keyboard.press('Enter')
  await page.waitForURL(/\/skill-standard\/roles\/producer$/)
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('プロデューサー（CIO補佐官等）')
  const text = await page.locator('main').innerText()
  expect(text).toContain('全体方針立案')
  expect(text).toContain('リーダーシップ')
  expect(text).toContain('情報処理安全確保支援士')
  expect(text).toContain('ビジネスストラテジスト')
  await screenshot(page, 'role-producer')

  // A deep link works after a reload (the server answers the SPA for client routes).
  await page.reload()
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('プロデューサー')
  await page.close()
})
