/**
 * 派遣制度 per prefecture (事例集 p.26 宮城・福島・静岡; 手順書 参考4.4-⑯ ①): configured by the prefecture, and every
 * request and approval checked against it.
 */
import { beforeAll, describe, expect, test } from 'vitest'
import { DispatchRequest, DispatchSettings } from '#shared/contracts/sharing'
import { ErrorBody } from '#shared/errors'
import { startTestApp } from '../../../test/support/app.ts'
import { createAndSignIn, type SignedInInject } from '../../../test/support/actors.ts'

// Today is 2026-06-01 (2026年度) in Japan.
const { app, engine } = await startTestApp({ clock: () => new Date('2026-06-01T00:00:00+09:00') })

let miyagi: SignedInInject
let tome: SignedInInject // 登米市
let fukushima: SignedInInject
let koriyama: SignedInInject // 郡山市
let shizuoka: SignedInInject
let shimada: SignedInInject // 島田市
let ehime: SignedInInject

beforeAll(async () => {
  const prefecture = async (code: string) => (await createAndSignIn(app, engine.db, { kind: 'prefecture', prefectureCode: code })).inject
  const municipality = async (code: string) => (await createAndSignIn(app, engine.db, { kind: 'municipality', localGovernmentCode: code })).inject
  miyagi = await prefecture('04')
  tome = await municipality('042129')
  fukushima = await prefecture('07')
  koriyama = await municipality('072036')
  shizuoka = await prefecture('22')
  shimada = await municipality('222097')
  ehime = await prefecture('38')
})

function expectError(response: { statusCode: number; json: () => unknown }, status: number, code: string) {
  expect(response.statusCode, JSON.stringify(response.json())).toBe(status)
  const body = ErrorBody.parse(response.json())
  expect(body.error.code).toBe(code)
  return body.error
}

const scheme = (overrides: Record<string, unknown>) => ({
  name: '専門家派遣',
  costBearer: 'prefecture',
  timesPerFiscalYear: null,
  menusPerFiscalYear: null,
  maxDaysPerRequest: null,
  maxHoursPerRequest: null,
  requesterKinds: ['municipality'],
  adviserExpertId: null,
  ...overrides,
})

async function menu(prefecture: SignedInInject, title: string): Promise<string> {
  const created = await prefecture({ method: 'POST', url: '/api/sharing/dispatch/menus', payload: { title, modes: ['online', 'on_site'] } })
  expect(created.statusCode).toBe(201)
  return created.json().id as string
}

async function expert(prefecture: SignedInInject, displayName: string, availableDaysPerWeek: number): Promise<string> {
  const created = await prefecture({ method: 'POST', url: '/api/sharing/dispatch/experts', payload: { talent: { displayName, availableDaysPerWeek } } })
  expect(created.statusCode).toBe(201)
  return created.json().id as string
}

function ask(municipality: SignedInInject, body: Record<string, unknown>) {
  return municipality({ method: 'POST', url: '/api/sharing/dispatch/requests', payload: { topic: '相談', mode: 'online', ...body } })
}

describe('派遣制度の設定と申請の判定', () => {
  test('静岡県: 年3回まで（設定した回数）、教育委員会・商工会も申請でき、回数は申請団体ごとに数える', async () => {
    const saved = await shizuoka({
      method: 'PUT',
      url: '/api/sharing/dispatch/settings',
      payload: scheme({ name: 'ICTエキスパート派遣', timesPerFiscalYear: 3, requesterKinds: ['chamber_of_commerce', 'municipality', 'board_of_education'] }),
    })
    expect(saved.statusCode, saved.body).toBe(200)
    expect(DispatchSettings.parse(saved.json())).toMatchObject({
      name: 'ICTエキスパート派遣',
      costBearer: 'prefecture',
      timesPerFiscalYear: 3,
      requesterKinds: ['municipality', 'board_of_education', 'chamber_of_commerce'],
      isDefault: false,
    })
    const menuId = await menu(shizuoka, 'HP作成・SNS活用の研修会')
    for (const date of ['2026-07-01', '2026-08-01', '2026-09-01']) expect((await ask(shimada, { menuId, preferredDates: [date] })).statusCode).toBe(201)
    const fourth = expectError(await ask(shimada, { menuId, preferredDates: ['2026-10-01'] }), 400, 'DISPATCH_LIMIT_EXCEEDED')
    expect(fourth.message).toBe('今年度の派遣回数の上限（3回）に達しています（申請済み 3回）。')
    expect(fourth.details).toEqual([{ path: 'preferredDates', message: fourth.message }])
    // 翌年度（2027-04-01〜）は数え直す
    expect((await ask(shimada, { menuId, preferredDates: ['2027-04-01'] })).statusCode).toBe(201)

    // the 商工会 and the 教育委員会 of the same city are requesters of their own
    const chamber = await ask(shimada, { menuId, preferredDates: ['2026-10-01'], requesterKind: 'chamber_of_commerce', requesterName: '島田商工会議所' })
    expect(chamber.statusCode, chamber.body).toBe(201)
    expect(DispatchRequest.parse(chamber.json()).requester).toEqual({ kind: 'chamber_of_commerce', name: '島田商工会議所' })
    const board = await ask(shimada, { menuId, preferredDates: ['2026-10-01'], requesterKind: 'board_of_education' })
    expect(DispatchRequest.parse(board.json()).requester).toEqual({ kind: 'board_of_education', name: '島田市教育委員会' })
    const nameless = expectError(await ask(shimada, { menuId, preferredDates: ['2026-10-01'], requesterKind: 'chamber_of_commerce' }), 400, 'VALIDATION_FAILED')
    expect(nameless.details).toEqual([expect.objectContaining({ path: 'requesterName', message: '商工会の名称を入力してください。' })])

    const use = DispatchSettings.parse((await shimada('/api/sharing/dispatch/settings')).json())
    expect(use.use).toMatchObject({ fiscalYear: 2026, used: 3, remaining: 0 })
    expect(use.openRequestCount).toBe(6)
  })

  test('福島県: 1市町村につき1つの支援メニュー。同じメニューは何度でも、2つ目は断る。市町村以外は受け付けない', async () => {
    expect(
      (
        await fukushima({
          method: 'PUT',
          url: '/api/sharing/dispatch/settings',
          payload: scheme({ name: 'ICTアドバイザー市町村派遣事業', menusPerFiscalYear: 1 }),
        })
      ).statusCode,
    ).toBe(200)
    const first = await menu(fukushima, '業務の見える化・課題分析')
    const second = await menu(fukushima, 'AI・RPA導入')
    expect((await ask(koriyama, { menuId: first, preferredDates: ['2026-07-01'] })).statusCode).toBe(201)
    expect((await ask(koriyama, { menuId: first, preferredDates: ['2026-08-01'] })).statusCode).toBe(201)
    const other = expectError(await ask(koriyama, { menuId: second, preferredDates: ['2026-09-01'] }), 400, 'DISPATCH_LIMIT_EXCEEDED')
    expect(other.details).toEqual([{ path: 'menuId', message: expect.stringContaining('1団体につき1つ') }])
    const board = expectError(
      await ask(koriyama, { menuId: first, preferredDates: ['2026-09-01'], requesterKind: 'board_of_education' }),
      400,
      'DISPATCH_LIMIT_EXCEEDED',
    )
    expect(board.details).toEqual([{ path: 'requesterKind', message: expect.stringContaining('教育委員会からの申請を受け付けていません') }])
  })

  test('参考4.4-⑯ ① の形: 現地は1回3日まで、オンラインは合計10時間まで', async () => {
    expect(
      (await fukushima({ method: 'PUT', url: '/api/sharing/dispatch/settings', payload: scheme({ maxDaysPerRequest: 3, maxHoursPerRequest: 10 }) })).statusCode,
    ).toBe(200)
    const menuId = (await fukushima('/api/sharing/dispatch/menus')).json().items[0].id as string
    expect((await ask(koriyama, { menuId, preferredDates: ['2026-07-01'], mode: 'on_site', days: 3 })).statusCode).toBe(201)
    const days = expectError(await ask(koriyama, { menuId, preferredDates: ['2026-07-01'], mode: 'on_site', days: 4 }), 400, 'DISPATCH_LIMIT_EXCEEDED')
    expect(days.message).toBe('現地派遣の日数は1回の申請につき3日までです。')
    const hours = expectError(await ask(koriyama, { menuId, preferredDates: ['2026-07-01'], hours: 12 }), 400, 'DISPATCH_LIMIT_EXCEEDED')
    expect(hours.details).toEqual([{ path: 'hours', message: 'オンラインの時間は1回の申請につき合計10時間までです。' }])
    const created = await ask(koriyama, { menuId, preferredDates: ['2026-07-01'], hours: 10 })
    expect(DispatchRequest.parse(created.json())).toMatchObject({ hours: 10, days: 1 })
  })

  test('宮城県: 委託アドバイザー（週4日）が随時対応。回数の上限なし。他県の専門家はアドバイザーにできない（404）', async () => {
    const adviserId = await expert(miyagi, 'デジタルみやぎ推進アドバイザー', 4)
    const saved = await miyagi({
      method: 'PUT',
      url: '/api/sharing/dispatch/settings',
      payload: scheme({ name: 'デジタルみやぎ推進アドバイザー', adviserExpertId: adviserId }),
    })
    expect(DispatchSettings.parse(saved.json())).toMatchObject({ timesPerFiscalYear: null, adviser: { id: adviserId, availableDaysPerWeek: 4 } })
    const menuId = await menu(miyagi, '技術的相談に対する助言・支援')
    for (let month = 7; month <= 12; month++) {
      const created = await ask(tome, { menuId, preferredDates: [`2026-${String(month).padStart(2, '0')}-01`] })
      expect(created.statusCode, created.body).toBe(201)
    }
    expect(DispatchSettings.parse((await tome('/api/sharing/dispatch/settings')).json())).toMatchObject({
      use: { used: 6, remaining: null },
      adviser: { id: adviserId },
    })

    // another prefecture's administrator: the adviser is not theirs, nor the request
    expectError(await ehime({ method: 'PUT', url: '/api/sharing/dispatch/settings', payload: scheme({ adviserExpertId: adviserId }) }), 404, 'NOT_FOUND')
    const request = (await tome('/api/sharing/dispatch/requests')).json().items[0].id as string
    expectError(
      await ehime({
        method: 'POST',
        url: `/api/sharing/dispatch/requests/${request}/transitions`,
        payload: { action: 'approve', expertId: adviserId, scheduledOn: '2026-07-01' },
      }),
      404,
      'NOT_FOUND',
    )
    expect((await ehime('/api/sharing/dispatch/settings')).json()).toMatchObject({ isDefault: true, adviser: null })
  })

  test('承認でも上限を確かめる: 上限を下げた後の承認は断り、申請済みのものは消えない', async () => {
    const expertId = await expert(shizuoka, '静岡 花子', 5)
    const open = (await shimada('/api/sharing/dispatch/requests?state=requested')).json().items as Array<{ id: string; requester: { kind: string } }>
    const own = open.filter((r) => r.requester.kind === 'municipality')
    expect(own.length).toBeGreaterThanOrEqual(3)
    expect(
      (
        await shizuoka({
          method: 'PUT',
          url: '/api/sharing/dispatch/settings',
          payload: scheme({ timesPerFiscalYear: 1, requesterKinds: ['municipality', 'board_of_education', 'chamber_of_commerce'] }),
        })
      ).statusCode,
    ).toBe(200)
    const approve = (id: string, on: string) =>
      shizuoka({ method: 'POST', url: `/api/sharing/dispatch/requests/${id}/transitions`, payload: { action: 'approve', expertId, scheduledOn: on } })
    const approvedIds: string[] = []
    let refused = null
    for (const r of own) {
      const response = await approve(r.id, DispatchRequest.parse((await shizuoka(`/api/sharing/dispatch/requests/${r.id}`)).json()).preferredDates[0]!)
      if (response.statusCode === 200) approvedIds.push(r.id)
      else refused = expectError(response, 400, 'DISPATCH_LIMIT_EXCEEDED')
    }
    expect(approvedIds.length).toBe(2) // one in 2026年度, one in 2027年度
    expect(refused?.message).toBe('今年度の派遣回数の上限（1回）に達しています（申請済み 1回）。')
    expect((await shimada('/api/sharing/dispatch/requests?state=requested')).json().items.length).toBe(open.length - 2)
  })

  test('設定の誤りは項目名つきの 400（何も保存しない）', async () => {
    const bad = expectError(
      await ehime({
        method: 'PUT',
        url: '/api/sharing/dispatch/settings',
        payload: scheme({ timesPerFiscalYear: -1, maxDaysPerRequest: 0.3, requesterKinds: [] }),
      }),
      400,
      'VALIDATION_FAILED',
    )
    const paths = (bad.details ?? []).map((d) => d.path)
    expect(paths).toEqual(expect.arrayContaining(['timesPerFiscalYear', 'maxDaysPerRequest', 'requesterKinds']))
    expect((await ehime('/api/sharing/dispatch/settings')).json()).toMatchObject({ isDefault: true })
  })
})
