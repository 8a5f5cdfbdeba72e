/**
 * The 標準募集様式 as an Excel sheet: one row per posting, columns in the form's field order (手順書 参考4.4-⑭).
 * The same layout is exported (one posting, or all a prefecture forwarded in a period) and imported by
 * municipalities; import validates every cell and reports problems by row and column. Cells hold plain values a
 * person can type: labels for choices, はい/いいえ, YYYY-MM-DD dates, integer yen; conditions one per line as
 * `種類|値|…` (the 記入方法 sheet explains them).
 */
import ExcelJS from 'exceljs'
import {
  appointmentFormLabels,
  type Criterion,
  type CriterionAlternative,
  dxAreaLabels,
  involvementLabels,
  payUnitLabels,
  normalizePostingForm,
  PostingForm,
  postingRoleLabels,
  selectionStepLabels,
  type DutyArea,
} from '#shared/domain/postings/form'
import { postingStateLabels, type PostingState } from '#shared/domain/postings/workflow'

type Cell = string | number | null

export interface ExportRow {
  id: string
  state: PostingState
  municipality: { code: string; name: string; prefectureName: string; population: number | null }
  forwardedOn: string | null
  form: PostingForm
}

interface Column {
  key: string
  header: string
  width: number
  /** Part of the posting record but not of the form: written on export, ignored on import. */
  readOnly?: boolean
  /** The municipality's internal budget (非公開): left out of an export for readers outside it and its prefecture, optional on import. */
  internal?: boolean
  write: (row: ExportRow) => Cell
  /** Reads the cell into the raw form object; throws a Japanese message for a cell it cannot read. */
  read?: (cell: Cell, raw: Record<string, unknown>) => void
}

function invert<T extends string>(labels: Record<T, string>): Map<string, T> {
  return new Map(Object.entries(labels).map(([id, label]) => [label as string, id as T]))
}

function choice<T extends string>(labels: Record<T, string>, field: string, what: string) {
  const byLabel = invert(labels)
  return {
    write: (value: T | null) => (value ? labels[value] : null),
    read: (cell: Cell, raw: Record<string, unknown>) => {
      if (cell === null) return
      const id = byLabel.get(String(cell)) ?? (Object.hasOwn(labels, String(cell)) ? String(cell) : undefined)
      if (!id) throw new Error(`${what}は次のいずれかで入力してください: ${Object.values(labels).join('、')}`)
      raw[field] = id
    },
  }
}

const text = (field: keyof PostingForm) => ({
  write: (row: ExportRow) => (row.form[field] as string | null) ?? null,
  read: (cell: Cell, raw: Record<string, unknown>) => {
    if (cell !== null) raw[field] = String(cell)
  },
})

const numberCell = (field: keyof PostingForm, what: string) => ({
  write: (row: ExportRow) => (row.form[field] as number | null) ?? null,
  read: (cell: Cell, raw: Record<string, unknown>) => {
    if (cell === null) return
    const value = typeof cell === 'number' ? cell : Number(String(cell).replace(/[,円人日]/g, ''))
    if (!Number.isFinite(value)) throw new Error(`${what}は数値で入力してください。`)
    raw[field] = value
  },
})

const YES = 'はい'
const NO = 'いいえ'
const flagCell = (field: keyof PostingForm, what: string) => ({
  write: (row: ExportRow) => {
    const value = row.form[field] as boolean | null
    return value === null ? null : value ? YES : NO
  },
  read: (cell: Cell, raw: Record<string, unknown>) => {
    if (cell === null) return
    const value = String(cell)
    if (value === YES || value === '可' || value === 'あり') raw[field] = true
    else if (value === NO || value === '不可' || value === 'なし') raw[field] = false
    else throw new Error(`${what}は「${YES}」か「${NO}」で入力してください。`)
  },
})

const dateCell = (field: keyof PostingForm, what: string) => ({
  write: (row: ExportRow) => (row.form[field] as string | null) ?? null,
  read: (cell: Cell, raw: Record<string, unknown>) => {
    if (cell === null) return
    const value = String(cell)
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new Error(`${what}は YYYY-MM-DD の形で入力してください（例: 2026-04-01）。`)
    raw[field] = value
  },
})

const lines = (cell: Cell) =>
  cell === null
    ? []
    : String(cell)
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean)

const list = (cell: Cell) =>
  cell === null
    ? []
    : String(cell)
        .split(/[,、，\n]/)
        .map((item) => item.trim())
        .filter(Boolean)

// Conditions: `job_type_level|uiss.business_strategist,itss.consultant|4|必須|補足`, `certification|SC,AU||歓迎|`,
// `experience|digital_strategy_lead|5|歓迎|`, `local_government_experience||3|歓迎|`. An any-of condition is its first
// alternative's line followed by one line per further alternative starting with 「又は」: `又は certification|SC,AU|`.
const importanceByLabel = new Map([
  ['必須', 'required'],
  ['歓迎', 'preferred'],
])
const OR_PREFIX = '又は'

function writeAlternative(alternative: CriterionAlternative): string {
  switch (alternative.kind) {
    case 'job_type_level':
      return `${alternative.kind}|${alternative.jobTypeIds.join(',')}|${alternative.minLevel}`
    case 'certification':
      return `${alternative.kind}|${alternative.certificationIds.join(',')}|`
    case 'experience':
      return `${alternative.kind}|${alternative.experienceKind}|${alternative.minYears ?? ''}`
    case 'local_government_experience':
      return `${alternative.kind}||${alternative.minYears ?? ''}`
  }
}

export function writeCriterion(criterion: Criterion): string {
  const tail = `|${criterion.importance === 'required' ? '必須' : '歓迎'}|${criterion.note ?? ''}`
  if (criterion.kind !== 'any_of') return `${writeAlternative(criterion)}${tail}`
  const [first, ...rest] = criterion.alternatives.map(writeAlternative)
  return [`${first}${tail}`, ...rest.map((line) => `${OR_PREFIX} ${line}`)].join('\n')
}

function readAlternative(line: string, kind: string, values: string, number: string): Record<string, unknown> {
  const ids = values
    .split(',')
    .map((value) => value.trim())
    .filter(Boolean)
  const numeric = number.trim() === '' ? null : Number(number)
  if (numeric !== null && !Number.isFinite(numeric)) throw new Error(`条件「${line}」の3番目は数値にしてください。`)
  switch (kind.trim()) {
    case 'job_type_level':
      return { kind: 'job_type_level', jobTypeIds: ids, minLevel: numeric }
    case 'certification':
      return { kind: 'certification', certificationIds: ids }
    case 'experience':
      return { kind: 'experience', experienceKind: ids[0], minYears: numeric }
    case 'local_government_experience':
      return { kind: 'local_government_experience', minYears: numeric }
    default:
      throw new Error(`条件「${line}」の種類は job_type_level, certification, experience, local_government_experience のいずれかです。`)
  }
}

export function readCriterion(line: string): Record<string, unknown> {
  const [kind = '', values = '', number = '', importanceLabel = '', ...noteParts] = line.split('|')
  const importance = importanceByLabel.get(importanceLabel.trim())
  if (!importance) throw new Error(`条件「${line}」の4番目は「必須」か「歓迎」にしてください。`)
  const note = noteParts.join('|').trim() || null
  return { ...readAlternative(line, kind, values, number), importance, note }
}

/** The cell's lines as conditions; a 「又は」 line adds an alternative to the condition above it. */
export function readCriteria(lineList: readonly string[]): unknown[] {
  const criteria: Record<string, unknown>[] = []
  for (const line of lineList) {
    if (!line.startsWith(OR_PREFIX)) {
      criteria.push(readCriterion(line))
      continue
    }
    const previous = criteria.at(-1)
    if (!previous) throw new Error(`条件「${line}」の前に、「又は」でつなぐ条件を書いてください。`)
    const [kind = '', values = '', number = ''] = line.slice(OR_PREFIX.length).trim().split('|')
    const alternative = readAlternative(line, kind, values, number)
    if (previous.kind === 'any_of') (previous.alternatives as unknown[]).push(alternative)
    else {
      const { importance, note, ...first } = previous
      criteria[criteria.length - 1] = { kind: 'any_of', importance, note, alternatives: [first, alternative] }
    }
  }
  return criteria
}

const areaByLabel = invert(dxAreaLabels)
const involvementByLabel = invert(involvementLabels)

const role = choice(postingRoleLabels, 'roleId', '人材像')
const appointment = choice(appointmentFormLabels, 'appointmentForm', '任用形態')
const payUnit = choice(payUnitLabels, 'payUnit', '報酬の単位')
const daysPer = choice({ week: '週', month: '月' }, 'workDaysPer', '勤務日数の単位')
const stepByLabel = invert(selectionStepLabels)

export const COLUMNS: Column[] = [
  { key: 'id', header: '募集ID', width: 38, readOnly: true, write: (row) => row.id },
  { key: 'state', header: '状態', width: 14, readOnly: true, write: (row) => postingStateLabels[row.state] },
  { key: 'code', header: '団体コード', width: 11, readOnly: true, write: (row) => row.municipality.code },
  { key: 'prefecture', header: '都道府県', width: 10, readOnly: true, write: (row) => row.municipality.prefectureName },
  { key: 'name', header: '市区町村名', width: 14, readOnly: true, write: (row) => row.municipality.name },
  { key: 'population', header: '人口', width: 10, readOnly: true, write: (row) => row.municipality.population },
  { key: 'forwardedOn', header: '国への送付日', width: 12, readOnly: true, write: (row) => row.forwardedOn },
  { key: 'department', header: '担当部署', width: 18, ...text('department') },
  { key: 'contactName', header: '担当者名', width: 12, ...text('contactName') },
  { key: 'contactEmail', header: '問合せ先メール', width: 24, ...text('contactEmail') },
  { key: 'contactPhone', header: '問合せ先電話', width: 14, ...text('contactPhone') },
  { key: 'title', header: '募集ポスト（役職名）', width: 20, ...text('title') },
  { key: 'roleId', header: '人材像', width: 24, write: (row) => role.write(row.form.roleId), read: role.read },
  { key: 'roleLabel', header: '人材像（その他の名称）', width: 16, ...text('roleLabel') },
  {
    key: 'dutyAreas',
    header: '取組分野と関わり方',
    width: 36,
    write: (row) => row.form.dutyAreas.map((duty) => `${dxAreaLabels[duty.area]}（${involvementLabels[duty.involvement]}）`).join('\n') || null,
    read: (cell, raw) => {
      raw.dutyAreas = lines(cell).map((line): DutyArea => {
        const match = /^(.+?)（(.+)）$/.exec(line)
        const area = match ? areaByLabel.get(match[1]!) : undefined
        const involvement = match ? involvementByLabel.get(match[2]!) : undefined
        if (!area || !involvement) {
          throw new Error(`取組分野「${line}」は「分野名（${Object.values(involvementLabels).join('／')}）」の形で1行に1つ入力してください。`)
        }
        return { area, involvement }
      })
    },
  },
  { key: 'dutyDescription', header: '期待する役割・業務内容', width: 40, ...text('dutyDescription') },
  {
    key: 'criteria',
    header: '求めるスキル・経験・資格（1行に1つ）',
    width: 48,
    write: (row) => row.form.criteria.map(writeCriterion).join('\n') || null,
    read: (cell, raw) => {
      raw.criteria = readCriteria(lines(cell))
    },
  },
  { key: 'appointmentForm', header: '任用形態', width: 18, write: (row) => appointment.write(row.form.appointmentForm), read: appointment.read },
  { key: 'appointmentFormNote', header: '任用形態の補足', width: 18, ...text('appointmentFormNote') },
  { key: 'workDaysPer', header: '勤務日数の単位（週/月）', width: 10, write: (row) => daysPer.write(row.form.workDaysPer), read: daysPer.read },
  { key: 'workDays', header: '勤務日数', width: 8, ...numberCell('workDays', '勤務日数') },
  { key: 'hoursPerDay', header: '1日の勤務時間', width: 8, ...numberCell('hoursPerDay', '1日の勤務時間') },
  { key: 'workHoursNote', header: '勤務時間の補足', width: 18, ...text('workHoursNote') },
  { key: 'remoteAllowed', header: 'リモート勤務可', width: 8, ...flagCell('remoteAllowed', 'リモート勤務可') },
  { key: 'onSiteFrequency', header: '出勤（来庁）の頻度', width: 16, ...text('onSiteFrequency') },
  { key: 'sideJobAllowed', header: '副業・兼業可', width: 8, ...flagCell('sideJobAllowed', '副業・兼業可') },
  { key: 'workplace', header: '勤務地', width: 18, ...text('workplace') },
  { key: 'payAmount', header: '報酬額（円）', width: 12, ...numberCell('payAmount', '報酬額') },
  { key: 'payUnit', header: '報酬の単位', width: 8, write: (row) => payUnit.write(row.form.payUnit), read: payUnit.read },
  { key: 'payNote', header: '報酬の補足', width: 18, ...text('payNote') },
  { key: 'travelCostsPaid', header: '旅費支給', width: 8, ...flagCell('travelCostsPaid', '旅費支給') },
  { key: 'termStartsOn', header: '任期開始日', width: 12, ...dateCell('termStartsOn', '任期開始日') },
  { key: 'termEndsOn', header: '任期終了日', width: 12, ...dateCell('termEndsOn', '任期終了日') },
  { key: 'renewable', header: '更新あり', width: 8, ...flagCell('renewable', '更新あり') },
  { key: 'renewalNote', header: '更新の条件', width: 16, ...text('renewalNote') },
  { key: 'openings', header: '募集人数', width: 8, ...numberCell('openings', '募集人数') },
  { key: 'applicationStartsOn', header: '募集開始日', width: 12, ...dateCell('applicationStartsOn', '募集開始日') },
  { key: 'applicationEndsOn', header: '応募締切日', width: 12, ...dateCell('applicationEndsOn', '応募締切日') },
  {
    key: 'selectionSteps',
    header: '選考方法',
    width: 24,
    write: (row) => row.form.selectionSteps.map((step) => selectionStepLabels[step]).join('、') || null,
    read: (cell, raw) => {
      raw.selectionSteps = list(cell).map((label) => {
        const step = stepByLabel.get(label)
        if (!step) throw new Error(`選考方法「${label}」は次のいずれかで入力してください: ${Object.values(selectionStepLabels).join('、')}`)
        return step
      })
    },
  },
  { key: 'howToApply', header: '応募方法', width: 30, ...text('howToApply') },
  { key: 'applicationUrl', header: '募集ページURL', width: 24, ...text('applicationUrl') },
  {
    key: 'jointAppointmentCodes',
    header: '共同任用の団体コード',
    width: 16,
    write: (row) => row.form.jointAppointmentCodes.join(',') || null,
    read: (cell, raw) => {
      raw.jointAppointmentCodes = list(cell)
    },
  },
  {
    key: 'bidRestrictionTemplates',
    header: '入札制限の規定例',
    width: 14,
    write: (row) => row.form.bidRestriction.templateIds.join(',') || null,
    read: (cell, raw) => {
      raw.bidRestriction = { ...(raw.bidRestriction as object), templateIds: list(cell) }
    },
  },
  {
    key: 'bidRestrictionParams',
    header: '入札制限の設定（JSON）',
    width: 18,
    write: (row) => (Object.keys(row.form.bidRestriction.params).length > 0 ? JSON.stringify(row.form.bidRestriction.params) : null),
    read: (cell, raw) => {
      if (cell === null) return
      let params: unknown
      try {
        params = JSON.parse(String(cell))
      } catch {
        throw new Error('入札制限の設定は JSON で入力してください（例: {"A2":{"yearsAfter":2}}）。')
      }
      raw.bidRestriction = { ...(raw.bidRestriction as object), params }
    },
  },
  {
    key: 'bidRestrictionNote',
    header: '入札制限の補足',
    width: 20,
    write: (row) => row.form.bidRestriction.note,
    read: (cell, raw) => {
      if (cell !== null) raw.bidRestriction = { ...(raw.bidRestriction as object), note: String(cell) }
    },
  },
  { key: 'freeText', header: 'その他（自由記述）', width: 30, ...text('freeText') },
  { key: 'budgetAnnualCost', header: '年間の任用等経費（予算・円）', width: 14, internal: true, ...numberCell('budgetAnnualCost', '年間の任用等経費') },
  { key: 'budgetRecruitmentCost', header: '募集経費（予算・円）', width: 14, internal: true, ...numberCell('budgetRecruitmentCost', '募集経費') },
]

const SHEET = '募集一覧'
const GUIDE = '記入方法'

/**
 * One workbook, one row per posting. `withInternalBudget` is false for a reader who may not see the budget columns
 * (postings/rules.ts readsInternalBudget): the columns are then absent, not blank.
 */
export async function writePostingsWorkbook(rows: readonly ExportRow[], title: string, withInternalBudget: boolean): Promise<Buffer> {
  const columns = COLUMNS.filter((column) => withInternalBudget || !column.internal)
  const workbook = new ExcelJS.Workbook()
  workbook.creator = '自治体DX 外部デジタル人材 募集サービス'
  workbook.title = title
  const sheet = workbook.addWorksheet(SHEET, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] })
  sheet.columns = columns.map((column) => ({ header: column.header, key: column.key, width: column.width }))
  sheet.getRow(1).font = { bold: true }
  sheet.getRow(1).alignment = { wrapText: true, vertical: 'middle' }
  columns.forEach((column, index) => {
    if (column.readOnly) sheet.getCell(1, index + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE0E0E0' } }
  })
  for (const row of rows) {
    const added = sheet.addRow(Object.fromEntries(columns.map((column) => [column.key, column.write(row)])))
    added.alignment = { wrapText: true, vertical: 'top' }
  }
  const guide = workbook.addWorksheet(GUIDE)
  guide.columns = [
    { header: '項目', key: 'item', width: 30 },
    { header: '書き方', key: 'how', width: 100 },
  ]
  guide.addRows([
    { item: '灰色の列', how: '出力時の参考情報です。取り込み時は読みません（団体はログインした担当者の団体になります）。' },
    { item: '人材像', how: Object.values(postingRoleLabels).join(' / ') },
    { item: '取組分野と関わり方', how: `1行に1つ「分野名（関わり方）」。分野: ${Object.values(dxAreaLabels).join('、')}。関わり方: ${Object.values(involvementLabels).join('、')}` },
    { item: '求めるスキル・経験・資格', how: '1行に1つ「種類|値|数値|必須または歓迎|補足」。例: job_type_level|uiss.business_strategist,itss.consultant|4|必須| / certification|SC,AU||歓迎| / experience|digital_strategy_lead|5|歓迎| / local_government_experience||3|歓迎|' },
    { item: '任用形態', how: Object.values(appointmentFormLabels).join(' / ') },
    { item: 'はい・いいえの列', how: '「はい」か「いいえ」。空欄は未記入として扱います。' },
    { item: '日付', how: 'YYYY-MM-DD（例: 2026-04-01）' },
    { item: '報酬', how: `金額は円の整数、単位は ${Object.values(payUnitLabels).join(' / ')}` },
    { item: '選考方法', how: Object.values(selectionStepLabels).join('、') + '（読点で区切る）' },
  ])
  guide.getRow(1).font = { bold: true }
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
  if (typeof value === 'string') return value.trim() === '' ? null : value
  if (typeof value === 'boolean') return value ? YES : NO
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((part) => part.text).join('') || null
  if (typeof value === 'object' && 'text' in value) return String(value.text)
  if (typeof value === 'object' && 'result' in value) return cellValue(value.result as ExcelJS.CellValue)
  return String(value)
}

const HEADER_TO_COLUMN = new Map(COLUMNS.map((column) => [column.header, column]))

/**
 * Reads every data row of the first sheet into a form. Each cell's problems and each form field's problems are
 * reported with the row number and the column's header; rows with problems give no form.
 */
export async function readPostingsWorkbook(bytes: Buffer): Promise<{ forms: Array<{ row: number; form: PostingForm; code: string | null }>; problems: ImportProblem[] }> {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch {
    return { forms: [], problems: [{ row: 0, column: '', message: 'Excel（.xlsx）ファイルとして読み込めませんでした。' }] }
  }
  const sheet = workbook.getWorksheet(SHEET) ?? workbook.worksheets[0]
  if (!sheet) return { forms: [], problems: [{ row: 0, column: '', message: 'シートがありません。' }] }
  const headers = new Map<number, Column>()
  const unknownHeaders: string[] = []
  sheet.getRow(1).eachCell((cell, columnNumber) => {
    const header = String(cellValue(cell.value) ?? '').trim()
    const column = HEADER_TO_COLUMN.get(header)
    if (column) headers.set(columnNumber, column)
    else if (header) unknownHeaders.push(header)
  })
  const problems: ImportProblem[] = unknownHeaders.map((header) => ({ row: 1, column: header, message: `「${header}」という列は様式にありません。` }))
  const missing = COLUMNS.filter((column) => !column.readOnly && !column.internal && ![...headers.values()].includes(column))
  for (const column of missing) problems.push({ row: 1, column: column.header, message: `「${column.header}」の列がありません。出力した様式をもとに作成してください。` })
  if (problems.length > 0) return { forms: [], problems }

  const forms: Array<{ row: number; form: PostingForm; code: string | null }> = []
  const headerByField = new Map<string, string>(COLUMNS.map((column) => [column.key, column.header]))
  headerByField.set('bidRestriction', '入札制限の規定例')
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return
    const raw: Record<string, unknown> = {}
    let code: string | null = null
    let empty = true
    const rowProblems: ImportProblem[] = []
    for (const [columnNumber, column] of headers) {
      const value = cellValue(row.getCell(columnNumber).value)
      if (value === null) continue
      if (column.key === 'code') code = String(value)
      if (column.readOnly) continue
      empty = false
      try {
        column.read?.(value, raw)
      } catch (error) {
        rowProblems.push({ row: rowNumber, column: column.header, message: (error as Error).message })
      }
    }
    if (empty) return
    const parsed = PostingForm.safeParse(raw)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '')
        const header = headerByField.get(field) ?? (field || '（行全体）')
        const where = issue.path.length > 1 ? `（${issue.path.slice(1).join('.')}）` : ''
        rowProblems.push({ row: rowNumber, column: header + where, message: issue.message })
      }
    }
    if (rowProblems.length > 0 || !parsed.success) problems.push(...rowProblems)
    else forms.push({ row: rowNumber, form: normalizePostingForm(parsed.data), code })
  })
  if (forms.length === 0 && problems.length === 0) problems.push({ row: 2, column: '', message: '取り込む行がありません。' })
  return { forms, problems }
}
