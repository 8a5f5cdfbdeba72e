/**
 * The 入札制限 rule templates as data (手順書 参考4.4-⑦⑧⑨): what each rule means in plain Japanese, where it is written,
 * and the parameters a municipality may set, with defaults and bounds. Numbers such as "2 years" are parameters,
 * so a municipality's own wording becomes data, not code.
 */
import type { RelatedScope } from './groups.ts'
import type { EmploymentRelationship, ProcurementCategory, ProcurementRole, RuleConfig, RuleTemplateId } from './facts.ts'

export const procurementCategoryLabels: Record<ProcurementCategory, string> = {
  design_development: '設計・開発',
  operation_maintenance: '運用・保守',
  audit: '監査',
  equipment_software: '機器・ソフトウェア',
  other: 'その他の情報システム調達',
}

export const employmentRelationshipLabels: Record<EmploymentRelationship, string> = {
  employee: '従業員',
  officer: '役員',
  secondee: '出向・派遣',
  side_job: '兼業',
  owner: '出資者・経営者',
}

export const procurementRoleLabels: Record<ProcurementRole, string> = {
  advises: '助言',
  drafts_spec: '仕様書作成',
  evaluates: '審査・評価',
  supervises: '管理・監督',
}

export const relatedScopeLabels: Record<RelatedScope, string> = {
  group_and_related: '連結グループと関連事業者として登録した法人',
  related_only: '関連事業者として登録した法人のみ',
}

/** The typed parameters of each template, after defaults are filled in. */
export interface RuleParameters {
  A1: { categories: ProcurementCategory[] }
  A2: { yearsAfter: number; categories: ProcurementCategory[] }
  B1: { tenureYears: number; relationships: EmploymentRelationship[] }
  B2: { lookbackYears: number; relatedScope: RelatedScope; triggerRoles: ProcurementRole[]; relationships: EmploymentRelationship[] }
  C1: { includesEvaluation: boolean; relationships: EmploymentRelationship[] }
  C2: Record<string, never>
  D: { staffRoles: ProcurementRole[]; relationships: EmploymentRelationship[] }
  G_i: Record<string, never>
  G_ro: { categories: ProcurementCategory[] }
}

interface ParameterBase {
  key: string
  /** Japanese label shown in the rule-set editor. */
  label: string
}

/** One parameter with its default and documented bounds. */
export type ParameterSpec =
  | (ParameterBase & { kind: 'integer'; default: number; min: number; max: number; unit: '年' })
  | (ParameterBase & { kind: 'boolean'; default: boolean })
  | (ParameterBase & { kind: 'choice'; default: string; allowed: Record<string, string> })
  | (ParameterBase & { kind: 'set'; default: string[]; allowed: Record<string, string> })

export interface RuleTemplate {
  id: RuleTemplateId
  /** A — 期間, B — 関係, C — 行為 (参考4.4-⑦); D — デジタル庁 (⑨); G — 標準ガイドライン (⑧). */
  family: 'A' | 'B' | 'C' | 'D' | 'G'
  name: string
  /** Plain Japanese for users. */
  description: string
  /** Citation shown with every finding. */
  source: string
  /** Short clause for one-line reasons, e.g. 参考4.4-⑦B②. */
  clause: string
  /** Where the rule is attached: a 業務委託/派遣 contract, an appointment, or the procurement itself. */
  attachesTo: 'contract' | 'appointment' | 'procurement'
  /** A rule on bids (decideBid) or on the appointee's acts (decideAct). */
  governs: 'bid' | 'act'
  /** catalog status: C = confirmed in the seed; the parts that are our reading are listed in `unconfirmed`. */
  status: 'confirmed'
  unconfirmed: string[]
  parameters: ParameterSpec[]
}

const SOURCE = '総務省 自治体DX全体手順書'

const allRelationships: ParameterSpec = {
  key: 'relationships',
  label: '対象とする法人との関係',
  kind: 'set',
  default: ['employee', 'officer', 'secondee', 'side_job', 'owner'],
  allowed: employmentRelationshipLabels,
}

export const ruleTemplates: readonly RuleTemplate[] = [
  {
    id: 'A1',
    family: 'A',
    name: '契約履行中の受託事業者の入札制限',
    description:
      '本市と業務委託または人材派遣の契約を結んでいる事業者は、その契約を履行している間、指定した種類の情報システム調達（開発・運用保守・機器やソフトウェアの購入など）に入札できません。',
    source: `${SOURCE} 参考4.4-⑦ A①`,
    clause: '参考4.4-⑦A①',
    attachesTo: 'contract',
    governs: 'bid',
    status: 'confirmed',
    unconfirmed: [],
    parameters: [
      {
        key: 'categories',
        label: '対象の調達区分',
        kind: 'set',
        default: ['design_development', 'operation_maintenance', 'equipment_software'],
        allowed: procurementCategoryLabels,
      },
    ],
  },
  {
    id: 'A2',
    family: 'A',
    name: '契約期間と完了後一定期間の受託事業者の入札制限',
    description:
      '本市と業務委託または人材派遣の契約を結んだ事業者は、契約期間中と、契約完了の翌日から指定した年数後の同じ日付まで、指定した種類の情報システム調達（設計・開発、運用、監査など）に入札できません。',
    source: `${SOURCE} 参考4.4-⑦ A②`,
    clause: '参考4.4-⑦A②',
    attachesTo: 'contract',
    governs: 'bid',
    status: 'confirmed',
    unconfirmed: [],
    parameters: [
      { key: 'yearsAfter', label: '契約完了後の制限年数', kind: 'integer', default: 2, min: 0, max: 5, unit: '年' },
      {
        key: 'categories',
        label: '対象の調達区分',
        kind: 'set',
        default: ['design_development', 'operation_maintenance', 'audit'],
        allowed: procurementCategoryLabels,
      },
    ],
  },
  {
    id: 'B1',
    family: 'B',
    name: '勤務先・長期勤務先とその連結グループからの調達禁止',
    description:
      '任用期間中、本市は、任用者が現在勤めている法人、通算して指定の年数以上勤めていた法人、そしてそれらと連結決算でつながる法人（親会社・子会社・兄弟会社など）から、情報システムに関する調達を一切行いません。',
    source: `${SOURCE} 参考4.4-⑦ B①`,
    clause: '参考4.4-⑦B①',
    attachesTo: 'appointment',
    governs: 'bid',
    status: 'confirmed',
    unconfirmed: [
      '適用期間は原文に書かれていないため、任用期間（初日から末日まで）としています（要確認）。',
      '原文の「連絡決算」は「連結決算」の誤記として扱っています。',
    ],
    parameters: [{ key: 'tenureYears', label: '長期勤務とみなす通算年数', kind: 'integer', default: 10, min: 1, max: 20, unit: '年' }, allRelationships],
  },
  {
    id: 'B2',
    family: 'B',
    name: '現在・過去の所属先と関連事業者の入札制限（助言する調達）',
    description:
      '任用者が現在属している事業者と、任用の初日からさかのぼって指定の年数以内に属していた事業者、そしてそれらの関連事業者は、任用期間中、任用者が助言などで関わる調達案件に入札できません。',
    source: `${SOURCE} 参考4.4-⑦ B②`,
    clause: '参考4.4-⑦B②',
    attachesTo: 'appointment',
    governs: 'bid',
    status: 'confirmed',
    unconfirmed: [
      '「過去2年内」の起点は原文に書かれていないため、任用の初日としています（要確認）。',
      '「関連事業者」は原文に定義がないため、既定では連結グループと関連事業者として登録した法人としています（要確認）。',
    ],
    parameters: [
      { key: 'lookbackYears', label: 'さかのぼる年数', kind: 'integer', default: 2, min: 0, max: 5, unit: '年' },
      { key: 'relatedScope', label: '関連事業者の範囲', kind: 'choice', default: 'group_and_related', allowed: relatedScopeLabels },
      {
        key: 'triggerRoles',
        label: '「助言を行う調達案件」とみなす関わり方',
        kind: 'set',
        default: ['advises', 'drafts_spec', 'evaluates', 'supervises'],
        allowed: procurementRoleLabels,
      },
      allRelationships,
    ],
  },
  {
    id: 'C1',
    family: 'C',
    name: '在籍企業が入札しそうな案件での仕様書作成・業者選定の禁止',
    description:
      '在籍企業に籍を置いたまま働くこと自体は、その企業の入札を妨げません。ただし任用期間中、在籍企業が入札に参加すると見込まれる案件について、任用者は仕様書を作ったり、提案の審査・評価を含め業者を選んだりできません。',
    source: `${SOURCE} 参考4.4-⑦ C①`,
    clause: '参考4.4-⑦C①',
    attachesTo: 'appointment',
    governs: 'act',
    status: 'confirmed',
    unconfirmed: [],
    parameters: [
      // 手順書 参考4.4-⑦ C①「業者の選定行為」: evaluating proposals is how a vendor is selected, and 参考4.4-⑨ counts
      // 審査又は評価をする事務に従事する職員 among 関係職員; so evaluation is blocked unless a municipality says otherwise.
      { key: 'includesEvaluation', label: '提案の審査・評価も業者選定として禁止する', kind: 'boolean', default: true },
      allRelationships,
    ],
  },
  {
    id: 'C2',
    family: 'C',
    name: '派遣元企業に関する許認可・契約事務の禁止',
    description: '企業から派遣されている人は、派遣期間中、派遣元企業に対する許認可などの申請の処理や、派遣元企業との契約に関する事務を担当できません。',
    source: `${SOURCE} 参考4.4-⑦ C②`,
    clause: '参考4.4-⑦C②',
    attachesTo: 'appointment',
    governs: 'act',
    status: 'confirmed',
    unconfirmed: [],
    parameters: [],
  },
  {
    id: 'D',
    family: 'D',
    name: '関係職員の兼業先とその親会社・子会社の入札制限（デジタル庁の規程）',
    description:
      '調達案件の仕様書作成、審査・評価、またはその管理・監督に関わる人（関係職員）の兼業先と、その親会社・子会社の入札は無効になります（兄弟会社は対象外）。ただし、その法人は条件を満たせば、案件ごとに適用除外を申請できます。',
    source: `${SOURCE} 参考4.4-⑨（デジタル庁における入札制限等に関する規程）`,
    clause: '参考4.4-⑨',
    attachesTo: 'appointment',
    governs: 'bid',
    status: 'confirmed',
    unconfirmed: ['国の規程を自治体の任用に当てはめたものです。適用期間は任用期間とし、兼業先は任用の初日から判定日までに関係のあった法人としています。'],
    parameters: [
      {
        key: 'staffRoles',
        label: '関係職員とみなす関わり方',
        kind: 'set',
        default: ['drafts_spec', 'evaluates', 'supervises'],
        allowed: procurementRoleLabels,
      },
      allRelationships,
    ],
  },
  {
    id: 'G_i',
    family: 'G',
    name: '調達仕様書の作成に直接関与した事業者の入札制限',
    description: 'ある調達の仕様書づくりに直接関わった事業者は、その調達に入札できません。ただし、競争上まったく有利にならないと認められた場合は除きます。',
    source: `${SOURCE} 参考4.4-⑧（標準ガイドライン 第3編第6章 2.1)ク b) イ)）`,
    clause: '参考4.4-⑧イ',
    attachesTo: 'procurement',
    governs: 'bid',
    status: 'confirmed',
    unconfirmed: [],
    parameters: [],
  },
  {
    id: 'G_ro',
    family: 'G',
    name: 'プロジェクト管理支援事業者の入札制限',
    description:
      'プロジェクトの管理を支援する事業者（PMO支援事業者）は、相互けん制のため、自分が管理を支援している情報システムの設計・開発を含む調達に入札できません。',
    source: `${SOURCE} 参考4.4-⑧（標準ガイドライン 第3編第6章 2.1)ク b) ロ)）`,
    clause: '参考4.4-⑧ロ',
    attachesTo: 'procurement',
    governs: 'bid',
    status: 'confirmed',
    unconfirmed: [],
    parameters: [{ key: 'categories', label: '対象の調達区分', kind: 'set', default: ['design_development'], allowed: procurementCategoryLabels }],
  },
]

/** The template with this id, or undefined for an unknown id. */
export function findTemplate(templateId: string): RuleTemplate | undefined {
  return ruleTemplates.find((template) => template.id === templateId)
}

/**
 * Checks a rule's parameters against its template: unknown keys, types, bounds and allowed values. Returns
 * Japanese messages, empty when the parameters are fine; missing keys are fine (they take the defaults).
 */
export function validateRuleParameters(templateId: string, params: unknown): string[] {
  const template = findTemplate(templateId)
  if (!template) return [`規則テンプレート「${templateId}」はありません。`]
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    return [`規則${template.id}のパラメータは、項目名と値の組（オブジェクト）で指定してください。`]
  }
  const entries = Object.entries(params)
  const unknownKeys = entries
    .filter(([key]) => !template.parameters.some((spec) => spec.key === key))
    .map(([key]) => `規則${template.id}に「${key}」というパラメータはありません。`)
  const valueErrors = entries.flatMap(([key, value]) => {
    const spec = template.parameters.find((candidate) => candidate.key === key)
    return spec ? parameterErrors(template.id, spec, value) : []
  })
  return [...unknownKeys, ...valueErrors]
}

function parameterErrors(templateId: RuleTemplateId, spec: ParameterSpec, value: unknown): string[] {
  const name = `規則${templateId}の「${spec.label}」（${spec.key}）`
  switch (spec.kind) {
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) && value >= spec.min && value <= spec.max
        ? []
        : [`${name}は${spec.min}以上${spec.max}以下の整数（${spec.unit}）で指定してください。`]
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${name}は true か false で指定してください。`]
    case 'choice':
      return typeof value === 'string' && Object.hasOwn(spec.allowed, value)
        ? []
        : [`${name}は次のいずれかで指定してください: ${Object.keys(spec.allowed).join(', ')}。`]
    case 'set': {
      if (!Array.isArray(value)) return [`${name}は値の一覧（配列）で指定してください。`]
      const values: unknown[] = value
      const errors: string[] = []
      if (values.length === 0) errors.push(`${name}は1つ以上選んでください。`)
      const unknown = values.filter((item) => typeof item !== 'string' || !Object.hasOwn(spec.allowed, item))
      if (unknown.length > 0) errors.push(`${name}に使えない値があります: ${unknown.map(String).join(', ')}。`)
      if (new Set(values).size !== values.length) errors.push(`${name}に同じ値が重複しています。`)
      return errors
    }
  }
}

/**
 * The rule's parameters with defaults filled in. Throws a RangeError listing the Japanese messages when they are
 * invalid: the service validates rule sets when saving them, so an invalid one here is a data fault, not a "no".
 */
export function resolveRuleParameters<T extends RuleTemplateId>(templateId: T, params: RuleConfig['params']): RuleParameters[T] {
  const errors = validateRuleParameters(templateId, params)
  const template = findTemplate(templateId)
  if (errors.length > 0 || !template) throw new RangeError(errors.join(' '))
  const resolved = Object.fromEntries(
    template.parameters.map((spec) => {
      const value = Object.hasOwn(params, spec.key) ? params[spec.key] : spec.default
      return [spec.key, Array.isArray(value) ? [...(value as unknown[])] : value]
    }),
  )
  return resolved as RuleParameters[T]
}

/** The template of a known id (the id type guarantees it exists). */
export function templateOf(templateId: RuleTemplateId): RuleTemplate {
  const template = findTemplate(templateId)
  if (!template) throw new RangeError(`規則テンプレート「${templateId}」はありません。`)
  return template
}
