/**
 * `clauseText`: a rule as a municipality publishes it (募集要項, 設置要綱, 仕様書), with its parameters written in:
 * the template's wording says 「過去2年内」 where the municipality chose two years (手順書 参考4.4-⑦ B②), not a
 * placeholder. Invalid parameters fall back to the defaults, as the rules do when a stored clause is out of range.
 */
import type { EmploymentRelationship, ProcurementCategory, ProcurementRole, RuleConfig, RuleTemplateId } from './facts.ts'
import {
  employmentRelationshipLabels,
  findTemplate,
  procurementCategoryLabels,
  procurementRoleLabels,
  resolveRuleParameters,
  templateOf,
  validateRuleParameters,
  type RuleParameters,
} from './templates.ts'

const ALL_RELATIONSHIPS = Object.keys(employmentRelationshipLabels)

const join = (labels: string[]) => labels.join('・')
const categories = (values: ProcurementCategory[]) => join(values.map((value) => procurementCategoryLabels[value]))
const roles = (values: ProcurementRole[]) => join(values.map((value) => procurementRoleLabels[value]))

/** Nothing when every relationship counts (the template's wording); otherwise the ones that do. */
function relationshipsOnly(values: EmploymentRelationship[]): string {
  if (ALL_RELATIONSHIPS.every((value) => values.includes(value as EmploymentRelationship))) return ''
  return `（対象とする法人との関係: ${join(values.map((value) => employmentRelationshipLabels[value]))}）`
}

function params<T extends RuleTemplateId>(templateId: T, raw: RuleConfig['params']): RuleParameters[T] {
  return resolveRuleParameters(templateId, validateRuleParameters(templateId, raw).length === 0 ? raw : {})
}

/** The rule's sentence with its parameters; `undefined` for an unknown template id. */
export function clauseText(templateId: string, raw: RuleConfig['params'] = {}): string | undefined {
  const template = findTemplate(templateId)
  if (!template) return undefined
  switch (template.id) {
    case 'A1': {
      const p = params('A1', raw)
      return `本市と業務委託または人材派遣の契約を結んでいる事業者は、その契約を履行している間、本市の情報システム調達（${categories(p.categories)}）に入札できません。`
    }
    case 'A2': {
      const p = params('A2', raw)
      const period = p.yearsAfter === 0 ? '契約期間中' : `契約期間中と契約完了後${p.yearsAfter}年間`
      return `本市と業務委託または人材派遣の契約を結んだ事業者は、${period}、本市の情報システム調達（${categories(p.categories)}）に入札できません。`
    }
    case 'B1': {
      const p = params('B1', raw)
      return `任用期間中、本市は、任用者と雇用関係にある法人、任用者と${p.tenureYears}年以上雇用関係にあった法人、そしてそれらと連結決算の対象となる法人から、情報システムに関する調達を一切行いません${relationshipsOnly(p.relationships)}。`
    }
    case 'B2': {
      const p = params('B2', raw)
      const members = p.lookbackYears === 0 ? '任用者が現に属する事業者' : `任用者が現に属する又は過去${p.lookbackYears}年内に属していた事業者`
      const related = p.relatedScope === 'related_only' ? '関連事業者として登録した法人' : '関連事業者（連結グループを含む）'
      return `${members}とその${related}は、任用期間中、任用者が${roles(p.triggerRoles)}で関わる調達案件に入札できません${relationshipsOnly(p.relationships)}。`
    }
    case 'C1': {
      const p = params('C1', raw)
      const acts = p.includesEvaluation ? '仕様書の作成や、提案の審査・評価を含む業者の選定' : '仕様書の作成や業者の選定（提案の審査・評価は含めません）'
      return `在籍企業に籍を置いたまま勤務することは、在籍企業の入札を制限しません。ただし任用期間中、在籍企業の入札参加が見込まれる案件について、任用者は${acts}を行えません${relationshipsOnly(p.relationships)}。`
    }
    case 'D': {
      const p = params('D', raw)
      return `調達案件の${roles(p.staffRoles)}に従事する職員（関係職員）の兼業先と、その親会社・子会社の入札は無効になります。その法人は、案件ごとに適用除外を申請できます${relationshipsOnly(p.relationships)}。`
    }
    case 'G_ro': {
      const p = params('G_ro', raw)
      return `プロジェクト管理を支援する事業者（PMO支援事業者）は、その管理の対象となる情報システムの調達（${categories(p.categories)}）に入札できません。`
    }
    case 'C2':
    case 'G_i':
      return templateOf(template.id).description
  }
}
