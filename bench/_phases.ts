import { sql } from 'kysely'
import { openPostgres } from '../server/db/database.ts'
import { postingCriteria } from '../server/modules/postings/index.ts'
import * as borrowed from '../server/modules/matching/borrowed.ts'
import { postingCriteriaOf } from '../server/modules/matching/facts.ts'
import { compilePlan } from '../server/modules/matching/sql.ts'
import * as repository from '../server/modules/matching/repository.ts'
import { listPostingMatches } from '../server/modules/matching/service.ts'
import { planScoring } from '#shared/domain/matching/index'

const engine = openPostgres(process.env.DATABASE_URL!, 2)
const db = engine.db
const { rows } = await sql<{ id: string; municipality_code: string }>`SELECT id, municipality_code FROM posting WHERE state='published' ORDER BY id LIMIT 40`.execute(db)
const out: string[] = []
for (const row of rows) {
  const actor = { kind: 'municipality' as const, userId: 'x', sessionId: 'x', localGovernmentCode: row.municipality_code, prefectureCode: row.municipality_code.slice(0, 2) }
  const header = (await borrowed.findPostingForStaff(db, actor, row.id))!
  const plan = planScoring(postingCriteriaOf(header, await postingCriteria(db, row.id)))
  const compiled = compilePlan(plan)
  const t: number[] = [], u: number[] = []
  for (let i = 0; i < 4; i++) {
    let s = performance.now()
    const r = await repository.rankCandidatesPage(db, compiled, { prefectureCode: header.prefectureCode, applicantIds: [] }, { limit: 50, offset: 0, includeIneligible: false })
    t.push(performance.now() - s)
    s = performance.now()
    await listPostingMatches({ db }, actor, row.id, { limit: 50, offset: 0, includeIneligible: false })
    u.push(performance.now() - s)
    if (i === 0) out.push(`${row.id.slice(0, 8)} total=${r.total} ${plan.lines.filter((l) => l.required).map((l) => l.criterion.kind).join(',')}`)
  }
  out[out.length - 1] += `  sql min ${Math.min(...t).toFixed(0)}  service min ${Math.min(...u).toFixed(0)} max ${Math.max(...u).toFixed(0)}`
}
console.log(out.join('\n'))
await engine.close()
