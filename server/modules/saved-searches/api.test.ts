import { describe, expect, test } from 'vitest'
import { page } from '#shared/contracts/endpoint'
import { SavedSearch } from '#shared/contracts/saved-searches'
import { ErrorBody } from '#shared/errors'
import { createAndSignIn, type SignedInInject } from '../../../test/support/actors.ts'
import { startTestApp } from '../../../test/support/app.ts'
import { buildApp } from '../../app.ts'
import { testConfig } from '../../config.ts'
import { completeForm } from '../postings/test-fixtures.ts'
import { announcePublication } from './index.ts'
import { sendSavedSearchDigests } from './service.ts'

// Today is 2026-04-01 in Japan: completeForm's deadline (2026-05-31) is still open.
const now = new Date('2026-04-01T01:00:00+09:00')
const { app, engine } = await startTestApp({ clock: () => now })
const db = engine.db

const matsuyama = await createAndSignIn(app, db, { kind: 'municipality', localGovernmentCode: '382019' })
const ehime = await createAndSignIn(app, db, { kind: 'prefecture', prefectureCode: '38' })
const national = await createAndSignIn(app, db, { kind: 'national' })
const hanako = await createAndSignIn(app, db, { kind: 'candidate' })
const taro = await createAndSignIn(app, db, { kind: 'candidate' })

const URL = '/api/me/saved-searches'
const List = page(SavedSearch)

async function save(as: SignedInInject, filters: Record<string, unknown>): Promise<SavedSearch> {
  const response = await as({ method: 'POST', url: URL, payload: filters })
  expect(response.statusCode, response.body).toBe(201)
  return SavedSearch.parse(response.json())
}
async function listOf(as: SignedInInject) {
  const response = await as(URL)
  expect(response.statusCode, response.body).toBe(200)
  return List.parse(response.json())
}
function expectError(response: { statusCode: number; json: () => unknown }, status: number, code: string) {
  expect(response.statusCode).toBe(status)
  const body = ErrorBody.parse(response.json())
  expect(body.error.code).toBe(code)
  return body.error
}
async function publish(title: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const created = await matsuyama.inject({ method: 'POST', url: '/api/staff/postings', payload: { ...completeForm, title, ...overrides } })
  expect(created.statusCode, created.body).toBe(201)
  const id = created.json().id as string
  for (const [as, action] of [
    [matsuyama.inject, 'submit'],
    [ehime.inject, 'forward'],
    [national.inject, 'publish'],
  ] as const) {
    const moved = await as({ method: 'POST', url: `/api/staff/postings/${id}/transitions`, payload: { action } })
    expect(moved.statusCode, moved.body).toBe(200)
  }
  return id
}
const mailsTo = (address: string) =>
  db
    .selectFrom('mail_outbox')
    .select(['subject', 'body_text'])
    .where('to_address', '=', address)
    .where('subject', 'like', '【保存した検索条件】%')
    .orderBy('created_at')
    .orderBy('id')
    .execute()

describe('保存した検索条件: 入力の誤りと利用者', () => {
  test('誤った条件は 400 で項目を日本語で名指しし、何も保存しない', async () => {
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ role: 'wizard' }, 'role', /人材像/],
      [{ prefecture: '99' }, 'prefecture', /都道府県コード/],
      [{ q: 'あ'.repeat(101) }, 'q', /キーワード.*100文字/],
      [{ remote: 'yes' }, 'remote', /リモート/],
      [{ sidejob: 1 }, 'sidejob', /副業・兼業/],
    ]
    for (const [payload, path, message] of cases) {
      const error = expectError(await hanako.inject({ method: 'POST', url: URL, payload }), 400, 'VALIDATION_FAILED')
      expect(error.details, JSON.stringify(payload)).toEqual([{ path, message: expect.stringMatching(message) }])
    }
    expect((await listOf(hanako.inject)).total).toBe(0)
    expect(expectError(await hanako.inject({ method: 'DELETE', url: `${URL}/not-a-uuid` }), 400, 'VALIDATION_FAILED').details?.[0]?.message).toContain(
      '検索条件ID',
    )
  })

  test('ログインしていなければ 401、職員のアカウントは 403', async () => {
    expectError(await app.inject({ url: URL }), 401, 'UNAUTHENTICATED')
    expectError(await matsuyama.inject({ method: 'POST', url: URL, payload: {} }), 403, 'FORBIDDEN')
    expectError(await national.inject(URL), 403, 'FORBIDDEN')
  })

  test('同じ条件（語順・空白の違いだけ）は 409、11件目も 409', async () => {
    const first = await save(hanako.inject, { q: 'データ　活用', prefecture: '38' })
    expect(first).toMatchObject({
      filters: { q: 'データ　活用', prefecture: '38', role: null, remote: null, sidejob: null },
      prefectureName: '愛媛県',
      announced: 0,
    })
    expect(
      expectError(await hanako.inject({ method: 'POST', url: URL, payload: { q: ' 活用 データ ', prefecture: '38' } }), 409, 'CONFLICT').message,
    ).toContain('すでに保存')
    const extra: string[] = []
    for (let i = 1; i < 10; i++) extra.push((await save(hanako.inject, { q: `語${i}` })).id)
    expect(expectError(await hanako.inject({ method: 'POST', url: URL, payload: { q: '語10' } }), 409, 'CONFLICT').message).toContain('10件まで')
    expect((await listOf(hanako.inject)).total).toBe(10)
    for (const id of [first.id, ...extra]) expect((await hanako.inject({ method: 'DELETE', url: `${URL}/${id}` })).statusCode).toBe(200)
    expect((await listOf(hanako.inject)).total).toBe(0)
  })

  test('他の人の検索条件は一覧に出ず、削除しようとしても 404 で、残っている', async () => {
    const own = await save(hanako.inject, { role: 'engineer' })
    expect((await listOf(taro.inject)).items.map((item) => item.id)).not.toContain(own.id)
    expectError(await taro.inject({ method: 'DELETE', url: `${URL}/${own.id}` }), 404, 'NOT_FOUND')
    expect((await listOf(hanako.inject)).items.map((item) => item.id)).toEqual([own.id])
    expect((await hanako.inject({ method: 'DELETE', url: `${URL}/${own.id}` })).json()).toEqual({ deleted: true })
    expectError(await hanako.inject({ method: 'DELETE', url: `${URL}/${own.id}` }), 404, 'NOT_FOUND')
  })
})

describe('保存した検索条件: 毎日・毎週のお知らせ（一致度つき）', () => {
  const digests = (at: Date) => sendSavedSearchDigests({ db, clock: () => at, publicUrl: 'http://localhost:3000' })
  const scoreOf = async (as: SignedInInject, postingId: string) => {
    const response = await as(`/api/me/postings/${postingId}/match`)
    expect(response.statusCode, response.body).toBe(200)
    return (response.json() as { score: number }).score
  }

  test('公開では送らず、次のお知らせで本人に1通: 合った募集とリンク、あなたとの一致度、秘密なし', async () => {
    await hanako.inject({ method: 'PUT', url: '/api/candidates/me/profile', payload: { fullName: '保存 花子' } })
    const matching = await save(hanako.inject, { role: 'producer', prefecture: '38', q: '補佐官' })
    await save(taro.inject, { prefecture: '13' })
    await save(taro.inject, { q: 'ガバメントクラウド' })
    const first = await publish('CIO補佐官（保存した検索条件）')
    const second = await publish('CIO補佐官（二つ目）')
    expect(await mailsTo(hanako.account.email)).toHaveLength(0)
    expect((await listOf(hanako.inject)).items.find((item) => item.id === matching.id)).toMatchObject({ frequency: 'daily', pending: 2, announced: 0 })

    expect(await digests(now)).toBe(1)
    const mails = await mailsTo(hanako.account.email)
    expect(mails).toHaveLength(1)
    expect(mails[0]!.subject).toBe('【保存した検索条件】毎日のお知らせ: 新しい募集2件')
    const text = mails[0]!.body_text
    expect(text).toContain('人材像: プロデューサー（CIO補佐官等） / 地域: 愛媛県 / キーワード「補佐官」')
    expect(text).toContain('愛媛県松山市「CIO補佐官（保存した検索条件）」')
    expect(text).toContain(`/postings/${first}`)
    expect(text).toContain(`/postings/${second}`)
    expect(text).toContain(`あなたとの一致度: ${await scoreOf(hanako.inject, first)}点`)
    expect(text).toContain('/me/saved-searches')
    expect(text).not.toMatch(/token|パスワード/i)
    expect(await mailsTo(taro.account.email)).toHaveLength(0)
    expect((await listOf(hanako.inject)).items.find((item) => item.id === matching.id)).toMatchObject({ pending: 0, announced: 2 })

    // A third match the same day waits for tomorrow's mail: one mail per search per day.
    const third = await publish('CIO補佐官（三つ目）')
    expect(await digests(new Date('2026-04-01T23:00:00+09:00'))).toBe(0)
    expect(await digests(new Date('2026-04-02T07:00:00+09:00'))).toBe(1)
    const later = await mailsTo(hanako.account.email)
    expect(later).toHaveLength(2)
    expect(later[1]!.subject).toContain('新しい募集1件')
    expect(later[1]!.body_text).toContain(`/postings/${third}`)
    expect(later[1]!.body_text).not.toContain(`/postings/${first}`)
    for (const item of (await listOf(hanako.inject)).items) await hanako.inject({ method: 'DELETE', url: `${URL}/${item.id}` })
  })

  test('毎週を選ぶと、その週（月曜から）に1通だけ。頻度は一覧から変えられ、他の人の条件は 404', async () => {
    const weekly = await save(hanako.inject, { q: '週報', frequency: 'weekly' })
    expect(weekly.frequency).toBe('weekly')
    const daily = await save(hanako.inject, { q: '日報' })
    const changed = await hanako.inject({ method: 'PATCH', url: `${URL}/${daily.id}`, payload: { frequency: 'weekly' } })
    expect(changed.statusCode, changed.body).toBe(200)
    expect(SavedSearch.parse(changed.json()).frequency).toBe('weekly')
    expectError(await taro.inject({ method: 'PATCH', url: `${URL}/${daily.id}`, payload: { frequency: 'daily' } }), 404, 'NOT_FOUND')
    expect(
      expectError(await hanako.inject({ method: 'PATCH', url: `${URL}/${daily.id}`, payload: { frequency: 'hourly' } }), 400, 'VALIDATION_FAILED').details?.[0]
        ?.message,
    ).toContain('毎日')

    const before = (await mailsTo(hanako.account.email)).length
    await publish('週報と日報の募集A')
    expect(await digests(new Date('2026-04-01T09:00:00+09:00'))).toBe(2) // Wednesday: one mail for each search
    await publish('週報と日報の募集B')
    expect(await digests(new Date('2026-04-03T09:00:00+09:00'))).toBe(0) // Friday: same week
    expect(await digests(new Date('2026-04-05T23:59:00+09:00'))).toBe(0) // Sunday: same week
    expect(await digests(new Date('2026-04-06T00:10:00+09:00'))).toBe(2) // Monday: the next week
    const mails = (await mailsTo(hanako.account.email)).slice(before)
    expect(mails.map((mail) => mail.subject)).toEqual(Array(4).fill('【保存した検索条件】毎週のお知らせ: 新しい募集1件'))
    for (const item of (await listOf(hanako.inject)).items) await hanako.inject({ method: 'DELETE', url: `${URL}/${item.id}` })
  })

  test('二つのサーバーが同時にお知らせを送っても、検索条件ごと期間ごとに1通; スキルプロフィールがなければ一致度の代わりに案内', async () => {
    const before = (await mailsTo(taro.account.email)).length
    await save(taro.inject, { q: '同時' })
    await publish('同時に送る募集')
    const second = await buildApp({ config: testConfig(), db, clock: () => now })
    try {
      await db
        .updateTable('job_schedule')
        .set({ next_run_at: new Date(0), lease_until: null })
        .where('name', '=', 'saved-searches.digest')
        .execute()
      // both instances' job runners and a third sender that ignores the schedule, all at once
      const [ranHere, ranThere] = await Promise.all([app.jobs.runDue(), second.jobs.runDue(), digests(now)])
      expect([...ranHere, ...ranThere].filter((name) => name === 'saved-searches.digest')).toHaveLength(1)
    } finally {
      await second.close()
    }
    const mails = (await mailsTo(taro.account.email)).slice(before)
    expect(mails).toHaveLength(1)
    expect(mails[0]!.body_text).toContain('スキルプロフィールを登録すると、各募集との一致度もお知らせします。')
    expect(mails[0]!.body_text).not.toContain('一致度:')
  })

  test('同じ募集の公開を二度知らせても、検索条件ごとに1回だけ記録する', async () => {
    const search = await save(taro.inject, { q: '二度' })
    const id = await publish('二度知らせる募集')
    const facts = {
      id,
      title: '二度知らせる募集',
      municipality: { code: '382019', name: '松山市', nameKana: 'まつやまし', prefectureCode: '38', prefectureName: '愛媛県', population: null },
      roleId: null,
      remoteAllowed: null,
      sideJobAllowed: null,
      applicationEndsOn: null,
      searchText: '二度知らせる募集',
    }
    const counts = await Promise.all([1, 2].map(() => db.transaction().execute((tx) => announcePublication({ clock: () => now }, tx, facts))))
    expect(counts).toEqual([0, 0]) // the publication itself recorded it
    expect((await listOf(taro.inject)).items.find((item) => item.id === search.id)?.pending).toBe(1)
  })

  test('削除した検索条件には届かず、アカウントを削除すると検索条件も消える', async () => {
    for (const item of (await listOf(hanako.inject)).items) await hanako.inject({ method: 'DELETE', url: `${URL}/${item.id}` })
    const gone = await save(hanako.inject, { q: '削除後' })
    await hanako.inject({ method: 'DELETE', url: `${URL}/${gone.id}` })
    const before = (await mailsTo(hanako.account.email)).length
    await publish('削除後に公開する募集')
    expect((await mailsTo(hanako.account.email)).length).toBe(before)

    const leaving = await createAndSignIn(app, db, { kind: 'candidate' })
    await save(leaving.inject, { q: '退会' })
    // the person's own data export carries the search before the account goes
    await leaving.inject({ method: 'PUT', url: '/api/candidates/me/profile', payload: { fullName: '退会 予定' } })
    const exported = await leaving.inject('/api/candidates/me/export')
    expect(exported.statusCode, exported.body).toBe(200)
    expect(exported.json().savedSearches).toEqual([
      {
        filters: { q: '退会', role: null, prefecture: null, remote: null, sidejob: null },
        frequency: 'daily',
        announced: 0,
        pending: 0,
        createdAt: expect.any(String),
      },
    ])
    const deleted = await leaving.inject({ method: 'DELETE', url: '/api/candidates/me' })
    expect(deleted.statusCode, deleted.body).toBe(200)
    expect(await db.selectFrom('saved_search').select('id').where('account_id', '=', leaving.account.id).execute()).toEqual([])
  })
})
