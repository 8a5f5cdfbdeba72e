import { loadConfig } from '../config.ts'
import { openConfiguredDatabaseOrExit } from './open.ts'
import { MIGRATIONS_DIR, migrate } from './migrate.ts'
import { seedReferenceData } from './seed.ts'

const config = loadConfig()
const engine = await openConfiguredDatabaseOrExit(config)
try {
  const { applied } = await migrate(engine, MIGRATIONS_DIR, () => seedReferenceData(engine.db))
  console.log(applied.length ? `適用したマイグレーション: ${applied.join(', ')}` : 'マイグレーションは最新です。')
} finally {
  await engine.close()
}
