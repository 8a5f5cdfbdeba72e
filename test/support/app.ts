import type { FastifyInstance } from 'fastify'
import { afterAll } from 'vitest'
import { buildApp } from '../../server/app.ts'
import type { Clock } from '../../server/clock.ts'
import { testConfig } from '../../server/config.ts'
import type { Engine } from '../../server/db/database.ts'
import { openTestDatabase } from './database.ts'

export interface TestApp {
  app: FastifyInstance
  engine: Engine
}

/** The real app on this file's own database; closed after the file's tests. */
export async function startTestApp(options: { clock?: Clock } = {}): Promise<TestApp> {
  const engine = await openTestDatabase()
  const app = await buildApp({ config: testConfig(), db: engine.db, ...(options.clock ? { clock: options.clock } : {}) })
  afterAll(async () => {
    await app.close()
    await engine.close()
  })
  return { app, engine }
}
