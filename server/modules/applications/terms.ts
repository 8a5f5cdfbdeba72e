/**
 * Pure rules of an appointment's terms: what a renewal (更新) may be under its 任用形態, when a term may end early
 * (途中終了), and which of the 90/60/30-day reminders is due. No I/O.
 */
import { addDays, addYears, daysBetween, type IsoDate } from '#shared/domain/dates'
import type { FactIssue } from '#shared/domain/levels'
import { type AppointmentForm, clampTermEnd, latestEndOf, termProblems } from '#shared/domain/postings/index'
import { TERM_REMINDER_DAYS } from '#shared/contracts/appointments'

export interface Term {
  seq: number
  startsOn: IsoDate
  endsOn: IsoDate
  endedEarlyOn: IsoDate | null
}

/** The last day of a term actually served: its early end, else its end. */
export function lastDayOf(term: Term): IsoDate {
  return term.endedEarlyOn ?? term.endsOn
}

export interface RenewalProposal {
  startsOn: IsoDate
  latestEndsOn: IsoDate | null
  proposedEndsOn: IsoDate
}

/**
 * The next term: from the day after the last, for a year less a day or less where the form caps it (特定任期付職員's
 * five years from the first day, 会計年度任用職員's 年度). Null when the appointment ended early or the cap is reached.
 */
export function renewalProposal(form: AppointmentForm, terms: readonly Term[]): RenewalProposal | null {
  const first = terms[0]
  const last = terms.at(-1)
  if (!first || !last || last.endedEarlyOn !== null) return null
  const startsOn = addDays(last.endsOn, 1)
  const latestEndsOn = latestEndOf(form, startsOn, first.startsOn)
  if (latestEndsOn !== null && latestEndsOn < startsOn) return null
  return { startsOn, latestEndsOn, proposedEndsOn: clampTermEnd(form, startsOn, addDays(addYears(startsOn, 1), -1), first.startsOn) }
}

/** Why a renewal to `endsOn` is refused, naming the field (新しい任期の終了日) and the rule; empty when it may be made. */
export function renewalProblems(form: AppointmentForm, terms: readonly Term[], endsOn: IsoDate): FactIssue[] {
  const first = terms[0]
  const last = terms.at(-1)
  if (!first || !last) return [{ path: 'endsOn', message: '任用の任期が見つかりません。' }]
  const startsOn = addDays(last.endsOn, 1)
  if (endsOn < startsOn) return [{ path: 'endsOn', message: `新しい任期の終了日は開始日（${startsOn}）以降にしてください。` }]
  return termProblems(form, { startsOn, endsOn }, first.startsOn).map((problem) => ({ path: 'endsOn', message: `新しい任期の終了日: ${problem.message}` }))
}

/** Why ending the current term early on `endedOn` (the last day served) is refused; empty when it may be. */
export function earlyEndProblems(term: Term, endedOn: IsoDate): FactIssue[] {
  if (endedOn < term.startsOn) return [{ path: 'endedOn', message: `終了日（最後の勤務日）は今の任期の開始日（${term.startsOn}）以降にしてください。` }]
  if (endedOn >= term.endsOn) {
    return [
      {
        path: 'endedOn',
        message: `終了日（最後の勤務日）は今の任期の終了日（${term.endsOn}）より前にしてください。任期満了で終わる場合は途中終了の記録は要りません。`,
      },
    ]
  }
  return []
}

/**
 * The reminder due on `today` for a term ending on `endsOn`: the nearest of 90, 60 and 30 days that the days left
 * have reached (45 days left → the 60-day one, if it has not gone yet). Null before 90 days and after the end.
 */
export function reminderDue(endsOn: IsoDate, today: IsoDate): { daysBefore: (typeof TERM_REMINDER_DAYS)[number]; daysLeft: number } | null {
  const daysLeft = daysBetween(today, endsOn)
  if (daysLeft < 0) return null
  const daysBefore = [...TERM_REMINDER_DAYS].sort((a, b) => a - b).find((threshold) => daysLeft <= threshold)
  return daysBefore === undefined ? null : { daysBefore, daysLeft }
}
