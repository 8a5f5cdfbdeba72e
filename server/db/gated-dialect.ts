import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely'
import type { ConnectionGate } from './fair-gate.ts'

/** Runs one statement on the embedded database (in this thread or in the database thread). */
export type RunStatement = (sql: string, params: readonly unknown[]) => Promise<{ rows: unknown[]; affectedRows: number | undefined }>

class GatedConnection implements DatabaseConnection {
  constructor(private readonly run: RunStatement) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const { rows, affectedRows } = await this.run(query.sql, query.parameters)
    return { rows: rows as R[], ...(affectedRows ? { numAffectedRows: BigInt(affectedRows) } : {}) }
  }

  async *streamQuery<R>(query: CompiledQuery, chunkSize = 100): AsyncIterableIterator<QueryResult<R>> {
    const { rows } = await this.executeQuery<R>(query)
    for (let index = 0; index < rows.length; index += chunkSize) yield { rows: rows.slice(index, index + chunkSize) }
  }
}

class GatedDriver implements Driver {
  readonly #connection: GatedConnection

  constructor(
    run: RunStatement,
    private readonly gate: ConnectionGate,
    private readonly close: () => Promise<void>,
  ) {
    this.#connection = new GatedConnection(run)
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.gate.acquire()
    return this.#connection
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const begin = settings.isolationLevel ? `start transaction isolation level ${settings.isolationLevel}` : 'begin'
    await connection.executeQuery(CompiledQuery.raw(begin))
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'))
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'))
  }

  async releaseConnection(): Promise<void> {
    this.gate.release()
  }

  async destroy(): Promise<void> {
    await this.close()
  }
}

/**
 * The embedded database's one connection behind a Kysely dialect, taken through a ConnectionGate: a transaction
 * holds it until it ends, a single statement only while it runs, so waiting writes are not queued behind every
 * waiting read, and a caller that waits too long is refused (DatabaseBusy) instead of queueing for ever.
 */
export function gatedDialect(run: RunStatement, gate: ConnectionGate, close: () => Promise<void>): Dialect {
  return {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new GatedDriver(run, gate, close),
    createQueryCompiler: () => new PostgresQueryCompiler(),
    createIntrospector: (db: Kysely<unknown>) => new PostgresIntrospector(db),
  }
}
