import { buildApp } from './app.ts'
import { loadConfig } from './config.ts'
import { openDatabase } from './db/database.ts'
import { migrate } from './db/migrate.ts'
import { seedReferenceData } from './db/seed.ts'
import { formatDemoAccounts, seedDemoAccounts } from './modules/accounts/index.ts'
import { createMailSender } from './modules/mail/index.ts'
import { startPostingTimers } from './modules/postings/index.ts'

/** The process: read config, open the database, migrate and seed, listen, close on signals. */
const config = loadConfig()
const engine = await openDatabase(config)
await migrate(engine)
await seedReferenceData(engine.db)
// A fresh embedded database gets demo accounts (国・愛媛県・松山市・今治市・外部デジタル人材); passwords printed once below.
const demoAccounts = config.seedDemo && !config.databaseUrl ? await seedDemoAccounts(engine.db, config) : []
const app = await buildApp({ config, db: engine.db })
// Mail is sent right after the request that queued it; this timer retries what failed or waited for a restart.
const mailSender = createMailSender({ db: engine.db, config, log: app.log })
const mailTimer = config.smtpUrl ? setInterval(() => mailSender.kick(), config.mailRetrySeconds * 1000) : undefined
mailSender.kick()
// Postings past their deadline close, and subscribers get their digest of new and updated postings.
const stopPostingTimers = startPostingTimers({ db: engine.db, clock: () => new Date(), config, kickMail: () => mailSender.kick() }, { log: app.log })

async function shutdown(signal: string) {
  app.log.info({ signal }, 'shutting down')
  clearInterval(mailTimer)
  stopPostingTimers()
  await mailSender.close()
  await app.close()
  await engine.close()
  process.exit(0)
}
process.once('SIGINT', () => void shutdown('SIGINT'))
process.once('SIGTERM', () => void shutdown('SIGTERM'))

await app.listen({ port: config.port, host: config.host })
const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `組み込み PostgreSQL (PGlite, ${config.dataDir}/pg)`
app.log.info(`起動しました: http://localhost:${config.port}/ （API 文書: /docs, データベース: ${where}）`)
if (demoAccounts.length > 0) {
  console.log(formatDemoAccounts(demoAccounts, config.publicUrl))
} else if (config.seedDemo && !config.databaseUrl) {
  console.log(`ログイン: ${new URL('/sign-in', config.publicUrl).toString()}（デモ用アカウントのパスワードは初回起動時に表示しました。忘れた場合は ${config.dataDir} を削除して起動し直すと、新しいパスワードで作り直します）`)
}
if (!config.smtpUrl) {
  console.log('SMTP_URL が未設定のため、メールは送信されず送信待ちに残ります（国の担当者が GET /api/mail-outbox で確認できます）。')
}
