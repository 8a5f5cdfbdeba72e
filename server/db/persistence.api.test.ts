import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { expect, test } from 'vitest'
import { openPglite } from './database.ts'
import { migrate } from './migrate.ts'

// Runs on PGlite under both suites: it is about the embedded mode's data directory, whatever DATABASE_URL says.
test('組み込み PostgreSQL のデータは再起動後も残り、マイグレーションは再適用されない', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'pglite-restart-'))
  try {
    const first = await openPglite(dir)
    const applied = await migrate(first)
    expect(applied.applied).toContain('0001_local_governments.sql')
    await first.db.insertInto('company').values({ corporate_number: '7000012050002', name: '国税庁' }).execute()
    await first.close()

    const second = await openPglite(dir)
    expect((await migrate(second)).applied).toEqual([])
    const rows = await sql<{ name: string }>`SELECT name FROM company WHERE corporate_number = '7000012050002'`.execute(second.db)
    expect(rows.rows.map((row) => row.name)).toEqual(['国税庁'])
    await second.close()
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}, 180_000) // two cold starts of an on-disk PGlite: seconds each, more on a busy machine

test('適用済みのマイグレーションが書き換えられていたら起動を止める', async () => {
  const migrations = await mkdtemp(join(tmpdir(), 'migrations-'))
  const engine = await openPglite('memory://')
  try {
    await writeFile(join(migrations, '0001_example.sql'), 'CREATE TABLE example (id int);')
    await migrate(engine, migrations)
    await writeFile(join(migrations, '0001_example.sql'), 'CREATE TABLE example (id bigint);')
    await expect(migrate(engine, migrations)).rejects.toThrow(/適用後に変更されています/)
  } finally {
    await engine.close()
    await rm(migrations, { recursive: true, force: true })
  }
})

test('失敗したマイグレーションは何も残さない（1ファイル1トランザクション）', async () => {
  const migrations = await mkdtemp(join(tmpdir(), 'migrations-'))
  const engine = await openPglite('memory://')
  try {
    await writeFile(join(migrations, '0001_broken.sql'), 'CREATE TABLE half_done (id int);\nSELECT no_such_function();')
    await expect(migrate(engine, migrations)).rejects.toThrow()
    const tables = await sql<{ count: number }>`SELECT count(*)::int AS count FROM pg_tables WHERE tablename = 'half_done'`.execute(engine.db)
    expect(tables.rows[0]?.count).toBe(0)
    const recorded = await sql<{ count: number }>`SELECT count(*)::int AS count FROM schema_migration`.execute(engine.db)
    expect(recorded.rows[0]?.count).toBe(0)
  } finally {
    await engine.close()
    await rm(migrations, { recursive: true, force: true })
  }
})
