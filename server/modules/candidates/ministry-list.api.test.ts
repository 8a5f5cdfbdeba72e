import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, test } from 'vitest'
import { ListingCandidate, OwnCandidateProfile, StaffCandidateView } from '#shared/contracts/candidates'
import { CandidateMatchPage } from '#shared/contracts/matching'
import { StaffPosting } from '#shared/contracts/postings'
import { ErrorBody } from '#shared/errors'
import { createAndSignIn, type SignedInInject } from '../../../test/support/actors.ts'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { completeForm } from '../postings/test-fixtures.ts'

// 総務省 外部人材リスト (手順書 参考4.4-⑤): national administrators record a selection; staff see and match on it.
const NOW = new Date('2026-11-24T03:00:00Z')
const form = {
  ...completeForm,
  termStartsOn: '2027-04-01',
  termEndsOn: '2028-03-31',
  applicationStartsOn: '2026-11-24',
  applicationEndsOn: '2027-01-31',
}

let t: TestApp
let national: SignedInInject
let nationalId: string
let matsuyama: SignedInInject
let listedId: string
let unlistedId: string
let privateId: string

async function makeCandidate(fullName: string, email: string, pools: string[]): Promise<{ id: string; inject: SignedInInject }> {
  const { inject } = await createAndSignIn(t.app, t.engine.db, { kind: 'candidate' })
  const profile = await inject({
    method: 'PUT',
    url: '/api/candidates/me/profile',
    payload: {
      fullName,
      fullNameKana: null,
      contactEmail: email,
      prefectureCode: '38',
      headline: 'デモではない試験用の人材',
      desiredRoles: ['producer'],
      desiredAppointmentForms: [],
      availability: { days: 2, per: 'week', earliestStart: null, remote: 'hybrid', sideJob: true },
      regions: ['38'],
    },
  })
  expect(profile.statusCode, profile.body).toBe(200)
  const consent = await inject({
    method: 'PUT',
    url: '/api/candidates/me/consent',
    payload: { pools: pools.map((pool) => ({ pool, fields: ['headline', 'levels', 'roles'] })) },
  })
  expect(consent.statusCode, consent.body).toBe(200)
  return { id: OwnCandidateProfile.parse(consent.json()).id, inject }
}

function expectError(response: { statusCode: number; json: () => unknown }, status: number, code: string): string {
  expect(response.statusCode).toBe(status)
  const body = ErrorBody.parse(response.json())
  expect(body.error.code).toBe(code)
  return JSON.stringify(body.error)
}

const SELECTION = { roles: ['producer', 'engineer'], trainingCompleted: true, fiscalYear: 2025, reason: '令和7年度 総務省 選定結果の通知' }

let listed: SignedInInject

beforeAll(async () => {
  t = await startTestApp({ clock: () => NOW })
  const admin = await createAndSignIn(t.app, t.engine.db, { kind: 'national' })
  national = admin.inject
  nationalId = admin.account.id
  ;({ inject: matsuyama } = await createAndSignIn(t.app, t.engine.db, { kind: 'municipality', localGovernmentCode: '382019' }))
  ;({ id: listedId, inject: listed } = await makeCandidate('選定 一郎', 'ichiro.sentei@example.jp', ['national']))
  ;({ id: unlistedId } = await makeCandidate('選定 次郎', 'jiro.sentei@example.jp', ['national']))
  ;({ id: privateId } = await makeCandidate('選定 三郎', 'saburo.sentei@example.jp', ['38']))
})

describe('国の担当者が外部人材リストへの選定を記録する', () => {
  test('氏名・メールアドレスで探せるのは全国リストへの掲載に同意した人だけ', async () => {
    const byName = await national('/api/admin/ministry-list?q=選定')
    expect(byName.statusCode, byName.body).toBe(200)
    const ids = byName.json().items.map((item: ListingCandidate) => item.id)
    expect(ids).toEqual(expect.arrayContaining([listedId, unlistedId]))
    expect(ids).not.toContain(privateId)
    const byMail = (await national('/api/admin/ministry-list?q=ICHIRO.SENTEI')).json()
    expect(byMail.items.map((item: ListingCandidate) => item.id)).toEqual([listedId])
    expect(byMail.items[0].ministryListing).toBeNull()
    // A LIKE wildcard is searched as itself.
    expect((await national('/api/admin/ministry-list?q=%25')).json().total).toBe(0)
  })

  test('記録すると監査ログに誰が・なぜ・前後の内容が残り、訂正もできる', async () => {
    const recorded = await national({ method: 'PUT', url: `/api/admin/ministry-list/${listedId}`, payload: SELECTION })
    expect(recorded.statusCode, recorded.body).toBe(200)
    expect(ListingCandidate.parse(recorded.json())).toMatchObject({
      id: listedId,
      ministryListing: { roles: ['producer', 'engineer'], trainingCompleted: true, fiscalYear: 2025 },
      reason: SELECTION.reason,
    })
    const corrected = await national({
      method: 'PUT',
      url: `/api/admin/ministry-list/${listedId}`,
      payload: { ...SELECTION, roles: ['producer'], reason: '人材像の誤記を訂正' },
    })
    expect(corrected.statusCode, corrected.body).toBe(200)
    const events = await t.engine.db
      .selectFrom('audit_event')
      .select(['action', 'actor_kind', 'actor_user_id', 'details'])
      .where('target_id', '=', listedId)
      .where('action', 'like', 'candidate.ministry_listing_%')
      .orderBy('occurred_at')
      .execute()
    expect(events.map((event) => event.action)).toEqual(['candidate.ministry_listing_recorded', 'candidate.ministry_listing_corrected'])
    expect(events.every((event) => event.actor_kind === 'national' && event.actor_user_id === nationalId)).toBe(true)
    expect(events[1]!.details).toMatchObject({
      before: { roles: ['producer', 'engineer'] },
      after: { roles: ['producer'], trainingCompleted: true, fiscalYear: 2025 },
      reason: '人材像の誤記を訂正',
    })
  })

  test('本人は自分のプロフィールで、職員は人材の表示で選定を見る', async () => {
    const own = OwnCandidateProfile.parse((await listed('/api/candidates/me')).json())
    expect(own.ministryListing).toEqual({ roles: ['producer'], trainingCompleted: true, fiscalYear: 2025 })
    const { inject: prefecture } = await createAndSignIn(t.app, t.engine.db, { kind: 'national' })
    const view = StaffCandidateView.parse((await prefecture(`/api/candidates/${listedId}`)).json())
    expect(view.ministryListing).toEqual({ roles: ['producer'], trainingCompleted: true, fiscalYear: 2025 })
  })

  test('国の担当者以外は 403、同意していない人・存在しない人は 404', async () => {
    const { inject: prefecture } = await createAndSignIn(t.app, t.engine.db, { kind: 'prefecture', prefectureCode: '38' })
    for (const other of [matsuyama, prefecture, listed]) {
      expectError(await other('/api/admin/ministry-list?q=選定'), 403, 'FORBIDDEN')
      expectError(await other({ method: 'PUT', url: `/api/admin/ministry-list/${unlistedId}`, payload: SELECTION }), 403, 'FORBIDDEN')
    }
    expectError(await national({ method: 'PUT', url: `/api/admin/ministry-list/${privateId}`, payload: SELECTION }), 404, 'NOT_FOUND')
    expectError(await national({ method: 'PUT', url: `/api/admin/ministry-list/${randomUUID()}`, payload: SELECTION }), 404, 'NOT_FOUND')
    const rows = await t.engine.db.selectFrom('candidate_ministry_listing').select('candidate_id').execute()
    expect(rows.map((row) => row.candidate_id)).toEqual([listedId])
  })

  test('誤った入力は 400 で項目を日本語で名指しし、何も保存しない', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ...SELECTION, roles: [] }, '選定された人材像'],
      [{ ...SELECTION, roles: ['cio'] }, '選定された人材像'],
      [{ ...SELECTION, roles: ['producer', 'producer'] }, '選定された人材像'],
      [{ ...SELECTION, fiscalYear: 2019 }, '選定年度'],
      [{ ...SELECTION, fiscalYear: '令和7' }, '選定年度'],
      [{ ...SELECTION, trainingCompleted: 'yes' }, '研修の修了'],
      [{ ...SELECTION, reason: '  ' }, '記録の理由'],
    ]
    for (const [payload, label] of cases) {
      const text = expectError(await national({ method: 'PUT', url: `/api/admin/ministry-list/${unlistedId}`, payload }), 400, 'VALIDATION_FAILED')
      expect(text).toContain(label)
    }
    const found = (await national('/api/admin/ministry-list?q=jiro.sentei')).json()
    expect(found.items[0].ministryListing).toBeNull()
  })
})

let postingId: string

describe('募集の条件「総務省 外部人材リスト」', () => {
  test('人材像を指定した条件は、その人材像で選定された人だけが満たし、順位表に表示される', async () => {
    const created = await matsuyama({
      method: 'POST',
      url: '/api/staff/postings',
      payload: {
        ...form,
        criteria: [
          { kind: 'ministry_listing', importance: 'required', roleId: 'producer', note: null },
          {
            kind: 'any_of',
            importance: 'preferred',
            alternatives: [
              { kind: 'ministry_listing', roleId: 'engineer' },
              { kind: 'certification', certificationIds: ['ST'] },
            ],
            note: null,
          },
        ],
      },
    })
    expect(created.statusCode, created.body).toBe(201)
    const posting = StaffPosting.parse(created.json())
    postingId = posting.id
    expect(posting.form.criteria[0]).toMatchObject({ kind: 'ministry_listing', roleId: 'producer' })
    const page = CandidateMatchPage.parse((await matsuyama(`/api/postings/${postingId}/matches?includeIneligible=true`)).json())
    const mine = page.items.find((item) => item.candidateId === listedId)!
    const other = page.items.find((item) => item.candidateId === unlistedId)!
    expect(mine).toMatchObject({ eligible: true, ministryListing: { roles: ['producer'], fiscalYear: 2025 } })
    expect(mine.criteria[0]).toMatchObject({ kind: 'ministry_listing', status: 'met', label: '総務省 外部人材リスト登録（プロデューサー）' })
    expect(mine.criteria[0]!.evidence[0]!.text).toContain('令和7年度選定')
    // Selected as a producer only: the any-of row's engineer alternative is not met.
    expect(mine.criteria.find((line) => line.kind === 'any_of')).toMatchObject({ status: 'not_met' })
    expect(other).toMatchObject({ eligible: false, ministryListing: null })
    expect(other.gaps[0]!.message).toContain('総務省 外部人材リスト登録（プロデューサー）')
    expect(page.items.map((item) => item.candidateId)[0]).toBe(listedId)
  })

  test('訂正は次の順位付けに反映される', async () => {
    const corrected = await national({ method: 'PUT', url: `/api/admin/ministry-list/${listedId}`, payload: { ...SELECTION, roles: ['engineer'] } })
    expect(corrected.statusCode).toBe(200)
    const page = CandidateMatchPage.parse((await matsuyama(`/api/postings/${postingId}/matches?includeIneligible=true`)).json())
    const mine = page.items.find((item) => item.candidateId === listedId)!
    expect(mine.eligible).toBe(false)
    expect(mine.criteria.find((line) => line.kind === 'any_of')).toMatchObject({ status: 'met' })
  })

  test('人材像が一覧にない条件は 400 で名指しされる', async () => {
    const response = await matsuyama({
      method: 'POST',
      url: '/api/staff/postings',
      payload: { ...form, criteria: [{ kind: 'ministry_listing', importance: 'required', roleId: 'cio', note: null }] },
    })
    expect(expectError(response, 400, 'VALIDATION_FAILED')).toContain('外部人材リストの人材像')
  })
})

describe('掲載の取り下げ', () => {
  test('国の担当者以外は取り下げられず、理由のない取り下げは 400', async () => {
    for (const other of [matsuyama, listed]) {
      expectError(await other({ method: 'POST', url: `/api/admin/ministry-list/${listedId}/withdrawal`, payload: { reason: '誤登録' } }), 403, 'FORBIDDEN')
    }
    const text = expectError(
      await national({ method: 'POST', url: `/api/admin/ministry-list/${listedId}/withdrawal`, payload: { reason: ' ' } }),
      400,
      'VALIDATION_FAILED',
    )
    expect(text).toContain('記録の理由')
    expect(OwnCandidateProfile.parse((await listed('/api/candidates/me')).json()).ministryListing).not.toBeNull()
  })

  test('取り下げると本人の表示・条件の判定から消え、監査ログに取り下げた内容と理由が残る', async () => {
    const withdrawn = await national({
      method: 'POST',
      url: `/api/admin/ministry-list/${listedId}/withdrawal`,
      payload: { reason: '総務省から掲載終了の連絡' },
    })
    expect(withdrawn.statusCode, withdrawn.body).toBe(200)
    expect(ListingCandidate.parse(withdrawn.json())).toMatchObject({ id: listedId, ministryListing: null, reason: null })
    expect(OwnCandidateProfile.parse((await listed('/api/candidates/me')).json()).ministryListing).toBeNull()
    const event = await t.engine.db
      .selectFrom('audit_event')
      .select(['actor_user_id', 'details'])
      .where('target_id', '=', listedId)
      .where('action', '=', 'candidate.ministry_listing_withdrawn')
      .executeTakeFirstOrThrow()
    expect(event.actor_user_id).toBe(nationalId)
    expect(event.details).toMatchObject({ before: { roles: ['engineer'] }, after: null, reason: '総務省から掲載終了の連絡' })
    const page = CandidateMatchPage.parse((await matsuyama(`/api/postings/${postingId}/matches?includeIneligible=true`)).json())
    const mine = page.items.find((item) => item.candidateId === listedId)!
    expect(mine.ministryListing).toBeNull()
    expect(mine.criteria.find((line) => line.kind === 'any_of')).toMatchObject({ status: 'not_met' })
    // Withdrawing again is refused: nothing is listed.
    expectError(await national({ method: 'POST', url: `/api/admin/ministry-list/${listedId}/withdrawal`, payload: { reason: '再度' } }), 409, 'CONFLICT')
  })
})
