/**
 * Interviews (面接): staff of the posting municipality propose one to three slots, the applicant picks one or asks
 * for others; the chosen slot becomes a calendar event (iCalendar) that keeps its UID through changes.
 */
import { z } from 'zod'
import { endpoint, page, PageQuery } from './endpoint.ts'

export const InterviewState = z.enum(['proposed', 'scheduled', 'reschedule_requested', 'cancelled'])
export type InterviewState = z.infer<typeof InterviewState>

export const interviewStateLabels: Record<InterviewState, string> = {
  proposed: '候補日時の提案中',
  scheduled: '日時確定',
  reschedule_requested: '再調整の依頼あり',
  cancelled: '取りやめ',
}

export const InterviewMode = z.enum(['online', 'in_person'])
export type InterviewMode = z.infer<typeof InterviewMode>
export const interviewModeLabels: Record<InterviewMode, string> = { online: 'オンライン', in_person: '対面' }

export const MAX_SLOTS = 3

export const SlotInput = z.object({
  startsAt: z.iso.datetime({ offset: true, message: '開始日時は日時（ISO 8601）で入力してください。' }),
  durationMinutes: z
    .number({ message: '所要時間は分で入力してください。' })
    .int({ message: '所要時間は分単位で入力してください。' })
    .min(15, { message: '所要時間は15分以上にしてください。' })
    .max(240, { message: '所要時間は240分以内にしてください。' })
    .default(60),
  mode: InterviewMode,
  /** The meeting link (online) or the place (in person). */
  location: z
    .string({ message: '会議のURLまたは場所を入力してください。' })
    .trim()
    .min(1, { message: '会議のURLまたは場所を入力してください。' })
    .max(500, { message: '会議のURLまたは場所は500文字以内で入力してください。' }),
})
export type SlotInput = z.infer<typeof SlotInput>

export const ProposeRequest = z.object({
  slots: z
    .array(SlotInput)
    .min(1, { message: '候補日時を1件以上入力してください。' })
    .max(MAX_SLOTS, { message: `候補日時は${MAX_SLOTS}件までです。` }),
})
export type ProposeRequest = z.infer<typeof ProposeRequest>

export const ChooseRequest = z.object({ slotId: z.uuid({ message: '候補日時を選んでください。' }) })
export const AskForOthersRequest = z.object({
  note: z.string().trim().min(1, { message: '都合のよい日時などを入力してください。' }).max(1000, { message: '1000文字以内で入力してください。' }),
})
export const CancelRequest = z.object({ reason: z.string().trim().max(1000, { message: '理由は1000文字以内で入力してください。' }).default('') })

export const InterviewSlot = z.object({
  id: z.string(),
  position: z.number().int(),
  startsAt: z.string(),
  endsAt: z.string(),
  mode: InterviewMode,
  location: z.string(),
})
export type InterviewSlot = z.infer<typeof InterviewSlot>

export const InterviewAction = z.enum(['choose', 'ask_for_others', 'propose', 'cancel', 'download'])
export type InterviewAction = z.infer<typeof InterviewAction>

export const Interview = z.object({
  id: z.string(),
  applicationId: z.string(),
  postingTitle: z.string().nullable(),
  municipalityName: z.string(),
  /** Shown to the municipality only. */
  candidateName: z.string().nullable(),
  state: InterviewState,
  /** The calendar event's UID and SEQUENCE (RFC 5545). */
  uid: z.string(),
  sequence: z.number().int(),
  slots: z.array(InterviewSlot),
  chosenSlotId: z.string().nullable(),
  candidateNote: z.string(),
  cancelReason: z.string(),
  /** What the caller may do now. */
  allowed: z.array(InterviewAction),
  updatedAt: z.string(),
})
export type Interview = z.infer<typeof Interview>

export const ApplicationInterviewParams = z.object({ applicationId: z.uuid({ message: '応募IDの形式が正しくありません。' }) })
export const InterviewIdParams = z.object({ id: z.uuid({ message: '面接IDの形式が正しくありません。' }) })

const tags = ['面接']

export const listApplicationInterviews = endpoint({
  operationId: 'listApplicationInterviews',
  method: 'GET',
  path: '/api/applications/:applicationId/interviews',
  summary: '応募の面接（新しい順、取りやめたものを含む）',
  tags,
  params: ApplicationInterviewParams,
  query: PageQuery,
  response: page(Interview),
})

export const proposeInterview = endpoint({
  operationId: 'proposeInterview',
  method: 'POST',
  path: '/api/applications/:applicationId/interviews',
  summary: '面接の候補日時（1〜3件）を応募者に提案する',
  tags,
  params: ApplicationInterviewParams,
  body: ProposeRequest,
  response: Interview,
  successStatus: 201,
})

export const reproposeInterview = endpoint({
  operationId: 'reproposeInterview',
  method: 'POST',
  path: '/api/interviews/:id/slots',
  summary: '候補日時を出し直す（確定済みの面接に1件だけ出すと、その日時への変更）',
  tags,
  params: InterviewIdParams,
  body: ProposeRequest,
  response: Interview,
})

export const chooseInterviewSlot = endpoint({
  operationId: 'chooseInterviewSlot',
  method: 'POST',
  path: '/api/interviews/:id/choice',
  summary: '候補日時から1件を選ぶ（応募者）',
  tags,
  params: InterviewIdParams,
  body: ChooseRequest,
  response: Interview,
})

export const askForOtherSlots = endpoint({
  operationId: 'askForOtherSlots',
  method: 'POST',
  path: '/api/interviews/:id/reschedule-request',
  summary: '別の日時を依頼する（応募者）',
  tags,
  params: InterviewIdParams,
  body: AskForOthersRequest,
  response: Interview,
})

export const cancelInterview = endpoint({
  operationId: 'cancelInterview',
  method: 'POST',
  path: '/api/interviews/:id/cancel',
  summary: '面接を取りやめる（団体の担当者）',
  tags,
  params: InterviewIdParams,
  body: CancelRequest,
  response: Interview,
})

/** The calendar file (text/calendar) of a scheduled or cancelled interview; served outside `route()` as it is not JSON. */
export const INTERVIEW_CALENDAR_PATH = '/api/interviews/:id/calendar.ics'
