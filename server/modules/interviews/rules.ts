/**
 * Pure rules of interview scheduling: which slots may be proposed, what each side may do in each state, and how
 * the calendar event's SEQUENCE moves. No I/O and no clock: `now` is passed in.
 */
import type { InterviewAction, InterviewState, SlotInput } from '#shared/contracts/interviews'

export interface SlotIssue {
  path: string
  message: string
}

export interface TimedSlot {
  startsAt: Date
  endsAt: Date
}

export function timed(slot: SlotInput): TimedSlot & Pick<SlotInput, 'mode' | 'location'> {
  const startsAt = new Date(slot.startsAt)
  return { mode: slot.mode, location: slot.location, startsAt, endsAt: new Date(startsAt.getTime() + slot.durationMinutes * 60_000) }
}

const URL_PATTERN = /^https?:\/\/[^\s]+$/

/**
 * Slots in the past, slots that overlap another slot of the same proposal, and an online slot without a meeting
 * link are refused; each issue names the slot's field.
 */
export function slotIssues(slots: readonly SlotInput[], now: Date): SlotIssue[] {
  const issues: SlotIssue[] = []
  const times = slots.map(timed)
  times.forEach((slot, index) => {
    if (slot.startsAt.getTime() <= now.getTime()) {
      issues.push({ path: `slots.${index}.startsAt`, message: `候補${index + 1}の開始日時が過去です。現在より後の日時を指定してください。` })
    }
    const overlapping = times.findIndex((other, j) => j < index && slot.startsAt < other.endsAt && other.startsAt < slot.endsAt)
    if (overlapping >= 0) {
      issues.push({
        path: `slots.${index}.startsAt`,
        message: `候補${index + 1}が候補${overlapping + 1}と時間が重なっています。重ならない日時にしてください。`,
      })
    }
    if (slot.mode === 'online' && !URL_PATTERN.test(slot.location)) {
      issues.push({ path: `slots.${index}.location`, message: `候補${index + 1}はオンラインのため、会議のURL（https://…）を入力してください。` })
    }
  })
  return issues
}

export type Side = 'staff' | 'candidate'

const ACTIONS: Record<InterviewState, Record<Side, readonly InterviewAction[]>> = {
  proposed: { staff: ['propose', 'cancel'], candidate: ['choose', 'ask_for_others'] },
  reschedule_requested: { staff: ['propose', 'cancel'], candidate: [] },
  scheduled: { staff: ['propose', 'cancel', 'download'], candidate: ['ask_for_others', 'download'] },
  cancelled: { staff: [], candidate: [] },
}

/** What a side may do in a state; a cancelled event that had been issued can still be downloaded (as cancelled). */
export function allowedActions(state: InterviewState, side: Side, issued: boolean): InterviewAction[] {
  const actions = [...ACTIONS[state][side]]
  if (state === 'cancelled' && issued) actions.push('download')
  return actions
}

export function mayDo(state: InterviewState, side: Side, action: InterviewAction, issued = false): boolean {
  return allowedActions(state, side, issued).includes(action)
}

/** The SEQUENCE of the next issued version: 0 for the first invitation, one more for each change or cancellation. */
export function nextSequence(event: { issued: boolean; sequence: number }): number {
  return event.issued ? event.sequence + 1 : event.sequence
}

/** Calendar date in Japan of an instant (for "the day before"). */
function japanDate(at: Date): string {
  return new Date(at.getTime() + 9 * 3600_000).toISOString().slice(0, 10)
}

/** Whether the day-before reminder is due now: the interview is tomorrow in Japan's calendar. */
export function reminderDue(startsAt: Date, now: Date): boolean {
  const tomorrow = new Date(now.getTime() + 24 * 3600_000)
  return japanDate(startsAt) === japanDate(tomorrow)
}
