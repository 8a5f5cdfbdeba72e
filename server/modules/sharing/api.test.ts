import { beforeAll, describe, expect, test } from 'vitest'
import { Capacity, Dashboard, DispatchRequest, Engagement, Listing, Pool, SharedAppointment, Talent } from '#shared/contracts/sharing'
import { ErrorBody } from '#shared/errors'
import { startTestApp } from '../../../test/support/app.ts'
import { createAndSignIn, type SignedInInject } from '../../../test/support/actors.ts'

// Today is 2026-06-01 (2026年度) in Japan.
const { app, engine } = await startTestApp({ clock: () => new Date('2026-06-01T00:00:00+09:00') })

const SHIZUOKA = '22'
const FUJIEDA = '222143' // 藤枝市
const FUKUROI = '222160' // 袋井市
const EHIME = '38'
const MATSUYAMA = '382019'
const IMABARI = '382027'
const UWAJIMA = '382035'
const FUKUYAMA = '342076' // 福山市: 備後圏域の連携中枢都市
const KASAOKA = '332054' // 笠岡市 (岡山県): 備後圏域の構成市
const ONOMICHI = '342050'

let shizuoka: SignedInInject
let fujieda: SignedInInject
let fukuroi: SignedInInject
let ehime: SignedInInject
let matsuyama: SignedInInject
let imabari: SignedInInject
let uwajima: SignedInInject
let fukuyama: SignedInInject
let kasaoka: SignedInInject
let hiroshima: SignedInInject
let candidate: SignedInInject

beforeAll(async () => {
  const sign = async (kind: 'prefecture' | 'municipality' | 'candidate', code?: string) =>
    (
      await createAndSignIn(app, engine.db, {
        kind,
        ...(kind === 'prefecture' ? { prefectureCode: code! } : kind === 'municipality' ? { localGovernmentCode: code! } : {}),
      })
    ).inject
  shizuoka = await sign('prefecture', SHIZUOKA)
  fujieda = await sign('municipality', FUJIEDA)
  fukuroi = await sign('municipality', FUKUROI)
  ehime = await sign('prefecture', EHIME)
  matsuyama = await sign('municipality', MATSUYAMA)
  imabari = await sign('municipality', IMABARI)
  uwajima = await sign('municipality', UWAJIMA)
  fukuyama = await sign('municipality', FUKUYAMA)
  kasaoka = await sign('municipality', KASAOKA)
  hiroshima = await sign('prefecture', '34')
  candidate = await sign('candidate')
})

function expectError(response: { statusCode: number; json: () => unknown }, status: number, code: string) {
  expect(response.statusCode).toBe(status)
  const body = ErrorBody.parse(response.json())
  expect(body.error.code).toBe(code)
  return body
}

async function setUpDispatch(prefecture: SignedInInject, availableDaysPerWeek = 5) {
  const menu = await prefecture({
    method: 'POST',
    url: '/api/sharing/dispatch/menus',
    payload: { title: 'AI・RPA導入の相談', description: '業務の見える化と導入計画', provider: 'ICTエキスパート', modes: ['online', 'on_site'] },
  })
  expect(menu.statusCode).toBe(201)
  const expert = await prefecture({
    method: 'POST',
    url: '/api/sharing/dispatch/experts',
    payload: { talent: { displayName: '静岡 太郎', availableDaysPerWeek }, themes: ['AI', 'RPA'] },
  })
  expect(expert.statusCode).toBe(201)
  return { menuId: menu.json().id as string, expertId: expert.json().id as string, talentId: expert.json().talent.id as string }
}

describe('派遣（静岡県の ICTエキスパート派遣の例: 1団体につき年5回まで）', () => {
  let menuId: string
  let expertId: string
  beforeAll(async () => {
    ;({ menuId, expertId } = await setUpDispatch(shizuoka))
  })

  test('市区町村が申請し、都道府県が承認し、実施報告で完了する', async () => {
    const created = await fujieda({
      method: 'POST',
      url: '/api/sharing/dispatch/requests',
      payload: { menuId, topic: '窓口業務へのRPA導入', preferredDates: ['2026-07-10', '2026-07-03'], mode: 'on_site' },
    })
    expect(created.statusCode).toBe(201)
    const request = DispatchRequest.parse(created.json())
    expect(request).toMatchObject({
      state: 'requested',
      fiscalYear: 2026,
      preferredDates: ['2026-07-03', '2026-07-10'],
      municipality: { code: FUJIEDA, name: '藤枝市' },
    })

    const approved = await shizuoka({
      method: 'POST',
      url: `/api/sharing/dispatch/requests/${request.id}/transitions`,
      payload: { action: 'approve', expertId, scheduledOn: '2026-07-03' },
    })
    expect(approved.statusCode).toBe(200)
    expect(DispatchRequest.parse(approved.json())).toMatchObject({ state: 'approved', scheduledOn: '2026-07-03', expert: { displayName: '静岡 太郎' } })

    // the municipality cannot approve; the prefecture and the municipality both may report the outcome
    expectError(
      await fujieda({
        method: 'POST',
        url: `/api/sharing/dispatch/requests/${request.id}/transitions`,
        payload: { action: 'approve', expertId, scheduledOn: '2026-07-03' },
      }),
      403,
      'FORBIDDEN',
    )
    const completed = await fujieda({
      method: 'POST',
      url: `/api/sharing/dispatch/requests/${request.id}/transitions`,
      payload: { action: 'complete', outcomeSummary: '対象業務を3つに絞り、導入計画を作成した。', outcomeDays: 1 },
    })
    expect(DispatchRequest.parse(completed.json())).toMatchObject({ state: 'completed', outcome: { days: 1 } })
    expectError(
      await fujieda({ method: 'POST', url: `/api/sharing/dispatch/requests/${request.id}/transitions`, payload: { action: 'cancel' } }),
      409,
      'SHARING_TRANSITION_NOT_ALLOWED',
    )
  })

  test('5回目の申請は受け付け、6回目は断る。2027-03-31 は同じ年度、2027-04-01 から数え直す', async () => {
    // 袋井市: four requests in 2026年度, then the fifth, then the sixth.
    const ask = (date: string) =>
      fukuroi({ method: 'POST', url: '/api/sharing/dispatch/requests', payload: { menuId, topic: `相談 ${date}`, preferredDates: [date], mode: 'online' } })
    for (const date of ['2026-06-10', '2026-08-10', '2026-10-10', '2026-12-10']) expect((await ask(date)).statusCode).toBe(201)
    expect((await ask('2027-03-30')).statusCode).toBe(201)
    const sixth = expectError(await ask('2027-03-31'), 400, 'DISPATCH_LIMIT_EXCEEDED')
    expect(sixth.error.message).toBe('今年度の派遣回数の上限（5回）に達しています（申請済み 5回）。')
    expect(sixth.error.details).toEqual([{ path: 'preferredDates', message: sixth.error.message }])
    expect((await ask('2027-04-01')).statusCode).toBe(201)

    const settings = await fukuroi('/api/sharing/dispatch/settings')
    expect(settings.json()).toMatchObject({
      timesPerFiscalYear: 5,
      costBearer: 'prefecture',
      isDefault: true,
      use: { fiscalYear: 2026, used: 5, remaining: 0 },
    })
  })

  test('上限は都道府県ごとに変えられる（0 にすると申請できない）', async () => {
    const { menuId: menu } = await setUpDispatch(ehime)
    const scheme = (timesPerFiscalYear: number) => ({
      name: '愛媛県 専門家派遣',
      costBearer: 'prefecture',
      timesPerFiscalYear,
      menusPerFiscalYear: null,
      maxDaysPerRequest: null,
      maxHoursPerRequest: null,
      requesterKinds: ['municipality'],
      adviserExpertId: null,
    })
    expect((await ehime({ method: 'PUT', url: '/api/sharing/dispatch/settings', payload: scheme(0) })).statusCode).toBe(200)
    expectError(
      await uwajima({
        method: 'POST',
        url: '/api/sharing/dispatch/requests',
        payload: { menuId: menu, topic: '相談', preferredDates: ['2026-09-01'], mode: 'online' },
      }),
      400,
      'DISPATCH_LIMIT_EXCEEDED',
    )
    expect((await ehime({ method: 'PUT', url: '/api/sharing/dispatch/settings', payload: scheme(5) })).json()).toMatchObject({
      timesPerFiscalYear: 5,
      isDefault: false,
    })
    expectError(await uwajima({ method: 'PUT', url: '/api/sharing/dispatch/settings', payload: scheme(9) }), 403, 'FORBIDDEN')
  })

  test('他県の申請・メニューは見えない（404）。自県の他団体の申請も見えない', async () => {
    const created = await fujieda({
      method: 'POST',
      url: '/api/sharing/dispatch/requests',
      payload: { menuId, topic: '情報セキュリティ研修', preferredDates: ['2026-09-01'], mode: 'online' },
    })
    const id = created.json().id as string
    expectError(await ehime(`/api/sharing/dispatch/requests/${id}`), 404, 'NOT_FOUND')
    expectError(await fukuroi(`/api/sharing/dispatch/requests/${id}`), 404, 'NOT_FOUND')
    expectError(await matsuyama(`/api/sharing/dispatch/requests/${id}`), 404, 'NOT_FOUND')
    expectError(
      await ehime({
        method: 'POST',
        url: `/api/sharing/dispatch/requests/${id}/transitions`,
        payload: { action: 'approve', expertId, scheduledOn: '2026-09-01' },
      }),
      404,
      'NOT_FOUND',
    )
    expect((await ehime('/api/sharing/dispatch/requests')).json().items.map((r: { id: string }) => r.id)).not.toContain(id)
    // 愛媛県の市は静岡県のメニューで申請できない
    expectError(
      await matsuyama({
        method: 'POST',
        url: '/api/sharing/dispatch/requests',
        payload: { menuId, topic: 'x', preferredDates: ['2026-09-01'], mode: 'online' },
      }),
      404,
      'NOT_FOUND',
    )
    // 静岡県は愛媛県の専門家を割り当てられない
    const ehimeExperts = (await ehime('/api/sharing/dispatch/experts')).json().items as { id: string }[]
    expectError(
      await shizuoka({
        method: 'POST',
        url: `/api/sharing/dispatch/requests/${id}/transitions`,
        payload: { action: 'approve', expertId: ehimeExperts[0]!.id, scheduledOn: '2026-09-01' },
      }),
      404,
      'NOT_FOUND',
    )
  })

  test('過去の希望日、メニューにない実施方法、壊れた入力は 4xx', async () => {
    expectError(
      await fujieda({ method: 'POST', url: '/api/sharing/dispatch/requests', payload: { menuId, topic: 'x', preferredDates: ['2026-05-31'], mode: 'online' } }),
      400,
      'SHARING_INVALID',
    )
    expectError(
      await fujieda({ method: 'POST', url: '/api/sharing/dispatch/requests', payload: { menuId, topic: 'x', preferredDates: ['2026-02-30'], mode: 'online' } }),
      400,
      'VALIDATION_FAILED',
    )
    expectError(
      await fujieda({
        method: 'POST',
        url: '/api/sharing/dispatch/requests',
        payload: { menuId, topic: 'x'.repeat(201), preferredDates: ['2026-09-01'], mode: 'online' },
      }),
      400,
      'VALIDATION_FAILED',
    )
    expectError(
      await fujieda({ method: 'POST', url: '/api/sharing/dispatch/requests', payload: { menuId, topic: 'x', preferredDates: [], mode: 'fax' } }),
      400,
      'VALIDATION_FAILED',
    )
    expectError(
      await fujieda({ method: 'POST', url: '/api/sharing/dispatch/requests', headers: { 'content-type': 'application/json' }, payload: '{"menuId":' }),
      400,
      'MALFORMED_REQUEST',
    )
    expectError(await fujieda('/api/sharing/dispatch/requests/not-a-uuid'), 400, 'VALIDATION_FAILED')
    expectError(
      await shizuoka({ method: 'POST', url: '/api/sharing/dispatch/requests/00000000-0000-4000-8000-000000000000/transitions', payload: { action: 'fly' } }),
      400,
      'VALIDATION_FAILED',
    )
    expectError(await app.inject('/api/sharing/dispatch/requests'), 401, 'UNAUTHENTICATED')
    expectError(await candidate('/api/sharing/dispatch/requests'), 403, 'FORBIDDEN')
  })
})

describe('人材バンク（都道府県の人材バンク・連携中枢都市圏の人材バンク）', () => {
  let ehimePool: Pool
  let bingoPool: Pool

  beforeAll(async () => {
    const created = await ehime({ method: 'POST', url: '/api/sharing/pools', payload: { name: 'チーム愛媛 人材バンク', memberCodes: [MATSUYAMA, IMABARI] } })
    expect(created.statusCode).toBe(201)
    ehimePool = Pool.parse(created.json())
    const bingo = await fukuyama({
      method: 'POST',
      url: '/api/sharing/pools',
      payload: { name: 'びんご 兼業・副業人材バンク', memberCodes: [KASAOKA, ONOMICHI] },
    })
    expect(bingo.statusCode).toBe(201)
    bingoPool = Pool.parse(bingo.json())
  })

  test('運営団体と構成団体（県をまたぐ構成市を含む）', () => {
    expect(ehimePool).toMatchObject({ operator: { code: '380008', name: '愛媛県' }, operatorKind: 'prefecture', relation: 'operator' })
    expect(bingoPool.operatorKind).toBe('lead_city')
    expect(bingoPool.members.map((m) => m.name)).toEqual(['笠岡市', '尾道市', '福山市'])
  })

  test('都道府県は自県の市区町村しか構成団体にできない', async () => {
    const body = expectError(
      await ehime({ method: 'POST', url: '/api/sharing/pools', payload: { name: 'x', memberCodes: [MATSUYAMA, FUJIEDA] } }),
      400,
      'SHARING_INVALID',
    )
    expect(body.error.details?.[0]?.message).toContain('藤枝市')
    expectError(
      await ehime({ method: 'POST', url: '/api/sharing/pools', payload: { name: 'x', memberCodes: ['123456'] } }),
      400,
      'INVALID_LOCAL_GOVERNMENT_CODE',
    )
  })

  test('構成団体は加入している人材バンクだけが見え、ほかは 404', async () => {
    expect((await matsuyama('/api/sharing/pools')).json().items.map((p: Pool) => p.id)).toEqual([ehimePool.id])
    expect((await kasaoka('/api/sharing/pools')).json().items.map((p: Pool) => p.id)).toEqual([bingoPool.id])
    expect((await kasaoka(`/api/sharing/pools/${bingoPool.id}`)).json().relation).toBe('member')
    expectError(await kasaoka(`/api/sharing/pools/${ehimePool.id}`), 404, 'NOT_FOUND')
    expectError(await uwajima(`/api/sharing/pools/${ehimePool.id}`), 404, 'NOT_FOUND')
    expectError(await uwajima(`/api/sharing/pools/${ehimePool.id}/listings`), 404, 'NOT_FOUND')
    // a prefecture sees only its own pools: 広島県 does not see 福山市's, 静岡県 not 愛媛県's
    expectError(await hiroshima(`/api/sharing/pools/${bingoPool.id}`), 404, 'NOT_FOUND')
    expectError(await shizuoka(`/api/sharing/pools/${ehimePool.id}`), 404, 'NOT_FOUND')
    expect((await hiroshima('/api/sharing/pools')).json().items).toEqual([])
    // only the operator changes the members
    expectError(await matsuyama({ method: 'PUT', url: `/api/sharing/pools/${ehimePool.id}/members`, payload: { memberCodes: [MATSUYAMA] } }), 403, 'FORBIDDEN')
    expectError(await hiroshima({ method: 'PUT', url: `/api/sharing/pools/${bingoPool.id}/members`, payload: { memberCodes: [ONOMICHI] } }), 404, 'NOT_FOUND')
  })

  test('本人が登録し、選んだ項目だけが構成団体に見える。依頼 → 打診 → 承諾で条件が記録される', async () => {
    const pools = (await candidate('/api/sharing/pools')).json().items as Pool[]
    expect(pools.map((p) => p.id)).toEqual(expect.arrayContaining([ehimePool.id, bingoPool.id]))
    const optIn = await candidate({
      method: 'PUT',
      url: `/api/sharing/pools/${ehimePool.id}/listing`,
      payload: {
        card: {
          displayName: '山田 花子',
          headline: 'データ利活用とセキュリティ',
          roleIds: ['engineer'],
          skills: ['データ分析', 'ゼロトラスト'],
          area: '松山市在住',
          career: '秘密の経歴',
        },
        visibleFields: ['headline', 'roleIds', 'skills', 'area'],
        availableDaysPerWeek: 2,
      },
    })
    expect(optIn.statusCode).toBe(200)
    expect(Pool.parse(optIn.json()).myListing).toMatchObject({ isListed: true, visibleFields: ['headline', 'roleIds', 'skills', 'area'] })

    const listings = (await matsuyama(`/api/sharing/pools/${ehimePool.id}/listings`)).json().items as Listing[]
    expect(listings).toHaveLength(1)
    const listing = Listing.parse(listings[0])
    expect(listing.card).toEqual({ headline: 'データ利活用とセキュリティ', roleIds: ['engineer'], skills: ['データ分析', 'ゼロトラスト'], area: '松山市在住' })
    expect(JSON.stringify(listings)).not.toContain('山田')
    expect(JSON.stringify(listings)).not.toContain('秘密')
    // the operator does not learn the hidden name either (talent list, capacity)
    const talents = (await ehime('/api/sharing/talents')).json().items as Talent[]
    expect(talents.map((t) => t.displayName)).toContain('データ利活用とセキュリティ')
    expect(JSON.stringify(talents)).not.toContain('山田')
    // search reads visible fields only
    expect((await matsuyama(`/api/sharing/pools/${ehimePool.id}/listings?q=${encodeURIComponent('データ')}`)).json().items).toHaveLength(1)
    expect((await matsuyama(`/api/sharing/pools/${ehimePool.id}/listings?q=${encodeURIComponent('秘密')}`)).json().items).toHaveLength(0)
    const byRole = await matsuyama(`/api/sharing/pools/${ehimePool.id}/listings?role=producer`)
    expect(byRole.json(), byRole.body).toHaveProperty('items')
    expect(byRole.json().items).toHaveLength(0)
    expect((await matsuyama(`/api/sharing/pools/${ehimePool.id}/listings?role=engineer`)).json().items).toHaveLength(1)

    // 松山市 asks; another pool's member cannot
    const requested = await matsuyama({
      method: 'POST',
      url: `/api/sharing/pools/${ehimePool.id}/engagements`,
      payload: { listingId: listing.id, topic: 'データ活用計画', expectedDays: 8, startsOn: '2026-07-01', endsOn: '2026-08-31' },
    })
    expect(requested.statusCode).toBe(201)
    const engagement = Engagement.parse(requested.json())
    expect(engagement.talentLabel).toBe('データ利活用とセキュリティ')
    expectError(
      await kasaoka({
        method: 'POST',
        url: `/api/sharing/pools/${ehimePool.id}/engagements`,
        payload: { listingId: listing.id, topic: 'x', expectedDays: 1, startsOn: '2026-07-01', endsOn: '2026-07-01' },
      }),
      404,
      'NOT_FOUND',
    )
    // not yet brokered: the person does not see it; the member cannot accept for them
    expectError(await candidate(`/api/sharing/engagements/${engagement.id}`), 404, 'NOT_FOUND')
    expectError(
      await matsuyama({ method: 'POST', url: `/api/sharing/engagements/${engagement.id}/transitions`, payload: { action: 'accept' } }),
      403,
      'FORBIDDEN',
    )
    expectError(await imabari(`/api/sharing/engagements/${engagement.id}`), 404, 'NOT_FOUND')

    const offered = await ehime({
      method: 'POST',
      url: `/api/sharing/engagements/${engagement.id}/transitions`,
      payload: { action: 'offer', terms: { days: 8, payYen: 320000, payer: 'requester', note: '旅費は別途' } },
    })
    expect(offered.statusCode).toBe(200)
    expect(Engagement.parse(offered.json())).toMatchObject({ state: 'offered', terms: { days: 8, payYen: 320000, payer: 'requester' } })
    const accepted = await candidate({ method: 'POST', url: `/api/sharing/engagements/${engagement.id}/transitions`, payload: { action: 'accept' } })
    expect(accepted.statusCode).toBe(200)
    expect(Engagement.parse(accepted.json())).toMatchObject({ state: 'agreed', terms: { days: 8, payYen: 320000, payer: 'requester' } })
    expect(Engagement.parse(accepted.json()).agreedAt).not.toBeNull()

    // yen are integers
    expectError(
      await ehime({
        method: 'POST',
        url: `/api/sharing/engagements/${engagement.id}/transitions`,
        payload: { action: 'offer', terms: { days: 1, payYen: 100.5, payer: 'requester' } },
      }),
      400,
      'VALIDATION_FAILED',
    )

    // 今治市 (also a member) asks for the same weeks: with 1 day a week already taken (8 days over 9 weeks ≈ 0.9),
    // 2 more days a week in July exceeds the person's 2 days → refused, naming the 松山市 engagement
    const second = await imabari({
      method: 'POST',
      url: `/api/sharing/pools/${ehimePool.id}/engagements`,
      payload: { listingId: listing.id, topic: '業務改革', expectedDays: 8, startsOn: '2026-07-06', endsOn: '2026-08-02' },
    })
    expect(second.statusCode).toBe(201)
    const refused = expectError(
      await ehime({
        method: 'POST',
        url: `/api/sharing/engagements/${second.json().id}/transitions`,
        payload: { action: 'offer', terms: { days: 8, payYen: 300000, payer: 'operator' } },
      }),
      409,
      'CAPACITY_EXCEEDED',
    )
    expect(refused.error.message).toContain('人材バンクの依頼「データ活用計画」（松山市）')
    expect(refused.error.message).toContain('週2日')

    // back to back (starts the day after the 松山市 engagement ends) is fine
    const third = await imabari({
      method: 'POST',
      url: `/api/sharing/pools/${ehimePool.id}/engagements`,
      payload: { listingId: listing.id, topic: '業務改革（9月以降）', expectedDays: 8, startsOn: '2026-09-01', endsOn: '2026-10-31' },
    })
    const offeredThird = await ehime({
      method: 'POST',
      url: `/api/sharing/engagements/${third.json().id}/transitions`,
      payload: { action: 'offer', terms: { days: 16, payYen: 480000, payer: 'operator' } },
    })
    expect(offeredThird.statusCode).toBe(200)

    // the person's own capacity view
    const capacity = Capacity.parse((await candidate('/api/sharing/my/capacity?from=2026-07-01&to=2026-07-31')).json())
    expect(capacity.commitments.map((c) => c.label)).toEqual(['人材バンクの依頼「データ活用計画」（松山市）'])
    expect(capacity.weeks.every((w) => !w.isOver)).toBe(true)
    expect(capacity.conversionNote).toContain('月4日＝週1日')

    // lists: each party sees its own
    expect((await matsuyama('/api/sharing/engagements')).json().items.map((e: Engagement) => e.id)).toEqual([engagement.id])
    expect((await ehime('/api/sharing/engagements')).json().items).toHaveLength(3)
    expect((await kasaoka('/api/sharing/engagements')).json().items).toHaveLength(0)
    expect((await candidate('/api/sharing/engagements')).json().items).toHaveLength(2)

    // opting out hides the listing
    await candidate({ method: 'DELETE', url: `/api/sharing/pools/${ehimePool.id}/listing` })
    expect((await matsuyama(`/api/sharing/pools/${ehimePool.id}/listings`)).json().items).toHaveLength(0)
  })
})

describe('共有任用（専門官）・共同任用と稼働', () => {
  let talent: Talent

  beforeAll(async () => {
    const created = await ehime({ method: 'POST', url: '/api/sharing/talents', payload: { displayName: '愛媛 専門官', availableDaysPerWeek: 3 } })
    expect(created.statusCode).toBe(201)
    talent = Talent.parse(created.json())
  })

  test('県が任用した専門官が複数の市町を月あたり日数で支援する', async () => {
    const created = await ehime({
      method: 'POST',
      url: '/api/sharing/shared-appointments',
      payload: {
        kind: 'shared',
        talentId: talent.id,
        title: 'DX推進専門官（セキュリティ）',
        roleId: 'engineer',
        startsOn: '2026-04-01',
        endsOn: '2027-03-31',
        shares: [
          { localGovernmentCode: MATSUYAMA, daysPerMonth: 4 },
          { localGovernmentCode: UWAJIMA, daysPerMonth: 4 },
        ],
      },
    })
    expect(created.statusCode).toBe(201)
    const appointment = SharedAppointment.parse(created.json())
    expect(appointment.shares.map((s) => [s.name, s.daysPerWeek])).toEqual([
      ['松山市', 1],
      ['宇和島市', 1],
    ])
    // a share-holder sees it; a municipality without a share does not; another prefecture does not
    expect((await uwajima(`/api/sharing/shared-appointments/${appointment.id}`)).statusCode).toBe(200)
    expectError(await imabari(`/api/sharing/shared-appointments/${appointment.id}`), 404, 'NOT_FOUND')
    expectError(await shizuoka(`/api/sharing/shared-appointments/${appointment.id}`), 404, 'NOT_FOUND')
    expectError(await shizuoka(`/api/sharing/talents/${talent.id}/capacity?from=2026-04-01&to=2026-04-30`), 404, 'NOT_FOUND')

    // 2 days a week taken; a joint appointment of 2 more days a week exceeds the 3 declared → 409 naming both
    const over = expectError(
      await ehime({
        method: 'POST',
        url: '/api/sharing/shared-appointments',
        payload: {
          kind: 'joint',
          talentId: talent.id,
          title: '共同CIO補佐官',
          roleId: 'producer',
          startsOn: '2026-10-01',
          endsOn: '2027-03-31',
          daysPerWeek: 2,
          annualCostYen: 1_200_000,
          shares: [
            { localGovernmentCode: IMABARI, timePercent: 50, costYen: 600_000 },
            { localGovernmentCode: UWAJIMA, timePercent: 50, costYen: 600_000 },
          ],
        },
      }),
      409,
      'CAPACITY_EXCEEDED',
    )
    expect(over.error.message).toContain('共有任用「DX推進専門官（セキュリティ）」（松山市）')
    expect(over.error.message).toContain('共同任用「共同CIO補佐官」')

    // 1 day a week fits exactly (2 + 1 = 3)
    const joint = await ehime({
      method: 'POST',
      url: '/api/sharing/shared-appointments',
      payload: {
        kind: 'joint',
        talentId: talent.id,
        title: '共同CIO補佐官',
        roleId: 'producer',
        startsOn: '2026-10-01',
        endsOn: '2027-03-31',
        daysPerWeek: 1,
        annualCostYen: 1_200_000,
        shares: [
          { localGovernmentCode: IMABARI, timePercent: 60, costYen: 720_000 },
          { localGovernmentCode: UWAJIMA, timePercent: 40, costYen: 480_000 },
        ],
      },
    })
    expect(joint.statusCode).toBe(201)
    expect(SharedAppointment.parse(joint.json()).shares.map((s) => s.daysPerWeek)).toEqual([0.6, 0.4])

    // shares that do not add up
    const bad = expectError(
      await ehime({
        method: 'POST',
        url: '/api/sharing/shared-appointments',
        payload: {
          kind: 'joint',
          talentId: talent.id,
          title: 'x',
          startsOn: '2026-04-01',
          endsOn: '2026-09-30',
          daysPerWeek: 0.5,
          annualCostYen: 100,
          shares: [
            { localGovernmentCode: IMABARI, timePercent: 50, costYen: 50 },
            { localGovernmentCode: UWAJIMA, timePercent: 40, costYen: 50 },
          ],
        },
      }),
      400,
      'SHARING_INVALID',
    )
    expect(bad.error.message).toContain('100%')

    const capacity = Capacity.parse((await ehime(`/api/sharing/talents/${talent.id}/capacity?from=2026-10-05&to=2026-10-11`)).json())
    expect(capacity.weeks).toHaveLength(1)
    expect(capacity.weeks[0]!.allocatedDays).toBeCloseTo(3, 9)
    expect(capacity.weeks[0]!.isOver).toBe(false)

    // a dispatch of this person on a day of a full week is refused
    const { menuId } = await setUpDispatch(ehime)
    const expert = await ehime({ method: 'POST', url: '/api/sharing/dispatch/experts', payload: { talentId: talent.id, themes: ['セキュリティ'] } })
    expect(expert.statusCode).toBe(201)
    const request = await imabari({
      method: 'POST',
      url: '/api/sharing/dispatch/requests',
      payload: { menuId, topic: 'セキュリティ研修', preferredDates: ['2026-10-07'], mode: 'on_site' },
    })
    const refused = expectError(
      await ehime({
        method: 'POST',
        url: `/api/sharing/dispatch/requests/${request.json().id}/transitions`,
        payload: { action: 'approve', expertId: expert.json().id, scheduledOn: '2026-10-07' },
      }),
      409,
      'CAPACITY_EXCEEDED',
    )
    expect(refused.error.message).toContain('派遣「AI・RPA導入の相談」（今治市）')

    // usage per municipality for 2026年度
    const usage = (await ehime('/api/sharing/usage?fiscalYear=2026')).json()
    const matsuyamaRow = usage.rows.find((r: { localGovernmentCode: string }) => r.localGovernmentCode === MATSUYAMA)
    expect(matsuyamaRow.sharedDays).toBe(48)
    const imabariRow = usage.rows.find((r: { localGovernmentCode: string }) => r.localGovernmentCode === IMABARI)
    expect(imabariRow.jointDays).toBeGreaterThan(0)
    const own = (await uwajima('/api/sharing/usage?fiscalYear=2026')).json()
    expect(own.rows.map((r: { localGovernmentCode: string }) => r.localGovernmentCode)).toEqual([UWAJIMA])
  })
})

describe('都道府県ダッシュボード', () => {
  test('団体ごとの外部人材・派遣の利用、外部人材のいない団体（人口不明は末尾）、Excel', async () => {
    const response = await shizuoka('/api/sharing/dashboard?fiscalYear=2026')
    expect(response.statusCode).toBe(200)
    const dashboard = Dashboard.parse(response.json())
    expect(dashboard.rows.every((r) => r.code.startsWith('22'))).toBe(true)
    const fujiedaRow = dashboard.rows.find((r) => r.code === FUJIEDA)!
    expect(fujiedaRow).toMatchObject({ dispatchUsed: 1, dispatchQuota: 5 })
    expect(dashboard.withoutTalent.map((r) => r.code)).toContain(FUJIEDA)
    expect(dashboard.notes.join('')).toContain('末尾')

    expectError(await fujieda('/api/sharing/dashboard'), 403, 'FORBIDDEN')

    const xlsx = await shizuoka('/api/sharing/dashboard.xlsx?fiscalYear=2026')
    expect(xlsx.statusCode).toBe(200)
    expect(xlsx.headers['content-type']).toContain('spreadsheetml')
    const ExcelJS = (await import('exceljs')).default
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer)
    const sheet = book.getWorksheet('団体別')!
    expect(sheet.getRow(1).getCell(1).value).toBe('団体コード')
    const codes: string[] = []
    sheet.eachRow((row, i) => {
      if (i > 1) codes.push(String(row.getCell(1).value))
    })
    expect(codes).toContain(FUJIEDA)
    expectError(await fujieda('/api/sharing/dashboard.xlsx'), 403, 'FORBIDDEN')
  })

  test('愛媛県: 専門官のいる市は外部人材ありとして数えられる', async () => {
    const dashboard = Dashboard.parse((await ehime('/api/sharing/dashboard?fiscalYear=2026')).json())
    const matsuyamaRow = dashboard.rows.find((r) => r.code === MATSUYAMA)!
    expect(matsuyamaRow.talentTotal).toBeGreaterThanOrEqual(1)
    expect(dashboard.withoutTalent.map((r) => r.code)).not.toContain(MATSUYAMA)
    expect(dashboard.withoutTalent.map((r) => r.code)).toContain('382043')
  })
})

test('すべての共有の API が OpenAPI に載っている', async () => {
  const document = (await app.inject('/openapi.json')).json() as { paths: Record<string, unknown> }
  const paths = Object.keys(document.paths).filter((p) => p.startsWith('/api/sharing/'))
  expect(paths.length).toBeGreaterThanOrEqual(20)
  expect(paths).toContain('/api/sharing/dispatch/requests/{id}/transitions')
})
