/**
 * 法人番号 import at national scale: generates a 全件 file in the published layout (法人番号 リソース定義書, 30 columns,
 * Shift_JIS, zipped) of ROWS rows (default 1,000,000), imports it with the CLI's code path, and prints rows per
 * second and the process's memory (RSS) sampled every second, to show memory stays flat as the file grows.
 * `npm run bench -- corporate-import` (a database of its own on the PostgreSQL server at DATABASE_URL, dropped after).
 */
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { openPostgres } from '../server/db/database.ts'
import { migrate } from '../server/db/migrate.ts'
import { seedReferenceData } from '../server/db/seed.ts'
import { fixtureLine, writeFixtureZip } from '../server/modules/companies/corporate-fixtures.ts'
import { registerCorporateFile, runCorporateImport } from '../server/modules/companies/index.ts'
import { corporateNumberOf } from '../server/synthetic/companies.ts'

const databaseUrl = process.env.DATABASE_URL
if (!databaseUrl) {
  console.error('DATABASE_URL (PostgreSQL) is required for the benchmark.')
  process.exit(1)
}
const ROWS = Number(process.env.CORPORATE_ROWS ?? 1_000_000)
const dir = await mkdtemp(join(tmpdir(), 'corporate-bench-'))
const zipPath = join(dir, `00_zenkoku_all_bench_${ROWS}.zip`)

function* lines() {
  for (let index = 0; index < ROWS; index += 1) {
    yield fixtureLine(
      {
        corporateNumber: corporateNumberOf(`9${String(index).padStart(11, '0')}`),
        name: `ベンチマーク商事株式会社${index}`,
        street: `一番町${index % 9}丁目${index % 30}－${index % 7}`,
      },
      index + 1,
    )
  }
}

const generated = Date.now()
await writeFixtureZip(zipPath, lines(), 'cp932')
console.log(
  `generated ${ROWS.toLocaleString()} rows: ${((await stat(zipPath)).size / 1e6).toFixed(1)} MB zipped in ${((Date.now() - generated) / 1000).toFixed(1)} s`,
)

const name = `bench_corporate_${process.pid}`
const admin = new pg.Client({ connectionString: databaseUrl })
await admin.connect()
await admin.query(`CREATE DATABASE ${name}`)
const url = new URL(databaseUrl)
url.pathname = `/${name}`
const engine = openPostgres(url.toString(), 4)
await migrate(engine)
await seedReferenceData(engine.db)
const samples: number[] = []
const sampler = setInterval(() => samples.push(process.memoryUsage().rss), 1000)
const started = Date.now()
const { import: registered } = await registerCorporateFile(engine.db, zipPath)
const result = await runCorporateImport(engine.db, registered.id)
const seconds = (Date.now() - started) / 1000
clearInterval(sampler)
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0)
const quarter = Math.max(1, Math.floor(samples.length / 4))
console.log(
  `${result.status}: ${result.rowsDone.toLocaleString()} rows in ${seconds.toFixed(1)} s (${Math.round(result.rowsDone / seconds).toLocaleString()} rows/s)`,
)
console.log(
  `RSS MB at 25/50/75/100 %: ${[quarter, 2 * quarter, 3 * quarter, samples.length].map((at) => mb(samples[Math.min(at, samples.length) - 1] ?? 0)).join(' / ')}; max ${mb(Math.max(...samples))}`,
)
await engine.close()
await admin.query(`DROP DATABASE IF EXISTS ${name}`)
await admin.end()
await rm(dir, { recursive: true, force: true })
