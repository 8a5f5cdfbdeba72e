/**
 * 応募 through 任用 (手順書 §4.4(2)(3)): applications to published postings, the staff's selection steps, and the
 * appointments that result.
 */
import { z } from 'zod'
import { isIsoDate } from '../domain/dates.ts'
import { AppointmentForm, PostingRoleId, WorkDaysPer } from '../domain/postings/form.ts'
import { endpoint, page, PageQuery } from './endpoint.ts'

export const ApplicationStatus = z.enum(['received', 'screening', 'interview', 'offered', 'appointed', 'rejected', 'declined', 'withdrawn'])
export type ApplicationStatus = z.infer<typeof ApplicationStatus>

export const applicationStatusLabels: Record<ApplicationStatus, string> = {
  received: '応募受付',
  screening: '書類選考',
  interview: '面接',
  offered: '内定',
  appointed: '任用',
  rejected: '不採用',
  declined: '辞退',
  withdrawn: '取下げ',
}

/** Résumé limits: PDF only (checked by its first bytes), at most 5 MB. */
export const RESUME_MAX_BYTES = 5 * 1024 * 1024
/** Base64 of 5 MB plus a little slack for the JSON around it. */
export const APPLY_BODY_LIMIT = Math.ceil((RESUME_MAX_BYTES * 4) / 3) + 64 * 1024

const IsoDate = (label: string) =>
  z.string({ message: `${label}は日付で入力してください。` }).refine(isIsoDate, { message: `${label}は YYYY-MM-DD 形式の正しい日付で入力してください。` })

export const ApplicationId = z.uuid({ message: '応募IDの形式が正しくありません。' })
export const ApplicationIdParams = z.object({ id: ApplicationId })
export const PostingApplicationParams = z.object({ postingId: z.uuid({ message: '募集IDの形式が正しくありません。' }) })

export const ResumeUpload = z.object({
  fileName: z.string().trim().min(1).max(200),
  /** The PDF, base64 encoded. */
  contentBase64: z
    .string()
    .max(Math.ceil((RESUME_MAX_BYTES * 4) / 3) + 4, { message: '履歴書のファイルは5MB以内にしてください。' })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: '履歴書のファイルの形式が正しくありません（base64）。' }),
})

export const ApplyRequest = z.object({
  motivation: z.string().trim().min(1, { message: '志望動機を入力してください。' }).max(4000, { message: '志望動機は4000文字以内で入力してください。' }),
  resume: ResumeUpload.nullable().default(null),
})
export type ApplyRequest = z.infer<typeof ApplyRequest>

export const AppointmentInput = z
  .object({
    roleId: PostingRoleId,
    appointmentForm: AppointmentForm,
    startsOn: IsoDate('任期の開始日'),
    endsOn: IsoDate('任期の終了日'),
    /** The duties include advice on procurement (調達への助言). */
    advisesOnProcurement: z.boolean(),
    /** The duties include drafting specifications (仕様書の作成). */
    draftsSpecifications: z.boolean(),
    /**
     * 勤務日数 (half days allowed) and its unit. Both omitted: the posting's working conditions are recorded. Sharing
     * counts them in the person's weekly capacity.
     */
    workDays: z
      .number({ message: '勤務日数は数値で入力してください。' })
      .multipleOf(0.5, { message: '勤務日数は0.5日単位で入力してください。' })
      .min(0.5, { message: '勤務日数は0.5日以上で入力してください。' })
      .max(31, { message: '勤務日数が大きすぎます。' })
      .optional(),
    workDaysPer: WorkDaysPer.optional(),
  })
  .refine((value) => value.endsOn >= value.startsOn, { message: '任期の終了日が開始日より前になっています。', path: ['endsOn'] })
  .refine((value) => (value.workDays === undefined) === (value.workDaysPer === undefined), {
    message: '勤務日数と単位（週・月）は両方入力してください。',
    path: ['workDaysPer'],
  })
  .refine((value) => value.workDaysPer !== 'week' || (value.workDays ?? 0) <= 7, { message: '週あたりの勤務日数は7日以内です。', path: ['workDays'] })
export type AppointmentInput = z.infer<typeof AppointmentInput>

export const StepRequest = z.object({
  to: ApplicationStatus.exclude(['withdrawn']),
  note: z.string().trim().max(2000).default(''),
  /** 面接の日時 (ISO instant). */
  interviewAt: z.iso.datetime({ offset: true, message: '面接日時は日時（ISO 8601）で入力してください。' }).nullable().default(null),
  /** Required when `to` is 'appointed'. */
  appointment: AppointmentInput.nullable().default(null),
})
export type StepRequest = z.infer<typeof StepRequest>

export const ApplicationStep = z.object({
  fromStatus: ApplicationStatus.nullable(),
  toStatus: ApplicationStatus,
  note: z.string(),
  interviewAt: z.string().nullable(),
  actorKind: z.string(),
  createdAt: z.string(),
})

export const Appointment = z.object({
  id: z.string(),
  applicationId: z.string(),
  postingId: z.string(),
  candidateId: z.string(),
  municipalityCode: z.string(),
  roleId: z.string(),
  appointmentForm: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  advisesOnProcurement: z.boolean(),
  draftsSpecifications: z.boolean(),
  /** 勤務日数 per week or month; null when not recorded (appointments made before it was). */
  workDays: z.number().nullable(),
  workDaysPer: WorkDaysPer.nullable(),
  employmentsAtAppointment: z.array(z.object({ corporateNumber: z.string(), relationship: z.string(), startsOn: z.string(), endsOn: z.string().nullable() })),
  createdAt: z.string(),
})
export type Appointment = z.infer<typeof Appointment>

/** An appointment as lists show it: by the person and the posting, not by an id. */
export const AppointmentListItem = Appointment.extend({
  /** The appointee's name, for their municipality and for themselves; null for others. */
  candidateName: z.string().nullable(),
  postingTitle: z.string().nullable(),
})
export type AppointmentListItem = z.infer<typeof AppointmentListItem>

export const ApplicationSummary = z.object({
  id: z.string(),
  postingId: z.string(),
  postingTitle: z.string().nullable(),
  municipalityCode: z.string(),
  candidateId: z.string(),
  /** Shown to the municipality only (the applicant shared it by applying). */
  candidateName: z.string().nullable(),
  status: ApplicationStatus,
  interviewAt: z.string().nullable(),
  hasResume: z.boolean(),
  submittedAt: z.string(),
  updatedAt: z.string(),
})
export type ApplicationSummary = z.infer<typeof ApplicationSummary>

export const ApplicationDetail = ApplicationSummary.extend({
  motivation: z.string().nullable(),
  resumeFileName: z.string().nullable(),
  resumeSize: z.number().int().nullable(),
  steps: z.array(ApplicationStep),
  appointment: Appointment.nullable(),
  /** Statuses the caller may move the application to now. */
  allowedNext: z.array(ApplicationStatus),
})
export type ApplicationDetail = z.infer<typeof ApplicationDetail>

export const ApplicationQuery = PageQuery.extend({
  postingId: z.uuid().optional(),
  status: ApplicationStatus.optional(),
})

export const AppointmentQuery = z.object({
  activeOn: IsoDate('基準日').optional(),
})

export const ResumeFile = z.object({ fileName: z.string(), contentBase64: z.string(), size: z.number().int() })

const tags = ['応募・任用']

export const applyToPosting = endpoint({
  operationId: 'applyToPosting',
  method: 'POST',
  path: '/api/postings/:postingId/applications',
  summary: '公開中の募集に応募する（志望動機、任意で PDF の履歴書 5MB まで）',
  tags,
  params: PostingApplicationParams,
  body: ApplyRequest,
  response: ApplicationDetail,
  successStatus: 201,
})

export const listOwnApplications = endpoint({
  operationId: 'listOwnApplications',
  method: 'GET',
  path: '/api/applications/mine',
  summary: '自分の応募の一覧',
  tags,
  response: z.object({ items: z.array(ApplicationSummary), total: z.number().int() }),
})

export const listApplications = endpoint({
  operationId: 'listApplications',
  method: 'GET',
  path: '/api/applications',
  summary: '自団体の募集への応募の一覧',
  tags,
  query: ApplicationQuery,
  response: page(ApplicationSummary),
})

export const getApplication = endpoint({
  operationId: 'getApplication',
  method: 'GET',
  path: '/api/applications/:id',
  summary: '応募の詳細と選考の経過',
  tags,
  params: ApplicationIdParams,
  response: ApplicationDetail,
})

export const getApplicationResume = endpoint({
  operationId: 'getApplicationResume',
  method: 'GET',
  path: '/api/applications/:id/resume',
  summary: '応募に添付された履歴書（PDF, base64）',
  tags,
  params: ApplicationIdParams,
  response: ResumeFile,
})

export const withdrawApplication = endpoint({
  operationId: 'withdrawApplication',
  method: 'POST',
  path: '/api/applications/:id/withdraw',
  summary: '応募を取り下げる（選考結果が出るまで）',
  tags,
  params: ApplicationIdParams,
  response: ApplicationDetail,
})

export const moveApplication = endpoint({
  operationId: 'moveApplication',
  method: 'POST',
  path: '/api/applications/:id/steps',
  summary: '選考を進める（書類選考・面接・内定・任用・不採用・辞退）',
  tags,
  params: ApplicationIdParams,
  body: StepRequest,
  response: ApplicationDetail,
})

export const listAppointments = endpoint({
  operationId: 'listAppointments',
  method: 'GET',
  path: '/api/appointments',
  summary: '任用の一覧（本人・自団体・管内）',
  tags,
  query: AppointmentQuery,
  response: z.object({ items: z.array(AppointmentListItem) }),
})
