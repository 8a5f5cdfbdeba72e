import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/**
 * `npm run bench`: runs every bench/*.ts in its own process, one after another, so one benchmark's caches and
 * connections never colour another's figures. Each script prints its own figures and ratio to a baseline.
 * `npm run bench -- matching` runs only the scripts whose name contains "matching"; arguments after the name are
 * passed to each script (`npm run bench -- national-day --scale 0.05`).
 */
const dir = fileURLToPath(new URL('.', import.meta.url))
const filter = process.argv[2] ?? ''
const scripts = readdirSync(dir)
  .filter((name) => name.endsWith('.ts') && name !== 'run.ts' && !name.startsWith('_') && name.includes(filter))
  .sort()

if (!process.env.DATABASE_URL) {
  console.log('DATABASE_URL が未設定です: 数値は組み込み PGlite のものです（本番相当の数値は PostgreSQL で測ってください）。')
}
let failed = 0
for (const script of scripts) {
  console.log(`\n== ${script}`)
  const result = spawnSync(process.execPath, ['--import', 'tsx', `${dir}${script}`, ...process.argv.slice(3)], { stdio: 'inherit' })
  if (result.status !== 0) failed += 1
}
process.exit(failed === 0 ? 0 : 1)
