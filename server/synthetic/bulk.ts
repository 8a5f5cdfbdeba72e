import { sql } from 'kysely'
import type { Db } from '../db/database.ts'

/** How a JSON field becomes a column: a cast (`uuid`, `date`, `int`, …), `text[]`, `jsonb` or plain text. */
export type ColumnCast = 'text' | 'uuid' | 'date' | 'int' | 'numeric' | 'boolean' | 'timestamptz' | 'text[]' | 'jsonb'

function expression(column: string, cast: ColumnCast): string {
  const field = `r->'${column}'`
  switch (cast) {
    case 'text':
      return `r->>'${column}'`
    case 'text[]':
      return `CASE WHEN jsonb_typeof(${field}) = 'array' THEN ARRAY(SELECT jsonb_array_elements_text(${field})) END`
    case 'jsonb':
      return field
    default:
      return `(r->>'${column}')::${cast}`
  }
}

/**
 * Inserts plain objects in batches through one jsonb parameter per batch (`INSERT … SELECT … FROM
 * jsonb_array_elements($1)`), which both PGlite and pg accept and which keeps the parameter count at one.
 */
export async function insertRows(
  db: Db,
  table: string,
  columns: Readonly<Record<string, ColumnCast>>,
  rows: readonly object[],
  batchSize = 2000,
): Promise<void> {
  const names = Object.keys(columns)
  const select = names.map((name) => expression(name, columns[name]!)).join(', ')
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize)
    await sql`INSERT INTO ${sql.raw(table)} (${sql.raw(names.join(', '))})
      SELECT ${sql.raw(select)} FROM jsonb_array_elements(${JSON.stringify(batch)}::jsonb) AS r`.execute(db)
  }
}
