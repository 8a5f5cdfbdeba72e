/**
 * 業務委託・派遣契約 (rules A1, A2) through the API, 手順書 参考4.4-⑦⑧⑨ case K13–K15: 松山市 contracts C (業務委託)
 * 2024-04-01 → 2025-03-31 with A1 and A2 (N = 2). A bid by C on a design/development procurement is restricted
 * through 2027-03-31 (A2) and allowed from 2027-04-01; on an equipment procurement (A1 only) it is restricted
 * through 2025-03-31 and allowed from 2025-04-01. Today is 2025-10-01 in Japan.
 */
import { describe, expect, test } from 'vitest'
import { BidCheckResult, Procurement, RestrictedSetResult, ServiceContract } from '#shared/contracts/bid-restrictions'
import { ErrorBody } from '#shared/errors'
import { createAccount, injectAs, type SignedInInject } from '../../../test/support/actors.ts'
import { startTestApp } from '../../../test/support/app.ts'
import { insertAppointment, insertCompanies } from './api-fixtures.ts'
import { C, companyNames, IMABARI, MATSUYAMA, UNKNOWN, X } from './test-fixtures.ts'

const now = new Date('2025-10-01T09:00:00+09:00')
const { app, engine } = await startTestApp({ clock: () => now })
const db = engine.db

const matsuyama = await injectAs(
  app,
  await createAccount(db, { kind: 'municipality', localGovernmentCode: MATSUYAMA, email: 'matsuyama@contracts.example.jp' }),
)
const imabari = await injectAs(app, await createAccount(db, { kind: 'municipality', localGovernmentCode: IMABARI, email: 'imabari@contracts.example.jp' }))
const ehime = await injectAs(app, await createAccount(db, { kind: 'prefecture', prefectureCode: '38', email: 'ehime@contracts.example.jp' }))

await insertCompanies(db, companyNames)

function expectError(response: { statusCode: number; json: () => unknown }, status: number, code?: string) {
  expect(response.statusCode, JSON.stringify(response.json())).toBe(status)
  const body = ErrorBody.parse(response.json())
  if (code) expect(body.error.code).toBe(code)
  return body
}

async function createProcurement(as: SignedInInject, payload: Record<string, unknown>): Promise<Procurement> {
  const response = await as({ method: 'POST', url: '/api/procurements', payload })
  expect(response.statusCode, response.body).toBe(201)
  return Procurement.parse(response.json())
}

async function bidCheck(as: SignedInInject, procurementId: string, bidder: string, asOf: string) {
  const response = await as({ method: 'POST', url: '/api/bid-checks', payload: { procurementId, bidderCorporateNumber: bidder, asOf } })
  expect(response.statusCode, response.body).toBe(200)
  return BidCheckResult.parse(response.json())
}

const validContract = {
  title: '基幹系システム運用支援業務委託',
  kind: 'gyomu_itaku',
  corporateNumber: C,
  startsOn: '2024-04-01',
  endsOn: '2025-03-31',
  rules: [
    { templateId: 'A1', params: {} },
    { templateId: 'A2', params: { yearsAfter: 2 } },
  ],
}

const created = await matsuyama({ method: 'POST', url: '/api/contracts', payload: validContract })
expect(created.statusCode, created.body).toBe(201)
const contractOfC = ServiceContract.parse(created.json())

const design = await createProcurement(matsuyama, { title: '基幹システム設計・開発', categories: ['design_development'] })
const equipment = await createProcurement(matsuyama, { title: '窓口端末の購入', categories: ['equipment_software'] })

describe('契約の登録・取得・一覧', () => {
  test('登録した契約を取得・一覧でき、登録は監査ログに残る', async () => {
    expect(contractOfC).toMatchObject({
      municipalityCode: MATSUYAMA,
      kind: 'gyomu_itaku',
      corporateNumber: C,
      companyName: companyNames[C],
      startsOn: '2024-04-01',
      endsOn: '2025-03-31',
      appointmentId: null,
    })
    expect(contractOfC.rules.map((rule) => rule.templateId)).toEqual(['A1', 'A2'])
    const got = await matsuyama(`/api/contracts/${contractOfC.id}`)
    expect(got.statusCode, got.body).toBe(200)
    expect(ServiceContract.parse(got.json())).toEqual(contractOfC)
    const list = await matsuyama('/api/contracts?limit=10')
    expect(list.statusCode, list.body).toBe(200)
    expect(list.json()).toMatchObject({ total: 1, limit: 10, offset: 0 })
    expect(list.json().items.map((item: { id: string }) => item.id)).toEqual([contractOfC.id])
    const events = await db.selectFrom('audit_event').selectAll().where('target_id', '=', contractOfC.id).execute()
    expect(events.map((event) => event.action)).toEqual(['service_contract.created'])
  })

  test('任用に紐づけられる（自団体の任用のみ）', async () => {
    const own = await insertAppointment(db, { municipalityCode: MATSUYAMA, startsOn: '2025-04-01', endsOn: '2026-03-31', employments: [] })
    const other = await insertAppointment(db, { municipalityCode: IMABARI, startsOn: '2025-04-01', endsOn: '2026-03-31', employments: [] })
    const linked = await matsuyama({
      method: 'POST',
      url: '/api/contracts',
      payload: { ...validContract, kind: 'kigyojin', corporateNumber: X, rules: [], appointmentId: own.appointmentId },
    })
    expect(linked.statusCode, linked.body).toBe(201)
    expect(ServiceContract.parse(linked.json())).toMatchObject({ kind: 'kigyojin', appointmentId: own.appointmentId })
    const body = expectError(
      await matsuyama({ method: 'POST', url: '/api/contracts', payload: { ...validContract, appointmentId: other.appointmentId } }),
      400,
      'VALIDATION_FAILED',
    )
    expect(body.error.details?.map((detail) => detail.path)).toContain('appointmentId')
  })
})

describe('K13–K15: 契約の受託事業者の入札制限（A1・A2）', () => {
  test('K13: A2（N=2）設計・開発の調達は契約終了の2年後の同日まで制限、翌日から可', async () => {
    const during = await bidCheck(matsuyama, design.id, C, '2024-10-01')
    expect(during.decision).toBe('restricted')
    const last = await bidCheck(matsuyama, design.id, C, '2027-03-31')
    expect(last.decision).toBe('restricted')
    expect(last.findings).toEqual([expect.objectContaining({ ruleId: 'A2', contractId: contractOfC.id, subjectCorporateNumber: C })])
    expect(last.findings[0]!.window).toEqual({ from: '2024-04-01', to: '2027-03-31' })
    const after = await bidCheck(matsuyama, design.id, C, '2027-04-01')
    expect(after.decision).toBe('allowed')
    expect(after.findings).toEqual([])
  })

  test('K14: A1 機器の調達は契約の履行期間中だけ制限（2025-03-31 まで）、2025-04-01 から可', async () => {
    const last = await bidCheck(matsuyama, equipment.id, C, '2025-03-31')
    expect(last.decision).toBe('restricted')
    expect(last.findings.map((finding) => finding.ruleId)).toEqual(['A1'])
    expect(last.findings[0]!.contractId).toBe(contractOfC.id)
    const after = await bidCheck(matsuyama, equipment.id, C, '2025-04-01')
    expect(after.decision).toBe('allowed')
    expect(after.findings).toEqual([])
  })

  test('K15: 契約の相手方でない事業者は制限されず、制限対象企業の一覧には受託事業者が載る', async () => {
    expect((await bidCheck(matsuyama, design.id, X, '2026-01-01')).decision).toBe('allowed')
    const set = await matsuyama(`/api/procurements/${design.id}/restricted-companies?asOf=2027-03-31`)
    expect(set.statusCode, set.body).toBe(200)
    expect(RestrictedSetResult.parse(set.json()).companies.map((company) => company.corporateNumber)).toContain(C)
    const later = await matsuyama(`/api/procurements/${design.id}/restricted-companies?asOf=2027-04-01`)
    expect(RestrictedSetResult.parse(later.json()).companies.map((company) => company.corporateNumber)).not.toContain(C)
  })

  test('他の団体の契約は判定に使われない', async () => {
    const own = await createProcurement(imabari, { title: '今治市の設計・開発', categories: ['design_development'] })
    expect((await bidCheck(imabari, own.id, C, '2025-01-01')).decision).toBe('allowed')
  })
})

describe('入力の誤り → 400', () => {
  test.each([
    ['存在しない規則テンプレート', { rules: [{ templateId: 'Z9', params: {} }] }, 'rules'],
    ['契約に付けられない規則', { rules: [{ templateId: 'B1', params: {} }] }, 'rules.0.templateId'],
    ['パラメータが範囲外（A2 の年数 6）', { rules: [{ templateId: 'A2', params: { yearsAfter: 6 } }] }, 'rules.0.params'],
    ['パラメータが範囲外（区分が不正）', { rules: [{ templateId: 'A1', params: { categories: ['space'] } }] }, 'rules.0.params'],
    ['終了日が開始日より前', { startsOn: '2025-04-01', endsOn: '2025-03-31' }, 'endsOn'],
    ['法人番号のチェックデジット誤り', { corporateNumber: '1234567890123' }, 'corporateNumber', 'INVALID_CORPORATE_NUMBER'],
    ['法人番号の桁数誤り', { corporateNumber: '12345' }, 'corporateNumber', 'INVALID_CORPORATE_NUMBER'],
    ['登録されていない法人', { corporateNumber: UNKNOWN }, 'corporateNumber'],
    ['契約の種類が不正', { kind: 'ukeoi' }, 'kind'],
  ])('%s', async (_label, override, path, code = 'VALIDATION_FAILED') => {
    const body = expectError(await matsuyama({ method: 'POST', url: '/api/contracts', payload: { ...validContract, ...override } }), 400, code)
    expect(body.error.message).toMatch(/[ぁ-んァ-ヶ一-龠]/)
    expect((body.error.details ?? []).map((detail) => detail.path).join(' ')).toContain(path)
  })

  test('登録されていない法人には日本語の説明', async () => {
    const body = expectError(await matsuyama({ method: 'POST', url: '/api/contracts', payload: { ...validContract, corporateNumber: UNKNOWN } }), 400)
    expect(body.error.details).toContainEqual({ path: 'corporateNumber', message: 'この法人番号の法人は登録されていません。先に法人を登録してください。' })
  })
})

describe('テナント分離', () => {
  test('他の団体の契約は 404、一覧には出ない', async () => {
    expectError(await imabari(`/api/contracts/${contractOfC.id}`), 404, 'NOT_FOUND')
    const list = await imabari('/api/contracts')
    expect(list.statusCode, list.body).toBe(200)
    expect(list.json()).toMatchObject({ items: [], total: 0 })
  })

  test('市区町村の担当者以外は登録・閲覧できない', async () => {
    expectError(await ehime(`/api/contracts/${contractOfC.id}`), 403)
    expectError(await ehime({ method: 'POST', url: '/api/contracts', payload: validContract }), 403)
    expect((await app.inject(`/api/contracts/${contractOfC.id}`)).statusCode).toBe(401)
  })
})
