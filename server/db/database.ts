import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { Kysely, PostgresDialect } from 'kysely'
import { PGliteDialect } from 'kysely-pglite-dialect'
import pg from 'pg'
import type { Database } from './schema.ts'

export type Db = Kysely<Database>

/** How the raw SQL of a migration or seed file is run: PGlite and pg each run a multi-statement script natively. */
export interface Engine {
  readonly kind: 'pglite' | 'postgres'
  db: Db
  /** Runs a multi-statement SQL script (no parameters) in one transaction. */
  runScript(sql: string): Promise<void>
  close(): Promise<void>
}

// Calendar dates stay 'YYYY-MM-DD' strings (no time-zone shift); int8 and counts become numbers (yen fit in 2^53).
const DATE_OID = 1082
const INT8_OID = 20
const NUMERIC_OID = 1700

pg.types.setTypeParser(DATE_OID, (value) => value)
pg.types.setTypeParser(INT8_OID, (value) => Number(value))
pg.types.setTypeParser(NUMERIC_OID, (value) => Number(value))

const pgliteParsers = {
  [DATE_OID]: (value: string) => value,
  [INT8_OID]: (value: string) => Number(value),
  [NUMERIC_OID]: (value: string) => Number(value),
}

export interface PgliteEngine extends Engine {
  readonly pglite: PGlite
}

/** Opens PGlite at `dataDir` (or in memory with `memory://`), optionally from a dumped data directory. */
export async function openPglite(dataDir: string, loadDataDir?: Blob): Promise<PgliteEngine> {
  const pglite = await PGlite.create(dataDir, {
    extensions: { pg_trgm },
    parsers: pgliteParsers,
    ...(loadDataDir ? { loadDataDir } : {}),
  })
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) })
  return {
    kind: 'pglite',
    pglite,
    db,
    runScript: async (sql) => {
      await pglite.transaction(async (tx) => {
        await tx.exec(sql)
      })
    },
    close: async () => {
      await db.destroy()
      if (!pglite.closed) await pglite.close()
    },
  }
}

export function openPostgres(connectionString: string, max = 10): Engine {
  const pool = new pg.Pool({ connectionString, max })
  // An idle client whose server connection ends (restart, DROP DATABASE … FORCE) must not crash the process;
  // the pool discards it and the next query opens a new one.
  pool.on('error', (error) => console.warn(`PostgreSQL の待機中の接続が切断されました: ${error.message}`))
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  return {
    kind: 'postgres',
    db,
    runScript: async (sql) => {
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        await client.query(sql)
        await client.query('COMMIT')
      } catch (error) {
        await client.query('ROLLBACK')
        throw error
      } finally {
        client.release()
      }
    },
    close: () => db.destroy(),
  }
}

export async function openDatabase(config: { databaseUrl: string | undefined; dataDir: string }): Promise<Engine> {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openPglite(`${config.dataDir}/pg`)
}
