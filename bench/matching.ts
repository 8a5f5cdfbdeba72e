/**
 * Matching benchmark: top-50 matches for a posting over 100,000 matchable candidates on PostgreSQL, with a
 * baseline measured in the same run on the same rows (a plain sequential scan that returns 50 rows), and a labelled
 * PGlite figure on a smaller set.
 *
 * PostgreSQL: uses a database of its own (`bench_matching`) on the server at DATABASE_URL, seeded once from a fixed
 * seed and reused by later runs. Sizes: BENCH_MATCHING_CANDIDATES (100000), BENCH_MATCHING_POSTINGS (2000),
 * BENCH_MATCHING_PGLITE_CANDIDATES (10000).
 */
import { sql } from 'kysely'
import pg from 'pg'
import { type Engine, openPglite, openPostgres } from '../server/db/database.ts'
import { migrate } from '../server/db/migrate.ts'
import { seedReferenceData } from '../server/db/seed.ts'
import type { Actor } from '../server/http/actor.ts'
import { VECTOR_LAYOUT } from '../server/modules/matching/facts.ts'
import { listPostingMatches } from '../server/modules/matching/service.ts'
import { seedSynthetic } from '../server/synthetic/index.ts'
import { timeEach } from './measure.ts'

const CANDIDATES = Number(process.env.BENCH_MATCHING_CANDIDATES ?? 100_000)
const POSTINGS = Number(process.env.BENCH_MATCHING_POSTINGS ?? 2_000)
const PGLITE_CANDIDATES = Number(process.env.BENCH_MATCHING_PGLITE_CANDIDATES ?? 10_000)
const DATABASE = 'bench_matching'

const ms = (value: number) => `${value.toFixed(1)} ms`

async function prepare(engine: Engine, candidates: number, postings: number): Promise<void> {
  await migrate(engine)
  await seedReferenceData(engine.db)
  const { rows } = await sql<{ count: number | string }>`SELECT count(*) AS count FROM candidate`.execute(engine.db)
  const existing = Number(rows[0]?.count ?? 0)
  if (existing < candidates) {
    console.log(`  合成データを作成します（候補者 ${candidates - existing} 人、募集 ${postings} 件）…`)
    const summary = await seedSynthetic(engine.db, { candidates: candidates - existing, postings, seed: 42 })
    console.log(`  作成: ${summary.seconds.toFixed(1)} 秒`)
  }
  if (engine.kind === 'postgres') await sql`ANALYZE`.execute(engine.db)
}

async function measure(engine: Engine, label: string, iterations: number): Promise<void> {
  const db = engine.db
  const { rows: postingRows } = await sql<{ id: string; municipality_code: string; prefecture_code: string }>`
    SELECT id, municipality_code, prefecture_code FROM posting WHERE state = 'published' ORDER BY id LIMIT 40`.execute(db)
  const { rows: sizes } = await sql<{ total: number | string; matchable: number | string }>`
    SELECT count(*) AS total, count(*) FILTER (WHERE national_list OR cardinality(pool_prefecture_codes) > 0) AS matchable
    FROM matching_candidate_vector`.execute(db)
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
  // A plain sequential scan over the same candidate rows, returning 50 of them: the floor any ranking pays.
  const baseline = () =>
    sql`SELECT candidate_id, days_per_week FROM matching_candidate_vector WHERE layout = ${VECTOR_LAYOUT}
      ORDER BY days_per_week DESC NULLS LAST, candidate_id LIMIT 50`.execute(db)

  let eligible = 0
  for (let index = 0; index < postingRows.length; index += 1) eligible += (await matchesOf(index)).total // warm-up
  for (let index = 0; index < 10; index += 1) await baseline()

  const ours = await timeEach(iterations, matchesOf)
  const base = await timeEach(iterations, () => baseline())
  console.log(`  ${label}`)
  console.log(
    `  candidate rows: ${Number(sizes[0]?.total)}, matchable (national list or a pool): ${Number(sizes[0]?.matchable)}; postings measured: ${postingRows.length}; mean eligible per posting: ${Math.round(eligible / postingRows.length)}`,
  )
  console.log(`  top-50 matches (service: ranking SQL + explanations)  p50 ${ms(ours.p50)}  p95 ${ms(ours.p95)}`)
  console.log(`  baseline (plain sequential scan, 50 rows)             p50 ${ms(base.p50)}  p95 ${ms(base.p95)}`)
  console.log(`  ratio p95 / baseline p95: ${(ours.p95 / base.p95).toFixed(2)}×  (goal ≤ 3×)   p95 goal < 100 ms: ${ours.p95 < 100 ? 'met' : 'NOT met'}`)
}

async function onPostgres(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE])
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${DATABASE}`)
  await admin.end()
  const target = new URL(url)
  target.pathname = `/${DATABASE}`
  const engine = openPostgres(target.toString(), 4)
  try {
    await prepare(engine, CANDIDATES, POSTINGS)
    await measure(engine, `PostgreSQL (${DATABASE}), ${CANDIDATES.toLocaleString('en')} candidates`, 300)
  } finally {
    await engine.close()
  }
}

async function onPglite(): Promise<void> {
  const engine = await openPglite('memory://')
  try {
    await prepare(engine, PGLITE_CANDIDATES, 300)
    await measure(engine, `PGlite (embedded, in memory; NOT the production figure), ${PGLITE_CANDIDATES.toLocaleString('en')} candidates`, 100)
  } finally {
    await engine.close()
  }
}

console.log('matching: top-50 candidates for a posting')
if (process.env.DATABASE_URL) await onPostgres(process.env.DATABASE_URL)
else console.log('  DATABASE_URL is not set: the PostgreSQL figure is skipped.')
await onPglite()
