import { readFile } from 'node:fs/promises'
import type { Insertable } from 'kysely'
import { normalizeForSearch } from '#shared/domain/search-text'
import type { Db } from '../../db/database.ts'
import type { LocalGovernmentTable } from '../../db/schema.ts'

const CSV = new URL('./local-governments.csv', import.meta.url)

/** Parses the founders' list (no quoted fields: checked when the file was copied in). */
export function parseLocalGovernmentsCsv(text: string): Insertable<LocalGovernmentTable>[] {
  const [header, ...lines] = text.trim().split(/\r?\n/)
  const columns = header!.split(',')
  return lines.map((line) => {
    const cells: Record<string, string | undefined> = Object.fromEntries(line.split(',').map((cell, i) => [columns[i]!, cell]))
    const name = cells.name!
    return {
      code: cells.code!,
      prefecture_code: cells.prefecture_code!,
      name,
      name_kana: cells.name_kana!,
      prefecture_name: cells.prefecture_name!,
      kind: cells.kind as LocalGovernmentTable['kind'],
      population: cells.population ? Number(cells.population) : null,
      population_source: cells.population_source || null,
      search_text: normalizeForSearch(`${name} ${cells.name_kana}`),
    }
  })
}

/** Inserts rows that are missing; rows already present (perhaps corrected by an administrator) are left alone. */
export async function seedLocalGovernments(db: Db): Promise<number> {
  const rows = parseLocalGovernmentsCsv(await readFile(CSV, 'utf8'))
  let inserted = 0
  for (let i = 0; i < rows.length; i += 500) {
    const result = await db
      .insertInto('local_government')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.column('code').doNothing())
      .executeTakeFirst()
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0)
  }
  return inserted
}
