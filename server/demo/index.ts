/*
 * The demo world: a coherent scenario built through the HTTP API in-process (the same routes, validation, rules,
 * audit trail and mail outbox as the browser), from the fixed data in ./data. One feeder per part of the world.
 */
import { todayInJapan } from '#shared/domain/dates'
import { buildApp } from '../app.ts'
import type { Clock } from '../clock.ts'
import type { Config } from '../config.ts'
import type { Db } from '../db/database.ts'
import { createDemoAccounts, type DemoAccountSpec } from '../modules/accounts/index.ts'
import { feedApplications } from './applications.ts'
import { feedBidRestrictions } from './appointment.ts'
import { feedCandidates } from './candidates.ts'
import { feedCompanies } from './companies.ts'
import { demoContext } from './context.ts'
import { feedDispatchSchemes } from './dispatch-schemes.ts'
import { NEWCOMER, STAFF } from './data/accounts.ts'
import { CANDIDATES } from './data/candidates.ts'
import { feedPostings } from './postings.ts'
import { feedSharing } from './sharing.ts'

export { welcomeText } from './welcome.ts'
export { DemoStepRefused } from './api.ts'

export type DemoOutcome = { created: true; password: string } | { created: false; reason: 'accounts_exist' | 'demo_exists' }

const ACCOUNTS: DemoAccountSpec[] = [
  ...Object.values(STAFF),
  ...CANDIDATES.map((person) => ({ kind: 'candidate' as const, email: person.email, displayName: person.fullName })),
  NEWCOMER,
]

/**
 * Creates the demo accounts and, when they were created, the world around them. Refuses a database with any
 * account unless `force`, and one that has the demo already.
 */
export async function seedDemoWorld(db: Db, config: Config, options: { force: boolean; clock?: Clock }): Promise<DemoOutcome> {
  const clock = options.clock ?? (() => new Date())
  const accounts = await createDemoAccounts(db, config, ACCOUNTS, { force: options.force })
  if (!accounts.created) return accounts
  // The world's mail waits in the outbox like any other (the running server sends it when SMTP_URL is set).
  const app = await buildApp({ config: { ...config, logLevel: 'silent', smtpUrl: undefined }, db, clock })
  try {
    const ctx = demoContext(app, accounts.password, todayInJapan(clock()))
    await feedCompanies(ctx)
    await feedPostings(ctx)
    await feedCandidates(ctx)
    await feedApplications(ctx)
    await feedBidRestrictions(ctx)
    await feedSharing(ctx)
    await feedDispatchSchemes(ctx)
  } finally {
    await app.close()
  }
  return { created: true, password: accounts.password }
}
