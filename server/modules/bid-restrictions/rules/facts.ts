/**
 * The plain data the 入札制限 (bid restriction) rules read. The service loads these facts from the database and
 * passes them in; the rules never query, read the clock or throw to say "no". All dates are inclusive 'YYYY-MM-DD'
 * calendar dates in Japan time (#shared/domain/dates).
 */
import type { IsoDate } from '#shared/domain/dates'
import type { CompanyLink } from './groups.ts'

/** 法人番号: 13 digits, check digit first (validated by the contract before the rules see it). */
export type CorporateNumber = string

/** Rule template ids; 'G_i' and 'G_ro' are 標準ガイドライン イ) and ロ). */
export type RuleTemplateId = 'A1' | 'A2' | 'B1' | 'B2' | 'C1' | 'C2' | 'D' | 'G_i' | 'G_ro'

/** 調達区分: the kinds of information-system procurement a period rule (A1, A2) or G_ro can be limited to. */
export type ProcurementCategory =
  | 'design_development' // 設計・開発
  | 'operation_maintenance' // 運用・保守
  | 'audit' // 監査
  | 'equipment_software' // 機器・ソフトウェア
  | 'other' // その他の情報システム調達

/** How the appointee (任用者) is tied to a company. */
export type EmploymentRelationship =
  | 'employee' // 従業員
  | 'officer' // 役員
  | 'secondee' // 出向・派遣（派遣元企業）
  | 'side_job' // 兼業先
  | 'owner' // 出資者・経営者

/** What the appointee does on one procurement; 'drafts_spec', 'evaluates' and 'supervises' make a 関係職員 (rule D). */
export type ProcurementRole =
  | 'advises' // 助言
  | 'drafts_spec' // 仕様書作成
  | 'evaluates' // 審査・評価
  | 'supervises' // 管理・監督

/**
 * One rule a municipality adopted, as stored: the template and its parameters (missing keys take the template's
 * defaults). Check with `validateRuleParameters` when saving; the rules throw on invalid parameters.
 */
export interface RuleConfig {
  readonly templateId: RuleTemplateId
  readonly params: Readonly<Record<string, unknown>>
}

/** One spell of the appointee with a company; `endsOn: null` = still running. */
export interface Employment {
  readonly corporateNumber: CorporateNumber
  readonly relationship: EmploymentRelationship
  readonly startsOn: IsoDate
  readonly endsOn: IsoDate | null
}

/**
 * One appointment (任用) of a person by one municipality. A person serving several municipalities has one
 * appointment per municipality; each restricts only its own municipality's procurements.
 */
export interface Appointment {
  readonly appointmentId: string
  /** 団体コード of the appointing municipality. */
  readonly municipalityCode: string
  /** First and last day of the term (inclusive); `endsOn: null` = term end not recorded yet. */
  readonly startsOn: IsoDate
  readonly endsOn: IsoDate | null
  /** Rules written in the 設置要綱 / 募集要項 / 協定書 of this appointment: B1, B2, C1, C2, D. */
  readonly ruleSet: readonly RuleConfig[]
  /** The person's employment history (current and past), every relationship and spell. */
  readonly employments: readonly Employment[]
  /** What the person does on the procurement being checked (empty when they do not touch it). */
  readonly roleOnProcurement: readonly ProcurementRole[]
}

/**
 * A 業務委託 or 派遣 contract of the municipality with a company (the contracted / dispatching company); A1 and A2
 * are written into its 仕様書.
 */
export interface Contract {
  readonly contractId: string
  readonly municipalityCode: string
  readonly corporateNumber: CorporateNumber
  readonly startsOn: IsoDate
  /** Last day of performance; `null` = not fixed yet (the window stays open). */
  readonly endsOn: IsoDate | null
  /** A1 and/or A2. */
  readonly ruleSet: readonly RuleConfig[]
}

/** An application for exemption from rule D (適用除外の申請, 参考4.4-⑨ (a)(b)(c)), valid for one procurement only. */
export interface Exemption {
  readonly procurementId: string
  readonly corporateNumber: CorporateNumber
  readonly status: 'approved' | 'pending' | 'rejected'
}

/** The procurement (調達案件) a bid is made on. */
export interface Procurement {
  readonly id: string
  readonly municipalityCode: string
  /** What the procurement includes (a procurement may span several categories, e.g. 設計・開発 and 運用・保守). */
  readonly categories: readonly ProcurementCategory[]
  /** Rules on vendors independent of persons, adopted for this procurement: G_i, G_ro. */
  readonly ruleSet: readonly RuleConfig[]
  /** Businesses that took a direct part in drafting this procurement's specification (G_i). */
  readonly specDrafterCorporateNumbers: readonly CorporateNumber[]
  /** Project-management support (PMO支援) businesses of the system this procurement concerns (G_ro). */
  readonly pmoVendorCorporateNumbers: readonly CorporateNumber[]
  /** Spec drafters for which a recorded judgement says taking part gives no competitive advantage (G_i ただし書). */
  readonly noAdvantageCorporateNumbers?: readonly CorporateNumber[]
}

/** Everything `decideBid` needs, as of one date. */
export interface BidFacts {
  /** The bid or quotation date (default: today in Japan, computed by the service). */
  readonly asOf: IsoDate
  readonly procurement: Procurement
  /** `known: false` when the 法人番号 is valid but not in the company registry. */
  readonly bidder: { readonly corporateNumber: CorporateNumber; readonly known: boolean }
  /** Every company link that may matter (the bidder's and the employers' neighbourhoods); dated links outside asOf are ignored. */
  readonly companyLinks: readonly CompanyLink[]
  /** Appointments of every person who may matter; only those of the procurement's municipality are applied. */
  readonly appointments: readonly Appointment[]
  /** The municipality's 業務委託 / 派遣 contracts; only those of the procurement's municipality are applied. */
  readonly contracts: readonly Contract[]
  readonly exemptions: readonly Exemption[]
  /** Optional company names for the explanation lines (法人番号 → 名称). */
  readonly companyNames?: Readonly<Record<CorporateNumber, string>>
}

/** The period a restriction holds; `from: null, to: null` = no period, this procurement only (G rules). */
export interface RestrictionWindow {
  from: IsoDate | null
  to: IsoDate | null
}
