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
import { sql } from 'kysely'
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

/** Accepted but worth a look: a link that closes a cycle, or one that repeats a retracted link. */
export interface ImportWarning {
  line: number
  message: string
  /** 法人番号 around the cycle, first = last; empty for other warnings. */
  cycle: string[]
}

export interface ImportResult {
  companiesCreated: number
  companiesUpdated: number
  linksCreated: number
  linksSkipped: number
  warnings: ImportWarning[]
}

const MAX_WARNINGS = 100

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

const DIRECTED_LABELS: Partial<Record<LinkKind, string>> = { parent_subsidiary: '親会社・子会社', consolidated_group: '連結決算の対象' }

/**
 * The imported directed links (親子, 連結) that close a cycle of the same kind among the stored, unretracted links
 * (the imported ones included), whatever their dates. The cycle is accepted — the engine traverses with cycle
 * protection — and reported so that staff can correct the link that is wrong. One query loads what the new links'
 * ends reach; the paths are found in memory.
 */
async function closedCycles(tx: Db, fresh: ReadonlyArray<LinkRow & { line: number }>): Promise<ImportWarning[]> {
  const directed = fresh.filter((link) => link.kind !== 'related')
  if (directed.length === 0) return []
  const { rows } = await sql<{ kind: LinkKind; from: string; to: string }>`
    WITH RECURSIVE reach(cn, kind) AS (
      SELECT * FROM unnest(${directed.map((link) => link.to)}::text[], ${directed.map((link) => link.kind)}::text[])
      UNION
      SELECT l.to_corporate_number, l.kind FROM reach r
        JOIN company_link l ON l.from_corporate_number = r.cn AND l.kind = r.kind AND l.retracted_at IS NULL
    )
    SELECT DISTINCT l.kind, l.from_corporate_number AS "from", l.to_corporate_number AS "to"
      FROM reach r JOIN company_link l ON l.from_corporate_number = r.cn AND l.kind = r.kind AND l.retracted_at IS NULL`.execute(tx)
  // The cycle is reported at the row that closes it: a row sees the stored links and the rows above it.
  const lineOf = new Map<string, number>()
  for (const link of directed) {
    const key = `${link.kind}|${link.from}|${link.to}`
    if (!lineOf.has(key)) lineOf.set(key, link.line)
  }
  const next = new Map<string, Array<{ to: string; line: number }>>()
  for (const row of rows) {
    const key = `${row.kind}|${row.from}`
    next.set(key, [...(next.get(key) ?? []), { to: row.to, line: lineOf.get(`${row.kind}|${row.from}|${row.to}`) ?? 0 }])
  }
  const warnings: ImportWarning[] = []
  const reported = new Set<string>()
  for (const link of directed) {
    const path = pathBetween(next, link.kind, link.to, link.from, link.line)
    if (!path) continue
    const cycle = [link.from, ...path]
    const signature = `${link.kind}|${[...cycle.slice(1)].sort().join(',')}`
    if (reported.has(signature)) continue
    reported.add(signature)
    warnings.push({
      line: link.line,
      message: `${link.line}行目: ${DIRECTED_LABELS[link.kind]}の関係が循環しています（${cycle.join(' → ')}）。登録しましたが、誤りがあれば関係を終了または取り消してください。`,
      cycle,
    })
  }
  return warnings
}

/** Breadth-first path from `start` to `goal` along links of `kind` from rows above `line`, both ends included. */
function pathBetween(
  next: ReadonlyMap<string, ReadonlyArray<{ to: string; line: number }>>,
  kind: LinkKind,
  start: string,
  goal: string,
  line: number,
): string[] | null {
  const cameFrom = new Map<string, string | null>([[start, null]])
  const queue = [start]
  for (let index = 0; index < queue.length; index += 1) {
    const current = queue[index]!
    if (current === goal) {
      const path: string[] = []
      for (let step: string | null = current; step !== null; step = cameFrom.get(step) ?? null) path.unshift(step)
      return path
    }
    for (const { to: neighbour, line: from } of next.get(`${kind}|${current}`) ?? []) {
      if (from < line && !cameFrom.has(neighbour)) {
        cameFrom.set(neighbour, current)
        queue.push(neighbour)
      }
    }
  }
  return null
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
      if (!inFile.has(link.from) && !registered.has(link.from))
        problems.add('linksCsv', link.line, '起点の法人番号', '登録されていない法人です（法人のCSVに含めてください）。')
      if (!inFile.has(link.to) && !registered.has(link.to))
        problems.add('linksCsv', link.line, '相手の法人番号', '登録されていない法人です（法人のCSVに含めてください）。')
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
    // A retracted link counts as known too: the same file imported again does not bring back what was corrected.
    const known = new Set<string>()
    const retracted = new Set<string>()
    const remember = (row: {
      kind: LinkKind
      from_corporate_number: string
      to_corporate_number: string
      starts_on: string | null
      ends_on: string | null
      retracted_at: Date | null
    }) => {
      const key = linkKey({ kind: row.kind, from: row.from_corporate_number, to: row.to_corporate_number, startsOn: row.starts_on, endsOn: row.ends_on })
      known.add(key)
      if (row.retracted_at) retracted.add(key)
    }
    const columns = ['kind', 'from_corporate_number', 'to_corporate_number', 'starts_on', 'ends_on', 'retracted_at'] as const
    for (let start = 0; start < involved.length; start += 5000) {
      const chunk = involved.slice(start, start + 5000)
      for (const row of await tx.selectFrom('company_link').select(columns).where('from_corporate_number', 'in', chunk).execute()) remember(row)
      for (const row of await tx.selectFrom('company_link').select(columns).where('kind', '=', 'related').where('to_corporate_number', 'in', chunk).execute())
        remember(row)
    }
    const warnings: ImportWarning[] = []
    const warn = (warning: ImportWarning) => {
      if (warnings.length < MAX_WARNINGS) warnings.push(warning)
    }
    const fresh = links.filter((link) => {
      const key = linkKey(link)
      if (retracted.has(key)) warn({ line: link.line, message: `${link.line}行目: 取り消された関係と同じため登録していません。`, cycle: [] })
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
    for (const warning of await closedCycles(tx, fresh)) warn(warning)
    const result = {
      companiesCreated: companies.length - companiesUpdated,
      companiesUpdated,
      linksCreated: fresh.length,
      linksSkipped: links.length - fresh.length,
      warnings,
    }
    await recordAudit(tx, {
      actor,
      action: 'company.imported',
      targetType: 'company',
      request,
      details: { ...result, warnings: warnings.length, cycles: warnings.filter((warning) => warning.cycle.length > 0).map((warning) => warning.cycle) },
    })
    return result
  })
}
