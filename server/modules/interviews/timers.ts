import { sendInterviewReminders, type InterviewDeps } from './service.ts'

/**
 * The module's background work for the process (main.ts): the day-before reminders. The job itself is safe on
 * several instances (each event version is claimed once), so a timer per process is enough. Returns a stop function.
 */
export function startInterviewTimers(deps: InterviewDeps, { everyMinutes = 15, log }: { everyMinutes?: number; log?: { error: (object: unknown, message: string) => void } } = {}): () => void {
  let running = false
  const tick = async () => {
    if (running) return
    running = true
    try {
      await sendInterviewReminders(deps)
    } catch (error) {
      log?.error({ err: error }, 'interview reminders failed')
    } finally {
      running = false
    }
  }
  const timer = setInterval(() => void tick(), everyMinutes * 60_000)
  void tick()
  return () => clearInterval(timer)
}
