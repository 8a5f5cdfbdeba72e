/**
 * Fixed-window attempt counter for sign-in, sign-up and password reset, in this process's memory.
 * Windows start at a key's first attempt; `now` comes from the app's clock so tests can move time.
 * (Several server processes would each count on their own; move the counts to the database if that day comes.)
 */
export interface AttemptLimiterOptions {
  attempts: number
  windowMs: number
  /** Keys kept before expired windows are swept out. */
  maxKeys?: number
}

export interface AttemptDecision {
  allowed: boolean
  /** Seconds until the window that refused this attempt ends (0 when allowed). */
  retryAfterSeconds: number
}

export class AttemptLimiter {
  private readonly windows = new Map<string, { startedAt: number; count: number }>()

  constructor(private readonly options: AttemptLimiterOptions) {}

  /** Counts one attempt under every key; refused if any key has used up its window. */
  attempt(keys: readonly string[], now: Date): AttemptDecision {
    const at = now.getTime()
    if (this.windows.size > (this.options.maxKeys ?? 100_000)) this.sweep(at)
    let retryAfterMs = 0
    for (const key of keys) {
      let window = this.windows.get(key)
      if (!window || at - window.startedAt >= this.options.windowMs) {
        window = { startedAt: at, count: 0 }
        this.windows.set(key, window)
      }
      window.count += 1
      if (window.count > this.options.attempts) {
        retryAfterMs = Math.max(retryAfterMs, window.startedAt + this.options.windowMs - at)
      }
    }
    return { allowed: retryAfterMs === 0, retryAfterSeconds: Math.ceil(retryAfterMs / 1000) }
  }

  private sweep(at: number): void {
    for (const [key, window] of this.windows) {
      if (at - window.startedAt >= this.options.windowMs) this.windows.delete(key)
    }
  }
}
