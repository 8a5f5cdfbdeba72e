import { expect, test } from 'vitest'
import { buildApp } from './app.ts'
import { testConfig } from './config.ts'
import type { Db } from './db/database.ts'

test('利用者の宣言がない /api ルートは起動時に拒否される（既定で拒否）', async () => {
  const app = await buildApp({ config: testConfig(), db: {} as Db })
  expect(() => app.get('/api/undeclared', async () => 'x')).toThrow(/利用できる利用者を宣言していません/)
  await app.close()
})
