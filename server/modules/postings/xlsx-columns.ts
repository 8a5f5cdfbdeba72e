/**
 * The columns of the posting workbook, in the 標準募集様式's field order (手順書 参考4.4-⑭), and how each reads and
 * writes the form. A posting takes one row; what it lists (取組分野, conditions, 選考方法, 共同任用, 入札制限) takes
 * one row per entry below it, in that list's own columns, so every cell holds one value a person can type or pick.
 */
import { MAX_ALTERNATIVES, type Criterion, type CriterionAlternative, type PostingForm } from '#shared/domain/postings/form'
import { postingStateLabels, type PostingState } from '#shared/domain/postings/workflow'
import { findTemplate, type ParameterSpec } from '../bid-restrictions/rules/index.ts'
import { lists, notInList, NO, YES, type ChoiceList } from './xlsx-lists.ts'

export type Cell = string | number | null

export interface ExportRow {
  id: string
  state: PostingState
  municipality: { code: string; name: string; prefectureName: string; population: number | null }
  forwardedOn: string | null
  form: PostingForm
}

/** A column holding one value per posting, on the posting's first row. */
export interface Field {
  key: string
  header: string
  width: number
  /** Part of the posting record but not of the form: written on export, ignored on import. */
  readOnly?: boolean
  /** The municipality's internal budget (非公開): left out of an export for readers outside it and its prefecture, optional on import. */
  internal?: boolean
  list?: ChoiceList
  /** Shown as the header cell's note. */
  hint?: string
  write: (row: ExportRow) => Cell
  /** Reads the cell into the raw form object; throws a Japanese message for a cell it cannot read. */
  read?: (cell: Cell, raw: Record<string, unknown>) => void
}

export interface GroupColumn {
  key: string
  header: string
  width: number
  list?: ChoiceList
  hint?: string
}

/** One row of a list: its row number in the sheet and its cells by column key. */
export interface GroupEntry {
  row: number
  cells: Map<string, Cell>
}

export type Report = (row: number, columnKey: string, message: string) => void

/** Columns holding a list, one entry per row from the posting's first row down. */
export interface Group {
  key: string
  columns: GroupColumn[]
  write: (row: ExportRow) => Cell[][]
  read: (entries: GroupEntry[], raw: Record<string, unknown>, report: Report) => void
}

export type Slot = Field | Group
export const isGroup = (slot: Slot): slot is Group => 'columns' in slot

/** The id a cell's label stands for; an unknown label is reported with the allowed ones. */
function pick(entry: GroupEntry, key: string, list: ChoiceList, report: Report): string | undefined {
  const value = entry.cells.get(key)
  if (value === null || value === undefined) return undefined
  const id = list.idOf(String(value))
  if (id === undefined) report(entry.row, key, notInList(String(value), list))
  return id
}

function numberOf(entry: GroupEntry, key: string, what: string, report: Report): number | null {
  const value = entry.cells.get(key)
  if (value === null || value === undefined) return null
  const number = typeof value === 'number' ? value : Number(String(value).replace(/[年,]/g, ''))
  if (!Number.isFinite(number)) {
    report(entry.row, key, `${what}は数値で入力してください。`)
    return null
  }
  return number
}

const text = (key: Extract<keyof PostingForm, string>, header: string, width: number): Field => ({
  key,
  header,
  width,
  write: (row) => (row.form[key] as string | null) ?? null,
  read: (cell, raw) => {
    if (cell !== null) raw[key] = String(cell)
  },
})

const numberCell = (key: Extract<keyof PostingForm, string>, header: string, width: number, what: string): Field => ({
  key,
  header,
  width,
  write: (row) => (row.form[key] as number | null) ?? null,
  read: (cell, raw) => {
    if (cell === null) return
    const value = typeof cell === 'number' ? cell : Number(String(cell).replace(/[,円人日時間]/g, ''))
    if (!Number.isFinite(value)) throw new Error(`${what}は数値で入力してください。`)
    raw[key] = value
  },
})

const choiceCell = (key: Extract<keyof PostingForm, string>, header: string, width: number, list: ChoiceList): Field => ({
  key,
  header,
  width,
  list,
  write: (row) => {
    const value = row.form[key] as string | null
    return value === null ? null : list.labelOf(value)
  },
  read: (cell, raw) => {
    if (cell === null) return
    const id = list.idOf(String(cell))
    if (id === undefined) throw new Error(notInList(String(cell), list))
    raw[key] = id
  },
})

const flagCell = (key: Extract<keyof PostingForm, string>, header: string, width: number): Field => ({
  key,
  header,
  width,
  list: lists.yesNo,
  write: (row) => {
    const value = row.form[key] as boolean | null
    return value === null ? null : value ? YES : NO
  },
  read: (cell, raw) => {
    if (cell === null) return
    const id = lists.yesNo.idOf(String(cell))
    if (id === undefined) throw new Error(notInList(String(cell), lists.yesNo))
    raw[key] = id === 'true'
  },
})

/** A date typed into Excel is stored as days since 1899-12-30 (the 1900 date system). */
function excelDate(serial: number): string {
  return new Date(Math.round((serial - 25569) * 86_400_000)).toISOString().slice(0, 10)
}

const dateCell = (key: Extract<keyof PostingForm, string>, header: string, what: string): Field => ({
  key,
  header,
  width: 12,
  hint: 'YYYY-MM-DD（例: 2026-04-01）。Excel の日付でも読めます。',
  write: (row) => (row.form[key] as string | null) ?? null,
  read: (cell, raw) => {
    if (cell === null) return
    const value = typeof cell === 'number' ? excelDate(cell) : String(cell)
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new Error(`${what}は YYYY-MM-DD の形で入力してください（例: 2026-04-01）。`)
    raw[key] = value
  },
})

const dutyAreas: Group = {
  key: 'dutyAreas',
  columns: [
    { key: 'dutyArea', header: '取組分野', width: 26, list: lists.dxArea, hint: '1行に1つ。2つ目からは下の行に続けて書きます。' },
    { key: 'involvement', header: '関わり方', width: 16, list: lists.involvement },
  ],
  write: (row) => row.form.dutyAreas.map((duty) => [lists.dxArea.labelOf(duty.area), lists.involvement.labelOf(duty.involvement)]),
  read: (entries, raw, report) => {
    raw.dutyAreas = entries.map((entry) => {
      const area = pick(entry, 'dutyArea', lists.dxArea, report)
      const involvement = pick(entry, 'involvement', lists.involvement, report)
      if (!entry.cells.get('dutyArea')) report(entry.row, 'dutyArea', '取組分野を選んでください。')
      if (!entry.cells.get('involvement')) report(entry.row, 'involvement', '関わり方を選んでください。')
      return { area, involvement }
    })
  },
}

// Conditions: one row per named item (職種, 資格, 経験, 外部人材リスト); the rows of one condition share its 条件番号, and rows of
// different kinds under one number make an any-of condition (手順書 参考4.4-④: a level, or one of the certifications).
const CRITERION_COLUMNS: GroupColumn[] = [
  {
    key: 'criterionNo',
    header: '条件番号',
    width: 8,
    hint: '同じ番号の行は1つの条件です。番号が同じで種類の違う行は「いずれか」を満たせばよい条件になります。',
  },
  { key: 'importance', header: '重要度', width: 8, list: lists.importance },
  { key: 'criterionKind', header: '条件の種類', width: 22, list: lists.criterionKind },
  {
    key: 'jobType',
    header: '職種（スキル標準）',
    width: 26,
    list: lists.jobType,
    hint: '種類が「スキルレベル」の行に。同じ番号・同じレベルの行はそのいずれかの職種で満たせます。',
  },
  { key: 'level', header: 'レベル', width: 7, list: lists.level },
  { key: 'certification', header: '資格', width: 28, list: lists.certification, hint: '種類が「資格」の行に。同じ番号の資格はいずれか1つで満たせます。' },
  { key: 'experienceKind', header: '経験の種類', width: 30, list: lists.experienceKind },
  { key: 'minYears', header: '経験年数（以上）', width: 9 },
  {
    key: 'listingRole',
    header: '外部人材リストの人材像',
    width: 22,
    list: lists.listingRole,
    hint: '種類が「総務省 外部人材リスト」の行に。空欄はどの人材像での選定でも満たせます。',
  },
  { key: 'criterionNote', header: '条件の補足', width: 20 },
]

function alternativeRows(alternative: CriterionAlternative): Cell[][] {
  const kind = lists.criterionKind.labelOf(alternative.kind)
  switch (alternative.kind) {
    case 'job_type_level':
      return alternative.jobTypeIds.map((id) => [kind, lists.jobType.labelOf(id), alternative.minLevel, null, null, null, null])
    case 'certification':
      return alternative.certificationIds.map((id) => [kind, null, null, lists.certification.labelOf(id), null, null, null])
    case 'experience':
      return [[kind, null, null, null, lists.experienceKind.labelOf(alternative.experienceKind), alternative.minYears, null]]
    case 'local_government_experience':
      return [[kind, null, null, null, null, alternative.minYears, null]]
    case 'ministry_listing':
      return [[kind, null, null, null, null, null, alternative.roleId === null ? null : lists.listingRole.labelOf(alternative.roleId)]]
  }
}

function criterionRows(criterion: Criterion, number: number): Cell[][] {
  const alternatives = criterion.kind === 'any_of' ? criterion.alternatives : [criterion]
  const importance = lists.importance.labelOf(criterion.importance)
  return alternatives.flatMap(alternativeRows).map((cells, index) => [number, importance, ...cells, index === 0 ? criterion.note : null])
}

/** The alternative an item row adds to: items of one kind (and level) under one number are one alternative. */
function addItem(alternatives: Record<string, unknown>[], entry: GroupEntry, report: Report): void {
  const kind = pick(entry, 'criterionKind', lists.criterionKind, report)
  if (!entry.cells.get('criterionKind')) return report(entry.row, 'criterionKind', '条件の種類を選んでください。')
  const years = numberOf(entry, 'minYears', '経験年数', report)
  switch (kind) {
    case 'job_type_level': {
      const jobType = pick(entry, 'jobType', lists.jobType, report)
      const level = pick(entry, 'level', lists.level, report)
      if (!entry.cells.get('jobType')) report(entry.row, 'jobType', '職種を選んでください。')
      if (!entry.cells.get('level')) report(entry.row, 'level', 'レベルを選んでください。')
      if (!jobType || !level) return
      const same = alternatives.find((alternative) => alternative.kind === kind && alternative.minLevel === Number(level))
      if (same) (same.jobTypeIds as string[]).push(jobType)
      else alternatives.push({ kind, jobTypeIds: [jobType], minLevel: Number(level) })
      return
    }
    case 'certification': {
      const certification = pick(entry, 'certification', lists.certification, report)
      if (!entry.cells.get('certification')) report(entry.row, 'certification', '資格を選んでください。')
      if (!certification) return
      const same = alternatives.find((alternative) => alternative.kind === kind)
      if (same) (same.certificationIds as string[]).push(certification)
      else alternatives.push({ kind, certificationIds: [certification] })
      return
    }
    case 'experience': {
      const experienceKind = pick(entry, 'experienceKind', lists.experienceKind, report)
      if (!entry.cells.get('experienceKind')) report(entry.row, 'experienceKind', '経験の種類を選んでください。')
      if (experienceKind) alternatives.push({ kind, experienceKind, minYears: years })
      return
    }
    case 'local_government_experience':
      alternatives.push({ kind, minYears: years })
      return
    case 'ministry_listing': {
      const roleId = entry.cells.get('listingRole') ? pick(entry, 'listingRole', lists.listingRole, report) : null
      if (roleId !== undefined) alternatives.push({ kind, roleId })
      return
    }
  }
}

const criteria: Group = {
  key: 'criteria',
  columns: CRITERION_COLUMNS,
  write: (row) => row.form.criteria.flatMap((criterion, index) => criterionRows(criterion, index + 1)),
  read: (entries, raw, report) => {
    const groups = new Map<string, GroupEntry[]>()
    entries.forEach((entry, index) => {
      const number = entry.cells.get('criterionNo')
      const key = number === null || number === undefined ? `row:${index}` : String(number)
      groups.set(key, [...(groups.get(key) ?? []), entry])
    })
    raw.criteria = [...groups.values()].map((rows) => {
      const importances = new Set(rows.map((entry) => pick(entry, 'importance', lists.importance, report)).filter(Boolean))
      if (importances.size === 0) report(rows[0]!.row, 'importance', '重要度（必須か歓迎か）を選んでください。')
      if (importances.size > 1) report(rows[0]!.row, 'importance', '同じ条件番号の行は同じ重要度にしてください。')
      const alternatives: Record<string, unknown>[] = []
      for (const entry of rows) addItem(alternatives, entry, report)
      if (alternatives.length > MAX_ALTERNATIVES) report(rows[0]!.row, 'criterionNo', `1つの条件番号にまとめられる選択肢は${MAX_ALTERNATIVES}件までです。`)
      const note = rows.map((entry) => entry.cells.get('criterionNote')).find((value) => value !== null && value !== undefined)
      const importance = [...importances][0]
      const noteText = note === undefined || note === null ? null : String(note)
      return alternatives.length === 1 ? { ...alternatives[0], importance, note: noteText } : { kind: 'any_of', importance, alternatives, note: noteText }
    })
  },
}

const selectionSteps: Group = {
  key: 'selectionSteps',
  columns: [{ key: 'selectionStep', header: '選考方法', width: 18, list: lists.selectionStep, hint: '1行に1つ。' }],
  write: (row) => row.form.selectionSteps.map((step) => [lists.selectionStep.labelOf(step)]),
  read: (entries, raw, report) => {
    raw.selectionSteps = entries.map((entry) => pick(entry, 'selectionStep', lists.selectionStep, report))
  },
}

const jointAppointments: Group = {
  key: 'jointAppointmentCodes',
  columns: [
    { key: 'jointAppointmentCode', header: '共同任用の団体コード', width: 14, hint: '共同で任用する他の団体の全国地方公共団体コード（6桁）。1行に1つ。' },
  ],
  write: (row) => row.form.jointAppointmentCodes.map((code) => [code]),
  read: (entries, raw) => {
    raw.jointAppointmentCodes = entries.map((entry) => String(entry.cells.get('jointAppointmentCode')))
  },
}

// 入札制限 (手順書 §4.4(4)): a chosen template per row, or one of its settings; a setting that is a set takes one row
// per member.
function settingCells(spec: ParameterSpec, value: unknown): Cell[] {
  if (spec.kind === 'set') {
    const members = value as string[]
    return members.length === 0 ? [null] : members.map((member) => spec.allowed[member] ?? member)
  }
  if (spec.kind === 'boolean') return [value ? YES : NO]
  if (spec.kind === 'choice') return [spec.allowed[value as string] ?? String(value)]
  return [value as number]
}

function readSetting(spec: ParameterSpec, cell: Cell, current: unknown, fail: (message: string) => void): unknown {
  const allowedValues = (allowed: Record<string, string>) => Object.values(allowed).join('、')
  const member = (allowed: Record<string, string>) => {
    const found = Object.entries(allowed).find(([id, label]) => label === String(cell) || id === String(cell))
    if (!found) fail(`「${cell}」は「${spec.label}」に選べません。次のいずれかを書いてください: ${allowedValues(allowed)}`)
    return found?.[0]
  }
  switch (spec.kind) {
    case 'set': {
      const members = Array.isArray(current) ? (current as string[]) : []
      const id = cell === null ? undefined : member(spec.allowed)
      return id ? [...members, id] : members
    }
    case 'choice':
      return cell === null ? current : member(spec.allowed)
    case 'boolean':
      if (cell === null) return current
      if (cell === YES || cell === NO) return cell === YES
      return fail(`「${spec.label}」は「${YES}」か「${NO}」で書いてください。`)
    case 'integer': {
      if (cell === null) return current
      const number = typeof cell === 'number' ? cell : Number(String(cell).replace(/年/g, ''))
      if (!Number.isInteger(number)) return fail(`「${spec.label}」は${spec.min}〜${spec.max}の整数（${spec.unit}）で書いてください。`)
      return number
    }
  }
}

const bidRestriction: Group = {
  key: 'bidRestriction',
  columns: [
    {
      key: 'bidTemplate',
      header: '入札制限の規定例',
      width: 30,
      list: lists.bidTemplate,
      hint: '付ける規定例を1行に1つ。設定を変えるときは同じ規定例の行に設定項目と設定値を書きます。',
    },
    { key: 'bidParameter', header: '入札制限の設定項目', width: 22, list: lists.bidParameter },
    { key: 'bidValue', header: '入札制限の設定値', width: 22, hint: '年数、「はい」「いいえ」、または選択肢の名前（複数選ぶ項目は1行に1つ）。' },
  ],
  write: (row) => {
    const { templateIds, params } = row.form.bidRestriction
    return templateIds.flatMap((templateId) => {
      const label = lists.bidTemplate.labelOf(templateId)
      const own = params[templateId] ?? {}
      const specs = (findTemplate(templateId)?.parameters ?? []).filter((spec) => Object.hasOwn(own, spec.key))
      if (specs.length === 0) return [[label, null, null]]
      return specs.flatMap((spec) => settingCells(spec, own[spec.key]).map((value): Cell[] => [label, spec.label, value]))
    })
  },
  read: (entries, raw, report) => {
    const templateIds: string[] = []
    const params: Record<string, Record<string, unknown>> = {}
    for (const entry of entries) {
      const templateId = pick(entry, 'bidTemplate', lists.bidTemplate, report)
      if (!entry.cells.get('bidTemplate')) {
        report(entry.row, 'bidTemplate', '入札制限の規定例を選んでください。')
        continue
      }
      if (!templateId) continue
      if (!templateIds.includes(templateId)) templateIds.push(templateId)
      const parameter = entry.cells.get('bidParameter')
      if (parameter === null || parameter === undefined) continue
      const specs = findTemplate(templateId)?.parameters ?? []
      const spec = specs.find((candidate) => candidate.label === String(parameter))
      if (!spec) {
        const allowed = specs.map((candidate) => candidate.label).join('、') || '（設定項目はありません）'
        report(entry.row, 'bidParameter', `「${parameter}」はこの規定例の設定項目ではありません。次のいずれかを選んでください: ${allowed}`)
        continue
      }
      const own = (params[templateId] ??= {})
      const value = readSetting(spec, entry.cells.get('bidValue') ?? null, own[spec.key], (message) => report(entry.row, 'bidValue', message))
      if (value !== undefined) own[spec.key] = value
    }
    raw.bidRestriction = { ...(raw.bidRestriction as object | undefined), templateIds, params }
  },
}

const bidRestrictionNote: Field = {
  key: 'bidRestrictionNote',
  header: '入札制限の補足',
  width: 20,
  write: (row) => row.form.bidRestriction.note,
  read: (cell, raw) => {
    if (cell !== null) raw.bidRestriction = { ...(raw.bidRestriction as object | undefined), note: String(cell) }
  },
}

/** 整理番号: starts a posting's rows; rows below it without one continue the same posting. */
export const ROW_NUMBER = 'rowNumber'

export const SLOTS: Slot[] = [
  // Written by the workbook (the posting's position) and read by it to find where each posting's rows start.
  {
    key: ROW_NUMBER,
    header: '整理番号',
    width: 8,
    hint: '募集ごとに振る番号です。空欄の行は上の募集の続き（取組分野・条件などの2つ目以降）になります。',
    write: () => null,
  },
  { key: 'id', header: '募集ID', width: 38, readOnly: true, write: (row) => row.id },
  { key: 'state', header: '状態', width: 14, readOnly: true, write: (row) => postingStateLabels[row.state] },
  { key: 'code', header: '団体コード', width: 11, readOnly: true, write: (row) => row.municipality.code },
  { key: 'prefecture', header: '都道府県', width: 10, readOnly: true, list: lists.prefecture, write: (row) => row.municipality.prefectureName },
  { key: 'name', header: '市区町村名', width: 14, readOnly: true, write: (row) => row.municipality.name },
  { key: 'population', header: '人口', width: 10, readOnly: true, write: (row) => row.municipality.population },
  { key: 'forwardedOn', header: '国への送付日', width: 12, readOnly: true, write: (row) => row.forwardedOn },
  text('department', '担当部署', 18),
  text('contactName', '担当者名', 12),
  text('contactEmail', '問合せ先メール', 24),
  text('contactPhone', '問合せ先電話', 14),
  text('title', '募集ポスト（役職名）', 20),
  choiceCell('roleId', '人材像', 26, lists.role),
  text('roleLabel', '人材像（その他の名称）', 16),
  dutyAreas,
  text('dutyDescription', '期待する役割・業務内容', 40),
  criteria,
  choiceCell('appointmentForm', '任用形態', 20, lists.appointmentForm),
  text('appointmentFormNote', '任用形態の補足', 18),
  choiceCell('workDaysPer', '勤務日数の単位（週/月）', 10, lists.workDaysPer),
  numberCell('workDays', '勤務日数', 8, '勤務日数'),
  numberCell('hoursPerDay', '1日の勤務時間', 8, '1日の勤務時間'),
  text('workHoursNote', '勤務時間の補足', 18),
  flagCell('remoteAllowed', 'リモート勤務可', 9),
  text('onSiteFrequency', '出勤（来庁）の頻度', 16),
  flagCell('sideJobAllowed', '副業・兼業可', 9),
  text('workplace', '勤務地', 18),
  numberCell('payAmount', '報酬額（円）', 12, '報酬額'),
  choiceCell('payUnit', '報酬の単位', 9, lists.payUnit),
  text('payNote', '報酬の補足', 18),
  flagCell('travelCostsPaid', '旅費支給', 9),
  dateCell('termStartsOn', '任期開始日', '任期開始日'),
  dateCell('termEndsOn', '任期終了日', '任期終了日'),
  flagCell('renewable', '更新あり', 9),
  text('renewalNote', '更新の条件', 16),
  numberCell('openings', '募集人数', 8, '募集人数'),
  dateCell('applicationStartsOn', '募集開始日', '募集開始日'),
  dateCell('applicationEndsOn', '応募締切日', '応募締切日'),
  selectionSteps,
  text('howToApply', '応募方法', 30),
  text('applicationUrl', '募集ページURL', 24),
  jointAppointments,
  bidRestriction,
  bidRestrictionNote,
  text('freeText', 'その他（自由記述）', 30),
  { ...numberCell('budgetAnnualCost', '年間の任用等経費（予算・円）', 14, '年間の任用等経費'), internal: true },
  { ...numberCell('budgetRecruitmentCost', '募集経費（予算・円）', 14, '募集経費'), internal: true },
]

export type Column = (Field & { group?: undefined }) | (GroupColumn & { group: Group; readOnly?: undefined; internal?: undefined })

/** Every column in sheet order: a field is one column, a group its own columns side by side. */
export const COLUMNS: Column[] = SLOTS.flatMap((slot): Column[] => (isGroup(slot) ? slot.columns.map((column) => ({ ...column, group: slot })) : [slot]))
export const COLUMN_NUMBER = new Map(COLUMNS.map((column, index) => [column.key, index + 1]))

export function letterOf(columnNumber: number): string {
  let letters = ''
  for (let rest = columnNumber; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters
  return letters
}

/** 「任用形態（T列）」: how a problem names its column. */
export function columnName(column: Pick<Column, 'key' | 'header'>): string {
  return `${column.header}（${letterOf(COLUMN_NUMBER.get(column.key)!)}列）`
}

const HEADER_BY_FIELD = new Map<string, string>([
  ...SLOTS.map((slot): [string, string] => {
    const first = isGroup(slot) ? slot.columns[0]! : slot
    return [slot.key, columnName(first)]
  }),
])

/** The column a form problem's path (e.g. `criteria.2.jobTypeIds.0`, `applicationEndsOn`) belongs to. */
export function columnOfPath(path: string): string {
  return HEADER_BY_FIELD.get(path.split('.')[0]!) ?? path
}
