import { expect } from 'vitest'
import { StaffPosting } from '#shared/contracts/postings'
import type { PostingFormInput } from '#shared/domain/postings/form'
import { ErrorBody } from '#shared/errors'
import type { SignedInInject } from '../../../test/support/actors.ts'

/** A complete CIO補佐官 posting (松山市), the base of the examples below. */
export const completeForm: PostingFormInput = {
  department: '総務部 デジタル推進課',
  contactName: '松山 太郎',
  contactEmail: 'dx@city.example.jp',
  title: 'CIO補佐官',
  roleId: 'producer',
  dutyAreas: [
    { area: 'overall_policy', involvement: 'lead' },
    { area: 'security', involvement: 'advise' },
  ],
  dutyDescription: '全庁のDX推進方針の策定と推進体制づくりを支援する。',
  criteria: [{ kind: 'job_type_level', importance: 'required', jobTypeIds: ['uiss.business_strategist'], minLevel: 4 }],
  appointmentForm: 'tokubetsushoku_hijokin',
  workDaysPer: 'week',
  workDays: 2,
  hoursPerDay: 7.5,
  remoteAllowed: true,
  onSiteFrequency: '月2回',
  sideJobAllowed: true,
  workplace: '松山市役所',
  payAmount: 40_000,
  payUnit: 'daily',
  travelCostsPaid: true,
  termStartsOn: '2026-07-01',
  termEndsOn: '2027-03-31',
  renewable: true,
  openings: 1,
  applicationStartsOn: '2026-04-01',
  applicationEndsOn: '2026-05-31',
  selectionSteps: ['documents', 'interview_online'],
  howToApply: '応募書類を電子メールで提出してください。',
}

/** The workflow steps of the API tests, by the given author, their prefecture and the national administrator. */
export function postingSteps(by: { author: SignedInInject; prefecture: SignedInInject; national: SignedInInject }) {
  async function create(as: SignedInInject, form: PostingFormInput = completeForm): Promise<StaffPosting> {
    const response = await as({ method: 'POST', url: '/api/staff/postings', payload: form })
    expect(response.statusCode, response.body).toBe(201)
    return StaffPosting.parse(response.json())
  }
  const act = (as: SignedInInject, id: string, action: string, extra: Record<string, unknown> = {}) =>
    as({ method: 'POST', url: `/api/staff/postings/${id}/transitions`, payload: { action, ...extra } })
  /** draft → submitted → forwarded → published, by the right people. */
  async function publish(form: PostingFormInput = completeForm, as = by.author): Promise<StaffPosting> {
    const draft = await create(as, form)
    await expectOk(await act(as, draft.id, 'submit'))
    await expectOk(await act(by.prefecture, draft.id, 'forward'))
    return expectOk(await act(by.national, draft.id, 'publish'))
  }
  return { create, act, publish }
}

export async function expectOk(response: { statusCode: number; body: string; json: () => unknown }): Promise<StaffPosting> {
  expect(response.statusCode, response.body).toBe(200)
  return StaffPosting.parse(response.json())
}

export function expectError(response: { statusCode: number; json: () => unknown }, status: number, code: string) {
  expect(response.statusCode).toBe(status)
  const body = ErrorBody.parse(response.json())
  expect(body.error.code).toBe(code)
  return body
}
