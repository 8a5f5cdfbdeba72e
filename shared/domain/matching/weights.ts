/**
 * Default weights of preferred criteria, by 人材像 and criterion kind. These are the project's policy, not the
 * standard's (the standard only lists what is desirable, 手順書 参考4.4-④), so they are data a posting may
 * override criterion by criterion.
 *
 * Certifications weigh less than levels and experience for the producer: few ITストラテジスト holders are on the
 * market and recruiters advise asking for reform experience rather than a pass (手順書 参考4.4-⑮). Selection for
 * the 総務省 外部人材リスト (参考4.4-⑤) weighs as a certification of the ministry's own.
 */
import type { MatchCriterionKind } from './schema.ts'

/** Kinds with a weight of their own; an any-of criterion weighs as its heaviest alternative's kind (score.ts). */
export type WeightedKind = Exclude<MatchCriterionKind, 'any_of'>

export type WeightTable = Readonly<Record<WeightedKind, number>>

const AVAILABILITY = { days_per_week: 2, remote: 1, side_job: 1, start_date: 1, region: 1 } as const

export const defaultWeightsByRole: Readonly<Record<string, WeightTable>> = {
  producer: { job_type_level: 4, certification: 1, experience: 3, local_government_experience: 2, ministry_listing: 2, ...AVAILABILITY },
  project_manager: { job_type_level: 4, certification: 2, experience: 4, local_government_experience: 2, ministry_listing: 2, ...AVAILABILITY },
  service_designer: { job_type_level: 2, certification: 2, experience: 4, local_government_experience: 2, ministry_listing: 2, ...AVAILABILITY },
  engineer: { job_type_level: 3, certification: 3, experience: 3, local_government_experience: 1, ministry_listing: 2, ...AVAILABILITY },
}

export const neutralWeights: WeightTable = {
  job_type_level: 3,
  certification: 2,
  experience: 3,
  local_government_experience: 2,
  ministry_listing: 2,
  ...AVAILABILITY,
}

/** The weight a criterion of `kind` gets in a posting for `roleId` when nobody set one. */
export function defaultWeight(roleId: string | null, kind: WeightedKind): number {
  return (roleId !== null ? defaultWeightsByRole[roleId] : undefined)?.[kind] ?? neutralWeights[kind]
}
