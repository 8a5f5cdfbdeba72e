import { sql } from 'kysely'
import type { AccountKind } from '#shared/domain/accounts'
import type { Config } from '../../config.ts'
import type { Db } from '../../db/database.ts'
import { recordAudit } from '../audit/index.ts'
import { countAccounts, insertAccount } from './repository.ts'
import { generatePassword, hashPassword } from './secrets.ts'

/** One account of the demo world (server/demo/data/accounts.ts). */
export interface DemoAccountSpec {
  kind: AccountKind
  email: string
  displayName: string
  localGovernmentCode?: string
  prefectureCode?: string
}

export type DemoAccountsResult =
  { created: true; password: string; ids: ReadonlyMap<string, string> } | { created: false; reason: 'accounts_exist' | 'demo_exists' }

/**
 * Creates the demo accounts, all confirmed, sharing one password (config.demoPassword, else a random one returned
 * here only) and so one argon2id hash at the configured cost: the first start stays quick however many people
 * the demo has. Refuses a database that has any account unless `force`, and in any case one that has a demo
 * address already; two processes seeding at once serialise on the lock and the second one is refused.
 */
export async function createDemoAccounts(db: Db, config: Config, specs: readonly DemoAccountSpec[], options: { force: boolean }): Promise<DemoAccountsResult> {
  if (!options.force && (await countAccounts(db)) > 0) return { created: false, reason: 'accounts_exist' }
  const password = config.demoPassword ?? generatePassword()
  const passwordHash = await hashPassword(password, { memoryKib: config.passwordHashMemoryKib, iterations: config.passwordHashIterations })
  return db.transaction().execute(async (tx): Promise<DemoAccountsResult> => {
    await sql`LOCK TABLE account IN EXCLUSIVE MODE`.execute(tx)
    if (!options.force && (await countAccounts(tx)) > 0) return { created: false, reason: 'accounts_exist' }
    const emails = specs.map((spec) => spec.email)
    const taken = await tx.selectFrom('account').select('id').where('email', 'in', emails).executeTakeFirst()
    if (taken) return { created: false, reason: 'demo_exists' }
    const ids = new Map<string, string>()
    for (const spec of specs) {
      const row = await insertAccount(tx, {
        kind: spec.kind,
        email: spec.email,
        display_name: spec.displayName,
        password_hash: passwordHash,
        email_confirmed_at: new Date(),
        local_government_code: spec.localGovernmentCode ?? null,
        prefecture_code: spec.prefectureCode ?? spec.localGovernmentCode?.slice(0, 2) ?? null,
      })
      ids.set(spec.email, row.id)
      await recordAudit(tx, {
        actor: { kind: 'system' },
        action: 'account.seeded',
        targetType: 'account',
        targetId: row.id,
        prefectureCode: spec.prefectureCode ?? spec.localGovernmentCode?.slice(0, 2) ?? null,
        localGovernmentCode: spec.localGovernmentCode ?? null,
        details: { kind: spec.kind, demo: true },
      })
    }
    return { created: true, password, ids }
  })
}
