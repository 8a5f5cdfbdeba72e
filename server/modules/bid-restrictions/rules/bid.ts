/**
 * `decideBid`: may this company bid on this procurement, as of this date? Plain facts in, a decision with one
 * finding per applicable rule out (手順書 参考4.4-⑦⑧⑨). A restriction is an answer, never an exception.
 */
import { addYears, isWithin, type IsoDate } from '#shared/domain/dates'
import type {
  Appointment,
  BidFacts,
  Contract,
  CorporateNumber,
  Employment,
  Exemption,
  ProcurementCategory,
  ProcurementRole,
  RestrictionWindow,
  RuleConfig,
  RuleTemplateId,
} from './facts.ts'
import { byCorporateNumber, consolidatedGroup, parentsAndSubsidiaries, relatedCompanies, type GroupStep, type RelatedScope } from './groups.ts'
import { hasTenureOfYears } from './spells.ts'
import { procurementCategoryLabels, procurementRoleLabels, resolveRuleParameters, ruleTemplates, templateOf, type RuleParameters } from './templates.ts'

export type BidDecisionKind = 'allowed' | 'restricted' | 'restricted_exemptible'

/** Why one rule restricts the bidder. */
export interface BidFinding {
  ruleId: RuleTemplateId
  /** Citation of the clause, e.g. 総務省 自治体DX全体手順書 参考4.4-⑦ B②. */
  ruleSource: string
  /** The appointment (任用) the rule comes from; null for contract and procurement rules. */
  appointmentId: string | null
  /** The 業務委託 / 派遣 contract the rule comes from (A1, A2); null otherwise. */
  contractId: string | null
  /** The company the rule names (employer, 兼業先, contractor, spec drafter, PMO vendor). */
  subjectCorporateNumber: CorporateNumber
  /** Group steps from the bidder to that company; empty when the bidder is the company itself. */
  path: GroupStep[]
  /** The chain in words: 入札者 …, each group step, and what the last company is to the rule. */
  relation: string[]
  /** The period the restriction holds (inclusive). */
  window: RestrictionWindow
  /** True when the bidder may apply for exemption (rule D without a rejected application). */
  exemptible: boolean
  /** One Japanese sentence naming the rule and its dates. */
  reason: string
}

export interface BidDecision {
  /** 'allowed' exactly when findings is empty; 'restricted' when any finding is not exemptible. */
  decision: BidDecisionKind
  findings: BidFinding[]
  notes: string[]
}

/**
 * 入札制限の判定. Applies the rules attached to the municipality's contracts (A1, A2), to the appointments of the
 * procurement's municipality (B1, B2, D; C1 and C2 govern acts, see `decideAct`) and to the procurement (G_i,
 * G_ro). Throws a RangeError only for rule parameters that `validateRuleParameters` rejects.
 */
export function decideBid(facts: BidFacts): BidDecision {
  const context = bidContext(facts)
  const municipality = facts.procurement.municipalityCode
  const outcomes: Outcome[] = [
    ...facts.contracts
      .filter((contract) => contract.municipalityCode === municipality)
      .flatMap((contract) => contract.ruleSet.map((rule) => contractRule(rule, contract, context))),
    ...facts.appointments
      .filter((appointment) => appointment.municipalityCode === municipality)
      .flatMap((appointment) => appointment.ruleSet.map((rule) => appointmentRule(rule, appointment, context))),
    ...facts.procurement.ruleSet.map((rule) => procurementRule(rule, context)),
  ]
  const exempted = applyExemptions(uniqueFindings(outcomes.flatMap((outcome) => outcome.findings)), facts.exemptions, context)
  const findings = [...exempted.findings].sort(byRuleThenOrigin)
  const notes = unique([
    ...(facts.bidder.known
      ? []
      : [`登録されていない法人です（法人番号 ${context.bidder}）。企業グループの関係は分からないため、法人番号が直接一致する規則だけで判定しました。`]),
    ...outcomes.flatMap((outcome) => outcome.notes),
    ...exempted.notes,
  ])
  return { decision: decisionOf(findings), findings, notes }
}

/** 'allowed' exactly when there is no finding; a finding that cannot be exempted beats an exemptible one. */
export function decisionOf(findings: readonly Pick<BidFinding, 'exemptible'>[]): BidDecisionKind {
  if (findings.length === 0) return 'allowed'
  return findings.every((finding) => finding.exemptible) ? 'restricted_exemptible' : 'restricted'
}

interface Outcome {
  findings: BidFinding[]
  notes: string[]
}

const nothing: Outcome = { findings: [], notes: [] }

function found(finding: BidFinding | null): Outcome {
  return finding ? { findings: [finding], notes: [] } : nothing
}

interface BidContext {
  asOf: IsoDate
  bidder: CorporateNumber
  procurement: BidFacts['procurement']
  /** 連結グループ of the bidder, with the path from the bidder. */
  group: Map<CorporateNumber, GroupStep[]>
  /** 親会社・子会社 of the bidder. */
  parentsAndSubsidiaries: Map<CorporateNumber, GroupStep[]>
  /** 関連事業者 of the bidder, per scope. */
  related: Record<RelatedScope, Map<CorporateNumber, GroupStep[]>>
  label: (corporateNumber: CorporateNumber) => string
}

function bidContext(facts: BidFacts): BidContext {
  const { asOf, companyLinks: links } = facts
  const bidder = facts.bidder.corporateNumber
  const names = facts.companyNames ?? {}
  return {
    asOf,
    bidder,
    procurement: facts.procurement,
    group: byCorporateNumber(consolidatedGroup(links, bidder, asOf)),
    parentsAndSubsidiaries: byCorporateNumber(parentsAndSubsidiaries(links, bidder, asOf)),
    related: {
      group_and_related: byCorporateNumber(relatedCompanies(links, bidder, asOf, 'group_and_related')),
      related_only: byCorporateNumber(relatedCompanies(links, bidder, asOf, 'related_only')),
    },
    label: (corporateNumber) => {
      const name = Object.hasOwn(names, corporateNumber) ? names[corporateNumber] : undefined
      return name ? `${name}（${corporateNumber}）` : corporateNumber
    },
  }
}

function misplaced(rule: RuleConfig, where: string): Outcome {
  const template = templateOf(rule.templateId)
  const place = { contract: '業務委託・派遣の契約', appointment: '任用', procurement: '調達案件' }[template.attachesTo]
  return { findings: [], notes: [`${where}の規則セットにある規則${rule.templateId}は${place}に付ける規則のため、ここでは適用していません。`] }
}

function contractRule(rule: RuleConfig, contract: Contract, context: BidContext): Outcome {
  switch (rule.templateId) {
    case 'A1':
      return found(a1Finding(contract, resolveRuleParameters('A1', rule.params), context))
    case 'A2':
      return found(a2Finding(contract, resolveRuleParameters('A2', rule.params), context))
    default:
      return misplaced(rule, `契約${contract.contractId}`)
  }
}

function appointmentRule(rule: RuleConfig, appointment: Appointment, context: BidContext): Outcome {
  switch (rule.templateId) {
    case 'B1':
      return found(b1Finding(appointment, resolveRuleParameters('B1', rule.params), context))
    case 'B2':
      return found(b2Finding(appointment, resolveRuleParameters('B2', rule.params), context))
    case 'D':
      return found(dFinding(appointment, resolveRuleParameters('D', rule.params), context))
    case 'C1':
    case 'C2':
      resolveRuleParameters(rule.templateId, rule.params)
      return nothing // act rules: decideAct
    default:
      return misplaced(rule, `任用${appointment.appointmentId}`)
  }
}

function procurementRule(rule: RuleConfig, context: BidContext): Outcome {
  switch (rule.templateId) {
    case 'G_i':
      resolveRuleParameters('G_i', rule.params)
      return specDrafterOutcome(context)
    case 'G_ro':
      return found(pmoVendorFinding(resolveRuleParameters('G_ro', rule.params), context))
    default:
      return misplaced(rule, `調達案件${context.procurement.id}`)
  }
}

// ——— A: by period (参考4.4-⑦ A) ———

/** 参考4.4-⑦ A①: the contracted company may not bid on the chosen categories while the contract is performed. */
function a1Finding(contract: Contract, params: RuleParameters['A1'], context: BidContext): BidFinding | null {
  const window = { from: contract.startsOn, to: contract.endsOn }
  return contractFinding(
    'A1',
    contract,
    window,
    params.categories,
    context,
    (categories) =>
      `${ruleName('A1')}により、契約${contract.contractId}の受託事業者は契約の履行期間（${formatWindow(window)}）中、${categories}の調達に入札できません。`,
  )
}

/** 参考4.4-⑦ A②: the same during the contract and from the day after its last day through the same date N years later. */
function a2Finding(contract: Contract, params: RuleParameters['A2'], context: BidContext): BidFinding | null {
  const window = { from: contract.startsOn, to: contract.endsOn === null ? null : addYears(contract.endsOn, params.yearsAfter) }
  return contractFinding(
    'A2',
    contract,
    window,
    params.categories,
    context,
    (categories) =>
      `${ruleName('A2')}により、契約${contract.contractId}（${formatWindow({ from: contract.startsOn, to: contract.endsOn })}）の受託事業者は、契約期間と完了後${params.yearsAfter}年間（${window.to === null ? '完了日が未定のため終期未定' : `${window.to}まで`}）、${categories}の調達に入札できません。`,
  )
}

/** A family: the contracted company itself (not its group), inside the rule's window, on the chosen categories. */
function contractFinding(
  ruleId: 'A1' | 'A2',
  contract: Contract,
  window: { from: IsoDate; to: IsoDate | null },
  chosen: readonly ProcurementCategory[],
  context: BidContext,
  reason: (categories: string) => string,
): BidFinding | null {
  const categories = matchingCategories(context, chosen)
  if (contract.corporateNumber !== context.bidder || categories.length === 0 || !isWithin(context.asOf, window.from, window.to)) {
    return null
  }
  return {
    ...ruleIdentity(ruleId),
    appointmentId: null,
    contractId: contract.contractId,
    subjectCorporateNumber: contract.corporateNumber,
    path: [],
    relation: [`入札者 ${context.label(context.bidder)}`, `契約${contract.contractId}の受託事業者`],
    window,
    exemptible: false,
    reason: reason(categoryList(categories)),
  }
}

// ——— B: by relationship (参考4.4-⑦ B) ———

interface Subject {
  corporateNumber: CorporateNumber
  /** Lower ranks are preferred when several subjects reach the bidder equally closely. */
  rank: number
  role: string
}

/** 参考4.4-⑦ B①: current employers, employers of N years or more in total, and their consolidated groups, during the term. */
function b1Finding(appointment: Appointment, params: RuleParameters['B1'], context: BidContext): BidFinding | null {
  const window = termOf(appointment)
  if (!isWithin(context.asOf, window.from, window.to)) return null
  const spells = appointment.employments.filter((spell) => params.relationships.includes(spell.relationship))
  const subjects = companiesOf(spells).flatMap((corporateNumber): Subject[] => {
    const own = spells.filter((spell) => spell.corporateNumber === corporateNumber)
    if (own.some((spell) => isWithin(context.asOf, spell.startsOn, spell.endsOn))) {
      return [{ corporateNumber, rank: 0, role: '任用者の現在の勤務先' }]
    }
    return hasTenureOfYears(own, params.tenureYears, context.asOf)
      ? [{ corporateNumber, rank: 1, role: `任用者が通算${params.tenureYears}年以上勤務した法人` }]
      : []
  })
  const match = closestSubject(subjects, context.group, context.bidder)
  if (!match) return null
  const groupWords = match.path.length > 0 ? 'と連結決算の対象となる法人' : ''
  return {
    ...ruleIdentity('B1'),
    appointmentId: appointment.appointmentId,
    contractId: null,
    subjectCorporateNumber: match.subject.corporateNumber,
    path: match.path,
    relation: relationLines(context, match.path, match.subject.role),
    window,
    exemptible: false,
    reason: `${ruleName('B1')}により、任用期間（${formatWindow(window)}）中は、${match.subject.role}${groupWords}から本市の情報システムに関する調達を行いません。`,
  }
}

/** 参考4.4-⑦ B②: companies the person belongs to or left on or after the appointment's first day minus N years, and their 関連事業者, on procurements the person advises on, during the term. */
function b2Finding(appointment: Appointment, params: RuleParameters['B2'], context: BidContext): BidFinding | null {
  const window = termOf(appointment)
  const roles = rolesIn(appointment.roleOnProcurement, params.triggerRoles)
  if (!isWithin(context.asOf, window.from, window.to) || roles.length === 0) return null
  const cutoff = addYears(appointment.startsOn, -params.lookbackYears)
  const spells = appointment.employments.filter(
    (spell) => params.relationships.includes(spell.relationship) && spell.startsOn <= context.asOf && (spell.endsOn === null || spell.endsOn >= cutoff),
  )
  const subjects = companiesOf(spells).map((corporateNumber): Subject => {
    const own = spells.filter((spell) => spell.corporateNumber === corporateNumber)
    const lastDay = latestEnd(own)
    return lastDay === null || lastDay >= context.asOf
      ? { corporateNumber, rank: 0, role: '任用者が現に属する事業者' }
      : { corporateNumber, rank: 1, role: `任用者が${lastDay}まで属していた事業者（${cutoff}以降に在籍）` }
  })
  const match = closestSubject(subjects, context.related[params.relatedScope], context.bidder)
  if (!match) return null
  const relatedWords = match.path.length > 0 ? 'の関連事業者' : ''
  return {
    ...ruleIdentity('B2'),
    appointmentId: appointment.appointmentId,
    contractId: null,
    subjectCorporateNumber: match.subject.corporateNumber,
    path: match.path,
    relation: relationLines(context, match.path, match.subject.role),
    window,
    exemptible: false,
    reason: `${ruleName('B2')}により、${match.subject.role}${relatedWords}は、任用者が${roleList(roles)}で関わる本件に、任用期間（${formatWindow(window)}）中は入札できません。`,
  }
}

// ——— D: デジタル庁 (参考4.4-⑨) ———

/** 参考4.4-⑨: the 兼業先 of a 関係職員 (drafts, evaluates or supervises this procurement) and its parents or subsidiaries — not its sisters; exemptible. */
function dFinding(appointment: Appointment, params: RuleParameters['D'], context: BidContext): BidFinding | null {
  const window = termOf(appointment)
  const roles = rolesIn(appointment.roleOnProcurement, params.staffRoles)
  if (!isWithin(context.asOf, window.from, window.to) || roles.length === 0) return null
  const spells = appointment.employments.filter(
    (spell) =>
      params.relationships.includes(spell.relationship) && spell.startsOn <= context.asOf && (spell.endsOn === null || spell.endsOn >= appointment.startsOn),
  )
  const subjects = companiesOf(spells).map((corporateNumber): Subject => {
    const lastDay = latestEnd(spells.filter((spell) => spell.corporateNumber === corporateNumber))
    return lastDay === null || lastDay >= context.asOf
      ? { corporateNumber, rank: 0, role: '関係職員（任用者）の兼業先' }
      : { corporateNumber, rank: 1, role: `関係職員（任用者）の兼業先（${lastDay}まで）` }
  })
  const match = closestSubject(subjects, context.parentsAndSubsidiaries, context.bidder)
  if (!match) return null
  const first = match.path[0]
  const groupWords = first === undefined ? '' : first.relation === '子会社' ? 'の親会社' : 'の子会社'
  return {
    ...ruleIdentity('D'),
    appointmentId: appointment.appointmentId,
    contractId: null,
    subjectCorporateNumber: match.subject.corporateNumber,
    path: match.path,
    relation: relationLines(context, match.path, match.subject.role),
    window,
    exemptible: true,
    reason: `${ruleName('D')}により、本件の${roleList(roles)}に関わる関係職員の兼業先${groupWords}の入札は、任用期間（${formatWindow(window)}）中は無効です。`,
  }
}

type ExemptionStatus = Exemption['status'] | 'none'

/** An approved exemption removes rule D for this procurement only; a rejected one makes D final; pending stays exemptible. */
function applyExemptions(findings: BidFinding[], exemptions: readonly Exemption[], context: BidContext): Outcome {
  if (!findings.some((finding) => finding.ruleId === 'D')) return { findings, notes: [] }
  const status = exemptionStatus(exemptions, context.procurement.id, context.bidder)
  const about = `本件（${context.procurement.id}）の${context.label(context.bidder)}`
  switch (status) {
    case 'approved':
      return {
        findings: findings.filter((finding) => finding.ruleId !== 'D'),
        notes: [`${about}について規則Dの適用除外が承認されているため、規則Dによる制限はありません（承認はこの調達案件に限ります）。`],
      }
    case 'pending':
      return { findings, notes: [`${about}について規則Dの適用除外を申請中です（審査中は制限が続きます）。`] }
    case 'rejected':
      return {
        findings: findings.map((finding) => (finding.ruleId === 'D' ? { ...finding, exemptible: false } : finding)),
        notes: [`${about}について規則Dの適用除外の申請は却下されたため、規則Dによる制限は除外できません。`],
      }
    case 'none':
      return {
        findings,
        notes: [
          '規則Dの適用除外は、(a) 本件の仕様書の内容等について兼業者と連絡をとっていない、(b) 仕様書作成以後の兼業者との接触履歴を提出する、(c) 公平性に疑義が生じた際に監査を受け入れる、の条件を満たせば申請できます。',
        ],
      }
  }
}

function exemptionStatus(exemptions: readonly Exemption[], procurementId: string, bidder: CorporateNumber): ExemptionStatus {
  const statuses = exemptions
    .filter((exemption) => exemption.procurementId === procurementId && exemption.corporateNumber === bidder)
    .map((exemption) => exemption.status)
  return (['approved', 'pending', 'rejected'] as const).find((status) => statuses.includes(status)) ?? 'none'
}

// ——— G: 標準ガイドライン (参考4.4-⑧) ———

/** 参考4.4-⑧ イ): a business that took a direct part in drafting this procurement's specification may not bid on it, unless judged to gain no advantage. */
function specDrafterOutcome(context: BidContext): Outcome {
  const { procurement, bidder } = context
  if (!procurement.specDrafterCorporateNumbers.includes(bidder)) return nothing
  if ((procurement.noAdvantageCorporateNumbers ?? []).includes(bidder)) {
    return {
      findings: [],
      notes: [
        `${context.label(bidder)}は本件の仕様書作成に関与しましたが、競争上有利とならないと認められた記録があるため、規則G_i（参考4.4-⑧イ ただし書）による制限はありません。`,
      ],
    }
  }
  const window = { from: null, to: null }
  return found({
    ...ruleIdentity('G_i'),
    appointmentId: null,
    contractId: null,
    subjectCorporateNumber: bidder,
    path: [],
    relation: [`入札者 ${context.label(bidder)}`, '本件の調達仕様書の作成に直接関与した事業者'],
    window,
    exemptible: false,
    reason: `${ruleName('G_i')}により、本件（${procurement.id}）の調達仕様書の作成に直接関与した事業者は、競争上有利とならないと認められない限り、期間の定めなく本件に入札できません。`,
  })
}

/** 参考4.4-⑧ ロ): a project-management support business may not bid on procurements including design/development of the system it manages. */
function pmoVendorFinding(params: RuleParameters['G_ro'], context: BidContext): BidFinding | null {
  const { procurement, bidder } = context
  const categories = matchingCategories(context, params.categories)
  if (!procurement.pmoVendorCorporateNumbers.includes(bidder) || categories.length === 0) return null
  return {
    ...ruleIdentity('G_ro'),
    appointmentId: null,
    contractId: null,
    subjectCorporateNumber: bidder,
    path: [],
    relation: [`入札者 ${context.label(bidder)}`, '本件のシステムのプロジェクト管理支援事業者'],
    window: { from: null, to: null },
    exemptible: false,
    reason: `${ruleName('G_ro')}により、管理を支援している情報システムの${categoryList(categories)}を含む本件（${procurement.id}）には、期間の定めなく入札できません。`,
  }
}

// ——— shared pieces ———

function ruleIdentity(ruleId: RuleTemplateId): Pick<BidFinding, 'ruleId' | 'ruleSource'> {
  return { ruleId, ruleSource: templateOf(ruleId).source }
}

function ruleName(ruleId: RuleTemplateId): string {
  return `規則${ruleId}（${templateOf(ruleId).clause}）`
}

function termOf(appointment: Appointment): { from: IsoDate; to: IsoDate | null } {
  return { from: appointment.startsOn, to: appointment.endsOn }
}

export function formatWindow(window: RestrictionWindow): string {
  if (window.from === null && window.to === null) return '期間の定めなし'
  return `${window.from ?? ''}〜${window.to ?? '終期未定'}`
}

function matchingCategories(context: BidContext, chosen: readonly ProcurementCategory[]): ProcurementCategory[] {
  return context.procurement.categories.filter((category) => chosen.includes(category))
}

function categoryList(categories: readonly ProcurementCategory[]): string {
  return unique(categories.map((category) => procurementCategoryLabels[category])).join('・')
}

function rolesIn(roles: readonly ProcurementRole[], chosen: readonly ProcurementRole[]): ProcurementRole[] {
  return (Object.keys(procurementRoleLabels) as ProcurementRole[]).filter((role) => roles.includes(role) && chosen.includes(role))
}

function roleList(roles: readonly ProcurementRole[]): string {
  return roles.map((role) => procurementRoleLabels[role]).join('・')
}

function companiesOf(spells: readonly Employment[]): CorporateNumber[] {
  return unique(spells.map((spell) => spell.corporateNumber)).sort()
}

/** The last day of the spells, or null when one is still open. */
function latestEnd(spells: readonly Employment[]): IsoDate | null {
  if (spells.some((spell) => spell.endsOn === null)) return null
  return (
    spells
      .map((spell) => spell.endsOn as IsoDate)
      .sort()
      .at(-1) ?? null
  )
}

/** The subject the bidder is, or reaches in the fewest group steps (then the lower rank, then the lower 法人番号). */
function closestSubject(
  subjects: readonly Subject[],
  reach: ReadonlyMap<CorporateNumber, GroupStep[]>,
  bidder: CorporateNumber,
): { subject: Subject; path: GroupStep[] } | null {
  const matches = subjects.flatMap((subject) => {
    const path = subject.corporateNumber === bidder ? [] : reach.get(subject.corporateNumber)
    return path === undefined ? [] : [{ subject, path: path.map((step) => ({ ...step })) }]
  })
  matches.sort(
    (a, b) =>
      a.path.length - b.path.length ||
      a.subject.rank - b.subject.rank ||
      (a.subject.corporateNumber < b.subject.corporateNumber ? -1 : a.subject.corporateNumber > b.subject.corporateNumber ? 1 : 0),
  )
  return matches[0] ?? null
}

function relationLines(context: BidContext, path: readonly GroupStep[], subjectRole: string): string[] {
  return [`入札者 ${context.label(context.bidder)}`, ...path.map((step) => `${step.relation} ${context.label(step.to)}`), subjectRole]
}

/** One finding per rule and origin (appointment or contract); the first rule in the rule set wins. */
function uniqueFindings(findings: readonly BidFinding[]): BidFinding[] {
  const seen = new Set<string>()
  return findings.filter((finding) => {
    const key = `${finding.ruleId}|${finding.appointmentId ?? ''}|${finding.contractId ?? ''}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

const ruleOrder = new Map(ruleTemplates.map((template, index) => [template.id, index]))

function byRuleThenOrigin(a: BidFinding, b: BidFinding): number {
  const origin = (finding: BidFinding) => `${finding.appointmentId ?? ''}|${finding.contractId ?? ''}`
  return (ruleOrder.get(a.ruleId) ?? 0) - (ruleOrder.get(b.ruleId) ?? 0) || (origin(a) < origin(b) ? -1 : origin(a) > origin(b) ? 1 : 0)
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)]
}
