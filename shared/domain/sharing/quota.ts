/**
 * 派遣回数の上限: a prefecture dispatches its registered experts to each municipality up to a number of times a
 * fiscal year (静岡県 ICTエキスパート: 1団体につき年5回まで, 事例集 p.26; 手順書 §4.4(8), 参考4.4-⑯). The number is set per
 * prefecture; 5 when it has not set one. A dispatch counts in the 年度 (April–March) of its date, so the count
 * starts again on 4月1日.
 */
import { fiscalYearOf, type IsoDate } from '../dates.ts'

export const DEFAULT_DISPATCH_QUOTA = 5

export interface QuotaFacts {
  /** Dispatches per municipality per fiscal year allowed by the prefecture. */
  quota: number
  /** Date of the dispatch being requested or approved. */
  dispatchOn: IsoDate
  /** Dates of the municipality's other dispatches that count (any year; the rule picks the same 年度). */
  countedDispatchDates: readonly IsoDate[]
}

export interface QuotaDecision {
  decision: 'within' | 'exceeded'
  fiscalYear: number
  quota: number
  /** Dispatches already counted in that 年度, the one being decided excluded. */
  used: number
  /** What is left after this one when within; 0 when exceeded. */
  remaining: number
  message: string
}

/** 年度内の派遣回数: within exactly when fewer than `quota` dispatches already count in the dispatch's 年度. */
export function decideDispatchQuota(facts: QuotaFacts): QuotaDecision {
  const fiscalYear = fiscalYearOf(facts.dispatchOn)
  const used = facts.countedDispatchDates.filter((date) => fiscalYearOf(date) === fiscalYear).length
  if (used < facts.quota) {
    return {
      decision: 'within',
      fiscalYear,
      quota: facts.quota,
      used,
      remaining: facts.quota - used - 1,
      message: `${fiscalYear}年度の派遣は${used + 1}回目です（上限 年${facts.quota}回）。`,
    }
  }
  return {
    decision: 'exceeded',
    fiscalYear,
    quota: facts.quota,
    used,
    remaining: 0,
    message: `${fiscalYear}年度の派遣はすでに${used}回で、上限（1団体につき年${facts.quota}回）に達しています。`,
  }
}
