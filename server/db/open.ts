import { accessSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { type DatabaseConfig, openDatabase, type Engine } from './database.ts'

/** The PostgreSQL major version of the bundled PGlite; a data folder written by another major cannot be opened. */
const PGLITE_MAJOR = '17'

export type OpenResult = { ok: true; engine: Engine } | { ok: false; message: string }

/**
 * The configured database, or one Japanese line saying why it cannot be opened. For the embedded database the
 * data folder is created when missing; a folder that is a file, cannot be written, or holds something other than a
 * compatible PGlite database is refused before PGlite touches it, so existing data is never rewritten.
 */
export async function openConfiguredDatabase(config: DatabaseConfig): Promise<OpenResult> {
  if (config.databaseUrl) return { ok: true, engine: await openDatabase(config) }
  const refusal = prepareDataDir(config.dataDir)
  if (refusal) return { ok: false, message: refusal }
  try {
    return { ok: true, engine: await openDatabase(config) }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return {
      ok: false,
      message: `データフォルダ ${resolve(config.dataDir, 'pg')} のデータベースを開けません（${reason}）。別の版で作られたか壊れています。中身はそのままにしてあります。`,
    }
  }
}

/** For command-line entry points: the configured database, or the refusal printed as one line and exit code 1. */
export async function openConfiguredDatabaseOrExit(config: DatabaseConfig): Promise<Engine> {
  const opened = await openConfiguredDatabase(config)
  if (opened.ok) return opened.engine
  console.error(opened.message)
  process.exit(1)
}

/** Creates DATA_DIR when missing; answers why it cannot hold the embedded database, or undefined when it can. */
function prepareDataDir(dataDir: string): string | undefined {
  const folder = resolve(dataDir)
  const pgFolder = join(folder, 'pg')
  if (existsSync(folder) && !statSync(folder).isDirectory()) return `DATA_DIR ${folder} はフォルダではなくファイルです。別のフォルダを指定してください。`
  try {
    mkdirSync(folder, { recursive: true })
    accessSync(folder, constants.W_OK)
  } catch (error) {
    return `DATA_DIR ${folder} を作成できないか、書き込めません（${(error as NodeJS.ErrnoException).code ?? 'error'}）。書き込めるフォルダを指定してください。`
  }
  if (!existsSync(pgFolder)) return undefined
  if (!statSync(pgFolder).isDirectory()) return `データフォルダ ${pgFolder} はフォルダではなくファイルです。DATA_DIR に別のフォルダを指定してください。`
  if (readdirSync(pgFolder).length === 0) return undefined
  const versionFile = join(pgFolder, 'PG_VERSION')
  // PGlite would initialise a new database among files it does not know, so anything else is refused untouched.
  if (!existsSync(versionFile))
    return `データフォルダ ${pgFolder} は PGlite のデータベースではありません。中身はそのままにしてあります。DATA_DIR に別のフォルダを指定してください。`
  const major = readFileSync(versionFile, 'utf8').trim()
  if (major !== PGLITE_MAJOR) {
    return `データフォルダ ${pgFolder} は PostgreSQL ${major} 用で、組み込みの PostgreSQL ${PGLITE_MAJOR} では開けません。中身はそのままにしてあります。DATA_DIR に別のフォルダを指定してください。`
  }
  return undefined
}
