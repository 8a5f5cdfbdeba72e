/**
 * The database thread: owns the embedded PostgreSQL (PGlite) and runs the statements the main thread sends, one at
 * a time, so a statement's execution (synchronous WebAssembly) never blocks the thread that answers HTTP.
 */
import { PGlite } from '@electric-sql/pglite'
import { parentPort, workerData } from 'node:worker_threads'
import { pgliteOptions } from './pglite-options.ts'

export type Request =
  { id: number; op: 'query'; sql: string; params: readonly unknown[] } | { id: number; op: 'script'; sql: string } | { id: number; op: 'close' }

export type Reply =
  | { id: number; ok: true; rows: unknown[]; affectedRows: number | undefined }
  | { id: number; ok: false; error: { message: string; fields: Record<string, unknown> } }

export type Started = { started: true } | { started: false; message: string }

export interface WorkerData {
  dataDir: string
  /** A dumped data directory to start from (tests). */
  dump?: ArrayBuffer
}

const port = parentPort!
const { dataDir, dump } = workerData as WorkerData

function failure(id: number, error: unknown): Reply {
  if (!(error instanceof Error)) return { id, ok: false, error: { message: String(error), fields: {} } }
  // PostgreSQL's error fields (code, detail, constraint …) travel with the message
  const fields = Object.fromEntries(Object.entries(error).filter(([, value]) => ['string', 'number'].includes(typeof value)))
  return { id, ok: false, error: { message: error.message, fields } }
}

let pglite: PGlite
try {
  pglite = await PGlite.create(dataDir, { ...pgliteOptions, ...(dump ? { loadDataDir: new Blob([dump]) } : {}) })
  port.postMessage({ started: true } satisfies Started)
} catch (error) {
  port.postMessage({ started: false, message: error instanceof Error ? error.message : String(error) } satisfies Started)
  process.exit(1)
}

port.on('message', (request: Request) => {
  void handle(request).then((reply) => port.postMessage(reply))
})

async function handle(request: Request): Promise<Reply> {
  try {
    switch (request.op) {
      case 'query': {
        const result = await pglite.query(request.sql, [...request.params])
        return { id: request.id, ok: true, rows: result.rows, affectedRows: result.affectedRows }
      }
      case 'script':
        await pglite.transaction(async (tx) => {
          await tx.exec(request.sql)
        })
        return { id: request.id, ok: true, rows: [], affectedRows: undefined }
      case 'close':
        if (!pglite.closed) await pglite.close()
        return { id: request.id, ok: true, rows: [], affectedRows: undefined }
    }
  } catch (error) {
    return failure(request.id, error)
  }
}
