/**
 * The world of the 入札制限 API tests (test-only), with the cast of 手順書 参考4.4-⑦⑧⑨: P (parent) with subsidiaries S1
 * and S2 (sisters), G a subsidiary of S1, X unrelated, 山田 at X 2012-04-01 → 2022-03-31 and at S1 since 2022-04-01,
 * appointed by 松山市 2025-04-01 → 2027-03-31. Today is 2025-10-01 in Japan unless a test gives asOf. Each test file
 * that imports it gets its own app and database.
 */
import { expect } from 'vitest'
import { Procurement, BidCheckResult } from '#shared/contracts/bid-restrictions'
import { ErrorBody } from '#shared/errors'
import { createAndSignIn, type SignedInInject } from '../../../test/support/actors.ts'
import { startTestApp } from '../../../test/support/app.ts'
import { insertAppointment, insertCompanies, insertLinks } from './api-fixtures.ts'
import { companyNames, G, IMABARI, MATSUYAMA, P, S1, S2, yamadaEmployments } from './test-fixtures.ts'

export const now = new Date('2025-10-01T09:00:00+09:00')
export const { app, engine } = await startTestApp({ clock: () => now })
export const db = engine.db

export const matsuyama = await createAndSignIn(app, db, { kind: 'municipality', localGovernmentCode: MATSUYAMA })
export const imabari = await createAndSignIn(app, db, { kind: 'municipality', localGovernmentCode: IMABARI })
export const ehime = await createAndSignIn(app, db, { kind: 'prefecture', prefectureCode: '38' })
export const national = await createAndSignIn(app, db, { kind: 'national' })
export const candidate = await createAndSignIn(app, db, { kind: 'candidate' })

await insertCompanies(db, companyNames)
await insertLinks(db, [
  { kind: 'parent_subsidiary', from: P, to: S1 },
  { kind: 'parent_subsidiary', from: P, to: S2 },
  { kind: 'parent_subsidiary', from: S1, to: G },
  // messy data: a cycle back to the top and a duplicate, overlapping link
  { kind: 'parent_subsidiary', from: G, to: P, startsOn: '2030-01-01' },
  { kind: 'parent_subsidiary', from: P, to: S1, startsOn: '2020-01-01', endsOn: '2026-12-31' },
])

// 山田 at 松山市 (rules from the posting's clause: B2 and D) and, as a shared person, at 今治市 with a shorter term.
export const yamada = await insertAppointment(db, {
  municipalityCode: MATSUYAMA,
  startsOn: '2025-04-01',
  endsOn: '2027-03-31',
  employments: yamadaEmployments,
  bidRestriction: { templateIds: ['B2', 'D', 'C1', 'A2'], params: { B2: { lookbackYears: 2 } } },
})
export const yamadaImabari = await insertAppointment(db, {
  municipalityCode: IMABARI,
  startsOn: '2025-04-01',
  endsOn: '2025-12-31',
  employments: yamadaEmployments,
  candidateId: yamada.candidateId,
  bidRestriction: { templateIds: ['B1'] },
})

export function expectError(response: { statusCode: number; json: () => unknown }, status: number, code?: string) {
  expect(response.statusCode, JSON.stringify(response.json())).toBe(status)
  const body = ErrorBody.parse(response.json())
  if (code) expect(body.error.code).toBe(code)
  return body
}

export async function createProcurement(as: SignedInInject, payload: Record<string, unknown>): Promise<Procurement> {
  const response = await as({
    method: 'POST',
    url: '/api/procurements',
    payload: { title: '基幹システム更改', categories: ['design_development'], ...payload },
  })
  expect(response.statusCode, response.body).toBe(201)
  return Procurement.parse(response.json())
}

export async function bidCheck(as: SignedInInject, procurementId: string, bidder: string, asOf?: string) {
  const response = await as({ method: 'POST', url: '/api/bid-checks', payload: { procurementId, bidderCorporateNumber: bidder, ...(asOf ? { asOf } : {}) } })
  expect(response.statusCode, response.body).toBe(200)
  return BidCheckResult.parse(response.json())
}

// R1: 山田 advises on it and drafts its specification; R2: 山田 does not touch it.
export const r1 = await createProcurement(matsuyama.inject, {
  title: 'R1 基幹システム更改',
  participants: [
    { appointmentId: yamada.appointmentId, role: 'advises' },
    { appointmentId: yamada.appointmentId, role: 'drafts_spec' },
  ],
  expectedBidderCorporateNumbers: [S1],
})
export const r2 = await createProcurement(matsuyama.inject, { title: 'R2 窓口端末の購入', categories: ['equipment_software'] })
