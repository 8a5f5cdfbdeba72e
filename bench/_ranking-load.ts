/**
 * The ranking load of the matching benchmark, shared with the bid-check benchmark (which runs its checks while it
 * runs): a synthetic data set of `candidates` matchable candidates in a database of its own, seeded once from a
 * fixed seed and reused, and 4 prefecture staff members signed in through the real route, each ranking its
 * prefecture's published postings (top 50, `GET /api/postings/:id/matches`) one request after another.
 */
import { sql } from 'kysely'
import pg from 'pg'
import { type Engine, openPostgres } from '../server/db/database.ts'
import { migrate } from '../server/db/migrate.ts'
import { seedReferenceData } from '../server/db/seed.ts'
import { seedSynthetic } from '../server/synthetic/index.ts'
import { createAccount } from '../test/support/actors.ts'
import { type Session, type Timed, databaseUrlOf, signInOverHttp, timedRequest } from './_http.ts'

export const RANKERS = 4
export const RANKING_POSTINGS = 2_000

/** Creates (once) and fills (up to `candidates`) the matching data set `bench_matching_<candidates>`; its URL. */
export async function prepareMatchingDatabase(url: string, candidates: number, postings = RANKING_POSTINGS): Promise<string> {
  const database = `bench_matching_${candidates}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${database}`)
  await admin.end()
  const target = databaseUrlOf(url, database)
  const engine = openPostgres(target, 4)
  try {
    await seedMatching(engine, candidates, postings)
  } finally {
    await engine.close()
  }
  return target
}

export async function seedMatching(engine: Engine, candidates: number, postings: number): Promise<void> {
  await migrate(engine)
  await seedReferenceData(engine.db)
  const { rows } = await sql<{ count: number | string }>`SELECT count(*) AS count FROM candidate`.execute(engine.db)
  const existing = Number(rows[0]?.count ?? 0)
  if (existing < candidates) {
    console.log(`  合成データを作成します（候補者 ${candidates - existing} 人、募集 ${existing === 0 ? postings : 0} 件）…`)
    const summary = await seedSynthetic(engine.db, { candidates: candidates - existing, postings: existing === 0 ? postings : 0, seed: 42 })
    console.log(`  作成: ${summary.seconds.toFixed(1)} 秒`)
  }
  if (engine.kind === 'postgres') await sql`ANALYZE`.execute(engine.db)
}

export interface Ranker {
  session: Session
  postingIds: string[]
}

/**
 * Staff of the RANKERS prefectures with the most published postings, each with an account made for this run
 * and signed in over HTTP at `base`.
 */
export async function signInRankers(databaseUrl: string, base: string): Promise<Ranker[]> {
  const engine = openPostgres(databaseUrl, 1)
  try {
    const { rows } = await sql<{ prefecture_code: string; ids: string[] }>`
      SELECT prefecture_code, array_agg(id ORDER BY id) AS ids FROM posting WHERE state = 'published'
      GROUP BY prefecture_code ORDER BY count(*) DESC, prefecture_code LIMIT ${RANKERS}`.execute(engine.db)
    const rankers: Ranker[] = []
    for (const row of rows) {
      const account = await createAccount(engine.db, { kind: 'prefecture', prefectureCode: row.prefecture_code })
      rankers.push({ session: await signInOverHttp(base, account.email, account.password), postingIds: row.ids })
    }
    return rankers
  } finally {
    await engine.close()
  }
}

export const rankingUrl = (base: string, postingId: string) => `${base}/api/postings/${postingId}/matches?limit=50&offset=0`

/**
 * Every ranker ranks its postings one after another, all at once, until `done(requestsSoFar)` says stop; every
 * answer's time and status.
 */
export async function runRankers(base: string, rankers: readonly Ranker[], done: (requests: number) => boolean): Promise<Timed[]> {
  const results: Timed[] = []
  await Promise.all(
    rankers.map(async (ranker, which) => {
      for (let index = which; !done(results.length); index += 1) {
        results.push(await timedRequest(rankingUrl(base, ranker.postingIds[index % ranker.postingIds.length]!), { session: ranker.session }))
      }
    }),
  )
  return results
}
