/**
 * Journey of a posting: 松山市 writes a CIO補佐官 posting from the プロデューサー preset and submits it; 愛媛県 forwards
 * it; 国 publishes it; anyone finds it in the national search and downloads its PDF. Signs in as the demo accounts
 * (session.ts).
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { addDays, todayInJapan } from '#shared/domain/dates'
import { launchBrowser, screenshot } from './browser.ts'
import { signInAs } from './session.ts'

const TODAY = todayInJapan(new Date())
const TITLE = `CIO補佐官（E2E ${Date.now().toString(36)}）`

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

async function openFromQueue(page: Page, title: string): Promise<void> {
  await page.goto(`${inject('baseUrl')}/staff/postings`)
  await page.getByRole('link', { name: title, exact: true }).click()
  await page.waitForURL(/\/staff\/postings\/[0-9a-f-]{36}$/)
  await page.getByTestId('posting-state').waitFor()
}

test('市区町村がプリセットから募集を作って提出し、都道府県が送付、国が公開し、全国検索とPDFで見られる', async () => {
  const baseUrl = inject('baseUrl')

  // 1. 松山市: new posting from the プロデューサー preset, autosaved as a draft, then submitted.
  const municipality = await browser.newPage({ locale: 'ja-JP' })
  const pageErrors: string[] = []
  municipality.on('pageerror', (error) => pageErrors.push(error.message))
  await signInAs(municipality, 'matsuyama@example.jp')
  await municipality.goto(`${baseUrl}/staff/postings`)
  await municipality.getByTestId('new-posting').click()
  await municipality.waitForURL(/\/staff\/postings\/new$/)
  await municipality
    .getByLabel('募集ポスト（役職名）')
    .fill(TITLE)
    .catch((error: Error) => {
      throw new Error(`${error.message}\npage errors: ${pageErrors.join(' | ')}`)
    })
  await municipality.getByLabel('人材像（スキル標準）').selectOption({ label: 'プロデューサー（CIO補佐官等）' })
  await expect.poll(() => municipality.getByRole('status').filter({ hasText: 'スキル標準から条件を入れました' }).count()).toBe(1)
  const criteriaText = await municipality.locator('.criteria').innerText()
  expect(criteriaText).toContain('必須')
  expect(criteriaText).toContain('歓迎')
  await municipality.getByLabel('担当部署').fill('総務部 デジタル推進課')
  await municipality.getByLabel('担当者名').fill('松山 太郎')
  await municipality.getByLabel('問合せ先メール').fill('dx@city.matsuyama.example.jp')
  await municipality.getByLabel('全体方針の策定').check()
  await municipality.getByLabel('期待する役割・業務内容').fill('全庁のDX推進方針の策定と推進体制づくりを支援していただきます。')
  await municipality.getByLabel('任用形態', { exact: true }).selectOption({ label: '特別職非常勤職員' })
  await municipality.getByLabel('勤務日数の単位').selectOption({ label: '週' })
  await municipality.getByLabel('勤務日数', { exact: true }).fill('2')
  await municipality.getByLabel('リモート勤務').selectOption({ label: '可' })
  await municipality.getByLabel('出勤（来庁）の頻度').fill('月2回')
  await municipality.getByLabel('副業・兼業').selectOption({ label: '可' })
  await municipality.getByLabel('勤務地').fill('松山市役所')
  await municipality.getByLabel('報酬額（円）').fill('40000')
  await municipality.getByLabel('単位', { exact: true }).selectOption({ label: '日額' })
  await municipality.getByLabel('任期開始日').fill(addDays(TODAY, 90))
  await municipality.getByLabel('任期終了日').fill(addDays(TODAY, 400))
  await municipality.getByLabel('募集人数').fill('1')
  await municipality.getByLabel('応募締切日').fill(addDays(TODAY, 45))
  await municipality.getByLabel('書類選考').check()
  await municipality.getByLabel('面接（オンライン）').check()
  await municipality.getByLabel('応募方法').fill('履歴書と職務経歴書を電子メールでお送りください。')
  // 入札制限: picked by name, its years set in the form; the published text says them (手順書 参考4.4-⑦ B②).
  await municipality.locator('[data-template="B2"]').check()
  await municipality.getByLabel('さかのぼる年数（0〜5年）').fill('3')
  await municipality.getByLabel('さかのぼる年数（0〜5年）').blur()
  // autosave turns the new form into a draft with its own address
  await municipality.waitForURL(/\/staff\/postings\/[0-9a-f-]{36}$/, { timeout: 15_000 })
  await expect.poll(() => municipality.getByTestId('posting-state').textContent()).toContain('下書き')
  await screenshot(municipality, 'postings-1-draft')
  await expect.poll(() => municipality.getByTestId('action-submit').isEnabled()).toBe(true)
  await municipality.getByTestId('action-submit').click()
  expect(await municipality.getByRole('alertdialog').innerText()).toContain('編集できません')
  await municipality.getByRole('alertdialog').getByRole('button', { name: '都道府県へ提出' }).click()
  await expect.poll(() => municipality.getByTestId('posting-state').textContent()).toContain('都道府県で確認中')
  await screenshot(municipality, 'postings-2-submitted')

  // 2. 愛媛県: the review queue shows it; forward to 国.
  const prefecture = await browser.newPage({ locale: 'ja-JP' })
  await signInAs(prefecture, 'ehime.pref@example.jp')
  await openFromQueue(prefecture, TITLE)
  expect(await prefecture.locator('main').innerText()).toContain('松山市')
  await screenshot(prefecture, 'postings-3-prefecture-review')
  await prefecture.getByTestId('action-forward').click()
  await prefecture.getByRole('alertdialog').getByRole('button', { name: '国へ送付' }).click()
  await expect.poll(() => prefecture.getByTestId('posting-state').textContent()).toContain('国で確認中')

  // 3. 国: the publish queue shows it; publish.
  const national = await browser.newPage({ locale: 'ja-JP' })
  await signInAs(national, 'kuni.admin@example.jp')
  await openFromQueue(national, TITLE)
  await national.getByTestId('action-publish').click()
  await national.getByRole('alertdialog').getByRole('button', { name: '公開する' }).click()
  await expect.poll(() => national.getByTestId('posting-state').textContent()).toContain('公開中')
  await screenshot(national, 'postings-4-published')

  // 4. Anyone: the national search finds it; the detail page offers the PDF.
  const visitor = await browser.newPage({ locale: 'ja-JP' })
  await visitor.goto(`${baseUrl}/postings`)
  await visitor.getByLabel('キーワード').fill(TITLE.slice(0, 12))
  await visitor.getByRole('button', { name: '検索' }).click()
  await expect.poll(() => visitor.getByTestId('posting-result').filter({ hasText: TITLE }).count()).toBe(1)
  await screenshot(visitor, 'postings-5-search')
  await visitor.getByRole('link', { name: new RegExp(TITLE.replace(/[()（）]/g, '.')) }).click()
  await visitor.waitForURL(/\/postings\/[0-9a-f-]{36}$/)
  await expect.poll(() => visitor.getByRole('heading', { level: 1 }).textContent()).toContain(TITLE)
  const detail = await visitor.locator('main').innerText()
  expect(detail).toContain('特別職非常勤職員')
  expect(detail).toContain('現に属する又は過去3年内に属していた事業者')
  await screenshot(visitor, 'postings-6-detail')
  const pdfHref = await visitor.getByTestId('public-pdf').getAttribute('href')
  const pdf = await visitor.request.get(`${baseUrl}${pdfHref}`)
  expect(pdf.status()).toBe(200)
  expect(pdf.headers()['content-type']).toBe('application/pdf')
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-')
})
