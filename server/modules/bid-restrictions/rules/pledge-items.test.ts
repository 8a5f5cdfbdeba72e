import { describe, expect, test } from 'vitest'
import { pledgeSections } from './pledge-items.ts'

const ids = (form: string) => pledgeSections(form).flatMap((section) => section.items.map((item) => item.id))

describe('誓約書の項目は任用形態による（手順書 §4.4(4)、参考4.4-⑨）', () => {
  const SERVICE_DISCIPLINE = ['appointment_dismissal', 'no_discredit', 'confidentiality', 'devotion_to_duty']
  const DIGITAL_AGENCY = [
    'ownership_of_work',
    'on_leaving',
    'third_party_secrets',
    'no_conflict_of_interest',
    'disclose_side_jobs',
    'disclose_holdings',
    'exemption_cooperation',
    'procurement_involvement',
    'after_leaving',
  ]

  test.each<[string, string, { discipline: boolean }]>([
    [
      '特別職非常勤職員: 地公法が適用されないので 任用・解職、信用失墜行為の禁止、守秘義務、職務専念義務 を誓約する (§4.4(4))',
      'tokubetsushoku_hijokin',
      { discipline: true },
    ],
    ['特定任期付職員: 服務は地公法による（参考4.4-⑨の項目のみ）', 'tokutei_ninkitsuki', { discipline: false }],
    ['会計年度任用職員: 服務は地公法による', 'kaikei_nendo', { discipline: false }],
    ['業務委託: 守秘義務等は契約書で担保する（§4.4(4)）', 'gyomu_itaku', { discipline: false }],
  ])('%s', (_name, form, { discipline }) => {
    const items = ids(form)
    for (const id of SERVICE_DISCIPLINE) expect(items.includes(id), id).toBe(discipline)
    expect(items).toEqual(expect.arrayContaining(DIGITAL_AGENCY))
  })

  test('特別職非常勤職員: 服務の節が先、⑨の秘密保持は守秘義務と重ねて書かない', () => {
    const [discipline, fairness] = pledgeSections('tokubetsushoku_hijokin')
    expect(discipline!.heading).toBe('服務等の任用規律')
    expect(discipline!.items.map((item) => item.text).join()).toMatch(/任用及び解職.*信用を傷つけ.*秘密を漏らしません.*職務に専念/)
    expect(fairness!.items.some((item) => item.id === 'secrecy')).toBe(false)
    expect(pledgeSections('gyomu_itaku')[0]!.items.some((item) => item.id === 'secrecy')).toBe(true)
  })

  test('every item names its source', () => {
    for (const form of ['tokubetsushoku_hijokin', 'gyomu_itaku']) {
      for (const section of pledgeSections(form)) for (const item of section.items) expect(item.source).toMatch(/^手順書 (§4\.4\(4\)|参考4\.4-⑨)/)
    }
  })
})
