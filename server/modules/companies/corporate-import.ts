/**
 * Imports a 国税庁 法人番号 download (全件 or 差分) into the company registry: streamed (corporate-file.ts), applied
 * in batches, each batch one transaction that also commits the import's progress. Resumable: a run that stops
 * (crash, restart, lost lease) is taken up again after the last committed row. Idempotent: applying a row again
 * writes the same values, and a row older (更新年月日) than what the registry holds changes nothing, so a 全件 file
 * of last month never undoes this month's 差分. Only a corporation's latest row (最新履歴 = 1) describes it now;
 * earlier history rows of a 差分 are counted as skipped.
 */
import { randomUUID } from 'node:crypto'
import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { sql } from 'kysely'
import type { Db } from '../../db/database.ts'
import { AppError } from '../../http/errors.ts'
import { type CorporateRecord, CorporateFileError, fileDigest, openCsvEntry, readCorporateFile } from './corporate-file.ts'

export const CORPORATE_BATCH_ROWS = 2000
/** A lease not renewed for this long is taken to be dead: another worker may take the import over. */
export const LEASE_MS = 2 * 60 * 1000

export interface CorporateImportView {
  id: string
  fileName: string
  status: 'pending' | 'running' | 'completed' | 'failed'
  bytesTotal: number | null
  bytesDone: number
  rowsDone: number
  rowsApplied: number
  rowsSkipped: number
  error: string | null
  createdAt: string
  updatedAt: string
  finishedAt: string | null
}

type Row = Awaited<ReturnType<typeof findImport>>

function findImport(db: Db, id: string) {
  return db.selectFrom('corporate_import').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
}

export function importView(row: NonNullable<Row>): CorporateImportView {
  return {
    id: row.id,
    fileName: row.file_name,
    status: row.status,
    bytesTotal: row.bytes_total === null ? null : Number(row.bytes_total),
    bytesDone: Number(row.bytes_done),
    rowsDone: Number(row.rows_done),
    rowsApplied: Number(row.rows_applied),
    rowsSkipped: Number(row.rows_skipped),
    error: row.error,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    finishedAt: row.finished_at ? row.finished_at.toISOString() : null,
  }
}

/**
 * Registers the file (by its SHA-256) or finds the import of the same file; returns it. The file is checked to be
 * a zip holding a CSV before anything is recorded.
 */
export async function registerCorporateFile(db: Db, path: string, options: { fileName?: string; startedBy?: string | null } = {}) {
  let size: number
  try {
    ;({ size } = await openCsvEntry(path).then(({ stream, size: entrySize }) => (stream.destroy(), { size: entrySize })))
  } catch (error) {
    if (error instanceof CorporateFileError)
      throw new AppError('CORPORATE_FILE_INVALID', `法人番号のファイルを読めません: ${error.message}`, 400, [{ path: 'file', message: error.message }])
    throw error
  }
  await stat(path)
  const digest = await fileDigest(path)
  const inserted = await db
    .insertInto('corporate_import')
    .values({ file_sha256: digest, file_name: options.fileName ?? basename(path), file_path: path, bytes_total: size, started_by: options.startedBy ?? null })
    .onConflict((conflict) => conflict.column('file_sha256').doNothing())
    .returningAll()
    .executeTakeFirst()
  const row = inserted ?? (await db.selectFrom('corporate_import').selectAll().where('file_sha256', '=', digest).executeTakeFirstOrThrow())
  return { created: inserted !== undefined, import: importView(row) }
}

/** Takes the lease of an import not completed whose lease is free or expired; false when another worker holds it. */
async function claim(db: Db, id: string, worker: string, now: Date): Promise<boolean> {
  const claimed = await db
    .updateTable('corporate_import')
    .set({ claimed_by: worker, heartbeat_at: now, status: 'running', error: null, updated_at: now })
    .where('id', '=', id)
    .where('status', '<>', 'completed')
    .where((eb) => eb.or([eb('claimed_by', 'is', null), eb('claimed_by', '=', worker), eb('heartbeat_at', '<', new Date(now.getTime() - LEASE_MS))]))
    .executeTakeFirst()
  return Number(claimed.numUpdatedRows) === 1
}

/**
 * Upserts the latest rows of one batch. A registered company changes only when the row is as new as what it holds
 * (`nta_updated_on`); its links and the name kana entered by staff stay unless the file gives フリガナ.
 */
async function applyBatch(tx: Db, records: readonly CorporateRecord[]): Promise<number> {
  // the last row of a corporation in the batch wins (rows are in file order)
  const byNumber = new Map<string, CorporateRecord>()
  for (const record of records) byNumber.set(record.corporateNumber, record)
  if (byNumber.size === 0) return 0
  const now = new Date()
  const result = await tx
    .insertInto('company')
    .values(
      [...byNumber.values()].map((record) => ({
        corporate_number: record.corporateNumber,
        name: record.name,
        name_kana: record.furigana,
        address: record.address,
        postal_code: record.postalCode,
        corporate_kind: record.kind,
        closed_on: record.closedOn,
        close_cause: record.closeCause,
        successor_corporate_number: record.successorCorporateNumber,
        nta_process: record.process,
        nta_updated_on: record.updatedOn,
      })),
    )
    .onConflict((conflict) =>
      conflict
        .column('corporate_number')
        .doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          name_kana: sql<string | null>`coalesce(excluded.name_kana, company.name_kana)`,
          address: eb.ref('excluded.address'),
          postal_code: eb.ref('excluded.postal_code'),
          corporate_kind: eb.ref('excluded.corporate_kind'),
          closed_on: eb.ref('excluded.closed_on'),
          close_cause: eb.ref('excluded.close_cause'),
          successor_corporate_number: eb.ref('excluded.successor_corporate_number'),
          nta_process: eb.ref('excluded.nta_process'),
          nta_updated_on: eb.ref('excluded.nta_updated_on'),
          updated_at: now,
        }))
        .where(sql<boolean>`company.nta_updated_on IS NULL OR company.nta_updated_on <= excluded.nta_updated_on`),
    )
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0)
}

export interface RunOptions {
  /** Identifies this worker's lease (default: a random id). */
  worker?: string
  batchRows?: number
  clock?: () => Date
  /** Stops after this many batches (a test's way of interrupting a run). */
  maxBatches?: number
}

/**
 * Runs (or resumes) an import until the file ends, then marks it completed. Returns the import as it stands; an
 * import whose lease another worker holds is returned untouched. A bad row fails the import with the line named;
 * what was committed before it stays, and a corrected file is a new import.
 */
export async function runCorporateImport(db: Db, id: string, options: RunOptions = {}): Promise<CorporateImportView> {
  const worker = options.worker ?? randomUUID()
  const clock = options.clock ?? (() => new Date())
  const batchRows = options.batchRows ?? CORPORATE_BATCH_ROWS
  if (!(await claim(db, id, worker, clock()))) return importView(await findImport(db, id))
  const start = await findImport(db, id)
  const resumeAfter = Number(start.rows_done)
  let rowsDone = 0
  let bytesDone = 0
  let batch: CorporateRecord[] = []
  let skipped = 0
  let batches = 0

  const commit = async (final: boolean) => {
    const latest = batch.filter((record) => record.latest)
    const skippedHere = skipped + (batch.length - latest.length)
    const rowsInBatch = batch.length + skipped
    await db.transaction().execute(async (tx) => {
      const now = clock()
      // the lease is checked in the same transaction as the rows: a worker that lost it writes nothing
      const held = await tx
        .updateTable('corporate_import')
        .set((eb) => ({
          rows_done: eb('rows_done', '+', rowsInBatch),
          rows_skipped: eb('rows_skipped', '+', skippedHere),
          bytes_done: bytesDone,
          heartbeat_at: now,
          updated_at: now,
          ...(final ? { status: 'completed' as const, finished_at: now, claimed_by: null } : {}),
        }))
        .where('id', '=', id)
        .where('claimed_by', '=', worker)
        .executeTakeFirst()
      if (Number(held.numUpdatedRows) !== 1) throw new LeaseLost()
      const applied = await applyBatch(tx, latest)
      await tx
        .updateTable('corporate_import')
        .set((eb) => ({ rows_applied: eb('rows_applied', '+', applied) }))
        .where('id', '=', id)
        .execute()
    })
    batch = []
    skipped = 0
    batches += 1
  }

  try {
    for await (const record of readCorporateFile(start.file_path, (bytes) => (bytesDone = bytes))) {
      rowsDone += 1
      if (rowsDone <= resumeAfter) continue
      batch.push(record)
      if (batch.length >= batchRows) {
        await commit(false)
        if (options.maxBatches !== undefined && batches >= options.maxBatches) {
          await db
            .updateTable('corporate_import')
            .set({ claimed_by: null, status: 'pending', updated_at: clock() })
            .where('id', '=', id)
            .where('claimed_by', '=', worker)
            .execute()
          return importView(await findImport(db, id))
        }
      }
    }
    await commit(true)
  } catch (error) {
    if (error instanceof LeaseLost) return importView(await findImport(db, id))
    const message = error instanceof CorporateFileError ? error.message : '取り込み中にエラーが発生しました。'
    await db
      .updateTable('corporate_import')
      .set({ status: 'failed', error: message, claimed_by: null, updated_at: clock() })
      .where('id', '=', id)
      .where('claimed_by', '=', worker)
      .execute()
    if (!(error instanceof CorporateFileError)) throw error
  }
  return importView(await findImport(db, id))
}

class LeaseLost extends Error {}

export async function listCorporateImports(db: Db, limit: number, offset: number) {
  const [rows, count] = await Promise.all([
    db.selectFrom('corporate_import').selectAll().orderBy('created_at', 'desc').orderBy('id').limit(limit).offset(offset).execute(),
    db
      .selectFrom('corporate_import')
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow(),
  ])
  return { items: rows.map(importView), total: Number(count.total) }
}
