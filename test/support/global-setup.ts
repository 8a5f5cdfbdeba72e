import { writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { openPglite, openPostgres } from '../../server/db/database.ts'
import { migrate } from '../../server/db/migrate.ts'
import { seedReferenceData } from '../../server/db/seed.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDumpPath: string
    templateDatabase: string
  }
}

export const TEMPLATE_DATABASE = 'app_template'

/**
 * Migrates and seeds one template database; every test file then starts from a copy of it
 * (PGlite: a dumped data directory; PostgreSQL: CREATE DATABASE … TEMPLATE).
 */
export default async function setup(project: TestProject) {
  const databaseUrl = process.env.DATABASE_URL
  if (databaseUrl) {
    const admin = new pg.Client({ connectionString: databaseUrl })
    await admin.connect()
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`)
    await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`)
    await admin.end()
    const url = new URL(databaseUrl)
    url.pathname = `/${TEMPLATE_DATABASE}`
    const engine = openPostgres(url.toString(), 1)
    await migrate(engine)
    await seedReferenceData(engine.db)
    await engine.close()
    project.provide('templateDatabase', TEMPLATE_DATABASE)
    project.provide('pgliteDumpPath', '')
    return
  }
  const engine = await openPglite('memory://')
  await migrate(engine)
  await seedReferenceData(engine.db)
  const dump = await engine.pglite.dumpDataDir('none')
  const path = join(tmpdir(), `app-template-${process.pid}.tar`)
  await writeFile(path, Buffer.from(await dump.arrayBuffer()))
  await engine.close()
  project.provide('pgliteDumpPath', path)
  project.provide('templateDatabase', '')
}
