/**
 * The page each kind of user lands on after signing in says what to do next, and its first step is one click
 * away. Each journey starts at `/`, signs in through the header and moves by clicking only, on the demo world
 * (server/demo) that `npm start` created.
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { type Journey, launchBrowser, startJourney } from './browser.ts'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** Opens `/`, signs in from the header and waits for the landing page of `kind` (the page goes on as `journey.page`). */
async function landAs(email: string, kind: string): Promise<Journey> {
  const journey = await startJourney(browser)
  await journey.start('/')
  await journey.signIn(email)
  await expect.poll(() => journey.page.locator(`[data-landing="${kind}"]`).count()).toBe(1)
  await expect.poll(() => journey.page.getByRole('region', { name: '次にすること' }).count()).toBe(1)
  return journey
}

const nextSteps = (page: Page) => page.getByRole('region', { name: '次にすること' })

test('市区町村の担当者は、状態ごとの募集と新しい応募を見て、応募の選考へ進む', async () => {
  const journey = await landAs('matsuyama@example.jp', 'municipality')
  const { page } = journey
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('松山市の担当者のページ')
  await expect.poll(() => page.locator('[data-state="published"] td').textContent()).toMatch(/^[1-9]\d*件$/)
  expect(await page.locator('[data-state="draft"] td').textContent()).toMatch(/^[1-9]\d*件$/)
  await expect.poll(() => page.getByRole('region', { name: '新しい応募（応募受付）' }).innerText()).toContain('西村 葵')
  expect(await nextSteps(page).innerText()).toMatch(/新しい応募が\d+件あります/)
  await journey.shot('landing-1-municipality')
  await nextSteps(page).getByRole('link', { name: '応募の選考を開く' }).click()
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('応募の選考')
  await journey.finish()
})

test('都道府県の担当者は、確認を待っている募集と管内の状況を見て、届いた募集を開く', async () => {
  const journey = await landAs('ehime.pref@example.jp', 'prefecture')
  const { page } = journey
  const review = page.getByRole('region', { name: '確認を待っている募集' })
  await expect.poll(() => review.innerText()).toContain('AI・RPA活用 エンジニア')
  expect(await page.getByRole('region', { name: /管内の状況/ }).innerText()).toContain('上限に達した団体: 内子町')
  await journey.shot('landing-2-prefecture')
  await nextSteps(page).getByRole('link', { name: '確認を待っている募集を開く' }).click()
  await expect.poll(() => page.getByTestId('posting-state').textContent()).toContain('都道府県で確認中')
  await journey.nav('ホーム')
  await nextSteps(page).getByRole('link', { name: 'ダッシュボードを開く' }).click()
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('市区町村の外部デジタル人材の状況')
  await journey.finish()
})

test('国の担当者は、公開を待っている募集と送信メールの件数を見て、送信メールへ進む', async () => {
  const journey = await landAs('kuni.admin@example.jp', 'national')
  const { page } = journey
  await expect.poll(() => page.getByRole('region', { name: '公開を待っている募集' }).innerText()).toContain('行政手続オンライン化')
  expect(await nextSteps(page).innerText()).toMatch(/送信待ちのメールが\d+件/)
  await journey.shot('landing-3-national')
  await nextSteps(page).getByRole('link', { name: '送信メールを確認する' }).click()
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('送信メール')
  await journey.finish()
})

test('外部デジタル人材は、プロフィールの完成度・判定されたレベル・おすすめの募集を見て、おすすめへ進む', async () => {
  // 伊藤さん: no other journey changes his profile
  const journey = await landAs('ito.yusuke@example.jp', 'candidate')
  const { page } = journey
  await expect.poll(() => page.getByTestId('completeness').textContent()).toMatch(/^\d+%$/)
  expect(await page.getByRole('region', { name: '判定されたスキルレベル' }).innerText()).toMatch(/プロジェクトマネージャ: レベル4/)
  await expect.poll(() => page.getByRole('region', { name: 'おすすめの募集' }).getByRole('listitem').count()).toBeGreaterThan(0)
  await journey.shot('landing-4-candidate')
  await nextSteps(page).getByRole('link', { name: 'おすすめの募集を見る' }).click()
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('あなたに合う募集')
  await journey.finish()
})
