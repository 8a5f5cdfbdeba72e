import type { JobDefinition } from '../../jobs/index.ts'
import type { PostingDeps } from './service.ts'
import { expirePostings } from './service.ts'
import { sendPostingDigests } from './subscriptions.ts'

/**
 * The module's periodic work, for the app's job runner: close postings whose deadline passed, and mail the
 * subscribers' digests. Each run is safe beside another instance's (row locks, conditional cursor updates).
 */
export function postingJobs(deps: PostingDeps, { everyMinutes = 15 }: { everyMinutes?: number } = {}): JobDefinition[] {
  return [
    { name: 'postings.expire', everySeconds: everyMinutes * 60, run: (now) => expirePostings({ ...deps, clock: () => now }) },
    { name: 'postings.digest', everySeconds: everyMinutes * 60, run: (now) => sendPostingDigests({ ...deps, clock: () => now }) },
  ]
}
