/**
 * 誓約書 (pledge) as a PDF from plain data: the items the person pledges in their sections (rules/pledge-items.ts:
 * 手順書 §4.4(4) for a 特別職非常勤職員, 参考4.4-⑨ for everyone), the disclosed employers, 兼業先 and shareholdings,
 * and the signature date in 和暦. BIZ UDPゴシック via server/documents/pdf.ts.
 */
import { createPdf, documentDate, drawFormTable, finishPdf, FONT, FONT_BOLD, type TableRow } from '../../documents/pdf.ts'
import type { PledgeSection } from './rules/index.ts'

export interface PledgeDocument {
  municipalityName: string
  signerName: string
  signedOn: string
  appointmentStartsOn: string
  appointmentEndsOn: string
  disclosedEmployers: ReadonlyArray<{ corporateNumber: string; name: string; relationship: string; startsOn: string; endsOn: string | null }>
  sideJobs: ReadonlyArray<{ corporateNumber: string; name: string; startsOn: string; endsOn: string | null }>
  shareholdings: ReadonlyArray<{ corporateNumber: string | null; name: string; holding: string }>
  sections: readonly PledgeSection[]
  issuedOn: string
}

const RELATIONSHIP_LABELS: Record<string, string> = {
  employee: '従業員',
  officer: '役員',
  secondee: '出向・派遣',
  side_job: '兼業',
  owner: '出資者・経営者',
}

function period(startsOn: string, endsOn: string | null): string {
  return `${documentDate(startsOn)} 〜 ${endsOn ? documentDate(endsOn) : '現在'}`
}

export async function pledgePdf(data: PledgeDocument): Promise<Buffer> {
  const doc = createPdf({ title: '誓約書', issuer: data.municipalityName, note: `出力日 ${documentDate(data.issuedOn)}` })
  doc.font(FONT_BOLD).fontSize(16).fillColor('#1a1a1a').text('誓約書', { align: 'center' })
  doc.moveDown(0.6)
  doc.font(FONT).fontSize(10).text(`${data.municipalityName}長 殿`)
  doc.moveDown(0.4)
  doc.text(
    `私は、${data.municipalityName}の外部デジタル人材として任用される（任用期間 ${period(data.appointmentStartsOn, data.appointmentEndsOn)}）にあたり、次の事項を誓約します。`,
  )
  doc.moveDown(0.4)
  let number = 0
  for (const section of data.sections) {
    doc.moveDown(0.3)
    doc.font(FONT_BOLD).text(section.heading)
    doc.font(FONT)
    for (const item of section.items) doc.text(`${(number += 1)}. ${item.text}`)
  }
  doc.moveDown(0.6)
  const rows: TableRow[] = [
    { section: '開示する勤務先' },
    ...(data.disclosedEmployers.length === 0
      ? [{ label: '勤務先', value: 'なし' }]
      : data.disclosedEmployers.map((spell) => ({
          label: `${spell.name}`,
          value: `法人番号 ${spell.corporateNumber}／${RELATIONSHIP_LABELS[spell.relationship] ?? spell.relationship}／${period(spell.startsOn, spell.endsOn)}`,
        }))),
    { section: '兼業先' },
    ...(data.sideJobs.length === 0
      ? [{ label: '兼業先', value: 'なし' }]
      : data.sideJobs.map((spell) => ({ label: spell.name, value: `法人番号 ${spell.corporateNumber}／${period(spell.startsOn, spell.endsOn)}` }))),
    { section: '株式等の保有' },
    ...(data.shareholdings.length === 0
      ? [{ label: '保有', value: 'なし' }]
      : data.shareholdings.map((holding) => ({
          label: holding.name,
          value: `${holding.corporateNumber ? `法人番号 ${holding.corporateNumber}／` : ''}${holding.holding}`,
        }))),
    { section: '署名' },
    { label: '署名日', value: documentDate(data.signedOn) },
    { label: '氏名', value: data.signerName },
  ]
  drawFormTable(doc, rows)
  return finishPdf(doc)
}
