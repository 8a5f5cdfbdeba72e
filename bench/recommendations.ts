/**
 * Recommendations benchmark: a candidate's top-20 open postings (GET /api/me/recommendations, service call) at
 * 30,000 postings of which 10,000 are open, on PostgreSQL at DATABASE_URL. Figures, each with the load average:
 * - p95 with the 20,000 others closed (the goal figure), and the same with ineligible postings included;
 * - p95 with the 20,000 others still published but past their deadline (before the daily expiry closes them);
 * - p95 with the 20,000 others gone (only the open 10,000): "flat in closed postings" is this against the first;
 * - same-run anchors: a plain top-20 over the open postings' plan rows (the floor of reading them) and the
 *   pure scorer over every open posting loaded into the process (how recommendations were computed before).
 *
 * Builds a fresh database `bench_recommendations` each run. Sizes: BENCH_RECOMMENDATIONS_POSTINGS (30000),
 * BENCH_RECOMMENDATIONS_OPEN (10000), BENCH_RECOMMENDATIONS_ITERATIONS (200).
 */
import { sql } from 'kysely'
import pg from 'pg'
import { todayInJapan } from '#shared/domain/dates'
import { rankPostings } from '#shared/domain/matching/index'
import { openPostgres } from '../server/db/database.ts'
import { migrate } from '../server/db/migrate.ts'
import { seedReferenceData } from '../server/db/seed.ts'
import type { Actor } from '../server/http/actor.ts'
import { factsFromProfile, postingCriteriaOf } from '../server/modules/matching/facts.ts'
import { planLayout } from '../server/modules/matching/plan-rows.ts'
import * as matchingRepository from '../server/modules/matching/repository.ts'
import { listRecommendations, refreshPostingPlans } from '../server/modules/matching/service.ts'
import { scoringProfiles } from '../server/modules/candidates/index.ts'
import { postingCriteriaOfMany, postingFactsOfMany } from '../server/modules/postings/index.ts'
import { seedSynthetic } from '../server/synthetic/index.ts'
import { benchLine, loadAverage, timeEach } from './measure.ts'

const POSTINGS = Number(process.env.BENCH_RECOMMENDATIONS_POSTINGS ?? 30_000)
const OPEN = Number(process.env.BENCH_RECOMMENDATIONS_OPEN ?? 10_000)
const ITERATIONS = Number(process.env.BENCH_RECOMMENDATIONS_ITERATIONS ?? 200)
const DATABASE = 'bench_recommendations'
const TODAY = '2026-11-24'
// Noon in Japan on TODAY: the synthetic postings' deadlines are TODAY + 7…60 days.
const clock = () => new Date(`${TODAY}T03:00:00Z`)
const GOAL_MS = 50

const ms = (value: number) => `${value.toFixed(1)} ms`

const url = process.env.DATABASE_URL
console.log('recommendations: top-20 open postings for a candidate')
if (!url) {
  console.log('  DATABASE_URL is not set: skipped (the figure is a PostgreSQL one).')
  process.exit(0)
}

const admin = new pg.Client({ connectionString: url })
await admin.connect()
await admin.query(`DROP DATABASE IF EXISTS ${DATABASE}`)
await admin.query(`CREATE DATABASE ${DATABASE}`)
const settings = await admin.query<{ name: string; setting: string; unit: string | null }>(
  `SELECT name, setting, unit FROM pg_settings WHERE name IN ('server_version', 'fsync', 'synchronous_commit', 'shared_buffers', 'work_mem', 'max_parallel_workers_per_gather') ORDER BY name`,
)
await admin.end()
console.log(`  PostgreSQL settings: ${settings.rows.map((row) => `${row.name}=${row.setting}${row.unit ? ` ${row.unit}` : ''}`).join(', ')}`)

const target = new URL(url)
target.pathname = `/${DATABASE}`
const engine = openPostgres(target.toString(), 4)
const db = engine.db
try {
  await migrate(engine)
  await seedReferenceData(db)
  const seeded = await seedSynthetic(db, { candidates: 2_000, postings: POSTINGS, seed: 42, today: TODAY })
  console.log(`  synthetic data: ${POSTINGS} postings, 2,000 candidates (${seeded.seconds.toFixed(0)} s)`)
  // Forty synthetic candidates get accounts, as if they had signed in.
  await sql`
    WITH picked AS (
      SELECT c.id, row_number() OVER (ORDER BY c.id) AS n FROM candidate c
      WHERE EXISTS (SELECT 1 FROM candidate_scoring_profile p WHERE p.candidate_id = c.id) ORDER BY c.id LIMIT 40
    ), accounts AS (
      INSERT INTO account (kind, email, display_name, password_hash) SELECT 'candidate', 'bench' || n || '@example.jp', '候補者' || n, 'unusable' FROM picked
      RETURNING id, email
    )
    UPDATE candidate SET account_id = accounts.id FROM accounts, picked
    WHERE candidate.id = picked.id AND accounts.email = 'bench' || picked.n || '@example.jp'`.execute(db)
  const { rows: people } = await sql<{ account_id: string; id: string }>`SELECT account_id, id FROM candidate WHERE account_id IS NOT NULL ORDER BY id`.execute(
    db,
  )
  const actors: Actor[] = people.map((person) => ({ kind: 'candidate', userId: person.account_id, sessionId: 'bench' }))
  const { rows: others } = await sql<{ id: string }>`SELECT id FROM posting WHERE state = 'published' ORDER BY id OFFSET ${OPEN}`.execute(db)
  const otherIds = others.map((row) => row.id)

  const page = { limit: 20, offset: 0, includeIneligible: false }
  const deps = { db, clock }
  const recommend = (index: number) => listRecommendations(deps, actors[index % actors.length]!, page)
  const figures: { figure: string; p50: number; p95: number; load: string; total: number }[] = []
  const measure = async (figure: string, label: string) => {
    await refreshPostingPlans(db)
    await sql`ANALYZE`.execute(db)
    let total = 0
    for (let index = 0; index < actors.length; index += 1) total = (await recommend(index)).total // warm-up
    const timed = await timeEach(ITERATIONS, recommend)
    const { rows } = await sql<{ open: number | string; skills: number | string }>`
      SELECT count(*) AS open, count(DISTINCT skill_plan) AS skills FROM matching_posting_plan WHERE open_until >= ${TODAY}::date`.execute(db)
    const { rows: counted } = await sql<{ state: string; n: number | string }>`SELECT state, count(*) AS n FROM posting GROUP BY state ORDER BY state`.execute(
      db,
    )
    console.log(
      `  ${label}: postings ${counted.map((row) => `${row.state} ${row.n}`).join(', ')}; open with a plan ${rows[0]?.open} (${rows[0]?.skills} distinct skill sets); eligible for the last candidate ${total}`,
    )
    console.log(`    top-20 recommendations p50 ${ms(timed.p50)}  p95 ${ms(timed.p95)}   (load average ${loadAverage()})`)
    figures.push({ figure, ...timed, load: loadAverage(), total })
  }

  await sql`UPDATE posting SET application_ends_on = ${'2026-11-01'}::date, form = jsonb_set(form, '{applicationEndsOn}', '"2026-11-01"')
    WHERE id = ANY(${otherIds}::uuid[])`.execute(db)
  await measure('p95_past_deadline', `${OPEN} open, ${otherIds.length} published past their deadline`)

  await sql`UPDATE posting SET state = 'closed', close_reason = 'expired', closed_at = now() WHERE id = ANY(${otherIds}::uuid[])`.execute(db)
  await measure('p95', `${OPEN} open, ${otherIds.length} closed`)
  // Every open posting scored and sorted (the candidate's "also show postings I do not qualify for").
  const everything = await timeEach(ITERATIONS, (index) => listRecommendations(deps, actors[index % actors.length]!, { ...page, includeIneligible: true }))
  console.log(`    including ineligible postings p50 ${ms(everything.p50)}  p95 ${ms(everything.p95)}   (load average ${loadAverage()})`)
  figures.push({ figure: 'p95_including_ineligible', ...everything, load: loadAverage(), total: 0 })

  // Same-run anchors on the same data.
  const layout = planLayout()
  const scan = await timeEach(ITERATIONS, () =>
    sql`SELECT posting_id, days_met + remote_met + side_job_met + start_met + region_met AS score FROM matching_posting_plan
      WHERE open_until >= ${TODAY}::date AND layout = ${layout} ORDER BY 2 DESC, 1 LIMIT 20`.execute(db),
  )
  console.log(`    anchor: plain top-20 over the open postings' plan rows  p50 ${ms(scan.p50)}  p95 ${ms(scan.p95)}   (load average ${loadAverage()})`)
  const { rows: openRows } = await sql<{ id: string }>`SELECT id FROM posting WHERE state = 'published'`.execute(db)
  const profile = (await scoringProfiles(db, { candidateIds: [people[0]!.id], consent: { kind: 'any' } }))[0]!
  const inProcess = await timeEach(5, async () => {
    const ids = openRows.map((row) => row.id)
    const [facts, criteria, weights] = await Promise.all([
      postingFactsOfMany(db, ids),
      postingCriteriaOfMany(db, ids),
      matchingRepository.postingWeightsOfMany(db, ids),
    ])
    const postings = [...facts.values()].map((posting) =>
      postingCriteriaOf({ ...posting, municipalityName: '', prefectureName: '' }, criteria.get(posting.id) ?? [], weights.get(posting.id)),
    )
    return rankPostings(postings, factsFromProfile(profile)).slice(0, 20)
  })
  console.log(
    `    anchor: the pure scorer over all ${openRows.length} open postings in the process (5 runs)  p50 ${ms(inProcess.p50)}  p95 ${ms(inProcess.p95)}   (load average ${loadAverage()})`,
  )

  await sql`DELETE FROM posting WHERE id = ANY(${otherIds}::uuid[])`.execute(db)
  await measure('p95_no_closed', `${OPEN} open, no other postings`)

  const withClosed = figures.find((figure) => figure.figure === 'p95')!
  const alone = figures.find((figure) => figure.figure === 'p95_no_closed')!
  console.log(
    `  today ${todayInJapan(clock())}; ${ITERATIONS} requests per figure over ${actors.length} candidates; the machine is shared with other sessions (load average above)`,
  )
  for (const figure of figures) {
    benchLine('recommendations', figure.figure, figure.p95.toFixed(1), 'ms', GOAL_MS, figure.p95 < GOAL_MS)
  }
  const flat = withClosed.p95 / alone.p95
  benchLine('recommendations', 'closed_to_open_only_p95_ratio', flat.toFixed(2), 'x', 1.25, flat <= 1.25)
} finally {
  await engine.close()
}
