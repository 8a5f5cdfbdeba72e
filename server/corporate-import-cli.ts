/**
 * Imports 国税庁法人番号公表サイト downloads (基本3情報 全件 or 差分 zips, Shift_JIS or Unicode) into the company
 * registry: `npm run import:corporate -- <file.zip> [<file.zip> …]`. Each file is streamed in batches with its
 * progress committed, so running the command again after an interruption resumes; a file already imported is
 * recognised by its SHA-256 and skipped. The 国の担当者 see the progress on 法人とグループ関係.
 */
import { resolve } from 'node:path'
import { loadConfig } from './config.ts'
import { migrate, MIGRATIONS_DIR } from './db/migrate.ts'
import { openConfiguredDatabaseOrExit } from './db/open.ts'
import { seedReferenceData } from './db/seed.ts'
import { registerCorporateFile, runCorporateImport } from './modules/companies/index.ts'

const files = process.argv.slice(2)
if (files.length === 0) {
  console.error('使い方: npm run import:corporate -- <法人番号公表サイトの zip> …')
  process.exit(2)
}
const config = loadConfig()
const engine = await openConfiguredDatabaseOrExit(config)
let failed = false
try {
  await migrate(engine, MIGRATIONS_DIR, () => seedReferenceData(engine.db))
  for (const file of files) {
    const started = Date.now()
    const { import: registered } = await registerCorporateFile(engine.db, resolve(file))
    if (registered.status === 'completed') {
      console.log(`${file}: 取り込み済みです（${registered.rowsDone.toLocaleString('ja-JP')}行）。`)
      continue
    }
    const result = await runCorporateImport(engine.db, registered.id)
    const seconds = ((Date.now() - started) / 1000).toFixed(1)
    const peakMb = (process.resourceUsage().maxRSS / 1024).toFixed(0)
    console.log(
      `${file}: ${result.status === 'completed' ? '完了' : result.status === 'failed' ? `失敗（${result.error}）` : '他の処理が実行中'} ` +
        `${result.rowsDone.toLocaleString('ja-JP')}行（反映 ${result.rowsApplied.toLocaleString('ja-JP')}、履歴行 ${result.rowsSkipped.toLocaleString('ja-JP')}）${seconds}秒、最大メモリ ${peakMb} MB`,
    )
    if (result.status === 'failed') failed = true
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  failed = true
} finally {
  await engine.close()
}
process.exit(failed ? 1 : 0)
