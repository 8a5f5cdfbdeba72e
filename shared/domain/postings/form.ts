/**
 * 標準募集様式 (standardPostingForm): the fields a municipality fills in when it recruits external digital talent.
 * Field list: 手順書 参考4.4-⑭ (the official Excel layout is not public, so the shape follows the facts 参考4.4-⑭ states and §4.4(1)–(6)), with
 * the duty areas of 手順書 §4.4(1) and the 任用形態 of 手順書 参考4.4-⑥.
 *
 * One schema serves drafts and submissions: every field may be empty (null / []) while a draft is saved; what a
 * submission needs is decided by `completenessProblems` in ./validation.ts. Structural limits (types, lengths,
 * ranges) are checked here with a Japanese message per field.
 */
import { z } from 'zod'
import { isIsoDate } from '../dates.ts'
import { isValidLocalGovernmentCode } from '../codes.ts'
import { ExperienceKind, RoleId } from '../skill-standard/schema.ts'

const text = (label: string, max: number) =>
  z
    .string({ message: `${label}は文字列で入力してください。` })
    .trim()
    .max(max, { message: `${label}は${max}文字以内で入力してください。` })
    .nullable()
    .default(null)

const date = (label: string) =>
  z
    .string({ message: `${label}は日付で入力してください。` })
    .refine(isIsoDate, { message: `${label}は YYYY-MM-DD 形式の正しい日付で入力してください。` })
    .nullable()
    .default(null)

const flag = (label: string) =>
  z
    .boolean({ message: `${label}は「はい」か「いいえ」で選んでください。` })
    .nullable()
    .default(null)

/** 人材像 of the skill standard (手順書 参考4.4-④), or `other` with a free label (the standard is no limit, 手順書 §4.4(2)). */
export const PostingRoleId = z.enum(['producer', 'project_manager', 'service_designer', 'engineer', 'other'], {
  message: '人材像を一覧から選んでください。',
})
export type PostingRoleId = z.infer<typeof PostingRoleId>

export const postingRoleLabels: Record<PostingRoleId, string> = {
  producer: 'プロデューサー（CIO補佐官等）',
  project_manager: 'プロジェクトマネージャー',
  service_designer: 'サービスデザイナー',
  engineer: 'エンジニア',
  other: 'その他',
}

/**
 * Focus areas of the 自治体DX推進計画 a post works on (手順書 §4.4(1): say which initiatives, and how): the 重点取組事項
 * and その他の取組事項 of 手順書 参考1-①, then the project's own areas.
 */
export const DxArea = z.enum(
  [
    'standardization',
    'my_number_card',
    'online_procedures',
    'ai_rpa',
    'telework',
    'security',
    'bpr',
    'open_data',
    'regional_digitalization',
    'digital_divide',
    'regulation_review',
    'overall_policy',
    'staff_development',
    'other',
  ],
  { message: '取組分野を一覧から選んでください。' },
)
export type DxArea = z.infer<typeof DxArea>

export const dxAreaLabels: Record<DxArea, string> = {
  standardization: '情報システムの標準化・共通化',
  my_number_card: 'マイナンバーカードの普及促進',
  online_procedures: '行政手続のオンライン化',
  ai_rpa: 'AI・RPAの利用推進',
  telework: 'テレワークの推進',
  security: 'セキュリティ対策の徹底',
  bpr: 'BPR（業務改革）',
  open_data: 'オープンデータ・データ活用',
  regional_digitalization: '地域社会のデジタル化',
  digital_divide: 'デジタルデバイド対策',
  regulation_review: 'デジタル原則に基づく条例等の規制の点検・見直し',
  overall_policy: '全体方針の策定',
  staff_development: '職員の育成',
  other: 'その他',
}

/** How the person takes part in an area. */
export const Involvement = z.enum(['lead', 'advise', 'hands_on'], { message: '関わり方を一覧から選んでください。' })
export type Involvement = z.infer<typeof Involvement>

export const involvementLabels: Record<Involvement, string> = {
  lead: '企画・推進を主導',
  advise: '助言・支援',
  hands_on: '実務・実装',
}

export const DutyArea = z.object({
  area: DxArea,
  involvement: Involvement,
})
export type DutyArea = z.infer<typeof DutyArea>

/** 任用形態 (手順書 §4.4(3), 参考4.4-⑥). */
export const AppointmentForm = z.enum(['tokutei_ninkitsuki', 'tokubetsushoku_hijokin', 'kaikei_nendo', 'gyomu_itaku', 'chiiki_kasseika_kigyojin', 'other'], {
  message: '任用形態を一覧から選んでください。',
})
export type AppointmentForm = z.infer<typeof AppointmentForm>

export const appointmentFormLabels: Record<AppointmentForm, string> = {
  tokutei_ninkitsuki: '特定任期付職員',
  tokubetsushoku_hijokin: '特別職非常勤職員',
  kaikei_nendo: '会計年度任用職員',
  gyomu_itaku: '業務委託',
  chiiki_kasseika_kigyojin: '地域活性化起業人（企業派遣）',
  other: 'その他',
}

export const PayUnit = z.enum(['hourly', 'daily', 'monthly', 'annual'], { message: '報酬の単位を一覧から選んでください。' })
export type PayUnit = z.infer<typeof PayUnit>

export const payUnitLabels: Record<PayUnit, string> = { hourly: '時給', daily: '日額', monthly: '月額', annual: '年額' }

export const WorkDaysPer = z.enum(['week', 'month'], { message: '勤務日数の単位を選んでください。' })
export type WorkDaysPer = z.infer<typeof WorkDaysPer>

export const SelectionStep = z.enum(['documents', 'interview_online', 'interview_on_site', 'essay'], {
  message: '選考方法を一覧から選んでください。',
})
export type SelectionStep = z.infer<typeof SelectionStep>

export const selectionStepLabels: Record<SelectionStep, string> = {
  documents: '書類選考',
  interview_online: '面接（オンライン）',
  interview_on_site: '面接（来庁）',
  essay: '論文',
}

export const CriterionImportance = z.enum(['required', 'preferred'], { message: '必須か歓迎かを選んでください。' })
export type CriterionImportance = z.infer<typeof CriterionImportance>

export const criterionImportanceLabels: Record<CriterionImportance, string> = { required: '必須', preferred: '歓迎' }

const criterionNote = text('条件の補足', 200)
const years = (label: string) =>
  z
    .number({ message: `${label}は数値で入力してください。` })
    .min(0, { message: `${label}は0以上で入力してください。` })
    .max(50, { message: `${label}は50年以内で入力してください。` })
    .nullable()
    .default(null)

const jobTypeLevelFields = {
  kind: z.literal('job_type_level'),
  jobTypeIds: z.array(z.string().min(1).max(60)).min(1, { message: '職種（人材像）を1つ以上選んでください。' }).max(20),
  minLevel: z
    .number({ message: 'レベルは数値で入力してください。' })
    .int()
    .min(1, { message: 'レベルは1〜7で入力してください。' })
    .max(7, { message: 'レベルは1〜7で入力してください。' }),
}
const certificationFields = {
  kind: z.literal('certification'),
  certificationIds: z.array(z.string().min(1).max(60)).min(1, { message: '資格を1つ以上選んでください。' }).max(20),
}
const experienceFields = { kind: z.literal('experience'), experienceKind: ExperienceKind, minYears: years('経験年数') }
const localGovernmentExperienceFields = { kind: z.literal('local_government_experience'), minYears: years('自治体での経験年数') }
/** Selected for the 総務省 外部人材リスト (手順書 参考4.4-⑤), for one 人材像 or (null) for any. */
const ministryListingFields = {
  kind: z.literal('ministry_listing'),
  roleId: z.enum(RoleId.options, { message: '外部人材リストの人材像は一覧から選んでください。' }).nullable().default(null),
}

/** One alternative inside an any-of criterion: what a plain criterion asks for, without importance or note. */
export const CriterionAlternative = z.discriminatedUnion(
  'kind',
  [
    z.object(jobTypeLevelFields),
    z.object(certificationFields),
    z.object(experienceFields),
    z.object(localGovernmentExperienceFields),
    z.object(ministryListingFields),
  ],
  { message: '選択肢の種類が正しくありません。' },
)
export type CriterionAlternative = z.infer<typeof CriterionAlternative>

/** Most alternatives one any-of criterion may list. */
export const MAX_ALTERNATIVES = 10

/**
 * One required or preferred condition, stored as a row of its own because matching reads them (手順書 §4.4(2)).
 * Lists inside a row are alternatives ("any of"); `any_of` makes alternatives of different kinds, as the standard
 * words the producer's row: a level in some job types, or one of two certifications (手順書 参考4.4-④).
 */
export const Criterion = z.discriminatedUnion(
  'kind',
  [
    z.object({ ...jobTypeLevelFields, importance: CriterionImportance, note: criterionNote }),
    z.object({ ...certificationFields, importance: CriterionImportance, note: criterionNote }),
    z.object({ ...experienceFields, importance: CriterionImportance, note: criterionNote }),
    z.object({ ...localGovernmentExperienceFields, importance: CriterionImportance, note: criterionNote }),
    z.object({ ...ministryListingFields, importance: CriterionImportance, note: criterionNote }),
    z.object({
      kind: z.literal('any_of'),
      importance: CriterionImportance,
      alternatives: z
        .array(CriterionAlternative)
        .min(2, { message: '「いずれか」の条件には選択肢を2つ以上入れてください。' })
        .max(MAX_ALTERNATIVES, { message: `「いずれか」の条件の選択肢は${MAX_ALTERNATIVES}件までです。` }),
      note: criterionNote,
    }),
  ],
  { message: '条件の種類が正しくありません。' },
)
export type Criterion = z.infer<typeof Criterion>
export type CriterionInput = z.input<typeof Criterion>

export const alternativeKindLabels: Record<CriterionAlternative['kind'], string> = {
  job_type_level: 'スキルレベル（UISS/ITSS）',
  certification: '資格',
  experience: '経験',
  local_government_experience: '自治体での経験',
  ministry_listing: '総務省 外部人材リストに掲載',
}

export const criterionKindLabels: Record<Criterion['kind'], string> = { ...alternativeKindLabels, any_of: 'いずれか（組み合わせ）' }

/** 入札制限 clause: chosen rule-template ids (bid-restrictions module) with their parameters (手順書 §4.4(4)). */
export const BidRestrictionClause = z.object({
  templateIds: z
    .array(z.string().regex(/^[A-Za-z0-9_]{1,20}$/, { message: '入札制限の規定例の指定が正しくありません。' }))
    .max(20)
    .default([]),
  /** e.g. { B2: { lookbackYears: 3 } }: what a template leaves open (numbers, choices, yes/no, sets of values). */
  params: z
    .record(
      z.string().max(20),
      z.record(
        z.string().max(30),
        z.union([z.number(), z.string().max(100), z.boolean(), z.array(z.string().max(40)).max(20)], {
          message: '入札制限の規定例の設定値が正しくありません。',
        }),
      ),
    )
    .default({}),
  note: text('入札制限の補足', 2000),
})
export type BidRestrictionClause = z.infer<typeof BidRestrictionClause>

const yen = (label: string) =>
  z
    .number({ message: `${label}は数値（円）で入力してください。` })
    .int({ message: `${label}は1円単位の整数で入力してください。` })
    .min(0, { message: `${label}は0円以上で入力してください。` })
    .max(1_000_000_000, { message: `${label}が大きすぎます。` })
    .nullable()
    .default(null)

const LocalGovernmentCodeText = z.string().refine(isValidLocalGovernmentCode, {
  message: '全国地方公共団体コードが正しくありません（6桁の数字で、最後の1桁は検査数字です）。',
})

export const PostingForm = z.object({
  // 募集団体: the municipality comes from the signed-in staff; these say who to contact.
  department: text('担当部署', 100),
  contactName: text('担当者名', 50),
  contactEmail: z
    .string()
    .trim()
    .max(254, { message: '問合せ先メールアドレスは254文字以内で入力してください。' })
    .refine((value) => value === '' || z.email().safeParse(value).success, { message: '問合せ先メールアドレスの形式が正しくありません。' })
    .nullable()
    .default(null),
  contactPhone: z
    .string()
    .trim()
    .regex(/^[0-9０-９()（）+\- ー－]{0,20}$/, { message: '問合せ先電話番号は数字とハイフンで20文字以内で入力してください。' })
    .nullable()
    .default(null),
  // 募集ポスト
  title: text('募集ポスト（役職名）', 100),
  roleId: PostingRoleId.nullable().default(null),
  roleLabel: text('人材像（その他）の名称', 50),
  // 業務内容 (手順書 §4.4(1))
  dutyAreas: z.array(DutyArea).max(12, { message: '取組分野は12件までです。' }).default([]),
  dutyDescription: text('期待する役割・業務内容', 4000),
  // 求めるスキル・経験 (手順書 §4.4(2))
  criteria: z.array(Criterion).max(40, { message: '条件は40件までです。' }).default([]),
  // 任用形態 (手順書 §4.4(3))
  appointmentForm: AppointmentForm.nullable().default(null),
  appointmentFormNote: text('任用形態の補足', 200),
  // 勤務条件
  workDaysPer: WorkDaysPer.nullable().default(null),
  workDays: z
    .number({ message: '勤務日数は数値で入力してください。' })
    .int({ message: '勤務日数は整数で入力してください。' })
    .min(1, { message: '勤務日数は1日以上で入力してください。' })
    .max(31, { message: '勤務日数が大きすぎます。' })
    .nullable()
    .default(null),
  hoursPerDay: z
    .number({ message: '1日の勤務時間は数値で入力してください。' })
    .min(0.5, { message: '1日の勤務時間は0.5時間以上で入力してください。' })
    .max(12, { message: '1日の勤務時間は12時間以内で入力してください。' })
    .nullable()
    .default(null),
  workHoursNote: text('勤務時間の補足', 200),
  remoteAllowed: flag('リモート勤務の可否'),
  onSiteFrequency: text('出勤（来庁）の頻度', 100),
  sideJobAllowed: flag('副業・兼業の可否'),
  workplace: text('勤務地', 200),
  // 報酬
  payAmount: yen('報酬額'),
  payUnit: PayUnit.nullable().default(null),
  payNote: text('報酬の補足', 200),
  travelCostsPaid: flag('旅費（交通費）の支給'),
  // 任期
  termStartsOn: date('任期の開始日'),
  termEndsOn: date('任期の終了日'),
  renewable: flag('更新の有無'),
  renewalNote: text('更新の条件', 200),
  openings: z
    .number({ message: '募集人数は数値で入力してください。' })
    .int({ message: '募集人数は整数で入力してください。' })
    .min(1, { message: '募集人数は1人以上で入力してください。' })
    .max(99, { message: '募集人数は99人以内で入力してください。' })
    .nullable()
    .default(null),
  // 募集期間・応募方法・選考
  applicationStartsOn: date('募集開始日'),
  applicationEndsOn: date('応募締切日'),
  selectionSteps: z.array(SelectionStep).max(4).default([]),
  howToApply: text('応募方法', 2000),
  applicationUrl: z
    .string()
    .trim()
    .max(500, { message: '募集ページURLは500文字以内で入力してください。' })
    .refine((value) => value === '' || z.url({ protocol: /^https?$/ }).safeParse(value).success, {
      message: '募集ページURLは http(s):// で始まるURLで入力してください。',
    })
    .nullable()
    .default(null),
  // 共同任用: the other municipalities appointing together (手順書 参考4.4-⑭)
  jointAppointmentCodes: z.array(LocalGovernmentCodeText).max(50, { message: '共同任用の団体は50件までです。' }).default([]),
  // 入札制限等の規定 (手順書 §4.4(4))
  bidRestriction: BidRestrictionClause.default({ templateIds: [], params: {}, note: null }),
  freeText: text('その他（自由記述）', 4000),
  // 財政措置の試算に使う予算額 (手順書 §4.4(5)); staff only, never published
  budgetAnnualCost: yen('年間の任用等経費（予算）'),
  budgetRecruitmentCost: yen('募集経費（予算）'),
})
export type PostingForm = z.infer<typeof PostingForm>
export type PostingFormInput = z.input<typeof PostingForm>

/**
 * The form as stored: blank texts become null, so "not filled in" has one spelling (a schema transform would do
 * this too, but the response serializer cannot run transforms backwards).
 */
export function normalizePostingForm(form: PostingForm): PostingForm {
  const blankToNull = <T>(value: T): T => (typeof value === 'string' && value.trim() === '' ? (null as T) : value)
  const entries = Object.entries(form).map(([key, value]) => [key, blankToNull(value)])
  const normalized = Object.fromEntries(entries) as PostingForm
  return {
    ...normalized,
    criteria: form.criteria.map((criterion) => ({ ...criterion, note: blankToNull(criterion.note) })),
    bidRestriction: { ...form.bidRestriction, note: blankToNull(form.bidRestriction.note) },
  }
}

/** An empty draft: every field unset. */
export function emptyPostingForm(): PostingForm {
  return PostingForm.parse({})
}
