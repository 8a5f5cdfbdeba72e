import iconv from 'iconv-lite'
import { beforeAll, describe, expect, test } from 'vitest'
import { OPEN_DATA_COLUMNS, OpenDataFeed } from '#shared/contracts/open-data'
import { StaffPosting, type PostingFormInput } from '#shared/contracts/postings'
import { ErrorBody } from '#shared/errors'
import { createAndSignIn, type SignedInInject } from '../../../test/support/actors.ts'
import { startTestApp } from '../../../test/support/app.ts'
import { completeForm } from '../postings/test-fixtures.ts'

let now = new Date('2026-04-01T01:00:00+09:00')
const { app, engine } = await startTestApp({ clock: () => now })
const db = engine.db
const matsuyama = await createAndSignIn(app, db, { kind: 'municipality', localGovernmentCode: '382019' })
const ehime = await createAndSignIn(app, db, { kind: 'prefecture', prefectureCode: '38' })
const national = await createAndSignIn(app, db, { kind: 'national' })

const budgeted: PostingFormInput = { ...completeForm, budgetAnnualCost: 3_210_987, budgetRecruitmentCost: 456_789, contactPhone: '089-999-0000' }

async function act(as: SignedInInject, id: string, action: string, extra: Record<string, unknown> = {}) {
  const response = await as({ method: 'POST', url: `/api/staff/postings/${id}/transitions`, payload: { action, ...extra } })
  expect(response.statusCode, response.body).toBe(200)
}

async function draft(form: PostingFormInput): Promise<string> {
  const response = await matsuyama.inject({ method: 'POST', url: '/api/staff/postings', payload: form })
  expect(response.statusCode, response.body).toBe(201)
  return StaffPosting.parse(response.json()).id
}

async function publish(form: PostingFormInput): Promise<string> {
  const id = await draft(form)
  await act(matsuyama.inject, id, 'submit')
  await act(ehime.inject, id, 'forward')
  await act(national.inject, id, 'publish')
  return id
}

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers })
const feedOf = (response: { body: string }) => OpenDataFeed.parse(JSON.parse(response.body))

/** Splits RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!
    if (quoted && char === '"' && text[i + 1] === '"') {
      field += '"'
      i++
    } else if (char === '"') {
      quoted = !quoted
    } else if (quoted) {
      field += char
    } else if (char === ',') {
      row.push(field)
      field = ''
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i++
    } else {
      field += char
    }
  }
  return rows
}

let first: string, second: string, closed: string, unpublished: string

beforeAll(async () => {
  first = await publish({ ...budgeted, title: 'CIO補佐官' })
  now = new Date('2026-04-01T02:00:00+09:00')
  second = await publish({
    ...budgeted,
    title: 'データ活用, "エンジニア"',
    roleId: 'engineer',
    dutyDescription: '1行目\n2行目',
    criteria: [
      ...completeForm.criteria!,
      {
        kind: 'any_of',
        importance: 'preferred',
        alternatives: [
          { kind: 'job_type_level', jobTypeIds: ['itss.consultant'], minLevel: 3 },
          { kind: 'certification', certificationIds: ['SC'] },
        ],
      },
    ],
    freeText: '=HYPERLINK("http://example.com")',
  })
  now = new Date('2026-04-01T03:00:00+09:00')
  closed = await publish({ ...budgeted, title: '終了した募集' })
  await act(matsuyama.inject, closed, 'close', { closeReason: 'filled' })
  unpublished = await draft({ ...budgeted, title: '下書きの募集' })
  const withdrawn = await draft({ ...budgeted, title: '公開前に取り下げた募集' })
  await act(matsuyama.inject, withdrawn, 'close', { closeReason: 'withdrawn' })
})

describe('GET /open-data/postings.json', () => {
  test('without a key: every posting that was published, closed ones with their closing date, oldest change first', async () => {
    const response = await get('/open-data/postings.json')
    expect(response.statusCode, response.body).toBe(200)
    expect(response.headers['content-type']).toMatch(/^application\/json/)
    const feed = feedOf(response)
    expect(feed.items.map((item) => item.id)).toEqual([first, second, closed])
    expect(feed).toMatchObject({ total: 3, offset: 0, limit: null, next: null })
    expect(feed.items.map((item) => item.id)).not.toContain(unpublished)
    expect(feed.items[2]).toMatchObject({
      state: 'closed',
      stateLabel: '募集終了',
      closeReason: 'filled',
      closeReasonLabel: '採用決定',
      closedOn: '2026-04-01',
    })
    expect(feed.items[0]).toMatchObject({
      state: 'published',
      closedOn: null,
      url: `http://localhost:3000/postings/${first}`,
      municipality: { code: '382019', name: '松山市', prefectureCode: '38', prefectureName: '愛媛県' },
      role: { id: 'producer', label: 'プロデューサー（CIO補佐官等）' },
      appointmentForm: { id: 'tokubetsushoku_hijokin', label: '特別職非常勤職員' },
      payAmount: 40_000,
      payUnit: { id: 'daily', label: '日額' },
    })
    expect(feed.items[0]!.criteria[0]).toMatchObject({
      importance: 'required',
      importanceLabel: '必須',
      alternatives: [{ kind: 'job_type_level', jobTypeIds: ['uiss.business_strategist'], minLevel: 4 }],
    })
    expect(feed.items[0]!.criteria[0]!.description).toContain('レベル4')
    // 「いずれか」: each alternative by kind, the whole in words.
    expect(feed.items[1]!.criteria[1]).toMatchObject({
      importance: 'preferred',
      alternatives: [
        { kind: 'job_type_level', jobTypeIds: ['itss.consultant'], minLevel: 3 },
        { kind: 'certification', certificationIds: ['SC'] },
      ],
    })
    expect(feed.items[1]!.criteria[1]!.description).toContain('情報処理安全確保支援士')
    expect(feed.licence.url).toMatch(/^https:\/\/www\.digital\.go\.jp\//)
    expect(feed.licence.name).toContain('CC BY 4.0')
    expect(response.headers['link']).toContain('rel="license"')
    expect(response.headers['access-control-allow-origin']).toBe('*')
  })

  test('never the budgets or the contact person', async () => {
    const body = (await get('/open-data/postings.json')).body
    for (const secret of ['3210987', '456789', completeForm.contactName!, completeForm.contactEmail!, '089-999-0000', 'budget', 'contact']) {
      expect(body).not.toContain(secret)
    }
    const csv = (await get('/open-data/postings.csv')).body
    for (const secret of ['3210987', '456789', completeForm.contactName!, completeForm.contactEmail!, '089-999-0000']) expect(csv).not.toContain(secret)
  })

  test('paged: limit and offset, the next page in the body and the Link header, the total in X-Total-Count', async () => {
    const page1 = await get('/open-data/postings.json?limit=2')
    const feed1 = feedOf(page1)
    expect(feed1.items.map((item) => item.id)).toEqual([first, second])
    expect(feed1).toMatchObject({ total: 3, limit: 2, offset: 0 })
    expect(feed1.next).toBe('http://localhost:3000/open-data/postings.json?limit=2&offset=2')
    expect(page1.headers['link']).toContain(`<${feed1.next}>; rel="next"`)
    expect(page1.headers['x-total-count']).toBe('3')
    const feed2 = feedOf(await get(new URL(feed1.next!).pathname + new URL(feed1.next!).search))
    expect(feed2.items.map((item) => item.id)).toEqual([closed])
    expect(feed2.next).toBeNull()
  })

  test('updatedSince: only postings changed since then, a date meaning 00:00 in Japan', async () => {
    const ids = async (since: string) => feedOf(await get(`/open-data/postings.json?updatedSince=${encodeURIComponent(since)}`)).items.map((item) => item.id)
    expect(await ids('2026-04-01')).toEqual([first, second, closed])
    expect(await ids('2026-04-02')).toEqual([])
    expect(await ids('2026-04-01T02:00:00+09:00')).toEqual([second, closed])
    expect(await ids('2026-03-31T18:00:00Z')).toEqual([closed])
    // An edit of a published posting (a new 版) brings it into the next incremental pull.
    now = new Date('2026-04-01T04:00:00+09:00')
    const response = await matsuyama.inject({
      method: 'PUT',
      url: `/api/staff/postings/${first}`,
      payload: { ...budgeted, title: 'CIO補佐官（改訂）', freeText: null },
    })
    expect(response.statusCode, response.body).toBe(200)
    const pulled = feedOf(await get('/open-data/postings.json?updatedSince=2026-03-31T19:00:00Z'))
    expect(pulled.items.map((item) => [item.id, item.title, item.revision])).toEqual([[first, 'CIO補佐官（改訂）', 2]])
    expect(pulled.lastModified).toBe('2026-03-31T19:00:00.000Z')
  })

  test('conditional requests: the same ETag or a Last-Modified not older answers 304 without a body; a change a new ETag', async () => {
    const response = await get('/open-data/postings.json')
    const etag = response.headers['etag'] as string
    const lastModified = response.headers['last-modified'] as string
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/)
    expect(response.headers['cache-control']).toContain('public')
    const byTag = await get('/open-data/postings.json', { 'if-none-match': etag })
    expect(byTag.statusCode).toBe(304)
    expect(byTag.body).toBe('')
    expect(byTag.headers['etag']).toBe(etag)
    expect((await get('/open-data/postings.json', { 'if-modified-since': lastModified })).statusCode).toBe(304)
    expect((await get('/open-data/postings.json', { 'if-none-match': '"something-else"' })).statusCode).toBe(200)
    expect((await get('/open-data/postings.json', { 'if-modified-since': new Date(Date.parse(lastModified) - 1000).toUTCString() })).statusCode).toBe(200)
    // Each representation has its own tag.
    expect((await get('/open-data/postings.csv')).headers['etag']).not.toBe(etag)
    expect((await get('/open-data/postings.json', { 'if-none-match': etag })).statusCode).toBe(304)

    now = new Date('2026-04-01T05:00:00+09:00')
    await act(matsuyama.inject, second, 'close', { closeReason: 'withdrawn' })
    const changed = await get('/open-data/postings.json', { 'if-none-match': etag, 'if-modified-since': lastModified })
    expect(changed.statusCode).toBe(200)
    expect(changed.headers['etag']).not.toBe(etag)
    expect(feedOf(changed).items.find((item) => item.id === second)).toMatchObject({ state: 'closed', closeReason: 'withdrawn', closedOn: '2026-04-01' })
  })
})

describe('GET /open-data/postings.csv', () => {
  test('UTF-8 with a BOM, the documented Japanese headers, one row per posting, quoted where needed', async () => {
    const response = await get('/open-data/postings.csv')
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8; header=present')
    const bytes = response.rawPayload
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const rows = parseCsv(bytes.subarray(3).toString('utf8'))
    expect(rows[0]).toEqual(OPEN_DATA_COLUMNS.map((column) => column.header))
    expect(rows[0]!.slice(0, 3)).toEqual(['募集ID', '募集ページ', '状態'])
    expect(rows).toHaveLength(4)
    const cell = (row: string[], header: string) => row[rows[0]!.indexOf(header)]
    const byId = new Map(rows.slice(1).map((row) => [row[0], row]))
    const second_ = byId.get(second)!
    expect(cell(second_, '募集ポスト（役職名）')).toBe('データ活用, "エンジニア"')
    expect(cell(second_, '期待する役割・業務内容')).toBe('1行目\n2行目')
    expect(cell(second_, '人材像')).toBe('エンジニア')
    expect(cell(second_, 'リモート勤務')).toBe('可')
    expect(cell(second_, '選考方法')).toContain('書類選考')
    expect(cell(second_, '歓迎の条件')).toContain('情報処理安全確保支援士')
    expect(cell(byId.get(closed)!, '状態')).toBe('募集終了')
    expect(cell(byId.get(closed)!, '募集終了日')).toBe('2026-04-01')
    expect(cell(byId.get(first)!, '必須の条件')).toContain('レベル4')
  })

  test('a cell that would start a spreadsheet formula is kept as text', async () => {
    const rows = parseCsv((await get('/open-data/postings.csv')).rawPayload.subarray(3).toString('utf8'))
    const row = rows.find((r) => r[0] === second)!
    expect(row[rows[0]!.indexOf('その他')]).toBe(`'=HYPERLINK("http://example.com")`)
    // JSON keeps the value as typed.
    expect(feedOf(await get('/open-data/postings.json')).items.find((item) => item.id === second)!.freeText).toBe('=HYPERLINK("http://example.com")')
  })

  test('encoding=sjis: Shift_JIS without a BOM for older office software; paging and updatedSince as in JSON', async () => {
    const response = await get('/open-data/postings.csv?encoding=sjis&limit=1&updatedSince=2026-04-01')
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('text/csv; charset=Shift_JIS; header=present')
    const bytes = response.rawPayload
    expect(bytes[0]).not.toBe(0xef)
    const rows = parseCsv(iconv.decode(bytes, 'Shift_JIS'))
    expect(rows[0]![0]).toBe('募集ID')
    expect(rows).toHaveLength(2)
    expect(response.headers['link']).toContain('encoding=sjis')
    expect(response.headers['link']).toContain('offset=1')
  })
})

describe('bad input: 400 in the envelope, the message naming the parameter', () => {
  test.each([
    ['/open-data/postings.json?updatedSince=yesterday', 'query.updatedSince', 'updatedSince'],
    ['/open-data/postings.json?updatedSince=2026-13-45', 'query.updatedSince', 'updatedSince'],
    ['/open-data/postings.json?limit=0', 'query.limit', '件数（limit）'],
    ['/open-data/postings.json?limit=5000', 'query.limit', '件数（limit）'],
    ['/open-data/postings.json?offset=-1', 'query.offset', '開始位置（offset）'],
    ['/open-data/postings.csv?encoding=latin1', 'query.encoding', '文字コード（encoding）'],
    ['/open-data/postings.csv?updatedSince=2026/04/01', 'query.updatedSince', '更新日時の起点'],
  ])('%s', async (url, path, named) => {
    const response = await get(url)
    expect(response.statusCode).toBe(400)
    const body = ErrorBody.parse(response.json())
    expect(body.error.code).toBe('VALIDATION_FAILED')
    expect(body.error.message).toContain(named)
    expect(body.error.details?.map((detail) => detail.path)).toEqual([path])
  })
})
