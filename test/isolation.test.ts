/**
 * The isolation matrix: every role × every record of another tenant → 401, 403 or 404, never data; and every
 * listing returns only rows the role may see.
 *
 * To add a capability, add rows to `records` (one record of one tenant, read or changed by one request) and to
 * `listings` (a list endpoint and which of its items each role may receive). Create the records in `buildWorld`.
 */
import type { InjectOptions } from 'fastify'
import { describe, expect, test } from 'vitest'
import { ErrorBody } from '#shared/errors'
import { startTestApp } from './support/app.ts'
import { createAccount, injectAs, type SignedInInject, type TestAccount } from './support/actors.ts'

const { app, engine } = await startTestApp()
const db = engine.db

/** One signed-in person per tenant, two tenants per level (愛媛 38 with 松山市・今治市; 高知 39 with 高知市). */
const ROLES = {
  anonymous: { kind: 'anonymous' },
  candidateA: { kind: 'candidate' },
  candidateB: { kind: 'candidate' },
  matsuyama: { kind: 'municipality', localGovernmentCode: '382019', prefectureCode: '38' },
  imabari: { kind: 'municipality', localGovernmentCode: '382027', prefectureCode: '38' },
  kochiCity: { kind: 'municipality', localGovernmentCode: '392014', prefectureCode: '39' },
  ehime: { kind: 'prefecture', prefectureCode: '38' },
  kochi: { kind: 'prefecture', prefectureCode: '39' },
  national: { kind: 'national' },
} as const
type Role = keyof typeof ROLES
const ALL_ROLES = Object.keys(ROLES) as Role[]

interface World {
  account: Record<Exclude<Role, 'anonymous'>, TestAccount>
  as: Record<Role, (options: InjectOptions | string) => ReturnType<SignedInInject>>
}

async function buildWorld(): Promise<World> {
  const account = {} as World['account']
  const as = { anonymous: (options: InjectOptions | string) => app.inject(options) } as World['as']
  for (const role of ALL_ROLES) {
    if (role === 'anonymous') continue
    const tenant = ROLES[role]
    account[role] = await createAccount(db, {
      kind: tenant.kind,
      ...('localGovernmentCode' in tenant ? { localGovernmentCode: tenant.localGovernmentCode } : {}),
      ...('prefectureCode' in tenant ? { prefectureCode: tenant.prefectureCode } : {}),
      email: `${role.toLowerCase()}@isolation.example.jp`,
    })
    as[role] = await injectAs(app, account[role])
  }
  // Activity in both prefectures, so the audit log and the outbox hold rows of several tenants.
  await as.ehime({
    method: 'POST',
    url: '/api/staff-accounts',
    payload: { kind: 'municipality', email: 'seed-imabari@isolation.example.jp', displayName: '今治', localGovernmentCode: '382027' },
  })
  await as.kochi({
    method: 'POST',
    url: '/api/staff-accounts',
    payload: { kind: 'municipality', email: 'seed-kochi@isolation.example.jp', displayName: '高知', localGovernmentCode: '392014' },
  })
  await as.national({
    method: 'POST',
    url: '/api/staff-accounts',
    payload: { kind: 'national', email: 'seed-national@isolation.example.jp', displayName: '国' },
  })
  return { account, as }
}

const world = await buildWorld()

// Candidates and applications: 人材A applied to 松山市, 人材B to 今治市 and 高知市 (postings seeded as published rows).
async function publishedPosting(municipalityCode: string): Promise<string> {
  const row = await db
    .insertInto('posting')
    .values({ municipality_code: municipalityCode, prefecture_code: municipalityCode.slice(0, 2), state: 'published', form: '{}', title: '募集' } as never)
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}
async function applyAs(role: 'candidateA' | 'candidateB', municipalityCode: string): Promise<string> {
  const response = await world.as[role]({
    method: 'POST',
    url: `/api/postings/${await publishedPosting(municipalityCode)}/applications`,
    payload: { motivation: '応募' },
  })
  expect(response.statusCode, response.body).toBe(201)
  return (response.json() as { id: string }).id
}
for (const role of ['candidateA', 'candidateB'] as const) {
  await world.as[role]({
    method: 'PUT',
    url: '/api/candidates/me/profile',
    payload: { fullName: role, contactEmail: `${role.toLowerCase()}-contact@isolation.example.jp` },
  })
}
const candidateAId = ((await world.as.candidateA('/api/candidates/me')).json() as { id: string }).id
const applicationOfA = await applyAs('candidateA', '382019')
// 入札制限: a procurement of 松山市 with one logged bid check.
const procurementOfMatsuyama = (
  (await world.as.matsuyama({ method: 'POST', url: '/api/procurements', payload: { title: '松山市の調達', categories: ['other'] } })).json() as { id: string }
).id
const bidCheckOfMatsuyama = (
  (
    await world.as.matsuyama({
      method: 'POST',
      url: '/api/bid-checks',
      payload: { procurementId: procurementOfMatsuyama, bidderCorporateNumber: '7000012050002' },
    })
  ).json() as { checkId: string }
).checkId
for (const role of ['imabari', 'kochiCity'] as const) {
  await world.as[role]({ method: 'POST', url: '/api/procurements', payload: { title: `${role}の調達`, categories: ['other'] } })
}
const procurementTitle = async () =>
  expect((await db.selectFrom('procurement').select('title').where('id', '=', procurementOfMatsuyama).executeTakeFirstOrThrow()).title).toBe('松山市の調達')
const applicationOfBInImabari = await applyAs('candidateB', '382027')
const applicationOfBInKochiCity = await applyAs('candidateB', '392014')
// Messages: one thread per application, each opened by its municipality.
for (const [role, id] of [
  ['matsuyama', applicationOfA],
  ['imabari', applicationOfBInImabari],
  ['kochiCity', applicationOfBInKochiCity],
] as const) {
  const sent = await world.as[role]({ method: 'POST', url: `/api/applications/${id}/messages`, payload: { body: 'ご連絡です。' } })
  expect(sent.statusCode, sent.body).toBe(201)
}
// Interviews: 松山市 proposes two slots to 人材A, who picks the first (an event exists to download).
const interviewSlots = [
  { startsAt: '2099-05-01T10:00:00+09:00', durationMinutes: 60, mode: 'in_person', location: '松山市役所' },
  { startsAt: '2099-05-02T10:00:00+09:00', durationMinutes: 60, mode: 'in_person', location: '松山市役所' },
]
const interviewOfA = (
  await world.as.matsuyama({ method: 'POST', url: `/api/applications/${applicationOfA}/interviews`, payload: { slots: interviewSlots } })
).json() as {
  id: string
  slots: Array<{ id: string }>
}
expect(
  (await world.as.candidateA({ method: 'POST', url: `/api/interviews/${interviewOfA.id}/choice`, payload: { slotId: interviewOfA.slots[0]!.id } })).statusCode,
).toBe(200)
const interviewsOfKochiCityApplication = async () =>
  expect((await db.selectFrom('interview').select('id').where('application_id', '=', applicationOfBInKochiCity).execute()).length).toBeLessThanOrEqual(1)

/** Only the two parties ever wrote in 人材A's thread. */
const noStrangerMessage = async (w: World) => {
  const parties = [w.account.candidateA.id, w.account.matsuyama.id]
  const authors = await db
    .selectFrom('message')
    .innerJoin('message_thread', 'message_thread.id', 'message.thread_id')
    .select('message.author_account_id')
    .where('message_thread.application_id', '=', applicationOfA)
    .execute()
  expect(authors.filter((row) => !parties.includes(row.author_account_id!))).toEqual([])
}

// 人材シェアリング: 愛媛県の人材バンク（構成: 松山市）、今治市と高知市の派遣申請、愛媛県の専門官（松山市を支援）。
const sharingPoolOfEhime = (
  (await world.as.ehime({ method: 'POST', url: '/api/sharing/pools', payload: { name: '愛媛県 人材バンク', memberCodes: ['382019'] } })).json() as {
    id: string
  }
).id
const dispatchMenuOf = async (role: 'ehime' | 'kochi') =>
  ((await world.as[role]({ method: 'POST', url: '/api/sharing/dispatch/menus', payload: { title: '相談', modes: ['online'] } })).json() as { id: string }).id
const dispatchRequestOf = async (role: 'imabari' | 'kochiCity', menuId: string) => {
  const response = await world.as[role]({
    method: 'POST',
    url: '/api/sharing/dispatch/requests',
    payload: { menuId, topic: '相談', preferredDates: ['2099-05-01'], mode: 'online' },
  })
  expect(response.statusCode, response.body).toBe(201)
  return (response.json() as { id: string }).id
}
const ehimeMenu = await dispatchMenuOf('ehime')
const dispatchOfImabari = await dispatchRequestOf('imabari', ehimeMenu)
const dispatchOfImabariToDecline = await dispatchRequestOf('imabari', ehimeMenu)
const dispatchOfKochiCity = await dispatchRequestOf('kochiCity', await dispatchMenuOf('kochi'))
const ehimeTalent = (
  (await world.as.ehime({ method: 'POST', url: '/api/sharing/talents', payload: { displayName: '専門官', availableDaysPerWeek: 3 } })).json() as { id: string }
).id
const sharedAppointmentOfEhime = (
  (
    await world.as.ehime({
      method: 'POST',
      url: '/api/sharing/shared-appointments',
      payload: {
        kind: 'shared',
        talentId: ehimeTalent,
        title: '専門官',
        startsOn: '2026-04-01',
        endsOn: '2027-03-31',
        shares: [{ localGovernmentCode: '382019', daysPerMonth: 4 }],
      },
    })
  ).json() as { id: string }
).id

// ---- records: one record of one tenant, and who may reach it -----------------------------------------------------

interface RecordRow {
  name: string
  request: (world: World, role: Role) => InjectOptions
  /** Roles that may read or change it; everyone else must get 401, 403 or 404. */
  allowed: Role[]
  /** After a refused request: nothing changed (for requests that would create or change something). */
  unchanged?: (world: World, role: Role) => Promise<void>
}

const staffAccount =
  (owner: Exclude<Role, 'anonymous'>) =>
  (w: World): InjectOptions => ({ url: `/api/staff-accounts/${w.account[owner].id}` })
const emailFor = (target: string, role: Role) => `create-${target}-by-${role.toLowerCase()}@isolation.example.jp`
const noAccount = (target: string) => async (_w: World, role: Role) => {
  expect(await db.selectFrom('account').select('id').where('email', '=', emailFor(target, role)).execute()).toEqual([])
}

const records: RecordRow[] = [
  { name: '高知市の担当者アカウント', request: staffAccount('kochiCity'), allowed: ['kochiCity', 'kochi', 'national'] },
  { name: '今治市の担当者アカウント', request: staffAccount('imabari'), allowed: ['imabari', 'ehime', 'national'] },
  { name: '愛媛県の担当者アカウント', request: staffAccount('ehime'), allowed: ['ehime', 'national'] },
  { name: '国の担当者アカウント', request: staffAccount('national'), allowed: ['national'] },
  { name: '外部デジタル人材のアカウント（担当者 API から）', request: staffAccount('candidateA'), allowed: [] },
  {
    name: '高知市の担当者の作成',
    request: (_w, role) => ({
      method: 'POST',
      url: '/api/staff-accounts',
      payload: { kind: 'municipality', email: emailFor('kochi-city', role), displayName: '作成', localGovernmentCode: '392014' },
    }),
    allowed: ['kochi', 'national'],
    unchanged: noAccount('kochi-city'),
  },
  {
    name: '愛媛県の担当者の作成',
    request: (_w, role) => ({
      method: 'POST',
      url: '/api/staff-accounts',
      payload: { kind: 'prefecture', email: emailFor('ehime', role), displayName: '作成', prefectureCode: '38' },
    }),
    allowed: ['national'],
    unchanged: noAccount('ehime'),
  },
  { name: '送信メール（全員分）', request: () => ({ url: '/api/mail-outbox' }), allowed: ['national'] },
  { name: '人材Aのプロフィール（松山市に応募）', request: () => ({ url: `/api/candidates/${candidateAId}` }), allowed: ['matsuyama'] },
  { name: '人材Aのレベル', request: () => ({ url: `/api/candidates/${candidateAId}/levels` }), allowed: ['candidateA', 'matsuyama'] },
  { name: '人材Aの松山市への応募', request: () => ({ url: `/api/applications/${applicationOfA}` }), allowed: ['candidateA', 'matsuyama'] },
  { name: '人材Aの松山市への応募のメッセージ', request: () => ({ url: `/api/applications/${applicationOfA}/messages` }), allowed: ['candidateA', 'matsuyama'] },
  {
    name: '人材Aの松山市への応募へのメッセージ送信',
    request: () => ({ method: 'POST', url: `/api/applications/${applicationOfA}/messages`, payload: { body: '送信' } }),
    allowed: ['candidateA', 'matsuyama'],
    unchanged: noStrangerMessage,
  },
  {
    name: '人材Aの松山市への応募のメッセージの既読',
    request: () => ({ method: 'POST', url: `/api/applications/${applicationOfA}/messages/read` }),
    allowed: ['candidateA', 'matsuyama'],
  },
  { name: '人材Aの松山市への応募の面接', request: () => ({ url: `/api/applications/${applicationOfA}/interviews` }), allowed: ['candidateA', 'matsuyama'] },
  { name: '人材Aの面接の予定表ファイル', request: () => ({ url: `/api/interviews/${interviewOfA.id}/calendar.ics` }), allowed: ['candidateA', 'matsuyama'] },
  {
    name: '人材Bの高知市への応募への面接の提案',
    request: () => ({ method: 'POST', url: `/api/applications/${applicationOfBInKochiCity}/interviews`, payload: { slots: interviewSlots } }),
    allowed: ['kochiCity'],
    unchanged: interviewsOfKochiCityApplication,
  },
  {
    name: '人材Aの申告レベルの確認',
    request: () => ({ method: 'POST', url: `/api/candidates/${candidateAId}/level-claims/00000000-0000-4000-8000-000000000000/verification` }),
    allowed: [],
  },

  { name: '松山市の調達案件', request: () => ({ url: `/api/procurements/${procurementOfMatsuyama}` }), allowed: ['matsuyama'] },
  {
    name: '松山市の調達案件の更新',
    request: () => ({ method: 'PUT', url: `/api/procurements/${procurementOfMatsuyama}`, payload: { title: '松山市の調達', categories: ['other'] } }),
    allowed: ['matsuyama'],
    unchanged: procurementTitle,
  },
  {
    name: '松山市の調達案件での入札制限の判定',
    request: () => ({ method: 'POST', url: '/api/bid-checks', payload: { procurementId: procurementOfMatsuyama, bidderCorporateNumber: '7000012050002' } }),
    allowed: ['matsuyama'],
  },
  {
    name: '松山市の調達案件の入札制限対象企業',
    request: () => ({ url: `/api/procurements/${procurementOfMatsuyama}/restricted-companies` }),
    allowed: ['matsuyama'],
  },
  { name: '松山市の入札制限の判定記録', request: () => ({ url: `/api/bid-checks/${bidCheckOfMatsuyama}` }), allowed: ['matsuyama', 'national'] },
  { name: '松山市の調達案件の適用除外の申請一覧', request: () => ({ url: `/api/procurements/${procurementOfMatsuyama}/exemptions` }), allowed: ['matsuyama'] },
  { name: '監査ログ', request: () => ({ url: '/api/audit-events' }), allowed: ['ehime', 'kochi', 'national'] },
  {
    name: '愛媛県の人材バンク',
    request: () => ({ url: `/api/sharing/pools/${sharingPoolOfEhime}` }),
    allowed: ['ehime', 'matsuyama', 'candidateA', 'candidateB'],
  },
  { name: '愛媛県の人材バンクの登録者', request: () => ({ url: `/api/sharing/pools/${sharingPoolOfEhime}/listings` }), allowed: ['ehime', 'matsuyama'] },
  {
    name: '愛媛県の人材バンクの構成団体の変更',
    request: () => ({ method: 'PUT', url: `/api/sharing/pools/${sharingPoolOfEhime}/members`, payload: { memberCodes: ['382019'] } }),
    allowed: ['ehime'],
  },
  { name: '今治市の派遣申請', request: () => ({ url: `/api/sharing/dispatch/requests/${dispatchOfImabari}` }), allowed: ['imabari', 'ehime'] },
  {
    name: '今治市の派遣申請の見送り',
    request: () => ({ method: 'POST', url: `/api/sharing/dispatch/requests/${dispatchOfImabariToDecline}/transitions`, payload: { action: 'decline' } }),
    allowed: ['ehime'],
  },
  { name: '高知市の派遣申請', request: () => ({ url: `/api/sharing/dispatch/requests/${dispatchOfKochiCity}` }), allowed: ['kochiCity', 'kochi'] },
  {
    name: '愛媛県の共有任用（松山市を支援）',
    request: () => ({ url: `/api/sharing/shared-appointments/${sharedAppointmentOfEhime}` }),
    allowed: ['ehime', 'matsuyama'],
  },
  { name: '愛媛県の専門官の稼働', request: () => ({ url: `/api/sharing/talents/${ehimeTalent}/capacity?from=2026-04-01&to=2026-04-30` }), allowed: ['ehime'] },
]

describe.each(records)('$name', (row) => {
  test.each(ALL_ROLES)('%s', async (role) => {
    const response = await world.as[role](row.request(world, role))
    if (row.allowed.includes(role)) {
      expect(response.statusCode, response.body).toBeLessThan(300)
      return
    }
    expect([401, 403, 404], response.body).toContain(response.statusCode)
    if (role === 'anonymous') expect(response.statusCode).toBe(401)
    expect(Object.keys(response.json() as object)).toEqual(['error'])
    ErrorBody.parse(response.json())
    await row.unchanged?.(world, role)
  })
})

// ---- listings: what each role may receive in a list ----------------------------------------------------------------

interface Item {
  id: string
  [key: string]: unknown
}

interface ListingRow {
  name: string
  url: string
  /** Roles that may call the list; others get 401/403. */
  callers: Role[]
  /** Whether `role` may see `item`; the matrix fails on any item for which this is false. */
  mayContain: (role: Role, item: Item) => boolean
  /** Items the role must find (so an empty list cannot pass for a correct one). */
  mustContain?: (world: World, role: Role) => string[]
}

const tenantOf = (role: Role) => ROLES[role] as { kind: string; prefectureCode?: string; localGovernmentCode?: string }
type Named = { code: string } | null

const listings: ListingRow[] = [
  {
    name: 'GET /api/staff-accounts',
    url: '/api/staff-accounts?limit=100',
    callers: ['matsuyama', 'imabari', 'kochiCity', 'ehime', 'kochi', 'national'],
    mayContain: (role, item) => {
      const tenant = tenantOf(role)
      if (tenant.kind === 'national') return item.kind !== 'candidate'
      if (tenant.kind === 'prefecture') return (item.prefecture as Named)?.code === tenant.prefectureCode
      return (item.localGovernment as Named)?.code === tenant.localGovernmentCode
    },
    mustContain: (w, role) => [w.account[role as Exclude<Role, 'anonymous'>].id],
  },
  {
    name: 'GET /api/audit-events',
    url: '/api/audit-events?limit=100',
    callers: ['ehime', 'kochi', 'national'],
    mayContain: (role, item) => tenantOf(role).kind === 'national' || item.prefectureCode === tenantOf(role).prefectureCode,
  },
  {
    name: 'GET /api/procurements',
    url: '/api/procurements?limit=100',
    callers: ['matsuyama', 'imabari', 'kochiCity'],
    mayContain: (role, item) => item.municipalityCode === tenantOf(role).localGovernmentCode,
  },
  {
    name: 'GET /api/applications',
    url: '/api/applications?limit=100',
    callers: ['matsuyama', 'imabari', 'kochiCity'],
    mayContain: (role, item) => item.municipalityCode === tenantOf(role).localGovernmentCode,
  },
  {
    name: 'GET /api/applications/mine',
    url: '/api/applications/mine',
    callers: ['candidateA', 'candidateB'],
    mayContain: (role, item) => (role === 'candidateA') === (item.municipalityCode === '382019'),
  },
  {
    name: 'GET /api/message-threads',
    url: '/api/message-threads?limit=100',
    callers: ['candidateA', 'candidateB', 'matsuyama', 'imabari', 'kochiCity'],
    mayContain: (role, item) => {
      const tenant = tenantOf(role)
      if (tenant.kind === 'municipality') return item.municipalityCode === tenant.localGovernmentCode
      return (role === 'candidateA') === (item.municipalityCode === '382019')
    },
  },
  {
    name: 'GET /api/mail-outbox',
    url: '/api/mail-outbox?limit=100',
    callers: ['national'],
    mayContain: () => true,
  },
]

describe.each(listings)('$name は管轄外の行を返さない', (listing) => {
  test.each(ALL_ROLES)('%s', async (role) => {
    const response = await world.as[role](listing.url)
    if (!listing.callers.includes(role)) {
      expect([401, 403]).toContain(response.statusCode)
      ErrorBody.parse(response.json())
      return
    }
    expect(response.statusCode).toBe(200)
    const { items, total } = response.json() as { items: Item[]; total: number }
    expect(items.length).toBeGreaterThan(0)
    const leaked = items.filter((item) => !listing.mayContain(role, item))
    expect(leaked, `${role} received rows of another tenant`).toEqual([])
    // The total counts the scoped rows too (a total of every tenant's rows would leak their number).
    if (items.length < 100) expect(total).toBe(items.length)
    const ids = items.map((item) => item.id)
    for (const id of listing.mustContain?.(world, role) ?? []) expect(ids).toContain(id)
  })
})
