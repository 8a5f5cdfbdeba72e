import type { Selectable } from 'kysely'
import type { LocalGovernment, LocalGovernmentKind } from '#shared/contracts/local-governments'
import { escapeLike, normalizeForSearch } from '#shared/domain/search-text'
import type { Db } from '../../db/database.ts'
import type { LocalGovernmentTable } from '../../db/schema.ts'

function toLocalGovernment(row: Selectable<LocalGovernmentTable>): LocalGovernment {
  return {
    code: row.code,
    prefectureCode: row.prefecture_code,
    name: row.name,
    nameKana: row.name_kana,
    prefectureName: row.prefecture_name,
    kind: row.kind,
    population: row.population,
  }
}

export interface LocalGovernmentFilter {
  prefecture?: string
  kind?: LocalGovernmentKind
  q?: string
  limit: number
  offset: number
}

export async function searchLocalGovernments(db: Db, filter: LocalGovernmentFilter) {
  let query = db.selectFrom('local_government')
  if (filter.prefecture) query = query.where('prefecture_code', '=', filter.prefecture)
  if (filter.kind) query = query.where('kind', '=', filter.kind)
  const needle = filter.q ? normalizeForSearch(filter.q) : ''
  if (needle) query = query.where('search_text', 'like', `%${escapeLike(needle)}%`)
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('code').limit(filter.limit).offset(filter.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ])
  return { items: rows.map(toLocalGovernment), total: Number(count.total) }
}

export async function findLocalGovernment(db: Db, code: string): Promise<LocalGovernment | undefined> {
  const row = await db.selectFrom('local_government').selectAll().where('code', '=', code).executeTakeFirst()
  return row && toLocalGovernment(row)
}
