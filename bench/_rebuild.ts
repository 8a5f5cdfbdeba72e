import { openPostgres } from '../server/db/database.ts'
import { migrate } from '../server/db/migrate.ts'
import { rebuildCandidateVectors } from '../server/modules/matching/index.ts'
const engine = openPostgres(process.env.DATABASE_URL!, 2)
await migrate(engine)
const started = performance.now()
console.log(await rebuildCandidateVectors(engine.db), ((performance.now() - started) / 1000).toFixed(1), 's')
await engine.close()
