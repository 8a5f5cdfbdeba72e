/**
 * 入札制限 benchmark: the bid-check service call in-process (facts loaded with a few indexed queries, the
 * pure rules, and the append-only log row), the same through HTTP (app.inject, session and validation included),
 * the restricted set of a procurement, and a baseline measured in the same run on the same rows: a bare indexed
 * lookup of one company by 法人番号.
 *
 * PostgreSQL (DATABASE_URL): a database of its own (`bench_bid_check`), generated once with generate_series /
 * INSERT … SELECT and reused: 200,000 companies, 50,000 group links (10,000 groups, some with cycles), 100,000
 * people with 1,000,000 employment rows, 10,000 active appointments over 1,000 municipalities. Without
 * DATABASE_URL only a small, labelled PGlite figure is printed.
 */
import { sql } from 'kysely'
import pg from 'pg'
import { buildApp } from '../server/app.ts'
import { testConfig } from '../server/config.ts'
import { type Engine, openPglite, openPostgres } from '../server/db/database.ts'
import { migrate } from '../server/db/migrate.ts'
import { seedReferenceData } from '../server/db/seed.ts'
import type { Actor } from '../server/http/actor.ts'
import { checkBid, restrictedSet } from '../server/modules/bid-restrictions/index.ts'
import { corporateNumberOf } from '../server/synthetic/companies.ts'
import { createAccount, injectAs } from '../test/support/actors.ts'
import { benchLine, loadAverage, timeEach } from './measure.ts'

const DATABASE = 'bench_bid_check'
/** the size of the check log at which bytes per check are reported */
const LOG_CHECKS = Number(process.env.BENCH_BID_CHECK_LOG ?? 10_000)

interface Size {
  companies: number
  groups: number
  candidates: number
  appointments: number
  municipalities: number
  procurements: number
}

const FULL: Size = { companies: 200_000, groups: 9_900, candidates: 100_000, appointments: 10_000, municipalities: 1_000, procurements: 50 }
const SMALL: Size = { companies: 20_000, groups: 990, candidates: 10_000, appointments: 1_000, municipalities: 100, procurements: 20 }

const AS_OF = '2025-10-01'
const clock = () => new Date(`${AS_OF}T10:00:00+09:00`)

const ms = (value: number) => `${value.toFixed(2)} ms`.padStart(10)

async function count(engine: Engine, table: string): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(engine.db)
  return Number(rows[0]?.n ?? 0)
}

/** Generates the data set in SQL; the 法人番号 (with check digits) come from JS through unnest. */
async function generate(engine: Engine, size: Size): Promise<void> {
  const db = engine.db
  const started = performance.now()
  await sql`CREATE TABLE IF NOT EXISTS bench_company_index (n integer PRIMARY KEY, cn text NOT NULL)`.execute(db)
  await sql`CREATE TABLE IF NOT EXISTS bench_candidate_index (n integer PRIMARY KEY, id uuid NOT NULL)`.execute(db)
  for (let start = 1; start <= size.companies; start += 20_000) {
    const numbers: number[] = []
    const cns: string[] = []
    for (let n = start; n < Math.min(start + 20_000, size.companies + 1); n += 1) {
      numbers.push(n)
      cns.push(corporateNumberOf(`8${String(n).padStart(11, '0')}`))
    }
    await sql`INSERT INTO bench_company_index (n, cn) SELECT * FROM unnest(${numbers}::int[], ${cns}::text[])`.execute(db)
    await sql`INSERT INTO company (corporate_number, name) SELECT cn, 'ベンチ株式会社' || n FROM unnest(${numbers}::int[], ${cns}::text[]) AS t(n, cn)`.execute(
      db,
    )
  }
  // Groups of six: a parent and five subsidiaries; every 100th group has a cycle back to its parent.
  await sql`
    INSERT INTO company_link (kind, from_corporate_number, to_corporate_number)
    SELECT 'parent_subsidiary', p.cn, c.cn
      FROM generate_series(0, ${size.groups - 1}) g CROSS JOIN generate_series(2, 6) k
      JOIN bench_company_index p ON p.n = g * 6 + 1
      JOIN bench_company_index c ON c.n = g * 6 + k`.execute(db)
  await sql`
    INSERT INTO company_link (kind, from_corporate_number, to_corporate_number, starts_on, ends_on)
    SELECT 'parent_subsidiary', c.cn, p.cn, '2020-01-01', NULL
      FROM generate_series(0, ${size.groups - 1}) g
      JOIN bench_company_index p ON p.n = g * 6 + 1
      JOIN bench_company_index c ON c.n = g * 6 + 6
     WHERE g % 100 = 0`.execute(db)
  const linksSoFar = await count(engine, 'company_link')
  const relatedNeeded = Math.max(0, Math.round((size.groups * 5) / 0.99) - linksSoFar)
  await sql`
    INSERT INTO company_link (kind, from_corporate_number, to_corporate_number)
    SELECT 'related', a.cn, b.cn FROM generate_series(1, ${relatedNeeded}) i
      JOIN bench_company_index a ON a.n = (i * 37) % ${size.companies} + 1
      JOIN bench_company_index b ON b.n = (i * 37 + 13) % ${size.companies} + 1`.execute(db)

  await sql`INSERT INTO candidate (full_name) SELECT 'ベンチ ' || i FROM generate_series(1, ${size.candidates}) i`.execute(db)
  await sql`INSERT INTO bench_candidate_index (n, id) SELECT row_number() OVER (ORDER BY id), id FROM candidate`.execute(db)
  // Ten spells per person, two years each, the last one current; employers spread over every company.
  await sql`
    INSERT INTO candidate_employment (candidate_id, corporate_number, relationship, starts_on, ends_on)
    SELECT ci.id, co.cn, CASE WHEN k = 9 AND ci.n % 7 = 0 THEN 'side_job' ELSE 'employee' END,
           make_date(2006 + k * 2, 4, 1), CASE WHEN k = 9 THEN NULL ELSE make_date(2008 + k * 2, 3, 31) END
      FROM bench_candidate_index ci CROSS JOIN generate_series(0, 9) k
      JOIN bench_company_index co ON co.n = ((ci.n::bigint * 7919 + k * 104729) % ${size.companies}) + 1`.execute(db)

  await sql`
    INSERT INTO posting (municipality_code, prefecture_code, state, form, title)
    SELECT code, prefecture_code, 'published',
           '{"title":"ベンチ","bidRestriction":{"templateIds":["B1","B2","C1","D"],"params":{},"note":null}}'::jsonb, 'ベンチ'
      FROM local_government WHERE kind <> 'prefecture' ORDER BY code LIMIT ${size.municipalities}`.execute(db)
  await sql`
    INSERT INTO application (posting_id, candidate_id, municipality_code, status, motivation)
    SELECT p.id, ci.id, p.municipality_code, 'appointed', 'ベンチ'
      FROM bench_candidate_index ci
      JOIN (SELECT id, municipality_code, row_number() OVER (ORDER BY municipality_code) - 1 AS r FROM posting) p
        ON p.r = ci.n % ${size.municipalities}
     WHERE ci.n <= ${size.appointments}`.execute(db)
  await sql`
    INSERT INTO appointment (application_id, posting_id, candidate_id, municipality_code, role_id, appointment_form,
                             starts_on, ends_on, advises_on_procurement, drafts_specifications, employment_snapshot)
    SELECT a.id, a.posting_id, a.candidate_id, a.municipality_code, 'producer', 'tokubetsushoku_hijokin',
           '2025-04-01', '2027-03-31', true, true, '[]'::jsonb
      FROM application a`.execute(db)
  await sql`
    INSERT INTO appointment_rule_set (appointment_id, municipality_code, rules)
    SELECT id, municipality_code, '[{"templateId":"B1","params":{}},{"templateId":"B2","params":{}},{"templateId":"C1","params":{}},{"templateId":"D","params":{}}]'::jsonb
      FROM appointment`.execute(db)
  // One procurement in each of the first municipalities: every appointee advises, the first one drafts the spec.
  await sql`
    INSERT INTO procurement (municipality_code, title, categories, rules)
    SELECT code, 'ベンチ調達', ARRAY['design_development', 'operation_maintenance'], '[{"templateId":"G_i","params":{}}]'::jsonb
      FROM (SELECT DISTINCT municipality_code AS code FROM appointment ORDER BY 1 LIMIT ${size.procurements}) m`.execute(db)
  await sql`
    INSERT INTO procurement_participant (procurement_id, appointment_id, role)
    SELECT p.id, a.id, 'advises' FROM procurement p JOIN appointment a ON a.municipality_code = p.municipality_code`.execute(db)
  await sql`
    INSERT INTO procurement_participant (procurement_id, appointment_id, role)
    SELECT DISTINCT ON (p.id) p.id, a.id, 'drafts_spec' FROM procurement p JOIN appointment a ON a.municipality_code = p.municipality_code
     ORDER BY p.id, a.id`.execute(db)
  if (engine.kind === 'postgres') await sql`ANALYZE`.execute(db)
  console.log(`  データ作成: ${((performance.now() - started) / 1000).toFixed(1)} 秒`)
}

async function prepare(engine: Engine, size: Size): Promise<void> {
  await migrate(engine)
  await seedReferenceData(engine.db)
  if ((await count(engine, 'appointment')) === 0) await generate(engine, size)
}

interface Sample {
  procurementId: string
  municipalityCode: string
  prefectureCode: string
  bidder: string
}

/** Bidders per procurement: a third current employers of its appointees, a third their group members, a third anyone. */
async function samples(engine: Engine, size: Size): Promise<Sample[]> {
  const { rows } = await sql<{ id: string; municipality_code: string; employer: string; sibling: string | null; anyone: string }>`
    SELECT p.id, p.municipality_code, e.corporate_number AS employer,
           (SELECT l.to_corporate_number FROM company_link l WHERE l.from_corporate_number = e.corporate_number AND l.kind = 'parent_subsidiary' LIMIT 1) AS sibling,
           (SELECT cn FROM bench_company_index WHERE n = (abs(hashtext(e.id::text)) % ${size.companies}) + 1) AS anyone
      FROM procurement p
      JOIN appointment a ON a.municipality_code = p.municipality_code
      JOIN candidate_employment e ON e.candidate_id = a.candidate_id AND e.ends_on IS NULL
     ORDER BY p.id, a.id`.execute(engine.db)
  return rows.flatMap((row) => {
    const base = { procurementId: row.id, municipalityCode: row.municipality_code, prefectureCode: row.municipality_code.slice(0, 2) }
    return [row.employer, row.sibling ?? row.anyone, row.anyone].map((bidder) => ({ ...base, bidder }))
  })
}

async function measure(engine: Engine, size: Size, label: string, iterations: number): Promise<void> {
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
  benchLine('bid-check', 'service_p95', service.p95.toFixed(2), 'ms', 5, service.p95 < 5)
  benchLine('bid-check', 'http_p95', http.p95.toFixed(2), 'ms', 8, http.p95 < 8)

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
  benchLine('bid-check', 'log_bytes_per_check', String(Math.round(shared)), 'bytes', Math.round(inline), shared < inline)
}

async function onPostgres(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE])
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${DATABASE}`)
  const target = new URL(url)
  target.pathname = `/${DATABASE}`
  let engine = openPostgres(target.toString(), 4)
  try {
    try {
      await prepare(engine, FULL)
    } catch (error) {
      // A migration changed since the data set was made: it is only a benchmark database, so make it again.
      console.log(`  ベンチ用データベースを作り直します（${(error as Error).message}）`)
      await engine.close()
      await new Promise((resolve) => setTimeout(resolve, 500))
      await admin.query(`DROP DATABASE ${DATABASE}`)
      await admin.query(`CREATE DATABASE ${DATABASE}`)
      engine = openPostgres(target.toString(), 4)
      await prepare(engine, FULL)
    }
    await measure(engine, FULL, `PostgreSQL (${DATABASE})`, 2000)
  } finally {
    await engine.close()
    await admin.end()
  }
}

async function onPglite(): Promise<void> {
  const engine = await openPglite('memory://')
  try {
    await prepare(engine, SMALL)
    await measure(engine, SMALL, 'PGlite (embedded, in memory, 1/10 of the data set; NOT the production figure)', 300)
  } finally {
    await engine.close()
  }
}

console.log('bid-check: 入札制限の判定')
if (process.env.DATABASE_URL) await onPostgres(process.env.DATABASE_URL)
else console.log('  DATABASE_URL が未設定です: PostgreSQL の数値は省略し、小さな PGlite の数値だけを示します。')
await onPglite()
