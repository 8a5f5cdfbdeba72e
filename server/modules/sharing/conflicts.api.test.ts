/**
 * 兼務先での入札制限 (手順書 §4.4(9) with 参考4.4-⑦): a shared person's restrictions hold at every municipality they
 * serve, on the real database. The bid engine reads the sharing module's `sharingAppointmentsFor`; the conflict
 * check before a dispatch reads the procurements through a ConflictSource (here a fixed one, to test the rule
 * wiring in isolation; conflicts-bid-restrictions.api.test.ts covers the real one through the routes).
 */
import { beforeAll, describe, expect, test } from 'vitest'
import { SharedAppointment, Talent } from '#shared/contracts/sharing'
import { ErrorBody } from '#shared/errors'
import { startTestApp } from '../../../test/support/app.ts'
import { createAndSignIn, type SignedInInject } from '../../../test/support/actors.ts'
import { decideBid, type RuleConfig } from '../bid-restrictions/rules/index.ts'
import { bidFacts, groupLinks, procurement, S1, S2, X } from '../bid-restrictions/test-fixtures.ts'
import { AppError } from '../../http/errors.ts'
import type { Actor } from '../../http/actor.ts'
import { sharingAppointmentsFor } from './index.ts'
import type { ConflictSource } from './context.ts'
import { transitionDispatchRequest } from './dispatch-service.ts'

const clock = () => new Date('2026-06-01T00:00:00+09:00')
const { app, engine } = await startTestApp({ clock })

const MATSUYAMA = '382019'
const IMABARI = '382027'
const UWAJIMA = '382035'

let ehime: SignedInInject
let imabari: SignedInInject
let ehimeActor: Actor
let talent: Talent

beforeAll(async () => {
  const pref = await createAndSignIn(app, engine.db, { kind: 'prefecture', prefectureCode: '38' })
  ehime = pref.inject
  ehimeActor = { kind: 'prefecture', userId: pref.account.id, sessionId: 'test', prefectureCode: '38' }
  imabari = (await createAndSignIn(app, engine.db, { kind: 'municipality', localGovernmentCode: IMABARI })).inject
  const created = await ehime({
    method: 'POST',
    url: '/api/sharing/talents',
    payload: {
      displayName: '山田 太郎',
      availableDaysPerWeek: 4,
      employments: [{ corporateNumber: S1, relationship: 'employee', startsOn: '2022-04-01', endsOn: null }],
    },
  })
  expect(created.statusCode).toBe(201)
  talent = Talent.parse(created.json())
})

describe('松山市と今治市を支援する専門官の在籍企業は、両市で入札が制限される', () => {
  let appointmentId: string
  beforeAll(async () => {
    const created = await ehime({
      method: 'POST',
      url: '/api/sharing/shared-appointments',
      payload: {
        kind: 'shared',
        talentId: talent.id,
        title: 'DX推進専門官（データ）',
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
    expect(created.statusCode).toBe(201)
    appointmentId = SharedAppointment.parse(created.json()).id
  })

  test.each([
    { name: '松山市の調達に S1 → 制限', municipality: MATSUYAMA, bidder: S1, decision: 'restricted' },
    { name: '今治市の調達に S1 → 制限', municipality: IMABARI, bidder: S1, decision: 'restricted' },
    { name: '今治市の調達に S1 の兄弟会社 S2 → 制限', municipality: IMABARI, bidder: S2, decision: 'restricted' },
    { name: '支援先でない宇和島市の調達に S1 → 制限なし', municipality: UWAJIMA, bidder: S1, decision: 'allowed' },
    { name: '今治市の調達に無関係の X → 制限なし', municipality: IMABARI, bidder: X, decision: 'allowed' },
  ])('$name', async ({ municipality, bidder, decision }) => {
    const appointments = await sharingAppointmentsFor(engine.db, { municipalityCode: municipality, activeOn: '2026-10-01' })
    const result = decideBid(
      bidFacts({ asOf: '2026-10-01', bidder, companyLinks: groupLinks, procurement: procurement({ municipalityCode: municipality }), appointments }),
    )
    expect(result.decision).toBe(decision)
    if (decision === 'restricted') expect(result.findings[0]!.appointmentId).toBe(`sharing:${appointmentId}`)
  })

  test('任期の外（2027-04-01）は制限されない', async () => {
    expect(await sharingAppointmentsFor(engine.db, { municipalityCode: IMABARI, activeOn: '2027-04-01' })).toEqual([])
  })

  test('パラメータが範囲外の規則は登録できない', async () => {
    const response = await ehime({
      method: 'POST',
      url: '/api/sharing/talents',
      payload: { displayName: 'x', availableDaysPerWeek: 1, bidRules: [{ templateId: 'B2', params: { lookbackYears: 99 } }] },
    })
    expect(response.statusCode).toBe(400)
    expect(ErrorBody.parse(response.json()).error.code).toBe('SHARING_INVALID')
  })
})

describe('派遣の承認前の利益相反チェック（規則セットにより止める／警告する）', () => {
  const source = (rules: RuleConfig[]): ConflictSource => ({
    ruleSetFor: async () => rules,
    procurementsFor: async (_tx, code) => [
      { id: 'R-imabari', municipalityCode: code, categories: ['design_development'], expectedBidderCorporateNumbers: [S1] },
    ],
    companyLinksFor: async () => groupLinks,
  })

  async function newRequest(): Promise<{ requestId: string; expertId: string }> {
    const menu = await ehime({ method: 'POST', url: '/api/sharing/dispatch/menus', payload: { title: 'システム調達の相談', modes: ['on_site'] } })
    const expert = await ehime({ method: 'POST', url: '/api/sharing/dispatch/experts', payload: { talentId: talent.id, themes: ['調達'] } })
    const request = await imabari({
      method: 'POST',
      url: '/api/sharing/dispatch/requests',
      payload: { menuId: menu.json().id, topic: '基幹系システムの仕様書の相談', preferredDates: ['2026-07-15'], mode: 'on_site' },
    })
    expect(request.statusCode).toBe(201)
    return { requestId: request.json().id, expertId: expert.json().id }
  }

  test('今治市が C① を定め、在籍企業 S1 が入札見込み → 承認できない（理由つき）', async () => {
    const { requestId, expertId } = await newRequest()
    const attempt = transitionDispatchRequest(
      { db: engine.db, clock, conflicts: source([{ templateId: 'C1', params: {} }]) },
      ehimeActor,
      { ip: '127.0.0.1', id: 't' },
      requestId,
      {
        action: 'approve',
        expertId,
        scheduledOn: '2026-07-15',
      },
    )
    await expect(attempt).rejects.toBeInstanceOf(AppError)
    await expect(attempt).rejects.toMatchObject({ code: 'SHARING_CONFLICT_OF_INTEREST', status: 409 })
    await expect(attempt).rejects.toThrow(/参考4\.4-⑦|仕様書/)
  })

  test('規則が B② だけなら承認でき、警告（S1 の入札が制限される）が記録される', async () => {
    const { requestId, expertId } = await newRequest()
    const approved = await transitionDispatchRequest({ db: engine.db, clock, conflicts: source([]) }, ehimeActor, { ip: '127.0.0.1', id: 't' }, requestId, {
      action: 'approve',
      expertId,
      scheduledOn: '2026-07-15',
    })
    // the person's own restriction (B2 from the shared appointment) travels with them to 今治市
    expect(approved.state).toBe('approved')
    expect(approved.warnings.length).toBeGreaterThan(0)
    expect(approved.warnings.join('')).toContain('B②')
    const seen = await imabari(`/api/sharing/dispatch/requests/${requestId}`)
    expect(seen.json().warnings).toEqual(approved.warnings)
  })
})
