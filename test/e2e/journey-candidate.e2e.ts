/**
 * Journey 5 (外部デジタル人材), by clicking alone: from `/` a person finds a posting and signs up from it; the
 * confirmation mail's link (the second journey's first page) confirms the address and the first sign-in returns to
 * the posting's apply page; they build the profile (the sign-up name already in it), see the levels derived from an
 * exam and experience with their explanation, are held back once from leaving a section unsaved, see the postings
 * recommended to them with why, and apply.
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchBrowser, startJourney } from './browser.ts'
import { confirmWith, linkIn, mailTo } from './journey-support.ts'

const POSTING = '住民記録システム標準化 プロジェクトマネージャー（デモ）'
const NAME = '小林 陽介'
const EMAIL = `kobayashi.${Date.now().toString(36)}@example.jp`
const PASSWORD = '瀬戸内の朝焼けと みかん畑 2026'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

test('外部デジタル人材が募集を見つけて、その募集から利用登録する', async () => {
  const journey = await startJourney(browser)
  const { page } = journey
  await journey.start('/')
  await journey.nav('募集を探す')
  await page
    .getByTestId('posting-result')
    .getByRole('link', { name: new RegExp(POSTING) })
    .click()
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(POSTING)
  await page.getByRole('region', { name: '応募するには' }).getByRole('link', { name: '利用登録をして応募する' }).click()
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('利用登録')
  await page.getByLabel('氏名').fill(NAME)
  await page.getByLabel('メールアドレス').fill(EMAIL)
  await page.locator('#sign-up-password').fill(PASSWORD)
  await page.getByLabel('パスワード（確認）').fill(PASSWORD)
  await journey.shot('journey5-1-sign-up')
  await page.getByRole('button', { name: '確認メールを送信する' }).click()
  await expect.poll(() => page.getByRole('status').first().textContent()).toContain(`${EMAIL} に確認メールを送信しました`)
  await journey.finish()
})

test('確認メールのリンクから確かめてログインすると応募の画面に戻り、プロフィールを作り、判定されたレベルとおすすめの理由を見て応募する', async () => {
  const mail = await mailTo(EMAIL, 'メールアドレスの確認')
  expect(mail.text).toContain(`${NAME} 様`)
  const link = linkIn(mail.text, '/confirm-email')

  const journey = await startJourney(browser)
  const { page } = journey
  // 1. The mailed link: confirm, then sign in with the address already filled in.
  await journey.start(link.toString())
  await page.getByRole('button', { name: 'メールアドレスを確認する' }).click()
  await expect.poll(() => page.getByRole('status').first().textContent()).toContain('確認が完了しました')
  expect(page.url()).not.toContain('token=')
  await page.getByRole('link', { name: 'ログイン画面へ進む' }).click()
  await expect.poll(() => page.getByLabel('メールアドレス').inputValue()).toBe(EMAIL)
  await page.getByLabel('パスワード').fill(PASSWORD)
  await page.getByRole('button', { name: 'ログインする' }).click()

  // 2. Back at the posting's apply page; without a profile the application is refused with the way to fix it.
  await page.waitForURL((url) => url.pathname.endsWith('/apply'))
  await expect.poll(() => page.getByTestId('apply-posting').textContent()).toContain(POSTING)
  await page.getByLabel(/志望動機/).fill('住民記録システムの標準化移行を3団体で担当した経験を生かします。')
  await page.getByRole('button', { name: '応募する' }).click()
  await expect.poll(() => page.getByRole('alert').first().innerText()).toContain('プロフィールの氏名と連絡先を入力してください')
  await journey.shot('journey5-2-profile-needed')
  await page.getByRole('link', { name: 'マイプロフィールを入力する' }).click()

  // 3. The profile starts from the sign-up; 都道府県 by name, roles and working conditions.
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('マイプロフィール')
  expect(await page.locator('#fullName').inputValue()).toBe(NAME)
  expect(await page.locator('#contactEmail').inputValue()).toBe(EMAIL)
  await page.locator('#fullNameKana').fill('こばやし ようすけ')
  await page.getByLabel('居住する都道府県').selectOption({ label: '愛媛県' })
  await page.locator('#headline').fill('自治体の基幹業務システム標準化を、計画から移行まで支援します')
  await page.getByRole('group', { name: '希望する人材像' }).getByRole('checkbox', { name: 'プロジェクトマネージャー' }).check()
  await page.locator('#days').fill('2')
  await page.getByRole('button', { name: '基本情報を保存' }).click()
  await expect.poll(() => page.getByRole('status').first().textContent()).toContain('基本情報を保存しました')

  // 4. An exam found by its reading and five years of tagged experience: level 4, explained in words.
  await page.getByLabel(/資格・試験を検索/).fill('ぷろじぇくとまね')
  await page.locator('[data-certification="PM"]').click()
  await page.getByLabel('合格年度 1').fill('2012')
  await page.getByRole('button', { name: '経験を追加' }).click()
  await page.getByLabel('経験1の開始日').fill('2016-04-01')
  await page.getByLabel('経験1の終了日').fill('2024-03-31')
  await page.getByLabel('経験1の組織').fill('株式会社デモ標準化支援')
  await page.getByLabel('経験1の役職').fill('プロジェクトマネージャー')
  await page
    .getByRole('group', { name: /経験1に対応する職種/ })
    .getByRole('checkbox', { name: 'UISS プロジェクトマネージャ' })
    .check()
  const level = page.locator('[data-job-type="uiss.project_manager"]')
  await expect.poll(() => level.textContent()).toContain('レベル4')
  expect(await level.textContent()).toContain('プロジェクトマネージャ（平成24年度春期）の合格と、プロジェクトマネージャの経験')
  await page.getByRole('button', { name: '資格・経験を保存' }).click()
  await expect.poll(() => page.getByRole('status').first().textContent()).toContain('資格・経験を保存しました')
  expect(await level.textContent()).toContain('試験＋経験')
  await journey.shot('journey5-3-levels')

  // 5. Leaving with an unsaved change asks first; staying keeps it, and once saved the way is free.
  await page.locator('#headline').fill('自治体の基幹業務システム標準化を、計画から移行まで伴走します')
  await journey.nav('あなたに合う募集')
  await confirmWith(page, 'キャンセル', '「基本情報」の変更はまだ保存されていません')
  expect(await page.locator('#headline').inputValue()).toContain('伴走します')
  await page.getByRole('button', { name: '基本情報を保存' }).click()
  await expect.poll(() => page.getByRole('status').first().textContent()).toContain('基本情報を保存しました')

  // 6. Recommended postings, each with why.
  await journey.nav('あなたに合う募集')
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('あなたに合う募集')
  const recommended = page.locator('.recommendations > li').filter({ hasText: POSTING })
  await expect.poll(() => recommended.count()).toBe(1)
  await recommended.getByRole('button', { name: 'スコアの説明を見る' }).click()
  const why = recommended.getByRole('region', { name: 'スコアの内訳' })
  await expect.poll(() => why.innerText()).toContain('条件ごとの評価')
  expect(await why.innerText()).toContain('プロジェクトマネージャ')
  await journey.shot('journey5-4-recommendations')

  // 7. Apply from the posting; the application is listed.
  await recommended.getByRole('link', { name: POSTING }).click()
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(POSTING)
  await page.getByRole('link', { name: '応募する' }).click()
  await page.getByLabel(/志望動機/).fill('住民記録システムの標準化移行を3団体で担当した経験を生かします。')
  await page.getByRole('button', { name: '応募する' }).click()
  await page.waitForURL((url) => url.pathname === '/applications')
  const applied = page.locator('main').filter({ hasText: POSTING })
  await expect.poll(() => applied.innerText()).toContain('応募受付')
  await journey.shot('journey5-5-applied')
  await journey.finish()
})
