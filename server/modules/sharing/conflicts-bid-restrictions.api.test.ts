/**
 * 兼務先での入札制限, wired for real (app.ts): the conflict check before a dispatch reads the municipality's
 * procurements from bid-restrictions, and bid-restrictions' bid checks include the people sharing serves.
 * Only HTTP routes are used. A shared person cannot be listed as a procurement participant (participants are the
 * municipality's own 任用), so the conflict check treats the person as advising on the municipality's open
 * procurements, and the bid engine counts them as advising (sharingAppointmentsFor).
 */
import { beforeAll, describe, expect, test } from 'vitest'
import { BidCheckResult, Procurement } from '#shared/contracts/bid-restrictions'
import { Dashboard, DispatchRequest, SharedAppointment, Talent } from '#shared/contracts/sharing'
import { ErrorBody } from '#shared/errors'
import { startTestApp } from '../../../test/support/app.ts'
import { createAndSignIn, type SignedInInject } from '../../../test/support/actors.ts'
import { S1, X } from '../bid-restrictions/test-fixtures.ts'
import { insertAppointment } from '../bid-restrictions/api-fixtures.ts'

const clock = () => new Date('2026-06-01T00:00:00+09:00')
const { app, engine } = await startTestApp({ clock })

const MATSUYAMA = '382019'
const IMABARI = '382027'

let ehime: SignedInInject
let imabari: SignedInInject
let matsuyama: SignedInInject

async function talent(displayName: string, bidRules: Array<{ templateId: string; params: Record<string, unknown> }>): Promise<Talent> {
  const created = await ehime({
    method: 'POST',
    url: '/api/sharing/talents',
    payload: {
      displayName,
      availableDaysPerWeek: 4,
      bidRules,
      employments: [{ corporateNumber: S1, relationship: 'employee', startsOn: '2022-04-01', endsOn: null }],
    },
  })
  expect(created.statusCode, created.body).toBe(201)
  return Talent.parse(created.json())
}

async function procurement(as: SignedInInject, title: string, expectedBidders: string[]): Promise<Procurement> {
  const created = await as({
    method: 'POST',
    url: '/api/procurements',
    payload: { title, categories: ['design_development'], bidsOn: '2026-09-01', expectedBidderCorporateNumbers: expectedBidders },
  })
  expect(created.statusCode, created.body).toBe(201)
  return Procurement.parse(created.json())
}

/** 今治市 asks for a dispatch; 愛媛県 tries to approve it with the given person. */
async function approveDispatchOf(person: Talent) {
  const menu = await ehime({ method: 'POST', url: '/api/sharing/dispatch/menus', payload: { title: 'システム調達の相談', modes: ['on_site'] } })
  const expert = await ehime({ method: 'POST', url: '/api/sharing/dispatch/experts', payload: { talentId: person.id, themes: ['調達'] } })
  expect(expert.statusCode, expert.body).toBe(201)
  const request = await imabari({
    method: 'POST',
    url: '/api/sharing/dispatch/requests',
    payload: { menuId: menu.json().id, topic: '基幹系システムの仕様書の相談', preferredDates: ['2026-07-15'], mode: 'on_site' },
  })
  expect(request.statusCode, request.body).toBe(201)
  const requestId = request.json().id as string
  const response = await ehime({
    method: 'POST',
    url: `/api/sharing/dispatch/requests/${requestId}/transitions`,
    payload: { action: 'approve', expertId: expert.json().id, scheduledOn: '2026-07-15' },
  })
  return { requestId, response }
}

async function bidCheck(as: SignedInInject, procurementId: string, bidder: string) {
  const response = await as({ method: 'POST', url: '/api/bid-checks', payload: { procurementId, bidderCorporateNumber: bidder, asOf: '2026-10-01' } })
  expect(response.statusCode, response.body).toBe(200)
  return BidCheckResult.parse(response.json())
}

let imabariProcurement: Procurement
let matsuyamaProcurement: Procurement

beforeAll(async () => {
  ehime = (await createAndSignIn(app, engine.db, { kind: 'prefecture', prefectureCode: '38' })).inject
  imabari = (await createAndSignIn(app, engine.db, { kind: 'municipality', localGovernmentCode: IMABARI })).inject
  matsuyama = (await createAndSignIn(app, engine.db, { kind: 'municipality', localGovernmentCode: MATSUYAMA })).inject
  imabariProcurement = await procurement(imabari, '今治市 基幹系システム更改', [S1])
  matsuyamaProcurement = await procurement(matsuyama, '松山市 窓口システム', [S1])
})

describe('派遣の承認: 在籍企業が今治市の調達の入札見込み', () => {
  test('本人の規則に C① → 承認できない（409、理由つき）', async () => {
    const person = await talent('鈴木 一郎', [{ templateId: 'C1', params: {} }])
    const { requestId, response } = await approveDispatchOf(person)
    expect(response.statusCode, response.body).toBe(409)
    const body = ErrorBody.parse(response.json())
    expect(body.error.code).toBe('SHARING_CONFLICT_OF_INTEREST')
    expect(body.error.message).toMatch(/参考4\.4-⑦|仕様書/)
    expect((await imabari(`/api/sharing/dispatch/requests/${requestId}`)).json().state).toBe('requested')
  })

  test('規則が B② だけ → 承認でき、S1 の入札が制限される旨の警告が記録される', async () => {
    const person = await talent('佐藤 花子', [{ templateId: 'B2', params: {} }])
    const { requestId, response } = await approveDispatchOf(person)
    expect(response.statusCode, response.body).toBe(200)
    const approved = DispatchRequest.parse(response.json())
    expect(approved.state).toBe('approved')
    expect(approved.warnings.join('')).toContain('B②')
    expect((await imabari(`/api/sharing/dispatch/requests/${requestId}`)).json().warnings).toEqual(approved.warnings)
  })

  test('規則がなければ（入札見込みがあっても）警告なしで承認される', async () => {
    const person = await talent('田中 次郎', [])
    const { response } = await approveDispatchOf(person)
    expect(response.statusCode, response.body).toBe(200)
    expect(DispatchRequest.parse(response.json()).warnings).toEqual([])
  })
})

describe('松山市と今治市を兼務する専門官: 在籍企業 S1 の入札は両市で制限', () => {
  let appointmentId: string
  beforeAll(async () => {
    const person = await talent('山田 太郎', [])
    const created = await ehime({
      method: 'POST',
      url: '/api/sharing/shared-appointments',
      payload: {
        kind: 'shared',
        talentId: person.id,
        title: 'DX推進専門官',
        roleId: 'engineer',
        startsOn: '2026-04-01',
        endsOn: '2027-03-31',
        bidRules: [{ templateId: 'B2', params: {} }],
        shares: [
          { localGovernmentCode: MATSUYAMA, daysPerMonth: 4 },
          { localGovernmentCode: IMABARI, daysPerMonth: 4 },
        ],
      },
    })
    expect(created.statusCode, created.body).toBe(201)
    appointmentId = SharedAppointment.parse(created.json()).id
  })

  test.each([
    { name: '今治市', as: () => imabari, procurement: () => imabariProcurement },
    { name: '松山市', as: () => matsuyama, procurement: () => matsuyamaProcurement },
  ])('$name の入札判定で S1 は制限、無関係の X は制限なし', async ({ as, procurement }) => {
    const restricted = await bidCheck(as(), procurement().id, S1)
    expect(restricted.decision).toBe('restricted')
    expect(restricted.findings.some((f) => f.appointmentId === `sharing:${appointmentId}` && f.reason.includes('B②'))).toBe(true)
    expect((await bidCheck(as(), procurement().id, X)).decision).toBe('allowed')
  })

  test('今治市の制限対象企業の一覧にも S1 が入る', async () => {
    const response = await imabari(`/api/procurements/${imabariProcurement.id}/restricted-companies?asOf=2026-10-01`)
    expect(response.statusCode, response.body).toBe(200)
    expect(response.json().companies.map((c: { corporateNumber: string }) => c.corporateNumber)).toContain(S1)
  })
})

test('ダッシュボードの誓約書未提出件数は入札制限の記録から数える（不明ではない）', async () => {
  await insertAppointment(engine.db, { municipalityCode: IMABARI, startsOn: '2026-04-01', endsOn: '2027-03-31', employments: [] })
  const response = await ehime('/api/sharing/dashboard?fiscalYear=2026')
  expect(response.statusCode, response.body).toBe(200)
  const dashboard = Dashboard.parse(response.json())
  expect(dashboard.rows.length).toBeGreaterThan(0)
  for (const row of dashboard.rows) expect(row.pledgesMissing).toBe(row.code === IMABARI ? 1 : 0)
  expect(dashboard.notes.join('')).not.toContain('誓約書の未提出件数')
})
