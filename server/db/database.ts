import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { createHash } from 'node:crypto'
import { Kysely, PostgresDialect, sql, type PostgresPool, type PostgresPoolClient } from 'kysely'
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
  /**
   * Runs `work` while holding the lock called `name` across every process on this database (a PostgreSQL
   * session-level advisory lock on a connection of its own; PGlite has one process, so a lock in memory).
   * `wait: false` gives up at once when another holder has it and resolves `{ acquired: false }`.
   */
  exclusive<T>(name: string, work: () => Promise<T>, options?: { wait?: boolean }): Promise<Exclusive<T>>
  close(): Promise<void>
}

export type Exclusive<T> = { acquired: true; value: T } | { acquired: false }

/** One process's named locks, for the embedded database that only one process opens. */
function inProcessLocks(): Engine['exclusive'] {
  const held = new Map<string, Promise<unknown>>()
  return async function exclusive<T>(name: string, work: () => Promise<T>, { wait = true } = {}): Promise<Exclusive<T>> {
    while (held.has(name)) {
      if (!wait) return { acquired: false }
      await held.get(name)!.catch(() => undefined)
    }
    const running = work()
    held.set(name, running)
    try {
      return { acquired: true, value: await running }
    } finally {
      held.delete(name)
    }
  }
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
    exclusive: inProcessLocks(),
    close: async () => {
      await db.destroy()
      if (!pglite.closed) await pglite.close()
    },
  }
}

const PREPARED_MARK = '/* prepared */'

/**
 * Put first in a hot statement (`sql\`${prepared} SELECT …\``) whose planning costs as much as its execution: on
 * PostgreSQL it then runs as a named statement, parsed once per connection, and the server may keep a generic plan
 * (the bid check's facts statement took 1.4 ms unnamed and 0.7 ms named). Only for fixed SQL text whose result
 * columns never change shape (no `SELECT *`): a cached plan must keep its result type. PGlite reads a comment.
 */
export const prepared = sql.raw(PREPARED_MARK)

const statementNames = new Map<string, string>()

function statementName(text: string): string {
  let name = statementNames.get(text)
  if (!name) {
    // from the text, so two statements never share a name
    name = `p_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`
    statementNames.set(text, name)
  }
  return name
}

/** pg's pool as Kysely reads it, with marked statements sent as named (prepared) statements. */
function preparingPool(pool: pg.Pool): PostgresPool {
  const clients = new WeakMap<pg.PoolClient, PostgresPoolClient>()
  const wrap = (client: pg.PoolClient): PostgresPoolClient => ({
    query: ((text: string | object, values: readonly unknown[] = []) => {
      if (typeof text !== 'string') return client.query(text as never) // a cursor (streaming)
      if (text.startsWith(PREPARED_MARK)) return client.query({ name: statementName(text), text, values: [...values] })
      return client.query(text, [...values])
    }) as unknown as PostgresPoolClient['query'],
    release: (destroy?: boolean) => client.release(destroy),
  })
  return {
    connect: async () => {
      const client = await pool.connect()
      // the same wrapper for the same connection: Kysely keeps its per-connection state by this object
      let wrapped = clients.get(client)
      if (!wrapped) {
        wrapped = wrap(client)
        clients.set(client, wrapped)
      }
      return wrapped
    },
    end: () => pool.end(),
  }
}

export function openPostgres(connectionString: string, max = 10): Engine {
  const pool = new pg.Pool({ connectionString, max })
  // An idle client whose server connection ends (restart, DROP DATABASE … FORCE) must not crash the process;
  // the pool discards it and the next query opens a new one.
  pool.on('error', (error) => console.warn(`PostgreSQL の待機中の接続が切断されました: ${error.message}`))
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) })
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
    exclusive: async <T>(name: string, work: () => Promise<T>, { wait = true } = {}): Promise<Exclusive<T>> => {
      // The lock belongs to a session, so it is held on a connection of its own outside the pool, which the work
      // (however small the pool) keeps using; closing that connection releases the lock whatever happens.
      const client = new pg.Client({ connectionString })
      await client.connect()
      try {
        if (wait) {
          await client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [name])
        } else {
          const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS ok', [name])
          if (rows[0]?.ok !== true) return { acquired: false }
        }
        return { acquired: true, value: await work() }
      } finally {
        await client.end().catch(() => undefined)
      }
    },
    close: () => db.destroy(),
  }
}

export async function openDatabase(config: { databaseUrl: string | undefined; dataDir: string }): Promise<Engine> {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openPglite(`${config.dataDir}/pg`)
}
