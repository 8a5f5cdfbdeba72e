/*
 * saved-searches (保存した検索条件): a candidate's saved filters of the national posting search, told by mail of each
 * newly published posting that matches. Other modules call the functions exported here only.
 */
export { announcePublication, deleteSavedSearchesOfAccount, savedSearchesOfAccount, type SavedSearchDeps } from './service.ts'
