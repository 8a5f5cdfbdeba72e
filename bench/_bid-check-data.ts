/**
 * The 入札制限 data set of the bid-check benchmark, shared with the national-day benchmark: companies with group
 * links (some with cycles), people with ten employment spells each, active appointments that advise on procurement,
 * and procurements with their participants, generated with generate_series / INSERT … SELECT.
 */
import { sql } from 'kysely'
import type { Engine } from '../server/db/database.ts'
import { migrate } from '../server/db/migrate.ts'
import { seedReferenceData } from '../server/db/seed.ts'
import { corporateNumberOf } from '../server/synthetic/companies.ts'

export interface Size {
  companies: number
  groups: number
  candidates: number
  appointments: number
  municipalities: number
  procurements: number
}

export const FULL: Size = { companies: 200_000, groups: 9_900, candidates: 100_000, appointments: 10_000, municipalities: 1_000, procurements: 50 }
export const SMALL: Size = { companies: 20_000, groups: 990, candidates: 10_000, appointments: 1_000, municipalities: 100, procurements: 20 }

export const AS_OF = '2025-10-01'
export const clock = () => new Date(`${AS_OF}T10:00:00+09:00`)

export async function count(engine: Engine, table: string): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(engine.db)
  return Number(rows[0]?.n ?? 0)
}

/**
 * Generates the data set in SQL; the 法人番号 (with check digits) come from JS through unnest. With
 * `candidates: 0` the people already in the database get the employment rows (ten spells each) and the appointments.
 */
export async function generate(engine: Engine, size: Size): Promise<void> {
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

  if (size.candidates > 0) await sql`INSERT INTO candidate (full_name) SELECT 'ベンチ ' || i FROM generate_series(1, ${size.candidates}) i`.execute(db)
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

export async function prepare(engine: Engine, size: Size): Promise<void> {
  await migrate(engine)
  await seedReferenceData(engine.db)
  if ((await count(engine, 'appointment')) === 0) await generate(engine, size)
}

export interface Sample {
  procurementId: string
  municipalityCode: string
  prefectureCode: string
  bidder: string
}

/** Bidders per procurement: a third current employers of its appointees, a third their group members, a third anyone. */
export async function samples(engine: Engine, size: Size): Promise<Sample[]> {
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
