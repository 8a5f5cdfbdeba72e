import type { JobDefinition } from '../../jobs/index.ts'
import { sendSavedSearchDigests, type DigestDeps } from './service.ts'

/**
 * The module's periodic work, for the app's job runner: the daily and weekly digests. Each run is safe beside another
 * instance's (each search's period is claimed once, in the transaction that queues its mail).
 */
export function savedSearchJobs(deps: DigestDeps & { kickMail: () => void }, everySeconds: number): JobDefinition[] {
  return [
    {
      name: 'saved-searches.digest',
      everySeconds,
      run: async (now) => {
        if ((await sendSavedSearchDigests({ ...deps, clock: () => now })) > 0) deps.kickMail()
      },
    },
  ]
}
