import { escapeLike } from '#shared/domain/search-text'
import { sql, type Selectable } from 'kysely'
import { prepared, type Db } from '../../db/database.ts'
import type { CompanyLinkTable } from '../../db/schema.ts'

export async function searchCompanies(db: Db, filter: { q?: string; limit: number; offset: number }) {
  let query = db.selectFrom('company')
  const q = filter.q?.normalize('NFKC')
  if (q) {
    query = /^\d+$/.test(q) ? query.where('corporate_number', 'like', `${q}%`) : query.where('name', 'like', `%${escapeLike(q)}%`)
  }
  const [rows, count] = await Promise.all([
    query.select(['corporate_number', 'name', 'name_kana']).orderBy('name').orderBy('corporate_number').limit(filter.limit).offset(filter.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ])
  return {
    items: rows.map((row) => ({ corporateNumber: row.corporate_number, name: row.name, nameKana: row.name_kana })),
    total: Number(count.total),
  }
}

export function linkView(link: Selectable<CompanyLinkTable>) {
  return {
    id: link.id,
    kind: link.kind,
    fromCorporateNumber: link.from_corporate_number,
    toCorporateNumber: link.to_corporate_number,
    startsOn: link.starts_on,
    endsOn: link.ends_on,
    retraction: link.retracted_at ? { retractedAt: link.retracted_at.toISOString(), reason: link.retraction_reason ?? '' } : null,
  }
}

export async function findCompany(db: Db, corporateNumber: string) {
  const company = await db.selectFrom('company').selectAll().where('corporate_number', '=', corporateNumber).executeTakeFirst()
  if (!company) return undefined
  const links = await db
    .selectFrom('company_link')
    .selectAll()
    .where((eb) => eb.or([eb('from_corporate_number', '=', corporateNumber), eb('to_corporate_number', '=', corporateNumber)]))
    .orderBy('kind')
    .orderBy('from_corporate_number')
    .orderBy('to_corporate_number')
    .orderBy('starts_on')
    .execute()
  const others = links.map((link) => (link.from_corporate_number === corporateNumber ? link.to_corporate_number : link.from_corporate_number))
  return {
    corporateNumber: company.corporate_number,
    name: company.name,
    nameKana: company.name_kana,
    links: links.map(linkView),
    linkedNames: await companyNames(db, others),
  }
}

/** One company link as the 入札制限 engine reads it (see bid-restrictions/rules/groups.ts). */
export interface CompanyLinkFact {
  kind: 'parent_subsidiary' | 'consolidated_group' | 'related'
  from: string
  to: string
  startsOn: string | null
  endsOn: string | null
}

/**
 * The links the 入札制限 engine needs around `seeds` on `asOf`, in one query: every group link
 * (parent_subsidiary, consolidated_group) of the connected group of the seeds, found by a recursive CTE whose
 * UNION drops companies already reached (cycle protection), and the `related` links touching a seed (関連事業者
 * is one step). Links outside their dated window on `asOf` are left out, as the engine ignores them. The names
 * cover every company of those links and the seeds themselves (unregistered companies have none).
 */
export async function companyNeighbourhood(db: Db, seeds: readonly string[], asOf: string): Promise<CompanyNeighbourhood> {
  if (seeds.length === 0) return { links: [], names: {} }
  if (!db.isTransaction) return db.transaction().execute((tx) => companyNeighbourhood(tx, seeds, asOf))
  // The planner overestimates the recursive CTE (×10 per step) and would JIT-compile a query that runs in a few
  // milliseconds; the compilation alone took ~400 ms in the benchmark.
  await sql`SET LOCAL jit = off`.execute(db)
  const seedArray = [...new Set(seeds)]
  // A retracted link was entered in error: it never was a fact (migrations/0240).
  const active = (alias: string) =>
    sql`${sql.ref(`${alias}.retracted_at`)} IS NULL AND (${sql.ref(`${alias}.starts_on`)} IS NULL OR ${sql.ref(`${alias}.starts_on`)} <= ${asOf}::date) AND (${sql.ref(`${alias}.ends_on`)} IS NULL OR ${sql.ref(`${alias}.ends_on`)} >= ${asOf}::date)`
  const { rows } = await sql<{ neighbourhood: CompanyNeighbourhood | string }>`${prepared}
    WITH RECURSIVE seed(cn) AS (
      SELECT unnest(${seedArray}::text[])
    ), reach(cn) AS (
      SELECT cn FROM seed
      UNION
      SELECT next.cn FROM reach r CROSS JOIN LATERAL (
        SELECT l.to_corporate_number AS cn FROM company_link l
         WHERE l.from_corporate_number = r.cn AND l.kind <> 'related' AND ${active('l')}
        UNION ALL
        SELECT l.from_corporate_number FROM company_link l
         WHERE l.to_corporate_number = r.cn AND l.kind <> 'related' AND ${active('l')}
      ) next
    ), picked AS (
      SELECT l.kind, l.from_corporate_number, l.to_corporate_number, l.starts_on, l.ends_on
        FROM reach r CROSS JOIN LATERAL (
          SELECT * FROM company_link l WHERE l.from_corporate_number = r.cn AND l.kind <> 'related' AND ${active('l')}
          OFFSET 0 -- keeps the index lookup per reached company (not flattened into a hash join over every link)
        ) l
      UNION
      SELECT l.kind, l.from_corporate_number, l.to_corporate_number, l.starts_on, l.ends_on
        FROM seed s CROSS JOIN LATERAL (
          SELECT * FROM company_link l WHERE l.from_corporate_number = s.cn AND l.kind = 'related' AND ${active('l')}
          UNION ALL
          SELECT * FROM company_link l WHERE l.to_corporate_number = s.cn AND l.kind = 'related' AND ${active('l')}
          OFFSET 0
        ) l
    )
    SELECT json_build_object(
      -- a row subselect and "C" sort keys: cheaper than json_build_object per row and a collation-aware sort
      'links', (SELECT coalesce(json_agg(p ORDER BY p.kind COLLATE "C", p."from" COLLATE "C", p."to" COLLATE "C", p."startsOn" NULLS FIRST, p."endsOn" NULLS LAST), '[]')
                  FROM (SELECT kind, from_corporate_number AS "from", to_corporate_number AS "to", starts_on AS "startsOn", ends_on AS "endsOn" FROM picked) p),
      -- every company of a group link was reached; a related link's other end may not have been. One index
      -- lookup per company: the planner's estimate of reach would otherwise hash the whole registry.
      'names', (SELECT coalesce(json_object_agg(c.corporate_number, c.name ORDER BY c.corporate_number), '{}')
                  FROM (SELECT cn FROM reach UNION SELECT from_corporate_number FROM picked WHERE kind = 'related'
                        UNION SELECT to_corporate_number FROM picked WHERE kind = 'related') k
                  CROSS JOIN LATERAL (SELECT corporate_number, name FROM company WHERE corporate_number = k.cn OFFSET 0) c)
    ) AS neighbourhood`.execute(db)
  const neighbourhood = rows[0]!.neighbourhood
  return typeof neighbourhood === 'string' ? (JSON.parse(neighbourhood) as CompanyNeighbourhood) : neighbourhood
}

export interface CompanyNeighbourhood {
  links: CompanyLinkFact[]
  names: Record<string, string>
}

/** Names of registered companies among `numbers` (法人番号 → 名称); unknown ones are absent. */
export async function companyNames(db: Db, numbers: readonly string[]): Promise<Record<string, string>> {
  const unique = [...new Set(numbers)]
  if (unique.length === 0) return {}
  const rows = await db.selectFrom('company').select(['corporate_number', 'name']).where('corporate_number', 'in', unique).execute()
  return Object.fromEntries(rows.map((row) => [row.corporate_number, row.name]))
}
