/**
 * Journey 2 (都道府県の担当者), by clicking alone from `/`: return a submitted posting with a comment and forward
 * another to 国; the dashboard of the prefecture's municipalities; the talent pool's listings and a new pool whose
 * members are picked by name; 松山市's dispatch request approved with the expert and the day; a joint
 * appointment (共同任用) of two towns picked by name.
 * Arranged through the API beforehand: 松山市 submits two postings; 松山市 asks for a dispatch.
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { addDays, todayInJapan } from '#shared/domain/dates'
import { completeForm } from '../../server/modules/postings/test-fixtures.ts'
import { launchBrowser, startJourney } from './browser.ts'
import { confirmWith } from './journey-support.ts'
import { apiAs } from './session.ts'

const TODAY = todayInJapan(new Date())
const RUN = Date.now().toString(36)
const TO_RETURN = `DX推進アドバイザー（差戻し E2E ${RUN}）`
const TO_FORWARD = `データ利活用アドバイザー（送付 E2E ${RUN}）`
const TOPIC = `窓口のオンライン化の進め方（県 E2E ${RUN}）`
const POOL = `南予DX人材バンク（E2E ${RUN}）`
const JOINT = `共同CIO補佐官（E2E ${RUN}）`

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
  const matsuyama = await apiAs('matsuyama@example.jp')
  for (const title of [TO_RETURN, TO_FORWARD]) {
    const draft = await matsuyama('POST', '/api/staff/postings', {
      ...completeForm,
      title,
      termStartsOn: addDays(TODAY, 90),
      termEndsOn: addDays(TODAY, 400),
      applicationStartsOn: TODAY,
      applicationEndsOn: addDays(TODAY, 45),
    })
    expect(draft.status, draft.text).toBe(201)
    const submitted = await matsuyama('POST', `/api/staff/postings/${draft.body.id}/transitions`, { action: 'submit' })
    expect(submitted.status, submitted.text).toBe(200)
  }
  // 松山市 has used none of its dispatches (今治市 and 内子町 are counted by the landing journey)
  const menus = await matsuyama('GET', '/api/sharing/dispatch/menus')
  expect(menus.status, menus.text).toBe(200)
  const asked = await matsuyama('POST', '/api/sharing/dispatch/requests', {
    menuId: menus.body.items[0].id,
    topic: TOPIC,
    preferredDates: [addDays(TODAY, 20)],
    mode: 'online',
  })
  expect(asked.status, asked.text).toBeLessThan(300)
})
afterAll(async () => {
  await browser?.close()
})

test('都道府県の担当者が、募集を差し戻し・送付し、管内の状況を見て、人材バンク・派遣・共同任用を扱う', async () => {
  const journey = await startJourney(browser)
  const { page } = journey
  await journey.start('/')
  await journey.signIn('ehime.pref@example.jp')
  await expect.poll(() => page.getByRole('region', { name: '確認を待っている募集' }).innerText()).toContain(TO_RETURN)

  // 1. Return one with a comment: the dialog says what follows; the comment stays in the history.
  await journey.nav('募集の確認')
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('募集の確認（都道府県）')
  await page.getByRole('link', { name: TO_RETURN, exact: true }).click()
  await expect.poll(() => page.getByTestId('posting-state').textContent()).toContain('都道府県で確認中')
  expect(await page.locator('main').innerText()).toContain('松山市')
  await page.getByLabel('コメント（差し戻すときは必須）').fill('報酬の根拠（日額の算定）を応募方法の欄に書き添えてください。')
  await page.getByTestId('action-return').click()
  await journey.shot('journey2-1-return-confirm')
  await confirmWith(page, '差し戻す', 'コメントが担当者に届きます')
  await expect.poll(() => page.getByTestId('posting-state').textContent()).toContain('差戻し')
  expect(await page.getByRole('heading', { name: '手続の履歴' }).locator('..').innerText()).toContain('報酬の根拠')

  // 2. Forward the other to 国.
  await page.getByRole('link', { name: '募集の一覧へ戻る' }).click()
  await page.getByRole('link', { name: TO_FORWARD, exact: true }).click()
  await page.getByTestId('action-forward').click()
  await confirmWith(page, '国へ送付', '国の担当者が確認して公開します')
  await expect.poll(() => page.getByTestId('posting-state').textContent()).toContain('国で確認中')
  await journey.shot('journey2-2-forwarded')

  // 3. The dashboard of the municipalities.
  await journey.nav('市区町村の状況')
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('市区町村の外部デジタル人材の状況')
  await expect.poll(() => page.locator('tr[data-code="382019"]').innerText()).toContain('松山市')
  await journey.shot('journey2-3-dashboard')

  // 4. The pool's listings, and a new pool whose members are picked by name (not typed as 団体コード).
  await journey.nav('人材バンク')
  await page.getByRole('button', { name: '登録者を見る' }).first().click()
  await expect.poll(() => page.locator('#listings-heading').textContent()).toContain('えひめDX人材バンク')
  await page.getByLabel('名称', { exact: true }).fill(POOL)
  const members = page.getByLabel('構成団体（名前かよみがなで検索）')
  await members.fill('うちこ')
  await page.getByRole('button', { name: /愛媛県 内子町/ }).click()
  await members.fill('久万高原')
  await page.getByRole('button', { name: /愛媛県 久万高原町/ }).click()
  expect(await page.getByRole('list', { name: '選んだ構成団体' }).innerText()).toMatch(/内子町[\s\S]*久万高原町/)
  await journey.shot('journey2-4-pool-members')
  await page.getByRole('button', { name: '開設する' }).click()
  await expect
    .poll(() =>
      page
        .getByRole('status')
        .filter({ hasText: `人材バンク「${POOL}」を開設しました` })
        .count(),
    )
    .toBe(1)

  // 5. 松山市's dispatch request: approved with the expert and the day.
  await journey.nav('専門家の派遣')
  const request = page.locator(`tr[data-request="${TOPIC}"]`)
  await expect.poll(() => request.innerText()).toContain('松山市')
  await request.getByLabel('専門家').selectOption({ index: 1 })
  await request.getByLabel('実施日').fill(addDays(TODAY, 20))
  await request.getByRole('button', { name: '承認する' }).click()
  await expect.poll(() => request.innerText()).toContain('承認済み')
  await journey.shot('journey2-5-dispatch-approved')

  // 6. A joint appointment of 内子町 and 久万高原町, the towns picked by name.
  await journey.nav('共有・共同任用')
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('共有任用・共同任用')
  const form = page.locator('section[aria-labelledby="new-heading"]')
  await form.getByLabel('共同任用（時間と費用を按分）').check()
  await expect.poll(() => form.locator('#apTalent option').count()).toBeGreaterThan(1)
  await form.locator('#apTalent').selectOption({ label: 'デモ 二宮 修' })
  await form.getByLabel('職名').fill(JOINT)
  await form.getByLabel('任期（開始）').fill(addDays(TODAY, 60))
  await form.getByLabel('任期（終了）').fill(addDays(TODAY, 424))
  await form.getByLabel('週あたり日数（全体）').fill('1')
  await form.getByLabel('年間費用（円）').fill('3000000')
  await form.getByLabel('1つ目の団体（名前かよみがなで検索）').fill('内子')
  await form.getByRole('button', { name: /愛媛県 内子町/ }).click()
  await form.locator('#pct-0').fill('50')
  await form.locator('#cost-0').fill('1500000')
  await form.getByRole('button', { name: '団体を追加' }).click()
  await form.getByLabel('2つ目の団体（名前かよみがなで検索）').fill('くまこうげん')
  await form.getByRole('button', { name: /愛媛県 久万高原町/ }).click()
  await form.locator('#pct-1').fill('50')
  await form.locator('#cost-1').fill('1500000')
  await journey.shot('journey2-6-joint-form')
  await form.getByRole('button', { name: '登録する' }).click()
  await expect
    .poll(() =>
      page
        .getByRole('status')
        .filter({ hasText: `「${JOINT}」を登録しました` })
        .count(),
    )
    .toBe(1)
  const card = page.locator('article', { has: page.getByRole('heading', { name: new RegExp(JOINT.replace(/[()（）]/g, '.')) }) })
  await expect.poll(() => card.innerText()).toContain('内子町: 時間 50%')
  expect(await card.innerText()).toContain('久万高原町: 時間 50%')
  await journey.finish()
}, 180_000)
