import { sql } from 'kysely'
import { openPostgres } from '../server/db/database.ts'
import { postingCriteria } from '../server/modules/postings/index.ts'
import * as borrowed from '../server/modules/matching/borrowed.ts'
import { postingCriteriaOf, VECTOR_LAYOUT } from '../server/modules/matching/facts.ts'
import { compilePlan } from '../server/modules/matching/sql.ts'
import { planScoring } from '#shared/domain/matching/index'

const engine = openPostgres(process.env.DATABASE_URL!, 2)
const db = engine.db
const { rows } = await sql<{ id: string; municipality_code: string }>`SELECT id, municipality_code FROM posting WHERE state='published' ORDER BY id LIMIT 3`.execute(db)
for (const row of rows) {
  const header = (await borrowed.findPostingForStaff(db, { kind: 'municipality', userId: 'x', sessionId: 'x', localGovernmentCode: row.municipality_code, prefectureCode: row.municipality_code.slice(0, 2) }, row.id))!
  const plan = planScoring(postingCriteriaOf(header, await postingCriteria(db, row.id)))
  const compiled = compilePlan(plan)
  const where = sql`layout = ${VECTOR_LAYOUT} AND (national_list OR pool_prefecture_codes @> ARRAY[${header.prefectureCode}]::text[] OR candidate_id = ANY(${[]}::uuid[])) AND ${compiled.eligible}`
  const q = sql<{ 'QUERY PLAN': string }>`EXPLAIN (ANALYZE, BUFFERS) SELECT candidate_id, ${compiled.score} AS score, ${compiled.eligible} AS eligible FROM matching_candidate_vector WHERE ${where} ORDER BY 3 DESC, 2 DESC, 1 LIMIT 50`
  console.log(plan.lines.map((l) => `${l.criterion.kind}${l.required ? '*' : ''}`).join(' '))
  console.log((await q.execute(db)).rows.map((r) => r['QUERY PLAN']).join('\n'))
  const c = sql<{ 'QUERY PLAN': string }>`EXPLAIN (ANALYZE) SELECT count(*) FROM matching_candidate_vector WHERE ${where}`
  console.log((await c.execute(db)).rows.map((r) => r['QUERY PLAN']).slice(-3).join('\n'))
}
await engine.close()
