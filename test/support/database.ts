import { randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import pg from 'pg'
import { inject } from 'vitest'
import { type Engine, openPglite, openPgliteThread, openPostgres } from '../../server/db/database.ts'

/**
 * A database of this test file's own, copied from the migrated template; dropped by close(). `poolSize` (PostgreSQL,
 * default 5) and `waitMs` (how long a caller may wait for a connection, default no bound) as the server sets them.
 */
export async function openTestDatabase({ poolSize = 5, waitMs = 0 }: { poolSize?: number; waitMs?: number } = {}): Promise<Engine> {
  const databaseUrl = process.env.DATABASE_URL
  if (!databaseUrl) {
    const dump = await readFile(inject('pgliteDumpPath'))
    // TEST_PGLITE_THREAD=1: in a database thread of its own, as the server runs it
    const open = process.env.TEST_PGLITE_THREAD === '1' ? openPgliteThread : openPglite
    return open('memory://', { loadDataDir: new Blob([dump]), waitMs })
  }
  const name = `t_${randomUUID().replaceAll('-', '')}`
  await withAdmin(databaseUrl, async (admin) => {
    // Two copies of one template at the same instant can collide; try again briefly.
    for (let attempt = 0; ; attempt += 1) {
      try {
        await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('templateDatabase')}`)
        return
      } catch (error) {
        if (attempt >= 20) throw error
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200))
      }
    }
  })
  const url = new URL(databaseUrl)
  url.pathname = `/${name}`
  const engine = openPostgres(url.toString(), poolSize, waitMs)
  return {
    ...engine,
    close: async () => {
      await engine.close()
      await withAdmin(databaseUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))
    },
  }
}

async function withAdmin<T>(databaseUrl: string, work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: databaseUrl })
  await admin.connect()
  try {
    return await work(admin)
  } finally {
    await admin.end()
  }
}
