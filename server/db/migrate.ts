import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { sql } from 'kysely'
import type { Engine } from './database.ts'

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url))

const FILE_NAME = /^\d{4}_[a-z0-9_]+\.sql$/

/** The advisory lock every instance takes before migrating, so a second instance waits and then finds nothing to do. */
export const MIGRATION_LOCK = 'jichitai-dx:migrate'

export interface MigrationResult {
  applied: string[]
}

/**
 * Applies migrations/NNNN_name.sql in name order under the migration lock (see `migrateLocked`). `alsoUnderLock`
 * runs after the files while the lock is still held (the reference-data seed, which two instances must not race).
 */
export async function migrate(engine: Engine, dir = MIGRATIONS_DIR, alsoUnderLock?: () => Promise<void>): Promise<MigrationResult> {
  const result = await engine.exclusive(MIGRATION_LOCK, async () => {
    const applied = await migrateLocked(engine, dir)
    await alsoUnderLock?.()
    return applied
  })
  if (!result.acquired) throw new Error('unreachable: the migration lock is awaited')
  return result.value
}

/**
 * Each file and its bookkeeping row run in one transaction. Files are run as scripts (not through Kysely's Migrator)
 * because Kysely sends each query as a prepared statement, which PGlite refuses for multi-statement files. A landed
 * file whose text changed stops the start. So does the order check (`outOfOrder`) before anything is applied.
 */
async function migrateLocked(engine: Engine, dir: string): Promise<MigrationResult> {
  await engine.runScript(`CREATE TABLE IF NOT EXISTS schema_migration (
    name text PRIMARY KEY,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`)
  const applied = new Map(
    (await sql<{ name: string; checksum: string }>`SELECT name, checksum FROM schema_migration`.execute(engine.db)).rows.map((row) => [row.name, row.checksum]),
  )
  const files = (await readdir(dir)).filter((name) => FILE_NAME.test(name)).sort()
  const refusal = outOfOrder(files, [...applied.keys()])
  if (refusal) throw new Error(refusal)
  const newlyApplied: string[] = []
  for (const name of files) {
    const text = await readFile(`${dir}/${name}`, 'utf8')
    const checksum = createHash('sha256').update(text).digest('hex')
    const previous = applied.get(name)
    if (previous !== undefined) {
      if (previous !== checksum) {
        throw new Error(`マイグレーション ${name} は適用後に変更されています。変更は次の番号の新しいファイルで行ってください。`)
      }
      continue
    }
    // name matches FILE_NAME and checksum is hex, so both are safe to inline.
    await engine.runScript(`${text}\n;\nINSERT INTO schema_migration (name, checksum) VALUES ('${name}', '${checksum}');`)
    newlyApplied.push(name)
  }
  return { applied: newlyApplied }
}

/**
 * Migrations are released in number order, so a database's history must be a prefix of the files: every pending
 * file numbered above every applied one. Refused, naming the files: an applied migration with no file (the database
 * was migrated by other code, or a file was renamed or removed), and a pending file that sorts before an applied
 * one (applying it now would give this database a different order from a fresh one). Gaps in the numbering itself
 * are fine; only a gap that would be filled after a later number was applied is not.
 */
export function outOfOrder(files: readonly string[], applied: readonly string[]): string | null {
  const known = new Set(files)
  const unknown = applied.filter((name) => !known.has(name)).sort()
  if (unknown.length > 0) {
    return `適用済みのマイグレーション ${unknown.join(', ')} のファイルがありません。このデータベースは別の版のコードで移行されています。`
  }
  const lastApplied = [...applied].sort().at(-1)
  if (lastApplied === undefined) return null
  const done = new Set(applied)
  const late = files.filter((name) => !done.has(name) && name < lastApplied)
  if (late.length > 0) {
    return `マイグレーション ${late.join(', ')} は適用済みの ${lastApplied} より前の番号です。順番どおりに適用できないため、${lastApplied} より後の番号に付け替えてください。`
  }
  return null
}
