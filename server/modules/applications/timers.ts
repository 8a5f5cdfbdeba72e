import type { JobDefinition } from '../../jobs/index.ts'
import { sendTermReminders } from './appointments-service.ts'
import type { ApplicationDeps } from './service.ts'

/**
 * The module's periodic work, for the app's job runner: the 90/60/30-day reminders before a term ends. Each run is
 * safe beside another instance's (each term and threshold is claimed once, in the transaction that queues its mail).
 */
export function applicationJobs(deps: ApplicationDeps, { everyMinutes = 60 }: { everyMinutes?: number } = {}): JobDefinition[] {
  return [{ name: 'applications.term-reminders', everySeconds: everyMinutes * 60, run: (now) => sendTermReminders({ ...deps, clock: () => now }) }]
}
