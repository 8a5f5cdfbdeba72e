/**
 * Reference data owned by local-governments, read-only: names, prefectures and populations of local governments.
 */
import type { Db } from '../../db/database.ts'

export interface LocalGovernmentRef {
  code: string
  name: string
  prefectureCode: string
  kind: string
  population: number | null
}

export async function localGovernments(db: Db, codes: readonly string[]): Promise<Map<string, LocalGovernmentRef>> {
  if (codes.length === 0) return new Map()
  const rows = await db
    .selectFrom('local_government')
    .select(['code', 'name', 'prefecture_code', 'kind', 'population'])
    .where('code', 'in', [...new Set(codes)])
    .execute()
  return new Map(rows.map((r) => [r.code, { code: r.code, name: r.name, prefectureCode: r.prefecture_code, kind: r.kind, population: r.population }]))
}

/** The municipalities of a prefecture (the prefecture itself excluded), by 団体コード. */
export async function municipalitiesOf(db: Db, prefectureCode: string): Promise<LocalGovernmentRef[]> {
  const rows = await db
    .selectFrom('local_government')
    .select(['code', 'name', 'prefecture_code', 'kind', 'population'])
    .where('prefecture_code', '=', prefectureCode)
    .where('kind', '<>', 'prefecture')
    .orderBy('code')
    .execute()
  return rows.map((r) => ({ code: r.code, name: r.name, prefectureCode: r.prefecture_code, kind: r.kind, population: r.population }))
}
