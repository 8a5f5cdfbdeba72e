import ExcelJS from 'exceljs'
import { describe, expect, test } from 'vitest'
import { PostingImportResult, StaffPosting, type PostingFormInput } from '#shared/contracts/postings'
import { ErrorBody } from '#shared/errors'
import { createAndSignIn, type SignedInInject } from '../../../test/support/actors.ts'
import { startTestApp } from '../../../test/support/app.ts'
import { completeForm } from './test-fixtures.ts'

// Today is 2026-04-01 in Japan.
const now = new Date('2026-04-01T01:00:00+09:00')
const { app, engine } = await startTestApp({ clock: () => now })
const db = engine.db

const matsuyama = await createAndSignIn(app, db, { kind: 'municipality', localGovernmentCode: '382019' })
const ehime = await createAndSignIn(app, db, { kind: 'prefecture', prefectureCode: '38' })
const tokyo = await createAndSignIn(app, db, { kind: 'prefecture', prefectureCode: '13' })

async function create(as: SignedInInject, form: PostingFormInput = completeForm): Promise<StaffPosting> {
  const response = await as({ method: 'POST', url: '/api/staff/postings', payload: form })
  expect(response.statusCode, response.body).toBe(201)
  return StaffPosting.parse(response.json())
}

function expectError(response: { statusCode: number; json: () => unknown }, status: number, code: string) {
  expect(response.statusCode).toBe(status)
  const body = ErrorBody.parse(response.json())
  expect(body.error.code).toBe(code)
  return body
}

async function exportedWorkbook(id: string): Promise<ExcelJS.Workbook> {
  const response = await matsuyama.inject(`/api/staff/postings/${id}/xlsx`)
  expect(response.statusCode).toBe(200)
  expect(response.headers['content-type']).toContain('spreadsheetml')
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer)
  return workbook
}

/** The sheet with a cell lookup by header, as a person finds a column by its heading. */
function sheetOf(workbook: ExcelJS.Workbook) {
  const sheet = workbook.getWorksheet('募集一覧')!
  const headers = (sheet.getRow(1).values as unknown[]).map((value) => (value === undefined ? '' : String(value)))
  const column = (header: string) => {
    const index = headers.indexOf(header)
    expect(index, header).toBeGreaterThan(0)
    return index
  }
  return { sheet, headers, column, cell: (row: number, header: string) => sheet.getRow(row).getCell(column(header)) }
}

async function importBook(workbook: ExcelJS.Workbook) {
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer())
  return matsuyama.inject({ method: 'POST', url: '/api/staff/postings/import', payload: { fileBase64: bytes.toString('base64') } })
}

const postingCount = async () =>
  Number(
    (
      await db
        .selectFrom('posting')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )

const richForm: PostingFormInput = {
  ...completeForm,
  title: 'Excel往復テスト',
  criteria: [
    { kind: 'job_type_level', importance: 'required', jobTypeIds: ['uiss.business_strategist', 'itss.consultant'], minLevel: 4, note: 'いずれか' },
    { kind: 'certification', importance: 'preferred', certificationIds: ['SC', 'AU'] },
    { kind: 'experience', importance: 'preferred', experienceKind: 'business_reform', minYears: 3 },
    { kind: 'local_government_experience', importance: 'preferred', minYears: null },
    {
      kind: 'any_of',
      importance: 'required',
      alternatives: [
        { kind: 'job_type_level', jobTypeIds: ['itss.consultant'], minLevel: 4 },
        { kind: 'certification', certificationIds: ['SC', 'AU'] },
        { kind: 'experience', experienceKind: 'digital_strategy_lead', minYears: 5 },
      ],
      note: '参考4.4-④のいずれか',
    },
  ],
  jointAppointmentCodes: ['382027'],
  bidRestriction: {
    templateIds: ['A2', 'C2', 'B2'],
    params: { A2: { yearsAfter: 2, categories: ['design_development', 'operation_maintenance'] }, B2: { relatedScope: 'related_only' } },
    note: '詳細は要綱による',
  },
  budgetAnnualCost: 4_000_000,
  budgetRecruitmentCost: 500_000,
  hoursPerDay: 7.75,
}

describe('Excel: 標準募集様式の1枚のシート', () => {
  test('round trip: export one posting → import it unchanged → the same form', async () => {
    const original = await create(matsuyama.inject, richForm)
    const workbook = await exportedWorkbook(original.id)
    const response = await importBook(workbook)
    expect(response.statusCode, response.body).toBe(201)
    const result = PostingImportResult.parse(response.json())
    expect(result.imported).toBe(1)
    const copy = StaffPosting.parse((await matsuyama.inject(`/api/staff/postings/${result.ids[0]}`)).json())
    expect(copy.form).toEqual(original.form)
    expect(copy.state).toBe('draft')
  })

  test('criteria are readable rows: one named item per row with importance, kind and level; no codes, JSON or pipes', async () => {
    const original = await create(matsuyama.inject, {
      ...completeForm,
      title: '条件の行',
      criteria: richForm.criteria,
      bidRestriction: { templateIds: ['A2'], params: { A2: { yearsAfter: 3 } }, note: null },
    })
    const { sheet, cell } = sheetOf(await exportedWorkbook(original.id))
    const rows = [2, 3, 4, 5, 6, 7, 8, 9, 10].map((row) => [
      cell(row, '条件番号').value,
      cell(row, '重要度').value,
      cell(row, '条件の種類').value,
      cell(row, '職種（スキル標準）').value,
      cell(row, 'レベル').value,
      cell(row, '資格').value,
      cell(row, '経験の種類').value,
      cell(row, '経験年数（以上）').value,
    ])
    expect(rows).toEqual([
      [1, '必須', 'スキルレベル（UISS/ITSS）', 'UISS ビジネスストラテジスト', 4, null, null, null],
      [1, '必須', 'スキルレベル（UISS/ITSS）', 'ITSS コンサルタント', 4, null, null, null],
      [2, '歓迎', '資格', null, null, '情報処理安全確保支援士', null, null],
      [2, '歓迎', '資格', null, null, 'システム監査技術者', null, null],
      [3, '歓迎', '経験', null, null, null, 'BPR・業務改革', 3],
      [4, '歓迎', '自治体での経験', null, null, null, null, null],
      [5, '必須', 'スキルレベル（UISS/ITSS）', 'ITSS コンサルタント', 4, null, null, null],
      [5, '必須', '資格', null, null, '情報処理安全確保支援士', null, null],
      [5, '必須', '資格', null, null, 'システム監査技術者', null, null],
    ])
    expect(cell(2, '入札制限の規定例').value).toMatch(/^契約期間と完了後一定期間の受託事業者の入札制限/)
    expect([cell(2, '入札制限の設定項目').value, cell(2, '入札制限の設定値').value]).toEqual(['契約完了後の制限年数', 3])
    expect([cell(2, '人材像').value, cell(2, '任用形態').value, cell(2, 'リモート勤務可').value]).toEqual([
      'プロデューサー（CIO補佐官等）',
      '特別職非常勤職員',
      'はい',
    ])
    // The posting's own fields are on its first row only; the rows below carry its lists.
    expect(cell(3, '募集ポスト（役職名）').value).toBeNull()
    expect(cell(3, '取組分野').value).toBe('セキュリティ対策の徹底')
    sheet.eachRow((row) =>
      row.eachCell((each) => {
        expect(String(each.value)).not.toMatch(/[|{}]|job_type_level|itss\.|uiss\./)
      }),
    )
  })

  test('the workbook is one visible sheet whose coded columns carry drop-down lists of their labels', async () => {
    const original = await create(matsuyama.inject, { ...completeForm, title: '入力規則' })
    const workbook = await exportedWorkbook(original.id)
    expect(workbook.worksheets.filter((sheet) => sheet.state === 'visible').map((sheet) => sheet.name)).toEqual(['募集一覧'])
    const lists = workbook.getWorksheet('選択肢')!
    expect(lists.state).toBe('hidden')
    const { cell } = sheetOf(workbook)
    /** The values a cell's list validation offers, read through its range on the 選択肢 sheet. */
    const offered = (row: number, header: string): unknown[] => {
      const validation = cell(row, header).dataValidation
      expect(validation?.type, header).toBe('list')
      const match = /^'選択肢'!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)$/.exec(String(validation!.formulae[0]))
      expect(match, String(validation!.formulae[0])).not.toBeNull()
      const [, letter, from, to] = match!
      const values: unknown[] = []
      for (let index = Number(from); index <= Number(to); index += 1) values.push(lists.getCell(`${letter}${index}`).value)
      return values
    }
    expect(offered(2, '人材像')).toEqual(['プロデューサー（CIO補佐官等）', 'プロジェクトマネージャー', 'サービスデザイナー', 'エンジニア', 'その他'])
    expect(offered(2, '任用形態')).toContain('会計年度任用職員')
    expect(offered(2, 'リモート勤務可')).toEqual(['はい', 'いいえ'])
    expect(offered(2, '副業・兼業可')).toEqual(['はい', 'いいえ'])
    expect(offered(2, '都道府県')).toHaveLength(47)
    expect(offered(2, '職種（スキル標準）')).toEqual(expect.arrayContaining(['UISS ビジネスストラテジスト', 'ITSS コンサルタント']))
    expect(offered(2, '資格')).toEqual(expect.arrayContaining(['情報処理安全確保支援士', 'CISA（公認情報システム監査人）']))
    expect(offered(2, 'レベル')).toEqual([1, 2, 3, 4, 5, 6, 7])
    expect(offered(2, '重要度')).toEqual(['必須', '歓迎'])
    expect(offered(2, '取組分野')).toContain('全体方針の策定')
    expect(offered(2, '選考方法')).toContain('書類選考')
    expect(offered(2, '入札制限の規定例').length).toBeGreaterThan(5)
    // Rows below the export still offer the lists, for postings a person adds.
    expect(offered(200, '人材像')).toHaveLength(5)
    expect(cell(2, '人材像').dataValidation).toMatchObject({ showErrorMessage: true, allowBlank: true })
    expect(cell(2, '募集ポスト（役職名）').dataValidation).toBeUndefined()
  })

  test('edited as a person would — labels picked from the lists, a date typed, rows added — and imported', async () => {
    const original = await create(matsuyama.inject, { ...completeForm, title: '手で編集' })
    const workbook = await exportedWorkbook(original.id)
    const { cell } = sheetOf(workbook)
    cell(2, '募集ポスト（役職名）').value = 'DX推進アドバイザー'
    cell(2, '人材像').value = 'エンジニア'
    cell(2, '任用形態').value = '会計年度任用職員'
    cell(2, '副業・兼業可').value = 'いいえ'
    cell(2, '応募締切日').value = new Date(Date.UTC(2026, 5, 15)) // what Excel stores for 2026/6/15 typed into the cell
    cell(2, '報酬額（円）').value = 45_000
    // A second condition under the first one's rows: 条件番号 2, a certification picked from the list.
    cell(3, '条件番号').value = 2
    cell(3, '重要度').value = '歓迎'
    cell(3, '条件の種類').value = '資格'
    cell(3, '資格').value = '応用情報技術者'
    // A third selection step, one more row down.
    cell(4, '選考方法').value = '論文'
    // A second posting below, typed from scratch with its own 整理番号.
    cell(6, '整理番号').value = 2
    cell(6, '募集ポスト（役職名）').value = '情報セキュリティ専門員'
    cell(6, '人材像').value = 'エンジニア'
    cell(6, 'リモート勤務可').value = 'はい'
    cell(6, '条件番号').value = 1
    cell(6, '重要度').value = '必須'
    cell(6, '条件の種類').value = 'スキルレベル（UISS/ITSS）'
    cell(6, '職種（スキル標準）').value = 'ITSS ITスペシャリスト'
    cell(6, 'レベル').value = 3
    cell(7, '条件番号').value = 1
    cell(7, '条件の種類').value = '資格'
    cell(7, '資格').value = '情報処理安全確保支援士'
    const before = await postingCount()
    const response = await importBook(workbook)
    expect(response.statusCode, response.body).toBe(201)
    const result = PostingImportResult.parse(response.json())
    expect(result.imported).toBe(2)
    expect(await postingCount()).toBe(before + 2)
    const [first, second] = await Promise.all(result.ids.map(async (id) => StaffPosting.parse((await matsuyama.inject(`/api/staff/postings/${id}`)).json())))
    expect(first!.form).toMatchObject({
      title: 'DX推進アドバイザー',
      roleId: 'engineer',
      appointmentForm: 'kaikei_nendo',
      sideJobAllowed: false,
      applicationEndsOn: '2026-06-15',
      payAmount: 45_000,
      selectionSteps: ['documents', 'interview_online', 'essay'],
      criteria: [
        { kind: 'job_type_level', importance: 'required', jobTypeIds: ['uiss.business_strategist'], minLevel: 4, note: null },
        { kind: 'certification', importance: 'preferred', certificationIds: ['AP'], note: null },
      ],
    })
    expect(second!.form).toMatchObject({
      title: '情報セキュリティ専門員',
      roleId: 'engineer',
      remoteAllowed: true,
      criteria: [
        {
          kind: 'any_of',
          importance: 'required',
          alternatives: [
            { kind: 'job_type_level', jobTypeIds: ['itss.it_specialist'], minLevel: 3 },
            { kind: 'certification', certificationIds: ['SC'] },
          ],
        },
      ],
    })
  })

  test('a value not in its drop-down list → 400 naming the row, the column and the allowed values; nothing is saved', async () => {
    const good = await create(matsuyama.inject, { ...completeForm, title: '取り込み失敗テスト' })
    const workbook = await exportedWorkbook(good.id)
    const { sheet, cell } = sheetOf(workbook)
    sheet.getRow(5).values = sheet.getRow(2).values as ExcelJS.CellValue[] // row 5: a good copy of the posting
    cell(5, '整理番号').value = 2
    sheet.getRow(7).values = sheet.getRow(2).values as ExcelJS.CellValue[] // row 7: made bad below
    cell(7, '整理番号').value = 3
    cell(7, '任用形態').value = '正社員'
    cell(7, '報酬額（円）').value = -5
    cell(8, '資格').value = '英検1級'
    cell(8, '条件の種類').value = '資格'
    cell(8, '重要度').value = '歓迎'
    const before = await postingCount()
    const body = expectError(await importBook(workbook), 400, 'POSTING_IMPORT_FAILED')
    const letter = (header: string) => cell(7, header).address.replace(/\d+$/, '')
    const details = body.error.details!
    expect(details.map((detail) => detail.path)).toEqual(
      expect.arrayContaining([`7行目 任用形態（${letter('任用形態')}列）`, `8行目 資格（${letter('資格')}列）`]),
    )
    const appointment = details.find((detail) => detail.path.includes('任用形態'))!
    expect(appointment.message).toContain('「正社員」は選択肢にありません')
    expect(appointment.message).toContain('特定任期付職員、特別職非常勤職員、会計年度任用職員')
    expect(details.find((detail) => detail.path.includes('資格'))!.message).toContain('情報処理安全確保支援士')
    expect(details.every((detail) => /^[78]行目/.test(detail.path))).toBe(true)
    expect(await postingCount()).toBe(before)
  })

  test('form rules still apply by row and column: a past deadline, another municipality', async () => {
    const good = await create(matsuyama.inject, { ...completeForm, title: '規則' })
    const workbook = await exportedWorkbook(good.id)
    const { cell } = sheetOf(workbook)
    cell(2, '応募締切日').value = '2026-03-01'
    cell(2, '団体コード').value = '382027'
    const body = expectError(await importBook(workbook), 400, 'POSTING_IMPORT_FAILED')
    const paths = body.error.details!.map((detail) => detail.path)
    expect(paths.some((path) => path.startsWith('2行目 応募締切日'))).toBe(true)
    expect(paths.some((path) => path.startsWith('2行目 団体コード'))).toBe(true)
  })

  test('not an xlsx → 400 POSTING_IMPORT_FAILED; other kinds of staff may not import', async () => {
    expectError(
      await matsuyama.inject({ method: 'POST', url: '/api/staff/postings/import', payload: { fileBase64: Buffer.from('hello').toString('base64') } }),
      400,
      'POSTING_IMPORT_FAILED',
    )
    expectError(await ehime.inject({ method: 'POST', url: '/api/staff/postings/import', payload: { fileBase64: 'aGVsbG8=' } }), 403, 'FORBIDDEN')
  })

  test('a prefecture downloads what it forwarded in a period, each posting from its 整理番号 row', async () => {
    const forwarded = await create(matsuyama.inject, { ...completeForm, title: '期間出力テスト' })
    for (const [as, action] of [
      [matsuyama, 'submit'],
      [ehime, 'forward'],
    ] as const) {
      const response = await as.inject({ method: 'POST', url: `/api/staff/postings/${forwarded.id}/transitions`, payload: { action } })
      expect(response.statusCode, response.body).toBe(200)
    }
    const idsIn = async (as: SignedInInject) => {
      const response = await as('/api/staff/postings/export?from=2026-04-01&to=2026-04-30')
      expect(response.statusCode).toBe(200)
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer)
      const { sheet, column } = sheetOf(workbook)
      const ids: string[] = []
      sheet.eachRow((row, number) => {
        if (number > 1 && row.getCell(column('整理番号')).value !== null) ids.push(String(row.getCell(column('募集ID')).value))
      })
      return ids
    }
    expect(await idsIn(ehime.inject)).toContain(forwarded.id)
    expect(await idsIn(tokyo.inject)).not.toContain(forwarded.id)
    expectError(await ehime.inject('/api/staff/postings/export?from=2026-05-01&to=2026-04-01'), 400, 'VALIDATION_FAILED')
    expectError(await matsuyama.inject('/api/staff/postings/export?from=2026-04-01&to=2026-04-30'), 403, 'FORBIDDEN')
  })
})

test('the empty template has the headers and lists; a posting typed into it imports', async () => {
  const response = await matsuyama.inject('/api/staff/postings/import-template')
  expect(response.statusCode).toBe(200)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer)
  const { cell } = sheetOf(workbook)
  expect(cell(2, '人材像').dataValidation?.type).toBe('list')
  cell(2, '整理番号').value = 1
  cell(2, '募集ポスト（役職名）').value = '空の様式から'
  cell(2, '人材像').value = 'サービスデザイナー'
  const imported = await importBook(workbook)
  expect(imported.statusCode, imported.body).toBe(201)
  expectError(await ehime.inject('/api/staff/postings/import-template'), 403, 'FORBIDDEN')
})
