import type { PostingFormInput } from '#shared/domain/postings/form'

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

