/**
 * Saved searches (保存した検索条件): a signed-in candidate keeps the national posting search's filters and is told by
 * mail, daily or weekly as they choose, of newly published postings that match them, each with its match score
 * (手順書 参考4.4-⑭ ③: updates to those who asked for them).
 */
import { z } from 'zod'
import { postingRoleLabels, PostingRoleId } from '../domain/postings/form.ts'
import { endpoint, page, PageQuery } from './endpoint.ts'
import { PrefectureCode } from './local-governments.ts'

/** How many searches one candidate may keep: enough for a few regions and roles, few enough to read on one page. */
export const MAX_SAVED_SEARCHES = 10

const onlyAllowed = (label: string) => z.boolean({ message: `${label}は true（可のみ）か false で指定してください。` }).optional()

/** The national search's filters (PostingSearchQuery without paging and order), as the search page holds them. */
export const SavedSearchFilters = z.object({
  q: z.string({ message: 'キーワードは文字で入力してください。' }).trim().max(100, { message: 'キーワードは100文字以内で入力してください。' }).default(''),
  role: PostingRoleId.optional(),
  prefecture: PrefectureCode.optional(),
  remote: onlyAllowed('リモート'),
  sidejob: onlyAllowed('副業・兼業'),
})
export type SavedSearchFilters = z.infer<typeof SavedSearchFilters>

/** How often new matches are mailed: at most one mail per search per day (毎日) or per week from Monday (毎週). */
export const DigestFrequency = z.enum(['daily', 'weekly'], { message: 'お知らせの頻度は「毎日」か「毎週」を選んでください。' })
export type DigestFrequency = z.infer<typeof DigestFrequency>
export const digestFrequencyLabels: Record<DigestFrequency, string> = { daily: '毎日', weekly: '毎週' }

export const NewSavedSearch = SavedSearchFilters.extend({ frequency: DigestFrequency.default('daily') })
export type NewSavedSearch = z.infer<typeof NewSavedSearch>

export const SavedSearchChange = z.object({ frequency: DigestFrequency })

export const SavedSearch = z.object({
  id: z.string(),
  filters: z.object({
    q: z.string(),
    role: PostingRoleId.nullable(),
    prefecture: z.string().nullable(),
    remote: z.boolean().nullable(),
    sidejob: z.boolean().nullable(),
  }),
  /** 都道府県名 of filters.prefecture, for the label. */
  prefectureName: z.string().nullable(),
  frequency: DigestFrequency,
  /** How many published postings this search has announced by mail. */
  announced: z.number().int(),
  /** Matches waiting for the next digest. */
  pending: z.number().int(),
  createdAt: z.string(),
})
export type SavedSearch = z.infer<typeof SavedSearch>

/** One line a candidate recognises their search by, in the list and in the mail: 人材像 / 地域 / 条件 / キーワード. */
export function describeSavedSearch(filters: SavedSearch['filters'], prefectureName: string | null): string {
  return [
    filters.role ? `人材像: ${postingRoleLabels[filters.role]}` : '人材像: すべて',
    filters.prefecture ? `地域: ${prefectureName ?? filters.prefecture}` : '地域: 全国',
    filters.remote === true ? 'リモート可のみ' : filters.remote === false ? 'リモート不可' : null,
    filters.sidejob === true ? '副業・兼業可のみ' : filters.sidejob === false ? '副業・兼業不可' : null,
    filters.q ? `キーワード「${filters.q}」` : null,
  ]
    .filter(Boolean)
    .join(' / ')
}

/** The national search page's query for a saved search (the list's 「この条件で探す」 link). */
export function searchQueryOf(filters: SavedSearch['filters']): Record<string, string> {
  return Object.fromEntries(
    Object.entries({ q: filters.q || null, role: filters.role, prefecture: filters.prefecture, remote: filters.remote, sidejob: filters.sidejob })
      .filter(([, value]) => value !== null && value !== undefined)
      .map(([key, value]) => [key, String(value)]),
  )
}

export const SavedSearchIdParams = z.object({ id: z.uuid({ message: '検索条件IDの形式が正しくありません。' }) })

const tags = ['保存した検索条件']

export const listSavedSearches = endpoint({
  operationId: 'listSavedSearches',
  method: 'GET',
  path: '/api/me/saved-searches',
  summary: '保存した検索条件の一覧（新しい順、本人のもの）',
  tags,
  query: PageQuery,
  response: page(SavedSearch),
})

export const createSavedSearch = endpoint({
  operationId: 'createSavedSearch',
  method: 'POST',
  path: '/api/me/saved-searches',
  summary: '全国の募集検索の条件を保存する（合う募集を毎日か毎週まとめてメールで知らせる）',
  tags,
  body: NewSavedSearch,
  response: SavedSearch,
  successStatus: 201,
})

export const updateSavedSearch = endpoint({
  operationId: 'updateSavedSearch',
  method: 'PATCH',
  path: '/api/me/saved-searches/:id',
  summary: '保存した検索条件のお知らせの頻度（毎日・毎週）を変える',
  tags,
  params: SavedSearchIdParams,
  body: SavedSearchChange,
  response: SavedSearch,
})

export const deleteSavedSearch = endpoint({
  operationId: 'deleteSavedSearch',
  method: 'DELETE',
  path: '/api/me/saved-searches/:id',
  summary: '保存した検索条件を削除する（以後のメールも止まる）',
  tags,
  params: SavedSearchIdParams,
  response: z.object({ deleted: z.literal(true) }),
})
