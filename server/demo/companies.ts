import { importCompanies } from '#shared/contracts/bid-restrictions'
import { COMPANIES, LINKS } from './data/companies.ts'
import type { DemoContext } from './context.ts'

const csv = (rows: ReadonlyArray<ReadonlyArray<string>>) => rows.map((cells) => cells.join(',')).join('\n')

/** The companies and their group links, imported by the national administrator as a CSV file would be. */
export async function feedCompanies(ctx: DemoContext): Promise<void> {
  const national = await ctx.staff('national')
  await national(importCompanies, {
    body: {
      companiesCsv: csv([['法人番号', '名称', 'フリガナ'], ...COMPANIES.map((c) => [c.corporateNumber, c.name, c.kana])]),
      linksCsv: csv([['種別', '起点の法人番号', '相手の法人番号', '開始日', '終了日'], ...LINKS.map((l) => [l.kind, l.from, l.to, l.startsOn, ''])]),
    },
  })
}
