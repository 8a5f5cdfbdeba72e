/**
 * The prefecture dashboard as an Excel workbook: one sheet per view (団体別, 外部人材のいない団体), plain values a
 * person can sort and filter — integers,団体コード as text, 「不明」 for an unknown population or count.
 */
import ExcelJS from 'exceljs'
import { type Dashboard, sharingRoleLabels, type SharingRoleId } from '#shared/contracts/sharing'

const ROLES = Object.keys(sharingRoleLabels) as SharingRoleId[]

export async function dashboardWorkbook(dashboard: Dashboard, prefectureName: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  book.creator = '自治体DX 外部デジタル人材 募集・マッチング'
  book.title = `${prefectureName} 外部デジタル人材の状況（${dashboard.fiscalYear}年度）`

  const sheet = book.addWorksheet('団体別')
  sheet.columns = [
    { header: '団体コード', key: 'code', width: 12 },
    { header: '団体名', key: 'name', width: 16 },
    { header: '人口', key: 'population', width: 12 },
    ...ROLES.map((role) => ({ header: `外部人材: ${sharingRoleLabels[role]}`, key: `role_${role}`, width: 18 })),
    { header: '外部人材 計', key: 'talentTotal', width: 12 },
    { header: '公開中の募集', key: 'openPostings', width: 12 },
    { header: '人材バンクへの依頼', key: 'poolRequests', width: 16 },
    { header: '派遣（承認済み）', key: 'dispatchUsed', width: 14 },
    { header: '派遣の上限', key: 'dispatchQuota', width: 12 },
    { header: '誓約書 未提出', key: 'pledgesMissing', width: 14 },
  ]
  for (const row of dashboard.rows) {
    sheet.addRow({
      code: row.code,
      name: row.name,
      population: row.population ?? '不明',
      ...Object.fromEntries(ROLES.map((role) => [`role_${role}`, row.talentByRole[role] ?? 0])),
      talentTotal: row.talentTotal,
      openPostings: row.openPostings ?? '不明',
      poolRequests: row.poolRequests,
      dispatchUsed: row.dispatchUsed,
      dispatchQuota: row.dispatchQuota ?? '随時',
      pledgesMissing: row.pledgesMissing ?? '不明',
    })
  }
  sheet.getRow(1).font = { bold: true }
  sheet.views = [{ state: 'frozen', ySplit: 1, xSplit: 2 }]
  sheet.getColumn('code').numFmt = '@'

  const without = book.addWorksheet('外部人材のいない団体')
  without.columns = [
    { header: '順位', key: 'rank', width: 6 },
    { header: '団体コード', key: 'code', width: 12 },
    { header: '団体名', key: 'name', width: 16 },
    { header: '人口', key: 'population', width: 12 },
  ]
  dashboard.withoutTalent.forEach((row, i) => without.addRow({ rank: i + 1, code: row.code, name: row.name, population: row.population ?? '不明' }))
  without.addRow({})
  without.addRow({ name: '人口の多い順。人口が登録されていない団体は末尾（団体コード順）。' })
  without.getRow(1).font = { bold: true }

  if (dashboard.notes.length > 0) {
    const notes = book.addWorksheet('注記')
    notes.columns = [{ header: '注記', key: 'note', width: 100 }]
    for (const note of dashboard.notes) notes.addRow({ note })
  }
  return Buffer.from(await book.xlsx.writeBuffer())
}
