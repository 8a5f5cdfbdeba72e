/**
 * The interview as an iCalendar object (RFC 5545) built with ical-generator: one VEVENT whose UID never changes
 * and whose SEQUENCE grows with each change, so calendars update the same entry; METHOD:CANCEL with
 * STATUS:CANCELLED removes it (RFC 5546 §3.2).
 */
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator'
import { interviewModeLabels, type InterviewMode } from '#shared/contracts/interviews'

export interface CalendarEvent {
  uid: string
  sequence: number
  cancelled: boolean
  startsAt: Date
  endsAt: Date
  mode: InterviewMode
  location: string
  postingTitle: string | null
  municipalityName: string
  organizer: { name: string; email: string }
  attendee: { name: string | null; email: string } | null
  /** The page where both sides see the interview. */
  link: string
  stamp: Date
}

export function interviewCalendar(event: CalendarEvent): string {
  const calendar = ical({
    prodId: { company: 'jichitai-dx-talent', product: 'interviews', language: 'JA' },
    method: event.cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  })
  const online = event.mode === 'online'
  calendar.createEvent({
    id: event.uid,
    sequence: event.sequence,
    stamp: event.stamp,
    start: event.startsAt,
    end: event.endsAt,
    status: event.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    summary: `面接：${event.postingTitle ?? '募集'}（${event.municipalityName}）`,
    description: [
      `${interviewModeLabels[event.mode]}の面接です。`,
      online ? `会議のURL: ${event.location}` : `場所: ${event.location}`,
      `詳細: ${event.link}`,
    ].join('\n'),
    location: event.location,
    url: online ? event.location : event.link,
    organizer: event.organizer,
    attendees: event.attendee ? [{ email: event.attendee.email, ...(event.attendee.name ? { name: event.attendee.name } : {}), rsvp: false }] : [],
  })
  return calendar.toString()
}
