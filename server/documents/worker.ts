/**
 * A document worker: runs a named export of a module file on plain data and posts the result back. The modules are
 * loaded on first use and kept; a task's failure is reported to the caller and leaves the worker running.
 */
import { setPriority } from 'node:os'
import { parentPort } from 'node:worker_threads'

export interface Task {
  id: number
  file: string
  name: string
  args: unknown[]
}

export type Outcome =
  { id: number; ok: true; result: unknown } | { id: number; ok: false; error: { message: string; code?: string; status?: number; details?: unknown } }

/** Buffers arrive from structured clone as plain Uint8Arrays. */
function revive(value: unknown): unknown {
  return value instanceof Uint8Array && !Buffer.isBuffer(value) ? Buffer.from(value.buffer, value.byteOffset, value.byteLength) : value
}

const modules = new Map<string, Promise<Record<string, unknown>>>()

async function run(task: Task): Promise<unknown> {
  let loaded = modules.get(task.file)
  if (!loaded) {
    loaded = import(task.file) as Promise<Record<string, unknown>>
    modules.set(task.file, loaded)
  }
  const fn = (await loaded)[task.name]
  if (typeof fn !== 'function') throw new Error(`${task.file} has no function ${task.name}`)
  return (fn as (...args: unknown[]) => unknown)(...task.args.map(revive))
}

// Documents are background work: on Linux this lowers only this thread's priority, so the request-serving main
// thread gets the CPU first when both want it. Not permitted everywhere; then the worker runs at normal priority.
try {
  setPriority(10)
} catch {
  // runs at the inherited priority
}

const port = parentPort
if (port) {
  port.on('message', (task: Task) => {
    run(task).then(
      (result) => port.postMessage({ id: task.id, ok: true, result } satisfies Outcome),
      (error: unknown) => {
        const failure: Error & { code?: string; status?: number; details?: unknown } = error instanceof Error ? error : new Error(String(error))
        port.postMessage({
          id: task.id,
          ok: false,
          error: { message: failure.message, code: failure.code, status: failure.status, details: failure.details },
        } satisfies Outcome)
      },
    )
  })
}
