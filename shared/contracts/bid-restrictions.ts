/**
 * 入札制限 (bid restriction) API: procurement cases (調達案件), rule sets per appointment (任用), bid checks, act
 * checks, the restricted set of a procurement, exemption applications (適用除外, 参考4.4-⑨) and pledges (誓約書).
 * Other systems call these paths; their names are a contract.
 */
import { z } from 'zod'
import { isIsoDate } from '../domain/dates.ts'
import { CorporateNumber } from './companies.ts'
import { endpoint, page, PageQuery } from './endpoint.ts'

const IsoDate = (label: string) =>
  z.string({ message: `${label}は日付で入力してください。` }).refine(isIsoDate, { message: `${label}は YYYY-MM-DD 形式の正しい日付で入力してください。` })

export const ProcurementId = z.uuid({ message: '調達案件IDの形式が正しくありません。' })
export const AppointmentId = z.uuid({ message: '任用IDの形式が正しくありません。' })
export const IdParams = z.object({ id: z.uuid({ message: 'IDの形式が正しくありません。' }) })
export const ProcurementIdParams = z.object({ id: ProcurementId })
export const AppointmentIdParams = z.object({ id: AppointmentId })

export const RuleTemplateId = z.enum(['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'D', 'G_i', 'G_ro'])
export const ProcurementCategory = z.enum(['design_development', 'operation_maintenance', 'audit', 'equipment_software', 'other'])
export type ProcurementCategory = z.infer<typeof ProcurementCategory>
export const ProcurementRole = z.enum(['advises', 'drafts_spec', 'evaluates', 'supervises'])
export type ProcurementRole = z.infer<typeof ProcurementRole>
export const EmploymentRelationship = z.enum(['employee', 'officer', 'secondee', 'side_job', 'owner'])
export const Act = z.enum(['draft_spec', 'select_vendor', 'evaluate', 'contract_handling', 'permit_handling'], { message: '行為は一覧から選んでください。' })
export type Act = z.infer<typeof Act>

/** One adopted rule: template and parameters (checked against the template's documented bounds when saved). */
export const RuleConfig = z.object({
  templateId: RuleTemplateId,
  params: z.record(z.string(), z.unknown()).default({}),
})
export type RuleConfig = z.infer<typeof RuleConfig>

const CorporateNumbers = (label: string) =>
  z
    .array(CorporateNumber)
    .max(200, { message: `${label}は200件までです。` })
    .default([])

// ——— procurements (調達案件) ———

export const ProcurementParticipant = z.object({ appointmentId: AppointmentId, role: ProcurementRole })

export const ProcurementInput = z
  .object({
    title: z.string().trim().min(1).max(200),
    categories: z.array(ProcurementCategory).min(1).max(5),
    publishedOn: IsoDate('公告日').nullable().default(null),
    bidsOn: IsoDate('入札日').nullable().default(null),
    /** Vendor rules adopted for this procurement (G_i, G_ro). */
    rules: z.array(RuleConfig).max(10).default([]),
    participants: z.array(ProcurementParticipant).max(200).default([]),
    specDrafterCorporateNumbers: CorporateNumbers('仕様書作成に関与した事業者'),
    noAdvantageCorporateNumbers: CorporateNumbers('競争上有利とならないと認められた事業者'),
    pmoVendorCorporateNumbers: CorporateNumbers('PMO支援事業者'),
    expectedBidderCorporateNumbers: CorporateNumbers('入札参加が見込まれる事業者'),
    counterpartyCorporateNumbers: CorporateNumbers('契約・許認可の相手方'),
  })
  .refine((input) => input.bidsOn === null || input.publishedOn === null || input.bidsOn >= input.publishedOn, {
    message: '入札日は公告日以降にしてください。',
    path: ['bidsOn'],
  })
export type ProcurementInput = z.infer<typeof ProcurementInput>

export const Procurement = z.object({
  id: z.string(),
  municipalityCode: z.string(),
  title: z.string(),
  categories: z.array(ProcurementCategory),
  publishedOn: z.string().nullable(),
  bidsOn: z.string().nullable(),
  rules: z.array(z.object({ templateId: RuleTemplateId, params: z.record(z.string(), z.unknown()) })),
  participants: z.array(ProcurementParticipant),
  specDrafterCorporateNumbers: z.array(z.string()),
  noAdvantageCorporateNumbers: z.array(z.string()),
  pmoVendorCorporateNumbers: z.array(z.string()),
  expectedBidderCorporateNumbers: z.array(z.string()),
  counterpartyCorporateNumbers: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Procurement = z.infer<typeof Procurement>

export const createProcurement = endpoint({
  operationId: 'createProcurement',
  method: 'POST',
  path: '/api/procurements',
  summary: '調達案件の登録',
  tags: ['入札制限'],
  body: ProcurementInput,
  response: Procurement,
  successStatus: 201,
})

export const listProcurements = endpoint({
  operationId: 'listProcurements',
  method: 'GET',
  path: '/api/procurements',
  summary: '自団体の調達案件の一覧',
  tags: ['入札制限'],
  query: z.object({
    limit: z.coerce.number().int().min(1).max(100).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  }),
  response: z.object({ items: z.array(Procurement), total: z.number().int(), limit: z.number().int(), offset: z.number().int() }),
})

export const getProcurement = endpoint({
  operationId: 'getProcurement',
  method: 'GET',
  path: '/api/procurements/:id',
  summary: '調達案件',
  tags: ['入札制限'],
  params: ProcurementIdParams,
  response: Procurement,
})

export const updateProcurement = endpoint({
  operationId: 'updateProcurement',
  method: 'PUT',
  path: '/api/procurements/:id',
  summary: '調達案件の更新',
  tags: ['入札制限'],
  params: ProcurementIdParams,
  body: ProcurementInput,
  response: Procurement,
})

// ——— contracts (業務委託・派遣・地域活性化起業人; rules A1, A2) ———

export const ContractKind = z.enum(['gyomu_itaku', 'haken', 'kigyojin'])
export type ContractKind = z.infer<typeof ContractKind>

export const ContractInput = z
  .object({
    title: z.string().trim().min(1, { message: '契約名を入力してください。' }).max(200, { message: '契約名は200文字以内で入力してください。' }),
    /** 'gyomu_itaku' 業務委託, 'haken' 派遣, 'kigyojin' 地域活性化起業人. */
    kind: ContractKind,
    /** The contracted / dispatching company; it must be in the company registry. */
    corporateNumber: CorporateNumber,
    startsOn: IsoDate('契約開始日'),
    /** Last day of performance; null = not fixed yet. */
    endsOn: IsoDate('契約終了日').nullable().default(null),
    /** A1 and/or A2 with their parameters (checked against the documented bounds). */
    rules: z.array(RuleConfig).max(2).default([]),
    /** The appointment this contract serves, if any (one of the municipality's). */
    appointmentId: AppointmentId.nullable().default(null),
  })
  .refine((input) => input.endsOn === null || input.endsOn >= input.startsOn, {
    message: '契約終了日は契約開始日以降にしてください。',
    path: ['endsOn'],
  })
export type ContractInput = z.infer<typeof ContractInput>

export const ServiceContract = z.object({
  id: z.string(),
  municipalityCode: z.string(),
  title: z.string(),
  kind: ContractKind,
  corporateNumber: z.string(),
  companyName: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  rules: z.array(z.object({ templateId: RuleTemplateId, params: z.record(z.string(), z.unknown()) })),
  appointmentId: z.string().nullable(),
  createdAt: z.string(),
})
export type ServiceContract = z.infer<typeof ServiceContract>

export const createContract = endpoint({
  operationId: 'createContract',
  method: 'POST',
  path: '/api/contracts',
  summary: '業務委託・派遣契約の登録（規則A1・A2、パラメータは規定の範囲内）',
  tags: ['入札制限'],
  body: ContractInput,
  response: ServiceContract,
  successStatus: 201,
})

export const listContracts = endpoint({
  operationId: 'listContracts',
  method: 'GET',
  path: '/api/contracts',
  summary: '自団体の業務委託・派遣契約の一覧',
  tags: ['入札制限'],
  query: z.object({
    limit: z.coerce.number().int().min(1).max(100).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  }),
  response: z.object({ items: z.array(ServiceContract), total: z.number().int(), limit: z.number().int(), offset: z.number().int() }),
})

export const getContract = endpoint({
  operationId: 'getContract',
  method: 'GET',
  path: '/api/contracts/:id',
  summary: '業務委託・派遣契約',
  tags: ['入札制限'],
  params: IdParams,
  response: ServiceContract,
})

// ——— rule sets per appointment ———

export const AppointmentRuleSet = z.object({
  appointmentId: z.string(),
  /** 'posting': the default from the posting's 入札制限 clause; 'municipality': chosen by the municipality. */
  source: z.enum(['posting', 'municipality', 'none']),
  rules: z.array(z.object({ templateId: RuleTemplateId, params: z.record(z.string(), z.unknown()) })),
  updatedAt: z.string().nullable(),
})

export const getAppointmentRuleSet = endpoint({
  operationId: 'getAppointmentRuleSet',
  method: 'GET',
  path: '/api/appointments/:id/rule-set',
  summary: '任用の入札制限 規則セット',
  tags: ['入札制限'],
  params: AppointmentIdParams,
  response: AppointmentRuleSet,
})

export const putAppointmentRuleSet = endpoint({
  operationId: 'putAppointmentRuleSet',
  method: 'PUT',
  path: '/api/appointments/:id/rule-set',
  summary: '任用の入札制限 規則セットの設定（B1・B2・C1・C2・D、パラメータは規定の範囲内）',
  tags: ['入札制限'],
  params: AppointmentIdParams,
  body: z.object({ rules: z.array(RuleConfig).max(10) }),
  response: AppointmentRuleSet,
})

// ——— checks ———

export const Window = z.object({ from: z.string().nullable(), to: z.string().nullable() })

export const GroupStep = z.object({ from: z.string(), to: z.string(), relation: z.string() })

export const BidFinding = z.object({
  ruleId: RuleTemplateId,
  ruleSource: z.string(),
  appointmentId: z.string().nullable(),
  contractId: z.string().nullable(),
  subjectCorporateNumber: z.string(),
  path: z.array(GroupStep),
  /** The chain in words: 入札者 …, each group step, what the last company is to the rule. */
  relation: z.array(z.string()),
  window: Window,
  exemptible: z.boolean(),
  /** Japanese sentence naming the rule and its dates. */
  reason: z.string(),
})

export const BidDecisionKind = z.enum(['allowed', 'restricted', 'restricted_exemptible'])

export const BidCheckRequest = z.object({
  procurementId: ProcurementId,
  bidderCorporateNumber: CorporateNumber,
  /** The bid or quotation date; default: today in Japan. */
  asOf: IsoDate('判定日').optional(),
})

export const BidCheckResult = z.object({
  /** The log entry (GET /api/bid-checks/:id replays it). */
  checkId: z.string(),
  procurementId: z.string(),
  bidderCorporateNumber: z.string(),
  bidderName: z.string().nullable(),
  asOf: z.string(),
  decision: BidDecisionKind,
  findings: z.array(BidFinding),
  notes: z.array(z.string()),
})
export type BidCheckResult = z.infer<typeof BidCheckResult>

export const checkBid = endpoint({
  operationId: 'checkBid',
  method: 'POST',
  path: '/api/bid-checks',
  summary: '入札制限の判定（入札者・調達案件・判定日）',
  tags: ['入札制限'],
  body: BidCheckRequest,
  response: BidCheckResult,
})

export const BidCheckRecord = z.object({
  id: z.string(),
  kind: z.enum(['bid', 'act', 'restricted_set']),
  municipalityCode: z.string(),
  procurementId: z.string(),
  appointmentId: z.string().nullable(),
  bidderCorporateNumber: z.string().nullable(),
  act: z.string().nullable(),
  asOf: z.string(),
  decision: z.string(),
  /** The facts the engine was given, exactly (BidFacts / ActFacts / RestrictedSetFacts). */
  facts: z.unknown(),
  /** The engine's answer, exactly. */
  result: z.unknown(),
  engineVersion: z.string(),
  actorKind: z.string(),
  actorUserId: z.string().nullable(),
  createdAt: z.string(),
})

export const getBidCheck = endpoint({
  operationId: 'getBidCheck',
  method: 'GET',
  path: '/api/bid-checks/:id',
  summary: '判定記録（使った事実と判定）',
  tags: ['入札制限'],
  params: IdParams,
  response: BidCheckRecord,
})

export const ActFinding = z.object({
  ruleId: z.enum(['C1', 'C2']),
  ruleSource: z.string(),
  appointmentId: z.string(),
  act: z.string(),
  corporateNumber: z.string(),
  relationship: z.string(),
  window: Window,
  reason: z.string(),
})

export const ActCheckRequest = z.object({
  appointmentId: AppointmentId,
  procurementId: ProcurementId,
  act: Act,
  asOf: IsoDate('判定日').optional(),
})

export const ActCheckResult = z.object({
  checkId: z.string(),
  appointmentId: z.string(),
  procurementId: z.string(),
  act: Act,
  asOf: z.string(),
  decision: z.enum(['allowed', 'blocked']),
  findings: z.array(ActFinding),
  notes: z.array(z.string()),
})

export type ActCheckResult = z.infer<typeof ActCheckResult>

export const checkAct = endpoint({
  operationId: 'checkAct',
  method: 'POST',
  path: '/api/act-checks',
  summary: '任用者の行為の制限の判定（仕様書作成・業者選定・審査・契約事務・許認可等の申請の処理）',
  tags: ['入札制限'],
  body: ActCheckRequest,
  response: ActCheckResult,
})

export const AsOfQuery = z.object({ asOf: IsoDate('判定日').optional() })

export const RestrictedCompany = z.object({
  corporateNumber: z.string(),
  name: z.string().nullable(),
  decision: z.enum(['restricted', 'restricted_exemptible']),
  findings: z.array(BidFinding),
})

export const PublishableRestrictedCompany = z.object({
  corporateNumber: z.string(),
  name: z.string().nullable(),
  decision: z.enum(['restricted', 'restricted_exemptible']),
  rules: z.array(z.object({ ruleId: RuleTemplateId, ruleSource: z.string(), window: Window })),
})

export const RestrictedSetResult = z.object({
  checkId: z.string().nullable(),
  procurementId: z.string(),
  asOf: z.string(),
  publishable: z.boolean(),
  companies: z.array(z.union([RestrictedCompany, PublishableRestrictedCompany])),
  notes: z.array(z.string()),
})

export const getRestrictedCompanies = endpoint({
  operationId: 'getRestrictedCompanies',
  method: 'GET',
  path: '/api/procurements/:id/restricted-companies',
  summary: '調達案件の入札制限対象企業（?publishable=true で個人情報を除いた公表用）',
  tags: ['入札制限'],
  params: ProcurementIdParams,
  query: AsOfQuery.extend({
    publishable: z
      .enum(['true', 'false'], { message: 'publishable は true か false で指定してください。' })
      .optional()
      .transform((value) => value === 'true'),
  }),
  response: RestrictedSetResult,
})

export const AppointmentRestrictions = z.object({
  appointmentId: z.string(),
  municipalityCode: z.string(),
  asOf: z.string(),
  window: Window,
  inTerm: z.boolean(),
  rules: z.array(z.object({ templateId: RuleTemplateId, name: z.string(), source: z.string(), params: z.record(z.string(), z.unknown()) })),
  ruleSetSource: z.enum(['posting', 'municipality', 'none']),
  /** Companies this appointee's rules restrict (B1 on every procurement; B2 and D where they take part). */
  restrictedCompanies: z.array(
    z.object({
      corporateNumber: z.string(),
      name: z.string().nullable(),
      findings: z.array(BidFinding),
    }),
  ),
  /** Acts the appointee may not perform, per procurement of the municipality (C1, C2). */
  blockedActs: z.array(z.object({ procurementId: z.string(), procurementTitle: z.string(), act: Act, findings: z.array(ActFinding) })),
  hasPledge: z.boolean(),
  notes: z.array(z.string()),
})

export const getAppointmentRestrictions = endpoint({
  operationId: 'getAppointmentRestrictions',
  method: 'GET',
  path: '/api/appointments/:id/restrictions',
  summary: 'この任用者が制限する企業と、行えない行為',
  tags: ['入札制限'],
  params: AppointmentIdParams,
  query: AsOfQuery,
  response: AppointmentRestrictions,
})

// ——— exemptions (適用除外, 参考4.4-⑨) ———

/** The contact history (b): a small PDF or text file, base64 in JSON. */
export const EXEMPTION_FILE_MAX_BYTES = 512 * 1024
export const EXEMPTION_BODY_LIMIT = Math.ceil((EXEMPTION_FILE_MAX_BYTES * 4) / 3) + 64 * 1024

export const ExemptionStatus = z.enum(['pending', 'approved', 'rejected'])

export const exemptionStatusLabels: Record<z.infer<typeof ExemptionStatus>, string> = { pending: '審査中', approved: '承認', rejected: '却下' }

/**
 * The conditions on which a 入札制限対象企業 may apply (手順書 参考4.4-⑨ 適用除外措置の申請条件), as the form and the
 * confirmation show them.
 */
export const EXEMPTION_CONDITIONS = {
  a: '(a) 当該調達案件の仕様書の内容等について、兼業者と連絡をとっていないこと',
  b: '(b) 仕様書作成以後における兼業者との接触履歴の提出',
  c: '(c) 公平性に疑義が生じた際に、監査を受け入れること',
} as const

export const ExemptionApplication = z.object({
  corporateNumber: CorporateNumber,
  /** The appointee whose 兼業先 the company is (the 兼業者 of (a) and (b)); optional for systems that do not know it. */
  appointmentId: z.uuid({ message: '任用者の指定が正しくありません。一覧から選んでください。' }).nullable().default(null),
  /** (a) no contact with the concurrently employed person about this procurement's specification. */
  attestsNoContact: z.literal(true, { message: '(a) 仕様書等について兼業者と連絡をとっていないことの誓約が必要です。' }),
  /** (c) accepts an audit if fairness is questioned. */
  acceptsAudit: z.literal(true, { message: '(c) 監査を受け入れることの同意が必要です。' }),
  /** (b) the record of contacts since the specification was drafted. */
  contactHistory: z.object(
    {
      fileName: z
        .string({ message: '(b) 接触履歴のファイル名が必要です。' })
        .trim()
        .min(1, '(b) 接触履歴のファイル名が必要です。')
        .max(200, '(b) 接触履歴のファイル名は200文字以内にしてください。'),
      mediaType: z.enum(['application/pdf', 'text/plain'], { message: '(b) 接触履歴のファイルは PDF かテキストファイルにしてください。' }),
      contentBase64: z
        .string({ message: '(b) 接触履歴のファイルを添付してください。' })
        .min(1, '(b) 接触履歴のファイルを添付してください。')
        .max(Math.ceil((EXEMPTION_FILE_MAX_BYTES * 4) / 3) + 4, { message: '接触履歴のファイルは512KB以内にしてください。' })
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'ファイルは base64 で送ってください。' }),
    },
    { message: '(b) 接触履歴のファイルを添付してください。' },
  ),
  statement: z.string({ message: '申請の内容は文字で入力してください。' }).max(4000, '申請の内容は4000文字以内にしてください。').default(''),
})

export const Exemption = z.object({
  id: z.string(),
  procurementId: z.string(),
  municipalityCode: z.string(),
  corporateNumber: z.string(),
  appointmentId: z.string().nullable(),
  attestsNoContact: z.boolean(),
  acceptsAudit: z.boolean(),
  contactHistory: z.object({ fileName: z.string(), mediaType: z.string(), size: z.number().int() }),
  statement: z.string(),
  status: ExemptionStatus,
  decisionReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
})
export type Exemption = z.infer<typeof Exemption>

/** An application as the municipality's list shows it: with the procurement's title and the company's name. */
export const ExemptionListItem = Exemption.extend({ procurementTitle: z.string(), companyName: z.string().nullable() })
export type ExemptionListItem = z.infer<typeof ExemptionListItem>

export const listMunicipalityExemptions = endpoint({
  operationId: 'listMunicipalityExemptions',
  method: 'GET',
  path: '/api/exemptions',
  summary: '自団体の適用除外の申請一覧（新しい順）',
  tags: ['入札制限'],
  query: PageQuery.extend({ status: ExemptionStatus.optional() }),
  response: page(ExemptionListItem),
})

export const applyExemption = endpoint({
  operationId: 'applyExemption',
  method: 'POST',
  path: '/api/procurements/:id/exemptions',
  summary: '入札制限の適用除外の申請（規則D、(a)(b)(c)）',
  tags: ['入札制限'],
  params: ProcurementIdParams,
  body: ExemptionApplication,
  response: Exemption,
  successStatus: 201,
})

export const listExemptions = endpoint({
  operationId: 'listExemptions',
  method: 'GET',
  path: '/api/procurements/:id/exemptions',
  summary: '調達案件の適用除外の申請一覧',
  tags: ['入札制限'],
  params: ProcurementIdParams,
  response: z.object({ items: z.array(Exemption) }),
})

export const decideExemption = endpoint({
  operationId: 'decideExemption',
  method: 'POST',
  path: '/api/exemptions/:id/decision',
  summary: '適用除外の承認・却下（理由つき）',
  tags: ['入札制限'],
  params: IdParams,
  body: z.object({
    decision: z.enum(['approved', 'rejected'], { message: '承認か却下かを選んでください。' }),
    reason: z
      .string({ message: '承認・却下の理由を入力してください。' })
      .trim()
      .min(1, '承認・却下の理由を入力してください。')
      .max(2000, '承認・却下の理由は2000文字以内にしてください。'),
  }),
  response: Exemption,
})

// ——— pledges (誓約書) ———

export const PledgeEmployer = z.object({
  corporateNumber: CorporateNumber,
  name: z.string().trim().min(1).max(200),
  relationship: EmploymentRelationship,
  startsOn: IsoDate('開始日'),
  endsOn: IsoDate('終了日').nullable().default(null),
})

export const PledgeShareholding = z.object({
  corporateNumber: CorporateNumber.nullable().default(null),
  name: z.string().trim().min(1).max(200),
  /** e.g. 「1,000株」「発行済株式の0.1%」. */
  holding: z.string().trim().min(1).max(100),
})

export const PledgeInput = z.object({
  signerName: z.string().trim().min(1).max(100),
  signedOn: IsoDate('署名日'),
  disclosedEmployers: z.array(PledgeEmployer).max(50).default([]),
  /** 兼業先 */
  sideJobs: z
    .array(PledgeEmployer.omit({ relationship: true }))
    .max(50)
    .default([]),
  shareholdings: z.array(PledgeShareholding).max(100).default([]),
})

export const Pledge = z.object({
  id: z.string(),
  appointmentId: z.string(),
  municipalityCode: z.string(),
  signerName: z.string(),
  signedOn: z.string(),
  disclosedEmployers: z.array(
    z.object({ corporateNumber: z.string(), name: z.string(), relationship: EmploymentRelationship, startsOn: z.string(), endsOn: z.string().nullable() }),
  ),
  sideJobs: z.array(z.object({ corporateNumber: z.string(), name: z.string(), startsOn: z.string(), endsOn: z.string().nullable() })),
  shareholdings: z.array(z.object({ corporateNumber: z.string().nullable(), name: z.string(), holding: z.string() })),
  /** What the person pledges, by the appointment's 任用形態 (手順書 §4.4(4), 参考4.4-⑨), each item with its source. */
  sections: z.array(z.object({ heading: z.string(), items: z.array(z.object({ id: z.string(), text: z.string(), source: z.string() })) })),
  createdAt: z.string(),
})

export const recordPledge = endpoint({
  operationId: 'recordPledge',
  method: 'POST',
  path: '/api/appointments/:id/pledge',
  summary: '誓約書の記録（開示した勤務先・兼業先・株式保有）',
  tags: ['入札制限'],
  params: AppointmentIdParams,
  body: PledgeInput,
  response: Pledge,
  successStatus: 201,
})

export const getPledge = endpoint({
  operationId: 'getPledge',
  method: 'GET',
  path: '/api/appointments/:id/pledge',
  summary: '最新の誓約書',
  tags: ['入札制限'],
  params: AppointmentIdParams,
  response: Pledge,
})

export const listAppointmentsWithoutPledge = endpoint({
  operationId: 'listAppointmentsWithoutPledge',
  method: 'GET',
  path: '/api/appointments/without-pledge',
  summary: '誓約書のない任用（ダッシュボード用）',
  tags: ['入札制限'],
  query: AsOfQuery,
  response: z.object({
    asOf: z.string(),
    items: z.array(z.object({ appointmentId: z.string(), municipalityCode: z.string(), candidateId: z.string(), startsOn: z.string(), endsOn: z.string() })),
  }),
})

/** The pledge PDF path (binary; not a JSON endpoint). */
export const pledgePdfPath = (appointmentId: string) => `/api/appointments/${appointmentId}/pledge.pdf`

// ——— rule templates (for the rule-set editor) ———

const ParameterBase = { key: z.string(), label: z.string() }
/** One parameter a municipality may set, with its default and bounds. */
export const RuleParameterSpec = z.discriminatedUnion('kind', [
  z.object({ ...ParameterBase, kind: z.literal('integer'), default: z.number(), min: z.number(), max: z.number(), unit: z.string() }),
  z.object({ ...ParameterBase, kind: z.literal('boolean'), default: z.boolean() }),
  z.object({ ...ParameterBase, kind: z.literal('choice'), default: z.string(), allowed: z.record(z.string(), z.string()) }),
  z.object({ ...ParameterBase, kind: z.literal('set'), default: z.array(z.string()), allowed: z.record(z.string(), z.string()) }),
])
export type RuleParameterSpec = z.infer<typeof RuleParameterSpec>

export const listRuleTemplates = endpoint({
  operationId: 'listRuleTemplates',
  method: 'GET',
  path: '/api/bid-restriction-templates',
  summary: '入札制限の規定例（テンプレートとパラメータの範囲）',
  tags: ['入札制限'],
  response: z.object({
    items: z.array(
      z.object({
        id: RuleTemplateId,
        family: z.string(),
        name: z.string(),
        description: z.string(),
        source: z.string(),
        /** Short citation, e.g. 参考4.4-⑦B②. */
        clause: z.string(),
        attachesTo: z.enum(['contract', 'appointment', 'procurement']),
        governs: z.string(),
        unconfirmed: z.array(z.string()),
        parameters: z.array(RuleParameterSpec),
      }),
    ),
  }),
})

// ——— companies: bulk import (owned by the bid-restrictions work; served by server/modules/companies) ———

/** Up to 50,000 rows per file; the route accepts bodies up to this many bytes. */
export const COMPANY_IMPORT_MAX_ROWS = 50_000
export const COMPANY_IMPORT_BODY_LIMIT = 20 * 1024 * 1024

export const importCompanies = endpoint({
  operationId: 'importCompanies',
  method: 'POST',
  path: '/api/companies/import',
  summary: '法人とグループ関係のCSV一括登録（全行を検証し、1行でも誤りがあれば何も登録しない）',
  tags: ['法人'],
  body: z
    .object({
      /** 法人番号,名称,フリガナ (header row first). */
      companiesCsv: z.string().max(COMPANY_IMPORT_BODY_LIMIT).optional(),
      /** 種別,起点の法人番号,相手の法人番号,開始日,終了日 (header row first); 種別 = parent_subsidiary | consolidated_group | related or 親子・連結・関連. */
      linksCsv: z.string().max(COMPANY_IMPORT_BODY_LIMIT).optional(),
    })
    .refine((body) => body.companiesCsv !== undefined || body.linksCsv !== undefined, { message: 'companiesCsv か linksCsv のどちらかを送ってください。' }),
  response: z.object({
    companiesCreated: z.number().int(),
    companiesUpdated: z.number().int(),
    linksCreated: z.number().int(),
    /** Links already registered (or repeated in the file, or retracted), left as they are. */
    linksSkipped: z.number().int(),
    /** Accepted with a warning: a 親子 or 連結 link that closes a cycle (the 法人番号 around it), or a retracted link. */
    warnings: z.array(z.object({ line: z.number().int(), message: z.string(), cycle: z.array(z.string()) })),
  }),
})
