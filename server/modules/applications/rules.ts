/**
 * Pure rules of the selection pipeline: 応募受付 → 書類選考 → 面接 → 内定 → 任用, or 不採用 / 辞退 on the way, and
 * the candidate's withdrawal until a decision. No I/O.
 */
import type { ApplicationStatus, AppointmentInput } from '#shared/contracts/applications'
import type { IsoDate } from '#shared/domain/dates'
import type { FactIssue } from '#shared/domain/levels'
import { APPOINTMENT_FORM_RULES, isPartTime, termProblems } from '#shared/domain/postings/appointment-forms'

/** Steps staff may take from each status. 面接 → 面接 records another interview date. */
const STAFF_STEPS: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  received: ['screening', 'rejected', 'declined'],
  screening: ['interview', 'offered', 'rejected', 'declined'],
  interview: ['interview', 'offered', 'rejected', 'declined'],
  offered: ['appointed', 'declined'],
  appointed: [],
  rejected: [],
  declined: [],
  withdrawn: [],
}

/** A candidate may withdraw until a decision (内定 or 不採用) is made. */
const WITHDRAWABLE: readonly ApplicationStatus[] = ['received', 'screening', 'interview']

export type StepActor = 'staff' | 'candidate'

export function allowedNextStatuses(current: ApplicationStatus, by: StepActor): ApplicationStatus[] {
  if (by === 'candidate') return WITHDRAWABLE.includes(current) ? ['withdrawn'] : []
  return [...STAFF_STEPS[current]]
}

export type StepDecision = { allowed: true } | { allowed: false; reason: string }

export function decideStep(current: ApplicationStatus, to: ApplicationStatus, by: StepActor): StepDecision {
  if (allowedNextStatuses(current, by).includes(to)) return { allowed: true }
  if (by === 'candidate') return { allowed: false, reason: '選考結果が出た後の応募は取り下げられません。' }
  if (STAFF_STEPS[current].length === 0) return { allowed: false, reason: 'この応募の選考はすでに終了しています。' }
  return { allowed: false, reason: `「${current}」から「${to}」には進められません。` }
}

export function isFinal(status: ApplicationStatus): boolean {
  return STAFF_STEPS[status].length === 0
}

/**
 * What the 任用形態 allows of an appointment (./appointment-forms.ts in shared/domain/postings): the cap on the total
 * term and the single 年度, and a full-time form recorded with part-time days (手順書 参考4.4-⑥).
 */
export function appointmentIssues(input: AppointmentInput, workDays: { days: number; per: 'week' | 'month' } | null): FactIssue[] {
  const issues: FactIssue[] = []
  if (input.endsOn < input.startsOn) issues.push({ path: 'appointment.endsOn', message: '任期の終了日が開始日より前になっています。' })
  else issues.push(...termProblems(input.appointmentForm, input).map((problem) => ({ path: `appointment.${problem.field}`, message: problem.message })))
  if (APPOINTMENT_FORM_RULES[input.appointmentForm].fullTime && workDays && isPartTime(workDays.days, workDays.per)) {
    issues.push({ path: 'appointment.workDays', message: '特定任期付職員はフルタイム（常勤）の職です。勤務日数は週5日（月20日）以上にしてください。' })
  }
  return issues
}

/** PDF files start with "%PDF-" (ISO 32000-1 §7.5.2). */
export function isPdf(bytes: Uint8Array): boolean {
  const magic = [0x25, 0x50, 0x44, 0x46, 0x2d]
  return bytes.length >= magic.length && magic.every((byte, index) => bytes[index] === byte)
}

export function isActiveOn(term: { startsOn: IsoDate; endsOn: IsoDate }, date: IsoDate): boolean {
  return term.startsOn <= date && date <= term.endsOn
}

/**
 * 勤務日数 of an appointment: what the 任用 step gave, else the posting's working conditions (勤務日数 per week or
 * month in its form), else unknown (null). A weekly figure above 7 days from the posting is not trusted.
 */
export function appointmentWorkDays(
  input: { workDays?: number | undefined; workDaysPer?: 'week' | 'month' | undefined },
  posting: { workDays: number | null; workDaysPer: 'week' | 'month' | null } | undefined,
): { days: number; per: 'week' | 'month' } | null {
  if (input.workDays !== undefined && input.workDaysPer !== undefined) return { days: input.workDays, per: input.workDaysPer }
  if (!posting || posting.workDays === null || posting.workDaysPer === null) return null
  if (posting.workDays <= 0 || (posting.workDaysPer === 'week' && posting.workDays > 7) || posting.workDays > 31) return null
  return { days: posting.workDays, per: posting.workDaysPer }
}
