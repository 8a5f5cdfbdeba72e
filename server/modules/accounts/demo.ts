import { sql } from 'kysely'
import type { AccountKind } from '#shared/domain/accounts'
import type { Config } from '../../config.ts'
import type { Db } from '../../db/database.ts'
import { recordAudit } from '../audit/index.ts'
import { countAccounts, insertAccount } from './repository.ts'
import { generatePassword, hashPassword } from './secrets.ts'

export interface DemoAccount {
  kind: AccountKind
  email: string
  password: string
  displayName: string
  /** Where the account belongs, in words (愛媛県, 松山市). */
  belongsTo: string
}

const DEMO: Array<Omit<DemoAccount, 'password'> & { localGovernmentCode?: string; prefectureCode?: string }> = [
  { kind: 'national', email: 'kuni.admin@example.jp', displayName: 'デモ 国 管理者', belongsTo: '国' },
  { kind: 'prefecture', email: 'ehime.pref@example.jp', displayName: 'デモ 愛媛県 担当者', belongsTo: '愛媛県', prefectureCode: '38' },
  { kind: 'municipality', email: 'matsuyama@example.jp', displayName: 'デモ 松山市 担当者', belongsTo: '愛媛県 松山市', localGovernmentCode: '382019', prefectureCode: '38' },
  { kind: 'municipality', email: 'imabari@example.jp', displayName: 'デモ 今治市 担当者', belongsTo: '愛媛県 今治市', localGovernmentCode: '382027', prefectureCode: '38' },
  { kind: 'candidate', email: 'yamada.hanako@example.jp', displayName: '山田 花子', belongsTo: '外部デジタル人材' },
  { kind: 'candidate', email: 'sato.ken@example.jp', displayName: '佐藤 健', belongsTo: '外部デジタル人材' },
  { kind: 'candidate', email: 'suzuki.misaki@example.jp', displayName: '鈴木 美咲', belongsTo: '外部デジタル人材' },
]

/**
 * Demo accounts for a fresh database: 国, 愛媛県 (38), 松山市 (382019), 今治市 (382027) and three candidates, all
 * confirmed, each with a random password (or config.demoPassword). Does nothing when any account exists, so it
 * can run on every start; the passwords exist only in the returned list.
 */
export async function seedDemoAccounts(db: Db, config: Config): Promise<DemoAccount[]> {
  if ((await countAccounts(db)) > 0) return []
  const cost = { memoryKib: config.passwordHashMemoryKib, iterations: config.passwordHashIterations }
  const accounts = await Promise.all(
    DEMO.map(async ({ localGovernmentCode, prefectureCode, ...account }) => {
      const password = config.demoPassword ?? generatePassword()
      return { account: { ...account, password }, localGovernmentCode, prefectureCode, passwordHash: await hashPassword(password, cost) }
    }),
  )
  return db.transaction().execute(async (tx) => {
    // A second process seeding at the same moment waits here, then finds the accounts and does nothing.
    await sql`LOCK TABLE account IN EXCLUSIVE MODE`.execute(tx)
    if ((await countAccounts(tx)) > 0) return []
    for (const { account, localGovernmentCode, prefectureCode, passwordHash } of accounts) {
      const row = await insertAccount(tx, {
        kind: account.kind,
        email: account.email,
        display_name: account.displayName,
        password_hash: passwordHash,
        email_confirmed_at: new Date(),
        local_government_code: localGovernmentCode ?? null,
        prefecture_code: prefectureCode ?? null,
      })
      await recordAudit(tx, {
        actor: { kind: 'system' },
        action: 'account.seeded',
        targetType: 'account',
        targetId: row.id,
        prefectureCode: prefectureCode ?? null,
        localGovernmentCode: localGovernmentCode ?? null,
        details: { kind: account.kind },
      })
    }
    return accounts.map(({ account }) => account)
  })
}

/** The sign-in table printed once when the demo accounts are created. */
export function formatDemoAccounts(accounts: DemoAccount[], publicUrl: string): string {
  const width = Math.max(...accounts.map((account) => account.email.length))
  const lines = accounts.map((account) => `  ${account.email.padEnd(width)}  ${account.password}  ${account.belongsTo}（${account.displayName}）`)
  return [
    '',
    'デモ用アカウントを作成しました。パスワードはこの一度しか表示されません（控えてください）:',
    ...lines,
    `ログイン: ${new URL('/sign-in', publicUrl).toString()}`,
    '',
  ].join('\n')
}
