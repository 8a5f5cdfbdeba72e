/*
 * postings (募集): the 標準募集様式, its workflow municipality → prefecture → national, the national list,
 * PDF/Excel documents and mail subscriptions. Other modules call the functions exported here only.
 */
export {
  expirePostings,
  openPostingCountsByMunicipality,
  postingCriteria,
  postingCriteriaOfMany,
  postingFacts,
  postingFactsForStaff,
  postingFactsOfMany,
  publishedPostingsFeed,
  roleLabelOf,
  type FeedPosting,
  type PostingDeps,
  type PostingFacts,
  type PublishedPosting,
} from './service.ts'
export { sendPostingDigests } from './subscriptions.ts'
export { postingJobs } from './timers.ts'
