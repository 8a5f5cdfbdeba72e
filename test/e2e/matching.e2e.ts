/**
 * Journey of matching: a candidate's profile and a 松山市 posting from the プロデューサー preset are set up through the
 * API; 松山市's staff open the posting's matches and expand a candidate's explanation (MatchScoreBreakdown), and the
 * candidate reads the same explanation among their recommendations. Signs in as the demo accounts (session.ts).
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { addDays, todayInJapan } from '#shared/domain/dates'
import { presetCriteria } from '#shared/domain/postings/presets'
import { findRole } from '#shared/domain/skill-standard/index'
import { launchBrowser, screenshot } from './browser.ts'
import { apiAs, signInAs } from './session.ts'

const TODAY = todayInJapan(new Date())
const TITLE = `CIO補佐官（マッチング E2E ${Date.now().toString(36)}）`

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** A signed-in API client (session cookie + CSRF header), for arranging data the journey then looks at. */
async function arrangeAs(email: string) {
  const call = await apiAs(email)
  return async (method: string, path: string, body?: unknown) => {
    const answer = await call(method, path, body)
    expect(answer.status, `${method} ${path}: ${answer.text}`).toBeLessThan(300)
    return answer.body as Record<string, unknown>
  }
}

test('松山市の職員が募集に合う人材を開き、候補者のスコアの説明を展開する。人材は同じ説明を自分の画面で読む', async () => {
  const baseUrl = inject('baseUrl')

  // Arrange: 手順書 参考4.4-② case L6 plus local-government work, on the national list.
  const hanako = await arrangeAs('yamada.hanako@example.jp')
  const me = await hanako('GET', '/api/candidates/me')
  await hanako('PUT', '/api/candidates/me/profile', {
    fullName: '山田 花子',
    contactEmail: 'yamada.hanako@example.jp',
    prefectureCode: '13',
    desiredRoles: ['producer'],
    availability: { days: 2, per: 'week', earliestStart: addDays(TODAY, 30), remote: 'hybrid', sideJob: true },
    regions: ['38'],
  })
  const lead = {
    id: randomUUID(),
    startsOn: '2019-04-01',
    endsOn: '2024-03-31',
    organisation: '株式会社サンプル',
    title: 'DX推進室長',
    kind: 'digital_strategy_lead',
    teamSize: 8,
    outcomes: '全社のDX戦略を立案',
    jobTypeIds: ['uiss.business_strategist'],
  }
  await hanako('PUT', '/api/candidates/me/skills', {
    exams: [{ examId: 'ST', fiscalYear: 2018, season: 'spring' }],
    experiences: [
      lead,
      {
        ...lead,
        id: randomUUID(),
        startsOn: '2024-04-01',
        endsOn: null,
        organisation: '愛媛県内の市',
        title: 'DXアドバイザー（受託）',
        kind: 'local_government',
      },
    ],
  })
  await hanako('PUT', '/api/candidates/me/consent', { pools: [{ pool: 'national', fields: ['headline', 'levels'] }] })

  // Arrange: the posting, published so the candidate can see it too.
  const matsuyama = await arrangeAs('matsuyama@example.jp')
  const posting = await matsuyama('POST', '/api/staff/postings', {
    department: '総務部 デジタル推進課',
    contactName: '松山 太郎',
    contactEmail: 'dx@city.example.jp',
    title: TITLE,
    roleId: 'producer',
    dutyAreas: [{ area: 'overall_policy', involvement: 'lead' }],
    dutyDescription: '全庁のDX推進方針の策定を支援する。',
    criteria: presetCriteria(findRole('producer')!).criteria,
    appointmentForm: 'tokubetsushoku_hijokin',
    workDaysPer: 'week',
    workDays: 2,
    hoursPerDay: 7.5,
    remoteAllowed: true,
    onSiteFrequency: '月2回',
    sideJobAllowed: true,
    workplace: '松山市役所',
    payAmount: 40000,
    payUnit: 'daily',
    travelCostsPaid: true,
    termStartsOn: addDays(TODAY, 90),
    termEndsOn: addDays(TODAY, 400),
    renewable: true,
    openings: 1,
    applicationStartsOn: TODAY,
    applicationEndsOn: addDays(TODAY, 45),
    selectionSteps: ['documents'],
    howToApply: 'メールで応募してください。',
  })
  const postingId = posting.id as string
  await matsuyama('POST', `/api/staff/postings/${postingId}/transitions`, { action: 'submit' })
  await (
    await arrangeAs('ehime.pref@example.jp')
  )('POST', `/api/staff/postings/${postingId}/transitions`, { action: 'forward' })
  await (
    await arrangeAs('kuni.admin@example.jp')
  )('POST', `/api/staff/postings/${postingId}/transitions`, { action: 'publish' })

  // 1. 松山市: the matches page ranks 山田さん with a score; expanding shows every line with its points and evidence.
  const staff = await browser.newPage({ locale: 'ja-JP' })
  await signInAs(staff, 'matsuyama@example.jp')
  await staff.goto(`${baseUrl}/staff/postings/${postingId}/matches`)
  const row = staff.locator(`[data-candidate="${me.id as string}"]`)
  await row.waitFor()
  await screenshot(staff, 'matching-1-ranked')
  const score = Number(
    await row
      .locator('[data-score]')
      .innerText()
      .then((text) => text.replace(/[^0-9]/g, '')),
  )
  expect(score).toBeGreaterThan(0)
  // On the national list, not an applicant: the name is not part of what she consented to show.
  expect(await row.locator('[data-name]').innerText()).toContain('氏名は非公開')
  const toggle = row.getByRole('button', { name: 'スコアの説明を見る' })
  await toggle.click()
  await expect.poll(() => row.getByRole('button', { name: '説明を閉じる' }).getAttribute('aria-expanded')).toBe('true')
  const table = row.getByRole('table')
  await table.waitFor()
  const text = await table.innerText()
  expect(text).toContain('ビジネスストラテジスト レベル4')
  expect(text).toContain('必須')
  expect(text).toContain('歓迎')
  expect(await row.locator('[data-total]').innerText()).toContain(`${score} /`)
  await screenshot(staff, 'matching-2-explanation')

  // 2. The candidate reads the same score among their recommendations.
  const candidate = await browser.newPage({ locale: 'ja-JP' })
  await signInAs(candidate, 'yamada.hanako@example.jp')
  await candidate.goto(`${baseUrl}/me/recommendations`)
  const item = candidate.locator(`[data-posting="${postingId}"]`)
  await item.waitFor()
  expect(await item.innerText()).toContain(`${score} 点`)
  await item.getByRole('button', { name: 'スコアの説明を見る' }).click()
  await item.getByRole('table').waitFor()
  await screenshot(candidate, 'matching-3-recommendation')
})
