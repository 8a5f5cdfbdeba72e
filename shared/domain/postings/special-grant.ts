/**
 * 特別交付税 estimate for a municipality appointing CIO補佐官等 (手順書 §4.4(5), 参考4.4-⑩).
 * The rate, the recruitment cap and the fiscal years are data (`SpecialGrantRule`), because the end year is
 * unconfirmed after 令和7年度: a changed rule is a row change, not a code change. The answer is an estimate only.
 */
import { daysBetween, fiscalYearOf, type IsoDate } from '../dates.ts'
import type { AppointmentForm, PayUnit, PostingForm, WorkDaysPer } from './form.ts'

export interface SpecialGrantRule {
  /** Share of eligible spending the grant covers, in thousandths (0.5 → 500), so yen stay integers. */
  ratePermille: number
  /** Recruitment spending counted per fiscal year at most (¥1,000,000 in 参考4.4-⑩). */
  recruitmentCap: number
  validFromFiscalYear: number
  /** Recruitment costs are covered from 令和4年度 (M2). */
  recruitmentValidFromFiscalYear: number
  validToFiscalYear: number
  /** `unconfirmed` while the end year is not confirmed: shown as 要確認. */
  status: 'confirmed' | 'unconfirmed'
  eligibleForms: AppointmentForm[]
}

export interface SpecialGrantYear {
  fiscalYear: number
  /** Appointment (pay or fee) cost falling in this fiscal year. */
  appointmentCost: number
  recruitmentCost: number
  appointmentGrant: number
  recruitmentGrant: number
  total: number
  /** Outside the rule's fiscal years: nothing is counted. */
  withinPeriod: boolean
  /** The rule's end year is not confirmed and this year is its last or later. */
  needsConfirmation: boolean
}

export interface SpecialGrantEstimate {
  /** Some of the spending is covered (the appointment, the recruitment, or both). */
  eligible: boolean
  /** 参考4.4-⑩ 2(1)①: the pay or fee of this appointment is covered. */
  appointmentCovered: boolean
  /** 参考4.4-⑩ 2(1)②: recruiting for this posting is covered (whatever the 任用形態). */
  recruitmentCovered: boolean
  /** Why not, or what to check; Japanese, for the screen. */
  reasons: string[]
  annualCost: number | null
  years: SpecialGrantYear[]
  total: number
}

/** 参考4.4-⑩ (2): 措置額 = 対象経費 × 0.5; rounded down to the yen so an estimate never overstates. */
export function grantAmount(cost: number, ratePermille: number): number {
  return Math.floor((cost * ratePermille) / 1000)
}

const WEEKS_PER_YEAR = 52
const MONTHS_PER_YEAR = 12

/** Annual pay from the form's amount and unit; null when the working pattern needed for it is missing. */
export function annualPay(
  amount: number | null,
  unit: PayUnit | null,
  workDays: number | null,
  per: WorkDaysPer | null,
  hoursPerDay: number | null,
): number | null {
  if (amount === null || unit === null) return null
  if (unit === 'annual') return amount
  if (unit === 'monthly') return amount * MONTHS_PER_YEAR
  if (workDays === null || per === null) return null
  const daysPerYear = per === 'week' ? workDays * WEEKS_PER_YEAR : workDays * MONTHS_PER_YEAR
  if (unit === 'daily') return amount * daysPerYear
  if (hoursPerDay === null) return null
  return Math.floor(amount * hoursPerDay * daysPerYear)
}

function fiscalYearDays(fiscalYear: number): number {
  return daysBetween(`${fiscalYear}-04-01`, `${fiscalYear + 1}-04-01`)
}

/** Days of [from, to] (inclusive) inside fiscal year `fiscalYear`. */
function daysInFiscalYear(from: IsoDate, to: IsoDate, fiscalYear: number): number {
  const start = from > `${fiscalYear}-04-01` ? from : `${fiscalYear}-04-01`
  const end = to < `${fiscalYear + 1}-03-31` ? to : `${fiscalYear + 1}-03-31`
  return end < start ? 0 : daysBetween(start, end) + 1
}

const CIO_TITLE = /C[IDT]O補佐官|CIO補佐|最高情報|DX推進(監|統括)/

/**
 * 参考4.4-⑩ 2(1): 市町村 appointing CIO補佐官等. ① the appointment — as 特別職非常勤職員 (報酬等) or contracted out
 * (委託料等), the rule's `eligibleForms`; ② recruiting for it (募集経費, from 令和4年度, capped), whatever the form,
 * since ② names no form. Appointment cost is spread over the term by days in each fiscal year; recruitment cost falls
 * in the fiscal year of the application deadline (or today's when none is set).
 */
export function estimateSpecialGrant(
  form: PostingForm,
  facts: { isMunicipality: boolean; today: IsoDate; rule: SpecialGrantRule | null },
): SpecialGrantEstimate {
  const { rule } = facts
  const reasons: string[] = []
  const annualCost = form.budgetAnnualCost ?? annualPay(form.payAmount, form.payUnit, form.workDays, form.workDaysPer, form.hoursPerDay)
  if (!rule)
    return {
      eligible: false,
      appointmentCovered: false,
      recruitmentCovered: false,
      reasons: ['特別交付税措置の規定が登録されていません。'],
      annualCost,
      years: [],
      total: 0,
    }
  if (!facts.isMunicipality) reasons.push('この措置は市町村が対象です（都道府県は過疎地域等政策支援員などの別の措置を確認してください）。')
  const isCioLike = form.roleId === 'producer' || (form.title !== null && CIO_TITLE.test(form.title))
  if (!isCioLike) reasons.push('CIO補佐官等（全庁的なDX推進を補佐する役割）に当たるか確認してください。')
  const recruitmentCovered = reasons.length === 0
  const recruitmentCost = form.budgetRecruitmentCost ?? 0
  const formNote = ' 募集経費は任用形態によらず対象です。'
  let formCovered = false
  if (form.appointmentForm === null) reasons.push(`任用形態が未選択です（任用等の経費の対象は特別職非常勤職員と業務委託です）。${formNote}`)
  else if (!rule.eligibleForms.includes(form.appointmentForm)) {
    reasons.push(
      form.appointmentForm === 'chiiki_kasseika_kigyojin'
        ? `地域活性化起業人の受入経費は別の特別交付税措置の対象です。${formNote}`
        : `任用等の経費の対象は特別職非常勤職員として任用する場合と業務委託の場合です。${formNote}`,
    )
  } else formCovered = true
  const appointmentCovered = recruitmentCovered && formCovered
  const eligible = appointmentCovered || (recruitmentCovered && recruitmentCost > 0)

  const years: SpecialGrantYear[] = []
  if (eligible) {
    const byYear = new Map<number, { appointmentCost: number; recruitmentCost: number }>()
    const slot = (fy: number) => byYear.get(fy) ?? byYear.set(fy, { appointmentCost: 0, recruitmentCost: 0 }).get(fy)!
    if (appointmentCovered && annualCost !== null && form.termStartsOn && form.termEndsOn && form.termEndsOn >= form.termStartsOn) {
      for (let fy = fiscalYearOf(form.termStartsOn); fy <= fiscalYearOf(form.termEndsOn); fy += 1) {
        slot(fy).appointmentCost = Math.floor((annualCost * daysInFiscalYear(form.termStartsOn, form.termEndsOn, fy)) / fiscalYearDays(fy))
      }
    }
    if (recruitmentCost > 0) {
      slot(fiscalYearOf(form.applicationEndsOn ?? facts.today)).recruitmentCost += recruitmentCost
    }
    for (const [fiscalYear, cost] of [...byYear.entries()].sort(([a], [b]) => a - b)) {
      const withinPeriod = fiscalYear >= rule.validFromFiscalYear && fiscalYear <= rule.validToFiscalYear
      const recruitmentCounted = withinPeriod && fiscalYear >= rule.recruitmentValidFromFiscalYear
      const appointmentGrant = withinPeriod ? grantAmount(cost.appointmentCost, rule.ratePermille) : 0
      const recruitmentGrant = recruitmentCounted ? grantAmount(Math.min(cost.recruitmentCost, rule.recruitmentCap), rule.ratePermille) : 0
      years.push({
        fiscalYear,
        appointmentCost: cost.appointmentCost,
        recruitmentCost: cost.recruitmentCost,
        appointmentGrant,
        recruitmentGrant,
        total: appointmentGrant + recruitmentGrant,
        withinPeriod,
        needsConfirmation: rule.status === 'unconfirmed' && fiscalYear >= rule.validToFiscalYear,
      })
    }
    if (appointmentCovered && annualCost === null) reasons.push('報酬（額・単位・勤務日数）か年間経費の予算額を入力すると試算できます。')
    if (years.some((year) => !year.withinPeriod)) reasons.push('措置期間外の年度は0円としています（期間の延長は要確認）。')
  }
  return { eligible, appointmentCovered, recruitmentCovered, reasons, annualCost, years, total: years.reduce((sum, year) => sum + year.total, 0) }
}
