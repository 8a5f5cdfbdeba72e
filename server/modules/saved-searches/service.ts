import { describeSavedSearch, MAX_SAVED_SEARCHES, type SavedSearch, type SavedSearchFilters } from '#shared/contracts/saved-searches'
import { postingRoleLabels, type PostingRoleId } from '#shared/domain/postings/form'
import { formatDate } from '#shared/domain/postings/describe'
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/database.ts'
import type { Actor } from '../../http/actor.ts'
import { AppError } from '../../http/errors.ts'
import { accountEmail } from '../accounts/index.ts'
import { recordAudit } from '../audit/index.ts'
import { searchLocalGovernments } from '../local-governments/index.ts'
import { enqueueMail } from '../mail/index.ts'
import type { PublishedPosting } from '../postings/index.ts'
import * as repository from './repository.ts'
import { filtersKey, matchesPosting } from './rules.ts'

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

function view(row: repository.SavedSearchRow, announced: number, names: Map<string, string>): SavedSearch {
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
    announced,
    createdAt: row.created_at.toISOString(),
  }
}

export async function list(deps: SavedSearchDeps, actor: Actor, pageOf: { limit: number; offset: number }) {
  const accountId = ownAccountId(actor)
  const [{ rows, total }, names] = await Promise.all([repository.searchesOfAccount(deps.db, accountId, pageOf), prefectureNames(deps.db)])
  return { items: rows.map((row) => view(row, row.announced, names)), total, ...pageOf }
}

export async function create(deps: SavedSearchDeps, actor: Actor, request: RequestInfo, filters: SavedSearchFilters): Promise<SavedSearch> {
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
  return view(row, 0, await prefectureNames(deps.db))
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
    const { filters, announced, createdAt } = view(row, row.announced, new Map())
    return { filters, announced, createdAt }
  })
}

/** In the account deletion's transaction: the person's searches (and their delivery records) are removed. */
export function deleteSavedSearchesOfAccount(tx: Db, accountId: string): Promise<void> {
  return repository.deleteAllOfAccount(tx, accountId)
}

/**
 * In the publication's transaction: each saved search the posting matches is told of it once — the delivery row's
 * primary key refuses a second announcement from any server instance — and each person gets one mail listing which
 * of their searches matched. The mail carries links only (the posting and the page of saved searches), no token.
 */
export async function announcePublication(deps: { clock: Clock; publicUrl: string }, tx: Db, posting: PublishedPosting): Promise<number> {
  const matchable = { ...posting, prefectureCode: posting.municipality.prefectureCode }
  const matching = (await repository.searchesThatMayMatch(tx, matchable)).filter((search) =>
    matchesPosting(
      { roleId: search.role_id, prefectureCode: search.prefecture_code, remoteAllowed: search.remote_allowed, sideJobAllowed: search.side_job_allowed, keywords: search.keywords },
      matchable,
    ),
  )
  const claimed = new Set(await repository.claimDeliveries(tx, posting.id, matching.map((search) => search.id), deps.clock()))
  const byAccount = new Map<string, repository.SavedSearchRow[]>()
  for (const search of matching.filter((row) => claimed.has(row.id))) byAccount.set(search.account_id, [...(byAccount.get(search.account_id) ?? []), search])
  let mailed = 0
  for (const [accountId, searches] of byAccount) {
    const to = await accountEmail(tx, accountId)
    if (!to) continue
    await enqueueMail(tx, { to, subject: `【保存した検索条件】新しい募集: ${posting.municipality.name}「${posting.title}」`.slice(0, 200), text: mailText(deps.publicUrl, posting, searches) })
    mailed += 1
  }
  return mailed
}

function mailText(publicUrl: string, posting: PublishedPosting, searches: repository.SavedSearchRow[]): string {
  const facts = [
    posting.roleId && posting.roleId in postingRoleLabels ? postingRoleLabels[posting.roleId as PostingRoleId] : '',
    posting.remoteAllowed ? 'リモート可' : '',
    posting.sideJobAllowed ? '副業・兼業可' : '',
    posting.applicationEndsOn ? `締切 ${formatDate(posting.applicationEndsOn)}` : '',
  ].filter(Boolean)
  return [
    '保存した検索条件に合う募集が公開されました。',
    '',
    `${posting.municipality.prefectureName}${posting.municipality.name}「${posting.title}」`,
    ...(facts.length > 0 ? [`  ${facts.join(' / ')}`] : []),
    `  ${publicUrl}/postings/${posting.id}`,
    '',
    '合った検索条件:',
    ...searches.map(
      (search) =>
        `・${describeSavedSearch(
          { q: search.keywords, role: search.role_id as PostingRoleId | null, prefecture: search.prefecture_code, remote: search.remote_allowed, sidejob: search.side_job_allowed },
          posting.municipality.prefectureName,
        )}`,
    ),
    '',
    `検索条件の確認・削除（ログインして開きます）: ${publicUrl}/me/saved-searches`,
    '応募・問合せは各募集の団体へ直接お願いします。',
    '※このメールは自治体DX 外部デジタル人材 募集サービスから自動で送信しています。',
  ].join('\n')
}
