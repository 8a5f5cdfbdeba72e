import { sql } from 'kysely'
import { openPostgres } from '../server/db/database.ts'
import { postingCriteria } from '../server/modules/postings/index.ts'
import * as borrowed from '../server/modules/matching/borrowed.ts'
import { postingCriteriaOf, VECTOR_LAYOUT } from '../server/modules/matching/facts.ts'
import { compilePlan } from '../server/modules/matching/sql.ts'
import { planScoring } from '#shared/domain/matching/index'

const engine = openPostgres(process.env.DATABASE_URL!, 2)
const db = engine.db
const { rows } = await sql<{ id: string; municipality_code: string }>`SELECT id, municipality_code FROM posting WHERE state='published' ORDER BY id LIMIT 40`.execute(db)
const sums = { window: 0, two: 0, base: 0 }
const worst = { window: 0, two: 0, base: 0 }
for (let rep = 0; rep < 2; rep++) for (const row of rows) {
  const actor = { kind: 'municipality' as const, userId: 'x', sessionId: 'x', localGovernmentCode: row.municipality_code, prefectureCode: row.municipality_code.slice(0, 2) }
  const header = (await borrowed.findPostingForStaff(db, actor, row.id))!
  const compiled = compilePlan(planScoring(postingCriteriaOf(header, await postingCriteria(db, row.id))))
  const where = sql`layout = ${VECTOR_LAYOUT} AND (national_list OR ${header.prefectureCode}::text = ANY(pool_prefecture_codes)) AND ${compiled.eligible}`
  const time = async (key: keyof typeof sums, run: () => Promise<unknown>) => { const s = performance.now(); await run(); const d = performance.now() - s; sums[key] += d; worst[key] = Math.max(worst[key], d) }
  await time('window', () => sql`SELECT candidate_id, ${compiled.score} AS score, count(*) OVER () FROM matching_candidate_vector WHERE ${where} ORDER BY 2 DESC, 1 LIMIT 50`.execute(db))
  await time('two', async () => { await sql`SELECT candidate_id, ${compiled.score} AS score FROM matching_candidate_vector WHERE ${where} ORDER BY 2 DESC, 1 LIMIT 50`.execute(db); await sql`SELECT count(*) FROM matching_candidate_vector WHERE ${where}`.execute(db) })
  await time('base', () => sql`SELECT candidate_id, days_per_week FROM matching_candidate_vector WHERE layout = ${VECTOR_LAYOUT} ORDER BY days_per_week DESC NULLS LAST, candidate_id LIMIT 50`.execute(db))
}
console.log('mean', Object.fromEntries(Object.entries(sums).map(([k, v]) => [k, (v / 80).toFixed(0)])), 'worst', Object.fromEntries(Object.entries(worst).map(([k, v]) => [k, v.toFixed(0)])))
await engine.close()
