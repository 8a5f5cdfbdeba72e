/**
 * 誓約書 (手順書 §4.4(4), 参考4.4-⑨) through the API, in the world of api-world.ts: recording a received pledge, its
 * PDF, the appointments without one, and the disclosed side jobs joining the bid facts.
 */
import { describe, expect, test } from 'vitest'
import { AppointmentRestrictions, Pledge } from '#shared/contracts/bid-restrictions'
import { pdfText } from '../../../test/support/pdf-text.ts'
import { insertAppointment, insertCompanies } from './api-fixtures.ts'
import { bidCheck, candidate, createProcurement, db, ehime, expectError, imabari, matsuyama, yamada, yamadaImabari } from './api-world.ts'
import { companyNames, corporateNumber, MATSUYAMA, P, S1 } from './test-fixtures.ts'

describe('誓約書', () => {
  test('記録・取得・PDF（和暦）・誓約書のない任用の一覧', async () => {
    const other = await insertAppointment(db, { municipalityCode: MATSUYAMA, startsOn: '2025-06-01', endsOn: '2026-05-31', employments: [] })
    const before = await matsuyama.inject('/api/appointments/without-pledge')
    expect(before.statusCode, before.body).toBe(200)
    expect(before.json().items.map((item: { appointmentId: string }) => item.appointmentId)).toEqual(
      expect.arrayContaining([yamada.appointmentId, other.appointmentId]),
    )

    const SIDE = corporateNumber('306000000001')
    const response = await matsuyama.inject({
      method: 'POST',
      url: `/api/appointments/${other.appointmentId}/pledge`,
      payload: {
        signerName: '鈴木 一郎',
        signedOn: '2025-06-01',
        disclosedEmployers: [{ corporateNumber: S1, name: companyNames[S1], relationship: 'employee', startsOn: '2020-04-01', endsOn: null }],
        sideJobs: [{ corporateNumber: SIDE, name: '兼業先合同会社', startsOn: '2024-04-01' }],
        shareholdings: [{ corporateNumber: P, name: companyNames[P], holding: '1,000株' }],
      },
    })
    expect(response.statusCode, response.body).toBe(201)
    expect(Pledge.parse(response.json()).sideJobs[0]).toMatchObject({ corporateNumber: SIDE, endsOn: null })
    expect(Pledge.parse((await matsuyama.inject(`/api/appointments/${other.appointmentId}/pledge`)).json()).signerName).toBe('鈴木 一郎')

    const after = await matsuyama.inject('/api/appointments/without-pledge')
    const ids = after.json().items.map((item: { appointmentId: string }) => item.appointmentId)
    expect(ids).toContain(yamada.appointmentId)
    expect(ids).not.toContain(other.appointmentId)
    const prefectureView = await ehime.inject('/api/appointments/without-pledge')
    expect(prefectureView.json().items.map((item: { appointmentId: string }) => item.appointmentId)).toEqual(
      expect.arrayContaining([yamada.appointmentId, yamadaImabari.appointmentId]),
    )

    const restrictions = AppointmentRestrictions.parse((await matsuyama.inject(`/api/appointments/${other.appointmentId}/restrictions`)).json())
    expect(restrictions.hasPledge).toBe(true)

    const pdf = await matsuyama.inject(`/api/appointments/${other.appointmentId}/pledge.pdf`)
    expect(pdf.statusCode).toBe(200)
    expect(pdf.headers['content-type']).toBe('application/pdf')
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const extracted = await pdfText(pdf.rawPayload)
    expect(extracted).toContain('誓約書')
    expect(extracted).toContain('令和7年6月1日')
    expect(extracted).toContain('兼業先合同会社')
    expect(extracted).toContain('1,000株')
    // 手順書 §4.4(4): a 特別職非常勤職員's pledge sets 任用・解職, 信用失墜行為の禁止, 守秘義務, 職務専念義務 beside 参考4.4-⑨
    for (const words of ['服務等の任用規律', '任用及び解職', '信用を傷つけ', '職務に専念', '利益相反行為を行いません']) expect(extracted).toContain(words)

    expectError(await matsuyama.inject(`/api/appointments/${yamada.appointmentId}/pledge`), 404, 'NOT_FOUND')
    expectError(await matsuyama.inject(`/api/appointments/${yamada.appointmentId}/pledge.pdf`), 404, 'NOT_FOUND')
    expectError(await imabari.inject(`/api/appointments/${other.appointmentId}/pledge.pdf`), 404, 'NOT_FOUND')
    expectError(await candidate.inject(`/api/appointments/${other.appointmentId}/pledge.pdf`), 403, 'FORBIDDEN')
    expectError(
      await matsuyama.inject({ method: 'POST', url: `/api/appointments/${other.appointmentId}/pledge`, payload: { signerName: '', signedOn: '令和7年' } }),
      400,
      'VALIDATION_FAILED',
    )
  })

  test.each<[string, string, boolean]>([
    ['特別職非常勤職員: 服務等の任用規律を含む（手順書 §4.4(4)）', 'tokubetsushoku_hijokin', true],
    ['業務委託: 参考4.4-⑨の項目のみ（服務は契約書で担保）', 'gyomu_itaku', false],
  ])('誓約書の項目 — %s', async (_name, appointmentForm, discipline) => {
    const person = await insertAppointment(db, { municipalityCode: MATSUYAMA, startsOn: '2025-04-01', endsOn: '2026-03-31', employments: [], appointmentForm })
    const recorded = await matsuyama.inject({
      method: 'POST',
      url: `/api/appointments/${person.appointmentId}/pledge`,
      payload: { signerName: '高橋', signedOn: '2025-04-01' },
    })
    expect(recorded.statusCode, recorded.body).toBe(201)
    const pledge = Pledge.parse((await matsuyama.inject(`/api/appointments/${person.appointmentId}/pledge`)).json())
    const items = pledge.sections.flatMap((section) => section.items.map((item) => item.id))
    expect(items.includes('devotion_to_duty')).toBe(discipline)
    expect(items.includes('no_discredit')).toBe(discipline)
    expect(items).toContain('no_conflict_of_interest')
    const extracted = await pdfText((await matsuyama.inject(`/api/appointments/${person.appointmentId}/pledge.pdf`)).rawPayload)
    expect(extracted.includes('職務に専念')).toBe(discipline)
    expect(extracted).toContain('兼業先を開示')
  })

  test('誓約書で開示した兼業先は判定の事実に加わる（規則D）', async () => {
    const SIDE = corporateNumber('307000000001')
    await insertCompanies(db, { [SIDE]: '兼業先株式会社' })
    const person = await insertAppointment(db, {
      municipalityCode: MATSUYAMA,
      startsOn: '2025-04-01',
      endsOn: '2026-03-31',
      employments: [],
      bidRestriction: { templateIds: ['D'] },
    })
    const procurement = await createProcurement(matsuyama.inject, {
      title: '兼業先の確認',
      participants: [{ appointmentId: person.appointmentId, role: 'evaluates' }],
    })
    expect((await bidCheck(matsuyama.inject, procurement.id, SIDE)).decision).toBe('allowed')
    await matsuyama.inject({
      method: 'POST',
      url: `/api/appointments/${person.appointmentId}/pledge`,
      payload: { signerName: '佐藤', signedOn: '2025-04-01', sideJobs: [{ corporateNumber: SIDE, name: '兼業先株式会社', startsOn: '2025-01-01' }] },
    })
    const after = await bidCheck(matsuyama.inject, procurement.id, SIDE)
    expect(after.decision).toBe('restricted_exemptible')
    expect(after.findings[0]!.ruleId).toBe('D')
  })
})
