import { loadConfig } from '../config.ts'
import { openConfiguredDatabase } from './open.ts'
import { migrate } from './migrate.ts'
import { seedReferenceData } from './seed.ts'

const config = loadConfig()
const opened = await openConfiguredDatabase(config)
if (!opened.ok) {
  console.error(opened.message)
  process.exit(1)
}
const engine = opened.engine
try {
  const { applied } = await migrate(engine)
  await seedReferenceData(engine.db)
  console.log(applied.length ? `適用したマイグレーション: ${applied.join(', ')}` : 'マイグレーションは最新です。')
} finally {
  await engine.close()
}
