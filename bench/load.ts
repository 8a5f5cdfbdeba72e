/**
 * Load benchmark: 150 readers and 50 writers against one server for 60 s. Do writes still complete while the
 * readers keep the database busy, and does the server answer in time?
 *
 * Readers (anonymous) search the national list of postings (`GET /api/postings` with filters) and open postings;
 * writers (signed-in candidates, one session each) change the digest frequency of their saved search
 * (`PATCH /api/me/saved-searches/:id`: an update and an audit row in one transaction, then a read), each client
 * sending its next request as soon as the last one is answered. A request not answered within
 * BENCH_LOAD_TIMEOUT_MS (10 s) is aborted and counted as a timeout.
 *
 * The server runs as its own process (`server/main.ts`, as `npm start` runs it): on PostgreSQL at DATABASE_URL
 * (database `bench_load`, rebuilt each run), otherwise on the embedded PGlite in a fresh DATA_DIR. Afterwards every
 * writer's last acknowledged frequency is read back from the database: an acknowledged write that is not there
 * counts as lost. Goals: PGlite 0 timeouts and writes ≥ 50/s; PostgreSQL 0 errors and p99 < 500 ms.
 *
 * BENCH_LOAD_SECONDS (60), BENCH_LOAD_READERS (150), BENCH_LOAD_WRITERS (50), BENCH_LOAD_PORT (3262).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { type Engine, openPglite, openPostgres } from '../server/db/database.ts'
import { migrate } from '../server/db/migrate.ts'
import { seedReferenceData } from '../server/db/seed.ts'
import { insertAccount } from '../server/modules/accounts/repository.ts'
import { hashPassword } from '../server/modules/accounts/secrets.ts'
import { seedSynthetic } from '../server/synthetic/index.ts'
import { SETTINGS_SQL, type Server, settingsLine, startServer } from './_http.ts'
import { benchLine, loadAverage, percentile } from './measure.ts'

const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 60)
const READERS = Number(process.env.BENCH_LOAD_READERS ?? 150)
const WRITERS = Number(process.env.BENCH_LOAD_WRITERS ?? 50)
const PORT = Number(process.env.BENCH_LOAD_PORT ?? 3262)
const TIMEOUT_MS = Number(process.env.BENCH_LOAD_TIMEOUT_MS ?? 10_000)
const POSTINGS = 2000
const DATABASE = 'bench_load'
const PASSWORD = 'bench-load-password-2026'
const WRITES_GOAL_PER_SECOND = 50
const P99_GOAL_MS = 500
const base = `http://127.0.0.1:${PORT}`

const databaseUrl = process.env.DATABASE_URL
const kind = databaseUrl ? 'postgres' : 'pglite'
console.log(
  `load: ${READERS} readers + ${WRITERS} writers for ${SECONDS} s on ${kind === 'postgres' ? 'PostgreSQL' : 'PGlite'}  (load average ${loadAverage()})`,
)

/** The database the server will open, prepared here: migrated, reference data, postings, writer accounts. */
async function prepare(): Promise<{ serverEnv: Record<string, string>; reopen: () => Promise<Engine>; cleanup: () => void }> {
  if (databaseUrl) {
    const admin = new pg.Client({ connectionString: databaseUrl })
    await admin.connect()
    await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`)
    await admin.query(`CREATE DATABASE ${DATABASE}`)
    const settings = await admin.query<{ name: string; setting: string; unit: string | null }>(SETTINGS_SQL)
    await admin.end()
    console.log(`  PostgreSQL settings: ${settingsLine(settings.rows)}`)
    const target = new URL(databaseUrl)
    target.pathname = `/${DATABASE}`
    return { serverEnv: { DATABASE_URL: target.toString() }, reopen: async () => openPostgres(target.toString(), 2), cleanup: () => {} }
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-load-'))
  return {
    serverEnv: { DATA_DIR: dataDir },
    reopen: () => openPglite(join(dataDir, 'pg')), // the server, not this script, opens it in its database thread
    cleanup: () => rmSync(dataDir, { recursive: true, force: true }),
  }
}

async function seed(engine: Engine): Promise<string[]> {
  await migrate(engine)
  await seedReferenceData(engine.db)
  await seedSynthetic(engine.db, { candidates: 100, postings: POSTINGS, seed: 42 })
  const passwordHash = await hashPassword(PASSWORD, { memoryKib: 1024, iterations: 1 })
  const emails: string[] = []
  for (let index = 0; index < WRITERS; index += 1) {
    const email = `load-writer-${index}@example.jp`
    await insertAccount(engine.db, { kind: 'candidate', email, display_name: `負荷 ${index}`, password_hash: passwordHash, email_confirmed_at: new Date() })
    emails.push(email)
  }
  return emails
}

interface Outcome {
  ms: number
  status: number | 'timeout' | 'error'
}

async function send(path: string, init: RequestInit = {}): Promise<Outcome & { body?: unknown; headers?: Headers }> {
  const started = performance.now()
  try {
    const response = await fetch(`${base}${path}`, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) })
    const text = await response.text()
    return { ms: performance.now() - started, status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers }
  } catch (error) {
    const name = (error as Error).name
    return { ms: performance.now() - started, status: name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'error' }
  }
}

interface Writer {
  cookie: string
  csrf: string
  searchId: string
  /** The frequency of the last write the server acknowledged. */
  acknowledged: 'daily' | 'weekly'
}

async function signInWriter(email: string, index: number): Promise<Writer> {
  const signedIn = await send('/api/auth/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  })
  if (signedIn.status !== 200) throw new Error(`sign-in of ${email}: ${signedIn.status} ${JSON.stringify(signedIn.body)}`)
  const cookies = signedIn.headers!.getSetCookie().map((line) => line.split(';')[0]!)
  const csrf = cookies.find((cookie) => cookie.startsWith('csrf_token='))!.slice('csrf_token='.length)
  const cookie = cookies.join('; ')
  const created = await send('/api/me/saved-searches', {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
    body: JSON.stringify({ q: `負荷${index}`, frequency: 'daily' }),
  })
  if (created.status !== 201) throw new Error(`saved search of ${email}: ${created.status} ${JSON.stringify(created.body)}`)
  return { cookie, csrf, searchId: (created.body as { id: string }).id, acknowledged: 'daily' }
}

const readPaths = (ids: readonly string[]) => [
  '/api/postings?role=producer&prefecture=13&remote=true&sort=deadline',
  '/api/postings?role=engineer&sidejob=true',
  `/api/postings?q=${encodeURIComponent('CIO補佐官')}&prefecture=38`,
  `/api/postings?q=${encodeURIComponent('データ')}&remote=true`,
  '/api/postings?sort=newest&offset=40',
  ...ids.slice(0, 10).map((id) => `/api/postings/${id}`),
]

class Tally {
  times: number[] = []
  statuses = new Map<string, number>()
  add(outcome: Outcome) {
    this.times.push(outcome.ms)
    const key = String(outcome.status)
    this.statuses.set(key, (this.statuses.get(key) ?? 0) + 1)
  }
  count = (status: string) => this.statuses.get(status) ?? 0
  get ok() {
    return [...this.statuses].filter(([status]) => /^2\d\d$/.test(status)).reduce((sum, [, count]) => sum + count, 0)
  }
  get errors() {
    return this.times.length - this.ok
  }
  describe(seconds: number) {
    const sorted = [...this.times].sort((a, b) => a - b)
    const at = (p: number) => (sorted.length === 0 ? 0 : percentile(sorted, p))
    return `${this.times.length} sent, ${this.ok} ok (${(this.ok / seconds).toFixed(1)}/s), p50 ${at(50).toFixed(0)} ms, p99 ${at(99).toFixed(0)} ms, max ${at(100).toFixed(0)} ms; answers ${[
      ...this.statuses,
    ]
      .sort()
      .map(([status, count]) => `${status}×${count}`)
      .join(', ')}`
  }
}

const prepared = await prepare()
let server: Server | undefined
try {
  const setup = await prepared.reopen()
  const seedStarted = performance.now()
  const emails = await seed(setup)
  const rows = await setup.db.selectFrom('posting').select('id').where('state', '=', 'published').orderBy('id').limit(10).execute()
  await setup.close()
  console.log(`  data: ${POSTINGS} synthetic postings, ${WRITERS} writer accounts (${((performance.now() - seedStarted) / 1000).toFixed(1)} s)`)
  server = await startServer({ port: PORT, env: { ...prepared.serverEnv, AUTH_ATTEMPTS_PER_IP: String(WRITERS * 4) } })
  const writers: Writer[] = []
  for (const [index, email] of emails.entries()) writers.push(await signInWriter(email, index))
  const paths = readPaths(rows.map((row) => row.id))
  for (const path of paths) await send(path) // warm-up

  const reads = new Tally()
  const writes = new Tally()
  const loadBefore = loadAverage()
  const deadline = performance.now() + SECONDS * 1000
  const started = performance.now()
  const readers = Array.from({ length: READERS }, async (_, reader) => {
    for (let index = reader; performance.now() < deadline; index += 1) reads.add(await send(paths[index % paths.length]!))
  })
  const writing = writers.map(async (writer) => {
    while (performance.now() < deadline) {
      const frequency = writer.acknowledged === 'daily' ? 'weekly' : 'daily'
      const outcome = await send(`/api/me/saved-searches/${writer.searchId}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', cookie: writer.cookie, 'x-csrf-token': writer.csrf },
        body: JSON.stringify({ frequency }),
      })
      writes.add(outcome)
      if (outcome.status === 200) writer.acknowledged = frequency
      // an unanswered write may or may not have committed: the writer sends the same frequency again
    }
  })
  await Promise.all([...readers, ...writing])
  const seconds = (performance.now() - started) / 1000
  const loadAfter = loadAverage()

  await server.stop()
  server = undefined
  const check = await prepared.reopen()
  const stored = new Map(
    (await check.db.selectFrom('saved_search').select(['id', 'frequency']).execute()).map((row) => [row.id, row.frequency as string] as const),
  )
  await check.close()
  const lost = writers.filter((writer) => stored.get(writer.searchId) !== writer.acknowledged).length

  console.log(`  reads:  ${reads.describe(seconds)}`)
  console.log(`  writes: ${writes.describe(seconds)}`)
  console.log(`  acknowledged writes missing after the server stopped: ${lost} of ${writers.length} writers`)
  console.log(`  load average before ${loadBefore}, after ${loadAfter} (machine shared with other sessions)`)
  const all = [...reads.times, ...writes.times].sort((a, b) => a - b)
  const p99 = percentile(all, 99)
  const timeouts = reads.count('timeout') + writes.count('timeout')
  const errors = reads.errors + writes.errors
  const writesPerSecond = writes.ok / seconds
  benchLine('load', `${kind}_timeouts`, String(timeouts), 'count', 0, timeouts === 0)
  benchLine('load', `${kind}_writes_per_second`, writesPerSecond.toFixed(1), '/s', WRITES_GOAL_PER_SECOND, writesPerSecond >= WRITES_GOAL_PER_SECOND)
  benchLine('load', `${kind}_errors`, String(errors), 'count', 0, errors === 0)
  benchLine('load', `${kind}_p99`, p99.toFixed(0), 'ms', P99_GOAL_MS, p99 < P99_GOAL_MS)
  benchLine('load', `${kind}_lost_writes`, String(lost), 'count', 0, lost === 0)
} finally {
  if (server) {
    await server.stop()
  }
  prepared.cleanup()
}
