/**
 * Bulk CSV import of companies (法人) and their dated group links. Every row is validated; one bad cell anywhere
 * and nothing is written (one transaction). Messy data is expected: links may form cycles or overlap in time (the
 * 入札制限 engine traverses with cycle protection and counts any active link), and a link already registered, or
 * repeated in the file, is skipped rather than refused.
 */
import { isValidCorporateNumber } from '#shared/domain/codes'
import { isIsoDate } from '#shared/domain/dates'
import { COMPANY_IMPORT_MAX_ROWS } from '#shared/contracts/bid-restrictions'
import type { ErrorDetail } from '#shared/errors'
import type { Db } from '../../db/database.ts'
import type { Actor } from '../../http/actor.ts'
import { AppError } from '../../http/errors.ts'
import { recordAudit } from '../audit/index.ts'
import { parseCsv, type CsvRow } from './csv.ts'

type LinkKind = 'parent_subsidiary' | 'consolidated_group' | 'related'

const KIND_WORDS: Record<string, LinkKind> = {
  parent_subsidiary: 'parent_subsidiary',
  親子: 'parent_subsidiary',
  '親会社・子会社': 'parent_subsidiary',
  consolidated_group: 'consolidated_group',
  連結: 'consolidated_group',
  連結決算の対象: 'consolidated_group',
  related: 'related',
  関連: 'related',
  関連事業者: 'related',
}

interface CompanyRow {
  corporateNumber: string
  name: string
  nameKana: string | null
}

interface LinkRow {
  kind: LinkKind
  from: string
  to: string
  startsOn: string | null
  endsOn: string | null
}

export interface ImportResult {
  companiesCreated: number
  companiesUpdated: number
  linksCreated: number
  linksSkipped: number
}

class Problems {
  readonly details: ErrorDetail[] = []
  add(file: string, line: number, column: string, message: string) {
    if (this.details.length < 200) this.details.push({ path: `${file}.${line}.${column}`, message: `${line}行目「${column}」: ${message}` })
  }
}

function isHeader(cells: readonly string[]): boolean {
  return !/^\d{13}$/.test((cells[0] ?? '').trim()) && !Object.hasOwn(KIND_WORDS, (cells[0] ?? '').trim())
}

function bodyRows(file: string, text: string, problems: Problems): CsvRow[] {
  const { rows, error } = parseCsv(text)
  if (error) {
    problems.details.push({ path: file, message: error })
    return []
  }
  const data = rows.length > 0 && isHeader(rows[0]!.cells) ? rows.slice(1) : rows
  if (data.length > COMPANY_IMPORT_MAX_ROWS) {
    problems.details.push({ path: file, message: `1回に登録できるのは${COMPANY_IMPORT_MAX_ROWS.toLocaleString('ja-JP')}行までです。` })
    return []
  }
  return data
}

function corporateNumberCell(value: string | undefined, file: string, line: number, column: string, problems: Problems): string | null {
  const text = (value ?? '').normalize('NFKC').trim()
  if (text === '') problems.add(file, line, column, '法人番号を入力してください。')
  else if (!isValidCorporateNumber(text)) problems.add(file, line, column, '法人番号が正しくありません（13桁の数字で、先頭の1桁は検査数字です）。')
  else return text
  return null
}

function dateCell(value: string | undefined, file: string, line: number, column: string, problems: Problems): string | null | undefined {
  const text = (value ?? '').normalize('NFKC').trim().replaceAll('/', '-')
  if (text === '') return null
  const padded = text.replace(/^(\d{4})-(\d{1,2})-(\d{1,2})$/, (_, y: string, m: string, d: string) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`)
  if (!isIsoDate(padded)) {
    problems.add(file, line, column, '日付は YYYY-MM-DD 形式で入力してください（空欄は期限なし）。')
    return undefined
  }
  return padded
}

function readCompanies(text: string, problems: Problems): CompanyRow[] {
  const file = 'companiesCsv'
  const seen = new Map<string, number>()
  const companies: CompanyRow[] = []
  for (const { line, cells } of bodyRows(file, text, problems)) {
    if (cells.length > 3) problems.add(file, line, '列数', `列は3つ（法人番号,名称,フリガナ）です（${cells.length}列あります）。`)
    const corporateNumber = corporateNumberCell(cells[0], file, line, '法人番号', problems)
    const name = (cells[1] ?? '').normalize('NFKC').trim()
    const nameKana = (cells[2] ?? '').trim()
    if (name === '') problems.add(file, line, '名称', '名称を入力してください。')
    else if (name.length > 200) problems.add(file, line, '名称', '名称は200文字以内にしてください。')
    if (nameKana.length > 200) problems.add(file, line, 'フリガナ', 'フリガナは200文字以内にしてください。')
    if (corporateNumber) {
      const earlier = seen.get(corporateNumber)
      if (earlier !== undefined) problems.add(file, line, '法人番号', `同じ法人番号が${earlier}行目にもあります。`)
      else seen.set(corporateNumber, line)
    }
    if (corporateNumber && name !== '' && name.length <= 200) companies.push({ corporateNumber, name, nameKana: nameKana === '' ? null : nameKana })
  }
  return companies
}

function readLinks(text: string, problems: Problems): Array<LinkRow & { line: number }> {
  const file = 'linksCsv'
  const links: Array<LinkRow & { line: number }> = []
  for (const { line, cells } of bodyRows(file, text, problems)) {
    if (cells.length > 5) problems.add(file, line, '列数', `列は5つ（種別,起点の法人番号,相手の法人番号,開始日,終了日）です（${cells.length}列あります）。`)
    const kindText = (cells[0] ?? '').normalize('NFKC').trim()
    const kind = Object.hasOwn(KIND_WORDS, kindText) ? KIND_WORDS[kindText] : undefined
    if (!kind) problems.add(file, line, '種別', '種別は parent_subsidiary（親子）、consolidated_group（連結）、related（関連）のいずれかです。')
    const from = corporateNumberCell(cells[1], file, line, '起点の法人番号', problems)
    const to = corporateNumberCell(cells[2], file, line, '相手の法人番号', problems)
    const startsOn = dateCell(cells[3], file, line, '開始日', problems)
    const endsOn = dateCell(cells[4], file, line, '終了日', problems)
    if (from && to && from === to) problems.add(file, line, '相手の法人番号', '起点と相手が同じ法人です。')
    if (startsOn && endsOn && endsOn < startsOn) problems.add(file, line, '終了日', '終了日は開始日以降にしてください。')
    if (kind && from && to && from !== to && startsOn !== undefined && endsOn !== undefined && !(startsOn && endsOn && endsOn < startsOn)) {
      links.push({ kind, from, to, startsOn, endsOn, line })
    }
  }
  return links
}

/** The identity of a link: `related` is undirected, so A–B and B–A are the same link. */
function linkKey(link: LinkRow): string {
  const [a, b] = link.kind === 'related' && link.to < link.from ? [link.to, link.from] : [link.from, link.to]
  return `${link.kind}|${a}|${b}|${link.startsOn ?? ''}|${link.endsOn ?? ''}`
}

async function existingCompanies(tx: Db, numbers: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>()
  for (let start = 0; start < numbers.length; start += 5000) {
    const chunk = numbers.slice(start, start + 5000)
    if (chunk.length === 0) continue
    const rows = await tx.selectFrom('company').select('corporate_number').where('corporate_number', 'in', chunk).execute()
    for (const row of rows) found.add(row.corporate_number)
  }
  return found
}

export async function importCompanies(
  db: Db,
  actor: Actor,
  request: { ip: string; id: string },
  input: { companiesCsv?: string | undefined; linksCsv?: string | undefined },
): Promise<ImportResult> {
  const problems = new Problems()
  const companies = input.companiesCsv === undefined ? [] : readCompanies(input.companiesCsv, problems)
  const links = input.linksCsv === undefined ? [] : readLinks(input.linksCsv, problems)
  return db.transaction().execute(async (tx) => {
    const inFile = new Set(companies.map((company) => company.corporateNumber))
    const endpoints = [...new Set(links.flatMap((link) => [link.from, link.to]))].filter((number) => !inFile.has(number))
    const registered = await existingCompanies(tx, [...new Set([...endpoints, ...inFile])])
    for (const link of links) {
      if (!inFile.has(link.from) && !registered.has(link.from)) problems.add('linksCsv', link.line, '起点の法人番号', '登録されていない法人です（法人のCSVに含めてください）。')
      if (!inFile.has(link.to) && !registered.has(link.to)) problems.add('linksCsv', link.line, '相手の法人番号', '登録されていない法人です（法人のCSVに含めてください）。')
    }
    if (problems.details.length > 0) {
      throw new AppError('VALIDATION_FAILED', `CSVに誤りがあります（${problems.details.length}件）。何も登録していません。`, 400, problems.details)
    }

    const companiesUpdated = companies.filter((company) => registered.has(company.corporateNumber)).length
    for (let start = 0; start < companies.length; start += 1000) {
      const chunk = companies.slice(start, start + 1000)
      await tx
        .insertInto('company')
        .values(chunk.map((company) => ({ corporate_number: company.corporateNumber, name: company.name, name_kana: company.nameKana })))
        .onConflict((conflict) =>
          conflict.column('corporate_number').doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            name_kana: eb.ref('excluded.name_kana'),
            updated_at: new Date(),
          })),
        )
        .execute()
    }

    // Links already stored between these companies, so a re-import adds nothing twice.
    const involved = [...new Set(links.flatMap((link) => [link.from, link.to]))]
    const known = new Set<string>()
    for (let start = 0; start < involved.length; start += 5000) {
      const chunk = involved.slice(start, start + 5000)
      const rows = await tx
        .selectFrom('company_link')
        .select(['kind', 'from_corporate_number', 'to_corporate_number', 'starts_on', 'ends_on'])
        .where('from_corporate_number', 'in', chunk)
        .execute()
      for (const row of rows) {
        known.add(linkKey({ kind: row.kind, from: row.from_corporate_number, to: row.to_corporate_number, startsOn: row.starts_on, endsOn: row.ends_on }))
      }
      const reverse = await tx
        .selectFrom('company_link')
        .select(['kind', 'from_corporate_number', 'to_corporate_number', 'starts_on', 'ends_on'])
        .where('kind', '=', 'related')
        .where('to_corporate_number', 'in', chunk)
        .execute()
      for (const row of reverse) {
        known.add(linkKey({ kind: row.kind, from: row.from_corporate_number, to: row.to_corporate_number, startsOn: row.starts_on, endsOn: row.ends_on }))
      }
    }
    const fresh = links.filter((link) => {
      const key = linkKey(link)
      if (known.has(key)) return false
      known.add(key)
      return true
    })
    for (let start = 0; start < fresh.length; start += 1000) {
      await tx
        .insertInto('company_link')
        .values(
          fresh.slice(start, start + 1000).map((link) => ({
            kind: link.kind,
            from_corporate_number: link.from,
            to_corporate_number: link.to,
            starts_on: link.startsOn,
            ends_on: link.endsOn,
          })),
        )
        .execute()
    }
    const result = {
      companiesCreated: companies.length - companiesUpdated,
      companiesUpdated,
      linksCreated: fresh.length,
      linksSkipped: links.length - fresh.length,
    }
    await recordAudit(tx, { actor, action: 'company.imported', targetType: 'company', request, details: result })
    return result
  })
}
