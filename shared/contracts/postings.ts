/**
 * Postings (募集) in the 標準募集様式: written by 市区町村, collected by 都道府県, published by 国
 * (手順書 §4.4(6), 参考4.4-⑭), searched by anyone, mailed to subscribers.
 */
import { z } from 'zod'
import { ChecklistEntry } from '../domain/postings/checklist.ts'
import { AppointmentForm, Criterion, PostingForm, PostingRoleId, WorkDaysPer, PayUnit } from '../domain/postings/form.ts'
import { CloseReason, PostingAction, PostingState } from '../domain/postings/workflow.ts'
import { RoleId } from '../domain/skill-standard/schema.ts'
import { endpoint, page, PageQuery } from './endpoint.ts'
import { PrefectureCode } from './local-governments.ts'

export * from '../domain/postings/index.ts'

export const PostingId = z.uuid({ message: '募集IDの形式が正しくありません。' })
export const PostingIdParams = z.object({ id: PostingId })

export const PostingMunicipality = z.object({
  code: z.string(),
  name: z.string(),
  /** ひらがな, for search and sorting. */
  nameKana: z.string(),
  prefectureCode: z.string(),
  prefectureName: z.string(),
  /** From reference data (local-governments), not typed by staff. */
  population: z.number().int().nullable(),
})
export type PostingMunicipality = z.infer<typeof PostingMunicipality>

const Problem = z.object({ path: z.string(), message: z.string() })

export const SpecialGrantYear = z.object({
  fiscalYear: z.number().int(),
  appointmentCost: z.number().int(),
  recruitmentCost: z.number().int(),
  appointmentGrant: z.number().int(),
  recruitmentGrant: z.number().int(),
  total: z.number().int(),
  withinPeriod: z.boolean(),
  needsConfirmation: z.boolean(),
})
export const SpecialGrantEstimateBody = z.object({
  eligible: z.boolean(),
  appointmentCovered: z.boolean(),
  recruitmentCovered: z.boolean(),
  reasons: z.array(z.string()),
  annualCost: z.number().int().nullable(),
  years: z.array(SpecialGrantYear),
  total: z.number().int(),
})

export const PostingTransitionRecord = z.object({
  action: PostingAction,
  fromState: PostingState,
  toState: PostingState,
  actorKind: z.string(),
  comment: z.string().nullable(),
  occurredAt: z.string(),
})

export const PostingRevisionRecord = z.object({
  revision: z.number().int(),
  createdAt: z.string(),
})

/** One resolved 入札制限 clause: the template's plain-Japanese text, or its id while the template is unknown. */
export const BidRestrictionText = z.object({ templateId: z.string(), text: z.string() })

/** What staff see and edit. */
export const StaffPosting = z.object({
  id: z.string(),
  municipality: PostingMunicipality,
  state: PostingState,
  closeReason: CloseReason.nullable(),
  revision: z.number().int(),
  form: PostingForm,
  checklist: z.array(ChecklistEntry),
  readiness: z.object({ checked: z.number().int(), total: z.number().int(), isReady: z.boolean() }),
  completenessProblems: z.array(Problem),
  specialGrant: SpecialGrantEstimateBody,
  availableActions: z.array(PostingAction),
  editable: z.boolean(),
  bidRestrictionTexts: z.array(BidRestrictionText),
  history: z.array(PostingTransitionRecord),
  revisions: z.array(PostingRevisionRecord),
  createdAt: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
})
export type StaffPosting = z.infer<typeof StaffPosting>

export const StaffPostingSummary = z.object({
  id: z.string(),
  municipality: PostingMunicipality,
  state: PostingState,
  title: z.string().nullable(),
  roleId: PostingRoleId.nullable(),
  applicationEndsOn: z.string().nullable(),
  revision: z.number().int(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
})
export type StaffPostingSummary = z.infer<typeof StaffPostingSummary>

/** The public form: everything but the budget used for the 特別交付税 estimate. */
export const PublicPostingForm = PostingForm.omit({ budgetAnnualCost: true, budgetRecruitmentCost: true })
export type PublicPostingForm = z.infer<typeof PublicPostingForm>

export const PublicPosting = z.object({
  id: z.string(),
  municipality: PostingMunicipality,
  state: PostingState,
  closeReason: CloseReason.nullable(),
  revision: z.number().int(),
  form: PublicPostingForm,
  bidRestrictionTexts: z.array(BidRestrictionText),
  publishedAt: z.string(),
  /** When the published posting was last revised (shown as 更新); null when never. */
  revisedAt: z.string().nullable(),
})
export type PublicPosting = z.infer<typeof PublicPosting>

export const PostingSummary = z.object({
  id: z.string(),
  municipality: PostingMunicipality,
  title: z.string(),
  roleId: PostingRoleId.nullable(),
  roleLabel: z.string().nullable(),
  appointmentForm: AppointmentForm.nullable(),
  remoteAllowed: z.boolean().nullable(),
  sideJobAllowed: z.boolean().nullable(),
  workDaysPer: WorkDaysPer.nullable(),
  workDays: z.number().int().nullable(),
  payAmount: z.number().int().nullable(),
  payUnit: PayUnit.nullable(),
  applicationEndsOn: z.string().nullable(),
  publishedAt: z.string(),
  revisedAt: z.string().nullable(),
})
export type PostingSummary = z.infer<typeof PostingSummary>

const booleanQuery = (label: string) =>
  z.enum(['true', 'false'], { message: `${label}は true か false で指定してください。` }).transform((value) => value === 'true')

export const PostingSearchQuery = PageQuery.extend({
  role: PostingRoleId.optional(),
  prefecture: PrefectureCode.optional(),
  remote: booleanQuery('remote').optional(),
  sidejob: booleanQuery('sidejob').optional(),
  q: z.string().trim().max(100, { message: '検索語は100文字以内で入力してください。' }).optional(),
  sort: z.enum(['deadline', 'newest'], { message: '並び順は deadline か newest で指定してください。' }).default('newest'),
})
export type PostingSearchQuery = z.infer<typeof PostingSearchQuery>

export const StaffPostingSort = z.enum(['updated', 'deadline', 'title'], { message: '並び順は updated・deadline・title のいずれかで指定してください。' })
export type StaffPostingSort = z.infer<typeof StaffPostingSort>
export const staffPostingSortLabels: Record<StaffPostingSort, string> = { updated: '更新の新しい順', deadline: '応募締切の近い順', title: '募集ポストの名前順' }

export const StaffPostingQuery = PageQuery.extend({
  state: PostingState.optional(),
  sort: StaffPostingSort.default('updated'),
})

export const TransitionRequest = z
  .object({
    action: PostingAction,
    comment: z.string().trim().max(2000, { message: 'コメントは2000文字以内で入力してください。' }).optional(),
    closeReason: CloseReason.optional(),
  })
  .superRefine((value, context) => {
    if (value.action === 'return' && !value.comment) {
      context.addIssue({ code: 'custom', path: ['comment'], message: '差し戻す理由をコメントに入力してください。' })
    }
    if (value.action === 'close' && !value.closeReason) {
      context.addIssue({ code: 'custom', path: ['closeReason'], message: '終了の理由（採用決定・取下げ）を選んでください。' })
    }
  })
export type TransitionRequest = z.infer<typeof TransitionRequest>

export const ChecklistUpdate = z.object({ entries: z.array(ChecklistEntry).max(6) })

export const RolePresetBody = z.object({
  roleId: RoleId,
  version: z.string(),
  criteria: z.array(Criterion),
  hasUnconfirmedRows: z.boolean(),
})

export const PostingImportRequest = z.object({
  /** The .xlsx file, base64 encoded (the layout of the export). */
  fileBase64: z.string().min(1, { message: 'ファイルを選んでください。' }).max(1_300_000, { message: 'ファイルが大きすぎます（1MBまで）。' }),
})
export const PostingImportResult = z.object({ imported: z.number().int(), ids: z.array(z.string()) })

export const ExportQuery = z
  .object({
    from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '期間の開始日は YYYY-MM-DD で指定してください。' }),
    to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '期間の終了日は YYYY-MM-DD で指定してください。' }),
  })
  .refine((value) => value.from <= value.to, { path: ['to'], message: '期間の終了日は開始日以降にしてください。' })

// ── subscriptions (参考4.4-⑭ ③: updates to people who registered an address) ──

export const SubscriptionFilters = z.object({
  roles: z.array(PostingRoleId).max(5).default([]),
  prefectures: z.array(PrefectureCode).max(47).default([]),
  remoteOnly: z.boolean().default(false),
  sideJobOnly: z.boolean().default(false),
})
export type SubscriptionFilters = z.infer<typeof SubscriptionFilters>

export const SubscribeRequest = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, { message: 'メールアドレスは254文字以内で入力してください。' })
    .pipe(z.email({ message: 'メールアドレスの形式が正しくありません。' })),
  filters: SubscriptionFilters.default({ roles: [], prefectures: [], remoteOnly: false, sideJobOnly: false }),
})
export const SubscriptionToken = z.object({
  token: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{20,100}$/, { message: 'リンクの確認用コードが正しくありません。メールのリンクをもう一度開いてください。' }),
})
export const SubscriptionAccepted = z.object({ email: z.string() })
export const SubscriptionConfirmed = z.object({
  email: z.string(),
  filters: z.object({ roles: z.array(PostingRoleId), prefectures: z.array(z.string()), remoteOnly: z.boolean(), sideJobOnly: z.boolean() }),
})
export const Unsubscribed = z.object({ unsubscribed: z.literal(true) })

// ── endpoints ──

const staff = ['職員向け 募集']
const open = ['募集（公開）']

export const createPosting = endpoint({
  operationId: 'createPosting',
  method: 'POST',
  path: '/api/staff/postings',
  summary: '募集の下書きを作る（市区町村の担当者）',
  tags: staff,
  body: PostingForm,
  response: StaffPosting,
  successStatus: 201,
})

export const listStaffPostings = endpoint({
  operationId: 'listStaffPostings',
  method: 'GET',
  path: '/api/staff/postings',
  summary: '担当する募集の一覧（市区町村: 自団体、都道府県: 提出された管内分、国: 送付された分）',
  tags: staff,
  query: StaffPostingQuery,
  response: page(StaffPostingSummary),
})

export const getStaffPosting = endpoint({
  operationId: 'getStaffPosting',
  method: 'GET',
  path: '/api/staff/postings/:id',
  summary: '募集の詳細（職員向け: チェックリスト・特別交付税の試算・履歴を含む）',
  tags: staff,
  params: PostingIdParams,
  response: StaffPosting,
})

export const updatePosting = endpoint({
  operationId: 'updatePosting',
  method: 'PUT',
  path: '/api/staff/postings/:id',
  summary: '募集を保存する（下書き・差戻しはそのまま、公開中は新しい版として）',
  tags: staff,
  params: PostingIdParams,
  body: PostingForm,
  response: StaffPosting,
})

export const deletePostingDraft = endpoint({
  operationId: 'deletePostingDraft',
  method: 'DELETE',
  path: '/api/staff/postings/:id',
  summary: '下書きの募集を削除する（提出したことのある募集は記録として残す）',
  tags: staff,
  params: PostingIdParams,
  response: z.object({ deleted: z.literal(true) }),
})

export const transitionPosting = endpoint({
  operationId: 'transitionPosting',
  method: 'POST',
  path: '/api/staff/postings/:id/transitions',
  summary: '募集の手続を進める（提出・差戻し・送付・公開・終了）',
  tags: staff,
  params: PostingIdParams,
  body: TransitionRequest,
  response: StaffPosting,
})

export const updatePostingChecklist = endpoint({
  operationId: 'updatePostingChecklist',
  method: 'PUT',
  path: '/api/staff/postings/:id/checklist',
  summary: '受入れ準備チェックリストを保存する',
  tags: staff,
  params: PostingIdParams,
  body: ChecklistUpdate,
  response: StaffPosting,
})

export const importPostings = endpoint({
  operationId: 'importPostings',
  method: 'POST',
  path: '/api/staff/postings/import',
  summary: 'Excel（標準募集様式の一覧）から募集の下書きを取り込む（1行でも誤りがあれば何も取り込まない）',
  tags: staff,
  body: PostingImportRequest,
  response: PostingImportResult,
  successStatus: 201,
})

export const getRolePreset = endpoint({
  operationId: 'getRolePreset',
  method: 'GET',
  path: '/api/postings/presets/:roleId',
  summary: '人材像を選んだときの条件の初期値（スキル標準から）',
  tags: open,
  params: z.object({ roleId: RoleId }),
  response: RolePresetBody,
})

export const searchPostings = endpoint({
  operationId: 'searchPostings',
  method: 'GET',
  path: '/api/postings',
  summary: '公開中の募集の検索（全国の一覧）',
  tags: open,
  query: PostingSearchQuery,
  response: page(PostingSummary),
})

export const getPublicPosting = endpoint({
  operationId: 'getPublicPosting',
  method: 'GET',
  path: '/api/postings/:id',
  summary: '公開中の募集の詳細',
  tags: open,
  params: PostingIdParams,
  response: PublicPosting,
})

export const subscribe = endpoint({
  operationId: 'subscribe',
  method: 'POST',
  path: '/api/posting-subscriptions',
  summary: '募集情報の更新をメールで受け取る登録（確認メールのリンクで有効になる）',
  tags: open,
  body: SubscribeRequest,
  response: SubscriptionAccepted,
  successStatus: 202,
})

export const confirmSubscription = endpoint({
  operationId: 'confirmSubscription',
  method: 'POST',
  path: '/api/posting-subscriptions/confirm',
  summary: 'メール登録の確認',
  tags: open,
  body: SubscriptionToken,
  response: SubscriptionConfirmed,
})

export const unsubscribe = endpoint({
  operationId: 'unsubscribe',
  method: 'POST',
  path: '/api/posting-subscriptions/unsubscribe',
  summary: 'メール配信の停止（メール内のリンクから1回で）',
  tags: open,
  body: SubscriptionToken,
  response: Unsubscribed,
})

/** Binary downloads are registered with app.get (route() answers JSON); their paths live here for the client. */
export const postingPdfPath = (id: string) => `/api/postings/${id}/pdf`
export const postingXlsxPath = (id: string) => `/api/staff/postings/${id}/xlsx`
export const postingImportTemplatePath = '/api/staff/postings/import-template'
export const postingsExportPath = (from: string, to: string) => `/api/staff/postings/export?from=${from}&to=${to}`
