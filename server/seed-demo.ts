import { loadConfig } from './config.ts'
import { openConfiguredDatabase } from './db/open.ts'
import { migrate } from './db/migrate.ts'
import { seedReferenceData } from './db/seed.ts'
import { formatDemoAccounts, seedDemoAccounts } from './modules/accounts/index.ts'

/**
 * `npm run seed:demo`: migrates, loads reference data and creates the demo accounts (国, 愛媛県, 松山市, 今治市 and
 * three 外部デジタル人材) with random passwords, printed once. Does nothing when the database has any account.
 * Works on PGlite (DATA_DIR) and on PostgreSQL (DATABASE_URL); stop `npm start` first when using PGlite.
 */
const config = loadConfig()
const opened = await openConfiguredDatabase(config)
if (!opened.ok) {
  console.error(opened.message)
  process.exit(1)
}
const engine = opened.engine
try {
  await migrate(engine)
  await seedReferenceData(engine.db)
  const accounts = await seedDemoAccounts(engine.db, config)
  if (accounts.length === 0) {
    console.log('アカウントがすでにあるため、デモ用アカウントは作成しませんでした。')
  } else {
    console.log(formatDemoAccounts(accounts, config.publicUrl))
  }
} finally {
  await engine.close()
}
