import { AsyncLocalStorage } from 'node:async_hooks'

/**
 * Which kind of request a database call serves: a write (a change somebody waits to see saved) or a read. Set per
 * request by the app (server/http/overload.ts); calls outside a request (jobs, migrations, scripts) count as writes.
 */
export type Lane = 'read' | 'write'
export const requestLane = new AsyncLocalStorage<Lane>()

/** A database call waited longer than the configured bound for a connection: the server is overloaded (503). */
export class DatabaseBusy extends Error {
  constructor() {
    super('database connection wait exceeded')
    this.name = 'DatabaseBusy'
  }
}

/** When both lanes wait, this many writes go before one read, so neither lane starves the other. */
const WRITES_PER_READ = 4

interface Waiter {
  resolve: () => void
  timer: NodeJS.Timeout | undefined
}

/**
 * The one connection of the embedded database, taken by one caller at a time (a transaction keeps it until it
 * ends). Waiting callers are served by lane rather than in arrival order: under a flood of reads a write waits
 * behind at most a few reads, not behind every read already queued. A caller that waits longer than `maxWaitMs`
 * (0: no bound) is refused with DatabaseBusy instead of queueing for ever.
 */
export class ConnectionGate {
  #held = false
  readonly #waiting: Record<Lane, Waiter[]> = { read: [], write: [] }
  #writesInARow = 0

  constructor(private readonly maxWaitMs: number) {}

  acquire(): Promise<void> {
    if (!this.#held) {
      this.#held = true
      return Promise.resolve()
    }
    const queue = this.#waiting[requestLane.getStore() ?? 'write']
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { resolve, timer: undefined }
      if (this.maxWaitMs > 0) {
        waiter.timer = setTimeout(() => {
          queue.splice(queue.indexOf(waiter), 1)
          reject(new DatabaseBusy())
        }, this.maxWaitMs)
      }
      queue.push(waiter)
    })
  }

  release(): void {
    const next = this.#next()
    if (!next) {
      this.#held = false
      return
    }
    clearTimeout(next.timer)
    next.resolve()
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.acquire()
    try {
      return await work()
    } finally {
      this.release()
    }
  }

  #next(): Waiter | undefined {
    const { read, write } = this.#waiting
    if (write.length > 0 && (read.length === 0 || this.#writesInARow < WRITES_PER_READ)) {
      this.#writesInARow += 1
      return write.shift()
    }
    this.#writesInARow = 0
    return read.shift()
  }
}
