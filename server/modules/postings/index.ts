/*
 * postings (募集): the 標準募集様式, its workflow municipality → prefecture → national, the national list,
 * PDF/Excel documents and mail subscriptions. Other modules call the functions exported here only.
 */
export { expirePostings, type PostingDeps, type PublishedPosting } from './service.ts'
export { publishedPostingsFeed, type FeedPosting } from './public.ts'
export {
  openPostingCountsByMunicipality,
  postingCriteria,
  postingCriteriaOfMany,
  postingFacts,
  postingFactsForStaff,
  postingFactsOfMany,
  roleLabelOf,
  type PostingFacts,
} from './readers.ts'
export { sendPostingDigests } from './subscriptions.ts'
export { postingJobs } from './timers.ts'
