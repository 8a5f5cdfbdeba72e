/**
 * Sharing external digital talent across municipalities (手順書 §4.4(8)(9), 参考4.4-⑯⑰, §6; 事例集 p.26):
 * 人材バンク (talent pools) and their engagements, 共有任用・共同任用 (shared and joint appointments), 派遣
 * (dispatch menus and requests), a person's weekly capacity, and the prefecture's dashboard.
 */
import { z } from 'zod'
import { isIsoDate } from '../domain/dates.ts'
import { isValidCorporateNumber } from '../domain/codes.ts'
import { poolCardFields } from '../domain/sharing/pools.ts'
import { COST_BEARERS, REQUESTER_KINDS } from '../domain/sharing/scheme.ts'
import { endpoint } from './endpoint.ts'
import { LocalGovernmentCode } from './local-governments.ts'

const TAGS_POOLS = ['人材シェアリング（人材バンク）']
const TAGS_APPOINTMENTS = ['人材シェアリング（共有・共同任用）']
const TAGS_DISPATCH = ['人材シェアリング（派遣）']
const TAGS_DASHBOARD = ['人材シェアリング（都道府県ダッシュボード）']

export const IsoDateString = (label: string) =>
  z.string({ message: `${label}は日付で入力してください。` }).refine(isIsoDate, { message: `${label}は YYYY-MM-DD 形式の正しい日付で入力してください。` })

const Text = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `${label}は${max}文字以内で入力してください。` })
const RequiredText = (label: string, max: number) => Text(label, max).min(1, { message: `${label}を入力してください。` })
/** Days in half-day steps. */
const HalfDays = (label: string, max: number) =>
  z
    .number({ message: `${label}は数値で入力してください。` })
    .positive({ message: `${label}は0より大きい値にしてください。` })
    .max(max, { message: `${label}は${max}以下にしてください。` })
    .refine((n) => Number.isInteger(n * 2), { message: `${label}は0.5日単位で入力してください。` })
const Yen = (label: string) =>
  z
    .number({ message: `${label}は円単位の整数で入力してください。` })
    .int({ message: `${label}は円単位の整数で入力してください。` })
    .min(0)
    .max(10_000_000_000)

export const IdParams = z.object({ id: z.uuid({ message: 'IDの形式が正しくありません。' }) })
export const PoolIdParams = z.object({ poolId: z.uuid({ message: 'IDの形式が正しくありません。' }) })

/** 人材像 of a shared post; 'other' for posts outside the four roles. */
export const SharingRoleId = z.enum(['producer', 'project_manager', 'service_designer', 'engineer', 'other'])
export type SharingRoleId = z.infer<typeof SharingRoleId>
export const sharingRoleLabels: Record<SharingRoleId, string> = {
  producer: 'プロデューサー（CIO補佐官等）',
  project_manager: 'プロジェクトマネージャー',
  service_designer: 'サービスデザイナー',
  engineer: 'エンジニア',
  other: 'その他',
}

const Municipality = z.object({ code: z.string(), name: z.string() })

// ── talents ───────────────────────────────────────────────────────────────────────────────────────────────────

/** An employer of a person, in the 入札制限 engine's terms (参考4.4-⑦⑨), for the conflict checks. */
export const TalentEmployment = z.object({
  corporateNumber: z.string().refine(isValidCorporateNumber, { message: '法人番号が正しくありません（13桁、先頭は検査数字）。' }),
  relationship: z.enum(['employee', 'officer', 'secondee', 'side_job', 'owner']),
  startsOn: IsoDateString('在籍開始日'),
  endsOn: IsoDateString('在籍終了日').nullable(),
})
export type TalentEmployment = z.infer<typeof TalentEmployment>

/** A 入札制限 rule on a person (参考4.4-⑦ B①②, C①②, デジタル庁 D), as the bid-restrictions engine reads it. */
export const PersonRule = z.object({
  templateId: z.enum(['B1', 'B2', 'C1', 'C2', 'D']),
  params: z.record(z.string(), z.unknown()).default({}),
})
export type PersonRule = z.infer<typeof PersonRule>

export const Talent = z.object({
  id: z.string(),
  displayName: z.string(),
  availableDaysPerWeek: z.number(),
  /** A candidate who opted in themselves, or an expert the prefecture registered. */
  source: z.enum(['candidate', 'prefecture']),
  ownerPrefectureCode: z.string().nullable(),
  employments: z.array(TalentEmployment),
  /** The person's own restrictions; they hold at every municipality the person serves. */
  bidRules: z.array(PersonRule),
})
export type Talent = z.infer<typeof Talent>

export const CreateTalentBody = z.object({
  displayName: RequiredText('氏名', 100),
  availableDaysPerWeek: HalfDays('稼働可能日数（週）', 7),
  employments: z.array(TalentEmployment).max(20).default([]),
  bidRules: z.array(PersonRule).max(10).default([]),
})

export const createTalent = endpoint({
  operationId: 'createTalent',
  method: 'POST',
  path: '/api/sharing/talents',
  summary: '都道府県が確保した人材（専門官・派遣の専門家）の登録',
  tags: TAGS_APPOINTMENTS,
  body: CreateTalentBody,
  response: Talent,
  successStatus: 201,
})

export const listTalents = endpoint({
  operationId: 'listTalents',
  method: 'GET',
  path: '/api/sharing/talents',
  summary: '自団体が扱える人材（自県が登録した人材と、運営する人材バンクの登録者）',
  tags: TAGS_APPOINTMENTS,
  response: z.object({ items: z.array(Talent) }),
})

// ── capacity ──────────────────────────────────────────────────────────────────────────────────────────────────

export const CommitmentKind = z.enum(['appointment', 'engagement', 'shared_appointment', 'joint_appointment', 'dispatch'])

export const CapacityQuery = z
  .object({ from: IsoDateString('開始日'), to: IsoDateString('終了日') })
  .refine((q) => q.from <= q.to, { message: '終了日は開始日以降にしてください。', path: ['to'] })
  .refine((q) => q.from >= '1900-01-01' && q.to <= '2200-12-31' && Number(q.to.slice(0, 4)) - Number(q.from.slice(0, 4)) <= 3, {
    message: '期間は3年以内で指定してください。',
    path: ['to'],
  })

export const WeekLoad = z.object({
  weekStartsOn: z.string(),
  weekEndsOn: z.string(),
  allocatedDays: z.number(),
  availableDays: z.number(),
  isOver: z.boolean(),
  parts: z.array(z.object({ commitmentId: z.string(), kind: CommitmentKind, label: z.string(), days: z.number() })),
})

export const Capacity = z.object({
  talent: Talent,
  commitments: z.array(
    z.object({
      id: z.string(),
      kind: CommitmentKind,
      label: z.string(),
      localGovernmentCode: z.string().nullable(),
      startsOn: z.string(),
      endsOn: z.string().nullable(),
      allocation: z.object({ unit: z.enum(['per_week', 'per_month', 'total']), days: z.number() }),
    }),
  ),
  weeks: z.array(WeekLoad),
  /** How days per month and total days become days per week (shown beside the chart). */
  conversionNote: z.string(),
})
export type Capacity = z.infer<typeof Capacity>

export const getTalentCapacity = endpoint({
  operationId: 'getTalentCapacity',
  method: 'GET',
  path: '/api/sharing/talents/:id/capacity',
  summary: '人材の週ごとの稼働（全団体の任用・依頼・派遣の合計と稼働可能日数）',
  tags: TAGS_APPOINTMENTS,
  params: IdParams,
  query: CapacityQuery,
  response: Capacity,
})

export const getMyCapacity = endpoint({
  operationId: 'getMyCapacity',
  method: 'GET',
  path: '/api/sharing/my/capacity',
  summary: '自分の週ごとの稼働（外部デジタル人材本人）',
  tags: TAGS_POOLS,
  query: CapacityQuery,
  response: Capacity,
})

// ── talent pools ──────────────────────────────────────────────────────────────────────────────────────────────

export const PoolCardField = z.enum(poolCardFields)

/** What a person writes for one pool; they choose which fields the members see. */
export const PoolCard = z.object({
  displayName: Text('氏名', 100).optional(),
  headline: Text('ひとこと紹介', 140).optional(),
  roleIds: z.array(SharingRoleId).max(5).optional(),
  skills: z.array(RequiredText('スキル', 50)).max(20).optional(),
  availableDaysPerWeek: HalfDays('稼働可能日数（週）', 7).optional(),
  area: Text('活動地域', 100).optional(),
  remoteOk: z.boolean().optional(),
  career: Text('経歴', 2000).optional(),
})
export type PoolCard = z.infer<typeof PoolCard>

export const Pool = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  operator: Municipality,
  operatorKind: z.enum(['prefecture', 'lead_city']),
  members: z.array(Municipality),
  isOpen: z.boolean(),
  /** How the caller relates to it; candidates see open pools as 'candidate'. */
  relation: z.enum(['operator', 'member', 'candidate']),
  listingCount: z.number().int(),
  /** For a candidate: their own listing in this pool, if any. */
  myListing: z.object({ id: z.string(), card: PoolCard, visibleFields: z.array(PoolCardField), isListed: z.boolean() }).nullable(),
})
export type Pool = z.infer<typeof Pool>

export const CreatePoolBody = z.object({
  name: RequiredText('人材バンクの名称', 100),
  description: Text('説明', 2000).default(''),
  memberCodes: z.array(LocalGovernmentCode).min(1, { message: '構成団体を1つ以上指定してください。' }).max(200),
})

export const listPools = endpoint({
  operationId: 'listPools',
  method: 'GET',
  path: '/api/sharing/pools',
  summary: '人材バンクの一覧（運営する・加入している人材バンク。外部デジタル人材には登録を受け付けている人材バンク）',
  tags: TAGS_POOLS,
  response: z.object({ items: z.array(Pool) }),
})

export const createPool = endpoint({
  operationId: 'createPool',
  method: 'POST',
  path: '/api/sharing/pools',
  summary: '人材バンクの開設（都道府県、または連携中枢都市圏の連携中枢都市）',
  tags: TAGS_POOLS,
  body: CreatePoolBody,
  response: Pool,
  successStatus: 201,
})

export const getPool = endpoint({
  operationId: 'getPool',
  method: 'GET',
  path: '/api/sharing/pools/:poolId',
  summary: '人材バンク',
  tags: TAGS_POOLS,
  params: PoolIdParams,
  response: Pool,
})

export const updatePoolMembers = endpoint({
  operationId: 'updatePoolMembers',
  method: 'PUT',
  path: '/api/sharing/pools/:poolId/members',
  summary: '人材バンクの構成団体の変更（運営団体のみ）',
  tags: TAGS_POOLS,
  params: PoolIdParams,
  body: z.object({ memberCodes: CreatePoolBody.shape.memberCodes }),
  response: Pool,
})

export const Listing = z.object({
  id: z.string(),
  poolId: z.string(),
  talentId: z.string(),
  /** Only the fields the person chose to show. */
  card: PoolCard,
  /** 0–100 from the matching module when it can score this person for the caller; null otherwise. */
  matchScore: z.number().nullable(),
})
export type Listing = z.infer<typeof Listing>

export const ListingQuery = z.object({
  q: Text('検索語', 50).optional(),
  role: SharingRoleId.optional(),
  /** One of the caller's own postings: listed candidates then carry their match score for it (matchScore). */
  postingId: z.uuid({ message: '募集IDの形式が正しくありません。' }).optional(),
})

export const listPoolListings = endpoint({
  operationId: 'listPoolListings',
  method: 'GET',
  path: '/api/sharing/pools/:poolId/listings',
  summary: '人材バンクの登録者の閲覧・検索（構成団体と運営団体）',
  tags: TAGS_POOLS,
  params: PoolIdParams,
  query: ListingQuery,
  response: z.object({ items: z.array(Listing) }),
})

export const OptInBody = z.object({
  card: PoolCard,
  visibleFields: z.array(PoolCardField).max(poolCardFields.length),
  /** Declared availability; every commitment must fit it in every week. */
  availableDaysPerWeek: HalfDays('稼働可能日数（週）', 7),
})

export const optInToPool = endpoint({
  operationId: 'optInToPool',
  method: 'PUT',
  path: '/api/sharing/pools/:poolId/listing',
  summary: '人材バンクへの登録・更新（本人。見せる項目を選ぶ）',
  tags: TAGS_POOLS,
  params: PoolIdParams,
  body: OptInBody,
  response: Pool,
})

export const optOutOfPool = endpoint({
  operationId: 'optOutOfPool',
  method: 'DELETE',
  path: '/api/sharing/pools/:poolId/listing',
  summary: '人材バンクの登録の取りやめ（本人）',
  tags: TAGS_POOLS,
  params: PoolIdParams,
  response: Pool,
})

// ── engagements ───────────────────────────────────────────────────────────────────────────────────────────────

export const EngagementState = z.enum(['requested', 'offered', 'agreed', 'declined', 'rejected', 'withdrawn'])
export const Payer = z.enum(['requester', 'operator', 'other'])
export const payerLabels: Record<z.infer<typeof Payer>, string> = { requester: '依頼した団体', operator: '運営団体', other: 'その他（備考のとおり）' }

export const EngagementTerms = z.object({
  days: HalfDays('日数', 365),
  payYen: Yen('報酬'),
  payer: Payer,
  note: Text('備考', 1000).optional(),
})

export const ConflictFinding = z.object({
  decision: z.enum(['blocked', 'warned']),
  procurementId: z.string(),
  corporateNumber: z.string(),
  reason: z.string(),
})

export const Engagement = z.object({
  id: z.string(),
  poolId: z.string(),
  poolName: z.string(),
  listingId: z.string(),
  talentId: z.string(),
  talentLabel: z.string(),
  requester: Municipality,
  topic: z.string(),
  detail: z.string(),
  expectedDays: z.number(),
  startsOn: z.string(),
  endsOn: z.string(),
  state: EngagementState,
  terms: EngagementTerms.nullable(),
  decisionNote: z.string().nullable(),
  /** Conflict-of-interest warnings found when it was offered or accepted (blocking ones refuse the step). */
  warnings: z.array(z.string()),
  createdAt: z.string(),
  agreedAt: z.string().nullable(),
})
export type Engagement = z.infer<typeof Engagement>

export const CreateEngagementBody = z
  .object({
    listingId: z.uuid({ message: 'IDの形式が正しくありません。' }),
    topic: RequiredText('依頼内容（テーマ）', 200),
    detail: Text('詳細', 4000).default(''),
    expectedDays: HalfDays('想定日数', 365),
    startsOn: IsoDateString('開始日'),
    endsOn: IsoDateString('終了日'),
  })
  .refine((b) => b.startsOn <= b.endsOn, { message: '終了日は開始日以降にしてください。', path: ['endsOn'] })

export const requestEngagement = endpoint({
  operationId: 'requestEngagement',
  method: 'POST',
  path: '/api/sharing/pools/:poolId/engagements',
  summary: '人材バンクの登録者への依頼（構成団体）',
  tags: TAGS_POOLS,
  params: PoolIdParams,
  body: CreateEngagementBody,
  response: Engagement,
  successStatus: 201,
})

export const listEngagements = endpoint({
  operationId: 'listEngagements',
  method: 'GET',
  path: '/api/sharing/engagements',
  summary: '人材バンクの依頼の一覧（依頼した団体・運営団体・本人）',
  tags: TAGS_POOLS,
  response: z.object({ items: z.array(Engagement) }),
})

export const getEngagement = endpoint({
  operationId: 'getEngagement',
  method: 'GET',
  path: '/api/sharing/engagements/:id',
  summary: '人材バンクの依頼',
  tags: TAGS_POOLS,
  params: IdParams,
  response: Engagement,
})

export const EngagementTransitionBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('offer'), terms: EngagementTerms }),
  z.object({ action: z.literal('reject'), note: Text('理由', 1000).optional() }),
  z.object({ action: z.literal('accept') }),
  z.object({ action: z.literal('decline'), note: Text('理由', 1000).optional() }),
  z.object({ action: z.literal('withdraw'), note: Text('理由', 1000).optional() }),
])

export const transitionEngagement = endpoint({
  operationId: 'transitionEngagement',
  method: 'POST',
  path: '/api/sharing/engagements/:id/transitions',
  summary: '依頼の手続（運営団体: 打診 offer・見送り reject / 本人: 承諾 accept・辞退 decline / 依頼団体: 取下げ withdraw）',
  tags: TAGS_POOLS,
  params: IdParams,
  body: EngagementTransitionBody,
  response: Engagement,
})

// ── shared and joint appointments ─────────────────────────────────────────────────────────────────────────────

export const SharedAppointmentShare = z.object({
  localGovernmentCode: LocalGovernmentCode,
  /** 共有任用: days per month for this municipality. */
  daysPerMonth: HalfDays('月あたり日数', 20).optional(),
  /** 共同任用: share of the time (%). */
  timePercent: z.number().int().min(1).max(100).optional(),
  /** 共同任用: share of the annual cost (yen). */
  costYen: Yen('費用負担額').optional(),
})

export const CreateSharedAppointmentBody = z
  .object({
    kind: z.enum(['shared', 'joint']),
    talentId: z.uuid({ message: 'IDの形式が正しくありません。' }),
    title: RequiredText('職名', 100),
    roleId: SharingRoleId.nullable().default(null),
    startsOn: IsoDateString('任期の開始日'),
    endsOn: IsoDateString('任期の終了日'),
    /** 共同任用: days per week in total. */
    daysPerWeek: HalfDays('週あたり日数', 7).optional(),
    /** 共同任用: annual cost in yen, split among the municipalities. */
    annualCostYen: Yen('年間費用').optional(),
    /** 入札制限 rules of the 設置要綱・協定; they hold at every municipality served. */
    bidRules: z.array(PersonRule).max(10).default([]),
    shares: z.array(SharedAppointmentShare).min(1).max(100),
  })
  .refine((b) => b.startsOn <= b.endsOn, { message: '任期の終了日は開始日以降にしてください。', path: ['endsOn'] })

export const SharedAppointment = z.object({
  id: z.string(),
  kind: z.enum(['shared', 'joint']),
  operator: Municipality,
  talentId: z.string(),
  talentName: z.string(),
  title: z.string(),
  roleId: SharingRoleId.nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  daysPerWeek: z.number().nullable(),
  annualCostYen: z.number().nullable(),
  bidRules: z.array(PersonRule),
  shares: z.array(
    z.object({
      localGovernmentCode: z.string(),
      name: z.string(),
      daysPerMonth: z.number().nullable(),
      timePercent: z.number().nullable(),
      costYen: z.number().nullable(),
      /** Days per week this share takes, by the stated conversion. */
      daysPerWeek: z.number(),
    }),
  ),
})
export type SharedAppointment = z.infer<typeof SharedAppointment>

export const createSharedAppointment = endpoint({
  operationId: 'createSharedAppointment',
  method: 'POST',
  path: '/api/sharing/shared-appointments',
  summary: '共有任用（専門官が複数団体を支援）・共同任用（複数団体で任用）の登録',
  tags: TAGS_APPOINTMENTS,
  body: CreateSharedAppointmentBody,
  response: SharedAppointment,
  successStatus: 201,
})

export const listSharedAppointments = endpoint({
  operationId: 'listSharedAppointments',
  method: 'GET',
  path: '/api/sharing/shared-appointments',
  summary: '共有任用・共同任用の一覧（運営団体と支援先の団体）',
  tags: TAGS_APPOINTMENTS,
  response: z.object({ items: z.array(SharedAppointment) }),
})

export const getSharedAppointment = endpoint({
  operationId: 'getSharedAppointment',
  method: 'GET',
  path: '/api/sharing/shared-appointments/:id',
  summary: '共有任用・共同任用',
  tags: TAGS_APPOINTMENTS,
  params: IdParams,
  response: SharedAppointment,
})

export const FiscalYearQuery = z.object({
  fiscalYear: z.coerce.number({ message: '年度は西暦の数字で指定してください。' }).int().min(2000).max(2100).optional(),
})

export const UsageReport = z.object({
  fiscalYear: z.number().int(),
  from: z.string(),
  to: z.string(),
  rows: z.array(
    z.object({
      localGovernmentCode: z.string(),
      name: z.string(),
      sharedDays: z.number(),
      jointDays: z.number(),
      engagementDays: z.number(),
      dispatchDays: z.number(),
      totalDays: z.number(),
    }),
  ),
})

export const getUsageReport = endpoint({
  operationId: 'getUsageReport',
  method: 'GET',
  path: '/api/sharing/usage',
  summary: '団体ごとの利用日数（年度。共有任用・共同任用・人材バンク・派遣）',
  tags: TAGS_APPOINTMENTS,
  query: FiscalYearQuery,
  response: UsageReport,
})

// ── dispatch ──────────────────────────────────────────────────────────────────────────────────────────────────

export const DispatchMode = z.enum(['online', 'on_site'])
export const dispatchModeLabels: Record<z.infer<typeof DispatchMode>, string> = { online: 'オンライン', on_site: '現地' }
export const DispatchState = z.enum(['requested', 'approved', 'declined', 'cancelled', 'completed'])

const CostBearer = z.enum(COST_BEARERS, { message: '派遣費用の負担を選んでください。' })
const RequesterKind = z.enum(REQUESTER_KINDS, { message: '申請する団体の種別を選んでください。' })
/** A limit: a positive number, or null for none. */
const Limit = (label: string, max: number, step: 'int' | 'half') =>
  z
    .number({ message: `${label}は数値で入力してください。` })
    .positive({ message: `${label}は0より大きい値にしてください（上限がなければ空欄）。` })
    .max(max, { message: `${label}は${max}以下にしてください。` })
    .refine((n) => (step === 'int' ? Number.isInteger(n) : Number.isInteger(n * 2)), {
      message: step === 'int' ? `${label}は整数で入力してください。` : `${label}は0.5単位で入力してください。`,
    })
    .nullable()

/** 派遣制度: the prefecture's dispatch scheme, as it configures it (事例集 p.26; 手順書 参考4.4-⑯ ①). */
export const DispatchSchemeBody = z.object({
  name: RequiredText('制度名', 100),
  costBearer: CostBearer,
  timesPerFiscalYear: z
    .number({ message: '派遣回数の上限は数値で入力してください。' })
    .int({ message: '派遣回数の上限は整数で入力してください。' })
    .min(0, { message: '派遣回数の上限は0以上にしてください（上限がなければ空欄）。' })
    .max(100, { message: '派遣回数の上限は100以下にしてください。' })
    .nullable(),
  menusPerFiscalYear: Limit('支援メニューの数の上限', 100, 'int'),
  maxDaysPerRequest: Limit('1回あたりの現地派遣の日数', 30, 'half'),
  maxHoursPerRequest: Limit('1回あたりのオンラインの時間', 200, 'half'),
  requesterKinds: z
    .array(RequesterKind)
    .min(1, { message: '申請できる団体を1つ以上選んでください。' })
    .max(3)
    .transform((kinds) => REQUESTER_KINDS.filter((k) => kinds.includes(k))),
  adviserExpertId: z.uuid({ message: '委託アドバイザーの指定が正しくありません。' }).nullable(),
  notes: Text('備考', 2000).default(''),
})

export const DispatchSettings = z.object({
  name: z.string(),
  costBearer: z.enum(COST_BEARERS),
  timesPerFiscalYear: z.number().int().nullable(),
  menusPerFiscalYear: z.number().int().nullable(),
  maxDaysPerRequest: z.number().nullable(),
  maxHoursPerRequest: z.number().nullable(),
  requesterKinds: z.array(z.enum(REQUESTER_KINDS)),
  adviserExpertId: z.string().nullable(),
  notes: z.string(),
  prefectureCode: z.string(),
  adviser: z.object({ id: z.string(), displayName: z.string(), availableDaysPerWeek: z.number() }).nullable(),
  /** True while the prefecture has not configured its scheme (the default applies). */
  isDefault: z.boolean(),
  /** Requests not yet decided or carried out (申請中・承認済み), which a change of limits concerns. */
  openRequestCount: z.number().int(),
  /** For a municipality: its own use in the current 年度 (as requester 市区町村). */
  use: z.object({ fiscalYear: z.number().int(), used: z.number().int(), remaining: z.number().int().nullable(), menuIds: z.array(z.string()) }).nullable(),
})
export type DispatchSettings = z.infer<typeof DispatchSettings>

export const getDispatchSettings = endpoint({
  operationId: 'getDispatchSettings',
  method: 'GET',
  path: '/api/sharing/dispatch/settings',
  summary: '派遣制度（費用の負担、上限、申請できる団体、委託アドバイザー）',
  tags: TAGS_DISPATCH,
  response: DispatchSettings,
})

export const updateDispatchSettings = endpoint({
  operationId: 'updateDispatchSettings',
  method: 'PUT',
  path: '/api/sharing/dispatch/settings',
  summary: '派遣制度の設定（都道府県）。変更した上限はこれからの申請・承認に適用する',
  tags: TAGS_DISPATCH,
  body: DispatchSchemeBody,
  response: DispatchSettings,
})

export const DispatchExpert = z.object({
  id: z.string(),
  talent: Talent,
  themes: z.array(z.string()),
  isActive: z.boolean(),
})

export const createDispatchExpert = endpoint({
  operationId: 'createDispatchExpert',
  method: 'POST',
  path: '/api/sharing/dispatch/experts',
  summary: '派遣する専門家の登録（都道府県の登録リスト）',
  tags: TAGS_DISPATCH,
  body: z
    .object({
      talentId: z.uuid().optional(),
      talent: CreateTalentBody.optional(),
      themes: z.array(RequiredText('テーマ', 50)).max(20).default([]),
    })
    .refine((b) => (b.talentId === undefined) !== (b.talent === undefined), {
      message: '登録済みの人材（talentId）か新しい人材（talent）のどちらか一方を指定してください。',
    }),
  response: DispatchExpert,
  successStatus: 201,
})

export const listDispatchExperts = endpoint({
  operationId: 'listDispatchExperts',
  method: 'GET',
  path: '/api/sharing/dispatch/experts',
  summary: '派遣する専門家の登録リスト（都道府県）',
  tags: TAGS_DISPATCH,
  response: z.object({ items: z.array(DispatchExpert) }),
})

export const DispatchMenu = z.object({
  id: z.string(),
  prefectureCode: z.string(),
  title: z.string(),
  description: z.string(),
  provider: z.string().nullable(),
  modes: z.array(DispatchMode),
  isActive: z.boolean(),
})
export type DispatchMenu = z.infer<typeof DispatchMenu>

export const createDispatchMenu = endpoint({
  operationId: 'createDispatchMenu',
  method: 'POST',
  path: '/api/sharing/dispatch/menus',
  summary: '支援メニューの登録（都道府県）',
  tags: TAGS_DISPATCH,
  body: z.object({
    title: RequiredText('メニュー名', 100),
    description: Text('内容', 2000).default(''),
    provider: Text('提供者', 100).nullable().default(null),
    modes: z.array(DispatchMode).min(1, { message: '実施方法を1つ以上選んでください。' }).max(2),
  }),
  response: DispatchMenu,
  successStatus: 201,
})

export const listDispatchMenus = endpoint({
  operationId: 'listDispatchMenus',
  method: 'GET',
  path: '/api/sharing/dispatch/menus',
  summary: '支援メニューの一覧（都道府県: 自県の全メニュー / 市区町村: 自県の受付中のメニュー）',
  tags: TAGS_DISPATCH,
  response: z.object({ items: z.array(DispatchMenu) }),
})

export const DispatchRequest = z.object({
  id: z.string(),
  prefectureCode: z.string(),
  municipality: Municipality,
  /** 申請団体: the municipality, its 教育委員会 or a 商工会 of its area; the name as shown. */
  requester: z.object({ kind: RequesterKind, name: z.string() }),
  days: z.number(),
  hours: z.number().nullable(),
  menu: z.object({ id: z.string(), title: z.string() }),
  topic: z.string(),
  detail: z.string(),
  preferredDates: z.array(z.string()),
  mode: DispatchMode,
  state: DispatchState,
  fiscalYear: z.number().int(),
  expert: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  scheduledOn: z.string().nullable(),
  decisionNote: z.string().nullable(),
  outcome: z.object({ summary: z.string(), days: z.number() }).nullable(),
  /** Conflict-of-interest warnings found at approval (blocking ones refuse the approval). */
  warnings: z.array(z.string()),
  createdAt: z.string(),
})
export type DispatchRequest = z.infer<typeof DispatchRequest>

export const CreateDispatchRequestBody = z
  .object({
    menuId: z.uuid({ message: 'IDの形式が正しくありません。' }),
    topic: RequiredText('相談したいテーマ', 200),
    detail: Text('詳細', 4000).default(''),
    preferredDates: z.array(IsoDateString('希望日')).min(1, { message: '希望日を1つ以上入力してください。' }).max(3, { message: '希望日は3つまでです。' }),
    mode: DispatchMode,
    requesterKind: RequesterKind.default('municipality'),
    /** The 商工会's name; only for that kind. */
    requesterName: Text('商工会の名称', 100).nullable().default(null),
    days: HalfDays('現地派遣の日数', 30).default(1),
    hours: HalfDays('オンラインの時間', 200).nullable().default(null),
  })
  .superRefine((b, ctx) => {
    if (b.requesterKind === 'chamber_of_commerce' && !b.requesterName) {
      ctx.addIssue({ code: 'custom', path: ['requesterName'], message: '商工会の名称を入力してください。' })
    }
  })

export const requestDispatch = endpoint({
  operationId: 'requestDispatch',
  method: 'POST',
  path: '/api/sharing/dispatch/requests',
  summary: '派遣の申請（市区町村）',
  tags: TAGS_DISPATCH,
  body: CreateDispatchRequestBody,
  response: DispatchRequest,
  successStatus: 201,
})

export const DispatchRequestQuery = z.object({
  state: DispatchState.optional(),
  fiscalYear: FiscalYearQuery.shape.fiscalYear,
})

export const listDispatchRequests = endpoint({
  operationId: 'listDispatchRequests',
  method: 'GET',
  path: '/api/sharing/dispatch/requests',
  summary: '派遣の申請の一覧（都道府県: 自県の全申請 / 市区町村: 自団体の申請）',
  tags: TAGS_DISPATCH,
  query: DispatchRequestQuery,
  response: z.object({ items: z.array(DispatchRequest) }),
})

export const getDispatchRequest = endpoint({
  operationId: 'getDispatchRequest',
  method: 'GET',
  path: '/api/sharing/dispatch/requests/:id',
  summary: '派遣の申請',
  tags: TAGS_DISPATCH,
  params: IdParams,
  response: DispatchRequest,
})

export const DispatchTransitionBody = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('approve'),
    expertId: z.uuid({ message: 'IDの形式が正しくありません。' }),
    scheduledOn: IsoDateString('実施日'),
    note: Text('連絡事項', 1000).optional(),
  }),
  z.object({ action: z.literal('decline'), note: Text('理由', 1000).optional() }),
  z.object({ action: z.literal('cancel'), note: Text('理由', 1000).optional() }),
  z.object({ action: z.literal('complete'), outcomeSummary: RequiredText('実施結果', 4000), outcomeDays: HalfDays('実施日数', 10) }),
])

export const transitionDispatchRequest = endpoint({
  operationId: 'transitionDispatchRequest',
  method: 'POST',
  path: '/api/sharing/dispatch/requests/:id/transitions',
  summary: '派遣の手続（都道府県: 承認 approve・見送り decline / 市区町村: 取下げ cancel / 双方: 実施報告 complete）',
  tags: TAGS_DISPATCH,
  params: IdParams,
  body: DispatchTransitionBody,
  response: DispatchRequest,
})

// ── prefecture dashboard ──────────────────────────────────────────────────────────────────────────────────────

export const DashboardRow = z.object({
  code: z.string(),
  name: z.string(),
  population: z.number().int().nullable(),
  /** External talent in place by role (shared and joint appointments, agreed engagements, appointments). */
  talentByRole: z.record(z.string(), z.number().int()),
  talentTotal: z.number().int(),
  /** Published postings; null while the postings module does not report them. */
  openPostings: z.number().int().nullable(),
  poolRequests: z.number().int(),
  dispatchUsed: z.number().int(),
  /** Times per 年度 of the prefecture's scheme; null = 随時 (no limit). */
  dispatchQuota: z.number().int().nullable(),
  /** Appointments without a signed pledge (誓約書); null while the appointments module does not report them. */
  pledgesMissing: z.number().int().nullable(),
})
export type DashboardRow = z.infer<typeof DashboardRow>

export const Dashboard = z.object({
  prefectureCode: z.string(),
  fiscalYear: z.number().int(),
  /** null = 随時 (no limit on times). */
  quotaPerFiscalYear: z.number().int().nullable(),
  rows: z.array(DashboardRow),
  /** Municipalities without any external talent, largest population first; unknown populations last. */
  withoutTalent: z.array(z.object({ code: z.string(), name: z.string(), population: z.number().int().nullable() })),
  notes: z.array(z.string()),
})
export type Dashboard = z.infer<typeof Dashboard>

export const getDashboard = endpoint({
  operationId: 'getDashboard',
  method: 'GET',
  path: '/api/sharing/dashboard',
  summary: '都道府県ダッシュボード（団体ごとの外部人材・募集・人材バンク・派遣・誓約書）',
  tags: TAGS_DASHBOARD,
  query: FiscalYearQuery,
  response: Dashboard,
})

/** The same data as an Excel workbook (binary; not a JSON route). */
export const dashboardXlsxPath = '/api/sharing/dashboard.xlsx'
