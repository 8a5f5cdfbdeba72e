/*
 * accounts: sign-up, sign-in, sessions, staff accounts, and the permission rules other modules use.
 * See README.md in this folder for how other modules scope their queries and how tests sign in.
 */
export { installSessions, SESSION_COOKIE, CSRF_COOKIE, CSRF_HEADER } from './sessions.ts'
export {
  can,
  candidateSelf,
  isInMunicipalityScope,
  isWithin,
  municipalityScope,
  scopeOf,
  type MunicipalityScope,
  type Permission,
  type Scope,
} from './rules.ts'
export { inMunicipalityScope } from './scope-sql.ts'
export { accountEmail, deleteAccount, staffEmails } from './service.ts'
export type { StaffAudience } from './repository.ts'
export { accountJobs } from './jobs.ts'
export { createDemoAccounts, type DemoAccountSpec, type DemoAccountsResult } from './demo.ts'
