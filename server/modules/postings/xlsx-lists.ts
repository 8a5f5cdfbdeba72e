/**
 * The drop-down lists of the posting workbook: for each coded field of the 標準募集様式, the Japanese labels a person
 * picks in the spreadsheet and the ids they stand for. A label read back that is not in its list is refused by name.
 */
import {
  alternativeKindLabels,
  appointmentFormLabels,
  criterionImportanceLabels,
  dxAreaLabels,
  involvementLabels,
  payUnitLabels,
  postingRoleLabels,
  selectionStepLabels,
} from '#shared/domain/postings/form'
import { listingRoleLabels } from '#shared/domain/ministry-list/index'
import { prefectureNames } from '#shared/domain/prefectures'
import { experienceKinds, skillStandardCatalog } from '#shared/domain/skill-standard/index'
import { ruleTemplates } from '../bid-restrictions/rules/index.ts'

export interface ChoiceList {
  /** Heading of the list's column on the hidden 選択肢 sheet. */
  name: string
  /** What the drop-down offers, in order. */
  labels: readonly string[]
  idOf(label: string): string | undefined
  labelOf(id: string): string
}

/**
 * A list from (id, label) pairs. `alsoRead` are labels written for stored values that are no longer offered
 * (a discontinued exam): they are exported and read back, but not offered.
 */
function choiceList(name: string, offered: ReadonlyArray<readonly [string, string]>, alsoRead: ReadonlyArray<readonly [string, string]> = []): ChoiceList {
  const all = [...offered, ...alsoRead]
  const byLabel = new Map(all.map(([id, label]) => [label, id]))
  const byId = new Map(all.map(([id, label]) => [id, label]))
  if (byLabel.size !== all.length) throw new Error(`選択肢「${name}」に同じ表示名があります。`)
  return {
    name,
    labels: offered.map(([, label]) => label),
    idOf: (label) => byLabel.get(label) ?? (byId.has(label) ? label : undefined),
    labelOf: (id) => byId.get(id) ?? id,
  }
}

const fromLabels = (name: string, labels: Record<string, string>) => choiceList(name, Object.entries(labels))

/** The message for a value not in its list, naming what may be chosen. */
export function notInList(value: string, list: ChoiceList): string {
  return `「${value}」は選択肢にありません。次のいずれかを選んでください: ${list.labels.join('、')}`
}

export const YES = 'はい'
export const NO = 'いいえ'

const certificationEntries = (current: boolean) =>
  skillStandardCatalog.exams.filter((exam) => exam.isCurrent === current).map((exam) => [exam.id, current ? exam.name : `${exam.name}（旧試験）`] as const)

const templateLabel = (template: (typeof ruleTemplates)[number]) => `${template.name}（${template.clause}）`

export const lists = {
  prefecture: choiceList(
    '都道府県',
    prefectureNames.map((name) => [name, name] as const),
  ),
  role: fromLabels('人材像', postingRoleLabels),
  dxArea: fromLabels('取組分野', dxAreaLabels),
  involvement: fromLabels('関わり方', involvementLabels),
  importance: fromLabels('重要度', criterionImportanceLabels),
  criterionKind: fromLabels('条件の種類', alternativeKindLabels),
  listingRole: fromLabels('外部人材リストの人材像', listingRoleLabels),
  jobType: choiceList(
    '職種',
    skillStandardCatalog.jobTypes.map((jobType) => [jobType.id, `${jobType.framework} ${jobType.name}`] as const),
  ),
  level: choiceList(
    'レベル',
    [1, 2, 3, 4, 5, 6, 7].map((level) => [String(level), String(level)] as const),
  ),
  certification: choiceList(
    '資格',
    [...certificationEntries(true), ...skillStandardCatalog.otherCertifications.map((cert) => [cert.id, cert.name] as const)],
    certificationEntries(false),
  ),
  experienceKind: choiceList(
    '経験の種類',
    experienceKinds.map((kind) => [kind.id, kind.label] as const),
  ),
  appointmentForm: fromLabels('任用形態', appointmentFormLabels),
  workDaysPer: fromLabels('勤務日数の単位', { week: '週', month: '月' }),
  yesNo: fromLabels('はい・いいえ', { true: YES, false: NO }),
  payUnit: fromLabels('報酬の単位', payUnitLabels),
  selectionStep: fromLabels('選考方法', selectionStepLabels),
  bidTemplate: choiceList(
    '入札制限の規定例',
    ruleTemplates.map((template) => [template.id, templateLabel(template)] as const),
  ),
  bidParameter: choiceList(
    '入札制限の設定項目',
    [...new Set(ruleTemplates.flatMap((template) => template.parameters.map((spec) => spec.label)))].map((label) => [label, label] as const),
  ),
} satisfies Record<string, ChoiceList>
