import { describe, expect, test } from 'vitest'
import { type CriterionInput, PostingImportResult, StaffPosting } from '#shared/contracts/postings'
import { createAndSignIn, type SignedInInject } from '../../../test/support/actors.ts'
import { startTestApp } from '../../../test/support/app.ts'
import { pdfText } from '../../../test/support/pdf-text.ts'
import { completeForm, expectError, expectOk, postingSteps } from './test-fixtures.ts'

// Today is 2026-04-01 in Japan.
const now = new Date('2026-04-01T01:00:00+09:00')
const { app, engine } = await startTestApp({ clock: () => now })
const db = engine.db

const matsuyama = await createAndSignIn(app, db, { kind: 'municipality', localGovernmentCode: '382019' })
const imabari = await createAndSignIn(app, db, { kind: 'municipality', localGovernmentCode: '382027' })
const ehime = await createAndSignIn(app, db, { kind: 'prefecture', prefectureCode: '38' })
const national = await createAndSignIn(app, db, { kind: 'national' })

const { create, act, publish } = postingSteps({ author: matsuyama.inject, prefecture: ehime.inject, national: national.inject })

describe('PDF: GET /api/postings/:id/pdf', () => {
  test('a published posting as an A4 PDF in Japanese: its text has the title and the municipality', async () => {
    const published = await publish({ ...completeForm, title: 'CIO補佐官（PDF）', bidRestriction: { templateIds: ['A1', 'B2'], params: {}, note: null } })
    const response = await app.inject(`/api/postings/${published.id}/pdf`)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('application/pdf')
    expect(String(response.headers['content-disposition'])).toContain(encodeURIComponent('松山市'))
    const text = await pdfText(response.rawPayload)
    expect(text).toContain('CIO補佐官（PDF）')
    expect(text).toContain('松山市')
    expect(text).toContain('令和8年5月31日') // 応募締切 in 和暦
    expect(text).toMatch(/1 ?\/ ?\d/) // page numbers
    expect(text).toMatch(/入札/)
  })

  test('the 入札制限 clauses are published with the values chosen (手順書 参考4.4-⑦ B②「過去2年内」), on the page and in the PDF', async () => {
    const published = await publish({
      ...completeForm,
      title: 'CIO補佐官（入札制限）',
      bidRestriction: {
        templateIds: ['B2', 'C1'],
        params: { B2: { lookbackYears: 3, triggerRoles: ['advises'] }, C1: { includesEvaluation: false } },
        note: null,
      },
    })
    const view = await app.inject(`/api/postings/${published.id}`)
    expect(view.statusCode, view.body).toBe(200)
    const texts = (view.json() as { bidRestrictionTexts: { templateId: string; text: string }[] }).bidRestrictionTexts
    expect(texts.map((entry) => entry.templateId)).toEqual(['B2', 'C1'])
    expect(texts[0]!.text).toContain('現に属する又は過去3年内に属していた事業者')
    expect(texts[0]!.text).toContain('助言で関わる調達案件')
    expect(texts[1]!.text).toContain('提案の審査・評価は含めません')
    expect(texts.map((entry) => entry.text).join()).not.toContain('指定の年数')
    const pdf = (await pdfText((await app.inject(`/api/postings/${published.id}/pdf`)).rawPayload)).replace(/\s+/g, '')
    expect(pdf).toContain('過去3年内')
  })

  test('an any-of condition (手順書 参考4.4-④) prints its alternatives joined by 又は', async () => {
    const criteria: CriterionInput[] = [
      {
        kind: 'any_of',
        importance: 'preferred',
        alternatives: [
          { kind: 'job_type_level', jobTypeIds: ['itss.consultant'], minLevel: 4 },
          { kind: 'certification', certificationIds: ['SC'] },
        ],
      },
    ]
    const published = await publish({ ...completeForm, title: 'いずれか条件のPDF', criteria })
    const text = (await pdfText((await app.inject(`/api/postings/${published.id}/pdf`)).rawPayload)).replace(/\s+/g, '')
    expect(text).toContain('次のいずれか:ITSSコンサルタントでレベル4相当以上又は情報処理安全確保支援士の資格')
  })

  test('a draft PDF (preview) is for its own staff only', async () => {
    const draft = await create(matsuyama.inject, { title: 'プレビュー補佐官' })
    const own = await matsuyama.inject(`/api/postings/${draft.id}/pdf`)
    expect(own.statusCode).toBe(200)
    expectError(await imabari.inject(`/api/postings/${draft.id}/pdf`), 404, 'NOT_FOUND')
    expectError(await app.inject('/api/postings/bad/pdf'), 400, 'VALIDATION_FAILED')
  })
})

// The budget fields are the municipality's internal figures (非公開); what reaches the national side is what it
// publishes (手順書 参考4.4-⑭ ②): only the municipality and its prefecture read them.
describe('予算（非公開）は市区町村とその都道府県だけが見る', () => {
  const BUDGET_HEADERS = ['年間の任用等経費（予算・円）', '募集経費（予算・円）']
  async function sheetOf(bytes: Buffer) {
    const ExcelJS = (await import('exceljs')).default
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
    const sheet = workbook.getWorksheet('募集一覧')!
    const headers = (sheet.getRow(1).values as unknown[]).map((value) => String(value ?? ''))
    return { headers, cell: (header: string) => sheet.getRow(2).getCell(headers.indexOf(header)).value }
  }
  let forwarded: StaffPosting
  test('forwarded with budgets', async () => {
    forwarded = await create(matsuyama.inject, { ...completeForm, title: '予算の公開範囲', budgetAnnualCost: 5_000_000, budgetRecruitmentCost: 700_000 })
    await expectOk(await act(matsuyama.inject, forwarded.id, 'submit'))
    await expectOk(await act(ehime.inject, forwarded.id, 'forward'))
  })

  test.each<[string, () => SignedInInject, boolean]>([
    ['市区町村（募集団体）', () => matsuyama.inject, true],
    ['都道府県（管内）', () => ehime.inject, true],
    ['国', () => national.inject, false],
  ])('%s: 1件のExcelと画面', async (_who, as, sees) => {
    const { headers, cell } = await sheetOf((await as()(`/api/staff/postings/${forwarded.id}/xlsx`)).rawPayload)
    for (const header of BUDGET_HEADERS) expect(headers.includes(header), header).toBe(sees)
    if (sees) expect(cell('年間の任用等経費（予算・円）')).toBe(5_000_000)
    const view = await expectOk(await as()(`/api/staff/postings/${forwarded.id}`))
    expect(view.form.budgetAnnualCost).toBe(sees ? 5_000_000 : null)
    expect(view.form.budgetRecruitmentCost).toBe(sees ? 700_000 : null)
  })

  test.each<[string, () => SignedInInject, boolean]>([
    ['都道府県の期間出力は予算の列を含む', () => ehime.inject, true],
    ['国の期間出力は予算の列を含まない', () => national.inject, false],
  ])('%s', async (_name, as, sees) => {
    const response = await as()('/api/staff/postings/export?from=2026-04-01&to=2026-04-30')
    expect(response.statusCode).toBe(200)
    const { headers } = await sheetOf(response.rawPayload)
    for (const header of BUDGET_HEADERS) expect(headers.includes(header), header).toBe(sees)
    expect(headers).toContain('報酬額（円）')
  })

  test('a workbook without the budget columns still imports (the budgets stay empty)', async () => {
    const bytes = (await national.inject(`/api/staff/postings/${forwarded.id}/xlsx`)).rawPayload
    const imported = await matsuyama.inject({ method: 'POST', url: '/api/staff/postings/import', payload: { fileBase64: bytes.toString('base64') } })
    expect(imported.statusCode, imported.body).toBe(201)
    const copy = await expectOk(await matsuyama.inject(`/api/staff/postings/${PostingImportResult.parse(imported.json()).ids[0]}`))
    expect(copy.form.budgetAnnualCost).toBeNull()
    expect(copy.form.title).toBe('予算の公開範囲')
  })
})
