/**
 * `exemptionRefusal`: whether a company may apply for 適用除外 on a procurement. Only a 入札制限対象企業 under
 * rule D may (手順書 参考4.4-⑨「入札制限対象企業」は…適用除外を申請することができる); an application for a company
 * no rule restricts, or one restricted only by rules that have no exemption, is refused with the reason.
 */
import { decideBid } from './bid.ts'
import type { BidFacts } from './facts.ts'
import { factsForBidder } from './relevant-facts.ts'

/** The reason to refuse, or null when rule D restricts the company (earlier applications are left out of the question). */
export function exemptionRefusal(facts: BidFacts): string | null {
  const decision = decideBid(factsForBidder({ ...facts, exemptions: [] }))
  if (decision.findings.some((finding) => finding.ruleId === 'D')) return null
  const number = facts.bidder.corporateNumber
  const name = facts.companyNames?.[number]
  const company = name ? `${name}（法人番号 ${number}）` : `法人番号 ${number} の法人`
  if (decision.findings.length === 0) {
    return `${company}は、${facts.asOf} の時点で本件の入札制限対象企業ではないため、適用除外を申請する必要はありません。`
  }
  const rules = [...new Set(decision.findings.map((finding) => `規則${finding.ruleId}`))].join('・')
  return `適用除外を申請できるのは規則D（参考4.4-⑨）で制限される法人だけです。${company}の制限は${rules}によるもので、適用除外はありません。`
}

/**
 * Whether the named appointee is the 兼業者 of the application: rule D restricts the company through that
 * appointee's ties (参考4.4-⑨ (a)(b) are about contacts with that person). The reason to refuse, or null.
 */
export function exemptionAppointeeRefusal(facts: BidFacts, appointmentId: string): string | null {
  const decision = decideBid(factsForBidder({ ...facts, exemptions: [] }))
  if (decision.findings.some((finding) => finding.ruleId === 'D' && finding.appointmentId === appointmentId)) return null
  const number = facts.bidder.corporateNumber
  const name = facts.companyNames?.[number] ?? `法人番号 ${number} の法人`
  return `${name}は、選んだ任用者の兼業先等として規則D（参考4.4-⑨）で制限される法人ではありません。任用者を選び直してください。`
}
