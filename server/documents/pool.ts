/**
 * A small pool of worker threads for CPU-heavy documents (PDF and xlsx generation, xlsx import parsing), so a
 * 30–45 ms render never holds up every other request of the process. Each worker runs one task at a time; tasks
 * wait in a bounded queue, and a task that finds the queue full is refused with 503 (SERVER_BUSY) instead of
 * piling up. Workers start on first use and are replaced when one dies.
 */
import { Worker } from 'node:worker_threads'
import { AppError } from '../http/errors.ts'
import type { Outcome, Task } from './worker.ts'

export interface DocumentPool {
  /**
   * Runs `name`, a function exported by the module at `file`, on `args` in a worker. Arguments and result travel
   * by structured clone: plain data; Buffers arrive as Buffers.
   */
  run<T>(file: URL, name: string, ...args: unknown[]): Promise<T>
  close(): Promise<void>
}

export interface DocumentPoolOptions {
  workers: number
  /** Tasks allowed to wait for a free worker; one more is refused. */
  queue: number
}

interface Pending {
  task: Task
  resolve: (value: unknown) => void
  reject: (error: unknown) => void
}

interface Slot {
  worker: Worker
  current: Pending | undefined
}

/**
 * The worker runs the TypeScript sources as the main thread does, through tsx: its entry registers tsx for the
 * thread (the main thread's `--import tsx` does not reach a worker's first module), so `npm start`, the scripts
 * and the test runner all start it the same way.
 */
const WORKER_FILE = new URL('./worker-entry.mjs', import.meta.url)

/** A Uint8Array result or input field comes back from structured clone without Buffer's prototype. */
function revive(value: unknown): unknown {
  return value instanceof Uint8Array && !Buffer.isBuffer(value) ? Buffer.from(value.buffer, value.byteOffset, value.byteLength) : value
}

export function busy(): AppError {
  return new AppError('SERVER_BUSY', '混み合っているため、ただいま文書を作成できません。しばらく待ってから、もう一度お試しください。', 503)
}

export function createDocumentPool(options: DocumentPoolOptions): DocumentPool {
  const slots: Slot[] = []
  const waiting: Pending[] = []
  let nextId = 1
  let closed = false

  function settle(slot: Slot, outcome: Outcome): void {
    const pending = slot.current
    slot.current = undefined
    if (pending && pending.task.id === outcome.id) {
      if (outcome.ok) pending.resolve(revive(outcome.result))
      else {
        const { message, code, status, details } = outcome.error
        pending.reject(code && status ? new AppError(code, message, status, details as never) : new Error(message))
      }
    }
    dispatch()
  }

  function spawn(): Slot {
    const worker = new Worker(WORKER_FILE, { execArgv: process.execArgv.filter((arg) => !arg.startsWith('--inspect')) })
    worker.unref()
    const slot: Slot = { worker, current: undefined }
    worker.on('message', (outcome: Outcome) => settle(slot, outcome))
    const fail = (error: unknown) => {
      const index = slots.indexOf(slot)
      if (index >= 0) slots.splice(index, 1)
      slot.current?.reject(error)
      slot.current = undefined
      if (!closed) dispatch()
    }
    worker.on('error', fail)
    worker.on('exit', (code) => fail(new Error(`document worker exited with code ${code}`)))
    slots.push(slot)
    return slot
  }

  function dispatch(): void {
    while (waiting.length > 0 && !closed) {
      const slot = slots.find((candidate) => !candidate.current) ?? (slots.length < options.workers ? spawn() : undefined)
      if (!slot) return
      const pending = waiting.shift()!
      slot.current = pending
      slot.worker.postMessage(pending.task)
    }
  }

  return {
    run<T>(file: URL, name: string, ...args: unknown[]): Promise<T> {
      if (closed) return Promise.reject(busy())
      const free = slots.some((slot) => !slot.current) || slots.length < options.workers
      if (!free && waiting.length >= options.queue) return Promise.reject(busy())
      return new Promise<T>((resolve, reject) => {
        waiting.push({ task: { id: nextId++, file: file.href, name, args }, resolve: resolve as (value: unknown) => void, reject })
        dispatch()
      })
    },
    async close(): Promise<void> {
      closed = true
      for (const pending of waiting.splice(0)) pending.reject(busy())
      await Promise.all(slots.splice(0).map((slot) => slot.worker.terminate()))
    },
  }
}
