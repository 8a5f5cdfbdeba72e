import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchBrowser, screenshot } from './browser.ts'
import { type ReceivedMail, tokenLinkIn } from '../support/smtp.ts'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** The mail to `to` that the server delivered over SMTP (captured by mail-capture.ts). */
async function mailTo(to: string, timeoutMs = 15_000): Promise<ReceivedMail> {
  const dir = inject('mailDir')
  const deadline = Date.now() + timeoutMs
  for (;;) {
    for (const name of (await readdir(dir)).sort()) {
      const mail = JSON.parse(await readFile(join(dir, name), 'utf8')) as ReceivedMail
      if (mail.to.includes(to)) return mail
    }
    if (Date.now() > deadline) throw new Error(`no mail to ${to}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

test('外部デジタル人材が利用登録し、メールのリンクで確認し、ログインして自分のページを見る', async () => {
  const page = await browser.newPage({ locale: 'ja-JP' })
  const baseUrl = inject('baseUrl')
  const email = `e2e.${Date.now()}@example.jp`
  const password = 'とても長い合言葉 2026'

  await page.goto(`${baseUrl}/`)
  await page.getByRole('navigation', { name: 'アカウント' }).getByRole('link', { name: '利用登録' }).click()
  await page.waitForURL(/\/sign-up$/)
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('利用登録')
  await page.getByLabel('氏名').fill('山田 花子')
  await page.getByLabel('メールアドレス').fill(email)
  await page.getByLabel('パスワード（確認）').fill(password)
  await page.getByLabel('パスワード', { exact: false }).first().fill(password)
  await screenshot(page, 'accounts-1-sign-up')
  await page.getByRole('button', { name: '確認メールを送信する' }).click()
  await expect.poll(() => page.getByRole('status').first().textContent()).toContain('確認メールを送信しました')
  await screenshot(page, 'accounts-2-mail-sent')

  const mail = await mailTo(email)
  expect(mail.subject).toContain('メールアドレスの確認')
  const link = tokenLinkIn(mail.text)
  expect(link.origin).toBe(baseUrl)

  await page.goto(link.toString())
  await page.getByRole('button', { name: 'メールアドレスを確認する' }).click()
  await expect.poll(() => page.getByRole('status').first().textContent()).toContain('確認が完了しました')
  expect(page.url()).not.toContain('token=')
  await screenshot(page, 'accounts-3-confirmed')

  await page.getByRole('link', { name: 'ログイン画面へ進む' }).click()
  await page.waitForURL(/\/sign-in/)
  await expect.poll(() => page.getByLabel('メールアドレス').inputValue()).toBe(email)
  await page.getByLabel('パスワード').fill(password)
  await page.getByRole('button', { name: 'ログインする' }).click()
  // sign-in lands on the home page, which says what to do next; the account page is one click away
  await page.waitForURL((url) => url.pathname === '/')
  await expect.poll(() => page.locator('[data-landing="candidate"]').count()).toBe(1)
  await page.getByRole('navigation', { name: 'アカウント' }).getByRole('link', { name: 'マイページ' }).click()
  await page.waitForURL(/\/account$/)
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('マイページ')
  const main = await page.locator('main').innerText()
  expect(main).toContain('山田 花子')
  expect(main).toContain(email)
  expect(main).toContain('外部デジタル人材')
  expect(await page.locator('main').getByRole('link', { name: 'マイプロフィール' }).getAttribute('href')).toBe('/candidates/me')
  // A candidate's header offers their own pages and sign-out, not the staff pages.
  const nav = page.getByRole('navigation', { name: 'アカウント' })
  expect(await nav.getByRole('link').allTextContents()).toEqual(['マイページ', '保存した検索条件'])
  await screenshot(page, 'accounts-4-my-page')

  // After a reload the session (cookie) still holds; after sign-out the page asks to sign in.
  await page.reload()
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('マイページ')
  await nav.getByRole('button', { name: 'ログアウト' }).click()
  await page.waitForURL(`${baseUrl}/`)
  await page.goto(`${baseUrl}/account`)
  await page.waitForURL(/\/sign-in\?returnTo=(%2F|\/)account$/)
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('ログイン')
  await page.close()
})
