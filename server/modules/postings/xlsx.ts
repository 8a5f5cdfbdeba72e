/**
 * The 標準募集様式 as an Excel workbook (手順書 参考4.4-⑭): one sheet, 募集一覧, with Japanese headers in the form's
 * order (./xlsx-columns.ts). Each coded cell has a drop-down list from the hidden 選択肢 sheet, so a person picks
 * labels instead of typing codes. The same layout is exported (one posting, or all a prefecture forwarded in a
 * period) and imported by municipalities; import checks every cell and reports problems by row and column, naming
 * the allowed values when a cell holds something not in its list.
 */
import ExcelJS from 'exceljs'
import { normalizePostingForm, PostingForm } from '#shared/domain/postings/form'
import {
  COLUMNS,
  COLUMN_NUMBER,
  columnName,
  columnOfPath,
  isGroup,
  letterOf,
  ROW_NUMBER,
  SLOTS,
  type Cell,
  type Column,
  type ExportRow,
  type Group,
  type GroupEntry,
} from './xlsx-columns.ts'
import { lists, notInList, NO, YES, type ChoiceList } from './xlsx-lists.ts'

export type { ExportRow } from './xlsx-columns.ts'

const SHEET = '募集一覧'
const LISTS_SHEET = '選択肢'
/** Rows below the exported ones that still offer the drop-downs, for postings a person adds. */
const SPARE_ROWS = 300

function writeLists(workbook: ExcelJS.Workbook): Map<ChoiceList, string> {
  const sheet = workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' })
  const ranges = new Map<ChoiceList, string>()
  Object.values(lists).forEach((list, index) => {
    const column = index + 1
    sheet.getCell(1, column).value = list.name
    list.labels.forEach((label, row) => {
      sheet.getCell(row + 2, column).value = /^\d+$/.test(label) ? Number(label) : label
    })
    const letter = letterOf(column)
    ranges.set(list, `'${LISTS_SHEET}'!$${letter}$2:$${letter}$${list.labels.length + 1}`)
  })
  return ranges
}

interface DataValidations {
  add(address: string, validation: ExcelJS.DataValidation): void
}

/**
 * One workbook; each posting's first row holds its fields and the first entry of each list, the rows below the rest.
 * `withInternalBudget` is false for a reader who may not see the budget columns (postings/rules.ts
 * readsInternalBudget): the columns are then absent, not blank. They are the last ones, so no other column moves.
 */
export async function writePostingsWorkbook(rows: readonly ExportRow[], title: string, withInternalBudget: boolean): Promise<Buffer> {
  const columns = COLUMNS.filter((column) => withInternalBudget || !column.internal)
  const workbook = new ExcelJS.Workbook()
  workbook.creator = '自治体DX 外部デジタル人材 募集サービス'
  workbook.title = title
  const sheet = workbook.addWorksheet(SHEET, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] })
  sheet.columns = columns.map((column) => ({ header: column.header, key: column.key, width: column.width }))
  const header = sheet.getRow(1)
  header.font = { bold: true }
  header.alignment = { wrapText: true, vertical: 'middle' }
  columns.forEach((column, index) => {
    const cell = sheet.getCell(1, index + 1)
    if (column.readOnly) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE0E0E0' } }
    else if (column.group) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F0FB' } }
    const hint = [column.readOnly ? '出力時の参考情報です。取り込み時は読みません（団体は取り込む担当者の団体になります）。' : '', column.hint ?? '']
      .filter(Boolean)
      .join('\n')
    if (hint) cell.note = hint
  })

  let next = 2
  rows.forEach((row, index) => {
    const blocks = SLOTS.filter(isGroup).map((group) => ({ group, entries: group.write(row) }))
    const height = Math.max(1, ...blocks.map((block) => block.entries.length))
    for (const column of columns) {
      if (column.group) continue
      sheet.getCell(next, COLUMN_NUMBER.get(column.key)).value = column.key === ROW_NUMBER ? index + 1 : column.write(row)
    }
    for (const { group, entries } of blocks) {
      entries.forEach((cells, offset) => {
        group.columns.forEach((column, position) => {
          sheet.getCell(next + offset, COLUMN_NUMBER.get(column.key)).value = cells[position] ?? null
        })
      })
    }
    for (let offset = 0; offset < height; offset += 1) sheet.getRow(next + offset).alignment = { wrapText: true, vertical: 'top' }
    sheet.getRow(next).eachCell({ includeEmpty: true }, (cell) => {
      cell.border = { top: { style: 'thin', color: { argb: 'FF7F8FA6' } } }
    })
    next += height
  })

  const ranges = writeLists(workbook)
  const validations = (sheet as unknown as { dataValidations: DataValidations }).dataValidations
  const lastRow = next + SPARE_ROWS
  for (const column of columns) {
    if (!column.list) continue
    const letter = letterOf(COLUMN_NUMBER.get(column.key)!)
    validations.add(`${letter}2:${letter}${lastRow}`, {
      type: 'list',
      allowBlank: true,
      formulae: [ranges.get(column.list)!],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: column.header,
      error: `「${column.header}」は一覧から選んでください。`,
    })
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

export interface ImportProblem {
  row: number
  column: string
  message: string
}

function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null
  if (typeof value === 'number') return value
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim()
  if (typeof value === 'boolean') return value ? YES : NO
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'object' && 'richText' in value)
    return (
      value.richText
        .map((part) => part.text)
        .join('')
        .trim() || null
    )
  if (typeof value === 'object' && 'text' in value) return String(value.text)
  if (typeof value === 'object' && 'result' in value) return cellValue(value.result)
  // an error cell (#N/A…) or a formula without a computed result holds nothing to import
  return null
}

const COLUMN_BY_HEADER = new Map(COLUMNS.map((column) => [column.header, column]))
const COLUMN_BY_KEY = new Map(COLUMNS.map((column) => [column.key, column]))

export interface ImportedForm {
  row: number
  form: PostingForm
  /** The 団体コード and 都道府県 cells as written, checked against the importing staff's municipality. */
  code: string | null
  prefecture: string | null
}

interface Block {
  row: number
  cells: Map<string, Cell>
  entries: Map<Group, GroupEntry[]>
}

/** The sheet's rows as postings: a row with a 整理番号 (or the first row) starts one, rows without continue it. */
function blocksOf(sheet: ExcelJS.Worksheet, headers: Map<number, Column>, problems: ImportProblem[]): Block[] {
  const blocks: Block[] = []
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return
    const fields = new Map<string, Cell>()
    const groupCells = new Map<Group, Map<string, Cell>>()
    for (const [columnNumber, column] of headers) {
      const value = cellValue(row.getCell(columnNumber).value)
      if (value === null) continue
      if (column.group) groupCells.set(column.group, (groupCells.get(column.group) ?? new Map<string, Cell>()).set(column.key, value))
      else fields.set(column.key, value)
    }
    if (fields.size === 0 && groupCells.size === 0) return
    const current = blocks.at(-1)
    if (fields.has(ROW_NUMBER) || !current) {
      blocks.push({ row: rowNumber, cells: fields, entries: new Map() })
    } else if (fields.size > 0) {
      problems.push({
        row: rowNumber,
        column: columnName(COLUMN_BY_KEY.get(ROW_NUMBER)!),
        message: '整理番号のない行は上の募集の続きで、取組分野・条件・選考方法・共同任用・入札制限の列だけを書けます。新しい募集なら整理番号を入れてください。',
      })
      return
    }
    const block = blocks.at(-1)!
    for (const [group, cells] of groupCells) block.entries.set(group, [...(block.entries.get(group) ?? []), { row: rowNumber, cells }])
  })
  return blocks
}

function readBlock(block: Block): { raw: Record<string, unknown>; problems: ImportProblem[] } {
  const raw: Record<string, unknown> = {}
  const problems: ImportProblem[] = []
  const report = (row: number, key: string, message: string) => problems.push({ row, column: columnName(COLUMN_BY_KEY.get(key)!), message })
  for (const [key, value] of block.cells) {
    const column = COLUMN_BY_KEY.get(key)!
    if (column.group) continue
    if (column.list && !column.list.idOf(String(value))) {
      report(block.row, key, notInList(String(value), column.list))
      continue
    }
    if (column.readOnly) continue
    try {
      column.read?.(value, raw)
    } catch (error) {
      report(block.row, key, (error as Error).message)
    }
  }
  for (const group of SLOTS.filter(isGroup)) group.read(block.entries.get(group) ?? [], raw, report)
  return { raw, problems }
}

/**
 * Reads every posting of the 募集一覧 sheet into a form. Each cell's problems and each form field's problems are
 * reported with the row number and the column (header and letter); postings with problems give no form.
 */
export async function readPostingsWorkbook(bytes: Buffer): Promise<{ forms: ImportedForm[]; problems: ImportProblem[] }> {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch {
    return { forms: [], problems: [{ row: 0, column: '', message: 'Excel（.xlsx）ファイルとして読み込めませんでした。' }] }
  }
  const sheet = workbook.getWorksheet(SHEET) ?? workbook.worksheets.find((candidate) => candidate.name !== LISTS_SHEET)
  if (!sheet) return { forms: [], problems: [{ row: 0, column: '', message: `「${SHEET}」シートがありません。` }] }
  const headers = new Map<number, Column>()
  const problems: ImportProblem[] = []
  sheet.getRow(1).eachCell((cell, columnNumber) => {
    const header = String(cellValue(cell.value) ?? '').trim()
    const column = COLUMN_BY_HEADER.get(header)
    if (column) headers.set(columnNumber, column)
    else if (header) problems.push({ row: 1, column: `${header}（${letterOf(columnNumber)}列）`, message: `「${header}」という列は様式にありません。` })
  })
  const present = new Set(headers.values())
  for (const column of COLUMNS.filter((candidate) => !candidate.readOnly && !candidate.internal && !present.has(candidate))) {
    problems.push({ row: 1, column: column.header, message: `「${column.header}」の列がありません。出力した様式をもとに作成してください。` })
  }
  if (problems.length > 0) return { forms: [], problems }

  const forms: ImportedForm[] = []
  for (const block of blocksOf(sheet, headers, problems)) {
    const { raw, problems: blockProblems } = readBlock(block)
    if (blockProblems.length > 0) {
      problems.push(...blockProblems)
      continue
    }
    const parsed = PostingForm.safeParse(raw)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.map(String).join('.')
        problems.push({ row: block.row, column: columnOfPath(path) || '（行全体）', message: issue.message })
      }
      continue
    }
    const text = (key: string) => {
      const value = block.cells.get(key)
      return value === null || value === undefined ? null : String(value)
    }
    forms.push({ row: block.row, form: normalizePostingForm(parsed.data), code: text('code'), prefecture: text('prefecture') })
  }
  if (forms.length === 0 && problems.length === 0) problems.push({ row: 2, column: '', message: '取り込む行がありません。' })
  return { forms, problems: problems.sort((a, b) => a.row - b.row) }
}
