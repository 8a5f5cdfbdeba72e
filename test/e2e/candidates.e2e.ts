/**
 * Journey of a candidate: a candidate fills a profile, sees a derived level, applies; 松山市 moves the application to
 * 任用; the appointment exists. Signs in as the demo accounts (session.ts); the posting is published through the API
 * by 松山市 → 愛媛県 → 国.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchBrowser, screenshot } from './browser.ts'
import { addDays } from '#shared/domain/dates'
import { publishPosting, TERM_ENDS_ON, TERM_STARTS_ON, TODAY } from './after-match-fixtures.ts'
import { confirmWith } from './journey-support.ts'
import { apiAs, signInAs } from './session.ts'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

test('人材がプロフィールを登録してレベルを確かめ、応募し、松山市が任用まで進める', async () => {
  const postingId = await publishPosting('CIO補佐官（E2E）')

  // ── the candidate ────────────────────────────────────────────────────────────────────────────────────────
  const candidatePage = await browser.newPage({ locale: 'ja-JP' })
  // the demo's newcomer: signed up, profile still empty
  await signInAs(candidatePage, 'tanaka.jun@example.jp')
  await candidatePage.goto(`${inject('baseUrl')}/candidates/me`)
  await expect.poll(() => candidatePage.getByRole('heading', { level: 1 }).textContent()).toBe('マイプロフィール')
  await candidatePage.locator('#fullName').fill('田中 純')
  await candidatePage.locator('#contactEmail').fill('tanaka.jun@example.jp')
  await candidatePage.locator('#headline').fill('自治体DXの戦略立案を支援します')
  await candidatePage.getByRole('button', { name: '基本情報を保存' }).click()
  await expect.poll(() => candidatePage.getByRole('status').first().textContent()).toContain('基本情報を保存しました')

  // ITストラテジスト found by its reading, plus 5 years tagged ビジネスストラテジスト → L4 (手順書 参考4.4-② case L6)
  await candidatePage.getByLabel(/資格・試験を検索/).fill('すとらてじすと')
  await candidatePage.locator('[data-certification="ST"]').click()
  await candidatePage.getByLabel('合格年度 1').fill('2018')
  await candidatePage.getByRole('button', { name: '経験を追加' }).click()
  await candidatePage.getByLabel('経験1の開始日').fill('2019-04-01')
  await candidatePage.getByLabel('経験1の終了日').fill('2024-03-31')
  await candidatePage.getByLabel('経験1の組織').fill('株式会社サンプル')
  await candidatePage.getByLabel('経験1の役職').fill('DX推進室長')
  await candidatePage
    .getByRole('group', { name: /経験1に対応する職種/ })
    .getByRole('checkbox', { name: 'UISS ビジネスストラテジスト' })
    .check()
  const preview = candidatePage.locator('[data-job-type="uiss.business_strategist"]')
  await expect.poll(() => preview.textContent()).toContain('レベル4')
  await screenshot(candidatePage, 'candidates-1-level-preview')
  await candidatePage.getByRole('button', { name: '資格・経験を保存' }).click()
  await expect.poll(() => candidatePage.getByRole('status').first().textContent()).toContain('資格・経験を保存しました')
  expect(await preview.textContent()).toContain('試験＋経験')

  await candidatePage.goto(`${inject('baseUrl')}/postings/${postingId}/apply`)
  await candidatePage.getByLabel(/志望動機/).fill('松山市のDXに、戦略立案の経験で貢献したいと考えています。')
  await candidatePage.getByRole('button', { name: '応募する' }).click()
  await candidatePage.waitForURL(/\/applications$/)
  await expect.poll(() => candidatePage.locator('main').innerText()).toContain('応募受付')
  await screenshot(candidatePage, 'candidates-2-applied')

  // ── 松山市 ───────────────────────────────────────────────────────────────────────────────────────────────
  const staffPage = await browser.newPage({ locale: 'ja-JP' })
  await signInAs(staffPage, 'matsuyama@example.jp')
  await staffPage.goto(`${inject('baseUrl')}/applications/board`)
  await staffPage.locator('[data-status="received"] [data-application]').filter({ hasText: 'CIO補佐官（E2E）' }).click()
  await staffPage.locator('[data-move="screening"]').click()
  await expect.poll(() => staffPage.locator('#detail-heading').textContent()).toContain('書類選考')
  await staffPage.locator('#interviewAt').fill(`${addDays(TODAY, 70)}T10:00`)
  await staffPage.locator('[data-move="interview"]').click()
  await expect.poll(() => staffPage.locator('#detail-heading').textContent()).toContain('面接')
  await staffPage.locator('[data-move="offered"]').click()
  await expect.poll(() => staffPage.locator('#detail-heading').textContent()).toContain('内定')
  await staffPage.locator('#termStartsOn').fill(TERM_STARTS_ON)
  await staffPage.locator('#termEndsOn').fill(TERM_ENDS_ON)
  await staffPage.getByLabel('調達に関する助言を含む').check()
  await staffPage.locator('[data-move="appointed"]').click()
  // the appointment is final: the board says what follows first
  await confirmWith(staffPage, '「任用」にする', '入札制限の判定に使われます')
  await expect.poll(() => staffPage.locator('#detail-heading').textContent()).toContain('任用')
  await screenshot(staffPage, 'candidates-3-appointed')

  const matsuyama = await apiAs('matsuyama@example.jp')
  const appointments = await matsuyama('GET', '/api/appointments')
  expect(appointments.status).toBe(200)
  // the demo world has 松山市's CIO補佐官 appointed already; this one is the journey's
  expect(appointments.body.items.filter((item: { postingId: string }) => item.postingId === postingId)).toHaveLength(1)
  expect(appointments.body.items.find((item: { postingId: string }) => item.postingId === postingId)).toMatchObject({
    postingId,
    municipalityCode: '382019',
    advisesOnProcurement: true,
    startsOn: TERM_STARTS_ON,
  })

  await candidatePage.goto(`${inject('baseUrl')}/applications`)
  await expect.poll(() => candidatePage.locator('main').innerText()).toContain('任用')
  await candidatePage.close()
  await staffPage.close()
})
