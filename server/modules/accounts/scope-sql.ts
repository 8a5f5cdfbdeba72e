import { type RawBuilder, sql, type SqlBool } from 'kysely'
import type { MunicipalityScope } from './rules.ts'

/**
 * The tenant condition of a MunicipalityScope as SQL, for a column holding a 団体コード:
 *
 *   db.selectFrom('posting').selectAll()
 *     .where(inMunicipalityScope('posting.local_government_code', municipalityScope(actor)))
 *
 * 国 → true; 都道府県 → the code's first two digits are its prefecture; 市区町村 → the code is its own; anyone
 * else → false. `column` is a column reference ('table.column'), never user input.
 */
export function inMunicipalityScope(column: string, scope: MunicipalityScope): RawBuilder<SqlBool> {
  switch (scope.kind) {
    case 'all':
      return sql<SqlBool>`true`
    case 'prefecture':
      return sql<SqlBool>`left(${sql.ref(column)}, 2) = ${scope.prefectureCode}`
    case 'municipality':
      return sql<SqlBool>`${sql.ref(column)} = ${scope.localGovernmentCode}`
    case 'none':
      return sql<SqlBool>`false`
  }
}
