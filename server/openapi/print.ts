/**
 * Prints the OpenAPI document the server publishes at /openapi.json, without a database or a listening socket
 * (`npm run lint:openapi` lints it; the client-generation test reads it the same way).
 */
import { writeFileSync } from 'node:fs'
import { buildApp } from '../app.ts'
import { testConfig } from '../config.ts'
import type { Db } from '../db/database.ts'

export async function openApiDocument(): Promise<Record<string, unknown>> {
  const app = await buildApp({ config: testConfig(), db: {} as Db })
  await app.ready()
  const document = app.swagger() as unknown as Record<string, unknown>
  await app.close()
  return document
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const target = process.argv[2]
  const text = JSON.stringify(await openApiDocument(), null, 2)
  if (target) writeFileSync(target, text)
  else process.stdout.write(text)
}
