/**
 * Journey of 入札制限: 今治市 registers a procurement that its appointee advises on and checks a bid by a subsidiary
 * of the appointee's former employer; the page shows 「制限」 with rule B2 and the path. Setup (companies, the
 * candidate's employment history, a published posting with a B2 clause, the appointment) goes through the API with
 * the demo accounts (test/e2e/session.ts); the page itself is reached by clicking from `/` (startJourney).
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { addDays, addYears, todayInJapan } from '#shared/domain/dates'
import { PostingForm } from '#shared/domain/postings/form'
import { corporateNumberOf } from '../../server/synthetic/companies.ts'
import { launchBrowser, startJourney } from './browser.ts'
import { confirmWith } from './journey-support.ts'
import { apiAs } from './session.ts'

const TODAY = todayInJapan(new Date())
const TERM_STARTS_ON = addDays(TODAY, 120)
const TERM_ENDS_ON = addDays(TODAY, 480)
const CHECK_ON = addDays(TERM_STARTS_ON, 10)

// The former employer F (left one year before the term starts: within B2's two years) and its subsidiary FS;
// K, where the appointee keeps a side job through the term (C①: its procurements are not theirs to evaluate).
const F = corporateNumberOf('870000000001')
const FS = corporateNumberOf('870000000002')
const K = corporateNumberOf('870000000003')

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

async function appointWithB2(): Promise<void> {
  const national = await apiAs('kuni.admin@example.jp')
  const imported = await national('POST', '/api/companies/import', {
    companiesCsv: `法人番号,名称\n${F},元勤務先ホールディングス株式会社\n${FS},元勤務先システムズ株式会社\n${K},兼業先コンサルティング株式会社\n`,
    linksCsv: `種別,起点の法人番号,相手の法人番号,開始日,終了日\n親子,${F},${FS},,\n`,
  })
  expect(imported.status, imported.text).toBe(200)

  const candidate = await apiAs('sato.ken@example.jp')
  await candidate('GET', '/api/candidates/me')
  const profile = await candidate('PUT', '/api/candidates/me/profile', { fullName: '佐藤 健', contactEmail: 'sato.ken@example.jp' })
  expect(profile.status, profile.text).toBe(200)
  const employments = await candidate('PUT', '/api/candidates/me/employments', {
    entries: [
      { corporateNumber: F, relationship: 'employee', startsOn: '2015-04-01', endsOn: addYears(TERM_STARTS_ON, -1) },
      { corporateNumber: K, relationship: 'side_job', startsOn: addYears(TERM_STARTS_ON, -1), endsOn: null },
    ],
  })
  expect(employments.status, employments.text).toBe(200)

  const imabari = await apiAs('imabari@example.jp')
  const form = PostingForm.parse({
    department: '情報政策課',
    contactName: '今治 花子',
    contactEmail: 'dx@imabari.example.jp',
    title: 'DX推進アドバイザー（E2E 入札制限）',
    roleId: 'producer',
    dutyAreas: [{ area: 'overall_policy', involvement: 'advise' }],
    dutyDescription: '調達への助言を行う。',
    criteria: [{ kind: 'job_type_level', importance: 'preferred', jobTypeIds: ['uiss.business_strategist'], minLevel: 4 }],
    appointmentForm: 'tokubetsushoku_hijokin',
    workDaysPer: 'week',
    workDays: 1,
    remoteAllowed: true,
    onSiteFrequency: '月1回',
    selectionSteps: ['documents'],
    sideJobAllowed: true,
    workplace: '今治市役所',
    payAmount: 30000,
    payUnit: 'daily',
    termStartsOn: TERM_STARTS_ON,
    termEndsOn: TERM_ENDS_ON,
    openings: 1,
    applicationEndsOn: addDays(TODAY, 60),
    howToApply: 'このサービスから応募してください。',
    bidRestriction: { templateIds: ['B2', 'C1'], params: {}, note: null },
  })
  const created = await imabari('POST', '/api/staff/postings', form)
  expect(created.status, created.text).toBe(201)
  const postingId = created.body.id as string
  const submitted = await imabari('POST', `/api/staff/postings/${postingId}/transitions`, { action: 'submit' })
  expect(submitted.status, submitted.text).toBe(200)
  const ehime = await apiAs('ehime.pref@example.jp')
  expect((await ehime('POST', `/api/staff/postings/${postingId}/transitions`, { action: 'forward' })).status).toBe(200)
  expect((await national('POST', `/api/staff/postings/${postingId}/transitions`, { action: 'publish' })).status).toBe(200)

  const applied = await candidate('POST', `/api/postings/${postingId}/applications`, { motivation: '調達の助言で貢献します。' })
  expect(applied.status, applied.text).toBe(201)
  const applicationId = applied.body.id as string
  for (const to of ['screening', 'interview', 'offered'] as const) {
    const moved = await imabari('POST', `/api/applications/${applicationId}/steps`, {
      to,
      interviewAt: to === 'interview' ? `${addDays(TODAY, 70)}T10:00:00+09:00` : null,
    })
    expect(moved.status, moved.text).toBe(200)
  }
  const appointed = await imabari('POST', `/api/applications/${applicationId}/steps`, {
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
}

test('今治市が調達案件を登録し、任用者の元勤務先の子会社の入札を判定すると「制限」と規則・経路が表示される', async () => {
  await appointWithB2()
  const journey = await startJourney(browser)
  const { page } = journey
  await journey.start('/')
  await journey.signIn('imabari@example.jp')
  await journey.nav('入札制限')
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('入札制限')

  await page.getByLabel('件名').fill('基幹業務システムの設計・開発')
  await expect.poll(() => page.locator('#participant option').count()).toBeGreaterThan(1)
  await page.locator('#participant').selectOption({ index: 1 })
  await page.getByLabel('入札参加が見込まれる法人の法人番号（空白・カンマ区切り）').fill(K)
  await page.getByRole('button', { name: '登録する' }).click()
  await expect.poll(() => page.getByRole('status').first().textContent()).toContain('登録しました')
  await journey.shot('bid-restrictions-1-registered')

  await page.getByLabel('入札者の法人番号（13桁）').fill(FS)
  await page.getByLabel('判定日（空欄は今日）', { exact: true }).fill(CHECK_ON)
  await page.getByRole('button', { name: '判定する', exact: true }).click()
  const decision = page.locator('[data-decision]')
  await expect.poll(() => decision.getAttribute('data-decision')).toBe('restricted')
  const text = await decision.innerText()
  expect(text).toContain('制限')
  expect(text).toContain('規則B2')
  expect(text).toContain('参考4.4-⑦ B②')
  expect(text).toContain(`入札者 元勤務先システムズ株式会社（${FS}） → 親会社 元勤務先ホールディングス株式会社（${F}）`)
  await journey.shot('bid-restrictions-2-restricted')

  // 行為の制限: evaluating proposals is part of 業者の選定行為 (手順書 参考4.4-⑦ C①), so the appointee may not
  // evaluate where the side-job company K is expected to bid.
  await page.locator('#actAppointment').selectOption({ index: 1 })
  await page.locator('#actProcurement').selectOption({ label: '基幹業務システムの設計・開発' })
  await page.getByLabel('行為', { exact: true }).selectOption({ label: '提案の審査・評価' })
  await page.getByLabel('行為の判定日（空欄は今日）').fill(CHECK_ON)
  await page.getByRole('button', { name: '行為を判定する' }).click()
  const act = page.locator('[data-act-decision]')
  await expect.poll(() => act.getAttribute('data-act-decision')).toBe('blocked')
  const actText = await act.innerText()
  expect(actText).toContain('行えません')
  expect(actText).toContain('規則C1')
  expect(actText).toContain('兼業先コンサルティング株式会社')
  await page.getByLabel('行為', { exact: true }).selectOption({ label: '許認可その他これに類する申請の処理' })
  await page.getByRole('button', { name: '行為を判定する' }).click()
  await expect.poll(() => act.getAttribute('data-act-decision')).toBe('allowed')
  await journey.shot('bid-restrictions-3-act')
  await journey.finish()
})

test('松山市が任用者の兼業先からの適用除外の申請を記録し、承認する（確認つき、条件の不足は項目を名指し）', async () => {
  const journey = await startJourney(browser)
  const { page } = journey
  await journey.start('/')
  await journey.signIn('matsuyama@example.jp')
  await journey.nav('入札制限')
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('入札制限')

  // A procurement whose specification the CIO補佐官 drafts: rule D restricts his 兼業先 デモ伊予システムズ (参考4.4-⑨).
  const title = `税務システムの仕様書作成（E2E ${Date.now().toString(36)}）`
  await page.getByLabel('件名').fill(title)
  await expect.poll(() => page.locator('#participant option').count()).toBeGreaterThan(1)
  await page.locator('#participant').selectOption({ index: 1 })
  await page.getByRole('checkbox', { name: '助言', exact: true }).uncheck()
  await page.getByRole('checkbox', { name: '仕様書作成', exact: true }).check()
  await page.getByRole('button', { name: '登録する' }).click()
  await expect.poll(() => page.getByRole('status').first().textContent()).toContain('登録しました')

  const panel = page.getByRole('region', { name: '適用除外の申請' })
  await panel.getByLabel('調達案件', { exact: true }).selectOption({ label: title })
  await panel.getByLabel('兼業者である任用者（氏名と任期）').selectOption({ index: 1 })
  await panel.getByLabel('法人の名称で検索（法人番号でも可）').fill('デモ伊予')
  await panel.getByRole('button', { name: '法人を検索' }).click()
  await panel.getByRole('radio', { name: /デモ伊予システムズ株式会社/ }).check()
  await expect.poll(() => panel.getByTestId('chosen-company').innerText()).toContain('デモ伊予システムズ株式会社')
  await panel.getByRole('button', { name: '申請を記録する' }).click()
  await expect.poll(() => panel.getByRole('alert').innerText()).toContain('(a) 仕様書等について兼業者と連絡をとっていないことの誓約が必要です。')
  await journey.shot('bid-restrictions-4-exemption-missing')

  await panel.getByRole('checkbox', { name: /\(a\) 当該調達案件の仕様書の内容等について/ }).check()
  await panel.getByRole('checkbox', { name: /\(c\) 公平性に疑義が生じた際に/ }).check()
  await panel.getByLabel(/\(b\) 仕様書作成以後における兼業者との接触履歴の提出/).setInputFiles({
    name: '接触履歴.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('仕様書作成以後、兼業者との接触はありません。', 'utf8'),
  })
  await panel.getByRole('button', { name: '申請を記録する' }).click()
  await confirmWith(page, '申請を記録する', '承認すると、この調達案件に限り規則Dによる制限が外れます')
  await expect.poll(() => panel.getByTestId('exemption-done').innerText()).toContain('審査中')
  const row = panel.getByTestId('exemption').filter({ hasText: title })
  await expect.poll(() => row.innerText()).toContain('審査中')
  expect(await row.innerText()).toContain('デモ伊予システムズ株式会社')
  await journey.shot('bid-restrictions-5-exemption-pending')

  await row.getByRole('button', { name: '承認・却下' }).click()
  await panel.getByLabel('理由', { exact: true }).fill('接触履歴を確認し、仕様書作成後の接触がないことを確かめた。')
  await panel.getByRole('button', { name: '判断を記録する' }).click()
  await confirmWith(page, '承認する', 'この調達案件に限り、この法人は規則Dによる入札制限を受けなくなります')
  await expect.poll(() => row.innerText()).toContain('承認')
  await journey.shot('bid-restrictions-6-exemption-approved')
  await journey.finish()
})
