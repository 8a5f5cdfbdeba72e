import { describe, expect, test } from 'vitest'
import { Me } from '#shared/contracts/accounts'
import { testConfig } from '../../config.ts'
import { startTestApp } from '../../../test/support/app.ts'
import { injectAs } from '../../../test/support/actors.ts'
import { formatDemoAccounts, seedDemoAccounts } from './index.ts'

const { app, engine } = await startTestApp()

describe('デモ用アカウント（npm run seed:demo / 初回の npm start）', () => {
  test('国・愛媛県・松山市・今治市・外部デジタル人材を作り、表示したパスワードでログインできる。2回目は何もしない', async () => {
    const accounts = await seedDemoAccounts(engine.db, testConfig())
    expect(accounts.map((account) => account.kind)).toEqual(['national', 'prefecture', 'municipality', 'municipality', 'candidate', 'candidate', 'candidate'])
    expect(new Set(accounts.map((account) => account.password)).size).toBe(accounts.length)

    const matsuyama = accounts.find((account) => account.email === 'matsuyama@example.jp')!
    const me = Me.parse((await (await injectAs(app, matsuyama))('/api/auth/me')).json())
    expect(me).toMatchObject({ signedIn: true, account: { kind: 'municipality', localGovernment: { code: '382019', name: '松山市' }, prefecture: { code: '38', name: '愛媛県' } } })
    const ehime = accounts.find((account) => account.kind === 'prefecture')!
    expect(Me.parse((await (await injectAs(app, ehime))('/api/auth/me')).json())).toMatchObject({ account: { prefecture: { code: '38' } } })

    const printed = formatDemoAccounts(accounts, 'http://localhost:3000')
    for (const account of accounts) expect(printed).toContain(`${account.email}`)
    for (const account of accounts) expect(printed).toContain(account.password)
    expect(printed).toContain('http://localhost:3000/sign-in')

    expect(await seedDemoAccounts(engine.db, testConfig())).toEqual([])
    const count = await engine.db.selectFrom('account').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    expect(Number(count.n)).toBe(accounts.length)

    const audit = await engine.db.selectFrom('audit_event').select(['actor_kind', 'action']).where('action', '=', 'account.seeded').execute()
    expect(audit).toHaveLength(accounts.length)
    expect(audit.every((event) => event.actor_kind === 'system')).toBe(true)
  })
})
