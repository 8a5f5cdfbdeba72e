/**
 * National-day benchmark (`npm run bench -- national-day`): a bounded, self-stopping mixed load against the app as
 * its own process (`server/main.ts`, as `npm start` runs it) on PostgreSQL at DATABASE_URL.
 *
 * Data (database `bench_national_day`, built once and reused; `--scale 0.05` multiplies every size and builds
 * `bench_national_day_s0_05`): 100,000 synthetic candidates with profiles and matching vectors, 30,000 postings of
 * which 10,000 open (the rest closed), and the bid-check benchmark's 入札制限 data over the same people — ten
 * employment spells each (1,000,000 rows), 200,000 companies with group links, 10,000 appointments, procurements.
 *
 * Load: 200 virtual users (closed loop, no think time), each request drawn at random: public search 50 %, posting
 * reads 20 %, profile saves 10 % (signed-in candidates), rankings 10 % (prefecture staff, top 50), bid checks 5 %
 * (municipal staff), PDFs 5 %, for 60 s. Sign-in goes through the real route and every write carries the CSRF
 * header. Printed: per route p50/p95/p99, requests and non-200 answers, the server's RSS (sampled each second), and
 * the same-run anchors — bare Fastify answering a constant, bare Fastify doing the posting read's SQL, and the
 * app's posting read alone — each with the same virtual users for BENCH_NATIONAL_DAY_ANCHOR_SECONDS (10 s).
 * `--scale s` also scales the virtual users (at least 10) and the durations (at least 5 s and 3 s).
 * Ports: BENCH_NATIONAL_DAY_PORT (3264) and the next two for the anchors.
 */
import { sql } from 'kysely'
import pg from 'pg'
import { todayInJapan } from '#shared/domain/dates'
import { openPostgres } from '../server/db/database.ts'
import { migrate } from '../server/db/migrate.ts'
import { seedReferenceData } from '../server/db/seed.ts'
import { seedSynthetic } from '../server/synthetic/index.ts'
import { createAccount } from '../test/support/actors.ts'
import { AS_OF, type Sample, type Size, generate, samples } from './_bid-check-data.ts'
import { SETTINGS_SQL, type Session, type Timed, databaseUrlOf, rssMb, settingsLine, signInOverHttp, startServer, timedRequest } from './_http.ts'
import { type Ranker, rankingUrl, signInRankers } from './_ranking-load.ts'
import { benchLine, loadAverage, percentile } from './measure.ts'

function option(name: string): string | undefined {
  const args = process.argv.slice(2)
  const at = args.findIndex((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`))
  if (at < 0) return undefined
  return args[at]!.includes('=') ? args[at]!.split('=')[1] : args[at + 1]
}

const SCALE = Number(option('scale') ?? 1)
if (!(SCALE > 0 && SCALE <= 1)) throw new Error('--scale は 0 より大きく 1 以下の数で指定してください。')
const scaled = (value: number, least = 1) => Math.max(least, Math.round(value * SCALE))
const CANDIDATES = scaled(100_000, 1_000)
const POSTINGS = scaled(30_000, 300)
const OPEN = scaled(10_000, 100)
const USERS = scaled(200, 10)
const SECONDS = Number(process.env.BENCH_NATIONAL_DAY_SECONDS ?? scaled(60, 5))
const ANCHOR_SECONDS = Number(process.env.BENCH_NATIONAL_DAY_ANCHOR_SECONDS ?? scaled(10, 3))
const PORT = Number(process.env.BENCH_NATIONAL_DAY_PORT ?? 3264)
const DATABASE = SCALE === 1 ? 'bench_national_day' : `bench_national_day_s${String(SCALE).replace('.', '_')}`
const P95_GOAL_MS = 200
const READ_RATIO_GOAL = 0.5
const BID_STAFF = 5
const PROFILE_PEOPLE = 20

const BID_DATA: Size = {
  companies: scaled(200_000, 2_000),
  groups: scaled(9_900, 99),
  candidates: 0,
  appointments: scaled(10_000, 100),
  municipalities: scaled(1_000, 20),
  procurements: scaled(50, 5),
}

type RouteName = 'search' | 'posting_read' | 'profile_save' | 'ranking' | 'bid_check' | 'pdf'
const MIX: [RouteName, number][] = [
  ['search', 50],
  ['posting_read', 20],
  ['profile_save', 10],
  ['ranking', 10],
  ['bid_check', 5],
  ['pdf', 5],
]

/** A small seeded generator (mulberry32), so every run draws the same sequence of requests. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(10)

async function buildData(url: string): Promise<string> {
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  const settings = await admin.query<{ name: string; setting: string; unit: string | null }>(SETTINGS_SQL)
  console.log(`  PostgreSQL settings: ${settingsLine(settings.rows)}`)
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE])
  const target = databaseUrlOf(url, DATABASE)
  if (exists.rowCount !== 0) {
    const engine = openPostgres(target, 1)
    const ready = await sql<{ ready: string | null }>`SELECT to_regclass('bench_national_day_ready')::text AS ready`.execute(engine.db)
    await engine.close()
    if (ready.rows[0]?.ready) {
      await admin.end()
      return target
    }
    await admin.query(`DROP DATABASE ${DATABASE} WITH (FORCE)`)
  }
  await admin.query(`CREATE DATABASE ${DATABASE}`)
  await admin.end()
  const engine = openPostgres(target, 4)
  const db = engine.db
  try {
    const started = performance.now()
    await migrate(engine)
    await seedReferenceData(db)
    const today = todayInJapan(new Date())
    // The bid-check generator adds one published posting per municipality it appoints in: counted in the 30,000.
    console.log(`  データを作成します: 候補者 ${CANDIDATES}、募集 ${POSTINGS}（うち公開中 ${OPEN}）…`)
    await seedSynthetic(db, { candidates: CANDIDATES, postings: POSTINGS - BID_DATA.municipalities, seed: 42, today })
    await generate(engine, BID_DATA)
    const { rows: closing } = await sql<{ id: string }>`
      SELECT id FROM posting WHERE state = 'published' ORDER BY title = 'ベンチ' DESC, id OFFSET ${0} LIMIT ${POSTINGS - OPEN}`.execute(db)
    await sql`UPDATE posting SET state = 'closed', close_reason = 'expired', closed_at = now() WHERE id = ANY(${closing.map((row) => row.id)}::uuid[])`.execute(
      db,
    )
    await sql`VACUUM ANALYZE`.execute(db)
    await sql`CREATE TABLE bench_national_day_ready (built_at timestamptz NOT NULL DEFAULT now())`.execute(db)
    await sql`INSERT INTO bench_national_day_ready DEFAULT VALUES`.execute(db)
    console.log(`  作成: ${((performance.now() - started) / 1000).toFixed(0)} 秒`)
  } finally {
    await engine.close()
  }
  return target
}

interface World {
  openIds: string[]
  prefectures: string[]
  people: { session: Session; profile: Record<string, unknown> }[]
  rankers: Ranker[]
  bidStaff: { session: Session; samples: Sample[] }[]
}

const PROFILE_FIELDS = [
  'fullName',
  'fullNameKana',
  'contactEmail',
  'phone',
  'prefectureCode',
  'headline',
  'desiredRoles',
  'desiredAppointmentForms',
  'availability',
  'regions',
]

/** Accounts made for this run (candidates with a profile, prefecture and municipal staff), signed in over HTTP. */
async function world(databaseUrl: string, base: string): Promise<World> {
  const engine = openPostgres(databaseUrl, 2)
  const db = engine.db
  try {
    const { rows: open } = await sql<{ id: string }>`SELECT id FROM posting WHERE state = 'published' ORDER BY id`.execute(db)
    const { rows: places } = await sql<{ code: string }>`SELECT DISTINCT prefecture_code AS code FROM posting WHERE state = 'published' ORDER BY 1`.execute(db)
    const { rows: chosen } = await sql<{ id: string }>`
      SELECT c.id FROM candidate c JOIN candidate_scoring_profile p ON p.candidate_id = c.id
      WHERE c.account_id IS NULL ORDER BY c.id LIMIT ${PROFILE_PEOPLE}`.execute(db)
    const people: World['people'] = []
    for (const person of chosen) {
      const account = await createAccount(db, { kind: 'candidate' })
      await sql`UPDATE candidate SET account_id = ${account.id} WHERE id = ${person.id}`.execute(db)
      const session = await signInOverHttp(base, account.email, account.password)
      const response = await fetch(`${base}/api/candidates/me`, { headers: { cookie: session.cookie } })
      if (response.status !== 200) throw new Error(`GET /api/candidates/me: ${response.status} ${await response.text()}`)
      const own = (await response.json()) as Record<string, unknown>
      people.push({ session, profile: Object.fromEntries(PROFILE_FIELDS.map((field) => [field, own[field]])) })
    }
    const bySample = new Map<string, Sample[]>()
    for (const sample of await samples(engine, BID_DATA)) {
      const list = bySample.get(sample.municipalityCode)
      if (list) list.push(sample)
      else bySample.set(sample.municipalityCode, [sample])
    }
    const bidStaff: World['bidStaff'] = []
    for (const [code, list] of [...bySample].slice(0, BID_STAFF)) {
      const account = await createAccount(db, { kind: 'municipality', localGovernmentCode: code })
      bidStaff.push({ session: await signInOverHttp(base, account.email, account.password), samples: list })
    }
    const rankers = await signInRankers(databaseUrl, base)
    return { openIds: open.map((row) => row.id), prefectures: places.map((row) => row.code), people, rankers, bidStaff }
  } finally {
    await engine.close()
  }
}

const ROLES = ['producer', 'project_manager', 'service_designer', 'engineer']

/** One request of `route`, the `n`-th of its virtual user, drawn with the user's `pick`. */
function request(base: string, w: World, route: RouteName, pick: () => number, n: number): Promise<Timed> {
  const any = <T>(list: readonly T[]) => list[Math.floor(pick() * list.length)]!
  switch (route) {
    case 'search': {
      const query = new URLSearchParams({ limit: '20' })
      if (pick() < 0.7) query.set('prefecture', any(w.prefectures))
      if (pick() < 0.3) query.set('role', any(ROLES))
      if (pick() < 0.2) query.set('remote', 'true')
      if (pick() < 0.2) query.set('q', any(['DX', '情報', 'システム', '補佐官']))
      if (pick() < 0.3) query.set('offset', '20')
      return timedRequest(`${base}/api/postings?${query.toString()}`)
    }
    case 'posting_read':
      return timedRequest(`${base}/api/postings/${any(w.openIds)}`)
    case 'pdf':
      return timedRequest(`${base}/api/postings/${any(w.openIds)}/pdf`)
    case 'profile_save': {
      const person = any(w.people)
      return timedRequest(`${base}/api/candidates/me/profile`, {
        method: 'PUT',
        session: person.session,
        body: JSON.stringify({ ...person.profile, headline: `自治体DXの推進を支援します（${n % 100}）` }),
      })
    }
    case 'ranking': {
      const ranker = any(w.rankers)
      return timedRequest(rankingUrl(base, any(ranker.postingIds)), { session: ranker.session })
    }
    case 'bid_check': {
      const staff = any(w.bidStaff)
      const sample = any(staff.samples)
      return timedRequest(`${base}/api/bid-checks`, {
        method: 'POST',
        session: staff.session,
        body: JSON.stringify({ procurementId: sample.procurementId, bidderCorporateNumber: sample.bidder, asOf: AS_OF }),
      })
    }
  }
}

/** USERS virtual users, each sending `next()`'s request as soon as its last answered, until `seconds` pass. */
async function closedLoop(
  seconds: number,
  next: (user: number, n: number) => [string, Promise<Timed>],
): Promise<{ results: Map<string, Timed[]>; seconds: number }> {
  const results = new Map<string, Timed[]>()
  const started = performance.now()
  const until = started + seconds * 1000
  await Promise.all(
    Array.from({ length: USERS }, async (_, user) => {
      for (let n = 0; performance.now() < until; n += 1) {
        const [name, pending] = next(user, n)
        const result = await pending
        const list = results.get(name)
        if (list) list.push(result)
        else results.set(name, [result])
      }
    }),
  )
  return { results, seconds: (performance.now() - started) / 1000 }
}

function summary(list: readonly Timed[], seconds: number) {
  const times = list.map((result) => result.ms).sort((a, b) => a - b)
  const statuses = new Map<number, number>()
  for (const result of list) statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1)
  return {
    requests: list.length,
    perSecond: list.length / seconds,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    errors: list.length - (statuses.get(200) ?? 0),
    statuses: [...statuses].map(([status, n]) => `${status}×${n}`).join(' '),
  }
}

async function anchor(label: string, server: { base: string; stop: () => Promise<void> }, path: (pick: () => number) => string) {
  try {
    const pick = random(7)
    for (let index = 0; index < 50; index += 1) await timedRequest(`${server.base}${path(pick)}`) // warm-up
    const { results, seconds } = await closedLoop(ANCHOR_SECONDS, () => ['anchor', timedRequest(`${server.base}${path(pick)}`)])
    const figures = summary(results.get('anchor') ?? [], seconds)
    console.log(
      `  ${label.padEnd(52)} ${figures.perSecond.toFixed(0).padStart(6)} req/s  p50 ${ms(figures.p50)}  p95 ${ms(figures.p95)}  non-200 ${figures.errors}   (load average ${loadAverage()})`,
    )
    return figures
  } finally {
    await server.stop()
  }
}

const url = process.env.DATABASE_URL
console.log(`national-day: ${USERS} virtual users, mixed load for ${SECONDS} s (scale ${SCALE})`)
if (!url) {
  console.log('  DATABASE_URL is not set: skipped (the figure is a PostgreSQL one).')
  process.exit(0)
}
const databaseUrl = await buildData(url)
const server = await startServer({ port: PORT, databaseUrl })
let rssMax = 0
const rssStart = rssMb(server.child.pid)
try {
  const w = await world(databaseUrl, server.base)
  console.log(
    `  data: ${w.openIds.length} open postings in ${w.prefectures.length} prefectures; ${w.people.length} candidates saving profiles, ${w.rankers.length} prefecture staff ranking, ${w.bidStaff.length} municipal staff checking bids`,
  )
  const anyOpen = (pick: () => number) => w.openIds[Math.floor(pick() * w.openIds.length)]!
  // Anchors first, each alone: the framework's floor, the posting read's SQL on bare Fastify, the app's posting read.
  const hello = await anchor(
    'anchor: bare Fastify hello-world',
    await startServer({ port: PORT + 1, script: 'bench/_bare-server.ts', args: ['hello'] }),
    () => '/hello',
  )
  const bare = await anchor(
    'anchor: bare Fastify, the posting read’s SQL',
    await startServer({ port: PORT + 2, script: 'bench/_bare-server.ts', args: ['posting-read'], databaseUrl }),
    (pick) => `/api/postings/${anyOpen(pick)}`,
  )
  const alone = await anchor(
    'the app’s posting read alone (GET /api/postings/:id)',
    { base: server.base, stop: async () => {} },
    (pick) => `/api/postings/${anyOpen(pick)}`,
  )

  const weights = MIX.reduce((sum, [, weight]) => sum + weight, 0)
  const picks = Array.from({ length: USERS }, (_, user) => random(1000 + user))
  const routeOf = (draw: number): RouteName => {
    let left = draw * weights
    for (const [name, weight] of MIX) {
      left -= weight
      if (left < 0) return name
    }
    return MIX[0]![0]
  }
  // Every route answered twice before the clock starts (the first PDF starts the document workers and loads fonts).
  for (const [route] of [...MIX, ...MIX]) await request(server.base, w, route, random(1), 0)
  const sampler = setInterval(() => {
    rssMax = Math.max(rssMax, rssMb(server.child.pid))
  }, 1000)
  const { results, seconds } = await closedLoop(SECONDS, (user, n) => {
    const pick = picks[user]!
    const route = routeOf(pick())
    return [route, request(server.base, w, route, pick, n)]
  })
  clearInterval(sampler)
  const rssEnd = rssMb(server.child.pid)
  rssMax = Math.max(rssMax, rssEnd)
  const load = loadAverage()

  console.log(`\n  mixed load: ${USERS} virtual users for ${seconds.toFixed(1)} s   (load average ${load})`)
  console.log('  route          share  requests    req/s        p50        p95        p99  non-200  statuses')
  const figures = MIX.map(([name, weight]) => ({ name, weight, ...summary(results.get(name) ?? [], seconds) }))
  for (const figure of figures) {
    console.log(
      `  ${figure.name.padEnd(14)} ${String(figure.weight).padStart(4)} % ${String(figure.requests).padStart(9)} ${figure.perSecond.toFixed(1).padStart(8)} ${ms(figure.p50)} ${ms(figure.p95)} ${ms(figure.p99)} ${String(figure.errors).padStart(8)}  ${figure.statuses}`,
    )
  }
  const all = summary([...results.values()].flat(), seconds)
  console.log(
    `  all                 ${String(all.requests).padStart(9)} ${all.perSecond.toFixed(1).padStart(8)} ${ms(all.p50)} ${ms(all.p95)} ${ms(all.p99)} ${String(all.errors).padStart(8)}`,
  )
  console.log(`  server RSS: ${rssStart.toFixed(0)} MB at start, ${rssMax.toFixed(0)} MB at most (sampled each second), ${rssEnd.toFixed(0)} MB at the end`)
  const ratio = alone.perSecond / bare.perSecond
  console.log(
    `  anchors: hello-world ${hello.perSecond.toFixed(0)} req/s; posting read's SQL on bare Fastify ${bare.perSecond.toFixed(0)} req/s; the app's posting read ${alone.perSecond.toFixed(0)} req/s (${(ratio * 100).toFixed(0)} %)`,
  )

  benchLine('national-day', 'errors', String(all.errors), 'count', 0, all.errors === 0)
  for (const figure of figures) benchLine('national-day', `${figure.name}_p95`, figure.p95.toFixed(1), 'ms', P95_GOAL_MS, figure.p95 < P95_GOAL_MS)
  benchLine('national-day', 'posting_read_to_bare_sql_req_per_s', ratio.toFixed(2), 'x', `>=${READ_RATIO_GOAL}`, ratio >= READ_RATIO_GOAL)
} finally {
  await server.stop()
}
