/** Matching: explainable scores of candidates against postings. Pure; the server and client share it. */
export * from './inputs.ts'
export * from './schema.ts'
export { defaultWeight, defaultWeightsByRole, neutralWeights, type WeightTable, type WeightedKind } from './weights.ts'
export { criterionLabel, countedCertificationIds } from './labels.ts'
export {
  BONUS_POOL,
  LEVELS_FOR_FULL_BONUS,
  MONTHS_FOR_FULL_BONUS,
  PARTIAL_CREDIT,
  SCORE_MAX,
  SELF_DECLARED_FACTOR,
  START_GRACE_DAYS,
  allocatePoints,
  alternativeCriterion,
  alternativeLine,
  defaultWeights,
  weightKindOf,
  availabilityPoints,
  daysPerWeekOf,
  planScoring,
  requiredMonths,
  roundPoints,
  scoreCandidate,
  scoreLine,
  scoreWithPlan,
  wholeMonths,
  type PlannedLine,
  type ScoringPlan,
} from './score.ts'
export { compareCandidateMatches, comparePostingMatches, rankCandidates, rankPostings, type RankOptions } from './rank.ts'
export {
  availabilityCriteria,
  criteriaFromPostingRows,
  criteriaFromRole,
  criterionIdOf,
  defaultAvailabilityImportance,
  type AvailabilityKind,
  type AvailabilityNeeds,
} from './presets.ts'
