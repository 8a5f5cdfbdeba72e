/**
 * Matching: candidates ranked for a posting and postings ranked for a candidate, by one explainable
 * score (shared/domain/matching). Other tools integrate with these paths and field names; keep them stable.
 */
import { z } from 'zod'
import { CriterionLine, CriterionStatus, MatchFlag, MatchGap } from '../domain/matching/schema.ts'
import { MinistryListing } from '../domain/ministry-list/index.ts'
import { endpoint } from './endpoint.ts'

export * from '../domain/matching/schema.ts'

const Id = z.uuid({ message: 'IDの形式が正しくありません。' })

/** `?includeIneligible=true|false` (query strings carry text, so no z.coerce.boolean, which reads "false" as true). */
const QueryFlag = z
  .enum(['true', 'false'], { message: 'true か false を指定してください。' })
  .default('false')
  .transform((value) => value === 'true')

export const PostingMatchesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
  includeIneligible: QueryFlag,
})
export type PostingMatchesQuery = z.infer<typeof PostingMatchesQuery>

/** One ranked candidate. `score` is the sum of the `criteria` lines' points. */
export const CandidateMatch = z.object({
  candidateId: z.string(),
  /** Display name staff may see under the candidate's consent; null when hidden. */
  displayName: z.string().nullable(),
  eligible: z.boolean(),
  score: z.number().int().min(0).max(100),
  criteria: z.array(CriterionLine),
  gaps: z.array(MatchGap),
  flags: z.array(MatchFlag),
  /** How the candidate entered this ranking: applied to the posting, national list, or the prefecture's pool. */
  via: z.enum(['application', 'national_list', 'prefecture_pool']),
  /** The 総務省 外部人材リスト selection (verified by the ministry, 手順書 参考4.4-⑤); null = not listed. */
  ministryListing: MinistryListing.nullable(),
})
export type CandidateMatch = z.infer<typeof CandidateMatch>

export const CandidateMatchPage = z.object({
  items: z.array(CandidateMatch),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
})
export type CandidateMatchPage = z.infer<typeof CandidateMatchPage>

export const PostingMatchParams = z.object({ id: Id })
export const PostingCandidateMatchParams = z.object({ id: Id, candidateId: Id })

export const listPostingMatches = endpoint({
  operationId: 'listPostingMatches',
  method: 'GET',
  path: '/api/postings/:id/matches',
  summary: '募集に合う候補者（スコア順、説明つき）',
  tags: ['マッチング'],
  params: PostingMatchParams,
  query: PostingMatchesQuery,
  response: CandidateMatchPage,
})

export const getPostingMatch = endpoint({
  operationId: 'getPostingMatch',
  method: 'GET',
  path: '/api/postings/:id/matches/:candidateId',
  summary: '募集に対する候補者1人のスコアの説明',
  tags: ['マッチング'],
  params: PostingCandidateMatchParams,
  response: CandidateMatch,
})

/** One recommended posting for the signed-in candidate, with the same explanation staff see. */
export const PostingRecommendation = z.object({
  postingId: z.string(),
  title: z.string().nullable(),
  municipalityName: z.string(),
  prefectureName: z.string(),
  eligible: z.boolean(),
  score: z.number().int().min(0).max(100),
  criteria: z.array(CriterionLine),
  /** What still separates the candidate from the posting (empty when eligible). */
  gaps: z.array(MatchGap),
  flags: z.array(MatchFlag),
})
export type PostingRecommendation = z.infer<typeof PostingRecommendation>

export const RecommendationsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
  includeIneligible: QueryFlag,
})

export const RecommendationPage = z.object({
  items: z.array(PostingRecommendation),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
})

export const listMyRecommendations = endpoint({
  operationId: 'listMyRecommendations',
  method: 'GET',
  path: '/api/me/recommendations',
  summary: '自分に合う募集（スコア順、説明つき）',
  tags: ['マッチング'],
  query: RecommendationsQuery,
  response: RecommendationPage,
})

/** The candidate's own explanation against one published posting, including the gap list when ineligible. */
export const getMyPostingMatch = endpoint({
  operationId: 'getMyPostingMatch',
  method: 'GET',
  path: '/api/me/postings/:id/match',
  summary: '公開中の募集に対する自分のスコアと不足している条件',
  tags: ['マッチング'],
  params: PostingMatchParams,
  response: PostingRecommendation,
})

/** Per-posting weights (criterion id → weight 0–20); criteria left out keep the role's default. */
export const MatchingSettings = z.object({
  weights: z.record(z.string().max(60), z.number().min(0).max(20)).default({}),
})
export type MatchingSettings = z.infer<typeof MatchingSettings>

export const MatchingSettingsView = z.object({
  weights: z.record(z.string(), z.number()),
  /** Every criterion with its effective weight and the points it can earn, for the settings screen. */
  criteria: z.array(
    z.object({
      criterionId: z.string(),
      label: z.string(),
      required: z.boolean(),
      weight: z.number(),
      defaultWeight: z.number(),
      maxPoints: z.number().int(),
    }),
  ),
})

export const getMatchingSettings = endpoint({
  operationId: 'getMatchingSettings',
  method: 'GET',
  path: '/api/postings/:id/matching-settings',
  summary: '募集ごとのマッチングの重み',
  tags: ['マッチング'],
  params: PostingMatchParams,
  response: MatchingSettingsView,
})

export const putMatchingSettings = endpoint({
  operationId: 'putMatchingSettings',
  method: 'PUT',
  path: '/api/postings/:id/matching-settings',
  summary: '募集ごとのマッチングの重みを変更',
  tags: ['マッチング'],
  params: PostingMatchParams,
  body: MatchingSettings,
  response: MatchingSettingsView,
})

export const criterionStatusLabels: Record<z.infer<typeof CriterionStatus>, string> = {
  met: '満たす',
  partly_met: '一部満たす',
  not_met: '満たさない',
}
