import { sql } from 'kysely'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { openTestDatabase } from '../../test/support/database.ts'
import type { Engine } from './database.ts'
import { type CatalogColumn, declaredSchema, schemaDrift } from './schema-drift.ts'

let engine: Engine
beforeAll(async () => {
  engine = await openTestDatabase()
})
afterAll(async () => {
  await engine?.close()
})

/** The migrator's own bookkeeping is not an application table. */
const NOT_IN_SCHEMA = ['schema_migration']

async function catalog(): Promise<CatalogColumn[]> {
  const result = await sql<CatalogColumn>`
    SELECT table_name, column_name, is_nullable, column_default, is_identity, is_generated, data_type
    FROM information_schema.columns
    WHERE table_schema = current_schema()
    ORDER BY table_name, ordinal_position`.execute(engine.db)
  return result.rows
}

test('schema.ts の型は、マイグレーション後のデータベースの表・列・NULL 可否・型と一致する', async () => {
  expect(schemaDrift(declaredSchema(), await catalog(), NOT_IN_SCHEMA)).toEqual([])
}, 60_000) // the TypeScript checker reads schema.ts and kysely's types

test('ずれがあれば、表と列を名指しして知らせる', async () => {
  const declared = declaredSchema()
  const rows = (await catalog()).filter((row) => !(row.table_name === 'company' && row.column_name === 'name_kana'))
  rows.push({
    table_name: 'company',
    column_name: 'note',
    is_nullable: 'YES',
    column_default: null,
    is_identity: 'NO',
    is_generated: 'NEVER',
    data_type: 'text',
  })
  const company = rows.find((row) => row.table_name === 'company' && row.column_name === 'name')!
  company.is_nullable = 'YES'
  const updated = rows.find((row) => row.table_name === 'company' && row.column_name === 'updated_at')!
  updated.column_default = null
  expect(schemaDrift(declared, rows, NOT_IN_SCHEMA).sort()).toEqual([
    'company.name: NULL allowed in the database, not nullable in its type',
    'company.name_kana: declared, missing in the database',
    'company.note: in the database, not declared',
    'company.updated_at: NOT NULL without a default, but optional on insert in its type',
  ])
}, 60_000)
