/**
 * The national list's search (GET /api/postings) over 10,000 published postings on real PostgreSQL.
 * Prints p50/p95 of filtered searches through the service (the route's code path) and the ratio to a bare indexed
 * query on the same data in the same run. Goal: p95 < 50 ms. Skips without DATABASE_URL (PGlite is one
 * connection in WASM; its figures would say nothing about production).
 */
import pg from 'pg'
import { sql } from 'kysely'
import { PostingForm, type DutyArea, type PostingRoleId } from '#shared/domain/postings/form'
import { openPostgres } from '../server/db/database.ts'
import { migrate } from '../server/db/migrate.ts'
import { seedReferenceData } from '../server/db/seed.ts'
import { postingSearchText } from '../server/modules/postings/rules.ts'
import { searchPublicPostings } from '../server/modules/postings/public.ts'
import { municipalityOf } from '../server/modules/postings/service.ts'
import { PostingSearchQuery } from '#shared/contracts/postings'

const POSTINGS = 10_000
const WARMUP = 30
const ITERATIONS = 300

const databaseUrl = process.env.DATABASE_URL
if (!databaseUrl) {
  console.log('postings-search: DATABASE_URL が未設定のため省略します（PostgreSQL で測る benchmark です）。')
  process.exit(0)
}

// A fixed-seed generator so every run measures the same data.
let seed = 20260401
function random(): number {
  seed = (seed * 1103515245 + 12345) % 2 ** 31
  return seed / 2 ** 31
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!

const name = `bench_postings_${process.pid}`
const admin = new pg.Client({ connectionString: databaseUrl })
await admin.connect()
await admin.query(`CREATE DATABASE ${name}`)
const url = new URL(databaseUrl)
url.pathname = `/${name}`
const engine = openPostgres(url.toString(), 4)

try {
  await migrate(engine)
  await seedReferenceData(engine.db)
  const municipalities = await engine.db.selectFrom('local_government').select(['code']).where('kind', '<>', 'prefecture').execute()
  const roles: PostingRoleId[] = ['producer', 'producer', 'project_manager', 'service_designer', 'engineer', 'other']
  const titles = ['CIO補佐官', 'DX推進アドバイザー', 'デジタル戦略監', 'DX推進専門員', '情報政策アドバイザー', 'データ活用推進員', 'CDO補佐官']
  const areas: DutyArea['area'][] = ['standardization', 'online_procedures', 'ai_rpa', 'security', 'bpr', 'open_data', 'overall_policy', 'staff_development']
  const started = performance.now()
  const base = new Date('2026-04-01T00:00:00Z').getTime()
  for (let batch = 0; batch < POSTINGS / 500; batch += 1) {
    const rows = []
    for (let i = 0; i < 500; i += 1) {
      const { code } = pick(municipalities)
      const municipality = await municipalityOf(engine.db, code)
      const remote = random() < 0.6
      const form = PostingForm.parse({
        title: pick(titles),
        roleId: pick(roles),
        roleLabel: null,
        dutyAreas: [{ area: pick(areas), involvement: 'advise' }],
        dutyDescription: `${municipality.name}の${pick(['自治体DX推進計画', '情報システム標準化', '行政手続オンライン化', 'データ利活用'])}を支援する。`,
        appointmentForm: pick(['tokubetsushoku_hijokin', 'gyomu_itaku', 'tokutei_ninkitsuki']),
        remoteAllowed: remote,
        onSiteFrequency: remote ? '月2回' : null,
        sideJobAllowed: random() < 0.7,
        workplace: `${municipality.name}役所`,
        applicationEndsOn: `2026-${String(5 + Math.floor(random() * 7)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
      })
      const publishedAt = new Date(base - Math.floor(random() * 180) * 86_400_000)
      const { criteria: _criteria, ...stored } = form
      rows.push({
        municipality_code: code,
        prefecture_code: code.slice(0, 2),
        state: 'published' as const,
        form: JSON.stringify(stored),
        title: form.title,
        role_id: form.roleId,
        appointment_form: form.appointmentForm,
        remote_allowed: form.remoteAllowed,
        side_job_allowed: form.sideJobAllowed,
        application_ends_on: form.applicationEndsOn,
        search_text: postingSearchText(form, municipality),
        submitted_at: publishedAt,
        forwarded_at: publishedAt,
        published_at: publishedAt,
        created_at: publishedAt,
        updated_at: publishedAt,
      })
    }
    await engine.db.insertInto('posting').values(rows).execute()
  }
  await sql`ANALYZE posting`.execute(engine.db)
  console.log(`${POSTINGS.toLocaleString('ja-JP')}件の公開募集を作成: ${((performance.now() - started) / 1000).toFixed(1)}秒`)

  const today = '2026-04-01'
  const clock = () => new Date(`${today}T03:00:00Z`)
  const deps = { db: engine.db, clock, config: { publicUrl: 'http://localhost' } }
  const queries = [
    { role: 'producer', prefecture: '13', remote: 'true', sort: 'deadline' },
    { role: 'engineer', sidejob: 'true' },
    { q: 'CIO補佐官', prefecture: '38' },
    { q: 'データ利活用', remote: 'true', sort: 'deadline' },
    { q: 'まつやま' },
    { role: 'service_designer', sort: 'newest', offset: '40' },
  ].map((raw) => PostingSearchQuery.parse(raw))

  async function measure(label: string, run: (i: number) => Promise<unknown>) {
    for (let i = 0; i < WARMUP; i += 1) await run(i)
    const times: number[] = []
    for (let i = 0; i < ITERATIONS; i += 1) {
      const t0 = performance.now()
      await run(i)
      times.push(performance.now() - t0)
    }
    times.sort((a, b) => a - b)
    const p = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!
    console.log(`${label}: p50 ${p(0.5).toFixed(2)} ms, p95 ${p(0.95).toFixed(2)} ms`)
    return { p50: p(0.5), p95: p(0.95) }
  }

  const baseline = await measure('基準（索引だけの素の SQL: 公開中を新しい順に20件）', () =>
    sql`SELECT id FROM posting WHERE state = 'published' ORDER BY published_at DESC, id LIMIT 20`.execute(engine.db),
  )
  const filtered = await measure('絞り込み検索（searchPublicPostings: 人材像・都道府県・リモート・副業・全文・並び順、件数つき）', (i) =>
    searchPublicPostings(deps, queries[i % queries.length]!),
  )
  const text = await measure('全文のみ（q=まつやま, LIKE + pg_trgm GIN）', () => searchPublicPostings(deps, queries[4]!))
  const hits = await Promise.all(queries.map(async (query) => (await searchPublicPostings(deps, query)).total))
  console.log(`各条件の該当件数: ${hits.join(', ')}`)
  console.log(`比 (絞り込み p50 / 基準 p50): ${(filtered.p50 / baseline.p50).toFixed(1)}  全文のみ: ${(text.p50 / baseline.p50).toFixed(1)}`)
  console.log(`目標 p95 < 50 ms: ${filtered.p95 < 50 ? '達成' : '未達'}`)
} finally {
  await engine.close()
  for (let attempt = 0; ; attempt += 1) {
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${name}`)
      break
    } catch (error) {
      if (attempt >= 20) throw error
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  await admin.end()
}
