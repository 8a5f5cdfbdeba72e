import { loadConfig } from './config.ts'
import { openConfiguredDatabaseOrExit } from './db/open.ts'
import { migrate } from './db/migrate.ts'
import { seedReferenceData } from './db/seed.ts'
import { seedDemoWorld, welcomeText } from './demo/index.ts'

/**
 * `npm run seed:demo [-- --force]`: migrates, loads reference data and creates the demo world (server/demo) on the
 * configured database, PGlite (DATA_DIR; stop `npm start` first) or PostgreSQL (DATABASE_URL). A database that
 * already has accounts is refused unless --force; one that has the demo already is always refused.
 */
const force = process.argv.slice(2).includes('--force')
const config = loadConfig()
const engine = await openConfiguredDatabaseOrExit(config)
let exitCode = 0
try {
  await migrate(engine)
  await seedReferenceData(engine.db)
  const outcome = await seedDemoWorld(engine.db, config, { force })
  if (outcome.created) {
    console.log(welcomeText(outcome.password, config.publicUrl))
  } else {
    exitCode = 1
    console.error(
      outcome.reason === 'demo_exists'
        ? 'このデータベースにはデモの世界がすでにあります（デモ用アカウントのメールアドレスが使われています）。何も変更していません。'
        : 'このデータベースにはすでにアカウントがあるため、デモの世界は作りませんでした。追加するときは npm run seed:demo -- --force を実行してください。',
    )
  }
} finally {
  await engine.close()
}
process.exit(exitCode)
