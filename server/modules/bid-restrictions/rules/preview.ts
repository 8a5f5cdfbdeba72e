/**
 * 入札制限 preview for a match list, before anyone is appointed: a candidate whose current employer, or one they
 * left within the look-back, is — itself or through its group — a business partner of the posting's municipality
 * (an expected bidder, contractor, specification drafter or PMO vendor). Informative only: matching shows the
 * reason and never excludes the candidate. The look-back defaults to B②'s two years (手順書 参考4.4-⑦ B②) and the
 * group to B②'s 関連事業者 (consolidated group plus `related` links), the widest scope a later appointment may use.
 */
import { type IsoDate, addYears } from '#shared/domain/dates'
import type { Employment } from './facts.ts'
import { type CompanyLink, type GroupStep, relatedCompanies } from './groups.ts'
import { employmentRelationshipLabels } from './templates.ts'

export interface MunicipalPartner {
  corporateNumber: string
  /** What the company is to the municipality, as a noun phrase: 調達「…」の入札予定者. */
  role: string
}

export interface PreviewFacts {
  asOf: IsoDate
  lookBackYears: number
  partners: readonly MunicipalPartner[]
  /** Group links around the candidates' employers (companies module); inactive ones on `asOf` are ignored. */
  links: readonly CompanyLink[]
  /** 法人番号 → 名称 for the companies named in a reason; an unknown one is shown by its number. */
  names: Readonly<Record<string, string>>
}

export const PREVIEW_LOOK_BACK_YEARS = 2

/** Employments that still count on `asOf`: current, or ended within the look-back (inclusive). */
export function recentEmployments(employments: readonly Employment[], asOf: IsoDate, lookBackYears: number): Employment[] {
  const since = addYears(asOf, -lookBackYears)
  return employments.filter((employment) => employment.startsOn <= asOf && (employment.endsOn === null || employment.endsOn >= since))
}

/** The reasons to check the candidate, one per (employer, partner role), in a stable order. */
export function previewReasons(employments: readonly Employment[], facts: PreviewFacts): string[] {
  const nameOf = (number: string) => `「${facts.names[number] ?? `法人番号 ${number}`}」`
  const rolesOf = new Map<string, string[]>()
  for (const partner of facts.partners) rolesOf.set(partner.corporateNumber, [...(rolesOf.get(partner.corporateNumber) ?? []), partner.role])
  const reasons = new Set<string>()
  for (const employment of recentEmployments(employments, facts.asOf, facts.lookBackYears)) {
    const current = employment.endsOn === null || employment.endsOn >= facts.asOf
    const employer = `${current ? '現在の所属先' : `${employment.endsOn} まで所属していた`}${nameOf(employment.corporateNumber)}（${employmentRelationshipLabels[employment.relationship]}）`
    const reached: { corporateNumber: string; path: GroupStep[] }[] = [
      { corporateNumber: employment.corporateNumber, path: [] },
      ...relatedCompanies(facts.links, employment.corporateNumber, facts.asOf),
    ]
    for (const company of reached) {
      const via = company.path.map((step) => `${step.relation}${nameOf(step.to)}`).join(' → ')
      for (const role of rolesOf.get(company.corporateNumber) ?? []) {
        const who = via === '' ? employer : `${employer}の ${via}`
        reasons.add(`${who}が、この団体の${role}です。任用する場合は入札制限の確認が必要です。`)
      }
    }
  }
  return [...reasons].sort()
}
