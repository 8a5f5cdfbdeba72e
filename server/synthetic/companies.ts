/**
 * A generated corporate graph: groups of a parent with subsidiaries (親会社・子会社, also 連結決算の対象) and some
 * 関連事業者 links across groups, the shape the 入札制限 engine walks (参考4.4-⑦ B①②). 法人番号 carry valid check digits.
 */
import type { Faker } from '@faker-js/faker'

export interface SyntheticCompany {
  corporate_number: string
  name: string
  name_kana: null
  /** An IT vendor that bids on municipal IS procurements (most candidates' employers are). */
  isVendor: boolean
}

export interface SyntheticCompanyLink {
  kind: 'parent_subsidiary' | 'consolidated_group' | 'related'
  from_corporate_number: string
  to_corporate_number: string
  starts_on: string | null
  ends_on: null
}

/** 法人番号: 12 digits plus a leading check digit (国税庁 省令 第2条). */
export function corporateNumberOf(body: string): string {
  const digits = [...body].map(Number).reverse()
  const sum = digits.reduce((acc, digit, index) => acc + digit * ((index + 1) % 2 === 1 ? 1 : 2), 0)
  return `${9 - (sum % 9)}${body}`
}

const SUFFIXES = ['システムズ', 'ソリューションズ', 'テクノロジー', '情報サービス', 'データ', 'コンサルティング', 'ネットワークス', 'デジタル']

export function generateCompanies(faker: Faker, count: number): { companies: SyntheticCompany[]; links: SyntheticCompanyLink[] } {
  const companies: SyntheticCompany[] = []
  const links: SyntheticCompanyLink[] = []
  const used = new Set<string>()
  const make = (name: string, isVendor: boolean): SyntheticCompany => {
    let number: string
    do number = corporateNumberOf(faker.string.numeric({ length: 12, allowLeadingZeros: true }))
    while (used.has(number))
    used.add(number)
    const company = { corporate_number: number, name, name_kana: null, isVendor }
    companies.push(company)
    return company
  }
  while (companies.length < count) {
    const family = faker.person.lastName()
    const isVendor = faker.number.float() < 0.7
    const parent = make(`${family}${faker.helpers.arrayElement(SUFFIXES)}ホールディングス株式会社`, isVendor)
    const subsidiaries = faker.number.int({ min: 0, max: 6 })
    for (let index = 0; index < subsidiaries && companies.length < count; index += 1) {
      const child = make(
        `株式会社${family}${faker.helpers.arrayElement(SUFFIXES)}${index > 0 ? faker.location.city() : ''}`,
        isVendor || faker.number.float() < 0.3,
      )
      const since = `${faker.number.int({ min: 1990, max: 2022 })}-04-01`
      links.push({
        kind: 'parent_subsidiary',
        from_corporate_number: parent.corporate_number,
        to_corporate_number: child.corporate_number,
        starts_on: since,
        ends_on: null,
      })
      links.push({
        kind: 'consolidated_group',
        from_corporate_number: parent.corporate_number,
        to_corporate_number: child.corporate_number,
        starts_on: since,
        ends_on: null,
      })
    }
  }
  // 関連事業者 across groups
  for (let index = 0; index < count / 20; index += 1) {
    const [from, to] = faker.helpers.arrayElements(companies, 2)
    links.push({ kind: 'related', from_corporate_number: from!.corporate_number, to_corporate_number: to!.corporate_number, starts_on: null, ends_on: null })
  }
  return { companies, links }
}
