import { COMPANY } from './companies.ts'

/**
 * The appointment (任用) of 松山市's CIO補佐官, who still works at デモ伊予システムズ (a subsidiary of
 * デモ瀬戸内ホールディングス), its 入札制限 rule set and pledge, and a procurement the appointee advises on: a bid
 * by the sister company デモ道後ソリューションズ is restricted through the group (参考4.4-⑦ B①), one by
 * デモ石鎚データ is not.
 */
export const APPOINTMENT = {
  posting: 'matsuyamaCio',
  candidate: 'takahashi.makoto@example.jp',
  /** The term: from the day the demo is created for a year less a day. */
  startsDay: 0,
  lengthDays: 364,
  input: { roleId: 'producer', appointmentForm: 'tokubetsushoku_hijokin', advisesOnProcurement: true, draftsSpecifications: false, workDays: 2, workDaysPer: 'week' },
  rules: [
    { templateId: 'B1', params: { tenureYears: 10 } },
    { templateId: 'B2', params: { lookbackYears: 2 } },
    { templateId: 'C1', params: {} },
    { templateId: 'D', params: {} },
  ],
  pledge: {
    signerName: '高橋 誠',
    disclosedEmployers: [{ corporateNumber: COMPANY.iyoSystems, name: 'デモ伊予システムズ株式会社', relationship: 'employee', startsOn: '2004-04-01', endsOn: null }],
    shareholdings: [{ corporateNumber: COMPANY.setouchiHd, name: 'デモ瀬戸内ホールディングス株式会社', holding: '従業員持株会 1,200株' }],
  },
} as const

export const PROCUREMENT = {
  title: '住民記録システム標準化対応 運用保守業務（デモ）',
  categories: ['operation_maintenance'],
  // published on the day the demo is made, so its expected bidders flag their employees in the rankings at once
  publishedDay: 0,
  bidsDay: 30,
  expectedBidders: [COMPANY.dogoSolutions, COMPANY.ishizuchiData, COMPANY.zenkokuSystems],
  /** Checked at seeding, so the log already shows one 制限 and one 可. */
  checkedBidders: { restricted: COMPANY.dogoSolutions, allowed: COMPANY.ishizuchiData },
} as const
