import { PGlite } from '@electric-sql/pglite'
import { createHash } from 'node:crypto'
import { Kysely, PostgresDialect, sql, type PostgresPool, type PostgresPoolClient } from 'kysely'
import pg from 'pg'
import { ConnectionGate, DatabaseBusy } from './fair-gate.ts'
import { DATE_OID, INT8_OID, NUMERIC_OID, pgliteOptions } from './pglite-options.ts'
import { gatedDialect } from './gated-dialect.ts'
import { startDatabaseThread } from './pglite-thread.ts'
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

pg.types.setTypeParser(DATE_OID, (value) => value)
pg.types.setTypeParser(INT8_OID, (value) => Number(value))
pg.types.setTypeParser(NUMERIC_OID, (value) => Number(value))

export interface PgliteEngine extends Engine {
  readonly pglite: PGlite
}

/**
 * Opens PGlite in this thread at `dataDir` (or `memory://`), optionally from a dumped data directory (tests, scripts). Its one
 * connection is taken through a fair gate (server/db/fair-gate.ts); a caller that waits longer than `waitMs` for it
 * (0: no bound) gets DatabaseBusy, answered 503.
 */
export async function openPglite(dataDir: string, { loadDataDir, waitMs = 0 }: { loadDataDir?: Blob; waitMs?: number } = {}): Promise<PgliteEngine> {
  const pglite = await PGlite.create(dataDir, { ...pgliteOptions, ...(loadDataDir ? { loadDataDir } : {}) })
  const gate = new ConnectionGate(waitMs)
  const run = async (text: string, params: readonly unknown[]) => {
    const { rows, affectedRows } = await pglite.query(text, [...params])
    return { rows, affectedRows }
  }
  const db = new Kysely<Database>({
    dialect: gatedDialect(run, gate, async () => {
      if (!pglite.closed) await pglite.close()
    }),
  })
  return {
    kind: 'pglite',
    pglite,
    db,
    // through the gate, so a script never runs inside another caller's transaction
    runScript: (script) =>
      gate.run(async () => {
        await pglite.transaction(async (tx) => {
          await tx.exec(script)
        })
      }),
    exclusive: inProcessLocks(),
    close: () => db.destroy(),
  }
}

/**
 * Opens PGlite at `dataDir` in a database thread of its own (server/db/pglite-thread.ts), as the server does: its
 * statements do not block the event loop. The connection is taken through the same fair gate as openPglite's.
 */
export async function openPgliteThread(dataDir: string, { loadDataDir, waitMs = 0 }: { loadDataDir?: Blob; waitMs?: number } = {}): Promise<Engine> {
  const thread = await startDatabaseThread(dataDir, loadDataDir)
  const gate = new ConnectionGate(waitMs)
  const run = async (text: string, params: readonly unknown[]) => {
    const { rows, affectedRows } = await thread.call({ op: 'query', sql: text, params })
    return { rows, affectedRows }
  }
  const db = new Kysely<Database>({ dialect: gatedDialect(run, gate, () => thread.close()) })
  return {
    kind: 'pglite',
    db,
    runScript: (script) =>
      gate.run(async () => {
        await thread.call({ op: 'script', sql: script })
      }),
    exclusive: inProcessLocks(),
    close: () => db.destroy(),
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
      const client = await pool.connect().catch((error: unknown) => {
        // pg-pool's only sign that the wait for a pooled connection ran out is this message
        throw error instanceof Error && error.message === 'timeout exceeded when trying to connect' ? new DatabaseBusy() : error
      })
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

/**
 * A pool of `max` connections to PostgreSQL. A caller that waits longer than `waitMs` for a connection (0: no
 * bound) gets DatabaseBusy, answered 503, instead of queueing behind a pool that cannot keep up.
 */
export function openPostgres(connectionString: string, max = 10, waitMs = 0): Engine {
  const pool = new pg.Pool({ connectionString, max, ...(waitMs > 0 ? { connectionTimeoutMillis: waitMs } : {}) })
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

export interface DatabaseConfig {
  databaseUrl: string | undefined
  dataDir: string
  /** PostgreSQL pool size (default 10). */
  databasePoolSize?: number
  /** How long a caller may wait for a connection before DatabaseBusy (default: no bound). */
  databaseWaitMs?: number
}

export async function openDatabase(config: DatabaseConfig): Promise<Engine> {
  const waitMs = config.databaseWaitMs ?? 0
  return config.databaseUrl ? openPostgres(config.databaseUrl, config.databasePoolSize ?? 10, waitMs) : openPgliteThread(`${config.dataDir}/pg`, { waitMs })
}
