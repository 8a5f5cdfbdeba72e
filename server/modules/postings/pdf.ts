/**
 * The 標準募集様式 as an A4 PDF (手順書 §4.4(6), 参考4.4-⑭ ①), from plain data: the municipality's name in every
 * page's header, the form as a table in its field order, 和暦 dates with the Western year, page numbers.
 */
import { postingFieldLines } from '#shared/domain/postings/describe'
import type { PostingForm } from '#shared/domain/postings/form'
import { postingStateLabels, type PostingState } from '#shared/domain/postings/workflow'
import type { IsoDate } from '#shared/domain/dates'
import { createPdf, documentDate, drawFormTable, finishPdf, FONT, FONT_BOLD, type TableRow } from '../../documents/pdf.ts'

export interface PostingPdfInput {
  form: Omit<PostingForm, 'budgetAnnualCost' | 'budgetRecruitmentCost'>
  municipality: { code: string; name: string; prefectureName: string; population: number | null }
  state: PostingState
  revision: number
  publishedOn: IsoDate | null
  revisedOn: IsoDate | null
  bidRestrictionTexts: ReadonlyArray<{ text: string }>
  jointAppointmentNames: readonly string[]
  /** Today in Japan: the 作成日 in the header. */
  today: IsoDate
}

export function renderPostingPdf(input: PostingPdfInput): Promise<Buffer> {
  const { form, municipality } = input
  const title = form.title ? `${form.title} 募集要項` : '募集要項'
  const doc = createPdf({
    title: `${municipality.name} ${title}`,
    issuer: `${municipality.prefectureName} ${municipality.name}`,
    note: `作成日 ${documentDate(input.today)}`,
  })

  doc.font(FONT).fontSize(9).fillColor('#444444').text('外部デジタル人材 標準募集様式', { align: 'left' })
  doc.moveDown(0.2)
  doc
    .font(FONT_BOLD)
    .fontSize(17)
    .fillColor('#111111')
    .text(`${municipality.name}　${form.title ?? '（募集ポスト未設定）'}`)
  doc.moveDown(0.3)
  const status = [
    input.state === 'published' ? null : `状態: ${postingStateLabels[input.state]}（公開前の内容です）`,
    input.publishedOn ? `公開日 ${documentDate(input.publishedOn)}` : null,
    input.revisedOn ? `更新日 ${documentDate(input.revisedOn)}（第${input.revision}版）` : null,
  ].filter(Boolean)
  if (status.length > 0) doc.font(FONT).fontSize(9).fillColor('#333333').text(status.join('　'))
  doc.moveDown(0.6)

  const rows: TableRow[] = postingFieldLines(form, municipality, input).flatMap((group) => [
    { section: group.section },
    ...group.lines.map((line) => ({ label: line.label, value: line.value })),
  ])
  drawFormTable(doc, rows)
  doc
    .font(FONT)
    .fontSize(8)
    .fillColor('#555555')
    .text('応募・面接・採用は募集団体が直接行います。記載内容について不明な点は上記の問合せ先へお問い合わせください。')
  return finishPdf(doc)
}
