import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'kysely'
import pg from 'pg'
import { expect, test } from 'vitest'
import { openPglite, openPostgres } from './database.ts'
import { migrate } from './migrate.ts'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

function runMigrateCli(databaseUrl: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/db/migrate-cli.ts'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' },
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('close', (code) => resolve({ code, output }))
  })
}

// On PostgreSQL: two processes migrate one empty database at once (two instances started together). On PGlite,
// which one process opens, two migrations started together in that process.
test('同時に起動した2つのインスタンスのマイグレーションは、一方が待ってから何もせずに終わる', async () => {
  const databaseUrl = process.env.DATABASE_URL
  if (databaseUrl) {
    const name = `race_${randomUUID().replaceAll('-', '')}`
    const admin = new pg.Client({ connectionString: databaseUrl })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${name}`)
    const url = new URL(databaseUrl)
    url.pathname = `/${name}`
    try {
      const runs = await Promise.all([runMigrateCli(url.toString()), runMigrateCli(url.toString())])
      expect(
        runs.map((run) => run.code),
        runs.map((run) => run.output).join('\n'),
      ).toEqual([0, 0])
      expect(runs.filter((run) => run.output.includes('マイグレーションは最新です。'))).toHaveLength(1)
      const engine = openPostgres(url.toString(), 1)
      const rows = await sql<{ name: string; count: number }>`SELECT name, count(*)::int AS count FROM schema_migration GROUP BY name`.execute(engine.db)
      await engine.close()
      expect(rows.rows.length).toBeGreaterThan(5)
      expect(rows.rows.every((row) => row.count === 1)).toBe(true)
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await admin.end()
    }
  } else {
    const engine = await openPglite('memory://')
    try {
      const [first, second] = await Promise.all([migrate(engine), migrate(engine)])
      expect(first.applied.length).toBeGreaterThan(5)
      expect(second.applied).toEqual([])
    } finally {
      await engine.close()
    }
  }
}, 120_000)

test('適用済みのものより前の番号の新しいマイグレーションは、ファイル名を示して起動を止める', async () => {
  const migrations = await mkdtemp(join(tmpdir(), 'migrations-'))
  const engine = await openPglite('memory://')
  try {
    await writeFile(join(migrations, '0002_second.sql'), 'CREATE TABLE second (id int);')
    await migrate(engine, migrations)
    await writeFile(join(migrations, '0001_first.sql'), 'CREATE TABLE first (id int);')
    await writeFile(join(migrations, '0003_third.sql'), 'CREATE TABLE third (id int);')
    await expect(migrate(engine, migrations)).rejects.toThrow(/0001_first\.sql は適用済みの 0002_second\.sql より前/)
    const tables = await sql<{ count: number }>`SELECT count(*)::int AS count FROM pg_tables WHERE tablename IN ('first', 'third')`.execute(engine.db)
    expect(tables.rows[0]?.count).toBe(0)
  } finally {
    await engine.close()
    await rm(migrations, { recursive: true, force: true })
  }
})

test('適用済みなのにファイルのないマイグレーションは、名前を示して起動を止める。番号の飛びは後ろに足すなら通る', async () => {
  const migrations = await mkdtemp(join(tmpdir(), 'migrations-'))
  const engine = await openPglite('memory://')
  try {
    await writeFile(join(migrations, '0001_first.sql'), 'CREATE TABLE first (id int);')
    await writeFile(join(migrations, '0005_fifth.sql'), 'CREATE TABLE fifth (id int);')
    await migrate(engine, migrations)
    await writeFile(join(migrations, '0007_seventh.sql'), 'CREATE TABLE seventh (id int);')
    expect((await migrate(engine, migrations)).applied).toEqual(['0007_seventh.sql'])

    await rm(join(migrations, '0005_fifth.sql'))
    await writeFile(join(migrations, '0008_eighth.sql'), 'CREATE TABLE eighth (id int);')
    await expect(migrate(engine, migrations)).rejects.toThrow(/適用済みのマイグレーション 0005_fifth\.sql のファイルがありません/)
    const tables = await sql<{ count: number }>`SELECT count(*)::int AS count FROM pg_tables WHERE tablename = 'eighth'`.execute(engine.db)
    expect(tables.rows[0]?.count).toBe(0)
  } finally {
    await engine.close()
    await rm(migrations, { recursive: true, force: true })
  }
})
