/**
 * Open data of the national list (オープンデータ): every posting that was published, with its closing date once
 * closed, as JSON and CSV, without a key. Only public fields of the 標準募集様式: never the budget, never the
 * contact person (a name, a mail address or a telephone number may identify a person; the posting's page shows
 * them to applicants).
 */
import { z } from 'zod'
import { CloseReason } from '../domain/postings/workflow.ts'

export const OPEN_DATA_PATHS = { json: '/open-data/postings.json', csv: '/open-data/postings.csv' } as const
/** Rows per page at most; without `limit` the feed answers whole. */
export const OPEN_DATA_MAX_LIMIT = 1000

const DATE = /^\d{4}-\d{2}-\d{2}$/
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/

/** A date (00:00 in Japan) or a date and time with its offset; answers the instant. */
export const UpdatedSince = z
  .string()
  .trim()
  .refine((value) => (DATE.test(value) || DATE_TIME.test(value)) && !Number.isNaN(Date.parse(DATE.test(value) ? `${value}T00:00:00+09:00` : value)), {
    message: '更新日時の起点（updatedSince）は 2026-04-01 または 2026-04-01T09:00:00+09:00 の形で指定してください。',
  })
  .transform((value) => new Date(DATE.test(value) ? `${value}T00:00:00+09:00` : value))

const integerText = (message: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,7}$/, { message })
    .transform(Number)
    .refine((value) => value >= min && value <= max, { message })

export const OpenDataQuery = z.object({
  updatedSince: UpdatedSince.optional().meta({ description: 'この日時以降に更新された募集だけ（差分の取得）。日付だけなら日本時間の0時。' }),
  limit: integerText(`件数（limit）は1〜${OPEN_DATA_MAX_LIMIT}の整数で指定してください。`, 1, OPEN_DATA_MAX_LIMIT)
    .optional()
    .meta({ description: `1ページの件数（1〜${OPEN_DATA_MAX_LIMIT}）。省略するとすべて。` }),
  offset: integerText('開始位置（offset）は0以上の整数で指定してください。', 0, 9_999_999).optional().meta({ description: '先頭から飛ばす件数。' }),
})
export type OpenDataQuery = z.output<typeof OpenDataQuery>

export const CsvEncoding = z.enum(['utf-8', 'sjis'], { message: '文字コード（encoding）は utf-8 か sjis を指定してください。' })
export type CsvEncoding = z.infer<typeof CsvEncoding>

export const OpenDataCsvQuery = OpenDataQuery.extend({
  encoding: CsvEncoding.default('utf-8').meta({
    description: 'utf-8（BOM 付き、既定）か sjis（Shift_JIS、古い表計算ソフト向け。表せない文字は ? になります）。',
  }),
})
export type OpenDataCsvQuery = z.output<typeof OpenDataCsvQuery>

const Labelled = <T extends z.ZodType>(id: T) => z.object({ id, label: z.string() })

/** One way to meet a condition: a level in job types, a certification, years of experience, or the 総務省 list. */
export const OpenDataAlternative = z.object({
  kind: z.enum(['job_type_level', 'certification', 'experience', 'local_government_experience', 'ministry_listing']),
  description: z.string(),
  jobTypeIds: z.array(z.string()),
  minLevel: z.number().int().nullable(),
  certificationIds: z.array(z.string()),
  experienceKind: z.string().nullable(),
  minYears: z.number().nullable(),
  /** ministry_listing: the 人材像 the 総務省 外部人材リスト selection must be for; null = any. */
  listingRoleId: z.string().nullable(),
})

/** A required or preferred condition, met when any of its alternatives is met (one alternative for a simple one). */
export type OpenDataAlternative = z.infer<typeof OpenDataAlternative>

export const OpenDataCriterion = z.object({
  importance: z.enum(['required', 'preferred']),
  importanceLabel: z.string(),
  /** The condition in words, as on the posting's page. */
  description: z.string(),
  alternatives: z.array(OpenDataAlternative),
})

export const OpenDataPosting = z.object({
  id: z.uuid(),
  /** The posting's page on this service (how to apply, contacts). */
  url: z.string(),
  state: z.enum(['published', 'closed']),
  stateLabel: z.string(),
  closeReason: CloseReason.nullable(),
  closeReasonLabel: z.string().nullable(),
  /** Day it was closed, in Japan. */
  closedOn: z.string().nullable(),
  publishedAt: z.string(),
  /** Last edit after publication (a new 版). */
  revisedAt: z.string().nullable(),
  revision: z.number().int(),
  /** Last change of any kind; `updatedSince` compares with this. */
  updatedAt: z.string(),
  municipality: z.object({ code: z.string(), name: z.string(), prefectureCode: z.string(), prefectureName: z.string() }),
  department: z.string().nullable(),
  title: z.string().nullable(),
  role: Labelled(z.string()).nullable(),
  dutyAreas: z.array(z.object({ area: z.string(), involvement: z.string(), label: z.string() })),
  dutyDescription: z.string().nullable(),
  criteria: z.array(OpenDataCriterion),
  appointmentForm: Labelled(z.string()).nullable(),
  appointmentFormNote: z.string().nullable(),
  workDaysPer: z.enum(['week', 'month']).nullable(),
  workDays: z.number().int().nullable(),
  hoursPerDay: z.number().nullable(),
  workHoursNote: z.string().nullable(),
  remoteAllowed: z.boolean().nullable(),
  onSiteFrequency: z.string().nullable(),
  sideJobAllowed: z.boolean().nullable(),
  workplace: z.string().nullable(),
  payAmount: z.number().int().nullable(),
  payUnit: Labelled(z.string()).nullable(),
  payNote: z.string().nullable(),
  travelCostsPaid: z.boolean().nullable(),
  termStartsOn: z.string().nullable(),
  termEndsOn: z.string().nullable(),
  renewable: z.boolean().nullable(),
  renewalNote: z.string().nullable(),
  openings: z.number().int().nullable(),
  applicationStartsOn: z.string().nullable(),
  applicationEndsOn: z.string().nullable(),
  selectionSteps: z.array(Labelled(z.string())),
  howToApply: z.string().nullable(),
  applicationUrl: z.string().nullable(),
  jointAppointments: z.array(z.object({ code: z.string(), name: z.string() })),
  bidRestrictions: z.array(z.string()),
  freeText: z.string().nullable(),
})
export type OpenDataPosting = z.infer<typeof OpenDataPosting>

export const OpenDataLicence = z.object({ name: z.string(), url: z.string(), attribution: z.string() })

export const OpenDataFeed = z.object({
  licence: OpenDataLicence,
  /** Newest `updatedAt` of the postings the query selects (all pages); null when it selects none. */
  lastModified: z.string().nullable(),
  total: z.number().int(),
  offset: z.number().int(),
  /** Null: the whole feed from `offset`. */
  limit: z.number().int().nullable(),
  /** The next page's address, or null on the last page. */
  next: z.string().nullable(),
  items: z.array(OpenDataPosting),
})
export type OpenDataFeed = z.infer<typeof OpenDataFeed>

type CellValue = string | number | null

export interface OpenDataColumn {
  header: string
  /** What the column holds, for the documentation page and the README. */
  description: string
  value: (posting: OpenDataPosting) => CellValue
}

const flag = (value: boolean | null, yes: string, no: string) => (value === null ? null : value ? yes : no)
const joined = (values: readonly string[], separator = '、') => (values.length > 0 ? values.join(separator) : null)
const criteriaOf = (posting: OpenDataPosting, importance: 'required' | 'preferred') =>
  joined(
    posting.criteria.filter((criterion) => criterion.importance === importance).map((criterion) => criterion.description),
    '\n',
  )

/** The CSV's columns, one row per posting, in the 標準募集様式's order after the record's own fields. */
export const OPEN_DATA_COLUMNS: readonly OpenDataColumn[] = [
  { header: '募集ID', description: '募集を識別する UUID（変わりません）', value: (p) => p.id },
  { header: '募集ページ', description: 'このサービスの募集ページ（応募方法・問合せ先）', value: (p) => p.url },
  { header: '状態', description: '公開中 または 募集終了', value: (p) => p.stateLabel },
  { header: '終了理由', description: '採用決定・取下げ・締切経過（募集終了のとき）', value: (p) => p.closeReasonLabel },
  { header: '募集終了日', description: 'YYYY-MM-DD（日本時間）', value: (p) => p.closedOn },
  { header: '公開日時', description: 'ISO 8601（UTC）', value: (p) => p.publishedAt },
  { header: '版の更新日時', description: '公開後に内容を改めた日時（ISO 8601、UTC）', value: (p) => p.revisedAt },
  { header: '版', description: '公開後の改訂ごとに1つ増える番号', value: (p) => p.revision },
  { header: '最終更新日時', description: '状態の変化を含む最後の更新（ISO 8601、UTC）。updatedSince はこれと比べます', value: (p) => p.updatedAt },
  { header: '都道府県コード', description: '2桁', value: (p) => p.municipality.prefectureCode },
  { header: '都道府県名', description: '募集する市区町村の都道府県', value: (p) => p.municipality.prefectureName },
  { header: '団体コード', description: '全国地方公共団体コード（6桁）', value: (p) => p.municipality.code },
  { header: '団体名', description: '募集する市区町村', value: (p) => p.municipality.name },
  { header: '担当部署', description: '標準募集様式の同じ項目', value: (p) => p.department },
  { header: '募集ポスト（役職名）', description: '標準募集様式の同じ項目', value: (p) => p.title },
  {
    header: '人材像',
    description: 'スキル標準の人材像（プロデューサー、プロジェクトマネージャー、サービスデザイナー、エンジニア、その他）',
    value: (p) => p.role?.label ?? null,
  },
  { header: '取組分野と関わり方', description: '「分野（関わり方）」を読点で区切って', value: (p) => joined(p.dutyAreas.map((duty) => duty.label)) },
  { header: '期待する役割・業務内容', description: '標準募集様式の同じ項目', value: (p) => p.dutyDescription },
  { header: '必須の条件', description: '1行に1つ、文章で', value: (p) => criteriaOf(p, 'required') },
  { header: '歓迎の条件', description: '1行に1つ、文章で', value: (p) => criteriaOf(p, 'preferred') },
  { header: '任用形態', description: '標準募集様式の同じ項目', value: (p) => p.appointmentForm?.label ?? null },
  { header: '任用形態の補足', description: '標準募集様式の同じ項目', value: (p) => p.appointmentFormNote },
  { header: '勤務日数の単位', description: '週 または 月', value: (p) => (p.workDaysPer === null ? null : p.workDaysPer === 'week' ? '週' : '月') },
  { header: '勤務日数', description: '単位あたりの日数', value: (p) => p.workDays },
  { header: '1日の勤務時間', description: '時間', value: (p) => p.hoursPerDay },
  { header: '勤務時間の補足', description: '標準募集様式の同じ項目', value: (p) => p.workHoursNote },
  { header: 'リモート勤務', description: '可 または 不可', value: (p) => flag(p.remoteAllowed, '可', '不可') },
  { header: '出勤（来庁）の頻度', description: '標準募集様式の同じ項目', value: (p) => p.onSiteFrequency },
  { header: '副業・兼業', description: '可 または 不可', value: (p) => flag(p.sideJobAllowed, '可', '不可') },
  { header: '勤務地', description: '標準募集様式の同じ項目', value: (p) => p.workplace },
  { header: '報酬額（円）', description: '整数', value: (p) => p.payAmount },
  { header: '報酬の単位', description: '時給・日額・月額・年額', value: (p) => p.payUnit?.label ?? null },
  { header: '報酬の補足', description: '標準募集様式の同じ項目', value: (p) => p.payNote },
  { header: '旅費（交通費）の支給', description: 'あり または なし', value: (p) => flag(p.travelCostsPaid, 'あり', 'なし') },
  { header: '任期の開始日', description: 'YYYY-MM-DD', value: (p) => p.termStartsOn },
  { header: '任期の終了日', description: 'YYYY-MM-DD', value: (p) => p.termEndsOn },
  { header: '更新の有無', description: 'あり または なし', value: (p) => flag(p.renewable, 'あり', 'なし') },
  { header: '更新の条件', description: '標準募集様式の同じ項目', value: (p) => p.renewalNote },
  { header: '募集人数', description: '人', value: (p) => p.openings },
  { header: '募集開始日', description: 'YYYY-MM-DD', value: (p) => p.applicationStartsOn },
  { header: '応募締切日', description: 'YYYY-MM-DD', value: (p) => p.applicationEndsOn },
  { header: '選考方法', description: '順に読点で区切って', value: (p) => joined(p.selectionSteps.map((step) => step.label)) },
  { header: '応募方法', description: '標準募集様式の同じ項目', value: (p) => p.howToApply },
  { header: '団体の募集ページ', description: '団体が自ら掲載している募集ページの URL', value: (p) => p.applicationUrl },
  {
    header: '共同任用の団体',
    description: '共に任用する団体（団体コード 名称）',
    value: (p) => joined(p.jointAppointments.map((lg) => `${lg.code} ${lg.name}`)),
  },
  { header: '入札制限等の規定', description: '1行に1つ', value: (p) => joined(p.bidRestrictions, '\n') },
  { header: 'その他', description: '標準募集様式の同じ項目', value: (p) => p.freeText },
]
