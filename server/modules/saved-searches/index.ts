/*
 * saved-searches (保存した検索条件): a candidate's saved filters of the national posting search, told by mail, daily or
 * weekly, of newly published postings that match, with their match scores. Other modules call the functions
 * exported here only.
 */
export { announcePublication, deleteSavedSearchesOfAccount, savedSearchesOfAccount, type SavedSearchDeps } from './service.ts'
export { savedSearchJobs } from './timers.ts'
