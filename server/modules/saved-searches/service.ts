import {
  type DigestFrequency,
  digestFrequencyLabels,
  describeSavedSearch,
  MAX_SAVED_SEARCHES,
  type NewSavedSearch,
  type SavedSearch,
} from '#shared/contracts/saved-searches'
import { postingRoleLabels, type PostingRoleId } from '#shared/domain/postings/form'
import { formatDate } from '#shared/domain/postings/describe'
import { prefectureNameOf } from '#shared/domain/prefectures'
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/database.ts'
import type { Actor } from '../../http/actor.ts'
import { AppError } from '../../http/errors.ts'
import { accountEmail } from '../accounts/index.ts'
import { recordAudit } from '../audit/index.ts'
import { findLocalGovernment, searchLocalGovernments } from '../local-governments/index.ts'
import { enqueueMail } from '../mail/index.ts'
import { scorePostingsForAccount, type PostingScore } from '../matching/index.ts'
import { postingFactsOfMany, type PostingFacts, type PublishedPosting } from '../postings/index.ts'
import * as repository from './repository.ts'
import { digestPeriod, filtersKey, matchesPosting } from './rules.ts'

export interface SavedSearchDeps {
  db: Db
  clock: Clock
}

type RequestInfo = { ip: string; id: string }

function ownAccountId(actor: Actor): string {
  if (actor.kind !== 'candidate') throw new AppError('FORBIDDEN', '検索条件を保存できるのは外部デジタル人材のアカウントです。')
  return actor.userId
}

async function prefectureNames(db: Db): Promise<Map<string, string>> {
  const { items } = await searchLocalGovernments(db, { kind: 'prefecture', limit: 100, offset: 0 })
  return new Map(items.map((item) => [item.prefectureCode, item.name]))
}

function view(row: repository.SavedSearchRow, counts: { announced: number; pending: number }, names: Map<string, string>): SavedSearch {
  return {
    id: row.id,
    filters: {
      q: row.keywords,
      role: row.role_id as PostingRoleId | null,
      prefecture: row.prefecture_code,
      remote: row.remote_allowed,
      sidejob: row.side_job_allowed,
    },
    prefectureName: row.prefecture_code ? (names.get(row.prefecture_code) ?? null) : null,
    frequency: row.frequency,
    announced: counts.announced,
    pending: counts.pending,
    createdAt: row.created_at.toISOString(),
  }
}

export async function list(deps: SavedSearchDeps, actor: Actor, pageOf: { limit: number; offset: number }) {
  const accountId = ownAccountId(actor)
  const [{ rows, total }, names] = await Promise.all([repository.searchesOfAccount(deps.db, accountId, pageOf), prefectureNames(deps.db)])
  return { items: rows.map((row) => view(row, row, names)), total, ...pageOf }
}

export async function create(deps: SavedSearchDeps, actor: Actor, request: RequestInfo, filters: NewSavedSearch): Promise<SavedSearch> {
  const accountId = ownAccountId(actor)
  const now = deps.clock()
  const row = await deps.db.transaction().execute(async (tx) => {
    const saved = await repository.insertSavedSearch(tx, {
      account_id: accountId,
      role_id: filters.role ?? null,
      prefecture_code: filters.prefecture ?? null,
      remote_allowed: filters.remote ?? null,
      side_job_allowed: filters.sidejob ?? null,
      keywords: filters.q,
      filters_key: filtersKey(filters),
      frequency: filters.frequency,
      created_at: now,
    })
    if (!saved) throw new AppError('CONFLICT', '同じ検索条件がすでに保存されています。')
    // counted after the insert, so the limit holds for this transaction's own row too
    if ((await repository.countOfAccount(tx, accountId)) > MAX_SAVED_SEARCHES) {
      throw new AppError('CONFLICT', `保存できる検索条件は${MAX_SAVED_SEARCHES}件までです。使わない条件を削除してから保存してください。`)
    }
    await recordAudit(tx, { actor, action: 'saved_search.created', targetType: 'saved_search', targetId: saved.id, request })
    return saved
  })
  return view(row, { announced: 0, pending: 0 }, await prefectureNames(deps.db))
}

/** Changes how often the search's matches are mailed; waiting matches go into the next digest of the new kind. */
export async function setFrequency(deps: SavedSearchDeps, actor: Actor, request: RequestInfo, id: string, frequency: DigestFrequency): Promise<SavedSearch> {
  const accountId = ownAccountId(actor)
  await deps.db.transaction().execute(async (tx) => {
    if (!(await repository.setFrequency(tx, id, accountId, frequency))) throw new AppError('NOT_FOUND', 'その検索条件は見つかりません。')
    await recordAudit(tx, { actor, action: 'saved_search.frequency_changed', targetType: 'saved_search', targetId: id, details: { frequency }, request })
  })
  const row = (await repository.searchOfAccount(deps.db, id, accountId))!
  return view(row, row, await prefectureNames(deps.db))
}

export async function remove(deps: SavedSearchDeps, actor: Actor, request: RequestInfo, id: string): Promise<{ deleted: true }> {
  const accountId = ownAccountId(actor)
  await deps.db.transaction().execute(async (tx) => {
    // another person's search answers the same as a missing one
    if (!(await repository.deleteOfAccount(tx, id, accountId))) throw new AppError('NOT_FOUND', 'その検索条件は見つかりません。')
    await recordAudit(tx, { actor, action: 'saved_search.deleted', targetType: 'saved_search', targetId: id, request })
  })
  return { deleted: true }
}

/** Every search the account keeps, for the export of the person's own data. */
export async function savedSearchesOfAccount(db: Db, accountId: string): Promise<Record<string, unknown>[]> {
  const { rows } = await repository.searchesOfAccount(db, accountId, { limit: MAX_SAVED_SEARCHES, offset: 0 })
  return rows.map((row) => {
    const { filters, frequency, announced, pending, createdAt } = view(row, row, new Map())
    return { filters, frequency, announced, pending, createdAt }
  })
}

/** In the account deletion's transaction: the person's searches (and their delivery records) are removed. */
export function deleteSavedSearchesOfAccount(tx: Db, accountId: string): Promise<void> {
  return repository.deleteAllOfAccount(tx, accountId)
}

/**
 * In the publication's transaction: each saved search the posting matches records the match once — the delivery
 * row's primary key refuses a second one from any server instance. The mail goes out with the search's next digest.
 */
export async function announcePublication(deps: { clock: Clock }, tx: Db, posting: PublishedPosting): Promise<number> {
  const matchable = { ...posting, prefectureCode: posting.municipality.prefectureCode }
  const matching = (await repository.searchesThatMayMatch(tx, matchable)).filter((search) =>
    matchesPosting(
      {
        roleId: search.role_id,
        prefectureCode: search.prefecture_code,
        remoteAllowed: search.remote_allowed,
        sideJobAllowed: search.side_job_allowed,
        keywords: search.keywords,
      },
      matchable,
    ),
  )
  return (
    await repository.claimDeliveries(
      tx,
      posting.id,
      matching.map((search) => search.id),
      deps.clock(),
    )
  ).length
}

export interface DigestDeps {
  db: Db
  clock: Clock
  publicUrl: string
}

/**
 * The digest job: every search with waiting matches whose period (its day or week in Japan) has no mail yet gets
 * one, listing the postings that matched since its last one, each with the person's match score. One transaction per
 * search: the digest row's primary key (search, period) is claimed first, so two instances running at once send one
 * mail per search per period; the matches taken and the mail queued commit with it. Returns the mails queued.
 */
export async function sendSavedSearchDigests(deps: DigestDeps): Promise<number> {
  const now = deps.clock()
  let mailed = 0
  for (const search of await repository.searchesWithPendingMatches(deps.db)) {
    const period = digestPeriod(search.frequency, now)
    const sent = await deps.db.transaction().execute(async (tx) => {
      if (!(await repository.claimDigest(tx, search.id, period, now))) return false
      const postingIds = await repository.takePendingMatches(tx, search.id, period)
      const facts = await postingFactsOfMany(tx, postingIds)
      const open = postingIds.map((id) => facts.get(id)).filter((posting): posting is PostingFacts => posting?.state === 'published')
      const to = open.length > 0 ? await accountEmail(tx, search.account_id) : null
      if (!to) {
        // nothing left to tell (closed meanwhile, or no address): a later match in this period may still be mailed
        await repository.releaseDigest(tx, search.id, period)
        return false
      }
      await repository.recordDigestSize(tx, search.id, period, open.length)
      const scores = await scorePostingsForAccount(
        tx,
        search.account_id,
        open.map((posting) => posting.id),
      )
      const lines = await Promise.all(open.map(async (posting) => postingLines(deps.publicUrl, posting, await placeOf(tx, posting), scores.get(posting.id))))
      const label = describeSavedSearch(filtersOf(search), search.prefecture_code ? (prefectureNameOf(search.prefecture_code) ?? null) : null)
      await enqueueMail(tx, {
        to,
        subject: `【保存した検索条件】${digestFrequencyLabels[search.frequency]}のお知らせ: 新しい募集${open.length}件`,
        text: digestText(deps.publicUrl, search, label, lines, scores.size > 0),
      })
      return true
    })
    if (sent) mailed += 1
  }
  return mailed
}

function filtersOf(search: repository.SavedSearchRow): SavedSearch['filters'] {
  return {
    q: search.keywords,
    role: search.role_id as PostingRoleId | null,
    prefecture: search.prefecture_code,
    remote: search.remote_allowed,
    sidejob: search.side_job_allowed,
  }
}

async function placeOf(db: Db, posting: PostingFacts): Promise<string> {
  const found = await findLocalGovernment(db, posting.municipalityCode)
  return found ? `${found.prefectureName}${found.name}` : posting.municipalityCode
}

function scoreLine(score: PostingScore | undefined): string {
  if (!score) return ''
  return `  あなたとの一致度: ${score.score}点${score.eligible ? '' : '（必須条件にまだ届いていません）'}`
}

function postingLines(publicUrl: string, posting: PostingFacts, place: string, score: PostingScore | undefined): string[] {
  const facts = [
    posting.roleId && posting.roleId in postingRoleLabels ? postingRoleLabels[posting.roleId as PostingRoleId] : '',
    posting.remoteAllowed ? 'リモート可' : '',
    posting.sideJobAllowed ? '副業・兼業可' : '',
    posting.applicationEndsOn ? `締切 ${formatDate(posting.applicationEndsOn)}` : '',
  ].filter(Boolean)
  return [
    `・${place}「${posting.title ?? '（名称未設定）'}」`,
    ...(facts.length > 0 ? [`  ${facts.join(' / ')}`] : []),
    ...[scoreLine(score)].filter(Boolean),
    `  ${publicUrl}/postings/${posting.id}`,
  ]
}

function digestText(publicUrl: string, search: repository.SavedSearchRow, label: string, postings: string[][], scored: boolean): string {
  return [
    `保存した検索条件「${label}」に合う募集が、前回のお知らせから新しく公開されました（${digestFrequencyLabels[search.frequency]}のお知らせ）。`,
    '',
    ...postings.flatMap((lines) => [...lines, '']),
    scored
      ? '一致度は、あなたのスキルプロフィールと各募集の条件から計算した点数です（100点満点）。'
      : 'スキルプロフィールを登録すると、各募集との一致度もお知らせします。',
    '',
    `お知らせの頻度の変更・検索条件の削除（ログインして開きます）: ${publicUrl}/me/saved-searches`,
    '応募・問合せは各募集の団体へ直接お願いします。',
    '※このメールは自治体DX 外部デジタル人材 募集サービスから自動で送信しています。',
  ].join('\n')
}
