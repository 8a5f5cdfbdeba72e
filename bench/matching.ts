/**
 * Matching benchmark: top-50 matches for a posting on PostgreSQL, each figure beside a same-run anchor on the same
 * rows (a plain sequential scan of the vector table that returns 50 rows), at every size of BENCH_MATCHING_SCALES
 * (10,000 / 100,000 / 300,000 candidates):
 * - the service call in-process, one request at a time (ranking SQL + explanations);
 * - 4 prefecture staff ranking at once over HTTP through the real route (`GET /api/postings/:id/matches`, signed in
 *   through `POST /api/auth/sign-in`, session cookie and CSRF header), the app as its own process, against the
 *   anchor scan run by 4 clients at once.
 * The BENCH lines are the figures at 100,000 candidates (or the size nearest to it); a labelled PGlite figure on a
 * smaller set follows.
 *
 * Each size has a database of its own (`bench_matching_<candidates>`) on the server at DATABASE_URL, seeded once
 * from a fixed seed and reused by later runs. Sizes: BENCH_MATCHING_SCALES (10000,100000,300000),
 * BENCH_MATCHING_POSTINGS (2000), BENCH_MATCHING_PGLITE_CANDIDATES (10000); requests per figure:
 * BENCH_MATCHING_REQUESTS (300); port BENCH_MATCHING_PORT (3262).
 */
import { sql } from 'kysely'
import pg from 'pg'
import { type Db, type Engine, openPglite, openPostgres } from '../server/db/database.ts'
import type { Actor } from '../server/http/actor.ts'
import { VECTOR_LAYOUT } from '../server/modules/matching/facts.ts'
import { listPostingMatches } from '../server/modules/matching/service.ts'
import { SETTINGS_SQL, settingsLine, startServer } from './_http.ts'
import { RANKERS, prepareMatchingDatabase, runRankers, seedMatching, signInRankers } from './_ranking-load.ts'
import { benchLine, loadAverage, percentile, timeEach } from './measure.ts'

const SCALES = (process.env.BENCH_MATCHING_SCALES ?? '10000,100000,300000').split(',').map(Number)
const POSTINGS = Number(process.env.BENCH_MATCHING_POSTINGS ?? 2_000)
const PGLITE_CANDIDATES = Number(process.env.BENCH_MATCHING_PGLITE_CANDIDATES ?? 10_000)
const REQUESTS = Number(process.env.BENCH_MATCHING_REQUESTS ?? 300)
const PORT = Number(process.env.BENCH_MATCHING_PORT ?? 3262)
const GOAL_MS = 100
const GOAL_RATIO = 2.5

const ms = (value: number) => `${value.toFixed(1)} ms`

// A plain sequential scan over the same candidate rows, returning 50 of them: the floor any ranking pays.
const anchorScan = (db: Db) =>
  sql`SELECT candidate_id, days_per_week FROM matching_candidate_vector WHERE layout = ${VECTOR_LAYOUT}
    ORDER BY days_per_week DESC NULLS LAST, candidate_id LIMIT 50`.execute(db)

async function sizesOf(db: Db) {
  const { rows } = await sql<{ total: number | string; matchable: number | string }>`
    SELECT count(*) AS total, count(*) FILTER (WHERE national_list OR cardinality(pool_prefecture_codes) > 0) AS matchable
    FROM matching_candidate_vector`.execute(db)
  return { total: Number(rows[0]?.total), matchable: Number(rows[0]?.matchable) }
}

/** The service call in-process, one at a time, over 40 postings; and the anchor scan, one at a time. */
async function serviceFigures(engine: Engine, iterations: number) {
  const db = engine.db
  const { rows: postingRows } = await sql<{ id: string; municipality_code: string; prefecture_code: string }>`
    SELECT id, municipality_code, prefecture_code FROM posting WHERE state = 'published' ORDER BY id LIMIT 40`.execute(db)
  const actorOf = (row: (typeof postingRows)[number]): Actor => ({
    kind: 'municipality',
    userId: '00000000-0000-4000-8000-000000000000',
    sessionId: 'bench',
    localGovernmentCode: row.municipality_code,
    prefectureCode: row.prefecture_code,
  })
  const page = { limit: 50, offset: 0, includeIneligible: false }
  const matchesOf = (index: number) => {
    const row = postingRows[index % postingRows.length]!
    return listPostingMatches({ db, clock: () => new Date() }, actorOf(row), row.id, page)
  }
  let eligible = 0
  for (let index = 0; index < postingRows.length; index += 1) eligible += (await matchesOf(index)).total // warm-up
  for (let index = 0; index < 10; index += 1) await anchorScan(db)
  const service = await timeEach(iterations, matchesOf)
  const scan = await timeEach(iterations, () => anchorScan(db))
  return { service, scan, postings: postingRows.length, meanEligible: Math.round(eligible / postingRows.length) }
}

/** The anchor scan by RANKERS clients at once (a pool of RANKERS connections), `total` scans in all. */
async function concurrentScan(databaseUrl: string, total: number): Promise<number[]> {
  const engine = openPostgres(databaseUrl, RANKERS)
  try {
    const times: number[] = []
    await Promise.all(
      Array.from({ length: RANKERS }, async () => {
        while (times.length < total) {
          const started = performance.now()
          await anchorScan(engine.db)
          times.push(performance.now() - started)
        }
      }),
    )
    return times.sort((a, b) => a - b)
  } finally {
    await engine.close()
  }
}

interface Row {
  candidates: number
  matchable: number
  meanEligible: number
  serviceP95: number
  scanP95: number
  httpP50: number
  httpP95: number
  failures: number
  scan4P95: number
  load: string
}

async function atScale(url: string, candidates: number): Promise<Row> {
  const databaseUrl = await prepareMatchingDatabase(url, candidates, POSTINGS)
  const engine = openPostgres(databaseUrl, 4)
  let inProcess: Awaited<ReturnType<typeof serviceFigures>>
  let sizes: Awaited<ReturnType<typeof sizesOf>>
  try {
    sizes = await sizesOf(engine.db)
    inProcess = await serviceFigures(engine, REQUESTS)
  } finally {
    await engine.close()
  }
  const server = await startServer({ port: PORT, databaseUrl })
  let http: { ms: number; status: number }[]
  try {
    const rankers = await signInRankers(databaseUrl, server.base)
    await runRankers(server.base, rankers, (count) => count >= RANKERS * 10) // warm-up
    http = await runRankers(server.base, rankers, (count) => count >= REQUESTS)
  } finally {
    await server.stop()
  }
  const scan4 = await concurrentScan(databaseUrl, REQUESTS)
  const times = http.map((result) => result.ms).sort((a, b) => a - b)
  const row: Row = {
    candidates,
    matchable: sizes.matchable,
    meanEligible: inProcess.meanEligible,
    serviceP95: inProcess.service.p95,
    scanP95: inProcess.scan.p95,
    httpP50: percentile(times, 50),
    httpP95: percentile(times, 95),
    failures: http.filter((result) => result.status !== 200).length,
    scan4P95: percentile(scan4, 95),
    load: loadAverage(),
  }
  console.log(
    `  ${candidates.toLocaleString('en')} candidates (vector rows ${sizes.total.toLocaleString('en')}, matchable ${sizes.matchable.toLocaleString('en')}; mean eligible per posting ${row.meanEligible}):`,
  )
  console.log(
    `    service in-process, 1 at a time      p50 ${ms(inProcess.service.p50)}  p95 ${ms(inProcess.service.p95)}   anchor scan p95 ${ms(inProcess.scan.p95)}`,
  )
  console.log(
    `    HTTP, ${RANKERS} staff at once            p50 ${ms(row.httpP50)}  p95 ${ms(row.httpP95)}   anchor scan ${RANKERS} at once p95 ${ms(row.scan4P95)}; non-200 ${row.failures}   (load average ${row.load})`,
  )
  return row
}

async function onPostgres(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  const settings = await admin.query<{ name: string; setting: string; unit: string | null }>(SETTINGS_SQL)
  await admin.end()
  console.log(`  PostgreSQL settings: ${settingsLine(settings.rows)}`)
  const rows: Row[] = []
  for (const candidates of SCALES) rows.push(await atScale(url, candidates))

  console.log(`\n  scaling (${REQUESTS} requests per figure; top 50, eligible only; ${POSTINGS} postings):`)
  console.log('  candidates | service p95 (1 at a time) | HTTP p95 (4 at once) | anchor scan p95 (4 at once) | ratio | non-200 | load average')
  for (const row of rows) {
    console.log(
      `  ${row.candidates.toLocaleString('en').padStart(10)} | ${ms(row.serviceP95).padStart(25)} | ${ms(row.httpP95).padStart(20)} | ${ms(row.scan4P95).padStart(27)} | ${(row.httpP95 / row.scan4P95).toFixed(2).padStart(4)}× | ${String(row.failures).padStart(7)} | ${row.load}`,
    )
  }
  const main = rows.reduce((best, row) => (Math.abs(Math.log(row.candidates / 100_000)) < Math.abs(Math.log(best.candidates / 100_000)) ? row : best))
  const at = main.candidates === 100_000 ? '' : `_at_${main.candidates}`
  const ratio = main.httpP95 / main.scan4P95
  benchLine('matching', `service_p95${at}`, main.serviceP95.toFixed(1), 'ms', GOAL_MS, main.serviceP95 < GOAL_MS)
  benchLine('matching', `http_p95_4_concurrent${at}`, main.httpP95.toFixed(1), 'ms', GOAL_MS, main.httpP95 < GOAL_MS)
  benchLine('matching', `http_p95_4_concurrent_to_scan_ratio${at}`, ratio.toFixed(2), 'x', GOAL_RATIO, ratio <= GOAL_RATIO)
  benchLine('matching', `http_non_200${at}`, String(main.failures), 'count', 0, main.failures === 0)
}

async function onPglite(): Promise<void> {
  const engine = await openPglite('memory://')
  try {
    await seedMatching(engine, PGLITE_CANDIDATES, 300)
    const figures = await serviceFigures(engine, 100)
    console.log(`  PGlite (embedded, in memory; NOT the production figure), ${PGLITE_CANDIDATES.toLocaleString('en')} candidates:`)
    console.log(
      `    service in-process, 1 at a time      p50 ${ms(figures.service.p50)}  p95 ${ms(figures.service.p95)}   anchor scan p95 ${ms(figures.scan.p95)}`,
    )
  } finally {
    await engine.close()
  }
}

console.log('matching: top-50 candidates for a posting')
if (process.env.DATABASE_URL) await onPostgres(process.env.DATABASE_URL)
else console.log('  DATABASE_URL is not set: the PostgreSQL figures are skipped.')
await onPglite()
