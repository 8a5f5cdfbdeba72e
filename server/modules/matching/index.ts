/*
 * matching: explainable scores of candidates against postings, ranked both ways. The scoring itself is
 * pure and shared with the client (shared/domain/matching); this module ranks at scale over precomputed vectors.
 */
export {
  rebuildCandidateVectors,
  refreshCandidateVectors,
  refreshPostingPlans,
  scoreCandidatesForPosting,
  scorePostingsForAccount,
  type CandidateScore,
  type PostingScore,
  type MatchingDeps,
} from './service.ts'
