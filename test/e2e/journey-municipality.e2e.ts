/**
 * Journey 1 (市区町村の担当者), by clicking alone from `/`: a posting from the skill standard's preset in the
 * 標準募集様式, a mistake named by its Japanese label, the draft, what is still missing (each a link to its field),
 * the checklist, the 特別交付税 estimate, the PDF and the Excel, submitted; then the demo posting's applicants ranked
 * with their explanation and 入札制限 flag, an applicant's profile as staff see it, a résumé opened, an offer turned
 * into an appointment (任用), a procurement registered and a bid checked.
 * Arranged through the API beforehand: 森 遥 applies to the demo's 住民記録 posting with a PDF résumé.
 */
import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { addDays, todayInJapan } from '#shared/domain/dates'
import { launchBrowser, startJourney } from './browser.ts'
import { confirmWith } from './journey-support.ts'
import { apiAs } from './session.ts'

const TODAY = todayInJapan(new Date())
const TITLE = `CIO補佐官（市区町村 E2E ${Date.now().toString(36)}）`
const DEMO_POSTING = '住民記録システム標準化 プロジェクトマネージャー（デモ）'
const RESUME = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')
/** 渡辺 明子's employer since 2008 (server/demo/data): B1 restricts it while she advises on the procurement. */
const ZENKOKU = '9700000000012'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
  const postings = await fetch(`${inject('baseUrl')}/api/postings?q=${encodeURIComponent('住民記録システム標準化')}`)
  const found = ((await postings.json()) as { items: Array<{ id: string; title: string }> }).items.find((item) => item.title === DEMO_POSTING)
  expect(found, 'the demo posting is published').toBeDefined()
  const mori = await apiAs('mori.haruka@example.jp')
  const applied = await mori('POST', `/api/postings/${found!.id}/applications`, {
    motivation: '窓口と基幹系の両方を見てきた経験を、標準化の移行に生かしたいと考えています。',
    resume: { fileName: '森遥_履歴書.pdf', contentBase64: RESUME.toString('base64') },
  })
  expect(applied.status, applied.text).toBe(201)
})
afterAll(async () => {
  await browser?.close()
})

test('市区町村の担当者が、標準募集様式で募集を作って提出し、応募者を順位と説明で比べ、任用して入札制限を判定する', async () => {
  const journey = await startJourney(browser)
  const { page } = journey
  await journey.start('/')
  await journey.signIn('matsuyama@example.jp')

  // 1. A new posting: the role's preset fills the conditions; choosing it creates no draft by itself.
  await journey.nav('募集の作成')
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('募集の作成と管理')
  await expect.poll(() => page.getByTestId('staff-postings-total').textContent()).toMatch(/\d+件/)
  await page.getByTestId('new-posting').click()
  await page.getByLabel('人材像（スキル標準）').selectOption({ label: 'プロデューサー（CIO補佐官等）' })
  await expect.poll(() => page.getByRole('status').filter({ hasText: 'スキル標準から条件を入れました' }).count()).toBe(1)
  expect(await page.locator('#criteria').innerText()).toContain('歓迎')
  await page.waitForTimeout(2000)
  expect(new URL(page.url()).pathname).toBe('/staff/postings/new')

  // 2. A mistake is named by its label, never by its key; the summary's line takes the person to the field.
  await page.getByLabel('募集ポスト（役職名）').fill(TITLE)
  await page.getByLabel('問合せ先メール').fill('dx@')
  const alert = page.getByRole('alert').filter({ hasText: '処理できませんでした' })
  await expect.poll(() => alert.count(), { timeout: 10_000 }).toBe(1)
  const alertText = await alert.innerText()
  expect(alertText).toContain('問合せ先メールアドレスの形式が正しくありません')
  expect(alertText).not.toContain('contactEmail')
  await journey.shot('journey1-1-validation')
  await alert.getByRole('link', { name: /問合せ先メールアドレス/ }).click()
  expect(await page.evaluate('document.activeElement.id')).toBe('contact-email')
  await page.getByLabel('問合せ先メール').fill('dx@city.matsuyama.example.jp')

  // 3. Saved as a draft; what is still missing is listed, each a link to its field.
  await page.waitForURL(/\/staff\/postings\/[0-9a-f-]{36}$/, { timeout: 15_000 })
  await expect.poll(() => page.getByTestId('posting-state').textContent()).toContain('下書き')
  const missing = page.getByTestId('missing')
  await expect.poll(() => missing.innerText()).toMatch(/あと\d+項目の入力が必要です/)
  await missing.getByRole('link', { name: '勤務地を入力してください。' }).click()
  expect(await page.evaluate('document.activeElement.id')).toBe('workplace')
  await journey.shot('journey1-2-missing')
  await page.getByLabel('勤務地').fill('松山市役所')
  await page.getByLabel('担当部署').fill('総務部 デジタル戦略課')
  await page.getByLabel('担当者名').fill('河野 裕子')
  await page.getByLabel('全体方針の策定').check()
  await page.getByLabel('期待する役割・業務内容').fill('全庁のDX推進方針の策定と推進体制づくりを支援していただきます。')
  await page.getByLabel('任用形態', { exact: true }).selectOption({ label: '特別職非常勤職員' })
  await page.getByLabel('勤務日数の単位').selectOption({ label: '週' })
  await page.getByLabel('勤務日数', { exact: true }).fill('2')
  await page.getByLabel('リモート勤務').selectOption({ label: '可' })
  await page.getByLabel('出勤（来庁）の頻度').fill('月2回')
  await page.getByLabel('副業・兼業').selectOption({ label: '可' })
  await page.getByLabel('報酬額（円）').fill('40000')
  await page.getByLabel('単位', { exact: true }).selectOption({ label: '日額' })
  await page.getByLabel('任期開始日').fill(addDays(TODAY, 90))
  await page.getByLabel('任期終了日').fill(addDays(TODAY, 400))
  await page.getByLabel('募集人数').fill('1')
  await page.getByLabel('応募締切日').fill(addDays(TODAY, 45))
  await page.getByLabel('書類選考').check()
  await page.getByLabel('応募方法').fill('このサービスの「応募する」から、志望動機と履歴書をお送りください。')
  // 入札制限: rule templates are picked by their names, not typed as codes
  await page.getByRole('checkbox', { name: /勤務先・長期勤務先とその連結グループからの調達禁止/ }).check()
  await page.getByLabel('年間の任用等経費（円）').fill('4000000')
  await page.getByLabel('募集経費（円）').fill('300000')
  await expect.poll(() => missing.count(), { timeout: 15_000 }).toBe(0)
  await expect.poll(() => page.getByRole('status').filter({ hasText: '自動保存しました' }).count(), { timeout: 15_000 }).toBe(1)

  // 4. The 特別交付税 estimate (from the saved draft) and the checklist.
  const grant = page.locator('section[aria-labelledby="grant-heading"]')
  await expect.poll(() => grant.getByRole('row').count(), { timeout: 15_000 }).toBeGreaterThan(1)
  expect(await grant.innerText()).toMatch(/令和\d+年度/)
  const checklist = page.locator('section[aria-labelledby="checklist-heading"]')
  await checklist.getByRole('checkbox').first().check()
  await checklist.getByRole('button', { name: 'チェックリストを保存' }).click()
  await expect.poll(() => page.locator('#checklist-heading').textContent()).toMatch(/（1 \/ \d+）/)
  await journey.shot('journey1-3-draft-complete')

  // 5. The PDF and the Excel of the 標準募集様式.
  const pdf = await page.request.get(new URL((await page.getByTestId('pdf-link').getAttribute('href'))!, page.url()).href)
  expect(pdf.headers()['content-type']).toBe('application/pdf')
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-')
  const xlsx = await page.request.get(new URL((await page.getByRole('link', { name: 'Excel', exact: true }).getAttribute('href'))!, page.url()).href)
  expect(xlsx.status()).toBe(200)
  expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK')

  // 6. Submitted to the prefecture, after saying what follows.
  await page.getByTestId('action-submit').click()
  await confirmWith(page, '都道府県へ提出', '編集できません')
  await expect.poll(() => page.getByTestId('posting-state').textContent()).toContain('都道府県で確認中')

  // 7. The demo posting's applicants and the people who fit: ranked, explained, with the 入札制限 flag.
  await journey.nav('募集の作成')
  await page.getByRole('link', { name: `${DEMO_POSTING}の応募者・合う人材` }).click()
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('募集に合う人材')
  await expect.poll(() => page.locator('[data-candidate]').count()).toBeGreaterThan(0)
  await page.getByLabel('必須条件を満たさない人も表示する').check()
  // someone whose employer bids or contracts with 松山市 carries the flag, with its reason in the explanation
  const flagged = page
    .locator('[data-candidate]')
    .filter({ has: page.locator('[data-bid-restriction]') })
    .first()
  await expect.poll(() => flagged.count()).toBe(1)
  await flagged.getByRole('button', { name: 'スコアの説明を見る' }).click()
  await expect.poll(() => flagged.getByRole('table').innerText()).toMatch(/必須|歓迎/)
  expect(await flagged.innerText()).toContain('入札')
  await journey.shot('journey1-4-ranked')
  const watanabe = page.locator('[data-candidate]').filter({ hasText: '渡辺 明子' })

  // 8. An applicant's whole profile: experience and the companies she worked for (what 入札制限 rests on).
  await watanabe.getByRole('link', { name: 'プロフィール' }).click()
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('渡辺 明子')
  await expect.poll(() => page.getByTestId('employment-row').count()).toBeGreaterThan(0)
  expect(await page.getByTestId('employment-row').first().innerText()).toContain(ZENKOKU)
  expect(await page.getByTestId('experience').count()).toBeGreaterThan(0)
  await journey.shot('journey1-5-profile')

  // 9. The selection board: 森さん's résumé opens as the PDF she sent.
  await page.getByRole('link', { name: '応募の選考へ' }).click()
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('応募の選考')
  await page.locator('[data-status="received"]').getByRole('button', { name: /森 遥/ }).click()
  const download = page.waitForEvent('download')
  await page.getByTestId('open-resume').click()
  const file = await download
  expect(file.suggestedFilename()).toBe('森遥_履歴書.pdf')
  expect((await readFile(await file.path())).subarray(0, 5).toString()).toBe('%PDF-')

  // 10. 渡辺さん's offer becomes an appointment, after saying what follows.
  await page
    .locator('[data-status="offered"]')
    .getByRole('button', { name: /渡辺 明子/ })
    .click()
  await expect.poll(() => page.locator('#detail-heading').textContent()).toContain('渡辺 明子')
  await page.getByLabel('人材像').selectOption({ label: 'プロジェクトマネージャー' })
  await page.getByLabel('任期の開始日').fill(addDays(TODAY, 30))
  await page.getByLabel('任期の終了日').fill(addDays(TODAY, 394))
  await page.getByLabel('調達に関する助言を含む').check()
  await page.locator('[data-move="appointed"]').click()
  await journey.shot('journey1-6-appoint-confirm')
  await confirmWith(page, '「任用」にする', '入札制限の判定に使われます')
  await expect.poll(() => page.getByRole('status').filter({ hasText: '任用済み' }).count()).toBe(1)

  // 11. A procurement she advises on, and a bid by her employer: restricted, with the rule and the path.
  await journey.nav('入札制限')
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('入札制限')
  await page.getByLabel('件名').fill('住民記録システム 標準準拠システム移行支援業務')
  const participant = page.getByLabel('関わる任用者')
  await expect.poll(() => participant.locator('option', { hasText: '渡辺 明子' }).count()).toBe(1)
  await participant.selectOption({ label: (await participant.locator('option', { hasText: '渡辺 明子' }).textContent())!.trim() })
  await page.getByRole('button', { name: '登録する' }).click()
  await expect.poll(() => page.getByRole('status').filter({ hasText: '登録しました' }).count()).toBe(1)
  await page.getByLabel('入札者の法人番号（13桁）').fill(ZENKOKU)
  await page.getByLabel('判定日（空欄は今日）', { exact: true }).fill(addDays(TODAY, 60))
  await page.getByRole('button', { name: '判定する', exact: true }).click()
  const decision = page.locator('[data-decision]')
  await expect.poll(() => decision.getAttribute('data-decision')).toMatch(/^restricted/)
  expect(await decision.innerText()).toContain('デモ全国自治体システム株式会社')
  await journey.shot('journey1-7-bid-check')
  await journey.finish()
}, 180_000)
