/**
 * 募集情報のメール配信 (手順書 参考4.4-⑭ ③, ※1): anyone registers an e-mail address with optional filters, confirms it
 * through a mailed link (double opt-in), then receives digests of new and updated postings that match, each with
 * a one-click unsubscribe link. Only the address and the filters are kept.
 */
import { createHash, randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import { SubscriptionFilters, type PostingSummary } from '#shared/contracts/postings'
import { postingRoleLabels } from '#shared/domain/postings/form'
import { formatDate } from '#shared/domain/postings/describe'
import { prefectureNameOf } from '#shared/domain/prefectures'
import { AppError } from '../../http/errors.ts'
import { recordAudit } from '../audit/index.ts'
import { enqueueMail } from '../mail/index.ts'
import * as repository from './repository.ts'
import { matchesSubscription } from './rules.ts'
import { municipalityOf, type PostingDeps, type RequestInfo } from './service.ts'

const CONFIRM_HOURS = 48

function newToken(): string {
  return randomBytes(32).toString('base64url')
}

function sha256(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

function footer(deps: PostingDeps, unsubscribeToken: string): string[] {
  return [
    '',
    '――',
    `配信の停止（1回のクリックで停止します）: ${deps.config.publicUrl}/postings/unsubscribe?token=${unsubscribeToken}`,
    '総務省の取組（参考4.4-⑭）にならい、登録いただいたメールアドレスと条件のほかは保存していません。',
  ]
}

function describeFilters(filters: SubscriptionFilters): string {
  const parts = [
    filters.roles.length > 0 ? `人材像: ${filters.roles.map((role) => postingRoleLabels[role]).join('、')}` : '人材像: すべて',
    filters.prefectures.length > 0 ? `地域: ${filters.prefectures.map((code) => prefectureNameOf(code) ?? code).join('、')}` : '地域: 全国',
    filters.remoteOnly ? 'リモート可のみ' : null,
    filters.sideJobOnly ? '副業・兼業可のみ' : null,
  ]
  return parts.filter(Boolean).join(' / ')
}

/** Always answers the same (202) so the form does not reveal who is registered. */
export async function subscribe(deps: PostingDeps, body: { email: string; filters: SubscriptionFilters }, request?: RequestInfo) {
  const now = deps.clock()
  await deps.db.transaction().execute(async (tx) => {
    const existing = await tx
      .selectFrom('posting_subscription')
      .selectAll()
      .where('email', '=', body.email)
      .where('unsubscribed_at', 'is', null)
      .forUpdate()
      .executeTakeFirst()
    if (existing?.confirmed_at) {
      await enqueueMail(tx, {
        to: body.email,
        subject: '【募集情報メール】既に登録されています',
        text: [
          'このメールアドレスは既に募集情報メールに登録されています。',
          '配信条件を変えるには、下のリンクで一度配信を停止してから、改めて登録してください。',
          `現在の条件: ${describeFilters(SubscriptionFilters.parse(existing.filters))}`,
          ...footer(deps, existing.unsubscribe_token),
        ].join('\n'),
      })
      return
    }
    const confirmToken = newToken()
    const expiresAt = new Date(now.getTime() + CONFIRM_HOURS * 3600_000)
    let unsubscribeToken: string
    if (existing) {
      unsubscribeToken = existing.unsubscribe_token
      await tx
        .updateTable('posting_subscription')
        .set({ filters: JSON.stringify(body.filters), confirm_token_hash: sha256(confirmToken), confirm_expires_at: expiresAt })
        .where('id', '=', existing.id)
        .execute()
    } else {
      unsubscribeToken = newToken()
      await tx
        .insertInto('posting_subscription')
        .values({
          email: body.email,
          filters: JSON.stringify(body.filters),
          confirm_token_hash: sha256(confirmToken),
          confirm_expires_at: expiresAt,
          unsubscribe_token: unsubscribeToken,
          created_at: now,
        })
        .execute()
    }
    await enqueueMail(tx, {
      to: body.email,
      subject: '【募集情報メール】登録の確認',
      text: [
        '自治体の外部デジタル人材の募集情報メールへの登録を受け付けました。',
        `次のリンクを${CONFIRM_HOURS}時間以内に開くと登録が完了します。`,
        `${deps.config.publicUrl}/postings/subscribe/confirm?token=${confirmToken}`,
        '',
        `配信条件: ${describeFilters(body.filters)}`,
        '心当たりがない場合はこのメールを破棄してください（登録は完了しません）。',
        ...footer(deps, unsubscribeToken),
      ].join('\n'),
    })
    await recordAudit(tx, {
      actor: { kind: 'anonymous' },
      action: 'posting_subscription.requested',
      targetType: 'posting_subscription',
      ...(request ? { request } : {}),
    })
  })
  deps.kickMail?.()
  return { email: body.email }
}

export async function confirmSubscription(deps: PostingDeps, token: string) {
  const now = deps.clock()
  return deps.db.transaction().execute(async (tx) => {
    const row = await tx
      .selectFrom('posting_subscription')
      .selectAll()
      .where('confirm_token_hash', '=', sha256(token))
      .where('unsubscribed_at', 'is', null)
      .forUpdate()
      .executeTakeFirst()
    if (!row || !row.confirm_expires_at || row.confirm_expires_at <= now) {
      throw new AppError('TOKEN_INVALID', 'このリンクは無効か期限切れです。お手数ですが、もう一度登録してください。')
    }
    await tx
      .updateTable('posting_subscription')
      .set({ confirmed_at: now, confirm_token_hash: null, confirm_expires_at: null, digest_cursor: now })
      .where('id', '=', row.id)
      .execute()
    await recordAudit(tx, { actor: { kind: 'anonymous' }, action: 'posting_subscription.confirmed', targetType: 'posting_subscription', targetId: row.id })
    return { email: row.email, filters: SubscriptionFilters.parse(row.filters) }
  })
}

/** One click from the mail; a second click answers the same. */
export async function unsubscribe(deps: PostingDeps, token: string) {
  const now = deps.clock()
  return deps.db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('posting_subscription').select(['id', 'unsubscribed_at']).where('unsubscribe_token', '=', token).executeTakeFirst()
    if (!row) throw new AppError('TOKEN_INVALID', 'このリンクは無効です。メールのリンクをもう一度開いてください。')
    if (!row.unsubscribed_at) {
      await tx.updateTable('posting_subscription').set({ unsubscribed_at: now, confirm_token_hash: null }).where('id', '=', row.id).execute()
      await recordAudit(tx, { actor: { kind: 'anonymous' }, action: 'posting_subscription.cancelled', targetType: 'posting_subscription', targetId: row.id })
    }
    return { unsubscribed: true as const }
  })
}

function digestLine(deps: PostingDeps, posting: PostingSummary & { updated: boolean }): string {
  const deadline = posting.applicationEndsOn ? `締切 ${formatDate(posting.applicationEndsOn)}` : ''
  return [
    `${posting.updated ? '【更新】' : '【新着】'}${posting.municipality.prefectureName}${posting.municipality.name}「${posting.title}」`,
    `  ${[
      posting.roleId ? postingRoleLabels[posting.roleId] : '',
      posting.remoteAllowed ? 'リモート可' : '',
      posting.sideJobAllowed ? '副業・兼業可' : '',
      deadline,
    ]
      .filter(Boolean)
      .join(' / ')}`,
    `  ${deps.config.publicUrl}/postings/${posting.id}`,
  ].join('\n')
}

/**
 * Builds and queues one digest per confirmed subscriber: postings published or revised since that subscriber's
 * last digest, matching the filters. Called by a timer (main) and by tests; returns how many digests were queued.
 */
export async function sendPostingDigests(deps: PostingDeps): Promise<number> {
  const now = deps.clock()
  const subscribers = await deps.db
    .selectFrom('posting_subscription')
    .selectAll()
    .where('confirmed_at', 'is not', null)
    .where('unsubscribed_at', 'is', null)
    .execute()
  if (subscribers.length === 0) return 0
  const since = subscribers.reduce((min, s) => (s.digest_cursor && s.digest_cursor < min ? s.digest_cursor : min), now)
  const changed = await deps.db
    .selectFrom('posting')
    .selectAll()
    .where('state', '=', 'published')
    .where(sql<boolean>`greatest(published_at, coalesce(revised_at, published_at)) > ${since}`)
    .where(sql<boolean>`greatest(published_at, coalesce(revised_at, published_at)) <= ${now}`)
    .orderBy('published_at', 'desc')
    .limit(500)
    .execute()
  const postings = await Promise.all(
    changed.map(async (row) => ({
      ...repository.summaryFields(row),
      municipality: await municipalityOf(deps.db, row.municipality_code),
      prefectureCode: row.prefecture_code,
      changedAt: row.revised_at && row.published_at && row.revised_at > row.published_at ? row.revised_at : row.published_at!,
    })),
  )
  let queued = 0
  for (const subscriber of subscribers) {
    const filters = SubscriptionFilters.parse(subscriber.filters)
    const cursor = subscriber.digest_cursor ?? subscriber.confirmed_at!
    const matching = postings.filter((posting) => posting.changedAt > cursor && matchesSubscription(filters, posting))
    await deps.db.transaction().execute(async (tx) => {
      // Only if the cursor is still the one this run read: another instance that sent this digest moved it.
      const current = await tx.selectFrom('posting_subscription').select('digest_cursor').where('id', '=', subscriber.id).forUpdate().executeTakeFirst()
      if (current?.digest_cursor?.getTime() !== subscriber.digest_cursor?.getTime()) return
      await tx.updateTable('posting_subscription').set({ digest_cursor: now }).where('id', '=', subscriber.id).execute()
      if (matching.length > 0) {
        await enqueueMail(tx, {
          to: subscriber.email,
          subject: `【募集情報メール】新着・更新 ${matching.length}件`,
          text: [
            'ご登録の条件に合う募集が公開・更新されました。',
            '',
            ...matching.map((posting) =>
              digestLine(deps, { ...posting, updated: posting.revisedAt !== null && posting.changedAt.toISOString() === posting.revisedAt }),
            ),
            '',
            `配信条件: ${describeFilters(filters)}`,
            '応募・問合せは各募集の団体へ直接お願いします（国はマッチングや紹介を行いません）。',
            ...footer(deps, subscriber.unsubscribe_token),
          ].join('\n'),
        })
        queued += 1
      }
    })
  }
  if (queued > 0) deps.kickMail?.()
  return queued
}
