/**
 * What each 任用形態 implies, as data with its source (手順書 §4.4(3), 参考4.4-⑥; 地公法; 任期付法). The posting
 * editor, the posting checks, the 任用 step and its renewals all read this one table, so a rule is changed here.
 */
import { addDays, addYears, fiscalYearOf, fiscalYearRange, type IsoDate } from '../dates.ts'
import type { AppointmentForm, WorkDaysPer } from './form.ts'

export interface AppointmentFormRules {
  /** 根拠 as the help text names it. */
  basis: string
  /** Where the rules below come from (docs/sources.md id + section). */
  source: string
  /** A full-time post (常勤): a part-time posting in this form contradicts it. */
  fullTime: boolean
  /** 兼業 (other paid work) needs the 任命権者's permission. */
  sideJobNeedsPermission: boolean
  /** Longest total term from the first day, across renewals; null = no cap in the law. */
  maxTotalYears: number | null
  /** Each term stays inside one 年度 (1 April – 31 March). */
  termWithinFiscalYear: boolean
  /** One line for the editor: when this form fits. */
  help: string
}

export const APPOINTMENT_FORM_RULES: Record<AppointmentForm, AppointmentFormRules> = {
  tokutei_ninkitsuki: {
    basis: '地方任期付職員法 第3条第1項',
    source: '手順書 参考4.4-⑥; 任期付法 第3条第1項・第6条・第7条; 地公法 第38条',
    fullTime: true,
    sideJobNeedsPermission: true,
    maxTotalYears: 5,
    termWithinFiscalYear: false,
    help: '常勤の業務を一定期間担う一般職（フルタイム）。任期は更新を含め採用の日から5年以内。民間企業の地位を保ったまま任用できるが、兼業には任命権者の許可が必要（地方公務員法第38条）。',
  },
  tokubetsushoku_hijokin: {
    basis: '地方公務員法 第3条第3項第3号',
    source: '手順書 §4.4(3), 参考4.4-⑥',
    fullTime: false,
    sideJobNeedsPermission: false,
    maxTotalYears: null,
    termWithinFiscalYear: false,
    help: '専門的な知識経験に基づく助言・調査・診断を行う非常勤の職（顧問・参与など）。報酬は個別に決め、兼業の制限はない。守秘義務などは要綱と誓約書で定める。',
  },
  kaikei_nendo: {
    basis: '地方公務員法 第22条の2',
    source: '手順書 §4.4(3); 地公法 第22条の2',
    fullTime: false,
    sideJobNeedsPermission: false,
    maxTotalYears: null,
    termWithinFiscalYear: true,
    help: '一会計年度を超えない範囲で置かれる非常勤の一般職。任期は4月1日〜翌年3月31日の中に収め、翌年度は改めて任用する（更新）。',
  },
  gyomu_itaku: {
    basis: '私法上の契約（業務委託）',
    source: '手順書 §4.4(3)',
    fullTime: false,
    sideJobNeedsPermission: false,
    maxTotalYears: null,
    termWithinFiscalYear: false,
    help: '地方公務員として任用せず、私法上の契約で業務を委託する。守秘義務や公平性の確保は契約に書く。',
  },
  chiiki_kasseika_kigyojin: {
    basis: '企業からの派遣（地域活性化起業人）',
    source: '手順書 §4.4(3)',
    fullTime: false,
    sideJobNeedsPermission: false,
    maxTotalYears: null,
    termWithinFiscalYear: false,
    help: '企業の社員を派遣で受け入れる。勤務条件は派遣元の企業と協定で調整する。',
  },
  other: {
    basis: 'その他',
    source: '手順書 §4.4(3)',
    fullTime: false,
    sideJobNeedsPermission: false,
    maxTotalYears: null,
    termWithinFiscalYear: false,
    help: '職務の設定に応じて他の類型を選ぶこともできる。内容を「任用形態の補足」に書く。',
  },
}

/**
 * Full time in days: five days a week, or twenty a month (four weeks of five), as 常勤 means a full working week.
 * Fewer days is part time, which 特定任期付職員 (フルタイム in 手順書 参考4.4-⑥) is not.
 */
export function isPartTime(workDays: number | null, per: WorkDaysPer | null): boolean {
  if (workDays === null || per === null) return false
  return per === 'week' ? workDays < 5 : workDays < 20
}

export interface TermProblem {
  field: 'startsOn' | 'endsOn'
  message: string
}

/**
 * Problems of one term of a form: the total cap counted from the first day of the first term (任期付法 第6条・第7条:
 * a renewal stays within five years of 採用), and the single 年度 of 会計年度任用職員. `firstStartsOn` is the first
 * term's first day (the term's own first day for a new appointment).
 */
export function termProblems(form: AppointmentForm, term: { startsOn: IsoDate; endsOn: IsoDate }, firstStartsOn: IsoDate = term.startsOn): TermProblem[] {
  const rules = APPOINTMENT_FORM_RULES[form]
  const problems: TermProblem[] = []
  const lastAllowed = latestEndOf(form, term.startsOn, firstStartsOn)
  if (rules.maxTotalYears !== null && lastAllowed !== null && term.endsOn > lastAllowed) {
    problems.push({
      field: 'endsOn',
      message: `特定任期付職員の任期は更新を含め採用の日（${firstStartsOn}）から${rules.maxTotalYears}年以内です（${lastAllowed}まで）。`,
    })
  }
  if (rules.termWithinFiscalYear && fiscalYearOf(term.startsOn) !== fiscalYearOf(term.endsOn)) {
    problems.push({
      field: 'endsOn',
      message: `会計年度任用職員の任期は一会計年度の中に収めてください（${fiscalYearRange(fiscalYearOf(term.startsOn)).to}まで）。`,
    })
  }
  return problems
}

/** The last day a term starting on `startsOn` may run to under the form's rules; null when the law sets none. */
export function latestEndOf(form: AppointmentForm, startsOn: IsoDate, firstStartsOn: IsoDate = startsOn): IsoDate | null {
  const rules = APPOINTMENT_FORM_RULES[form]
  const candidates: IsoDate[] = []
  if (rules.maxTotalYears !== null) candidates.push(addDays(addYears(firstStartsOn, rules.maxTotalYears), -1))
  if (rules.termWithinFiscalYear) candidates.push(fiscalYearRange(fiscalYearOf(startsOn)).to)
  return candidates.length === 0 ? null : candidates.sort()[0]!
}

/** `wanted`, shortened to what the form allows (a demo term of a year, a renewal proposal). */
export function clampTermEnd(form: AppointmentForm, startsOn: IsoDate, wanted: IsoDate, firstStartsOn: IsoDate = startsOn): IsoDate {
  const latest = latestEndOf(form, startsOn, firstStartsOn)
  return latest !== null && latest < wanted ? latest : wanted
}
