import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { sql } from 'kysely'
import type { Engine } from './database.ts'

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url))

const FILE_NAME = /^\d{4}_[a-z0-9_]+\.sql$/

export interface MigrationResult {
  applied: string[]
}

/**
 * Applies migrations/NNNN_name.sql in name order, each file and its bookkeeping row in one transaction.
 * Files are run as scripts (not through Kysely's Migrator) because Kysely sends each query as a prepared
 * statement, which PGlite refuses for multi-statement files. A landed file whose text changed stops the start.
 */
export async function migrate(engine: Engine, dir = MIGRATIONS_DIR): Promise<MigrationResult> {
  await engine.runScript(`CREATE TABLE IF NOT EXISTS schema_migration (
    name text PRIMARY KEY,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`)
  const applied = new Map(
    (await sql<{ name: string; checksum: string }>`SELECT name, checksum FROM schema_migration`.execute(engine.db)).rows.map(
      (row) => [row.name, row.checksum],
    ),
  )
  const files = (await readdir(dir)).filter((name) => FILE_NAME.test(name)).sort()
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
