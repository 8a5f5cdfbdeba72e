import type { PostingDeps } from './service.ts'
import { expirePostings } from './service.ts'
import { sendPostingDigests } from './subscriptions.ts'

/**
 * The module's background work for the process (main.ts): close postings whose deadline passed, then mail the
 * subscribers' digests. Returns a function that stops the timer. Tests call the two functions directly instead.
 */
export function startPostingTimers(deps: PostingDeps, { everyMinutes = 15, log }: { everyMinutes?: number; log?: { error: (object: unknown, message: string) => void } } = {}): () => void {
  let running = false
  const tick = async () => {
    if (running) return
    running = true
    try {
      await expirePostings(deps)
      await sendPostingDigests(deps)
    } catch (error) {
      log?.error({ err: error }, 'posting timers failed')
    } finally {
      running = false
    }
  }
  const timer = setInterval(() => void tick(), everyMinutes * 60_000)
  void tick()
  return () => clearInterval(timer)
}
