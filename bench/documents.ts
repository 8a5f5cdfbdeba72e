/**
 * Documents benchmark: while 4 clients download posting PDFs continuously, how fast does the same server answer
 * `GET /api/postings/:id` (a published posting's page)? PDFs render in the document workers
 * (server/documents/pool.ts), so the posting read should barely notice them.
 *
 * The server runs as its own process (`node --import tsx server/main.ts`, as `npm start` runs it) on PostgreSQL at
 * DATABASE_URL, database `bench_documents` (rebuilt each run), port BENCH_DOCUMENTS_PORT (3261). Figures, each with
 * the load average: the posting read's p95 alone (same-run anchor) and under the PDF load, the PDFs' own p50/p95,
 * PDFs per second, and every non-200 answer. BENCH_DOCUMENTS_READS (400) posting reads per figure.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { sql } from 'kysely'
import pg from 'pg'
import { openPostgres } from '../server/db/database.ts'
import { migrate } from '../server/db/migrate.ts'
import { seedReferenceData } from '../server/db/seed.ts'
import { seedSynthetic } from '../server/synthetic/index.ts'
import { benchLine, loadAverage, percentile } from './measure.ts'

const PORT = Number(process.env.BENCH_DOCUMENTS_PORT ?? 3261)
const READS = Number(process.env.BENCH_DOCUMENTS_READS ?? 400)
const PDF_CLIENTS = 4
const DATABASE = 'bench_documents'
const GOAL_MS = 20
const base = `http://127.0.0.1:${PORT}`

const ms = (value: number) => `${value.toFixed(1)} ms`

async function timed(url: string): Promise<{ ms: number; status: number }> {
  const started = performance.now()
  const response = await fetch(url)
  await response.arrayBuffer()
  return { ms: performance.now() - started, status: response.status }
}

async function reads(ids: readonly string[], count: number): Promise<{ p50: number; p95: number; failures: number }> {
  const times: number[] = []
  let failures = 0
  for (let index = 0; index < count; index += 1) {
    const result = await timed(`${base}/api/postings/${ids[index % ids.length]}`)
    if (result.status !== 200) failures += 1
    times.push(result.ms)
  }
  times.sort((a, b) => a - b)
  return { p50: percentile(times, 50), p95: percentile(times, 95), failures }
}

async function startServer(databaseUrl: string): Promise<ChildProcess> {
  const root = fileURLToPath(new URL('..', import.meta.url))
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, SEED_DEMO: 'false', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  for (let attempt = 0; attempt < 600; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`)
    const up = await fetch(`${base}/healthz`).then(
      (response) => response.ok,
      () => false,
    )
    if (up) return child
    await new Promise((done) => setTimeout(done, 100))
  }
  throw new Error('server did not start')
}

const url = process.env.DATABASE_URL
console.log(`documents: posting reads while ${PDF_CLIENTS} clients render PDFs`)
if (!url) {
  console.log('  DATABASE_URL is not set: skipped (the figure is a PostgreSQL one).')
  process.exit(0)
}
const admin = new pg.Client({ connectionString: url })
await admin.connect()
await admin.query(`DROP DATABASE IF EXISTS ${DATABASE}`)
await admin.query(`CREATE DATABASE ${DATABASE}`)
const settings = await admin.query<{ name: string; setting: string; unit: string | null }>(
  `SELECT name, setting, unit FROM pg_settings WHERE name IN ('server_version', 'fsync', 'synchronous_commit', 'shared_buffers') ORDER BY name`,
)
await admin.end()
console.log(`  PostgreSQL settings: ${settings.rows.map((row) => `${row.name}=${row.setting}${row.unit ? ` ${row.unit}` : ''}`).join(', ')}`)
const target = new URL(url)
target.pathname = `/${DATABASE}`
const engine = openPostgres(target.toString(), 2)
await migrate(engine)
await seedReferenceData(engine.db)
await seedSynthetic(engine.db, { candidates: 200, postings: 500, seed: 42 })
const { rows } = await sql<{ id: string }>`SELECT id FROM posting WHERE state = 'published' ORDER BY id LIMIT 50`.execute(engine.db)
await engine.close()
const ids = rows.map((row) => row.id)

const server = await startServer(target.toString())
try {
  for (const id of ids) await timed(`${base}/api/postings/${id}`) // warm-up
  for (const id of ids.slice(0, 8)) await timed(`${base}/api/postings/${id}/pdf`) // starts the workers, loads fonts
  const alone = await reads(ids, READS)
  const loadAlone = loadAverage()
  console.log(`  posting read alone                 p50 ${ms(alone.p50)}  p95 ${ms(alone.p95)}  non-200 ${alone.failures}   (load average ${loadAlone})`)

  let stop = false
  const pdfTimes: number[] = []
  const pdfStatuses = new Map<number, number>()
  const started = performance.now()
  const clients = Array.from({ length: PDF_CLIENTS }, async (_, client) => {
    for (let index = client; !stop; index += PDF_CLIENTS) {
      const result = await timed(`${base}/api/postings/${ids[index % ids.length]}/pdf`)
      pdfTimes.push(result.ms)
      pdfStatuses.set(result.status, (pdfStatuses.get(result.status) ?? 0) + 1)
    }
  })
  await new Promise((done) => setTimeout(done, 500))
  const loaded = await reads(ids, READS)
  const loadLoaded = loadAverage()
  stop = true
  await Promise.all(clients)
  const seconds = (performance.now() - started) / 1000
  pdfTimes.sort((a, b) => a - b)
  console.log(`  posting read while PDFs render     p50 ${ms(loaded.p50)}  p95 ${ms(loaded.p95)}  non-200 ${loaded.failures}   (load average ${loadLoaded})`)
  console.log(
    `  PDFs: ${pdfTimes.length} in ${seconds.toFixed(1)} s (${(pdfTimes.length / seconds).toFixed(1)}/s), p50 ${ms(percentile(pdfTimes, 50))}  p95 ${ms(percentile(pdfTimes, 95))}; status ${[...pdfStatuses].map(([status, count]) => `${status}×${count}`).join(', ')}`,
  )
  console.log(
    '  the machine is shared with other sessions (load average above); server: document workers and queue at their defaults (DOCUMENT_WORKERS = cores − 1, DOCUMENT_QUEUE 16)',
  )
  benchLine('documents', 'posting_read_alone_p95', alone.p95.toFixed(1), 'ms', GOAL_MS, alone.p95 < GOAL_MS)
  benchLine('documents', 'posting_read_under_pdf_load_p95', loaded.p95.toFixed(1), 'ms', GOAL_MS, loaded.p95 < GOAL_MS)
  const pdfFailures = pdfTimes.length - (pdfStatuses.get(200) ?? 0)
  benchLine('documents', 'pdf_non_200', String(pdfFailures), 'count', 0, pdfFailures === 0)
} finally {
  server.kill('SIGTERM')
  await new Promise((done) => server.once('exit', done))
}
