import { describe, expect, test } from 'vitest'
import { listApplications } from '#shared/contracts/applications'
import { CandidateMatchPage } from '#shared/contracts/matching'
import { fiscalYearOf } from '#shared/domain/dates'
import { PostingState } from '#shared/domain/postings/workflow'
import { startTestApp } from '../../test/support/app.ts'
import { injectAs } from '../../test/support/actors.ts'
import { testConfig } from '../config.ts'
import { STAFF } from './data/accounts.ts'
import { APPLICATIONS } from './data/applications.ts'
import { COMPANY } from './data/companies.ts'
import { MUNICIPALITIES } from './data/places.ts'
import { POSTINGS } from './data/postings.ts'
import { DISPATCH, JOINT_APPOINTMENT } from './data/sharing.ts'
import { DISPATCH_SCHEMES } from './data/dispatch-schemes.ts'
import { seedDemoWorld } from './index.ts'

// A fixed day in the middle of a 年度, so the dispatches and deadlines fall where the data says.
const NOW = new Date('2026-06-10T01:00:00Z')
const clock = () => NOW
const { app, engine } = await startTestApp({ clock })
const outcome = await seedDemoWorld(engine.db, testConfig(), { force: false, clock })
if (!outcome.created) throw new Error('the demo world was not created')
const as = (email: string) => injectAs(app, { email, password: outcome.password })

describe('デモの世界（初回の npm start / npm run seed:demo）', () => {
  test('全国の募集一覧に公開中の募集が8件以上、3都道府県以上にあり、どれもデモと書いてある', async () => {
    const list = (await app.inject('/api/postings?limit=100')).json()
    expect(list.total).toBeGreaterThanOrEqual(8)
    expect(list.total).toBe(POSTINGS.filter((p) => p.state === 'published').length)
    expect(new Set(list.items.map((item: { municipality: { prefectureCode: string } }) => item.municipality.prefectureCode)).size).toBeGreaterThanOrEqual(3)
    for (const item of list.items) expect(item.title).toContain('デモ')
  })

  test('募集は6つの状態（下書き〜募集終了）すべてにあり、4つの人材像をすべて含む', async () => {
    const national = await as(STAFF.national.email)
    const rows = await engine.db.selectFrom('posting').select(['state']).execute()
    expect(new Set(rows.map((row) => row.state))).toEqual(new Set(PostingState.options))
    expect(new Set(POSTINGS.map((p) => p.form.roleId))).toEqual(new Set(['producer', 'project_manager', 'service_designer', 'engineer']))
    const forwarded = (await national('/api/staff/postings?state=forwarded')).json()
    expect(forwarded.items.map((item: { title: string }) => item.title)).toEqual([POSTINGS.find((p) => p.state === 'forwarded')!.form.title])
  })

  test('松山市は公開中の募集の候補者ランキングで5人以上の条件を満たす候補者を見る', async () => {
    const matsuyama = await as(STAFF.matsuyama.email)
    const postings = (await matsuyama('/api/staff/postings?state=published')).json()
    const pm = postings.items.find((item: { title: string }) => item.title.includes('住民記録システム標準化'))
    const page = CandidateMatchPage.parse((await matsuyama(`/api/postings/${pm.id}/matches`)).json())
    expect(page.items.filter((match) => match.eligible).length).toBeGreaterThanOrEqual(5)
    expect(page.items.map((match) => match.score)).toEqual([...page.items.map((match) => match.score)].sort((a, b) => b - a))
  })

  test('選考のすべての段階（応募受付〜取下げ）に応募があり、松山市の一覧は自団体の分だけ', async () => {
    const rows = await engine.db.selectFrom('application').select(['status']).execute()
    expect(new Set(rows.map((row) => row.status))).toEqual(
      new Set(['received', 'screening', 'interview', 'offered', 'appointed', 'rejected', 'declined', 'withdrawn']),
    )
    expect(rows).toHaveLength(APPLICATIONS.length)
    const matsuyama = await as(STAFF.matsuyama.email)
    const mine = (await matsuyama(`${listApplications.path}?limit=100`)).json()
    const matsuyamaKeys = new Set(POSTINGS.filter((p) => p.municipality === 'matsuyama').map((p) => p.key))
    expect(mine.total).toBe(APPLICATIONS.filter((a) => matsuyamaKeys.has(a.posting)).length)
  })

  test('任用者の勤務先の兄弟会社の入札は、グループの経路つきで「制限」、関係のない会社は「可」', async () => {
    const matsuyama = await as(STAFF.matsuyama.email)
    const procurement = (await matsuyama('/api/procurements')).json().items[0]
    const restricted = (
      await matsuyama({ method: 'POST', url: '/api/bid-checks', payload: { procurementId: procurement.id, bidderCorporateNumber: COMPANY.dogoSolutions } })
    ).json()
    expect(restricted.decision).toBe('restricted')
    const b1 = restricted.findings.find((finding: { ruleId: string }) => finding.ruleId === 'B1')
    expect(b1.subjectCorporateNumber).toBe(COMPANY.iyoSystems)
    expect(b1.path.map((step: { to: string }) => step.to)).toEqual([COMPANY.setouchiHd, COMPANY.iyoSystems])
    const allowed = (
      await matsuyama({ method: 'POST', url: '/api/bid-checks', payload: { procurementId: procurement.id, bidderCorporateNumber: COMPANY.ishizuchiData } })
    ).json()
    expect(allowed.decision).toBe('allowed')
    const logged = await engine.db.selectFrom('bid_check').select(['decision']).where('kind', '=', 'bid').execute()
    expect(logged.map((row) => row.decision).slice(0, 2)).toEqual(['restricted', 'allowed'])
  })

  test('愛媛県のダッシュボードの数字は作成したデータのとおり（公開中の募集・派遣の利用と上限・外部人材・誓約書）', async () => {
    const ehime = await as(STAFF.ehime.email)
    const dispatchYear = fiscalYearOf('2026-06-11')
    const dashboard = (await ehime(`/api/sharing/dashboard?fiscalYear=${dispatchYear}`)).json()
    const row = (code: string) => dashboard.rows.find((r: { code: string }) => r.code === code)
    expect(dashboard.quotaPerFiscalYear).toBe(DISPATCH.scheme.timesPerFiscalYear)
    for (const key of ['matsuyama', 'imabari', 'uchiko', 'kumakogen'] as const) {
      expect(row(MUNICIPALITIES[key]).openPostings).toBe(POSTINGS.filter((p) => p.municipality === key && p.state === 'published').length)
      expect(row(MUNICIPALITIES[key]).dispatchUsed).toBe(DISPATCH.requests.filter((r) => r.municipality === key).length)
    }
    expect(row(MUNICIPALITIES.uchiko).dispatchUsed).toBe(row(MUNICIPALITIES.uchiko).dispatchQuota)
    expect(row(MUNICIPALITIES.imabari).dispatchUsed).toBeLessThan(row(MUNICIPALITIES.imabari).dispatchQuota)
    expect(row(MUNICIPALITIES.matsuyama).talentByRole).toMatchObject({ producer: 1 })
    for (const share of JOINT_APPOINTMENT.shares) expect(row(MUNICIPALITIES[share.municipality]).talentTotal).toBeGreaterThanOrEqual(1)
    expect(row(MUNICIPALITIES.matsuyama).pledgesMissing).toBe(0)
    expect(row(MUNICIPALITIES.uchiko).poolRequests).toBeGreaterThanOrEqual(1)
  })

  test('宮城県・福島県・静岡県の派遣制度は事例集のとおり（県が負担、随時と委託アドバイザー週4日、1市町村1メニュー、年5回で教育委員会・商工会も）', async () => {
    const settingsOf = async (key: 'miyagi' | 'fukushima' | 'shizuoka') => (await (await as(STAFF[key].email))('/api/sharing/dispatch/settings')).json()
    const [miyagi, fukushima, shizuoka] = [await settingsOf('miyagi'), await settingsOf('fukushima'), await settingsOf('shizuoka')]
    for (const settings of [miyagi, fukushima, shizuoka]) expect(settings).toMatchObject({ costBearer: 'prefecture', isDefault: false })
    expect(miyagi).toMatchObject({ name: 'デジタルみやぎ推進アドバイザーの派遣', timesPerFiscalYear: null, requesterKinds: ['municipality'] })
    expect(miyagi.adviser).toMatchObject({ availableDaysPerWeek: 4 })
    expect(fukushima).toMatchObject({ name: 'ICTアドバイザー市町村派遣事業', timesPerFiscalYear: null, menusPerFiscalYear: 1, adviser: null })
    expect(shizuoka).toMatchObject({
      name: '静岡県ICTエキスパート派遣事業',
      timesPerFiscalYear: 5,
      menusPerFiscalYear: null,
      requesterKinds: ['municipality', 'board_of_education', 'chamber_of_commerce'],
    })
    const shizuokaMenus = (await (await as(STAFF.shizuoka.email))('/api/sharing/dispatch/menus')).json()
    expect(shizuokaMenus.items.map((m: { title: string }) => m.title).sort()).toEqual(DISPATCH_SCHEMES[2]!.menus.map((m) => m.title).sort())
  })

  test('デモの作成は監査ログに残り、2回目は何もしない（--force でもデモがあれば作らない）', async () => {
    const seeded = await engine.db.selectFrom('audit_event').select(['actor_kind']).where('action', '=', 'account.seeded').execute()
    expect(seeded.every((event) => event.actor_kind === 'system')).toBe(true)
    const published = await engine.db.selectFrom('audit_event').select(['actor_kind']).where('action', '=', 'posting.published').execute()
    expect(published.length).toBeGreaterThanOrEqual(8)
    expect(published.every((event) => event.actor_kind === 'national')).toBe(true)
    expect(await seedDemoWorld(engine.db, testConfig(), { force: false, clock })).toEqual({ created: false, reason: 'accounts_exist' })
    expect(await seedDemoWorld(engine.db, testConfig(), { force: true, clock })).toEqual({ created: false, reason: 'demo_exists' })
  })
})
