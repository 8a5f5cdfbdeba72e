/**
 * Shared and joint appointments (手順書 §4.4(9), 参考4.4-⑰ 愛媛県「チーム愛媛」; 手順書 §6 共同任用の調整).
 * - 共有任用: a person appointed by the prefecture (or a lead city) serves several municipalities, a number of
 *   days per month each.
 * - 共同任用: several municipalities appoint one person together; each records its share of the time (percent)
 *   and of the cost (integer yen).
 */
import type { Allocation } from './capacity.ts'

export interface ServiceShare {
  localGovernmentCode: string
  daysPerMonth: number
}

export interface JointShare {
  localGovernmentCode: string
  /** 時間の按分（%）; the shares add up to 100. */
  timePercent: number
  /** 費用負担額（円）; the shares add up to the appointment's annual cost. */
  costYen: number
}

export interface ShareProblem {
  path: string
  message: string
}

/** Problems of a 共有任用's shares: at least one municipality, each once, 0.5–20 days a month in half days. */
export function serviceShareProblems(shares: readonly ServiceShare[]): ShareProblem[] {
  const problems: ShareProblem[] = []
  if (shares.length === 0) problems.push({ path: 'shares', message: '支援先の団体を1つ以上指定してください。' })
  duplicates(shares.map((s) => s.localGovernmentCode)).forEach((code) => problems.push({ path: 'shares', message: `団体 ${code} が重複しています。` }))
  shares.forEach((share, i) => {
    if (!(share.daysPerMonth > 0 && share.daysPerMonth <= 20 && Number.isInteger(share.daysPerMonth * 2))) {
      problems.push({ path: `shares.${i}.daysPerMonth`, message: '月あたり日数は0.5日単位で0.5〜20日の範囲で指定してください。' })
    }
  })
  return problems
}

/** Problems of a 共同任用's shares: two or more municipalities, each once; time adds to 100 %, cost to the total. */
export function jointShareProblems(shares: readonly JointShare[], annualCostYen: number): ShareProblem[] {
  const problems: ShareProblem[] = []
  if (shares.length < 2) problems.push({ path: 'shares', message: '共同任用には2つ以上の団体を指定してください。' })
  duplicates(shares.map((s) => s.localGovernmentCode)).forEach((code) => problems.push({ path: 'shares', message: `団体 ${code} が重複しています。` }))
  const time = shares.reduce((a, s) => a + s.timePercent, 0)
  if (time !== 100) problems.push({ path: 'shares', message: `時間の按分の合計が${time}%です。合計を100%にしてください。` })
  const cost = shares.reduce((a, s) => a + s.costYen, 0)
  if (cost !== annualCostYen) {
    problems.push({ path: 'shares', message: `費用負担額の合計（${cost}円）が年間費用（${annualCostYen}円）と一致しません。` })
  }
  return problems
}

/**
 * 費用の按分: splits integer yen by percent shares so the parts add up exactly — each share gets the floor of its
 * part, and the yen left over go one each to the largest remainders (ties: the earlier share).
 */
export function splitCostByPercent(totalYen: number, percents: readonly number[]): number[] {
  const exact = percents.map((p) => (totalYen * p) / 100)
  const parts = exact.map(Math.floor)
  let left = totalYen - parts.reduce((a, b) => a + b, 0)
  const order = exact.map((value, i) => ({ i, remainder: value - Math.floor(value) })).sort((a, b) => b.remainder - a.remainder || a.i - b.i)
  for (const { i } of order) {
    if (left <= 0) break
    parts[i]! += 1
    left -= 1
  }
  return parts
}

/** A municipality's part of a joint appointment's days per week. */
export function jointShareAllocation(daysPerWeek: number, timePercent: number): Allocation {
  return { unit: 'per_week', days: (daysPerWeek * timePercent) / 100 }
}

function duplicates(values: readonly string[]): string[] {
  return [...new Set(values.filter((v, i) => values.indexOf(v) !== i))]
}
