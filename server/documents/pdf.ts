/**
 * Building blocks for the service's PDFs (標準募集様式 and others): BIZ UDPゴシック (a universal-design Japanese
 * font made for public documents, OFL; subset into each file by pdfkit), an A4 page frame with the issuing body in
 * the header and page numbers in the footer, and a two-column form table that breaks across pages.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import PDFDocument from 'pdfkit'
import { formatWareki } from '#shared/domain/wareki'
import type { IsoDate } from '#shared/domain/dates'

const require = createRequire(import.meta.url)

let fonts: { regular: Buffer; bold: Buffer } | undefined

/** The two weights, read once per process (~9 MB together; pdfkit embeds only the glyphs used). */
export function japaneseFonts(): { regular: Buffer; bold: Buffer } {
  fonts ??= {
    regular: readFileSync(require.resolve('@expo-google-fonts/biz-udpgothic/400Regular/BIZUDPGothic_400Regular.ttf')),
    bold: readFileSync(require.resolve('@expo-google-fonts/biz-udpgothic/700Bold/BIZUDPGothic_700Bold.ttf')),
  }
  return fonts
}

export const FONT = 'jp'
export const FONT_BOLD = 'jp-bold'

/** 令和8年4月1日（2026年）: documents give the 和暦 with the Western year beside it. */
export function documentDate(date: IsoDate): string {
  return formatWareki(date, { withWesternYear: true })
}

export interface PageFrame {
  /** Document title (PDF metadata and the first heading). */
  title: string
  /** Left of every page's header: the issuing body, e.g. 愛媛県 松山市. */
  issuer: string
  /** Right of every page's header, e.g. 作成日 令和8年4月1日（2026年）. */
  note: string
}

export type Pdf = InstanceType<typeof PDFDocument>

const MARGIN = { top: 64, bottom: 60, left: 48, right: 48 }

/** An A4 document in Japanese with both weights registered; pages are buffered so the frame is drawn last. */
export function createPdf(frame: PageFrame): Pdf {
  const { regular, bold } = japaneseFonts()
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    lang: 'ja-JP',
    info: { Title: frame.title, Author: frame.issuer, Creator: '自治体DX 外部デジタル人材 募集サービス' },
    displayTitle: true,
  })
  doc.registerFont(FONT, regular)
  doc.registerFont(FONT_BOLD, bold)
  doc.font(FONT)
  frames.set(doc, frame)
  return doc
}

const frames = new WeakMap<Pdf, PageFrame>()

/** Draws the header and "n / total" footer on every page, ends the document and resolves with its bytes. */
export function finishPdf(doc: Pdf): Promise<Buffer> {
  const frame = frames.get(doc)
  const chunks: Buffer[] = []
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  const range = doc.bufferedPageRange()
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index)
    const { width, height } = doc.page
    const bottomMargin = doc.page.margins.bottom
    // Writing inside the margins must not start a new page.
    doc.page.margins.bottom = 0
    if (frame) {
      doc.font(FONT).fontSize(8.5).fillColor('#444444')
      doc.text(frame.issuer, MARGIN.left, 30, { width: (width - MARGIN.left - MARGIN.right) / 2, lineBreak: false })
      doc.text(frame.note, width / 2, 30, { width: width / 2 - MARGIN.right, align: 'right', lineBreak: false })
      doc
        .moveTo(MARGIN.left, 44)
        .lineTo(width - MARGIN.right, 44)
        .lineWidth(0.5)
        .strokeColor('#888888')
        .stroke()
    }
    doc
      .font(FONT)
      .fontSize(8.5)
      .fillColor('#444444')
      .text(`${index - range.start + 1} / ${range.count}`, MARGIN.left, height - 36, {
        width: width - MARGIN.left - MARGIN.right,
        align: 'center',
        lineBreak: false,
      })
    doc.page.margins.bottom = bottomMargin
  }
  doc.end()
  return done
}

export type TableRow = { section: string } | { label: string; value: string }

const LABEL_WIDTH = 130
const PADDING = 5
const FONT_SIZE = 9.5
// Long texts are cut into pieces a page can hold, each its own row (continued rows say （続き）).
const MAX_PIECE = 700

function pieces(value: string): string[] {
  if (value.length <= MAX_PIECE) return [value]
  const result: string[] = []
  let rest = value
  while (rest.length > MAX_PIECE) {
    const cut = Math.max(rest.lastIndexOf('\n', MAX_PIECE), Math.floor(MAX_PIECE * 0.6))
    result.push(rest.slice(0, cut))
    rest = rest.slice(cut).replace(/^\n/, '')
  }
  result.push(rest)
  return result
}

/** A two-column form table (label | value) with section bands, starting at the current y, breaking pages as needed. */
export function drawFormTable(doc: Pdf, rows: readonly TableRow[]): void {
  const left = doc.page.margins.left
  const width = doc.page.width - left - doc.page.margins.right
  const valueWidth = width - LABEL_WIDTH
  const bottom = () => doc.page.height - doc.page.margins.bottom
  let y = doc.y

  const ensure = (height: number) => {
    if (y + height > bottom()) {
      doc.addPage()
      y = doc.page.margins.top
    }
  }

  const expanded: TableRow[] = rows.flatMap((row): TableRow[] =>
    'section' in row ? [row] : pieces(row.value).map((value, index) => ({ label: index === 0 ? row.label : `${row.label}（続き）`, value })),
  )

  for (const row of expanded) {
    if ('section' in row) {
      const height = FONT_SIZE + 2 * PADDING + 2
      ensure(height + 24)
      doc.rect(left, y, width, height).fillColor('#1a4b8c').fill()
      doc
        .font(FONT_BOLD)
        .fontSize(FONT_SIZE + 0.5)
        .fillColor('#ffffff')
        .text(row.section, left + PADDING, y + PADDING, { width: width - 2 * PADDING, lineBreak: false })
      y += height
      continue
    }
    doc.fontSize(FONT_SIZE)
    const labelHeight = doc.font(FONT_BOLD).heightOfString(row.label, { width: LABEL_WIDTH - 2 * PADDING })
    const valueHeight = doc.font(FONT).heightOfString(row.value || '—', { width: valueWidth - 2 * PADDING })
    const height = Math.max(labelHeight, valueHeight) + 2 * PADDING
    ensure(height)
    doc.rect(left, y, LABEL_WIDTH, height).fillColor('#eef2f8').fill()
    doc.rect(left, y, width, height).lineWidth(0.5).strokeColor('#9aa5b5').stroke()
    doc
      .moveTo(left + LABEL_WIDTH, y)
      .lineTo(left + LABEL_WIDTH, y + height)
      .stroke()
    doc
      .font(FONT_BOLD)
      .fillColor('#1a1a1a')
      .text(row.label, left + PADDING, y + PADDING, { width: LABEL_WIDTH - 2 * PADDING })
    doc
      .font(FONT)
      .fillColor(row.value ? '#1a1a1a' : '#888888')
      .text(row.value || '—', left + LABEL_WIDTH + PADDING, y + PADDING, {
        width: valueWidth - 2 * PADDING,
      })
    y += height
  }
  doc.x = left
  doc.y = y + 8
}
