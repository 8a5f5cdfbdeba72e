/**
 * `decideAct`: may the appointee do this act on this procurement? Rules C1 and C2 (参考4.4-⑦ C) restrict what the
 * person does, not who may bid. Plain facts in, an answer with reasons out.
 */
import { isWithin, type IsoDate } from '#shared/domain/dates'
import type { Appointment, CorporateNumber, Employment, EmploymentRelationship, RestrictionWindow } from './facts.ts'
import { employmentRelationshipLabels, resolveRuleParameters, templateOf, type RuleParameters } from './templates.ts'

/** The appointee's acts on a procurement. */
export type Act =
  | 'draft_spec' // 仕様書の作成
  | 'select_vendor' // 業者の選定
  | 'evaluate' // 提案の審査・評価
  | 'contract_handling' // 契約に関する事務
  | 'permit_handling' // 許認可その他これに類する申請の処理

export const actLabels: Record<Act, string> = {
  draft_spec: '仕様書の作成',
  select_vendor: '業者の選定',
  evaluate: '提案の審査・評価',
  contract_handling: '契約に関する事務',
  permit_handling: '許認可等の申請の処理',
}

export interface ActFacts {
  /** The day of the act (inclusive checks, Japan time). */
  readonly asOf: IsoDate
  readonly act: Act
  /** The appointment with its employments and rule set (C1, C2; other rules are ignored here). */
  readonly appointment: Pick<Appointment, 'appointmentId' | 'municipalityCode' | 'startsOn' | 'endsOn' | 'ruleSet' | 'employments'>
  readonly procurement: {
    readonly id: string
    readonly municipalityCode: string
    /** Companies expected to bid (在籍企業の入札参加が予想される: C1; C2 concerns them too). */
    readonly expectedBidderCorporateNumbers: readonly CorporateNumber[]
    /** Companies the contract or permit concerns (the counterparty or applicant), for C2. */
    readonly counterpartyCorporateNumbers?: readonly CorporateNumber[]
  }
  readonly companyNames?: Readonly<Record<CorporateNumber, string>>
}

export interface ActFinding {
  ruleId: 'C1' | 'C2'
  ruleSource: string
  appointmentId: string
  act: Act
  /** The employer (C1) or home company (C2) the act would concern. */
  corporateNumber: CorporateNumber
  relationship: EmploymentRelationship
  window: RestrictionWindow
  reason: string
}

export interface ActDecision {
  /** 'allowed' exactly when findings is empty. */
  decision: 'allowed' | 'blocked'
  findings: ActFinding[]
  notes: string[]
}

/** 行為制限の判定 under the appointment's C1 and C2 rules; outside the term or another municipality's procurement → allowed with a note. */
export function decideAct(facts: ActFacts): ActDecision {
  const { appointment, procurement, asOf } = facts
  if (appointment.municipalityCode !== procurement.municipalityCode) {
    return { decision: 'allowed', findings: [], notes: ['この任用は調達案件の団体のものではないため、行為の制限を適用していません。'] }
  }
  if (!isWithin(asOf, appointment.startsOn, appointment.endsOn)) {
    return { decision: 'allowed', findings: [], notes: [`判定日 ${asOf} は任用期間（${appointment.startsOn}〜${appointment.endsOn ?? '終期未定'}）の外です。`] }
  }
  const outcomes = appointment.ruleSet.flatMap((rule) => {
    switch (rule.templateId) {
      case 'C1':
        return [c1Outcome(facts, resolveRuleParameters('C1', rule.params))]
      case 'C2':
        resolveRuleParameters('C2', rule.params)
        return [c2Outcome(facts)]
      default:
        return []
    }
  })
  const findings = outcomes
    .flatMap((outcome) => outcome.findings)
    .filter((finding, index, all) => all.findIndex((other) => other.ruleId === finding.ruleId) === index)
    .sort((a, b) => (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0))
  const notes = [...new Set(outcomes.flatMap((outcome) => outcome.notes))]
  return { decision: findings.length === 0 ? 'allowed' : 'blocked', findings, notes }
}

interface Outcome {
  findings: ActFinding[]
  notes: string[]
}

/** 手順書 参考4.4-⑦ C①: during the term, no specification drafting or vendor selection (evaluation included unless the rule set leaves it out) where a current employer is expected to bid. */
function c1Outcome(facts: ActFacts, params: RuleParameters['C1']): Outcome {
  const { act, appointment, asOf } = facts
  const covered: Act[] = params.includesEvaluation ? ['draft_spec', 'select_vendor', 'evaluate'] : ['draft_spec', 'select_vendor']
  const policy = params.includesEvaluation
    ? 'この規則セットでは、提案の審査・評価も業者選定に含めています（規則C1 includesEvaluation = true）。'
    : 'この規則セットでは、提案の審査・評価を業者選定から外しています（規則C1 includesEvaluation = false。参考4.4-⑦C①の既定では含めます）。'
  const notes = act === 'evaluate' ? [policy] : []
  if (!covered.includes(act)) return { findings: [], notes }
  const employer = appointment.employments
    .filter(
      (spell) =>
        params.relationships.includes(spell.relationship) &&
        isWithin(asOf, spell.startsOn, spell.endsOn) &&
        facts.procurement.expectedBidderCorporateNumbers.includes(spell.corporateNumber),
    )
    .sort(bySpell)[0]
  if (!employer) return { findings: [], notes }
  const window = { from: appointment.startsOn, to: appointment.endsOn }
  return {
    findings: [
      {
        ruleId: 'C1',
        ruleSource: templateOf('C1').source,
        appointmentId: appointment.appointmentId,
        act,
        corporateNumber: employer.corporateNumber,
        relationship: employer.relationship,
        window,
        reason: `規則C1（${templateOf('C1').clause}）により、任用期間（${appointment.startsOn}〜${appointment.endsOn ?? '終期未定'}）中は、在籍企業 ${label(facts, employer.corporateNumber)} の入札参加が見込まれる本件（${facts.procurement.id}）の${actLabels[act]}を行えません。`,
      },
    ],
    notes,
  }
}

/** 参考4.4-⑦ C②: during the secondment, a secondee may not handle permits or contracts concerning the home company (派遣元企業). */
function c2Outcome(facts: ActFacts): Outcome {
  const { act, appointment, asOf, procurement } = facts
  if (act !== 'contract_handling' && act !== 'permit_handling') return { findings: [], notes: [] }
  const concerned = [...procurement.expectedBidderCorporateNumbers, ...(procurement.counterpartyCorporateNumbers ?? [])]
  const secondment = appointment.employments
    .filter((spell) => spell.relationship === 'secondee' && isWithin(asOf, spell.startsOn, spell.endsOn) && concerned.includes(spell.corporateNumber))
    .sort(bySpell)[0]
  if (!secondment) return { findings: [], notes: [] }
  const window = {
    from: secondment.startsOn > appointment.startsOn ? secondment.startsOn : appointment.startsOn,
    to: earlierEnd(secondment.endsOn, appointment.endsOn),
  }
  return {
    findings: [
      {
        ruleId: 'C2',
        ruleSource: templateOf('C2').source,
        appointmentId: appointment.appointmentId,
        act,
        corporateNumber: secondment.corporateNumber,
        relationship: secondment.relationship,
        window,
        reason: `規則C2（${templateOf('C2').clause}）により、派遣期間（${window.from}〜${window.to ?? '終期未定'}）中は、${employmentRelationshipLabels.secondee}元企業 ${label(facts, secondment.corporateNumber)} に関する${actLabels[act]}を行えません。`,
      },
    ],
    notes: [],
  }
}

function earlierEnd(a: IsoDate | null, b: IsoDate | null): IsoDate | null {
  if (a === null) return b
  if (b === null) return a
  return a < b ? a : b
}

function bySpell(a: Employment, b: Employment): number {
  const left = `${a.corporateNumber}|${a.startsOn}|${a.relationship}`
  const right = `${b.corporateNumber}|${b.startsOn}|${b.relationship}`
  return left < right ? -1 : left > right ? 1 : 0
}

function label(facts: ActFacts, corporateNumber: CorporateNumber): string {
  const name = facts.companyNames && Object.hasOwn(facts.companyNames, corporateNumber) ? facts.companyNames[corporateNumber] : undefined
  return name ? `${name}（${corporateNumber}）` : corporateNumber
}
