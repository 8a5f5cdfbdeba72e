import { beforeAll, describe, expect, test } from 'vitest'
import { CandidateExport, CandidateLevels, OwnCandidateProfile, StaffCandidateView } from '#shared/contracts/candidates'
import { createAndSignIn, injectAs, type SignedInInject } from '../../../test/support/actors.ts'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { employmentHistory, scoringProfiles } from './index.ts'

// Pinned "today" of the worked level cases: 2026-11-24 in Japan.
const NOW = new Date('2026-11-24T03:00:00Z')

let t: TestApp
let candidate: SignedInInject
let candidateId: string

const SKILLS = {
  exams: [
    { examId: 'ST', fiscalYear: 2018, season: 'spring' },
    { examId: 'SC', fiscalYear: 2018, season: 'autumn', registration: { number: '012345', isCurrent: false } },
  ],
  otherCertifications: [{ certificationId: 'cisa' }, { name: '自治体DXアドバイザー研修修了' }],
  experiences: [
    {
      id: '11111111-1111-4111-8111-111111111111',
      startsOn: '2020-04-01',
      endsOn: '2025-03-31',
      organisation: '株式会社サンプル',
      title: 'DX推進室長',
      kind: 'digital_strategy_lead',
      teamSize: 8,
      outcomes: '全社のDX戦略を立案',
      jobTypeIds: ['uiss.business_strategist'],
    },
  ],
  claims: [],
}

// 法人番号 with valid check digits (国税庁 published examples).
const NUMBER_A = '7000012050002' // 国税庁
const NUMBER_B = '2021001052596'

beforeAll(async () => {
  t = await startTestApp({ clock: () => NOW })
  ;({ inject: candidate } = await createAndSignIn(t.app, t.engine.db, { kind: 'candidate' }))
  const response = await candidate({ method: 'GET', url: '/api/candidates/me' })
  expect(response.statusCode).toBe(200)
  candidateId = OwnCandidateProfile.parse(response.json()).id
})

describe('自分のプロフィール', () => {
  test('初回は空のプロフィールが作られる（非公開）', async () => {
    const profile = OwnCandidateProfile.parse((await candidate('/api/candidates/me')).json())
    expect(profile.consent).toEqual([])
    expect(profile.levels.levels).toEqual([])
  })

  test('プロフィールの更新', async () => {
    const response = await candidate({
      method: 'PUT',
      url: '/api/candidates/me/profile',
      payload: {
        fullName: '山田 花子',
        contactEmail: 'Hanako@example.jp',
        prefectureCode: '38',
        headline: '自治体DXの戦略立案を支援します',
        desiredRoles: ['producer'],
        desiredAppointmentForms: ['tokubetsushoku_hijokin'],
        availability: { days: 2, per: 'week', earliestStart: '2027-04-01', remote: 'hybrid', sideJob: true },
        regions: ['38', '382019'],
      },
    })
    expect(response.statusCode).toBe(200)
    const profile = OwnCandidateProfile.parse(response.json())
    expect(profile.contactEmail).toBe('hanako@example.jp')
    expect(profile.availability.days).toBe(2)
  })

  test('資格・経験の更新でレベルが判定される（L6: ITストラテジスト＋5年）', async () => {
    const response = await candidate({ method: 'PUT', url: '/api/candidates/me/skills', payload: SKILLS })
    expect(response.statusCode).toBe(200)
    const profile = OwnCandidateProfile.parse(response.json())
    expect(profile.exams[0]!.sittingLabel).toBe('平成30年度春期')
    const level = profile.levels.levels.find((entry) => entry.jobTypeId === 'uiss.business_strategist')!
    expect(level.level).toBe(4)
    expect(level.experienceEntryIds).toEqual([SKILLS.experiences[0]!.id])
    // L13: the lapsed registration keeps the 支援士 qualification out
    expect(profile.levels.heldCertificationIds).toContain('cisa')
    expect(profile.levels.heldCertificationIds).not.toContain('SC')
  })

  test('GET /api/candidates/:id/levels（本人）', async () => {
    const response = await candidate(`/api/candidates/${candidateId}/levels`)
    expect(response.statusCode).toBe(200)
    const levels = CandidateLevels.parse(response.json())
    expect(levels.levels.find((entry) => entry.jobTypeId === 'itss.consultant')?.level).toBe(3)
  })

  test.each([
    ['L14 未来の合格日', { exams: [{ examId: 'AP', fiscalYear: 2026, season: 'other', passedOn: '2027-01-01' }] }, 'exams.0.passedOn'],
    ['一覧にない試験', { exams: [{ examId: 'ZZ', fiscalYear: 2020, season: 'spring' }] }, 'exams.0.examId'],
    ['一覧にない資格', { otherCertifications: [{ certificationId: 'nope' }] }, 'otherCertifications.0.certificationId'],
    ['経験の期間が逆', { experiences: [{ ...SKILLS.experiences[0], startsOn: '2022-04-01', endsOn: '2021-03-31' }] }, 'experiences.0.endsOn'],
    ['型の誤り', { exams: [{ examId: 'AP', fiscalYear: '令和2', season: 'spring' }] }, 'exams.0.fiscalYear'],
  ])('%s → 400 で項目を示し、何も保存しない', async (_name, payload, path) => {
    const response = await candidate({ method: 'PUT', url: '/api/candidates/me/skills', payload: { ...SKILLS, ...payload } })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.code).toBe('VALIDATION_FAILED')
    expect(response.json().error.details.map((detail: { path: string }) => detail.path)).toContain(path)
    const profile = OwnCandidateProfile.parse((await candidate('/api/candidates/me')).json())
    expect(profile.exams.map((pass) => pass.examId)).toEqual(['ST', 'SC'])
  })

  test('壊れた JSON・大きすぎる文字列は 4xx', async () => {
    const broken = await candidate({ method: 'PUT', url: '/api/candidates/me/profile', payload: '{', headers: { 'content-type': 'application/json' } })
    expect(broken.statusCode).toBe(400)
    const huge = await candidate({ method: 'PUT', url: '/api/candidates/me/profile', payload: { headline: 'あ'.repeat(141) } })
    expect(huge.statusCode).toBe(400)
    expect(huge.json().error.details[0].path).toBe('headline')
  })
})

describe('職歴', () => {
  test('未登録の法人は名称つきで作られ、変更は監査ログに残る', async () => {
    const response = await candidate({
      method: 'PUT',
      url: '/api/candidates/me/employments',
      payload: {
        entries: [
          { corporateNumber: NUMBER_A, companyName: '株式会社サンプル', relationship: 'employee', startsOn: '2015-04-01', endsOn: null },
          { corporateNumber: NUMBER_B, companyName: '合同会社ベータ', relationship: 'side_job', startsOn: '2023-04-01', endsOn: '2025-03-31' },
        ],
      },
    })
    expect(response.statusCode).toBe(200)
    const profile = OwnCandidateProfile.parse(response.json())
    expect(profile.employments.map((entry) => [entry.companyName, entry.isCurrent])).toEqual([
      ['株式会社サンプル', true],
      ['合同会社ベータ', false],
    ])
    const events = await t.engine.db
      .selectFrom('audit_event')
      .select(['action', 'details'])
      .where('target_id', '=', candidateId)
      .where('action', '=', 'candidate.employment_changed')
      .execute()
    expect(events).toHaveLength(1)
    const history = await employmentHistory(t.engine.db, candidateId)
    expect(history).toEqual([
      { corporateNumber: NUMBER_A, relationship: 'employee', startsOn: '2015-04-01', endsOn: null },
      { corporateNumber: NUMBER_B, relationship: 'side_job', startsOn: '2023-04-01', endsOn: '2025-03-31' },
    ])
  })

  test.each([
    [
      '法人番号の検査数字が誤り',
      [{ corporateNumber: '1000012050002', companyName: 'x', relationship: 'employee', startsOn: '2015-04-01' }],
      'INVALID_CORPORATE_NUMBER',
      'entries.0.corporateNumber',
    ],
    [
      '未登録の法人で名称なし',
      [{ corporateNumber: '4010001008913', relationship: 'employee', startsOn: '2015-04-01' }],
      'VALIDATION_FAILED',
      'entries.0.companyName',
    ],
    [
      '期間が逆',
      [{ corporateNumber: NUMBER_A, relationship: 'employee', startsOn: '2015-04-01', endsOn: '2014-03-31' }],
      'VALIDATION_FAILED',
      'entries.0.endsOn',
    ],
    [
      '同じ法人・同じ関係で期間が重なる',
      [
        { corporateNumber: NUMBER_A, relationship: 'employee', startsOn: '2015-04-01', endsOn: '2020-03-31' },
        { corporateNumber: NUMBER_A, relationship: 'employee', startsOn: '2019-04-01', endsOn: null },
      ],
      'VALIDATION_FAILED',
      'entries.1.startsOn',
    ],
    ['開始日が未来', [{ corporateNumber: NUMBER_A, relationship: 'employee', startsOn: '2027-04-01' }], 'VALIDATION_FAILED', 'entries.0.startsOn'],
  ])('%s → 400、何も保存しない', async (_name, entries, code, path) => {
    const response = await candidate({ method: 'PUT', url: '/api/candidates/me/employments', payload: { entries } })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.code).toBe(code)
    expect(response.json().error.details.map((detail: { path: string }) => detail.path)).toContain(path)
    expect(await employmentHistory(t.engine.db, candidateId)).toHaveLength(2)
    const company = await t.engine.db.selectFrom('company').select('name').where('corporate_number', '=', '4010001008913').executeTakeFirst()
    expect(company).toBeUndefined()
  })
})

describe('公開範囲と同意', () => {
  test('同意がなければ他団体の職員には存在も見えない（404）', async () => {
    const { inject: staff } = await createAndSignIn(t.app, t.engine.db, { kind: 'municipality', localGovernmentCode: '382019' })
    expect((await staff(`/api/candidates/${candidateId}`)).statusCode).toBe(404)
    expect((await staff(`/api/candidates/${candidateId}/levels`)).statusCode).toBe(404)
    const { inject: other } = await createAndSignIn(t.app, t.engine.db, { kind: 'candidate' })
    expect((await other(`/api/candidates/${candidateId}/levels`)).statusCode).toBe(404)
    expect((await other(`/api/candidates/${candidateId}`)).statusCode).toBe(403)
  })

  test('県の人材プールに掲載すると、県内の職員は選んだ項目だけ見える（連絡先は見えない）', async () => {
    const consent = await candidate({
      method: 'PUT',
      url: '/api/candidates/me/consent',
      payload: { pools: [{ pool: '38', fields: ['headline', 'levels'] }] },
    })
    expect(consent.statusCode).toBe(200)
    const { inject: prefecture } = await createAndSignIn(t.app, t.engine.db, { kind: 'prefecture', prefectureCode: '38' })
    const view = StaffCandidateView.parse((await prefecture(`/api/candidates/${candidateId}`)).json())
    expect(view).toMatchObject({
      access: 'pool',
      headline: '自治体DXの戦略立案を支援します',
      contactEmail: null,
      fullName: null,
      availability: null,
      employments: null,
    })
    expect(view.levels?.levels.length).toBeGreaterThan(0)
    const pool = await prefecture('/api/talent-pool?pool=38&jobTypeId=uiss.business_strategist&minLevel=4')
    expect(pool.statusCode).toBe(200)
    expect(pool.json().items.map((item: { id: string }) => item.id)).toContain(candidateId)
    // another prefecture sees nothing
    const { inject: kagawa } = await createAndSignIn(t.app, t.engine.db, { kind: 'prefecture', prefectureCode: '37' })
    expect((await kagawa(`/api/candidates/${candidateId}`)).statusCode).toBe(404)
    expect((await kagawa('/api/talent-pool?pool=38')).statusCode).toBe(403)
  })

  test('連絡先は本人が依頼を受け入れた後だけ見える', async () => {
    const { inject: prefecture } = await createAndSignIn(t.app, t.engine.db, { kind: 'prefecture', prefectureCode: '38' })
    const requested = await prefecture({ method: 'POST', url: `/api/candidates/${candidateId}/contact-requests`, payload: { message: '面談のお願い' } })
    expect(requested.statusCode).toBe(201)
    expect((await prefecture(`/api/candidates/${candidateId}`)).json().contactEmail).toBeNull()
    const accepted = await candidate({ method: 'POST', url: `/api/candidates/me/contact-requests/${requested.json().id}/decision`, payload: { accept: true } })
    expect(accepted.statusCode).toBe(200)
    expect((await prefecture(`/api/candidates/${candidateId}`)).json()).toMatchObject({ access: 'contact_accepted', contactEmail: 'hanako@example.jp' })
  })

  test('scoringProfiles は同意した人材のコンパクトな事実を返す', async () => {
    const [profile] = await scoringProfiles(t.engine.db, { candidateIds: [candidateId], consent: { kind: 'prefecture', prefectureCode: '38' } })
    expect(profile).toMatchObject({
      candidateId,
      availability: { daysPerWeek: 2, remote: 'hybrid', sideJob: true, earliestStart: '2027-04-01' },
      consent: { nationalList: false, prefecturePools: ['38'] },
      prefectureCode: '38',
    })
    expect(profile!.certificationIds).toContain('ST')
    expect(profile!.experienceYearsByKind.digital_strategy_lead).toBe(5)
    expect(await scoringProfiles(t.engine.db, { candidateIds: [candidateId], consent: { kind: 'national' } })).toEqual([])
  })

  test('申告レベルを県の職員が確認すると確認者と日時が残る（L11→L12）', async () => {
    const claimId = '22222222-2222-4222-8222-222222222222'
    const updated = await candidate({
      method: 'PUT',
      url: '/api/candidates/me/skills',
      payload: { ...SKILLS, claims: [{ id: claimId, jobTypeId: 'itss.consultant', level: 6, experienceEntryIds: [SKILLS.experiences[0]!.id] }] },
    })
    expect(updated.statusCode).toBe(200)
    const before = OwnCandidateProfile.parse(updated.json()).levels.levels.find((entry) => entry.jobTypeId === 'itss.consultant')!
    expect(before).toMatchObject({ level: 6, status: 'self_declared' })
    const { inject: prefecture } = await createAndSignIn(t.app, t.engine.db, { kind: 'prefecture', prefectureCode: '38' })
    const verified = await prefecture({ method: 'POST', url: `/api/candidates/${candidateId}/level-claims/${claimId}/verification` })
    expect(verified.statusCode).toBe(200)
    const level = CandidateLevels.parse(verified.json()).levels.find((entry) => entry.jobTypeId === 'itss.consultant')!
    expect(level.status).toBe('verified')
    expect(level.verification).toMatchObject({ localGovernmentCode: '380008', organisationName: '愛媛県', verifiedAt: NOW.toISOString() })
  })
})

describe('データの持ち出しと削除', () => {
  test('JSON で全データを持ち出し、削除すると非公開・匿名化される', async () => {
    const { inject: person } = await createAndSignIn(t.app, t.engine.db, { kind: 'candidate' })
    await person({ method: 'PUT', url: '/api/candidates/me/profile', payload: { fullName: '削除 太郎', contactEmail: 'taro@example.jp' } })
    await person({ method: 'PUT', url: '/api/candidates/me/consent', payload: { pools: [{ pool: 'national', fields: ['headline'] }] } })
    const exported = await person('/api/candidates/me/export')
    expect(exported.statusCode).toBe(200)
    const data = CandidateExport.parse(exported.json())
    expect(data.profile.fullName).toBe('削除 太郎')
    const id = data.profile.id
    const deleted = await person({ method: 'DELETE', url: '/api/candidates/me' })
    expect(deleted.statusCode).toBe(200)
    const row = await t.engine.db.selectFrom('candidate').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ full_name: null, contact_email: null, account_id: null })
    expect(row.deleted_at).not.toBeNull()
    expect(await scoringProfiles(t.engine.db, { candidateIds: [id], consent: { kind: 'any' } })).toEqual([])
    const { inject: national } = await createAndSignIn(t.app, t.engine.db, { kind: 'national' })
    expect((await national(`/api/candidates/${id}`)).statusCode).toBe(404)
  })

  test('削除するとログインできなくなり、使っていたセッションは匿名になる。同じアドレスで登録し直せる', async () => {
    const { account, inject: person } = await createAndSignIn(t.app, t.engine.db, { kind: 'candidate' })
    // a second session on another device ends too
    const other = await injectAs(t.app, account)
    expect((await person({ method: 'DELETE', url: '/api/candidates/me' })).statusCode).toBe(200)

    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: account.email, password: account.password },
      remoteAddress: '10.9.8.7',
    })
    expect(signIn.statusCode).toBe(401)
    expect(signIn.json().error.code).toBe('INVALID_CREDENTIALS')
    for (const session of [person, other]) {
      const me = await session('/api/auth/me')
      expect(me.statusCode).toBe(200)
      expect(me.json()).toEqual({ signedIn: false })
      expect((await session('/api/candidates/me')).statusCode).toBe(401)
    }
    const row = await t.engine.db.selectFrom('account').selectAll().where('id', '=', account.id).executeTakeFirstOrThrow()
    expect(row.email).not.toBe(account.email)
    expect(row.deleted_at).not.toBeNull()
    expect(await t.engine.db.selectFrom('session').select('id').where('account_id', '=', account.id).execute()).toEqual([])
    const events = await t.engine.db.selectFrom('audit_event').select('action').where('target_id', '=', account.id).execute()
    expect(events.map((event) => event.action)).toContain('account.deleted')

    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: { email: account.email, password: 'a-new-password-123', displayName: '再登録' },
      remoteAddress: '10.9.8.6',
    })
    expect(again.statusCode, again.body).toBeLessThan(300)
    const fresh = await t.engine.db.selectFrom('account').select('id').where('email', '=', account.email).executeTakeFirstOrThrow()
    expect(fresh.id).not.toBe(account.id)
  })
})
