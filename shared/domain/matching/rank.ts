/** Orders of match results: the same data always gives the same order (ties broken by id). */
import type { BidRestrictionFlag, CandidateFacts, PostingCriteria } from './inputs.ts'
import type { MatchResult } from './schema.ts'
import { compareText, planScoring, scoreWithPlan } from './score.ts'

/** Eligible first, then higher score, then candidate id. */
export function compareCandidateMatches(a: MatchResult, b: MatchResult): number {
  return Number(b.eligible) - Number(a.eligible) || b.score - a.score || compareText(a.candidateId, b.candidateId)
}

/** Eligible first, then higher score, then posting id. */
export function comparePostingMatches(a: MatchResult, b: MatchResult): number {
  return Number(b.eligible) - Number(a.eligible) || b.score - a.score || compareText(a.postingId, b.postingId)
}

export interface RankOptions {
  includeIneligible?: boolean
  bidRestrictionFlags?: readonly BidRestrictionFlag[]
}

/** Every candidate scored against one posting, best first. */
export function rankCandidates(posting: PostingCriteria, candidates: readonly CandidateFacts[], options: RankOptions = {}): MatchResult[] {
  const plan = planScoring(posting)
  const flags = options.bidRestrictionFlags ? { bidRestrictionFlags: options.bidRestrictionFlags } : {}
  return candidates
    .map((candidate) => scoreWithPlan(plan, candidate, flags))
    .filter((result) => options.includeIneligible || result.eligible)
    .sort(compareCandidateMatches)
}

/** One candidate scored against every posting, best first (the candidate's recommendations). */
export function rankPostings(postings: readonly PostingCriteria[], candidate: CandidateFacts, options: RankOptions = {}): MatchResult[] {
  const flags = options.bidRestrictionFlags ? { bidRestrictionFlags: options.bidRestrictionFlags } : {}
  return postings
    .map((posting) => scoreWithPlan(planScoring(posting), candidate, flags))
    .filter((result) => options.includeIneligible || result.eligible)
    .sort(comparePostingMatches)
}
