import type { JobDefinition } from '../../jobs/index.ts'
import { sendInterviewReminders, type InterviewDeps } from './service.ts'

/**
 * The module's periodic work, for the app's job runner: the day-before reminders. Each run is safe beside another
 * instance's (each event version is claimed once, in the transaction that queues its mails).
 */
export function interviewJobs(deps: InterviewDeps, { everyMinutes = 15 }: { everyMinutes?: number } = {}): JobDefinition[] {
  return [{ name: 'interviews.reminders', everySeconds: everyMinutes * 60, run: (now) => sendInterviewReminders({ ...deps, clock: () => now }) }]
}
