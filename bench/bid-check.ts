/**
 * 入札制限 benchmark: the bid-check service call in-process (facts loaded with a few indexed queries, the
 * pure rules, and the append-only log row), the same through HTTP (app.inject, session and validation included),
 * the restricted set of a procurement, and a baseline measured in the same run on the same rows: a bare indexed
 * lookup of one company by 法人番号.
 *
 * PostgreSQL (DATABASE_URL): a database of its own (`bench_bid_check`), generated once with generate_series /
 * INSERT … SELECT and reused: 200,000 companies, 50,000 group links (10,000 groups, some with cycles), 100,000
 * people with 1,000,000 employment rows, 10,000 active appointments over 1,000 municipalities
 * (BENCH_BID_CHECK_SIZE=small: a tenth, in `bench_bid_check_small`). On PostgreSQL the checks are measured again
 * while the matching benchmark's ranking load runs (4 staff ranking BENCH_BID_CHECK_RANKING_CANDIDATES (100,000)
 * candidates at once over HTTP, the app as its own process on port BENCH_BID_CHECK_RANKING_PORT (3263)), and the
 * check log's bytes per check are reported. Without DATABASE_URL only a small, labelled PGlite figure is printed
 * (its BENCH lines prefixed `pglite_`).
 */
import { sql } from 'kysely'
import pg from 'pg'
import { buildApp } from '../server/app.ts'
import { testConfig } from '../server/config.ts'
import { type Engine, openPglite, openPostgres } from '../server/db/database.ts'
import type { Actor } from '../server/http/actor.ts'
import { checkBid, restrictedSet } from '../server/modules/bid-restrictions/index.ts'
import { createAccount, injectAs } from '../test/support/actors.ts'
import { AS_OF, FULL, SMALL, type Sample, type Size, clock, count, prepare, samples } from './_bid-check-data.ts'
import { SETTINGS_SQL, settingsLine, startServer } from './_http.ts'
import { prepareMatchingDatabase, runRankers, signInRankers } from './_ranking-load.ts'
import { benchLine, loadAverage, percentile, timeEach } from './measure.ts'

/** BENCH_BID_CHECK_SIZE=small: the 1/10 data set on PostgreSQL too, for a quick check that the benchmark runs */
const PG_SIZE = process.env.BENCH_BID_CHECK_SIZE === 'small' ? SMALL : FULL
const DATABASE = PG_SIZE === SMALL ? 'bench_bid_check_small' : 'bench_bid_check'
/** the size of the check log at which bytes per check are reported */
const LOG_CHECKS = Number(process.env.BENCH_BID_CHECK_LOG ?? 10_000)
/** the matching data set the ranking load runs on while bid checks are measured under it */
const RANKING_CANDIDATES = Number(process.env.BENCH_BID_CHECK_RANKING_CANDIDATES ?? 100_000)
const ITERATIONS = Number(process.env.BENCH_BID_CHECK_ITERATIONS ?? 2000)
const RANKING_PORT = Number(process.env.BENCH_BID_CHECK_RANKING_PORT ?? 3263)

const ms = (value: number) => `${value.toFixed(2)} ms`.padStart(10)

/**
 * Bid checks (service and HTTP) while the matching benchmark's ranking load runs: 4 staff ranking 100,000
 * candidates at once over HTTP against the app as its own process, on the same PostgreSQL server.
 */
async function underRankingLoad(url: string, iterations: number, check: (index: number) => Promise<unknown>, httpCheck: (index: number) => Promise<unknown>) {
  const databaseUrl = await prepareMatchingDatabase(url, RANKING_CANDIDATES)
  const server = await startServer({ port: RANKING_PORT, databaseUrl })
  try {
    const rankers = await signInRankers(databaseUrl, server.base)
    let stopped = false
    const load = runRankers(server.base, rankers, () => stopped)
    await new Promise((done) => setTimeout(done, 1000))
    const service = await timeEach(iterations, check)
    const http = await timeEach(Math.min(iterations, 500), httpCheck)
    stopped = true
    const ranking = await load
    const times = ranking.map((result) => result.ms).sort((a, b) => a - b)
    return {
      service,
      http,
      rankings: ranking.length,
      rankingP95: percentile(times, 95),
      rankingFailures: ranking.filter((result) => result.status !== 200).length,
    }
  } finally {
    await server.stop()
  }
}

/** `figure` names the BENCH line of each figure (the PGlite ones are prefixed); `rankingServer` is DATABASE_URL. */
async function measure(engine: Engine, size: Size, label: string, iterations: number, figure: (name: string) => string, rankingServer?: string): Promise<void> {
  const db = engine.db
  const deps = { db, clock }
  const all = await samples(engine, size)
  // spread the samples over every procurement
  const picked = Array.from({ length: iterations }, (_, index) => all[(index * 7919) % all.length]!)
  const actorOf = (sample: Sample): Actor => ({
    kind: 'municipality',
    userId: '00000000-0000-4000-8000-000000000000',
    sessionId: 'bench',
    localGovernmentCode: sample.municipalityCode,
    prefectureCode: sample.prefectureCode,
  })
  const check = (index: number) => {
    const sample = picked[index % picked.length]!
    return checkBid(deps, actorOf(sample), { procurementId: sample.procurementId, bidderCorporateNumber: sample.bidder, asOf: AS_OF })
  }
  const baseline = (index: number) =>
    db
      .selectFrom('company')
      .select(['corporate_number', 'name'])
      .where('corporate_number', '=', picked[index % picked.length]!.bidder)
      .executeTakeFirst()

  const decisions = { allowed: 0, restricted: 0, restricted_exemptible: 0 }
  for (let index = 0; index < Math.min(200, iterations); index += 1) decisions[(await check(index)).decision] += 1 // warm-up
  for (let index = 0; index < 200; index += 1) await baseline(index)
  const service = await timeEach(iterations, check)
  const base = await timeEach(iterations, baseline)

  // HTTP: the same checks through app.inject, for one municipality with a signed-in account.
  const app = await buildApp({ config: testConfig({ logLevel: 'silent' }), db, clock })
  const httpSamples = picked.filter((sample) => sample.municipalityCode === picked[0]!.municipalityCode)
  const account = await createAccount(db, { kind: 'municipality', localGovernmentCode: picked[0]!.municipalityCode })
  const inject = await injectAs(app, account)
  const httpCheck = async (index: number) => {
    const sample = httpSamples[index % httpSamples.length]!
    const response = await inject({
      method: 'POST',
      url: '/api/bid-checks',
      payload: { procurementId: sample.procurementId, bidderCorporateNumber: sample.bidder, asOf: AS_OF },
    })
    if (response.statusCode !== 200) throw new Error(response.body)
  }
  for (let index = 0; index < 50; index += 1) await httpCheck(index)
  const http = await timeEach(Math.min(iterations, 500), httpCheck)
  const underRanking = rankingServer ? await underRankingLoad(rankingServer, iterations, check, httpCheck) : undefined
  await app.close()

  const procurements = [...new Map(all.map((sample) => [sample.procurementId, sample])).values()]
  let setSize = 0
  const set = async (index: number) => {
    const sample = procurements[index % procurements.length]!
    const result = await restrictedSet(deps, actorOf(sample), sample.procurementId, { asOf: AS_OF, publishable: false })
    setSize += result.companies.length
  }
  for (let index = 0; index < procurements.length; index += 1) await set(index)
  setSize = 0
  const setIterations = Math.max(procurements.length, 100)
  const restricted = await timeEach(setIterations, set)

  const sizes = {
    companies: await count(engine, 'company'),
    links: await count(engine, 'company_link'),
    employments: await count(engine, 'candidate_employment'),
    appointments: await count(engine, 'appointment'),
  }
  console.log(`  ${label}`)
  console.log(
    `  rows: ${sizes.companies.toLocaleString('en')} companies, ${sizes.links.toLocaleString('en')} group links, ${sizes.employments.toLocaleString('en')} employment rows, ${sizes.appointments.toLocaleString('en')} active appointments (2025-04-01〜2027-03-31)`,
  )
  console.log(
    `  bidders checked: ${JSON.stringify(decisions)} in the warm-up; restricted set: ${(setSize / setIterations).toFixed(1)} companies per procurement on average`,
  )
  console.log(`                                                   p50         p95`)
  console.log(
    `  bid check, service in-process (facts + rules + log) ${ms(service.p50)}  ${ms(service.p95)}   goal p95 < 5 ms: ${service.p95 < 5 ? 'met' : 'NOT met'}`,
  )
  console.log(`  bid check, HTTP (app.inject, session, validation)   ${ms(http.p50)}  ${ms(http.p95)}`)
  console.log(
    `  restricted set of a procurement (service)           ${ms(restricted.p50)}  ${ms(restricted.p95)}   goal < 50 ms: ${restricted.p95 < 50 ? 'met' : 'NOT met'}`,
  )
  console.log(`  baseline: bare indexed lookup of one company        ${ms(base.p50)}  ${ms(base.p95)}`)
  console.log(`  ratio bid check / baseline: p50 ${(service.p50 / base.p50).toFixed(1)}×, p95 ${(service.p95 / base.p95).toFixed(1)}×`)
  console.log(`  load average (1 5 15 min): ${loadAverage()}`)
  if (underRanking) {
    console.log(
      `  while ${underRanking.rankings} rankings of ${RANKING_CANDIDATES.toLocaleString('en')} candidates ran, 4 at once over HTTP (p95 ${underRanking.rankingP95.toFixed(1)} ms, non-200 ${underRanking.rankingFailures}):`,
    )
    console.log(`  bid check, service in-process                      ${ms(underRanking.service.p50)}  ${ms(underRanking.service.p95)}`)
    console.log(`  bid check, HTTP                                    ${ms(underRanking.http.p50)}  ${ms(underRanking.http.p95)}`)
    console.log(`  load average (1 5 15 min): ${loadAverage()}`)
  }
  benchLine('bid-check', figure('service_p95'), service.p95.toFixed(2), 'ms', 5, service.p95 < 5)
  benchLine('bid-check', figure('http_p95'), http.p95.toFixed(2), 'ms', 8, http.p95 < 8)
  if (underRanking) {
    benchLine('bid-check', figure('service_p95_under_ranking'), underRanking.service.p95.toFixed(2), 'ms', 5, underRanking.service.p95 < 5)
    benchLine('bid-check', figure('http_p95_under_ranking'), underRanking.http.p95.toFixed(2), 'ms', 8, underRanking.http.p95 < 8)
  }

  // The log at LOG_CHECKS checks: bytes per check with each facts document stored once, against the same log with
  // every check carrying its facts in its own row (the stored documents' sizes summed per check, compressed as 0042
  // kept them).
  for (let index = await count(engine, 'bid_check'); index < LOG_CHECKS; index += 1) await check(index)
  await sql`VACUUM ANALYZE bid_check, bid_check_facts`.execute(db)
  const { rows } = await sql<{ checks: string; shared: string; inline: string }>`
    SELECT (SELECT count(*) FROM bid_check) AS checks,
           pg_total_relation_size('bid_check') + pg_total_relation_size('bid_check_facts') AS shared,
           pg_total_relation_size('bid_check') + (SELECT sum(pg_column_size(f.facts)) FROM bid_check b JOIN bid_check_facts f ON f.hash = b.facts_hash) AS inline`.execute(
    db,
  )
  const checks = Number(rows[0]!.checks)
  const shared = Number(rows[0]!.shared) / checks
  const inline = Number(rows[0]!.inline) / checks
  console.log(
    `  check log at ${checks.toLocaleString('en')} checks: ${Math.round(shared).toLocaleString('en')} bytes per check (facts stored once), ${Math.round(inline).toLocaleString('en')} with the facts in every row`,
  )
  benchLine('bid-check', figure('log_bytes_per_check'), String(Math.round(shared)), 'bytes', Math.round(inline), shared < inline)
}

async function onPostgres(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  const settings = await admin.query<{ name: string; setting: string; unit: string | null }>(SETTINGS_SQL)
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE])
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${DATABASE}`)
  const target = new URL(url)
  target.pathname = `/${DATABASE}`
  let engine = openPostgres(target.toString(), 4)
  try {
    try {
      await prepare(engine, PG_SIZE)
    } catch (error) {
      // A migration changed since the data set was made: it is only a benchmark database, so make it again.
      console.log(`  ベンチ用データベースを作り直します（${(error as Error).message}）`)
      await engine.close()
      await new Promise((resolve) => setTimeout(resolve, 500))
      await admin.query(`DROP DATABASE ${DATABASE}`)
      await admin.query(`CREATE DATABASE ${DATABASE}`)
      engine = openPostgres(target.toString(), 4)
      await prepare(engine, PG_SIZE)
    }
    await measure(engine, PG_SIZE, `PostgreSQL (${DATABASE}; ${settingsLine(settings.rows)})`, ITERATIONS, (name) => name, url)
  } finally {
    await engine.close()
    await admin.end()
  }
}

async function onPglite(): Promise<void> {
  const engine = await openPglite('memory://')
  try {
    await prepare(engine, SMALL)
    await measure(engine, SMALL, 'PGlite (embedded, in memory, 1/10 of the data set; NOT the production figure)', 300, (name) => `pglite_${name}`)
  } finally {
    await engine.close()
  }
}

console.log('bid-check: 入札制限の判定')
if (process.env.DATABASE_URL) await onPostgres(process.env.DATABASE_URL)
else console.log('  DATABASE_URL が未設定です: PostgreSQL の数値は省略し、小さな PGlite の数値だけを示します。')
await onPglite()
