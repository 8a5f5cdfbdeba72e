/**
 * Test fixtures for the 入札制限 rules: the cast of 手順書 参考4.4-⑦⑧⑨ (P, S1, S2, G, X, C; candidate 山田 appointed by
 * 松山市 2025-04-01 → 2027-03-31) with valid 法人番号, and small builders with overrides.
 */
import type { CompanyLink } from './rules/groups.ts'
import type { ActFacts } from './rules/acts.ts'
import type { Appointment, BidFacts, Contract, Employment, Procurement, RuleConfig, RuleTemplateId } from './rules/facts.ts'

/**
 * A valid 法人番号 from its 12 body digits: check digit = 9 − (Σ d_n × (1 if n odd else 2)) mod 9, with n counted
 * from the rightmost body digit (国税庁; see isValidCorporateNumber in #shared/domain/codes).
 */
export function corporateNumber(body: string): string {
  if (!/^\d{12}$/.test(body)) throw new Error(`12 digits expected: ${body}`)
  const sum = [...body]
    .reverse()
    .map(Number)
    .reduce((acc, digit, index) => acc + digit * ((index + 1) % 2 === 1 ? 1 : 2), 0)
  return `${9 - (sum % 9)}${body}`
}

/** 親会社 P; its subsidiaries S1 and S2 (sisters); G, a subsidiary of S1; X unrelated; C a consulting firm. */
export const P = corporateNumber('301000000001')
export const S1 = corporateNumber('301000000002')
export const S2 = corporateNumber('301000000003')
export const G = corporateNumber('301000000004')
export const X = corporateNumber('302000000001')
export const C = corporateNumber('303000000001')
/** A business that drafted R1's specification (G_i) and a PMO support business (G_ro). */
export const DRAFTER = corporateNumber('304000000001')
export const PMO = corporateNumber('305000000001')
/** A valid 法人番号 that is not in the registry. */
export const UNKNOWN = corporateNumber('399999999999')

export const companyNames: Record<string, string> = {
  [P]: 'P ホールディングス株式会社',
  [S1]: 'S1 システムズ株式会社',
  [S2]: 'S2 ソリューションズ株式会社',
  [G]: 'G テクノ株式会社',
  [X]: 'X 情報サービス株式会社',
  [C]: 'C コンサルティング株式会社',
}

export const MATSUYAMA = '382019' // 松山市
export const IMABARI = '382027' // 今治市

export function link(kind: CompanyLink['kind'], from: string, to: string, startsOn: string | null = null, endsOn: string | null = null): CompanyLink {
  return { kind, from, to, startsOn, endsOn }
}

/** P → S1, P → S2, S1 → G (親会社 → 子会社). */
export const groupLinks: CompanyLink[] = [link('parent_subsidiary', P, S1), link('parent_subsidiary', P, S2), link('parent_subsidiary', S1, G)]

/** 山田: X from 2012-04-01 to 2022-03-31 (10 years), S1 from 2022-04-01 (current employer). */
export const yamadaEmployments: Employment[] = [
  { corporateNumber: X, relationship: 'employee', startsOn: '2012-04-01', endsOn: '2022-03-31' },
  { corporateNumber: S1, relationship: 'employee', startsOn: '2022-04-01', endsOn: null },
]

export function rule(templateId: RuleTemplateId, params: Record<string, unknown> = {}): RuleConfig {
  return { templateId, params }
}

/** 山田's appointment as CIO補佐官 of 松山市 (特別職非常勤), 2025-04-01 → 2027-03-31. */
export function appointment(overrides: Partial<Appointment> = {}): Appointment {
  return {
    appointmentId: 'yamada-matsuyama',
    municipalityCode: MATSUYAMA,
    startsOn: '2025-04-01',
    endsOn: '2027-03-31',
    ruleSet: [],
    employments: yamadaEmployments,
    roleOnProcurement: [],
    ...overrides,
  }
}

export function procurement(overrides: Partial<Procurement> = {}): Procurement {
  return {
    id: 'R1',
    municipalityCode: MATSUYAMA,
    categories: ['design_development'],
    ruleSet: [],
    specDrafterCorporateNumbers: [],
    pmoVendorCorporateNumbers: [],
    ...overrides,
  }
}

/** C's 業務委託 contract with 松山市, 2024-04-01 → 2025-03-31. */
export function contract(overrides: Partial<Contract> = {}): Contract {
  return {
    contractId: 'itaku-2024',
    municipalityCode: MATSUYAMA,
    corporateNumber: C,
    startsOn: '2024-04-01',
    endsOn: '2025-03-31',
    ruleSet: [],
    ...overrides,
  }
}

export function bidFacts(overrides: Omit<Partial<BidFacts>, 'bidder'> & { bidder?: string | BidFacts['bidder'] } = {}): BidFacts {
  const { bidder = S1, ...rest } = overrides
  return {
    asOf: '2025-10-01',
    procurement: procurement(),
    companyLinks: groupLinks,
    appointments: [],
    contracts: [],
    exemptions: [],
    ...rest,
    bidder: typeof bidder === 'string' ? { corporateNumber: bidder, known: true } : bidder,
  }
}

export function actFacts(overrides: Partial<ActFacts> = {}): ActFacts {
  return {
    asOf: '2025-10-01',
    act: 'draft_spec',
    appointment: appointment({ ruleSet: [rule('C1')] }),
    procurement: { id: 'R1', municipalityCode: MATSUYAMA, expectedBidderCorporateNumbers: [S1] },
    ...overrides,
  }
}
