import { parseArgs } from 'node:util'
import { loadConfig } from './config.ts'
import { openDatabase } from './db/database.ts'
import { migrate } from './db/migrate.ts'
import { seedReferenceData } from './db/seed.ts'
import { seedSynthetic } from './synthetic/index.ts'

/**
 * `npm run seed:synthetic -- --candidates 100000 --postings 10000 [--seed 42]`: a synthetic national data set
 * for load tests and benchmarks, on PGlite (DATA_DIR) or PostgreSQL (DATABASE_URL). Adds to what is there.
 */
const { values } = parseArgs({
  options: {
    candidates: { type: 'string', default: '1000' },
    postings: { type: 'string', default: '100' },
    seed: { type: 'string', default: '42' },
  },
})
const count = (text: string, name: string) => {
  const value = Number(text)
  if (!Number.isInteger(value) || value < 0 || value > 2_000_000) throw new Error(`--${name} は 0〜2000000 の整数で指定してください。`)
  return value
}
const config = loadConfig()
const engine = await openDatabase(config)
try {
  await migrate(engine)
  await seedReferenceData(engine.db)
  const summary = await seedSynthetic(engine.db, {
    candidates: count(values.candidates, 'candidates'),
    postings: count(values.postings, 'postings'),
    seed: count(values.seed, 'seed'),
    log: (line) => console.log(line),
  })
  console.log(`完了: 法人 ${summary.companies}・候補者 ${summary.candidates}・募集 ${summary.postings}（${summary.seconds.toFixed(1)} 秒, ${engine.kind}）`)
} finally {
  await engine.close()
}
