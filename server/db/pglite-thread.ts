/**
 * The embedded database in a thread of its own (pglite-worker.ts): the main thread keeps answering HTTP while a
 * statement runs (PGlite executes it synchronously in WebAssembly). A statement is acknowledged only after PGlite
 * has run it, so a commit is on disk by then.
 */
import { Worker } from 'node:worker_threads'
import type { Reply, Request, Started, WorkerData } from './pglite-worker.ts'

const WORKER_FILE = new URL('./pglite-worker-entry.mjs', import.meta.url)

type Distribute<T> = T extends unknown ? Omit<T, 'id'> : never

/** The database thread as request/reply calls; every pending call fails if the thread dies. */
export interface DatabaseThread {
  call(request: Distribute<Request>): Promise<Extract<Reply, { ok: true }>>
  close(): Promise<void>
}

function databaseError(error: { message: string; fields: Record<string, unknown> }): Error {
  return Object.assign(new Error(error.message), error.fields)
}

/** Starts the thread on `dataDir`, optionally from a dumped data directory (`dump`, as PGlite's loadDataDir). */
export async function startDatabaseThread(dataDir: string, dump?: Blob): Promise<DatabaseThread> {
  const workerData: WorkerData = { dataDir, ...(dump ? { dump: await dump.arrayBuffer() } : {}) }
  const worker = new Worker(WORKER_FILE, { workerData, ...(workerData.dump ? { transferList: [workerData.dump] } : {}) })
  const pending = new Map<number, { resolve: (reply: Extract<Reply, { ok: true }>) => void; reject: (error: Error) => void }>()
  let nextId = 1
  let ended: Error | undefined
  await new Promise<void>((resolve, reject) => {
    worker.once('message', (started: Started) => (started.started ? resolve() : reject(new Error(started.message))))
    worker.once('error', reject)
    worker.once('exit', (code) => reject(new Error(`database thread exited with ${code}`)))
  })
  // The thread keeps the process alive only while a call is pending: a script that ends without closing the
  // database exits as it would with PGlite in its own thread.
  worker.unref()
  worker.on('message', (reply: Reply) => {
    const call = pending.get(reply.id)
    pending.delete(reply.id)
    if (pending.size === 0) worker.unref()
    if (reply.ok) call?.resolve(reply)
    else call?.reject(databaseError(reply.error))
  })
  const fail = (error: Error) => {
    ended ??= error
    for (const call of pending.values()) call.reject(error)
    pending.clear()
    worker.unref()
  }
  worker.on('error', fail)
  worker.on('exit', (code) => fail(new Error(`組み込みデータベースのスレッドが終了しました（${code}）。`)))
  return {
    call: (request) => {
      if (ended) return Promise.reject(ended)
      const id = nextId++
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject })
        worker.ref()
        worker.postMessage({ ...request, id })
      })
    },
    close: async () => {
      if (ended) return
      await new Promise<void>((resolve) => {
        const id = nextId++
        pending.set(id, { resolve: () => resolve(), reject: () => resolve() })
        worker.ref()
        worker.postMessage({ id, op: 'close' } satisfies Request)
      })
      ended = new Error('組み込みデータベースは閉じられています。')
      await worker.terminate()
    },
  }
}
