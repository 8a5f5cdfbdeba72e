import { buildApp } from './app.ts'
import { createServer } from 'node:net'
import { loadConfig, type Config } from './config.ts'
import { openConfiguredDatabaseOrExit } from './db/open.ts'
import { MIGRATIONS_DIR, migrate } from './db/migrate.ts'
import { seedReferenceData } from './db/seed.ts'
import { seedDemoWorld, welcomeText } from './demo/index.ts'

/** The process: read config, open the database, migrate and seed, listen, close on signals. */
const config = await resolvedConfig()
const engine = await openConfiguredDatabaseOrExit(config)
// Under the migration lock: a second instance starting at the same time waits, then finds nothing to do.
await migrate(engine, MIGRATIONS_DIR, () => seedReferenceData(engine.db))
// A fresh embedded database gets the demo world (server/demo); its shared password is printed once below.
const demo = config.seedDemo && !config.databaseUrl ? await seedDemoWorld(engine.db, config, { force: false }) : undefined
const app = await buildApp({ config, db: engine.db })
// Mail retries, posting expiry, digests and interview reminders: each once per period across every instance on this database.
app.jobs.start(config.jobsPollSeconds)

/** PORT=0 means any free port: chosen now, so the printed and mailed links name the port actually served. */
async function resolvedConfig(): Promise<Config> {
  const config = loadConfig()
  if (config.port !== 0) return config
  const port = await new Promise<number>((done, fail) => {
    const probe = createServer().once('error', fail)
    probe.listen(0, config.host, () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => done(port))
    })
  })
  return loadConfig({ ...process.env, PORT: String(port) })
}

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
// For the person who just typed `npm start`, whatever the log level: where to go.
console.log(`起動しました: ${new URL('/', config.publicUrl).toString()} （API 文書: /docs, データベース: ${where}）`)
if (demo?.created) {
  console.log(welcomeText(demo.password, config.publicUrl))
} else if (config.seedDemo && !config.databaseUrl) {
  console.log(
    `ログイン: ${new URL('/sign-in', config.publicUrl).toString()}（デモ用アカウントのパスワードは初回起動時に表示しました。忘れた場合は ${config.dataDir} を削除して起動し直すと、新しいパスワードで作り直します）`,
  )
}
if (!config.smtpUrl) {
  console.log('SMTP_URL が未設定のため、メールは送信されず送信待ちに残ります（国の担当者が GET /api/mail-outbox で確認できます）。')
}
