/*
 * candidates (外部デジタル人材): skill profiles, derived levels, employment history, consent. Other modules call
 * only what is exported here.
 */
export {
  candidateContact,
  candidateIdForAccount,
  candidateIdsOfAccounts,
  candidateNames,
  employmentHistories,
  employmentHistory,
  scoringProfiles,
  type CandidateDeps,
  type CandidateRelations,
  type EmploymentHistoryEntry,
} from './service.ts'
export type { ScoringFilter } from './repository.ts'
export type { ScoringProfile } from './scoring.ts'
