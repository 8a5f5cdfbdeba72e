import { buildApp } from './app.ts'
import { loadConfig } from './config.ts'
import { openDatabase } from './db/database.ts'
import { migrate } from './db/migrate.ts'
import { seedReferenceData } from './db/seed.ts'

/** The process: read config, open the database, migrate and seed, listen, close on signals. */
const config = loadConfig()
const engine = await openDatabase(config)
await migrate(engine)
await seedReferenceData(engine.db)
const app = await buildApp({ config, db: engine.db })

async function shutdown(signal: string) {
  app.log.info({ signal }, 'shutting down')
  await app.close()
  await engine.close()
  process.exit(0)
}
process.once('SIGINT', () => void shutdown('SIGINT'))
process.once('SIGTERM', () => void shutdown('SIGTERM'))

await app.listen({ port: config.port, host: config.host })
const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `組み込み PostgreSQL (PGlite, ${config.dataDir}/pg)`
app.log.info(`起動しました: http://localhost:${config.port}/ （API 文書: /docs, データベース: ${where}）`)
