/**
 * After 任用: an appointment's terms (更新, 途中終了), the reminders before a term ends, and the structured reviews of
 * how it went (手順書 §4.4(7)), with the prefecture's summary across its municipalities.
 */
import { z } from 'zod'
import { isIsoDate } from '../domain/dates.ts'
import { DxArea } from '../domain/postings/form.ts'
import { Appointment } from './applications.ts'
import { endpoint } from './endpoint.ts'

const IsoDate = (label: string) =>
  z.string({ message: `${label}は日付で入力してください。` }).refine(isIsoDate, { message: `${label}は YYYY-MM-DD 形式の正しい日付で入力してください。` })

const text = (label: string, min: number, max: number) =>
  z
    .string({ message: `${label}は文字列で入力してください。` })
    .trim()
    .min(min, { message: `${label}を入力してください。` })
    .max(max, { message: `${label}は${max}文字以内で入力してください。` })

export const AppointmentIdParams = z.object({ id: z.uuid({ message: '任用IDの形式が正しくありません。' }) })
export const EvaluationParams = AppointmentIdParams.extend({ evaluationId: z.uuid({ message: '評価IDの形式が正しくありません。' }) })

/** Days before a term's last day on which staff are reminded. */
export const TERM_REMINDER_DAYS = [90, 60, 30] as const

export const AppointmentTerm = z.object({
  seq: z.number().int(),
  startsOn: z.string(),
  endsOn: z.string(),
  /** 途中終了: the last day served, when the term ended before its end. */
  endedEarlyOn: z.string().nullable(),
  endReason: z.string().nullable(),
  note: z.string(),
  createdAt: z.string(),
})
export type AppointmentTerm = z.infer<typeof AppointmentTerm>

export const EvaluationOccasion = z.enum(['term_end', 'on_demand'], { message: '評価の時期を選んでください。' })
export type EvaluationOccasion = z.infer<typeof EvaluationOccasion>
export const evaluationOccasionLabels: Record<EvaluationOccasion, string> = { term_end: '任期末の評価', on_demand: '随時の評価' }

export const Assessment = z.enum(['exceeded', 'met', 'partly_met', 'not_met'], { message: '団体の評価を選んでください。' })
export type Assessment = z.infer<typeof Assessment>
export const assessmentLabels: Record<Assessment, string> = {
  exceeded: '期待を上回った',
  met: '期待どおり',
  partly_met: '一部が期待に届かなかった',
  not_met: '期待に届かなかった',
}

export const RenewalIntent = z.enum(['renew', 'not_renew', 'undecided'], { message: '更新の意向を選んでください。' })
export type RenewalIntent = z.infer<typeof RenewalIntent>
export const renewalIntentLabels: Record<RenewalIntent, string> = { renew: '更新する', not_renew: '更新しない', undecided: '検討中' }

export const EvaluationObjective = z.object({
  /** 取組分野 of the posting (手順書 §4.4(1)). */
  area: DxArea,
  achievement: text('成果', 0, 2000),
})

export const AppointmentEvaluation = z.object({
  id: z.string(),
  termSeq: z.number().int(),
  occasion: EvaluationOccasion,
  objectives: z.array(z.object({ area: DxArea, label: z.string(), achievement: z.string() })),
  assessment: Assessment,
  assessmentNote: z.string(),
  renewal: RenewalIntent,
  /** The person's own view, written by them; null until they do. */
  selfReview: z.string().nullable(),
  selfReviewedAt: z.string().nullable(),
  createdAt: z.string(),
})
export type AppointmentEvaluation = z.infer<typeof AppointmentEvaluation>

export const AppointmentDetail = Appointment.extend({
  candidateName: z.string().nullable(),
  postingTitle: z.string().nullable(),
  /** 取組分野 of the posting, the objectives an evaluation starts from. */
  dutyAreas: z.array(DxArea),
  terms: z.array(AppointmentTerm),
  evaluations: z.array(AppointmentEvaluation),
  /** What a renewal would be now: its first day and the latest last day the 任用形態 allows; null when none may be made. */
  renewal: z.object({ startsOn: z.string(), latestEndsOn: z.string().nullable(), proposedEndsOn: z.string() }).nullable(),
  /** Whether the caller may end the current term early (staff, term not over or ended). */
  canEndEarly: z.boolean(),
  viewer: z.enum(['staff', 'candidate']),
})
export type AppointmentDetail = z.infer<typeof AppointmentDetail>

export const RenewAppointmentBody = z.object({
  endsOn: IsoDate('新しい任期の終了日'),
  note: z.string().trim().max(1000, { message: '更新のメモは1000文字以内で入力してください。' }).default(''),
})

export const EndAppointmentEarlyBody = z.object({
  endedOn: IsoDate('終了日（最後の勤務日）'),
  reason: text('途中終了の理由', 1, 1000),
})

export const CreateEvaluationBody = z.object({
  occasion: EvaluationOccasion,
  objectives: z.array(EvaluationObjective).max(12, { message: '目標は12件までです。' }),
  assessment: Assessment,
  assessmentNote: z.string().trim().max(2000, { message: '評価のコメントは2000文字以内で入力してください。' }).default(''),
  renewal: RenewalIntent,
})

export const SelfReviewBody = z.object({ selfReview: text('本人の振り返り', 1, 2000) })

export const EvaluationOutcome = z.object({
  municipalityCode: z.string(),
  municipalityName: z.string(),
  /** Appointments serving or about to (last day today or later). */
  activeAppointments: z.number().int(),
  /** Active appointments whose term ends within 90 days. */
  endingSoon: z.number().int(),
  evaluations: z.number().int(),
  assessments: z.record(Assessment, z.number().int()),
  renewals: z.record(RenewalIntent, z.number().int()),
  selfReviews: z.number().int(),
})
export type EvaluationOutcome = z.infer<typeof EvaluationOutcome>

export const AppointmentSummary = z.object({
  id: z.string(),
  applicationId: z.string(),
  candidateName: z.string().nullable(),
  postingTitle: z.string().nullable(),
  appointmentForm: z.string(),
  /** The span served: first day of the first term to the last day of the last (or the early end). */
  startsOn: z.string(),
  endsOn: z.string(),
  /** Number of the current (last) term: 1 for the first, 2 after one renewal … */
  termSeq: z.number().int(),
  endedEarly: z.boolean(),
  evaluations: z.number().int(),
})
export type AppointmentSummary = z.infer<typeof AppointmentSummary>

const tags = ['任用後（更新・評価）']

export const listAppointmentSummaries = endpoint({
  operationId: 'listAppointmentSummaries',
  method: 'GET',
  path: '/api/appointment-summaries',
  summary: '任用の一覧（任期・評価の件数つき。自団体の任用、または本人の任用）',
  tags,
  response: z.object({ items: z.array(AppointmentSummary) }),
})

export const getAppointment = endpoint({
  operationId: 'getAppointment',
  method: 'GET',
  path: '/api/appointments/:id',
  summary: '任用の詳細（任期の履歴、評価）',
  tags,
  params: AppointmentIdParams,
  response: AppointmentDetail,
})

export const renewAppointment = endpoint({
  operationId: 'renewAppointment',
  method: 'POST',
  path: '/api/appointments/:id/renewals',
  summary: '任用を更新する（前の任期の翌日から、任用形態の上限の範囲で）',
  tags,
  params: AppointmentIdParams,
  body: RenewAppointmentBody,
  response: AppointmentDetail,
  successStatus: 201,
})

export const endAppointmentEarly = endpoint({
  operationId: 'endAppointmentEarly',
  method: 'POST',
  path: '/api/appointments/:id/early-end',
  summary: '任用を途中で終了する（終了日と理由）',
  tags,
  params: AppointmentIdParams,
  body: EndAppointmentEarlyBody,
  response: AppointmentDetail,
})

export const createAppointmentEvaluation = endpoint({
  operationId: 'createAppointmentEvaluation',
  method: 'POST',
  path: '/api/appointments/:id/evaluations',
  summary: '任用の評価を記録する（任期末・随時）',
  tags,
  params: AppointmentIdParams,
  body: CreateEvaluationBody,
  response: AppointmentDetail,
  successStatus: 201,
})

export const writeSelfReview = endpoint({
  operationId: 'writeSelfReview',
  method: 'PUT',
  path: '/api/appointments/:id/evaluations/:evaluationId/self-review',
  summary: '評価に本人の振り返りを書く（任用された本人）',
  tags,
  params: EvaluationParams,
  body: SelfReviewBody,
  response: AppointmentDetail,
})

export const listEvaluationOutcomes = endpoint({
  operationId: 'listEvaluationOutcomes',
  method: 'GET',
  path: '/api/appointment-evaluations/outcomes',
  summary: '管内市区町村の任用の評価の集計（都道府県）',
  tags,
  response: z.object({ items: z.array(EvaluationOutcome) }),
})
