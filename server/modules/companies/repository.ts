import { escapeLike } from '#shared/domain/search-text'
import type { Db } from '../../db/database.ts'

export async function searchCompanies(db: Db, filter: { q?: string; limit: number; offset: number }) {
  let query = db.selectFrom('company')
  const q = filter.q?.normalize('NFKC')
  if (q) {
    query = /^\d+$/.test(q)
      ? query.where('corporate_number', 'like', `${q}%`)
      : query.where('name', 'like', `%${escapeLike(q)}%`)
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
    .execute()
  return {
    corporateNumber: company.corporate_number,
    name: company.name,
    nameKana: company.name_kana,
    links: links.map((link) => ({
      kind: link.kind,
      fromCorporateNumber: link.from_corporate_number,
      toCorporateNumber: link.to_corporate_number,
      startsOn: link.starts_on,
      endsOn: link.ends_on,
    })),
  }
}
