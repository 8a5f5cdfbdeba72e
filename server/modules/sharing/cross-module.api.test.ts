/**
 * Sharing where it meets other modules through their index.ts: notices to staff and candidates (accounts + mail),
 * municipal appointments in a person's weekly capacity (applications), match scores in pool listings (matching),
 * open postings on the prefecture dashboard (postings), and withdrawal on account deletion (candidates).
 */
import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, test } from 'vitest'
import { ApplicationDetail } from '#shared/contracts/applications'
import { CandidateMatch } from '#shared/contracts/matching'
import { StaffPosting } from '#shared/contracts/postings'
import { Capacity, Dashboard, Engagement, Listing, Pool } from '#shared/contracts/sharing'
import { OwnCandidateProfile } from '#shared/contracts/candidates'
import { ErrorBody } from '#shared/errors'
import { presetCriteria } from '#shared/domain/postings/presets'
import { findRole } from '#shared/domain/skill-standard/index'
import { createAndSignIn, type SignedInInject, type TestAccount } from '../../../test/support/actors.ts'
import { startTestApp } from '../../../test/support/app.ts'
import { completeForm } from '../postings/test-fixtures.ts'

const NOW = new Date('2026-11-24T03:00:00Z')
const { app, engine } = await startTestApp({ clock: () => NOW })

const MATSUYAMA = '382019'
const IMABARI = '382027'
const UWAJIMA = '382035'

let ehime: { account: TestAccount; inject: SignedInInject }
let matsuyama: { account: TestAccount; inject: SignedInInject }
let imabari: { account: TestAccount; inject: SignedInInject }
let uwajima: { account: TestAccount; inject: SignedInInject }
let postingId: string
let pool: Pool

// 松山市's posting: 週2日 (completeForm), term 2027-04-01 – 2028-03-31.
const producerForm = {
  ...completeForm,
  criteria: presetCriteria(findRole('producer')!).criteria,
  termStartsOn: '2027-04-01',
  termEndsOn: '2028-03-31',
  applicationStartsOn: '2026-11-01',
  applicationEndsOn: '2026-12-31',
}

const strategyLead = {
  startsOn: '2018-04-01',
  endsOn: '2025-03-31',
  organisation: '株式会社サンプル',
  title: 'DX推進室長',
  kind: 'digital_strategy_lead',
  teamSize: 8,
  outcomes: '全社のDX戦略を立案',
  jobTypeIds: ['uiss.business_strategist'],
}

function expectError(response: { statusCode: number; json: () => unknown }, status: number, code: string) {
  expect(response.statusCode, JSON.stringify(response.json())).toBe(status)
  const body = ErrorBody.parse(response.json())
  expect(body.error.code).toBe(code)
  return body
}

async function mailsTo(address: string): Promise<string[]> {
  const rows = await engine.db.selectFrom('mail_outbox').select('subject').where('to_address', '=', address.toLowerCase()).execute()
  return rows.map((row) => row.subject)
}

/** A candidate with a skill profile (ITストラテジスト + 7 years of strategy work), in the given consent pools. */
async function makeCandidate(pools: string[]) {
  const signedIn = await createAndSignIn(app, engine.db, { kind: 'candidate' })
  const { inject } = signedIn
  const me = OwnCandidateProfile.parse((await inject('/api/candidates/me')).json())
  for (const [url, payload] of [
    [
      '/api/candidates/me/profile',
      {
        fullName: '愛媛 花子',
        contactEmail: `${randomUUID().slice(0, 8)}@example.jp`,
        prefectureCode: '38',
        desiredRoles: ['producer'],
        regions: ['38'],
        availability: { days: 3, per: 'week', earliestStart: '2027-03-01', remote: 'hybrid', sideJob: true },
      },
    ],
    ['/api/candidates/me/skills', { exams: [{ examId: 'ST', fiscalYear: 2018, season: 'spring' }], experiences: [{ ...strategyLead, id: randomUUID() }] }],
    ['/api/candidates/me/consent', { pools: pools.map((p) => ({ pool: p, fields: ['headline', 'levels'] })) }],
  ] as const) {
    const response = await inject({ method: 'PUT', url, payload })
    expect(response.statusCode, response.body).toBe(200)
  }
  return { ...signedIn, candidateId: me.id }
}

async function optIn(inject: SignedInInject, headline: string, availableDaysPerWeek: number): Promise<Listing> {
  const response = await inject({
    method: 'PUT',
    url: `/api/sharing/pools/${pool.id}/listing`,
    payload: { card: { displayName: '愛媛 花子', headline, roleIds: ['producer'] }, visibleFields: ['headline', 'roleIds'], availableDaysPerWeek },
  })
  expect(response.statusCode, response.body).toBe(200)
  const listings = (await matsuyama.inject(`/api/sharing/pools/${pool.id}/listings?q=${encodeURIComponent(headline)}`)).json().items as Listing[]
  expect(listings).toHaveLength(1)
  return Listing.parse(listings[0])
}

async function requestEngagement(as: SignedInInject, listingId: string, body: { topic: string; expectedDays: number; startsOn: string; endsOn: string }) {
  const response = await as({ method: 'POST', url: `/api/sharing/pools/${pool.id}/engagements`, payload: { listingId, ...body } })
  expect(response.statusCode, response.body).toBe(201)
  return Engagement.parse(response.json())
}

function offer(engagementId: string, days: number) {
  return ehime.inject({
    method: 'POST',
    url: `/api/sharing/engagements/${engagementId}/transitions`,
    payload: { action: 'offer', terms: { days, payYen: 40000 * days, payer: 'requester' } },
  })
}

beforeAll(async () => {
  ehime = await createAndSignIn(app, engine.db, { kind: 'prefecture', prefectureCode: '38' })
  matsuyama = await createAndSignIn(app, engine.db, { kind: 'municipality', localGovernmentCode: MATSUYAMA })
  imabari = await createAndSignIn(app, engine.db, { kind: 'municipality', localGovernmentCode: IMABARI })
  uwajima = await createAndSignIn(app, engine.db, { kind: 'municipality', localGovernmentCode: UWAJIMA })
  const national = await createAndSignIn(app, engine.db, { kind: 'national' })

  const created = await matsuyama.inject({ method: 'POST', url: '/api/staff/postings', payload: producerForm })
  expect(created.statusCode, created.body).toBe(201)
  postingId = StaffPosting.parse(created.json()).id
  for (const [as, action] of [
    [matsuyama.inject, 'submit'],
    [ehime.inject, 'forward'],
    [national.inject, 'publish'],
  ] as const) {
    const response = await as({ method: 'POST', url: `/api/staff/postings/${postingId}/transitions`, payload: { action } })
    expect(response.statusCode, response.body).toBe(200)
  }

  const createdPool = await ehime.inject({
    method: 'POST',
    url: '/api/sharing/pools',
    payload: { name: 'チーム愛媛 人材バンク', memberCodes: [MATSUYAMA, IMABARI, UWAJIMA] },
  })
  expect(createdPool.statusCode, createdPool.body).toBe(201)
  pool = Pool.parse(createdPool.json())
})

describe('通知メール（担当者のアドレスは accounts から）', () => {
  test('派遣: 申請は県へ、承認は市へ', async () => {
    const menu = await ehime.inject({
      method: 'POST',
      url: '/api/sharing/dispatch/menus',
      payload: { title: 'RPA導入の相談', description: '導入計画', provider: null, modes: ['online'] },
    })
    const expert = await ehime.inject({
      method: 'POST',
      url: '/api/sharing/dispatch/experts',
      payload: { talent: { displayName: '愛媛 太郎', availableDaysPerWeek: 3 }, themes: ['RPA'] },
    })
    expect([menu.statusCode, expert.statusCode]).toEqual([201, 201])
    const requested = await matsuyama.inject({
      method: 'POST',
      url: '/api/sharing/dispatch/requests',
      payload: { menuId: menu.json().id, topic: '窓口のRPA', preferredDates: ['2026-12-10'], mode: 'online' },
    })
    expect(requested.statusCode, requested.body).toBe(201)
    expect(await mailsTo(ehime.account.email)).toContainEqual(expect.stringContaining('派遣の申請: 松山市「窓口のRPA」'))
    expect((await mailsTo(matsuyama.account.email)).filter((s) => s.includes('派遣'))).toEqual([])

    const approved = await ehime.inject({
      method: 'POST',
      url: `/api/sharing/dispatch/requests/${requested.json().id}/transitions`,
      payload: { action: 'approve', expertId: expert.json().id, scheduledOn: '2026-12-10' },
    })
    expect(approved.statusCode, approved.body).toBe(200)
    expect(await mailsTo(matsuyama.account.email)).toContainEqual(expect.stringContaining('派遣の申請が承認されました'))
    // another municipality of the prefecture hears nothing
    expect((await mailsTo(imabari.account.email)).filter((s) => s.includes('派遣'))).toEqual([])
  })

  test('人材バンク: 依頼は運営する県へ、打診は本人へ、承諾は依頼した市へ', async () => {
    const person = await makeCandidate([])
    const listing = await optIn(person.inject, '通知の確認用の登録者', 3)
    const engagement = await requestEngagement(imabari.inject, listing.id, {
      topic: '通知の確認',
      expectedDays: 2,
      startsOn: '2026-12-01',
      endsOn: '2026-12-20',
    })
    expect(await mailsTo(ehime.account.email)).toContainEqual(expect.stringContaining('人材バンクへの依頼: 今治市「通知の確認」'))
    expect((await mailsTo(person.account.email)).filter((s) => s.includes('打診'))).toEqual([])

    expect((await offer(engagement.id, 2)).statusCode).toBe(200)
    expect(await mailsTo(person.account.email)).toContainEqual(expect.stringContaining('ご依頼の打診:「通知の確認」（今治市）'))

    const accepted = await person.inject({ method: 'POST', url: `/api/sharing/engagements/${engagement.id}/transitions`, payload: { action: 'accept' } })
    expect(accepted.statusCode, accepted.body).toBe(200)
    expect(await mailsTo(imabari.account.email)).toContainEqual(expect.stringContaining('本人が引き受けました'))
    expect((await mailsTo(matsuyama.account.email)).filter((s) => s.includes('通知の確認'))).toEqual([])
  })
})

describe('市区町村の任用も週の稼働に数える', () => {
  test('任用（週2日）と合わせて稼働可能日数（週3日）を超える依頼は断られ、収まる依頼は通る', async () => {
    const person = await makeCandidate([])
    const applied = await person.inject({ method: 'POST', url: `/api/postings/${postingId}/applications`, payload: { motivation: '応募します' } })
    expect(applied.statusCode, applied.body).toBe(201)
    const applicationId = applied.json().id as string
    for (const step of [{ to: 'screening' }, { to: 'interview', interviewAt: '2026-12-03T10:00:00+09:00' }, { to: 'offered' }]) {
      const response = await matsuyama.inject({ method: 'POST', url: `/api/applications/${applicationId}/steps`, payload: step })
      expect(response.statusCode, response.body).toBe(200)
    }
    const appointed = await matsuyama.inject({
      method: 'POST',
      url: `/api/applications/${applicationId}/steps`,
      payload: {
        to: 'appointed',
        appointment: {
          roleId: 'producer',
          appointmentForm: 'tokubetsushoku_hijokin',
          startsOn: '2027-04-01',
          endsOn: '2028-03-31',
          advisesOnProcurement: false,
          draftsSpecifications: false,
        },
      },
    })
    expect(appointed.statusCode, appointed.body).toBe(200)
    // the posting's working conditions (週2日) are recorded when the step gives none
    expect(ApplicationDetail.parse(appointed.json()).appointment).toMatchObject({ workDays: 2, workDaysPer: 'week' })

    const listing = await optIn(person.inject, '任用中の登録者', 3)
    // 2027-05-10 (Mon) – 2027-05-16 (Sun): 2 days that week + 2 days of the appointment = 4 > 3
    const tooMuch = await requestEngagement(imabari.inject, listing.id, {
      topic: '超過する依頼',
      expectedDays: 2,
      startsOn: '2027-05-10',
      endsOn: '2027-05-16',
    })
    const refused = expectError(await offer(tooMuch.id, 2), 409, 'CAPACITY_EXCEEDED')
    expect(refused.error.message).toContain('任用「')
    expect(refused.error.message).toContain('（松山市）')
    // 1 day that week + 2 = 3: fits
    const fits = await requestEngagement(uwajima.inject, listing.id, { topic: '収まる依頼', expectedDays: 1, startsOn: '2027-05-10', endsOn: '2027-05-16' })
    expect((await offer(fits.id, 1)).statusCode).toBe(200)

    const capacity = Capacity.parse((await person.inject('/api/sharing/my/capacity?from=2027-05-10&to=2027-05-16')).json())
    expect(capacity.commitments).toContainEqual(
      expect.objectContaining({ kind: 'appointment', localGovernmentCode: MATSUYAMA, allocation: { unit: 'per_week', days: 2 } }),
    )
  })
})

describe('人材バンクの登録者に募集との適合度（matching、同意のルールはそのまま）', () => {
  let consenting: Awaited<ReturnType<typeof makeCandidate>>
  let withoutConsent: Awaited<ReturnType<typeof makeCandidate>>

  beforeAll(async () => {
    consenting = await makeCandidate(['38'])
    withoutConsent = await makeCandidate([])
    await optIn(consenting.inject, '県の人材プールに同意した登録者', 3)
    await optIn(withoutConsent.inject, 'どの人材プールにも同意していない登録者', 3)
  })

  const scoreOf = (items: Listing[], headline: string) => items.find((item) => item.card.headline === headline)?.matchScore

  test('募集を選ぶと、県の人材プールに同意した人だけに募集の一覧と同じ点数が付く', async () => {
    const response = await matsuyama.inject(`/api/sharing/pools/${pool.id}/listings?postingId=${postingId}`)
    expect(response.statusCode, response.body).toBe(200)
    const items = (response.json().items as unknown[]).map((item) => Listing.parse(item))
    const expected = CandidateMatch.parse((await matsuyama.inject(`/api/postings/${postingId}/matches/${consenting.candidateId}`)).json())
    expect(scoreOf(items, '県の人材プールに同意した登録者')).toBe(expected.score)
    expect(expected.score).toBeGreaterThan(0)
    expect(scoreOf(items, 'どの人材プールにも同意していない登録者')).toBeNull()
    // without a posting nobody is scored
    const plain = (await matsuyama.inject(`/api/sharing/pools/${pool.id}/listings`)).json().items as Listing[]
    expect(plain.every((item) => item.matchScore === null)).toBe(true)
  })

  test('他団体の募集・存在しない募集は 404、壊れた ID は 400', async () => {
    expectError(await imabari.inject(`/api/sharing/pools/${pool.id}/listings?postingId=${postingId}`), 404, 'NOT_FOUND')
    expectError(await matsuyama.inject(`/api/sharing/pools/${pool.id}/listings?postingId=${randomUUID()}`), 404, 'NOT_FOUND')
    expectError(await matsuyama.inject(`/api/sharing/pools/${pool.id}/listings?postingId=nope`), 400, 'VALIDATION_FAILED')
  })
})

describe('都道府県ダッシュボード: 公開中の募集（postings）', () => {
  test('松山市は1件、ほかの団体は0件。「連携するまで表示できません」の注記は出ない', async () => {
    const response = await ehime.inject('/api/sharing/dashboard')
    expect(response.statusCode, response.body).toBe(200)
    const dashboard = Dashboard.parse(response.json())
    expect(dashboard.rows.find((row) => row.code === MATSUYAMA)?.openPostings).toBe(1)
    expect(dashboard.rows.find((row) => row.code === IMABARI)?.openPostings).toBe(0)
    expect(dashboard.notes.join('')).not.toContain('公開中の募集')
  })
})

describe('退会（candidates → sharing）', () => {
  test('アカウントを削除すると人材バンクの掲載が取り下げられる', async () => {
    const person = await makeCandidate([])
    await optIn(person.inject, '退会する登録者', 3)
    expect((await person.inject({ method: 'DELETE', url: '/api/candidates/me' })).statusCode).toBe(200)
    const listings = (await matsuyama.inject(`/api/sharing/pools/${pool.id}/listings`)).json().items as Listing[]
    expect(JSON.stringify(listings)).not.toContain('退会する登録者')
  })
})
