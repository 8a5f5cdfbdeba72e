/**
 * Use cases of the postings module: each opens one transaction, loads the facts, asks the pure rules, writes,
 * records the audit event and queues the mail in that same transaction.
 */
import type { PostingMunicipality, StaffPosting, StaffPostingSort, StaffPostingSummary, TransitionRequest } from '#shared/contracts/postings'
import type { ChecklistEntry } from '#shared/domain/postings/checklist'
import { normalizePostingForm, type PostingForm } from '#shared/domain/postings/form'
import type { FormProblem } from '#shared/domain/postings/validation'
import {
  closeReasonLabels,
  postingActionLabels,
  postingStateLabels,
  type PostingAction,
  type PostingState,
  type WorkflowActor,
} from '#shared/domain/postings/workflow'
import { todayInJapan } from '#shared/domain/dates'
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/database.ts'
import type { Actor } from '../../http/actor.ts'
import { AppError, notFound } from '../../http/errors.ts'
import { staffEmails } from '../accounts/index.ts'
import { recordAudit } from '../audit/index.ts'
import { clauseText, findTemplate, validateRuleParameters } from '../bid-restrictions/rules/index.ts'
import { findLocalGovernment } from '../local-governments/index.ts'
import { enqueueMail } from '../mail/index.ts'
import * as repository from './repository.ts'
import {
  audiencesOf,
  availableActions,
  closeReasonProblem,
  completenessProblems,
  estimateSpecialGrant,
  formProblems,
  nextPostingState,
  normalizeChecklist,
  postingEditability,
  postingSearchText,
  readinessOf,
  readsInternalBudget,
  withoutInternalBudget,
  type Audience,
} from './rules.ts'

export interface PostingDeps {
  db: Db
  clock: Clock
  config: { publicUrl: string }
  /** Starts delivery after a commit that queued mail. */
  kickMail?: () => void
  /**
   * Told of each publication inside its transaction (app.ts: saved searches announce it), so the publication and
   * what follows from it commit together or not at all.
   */
  onPublished?: (tx: Db, posting: PublishedPosting) => Promise<void>
}

/** A posting as it becomes public: what a saved search matches on and what its mail names. */
export interface PublishedPosting {
  id: string
  title: string
  municipality: PostingMunicipality
  roleId: string | null
  remoteAllowed: boolean | null
  sideJobAllowed: boolean | null
  applicationEndsOn: string | null
  /** The national search's folded text (postingSearchText), for keyword filters. */
  searchText: string
}

export interface RequestInfo {
  ip: string
  id: string
}

// ── reference data ──

// 団体 names and populations are reference data that changes a few times a year; a process-wide cache keeps
// list pages to one query.
const municipalityCache = new Map<string, PostingMunicipality>()

export async function municipalityOf(db: Db, code: string): Promise<PostingMunicipality> {
  const cached = municipalityCache.get(code)
  if (cached) return cached
  const found = await findLocalGovernment(db, code)
  const municipality: PostingMunicipality = found
    ? {
        code,
        name: found.name,
        nameKana: found.nameKana,
        prefectureCode: found.prefectureCode,
        prefectureName: found.prefectureName,
        population: found.population,
      }
    : { code, name: code, nameKana: '', prefectureCode: code.slice(0, 2), prefectureName: '', population: null }
  if (found) municipalityCache.set(code, municipality)
  return municipality
}

function workflowActorOf(actor: Actor | { kind: 'system' }): WorkflowActor {
  return actor.kind
}

function invalid(problems: FormProblem[], message = '入力内容に誤りがあります。各項目のメッセージを確認してください。'): AppError {
  return new AppError(
    'POSTING_INVALID',
    message,
    undefined,
    problems.map((problem) => ({ path: problem.path, message: problem.message })),
  )
}

/** 入札制限 clause: the templates must exist and their parameters fit them (bid-restrictions templates). */
function bidRestrictionProblems(form: PostingForm): FormProblem[] {
  const problems: FormProblem[] = []
  form.bidRestriction.templateIds.forEach((templateId, index) => {
    if (!findTemplate(templateId)) problems.push({ path: `bidRestriction.templateIds.${index}`, message: `入札制限の規定例「${templateId}」はありません。` })
  })
  for (const [templateId, params] of Object.entries(form.bidRestriction.params)) {
    if (!form.bidRestriction.templateIds.includes(templateId)) {
      problems.push({ path: `bidRestriction.params.${templateId}`, message: `選んでいない規定例「${templateId}」の設定があります。` })
      continue
    }
    for (const message of validateRuleParameters(templateId, params)) problems.push({ path: `bidRestriction.params.${templateId}`, message })
  }
  return problems
}

export function bidRestrictionTexts(form: Pick<PostingForm, 'bidRestriction'>) {
  return form.bidRestriction.templateIds.map((templateId) => {
    const template = findTemplate(templateId)
    const text = clauseText(templateId, form.bidRestriction.params[templateId] ?? {})
    return { templateId, text: template && text ? `${template.name}：${text}（${template.clause}）` : templateId }
  })
}

/** What is wrong with a form whatever its state (drafts included); empty when it may be stored. */
export function storableProblems(form: PostingForm, facts: { today: string; ownCode: string; storedDeadline?: string | null }): FormProblem[] {
  return [...formProblems(form, facts), ...bidRestrictionProblems(form)]
}

/** Checks a form before it is stored; every problem is reported at once. */
function assertStorable(form: PostingForm, facts: { today: string; ownCode: string; storedDeadline?: string | null }) {
  const problems = storableProblems(form, facts)
  if (problems.length > 0) throw invalid(problems)
}

// ── staff view ──

async function staffView(db: Db, actor: Actor, row: repository.PostingRow, today: string): Promise<StaffPosting> {
  const [criteria, transitions, revisions, municipality, rule] = await Promise.all([
    repository.criteriaOf(db, row.id),
    repository.transitionsOf(db, row.id),
    repository.revisionsOf(db, row.id),
    municipalityOf(db, row.municipality_code),
    repository.currentSpecialGrantRule(db),
  ])
  const stored: PostingForm = { ...repository.formOf(row), criteria }
  const form = readsInternalBudget(actor, { municipalityCode: row.municipality_code, prefectureCode: row.prefecture_code })
    ? stored
    : withoutInternalBudget(stored)
  const checklist = normalizeChecklist(repository.checklistOf(row))
  const who = workflowActorOf(actor)
  return {
    id: row.id,
    municipality,
    state: row.state,
    closeReason: row.close_reason,
    revision: row.revision,
    form,
    checklist,
    readiness: readinessOf(checklist),
    completenessProblems: completenessProblems(form),
    specialGrant: estimateSpecialGrant(form, { isMunicipality: true, today, rule }),
    availableActions: availableActions(row.state, who),
    editable: postingEditability(row.state, who).editable,
    bidRestrictionTexts: bidRestrictionTexts(form),
    history: transitions.map((transition) => ({
      action: transition.action,
      fromState: transition.from_state as PostingState,
      toState: transition.to_state as PostingState,
      actorKind: transition.actor_kind,
      comment: transition.comment,
      occurredAt: transition.occurred_at.toISOString(),
    })),
    revisions: revisions.map((revision) => ({ revision: revision.revision, createdAt: revision.created_at.toISOString() })),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    publishedAt: row.published_at ? row.published_at.toISOString() : null,
  }
}

async function loadForStaff(db: Db, actor: Actor, id: string, forUpdate = false): Promise<repository.PostingRow> {
  const row = await repository.findStaffPosting(db, repository.staffVisibility(actor), id, { forUpdate })
  if (!row) throw notFound('指定された募集は見つかりません。')
  return row
}

export async function getStaffPosting(deps: PostingDeps, actor: Actor, id: string): Promise<StaffPosting> {
  const row = await loadForStaff(deps.db, actor, id)
  return staffView(deps.db, actor, row, todayInJapan(deps.clock()))
}

export async function listStaffPostings(
  deps: PostingDeps,
  actor: Actor,
  filter: { state?: PostingState | undefined; sort?: StaffPostingSort | undefined; limit: number; offset: number },
): Promise<{ items: StaffPostingSummary[]; total: number }> {
  const { rows, total } = await repository.searchStaffPostings(deps.db, repository.staffVisibility(actor), {
    ...(filter.state ? { state: filter.state } : {}),
    sort: filter.sort ?? 'updated',
    limit: filter.limit,
    offset: filter.offset,
  })
  const items = await Promise.all(
    rows.map(async (row) => ({
      id: row.id,
      municipality: await municipalityOf(deps.db, row.municipality_code),
      state: row.state,
      title: row.title,
      roleId: row.role_id as StaffPostingSummary['roleId'],
      applicationEndsOn: row.application_ends_on,
      revision: row.revision,
      updatedAt: row.updated_at.toISOString(),
      submittedAt: row.submitted_at ? row.submitted_at.toISOString() : null,
    })),
  )
  return { items, total }
}

// ── writes ──

function requireMunicipality(actor: Actor): Extract<Actor, { kind: 'municipality' }> {
  if (actor.kind !== 'municipality') throw new AppError('FORBIDDEN', '募集を作成・編集できるのは市区町村の担当者だけです。')
  return actor
}

async function afterCommit<T>(deps: PostingDeps, work: Promise<T>): Promise<T> {
  const result = await work
  deps.kickMail?.()
  return result
}

/** Creates a draft in the staff member's own municipality; incomplete forms are fine, wrong values are not. */
export async function createPosting(deps: PostingDeps, actor: Actor, input: PostingForm, request?: RequestInfo): Promise<StaffPosting> {
  const form = normalizePostingForm(input)
  const staff = requireMunicipality(actor)
  const now = deps.clock()
  const today = todayInJapan(now)
  assertStorable(form, { today, ownCode: staff.localGovernmentCode })
  return deps.db.transaction().execute(async (tx) => {
    const municipality = await municipalityOf(tx, staff.localGovernmentCode)
    const id = await repository.insertPosting(tx, {
      municipalityCode: staff.localGovernmentCode,
      prefectureCode: staff.localGovernmentCode.slice(0, 2),
      form,
      searchText: postingSearchText(form, municipality),
      createdBy: staff.userId,
      now,
    })
    await recordAudit(tx, { actor, action: 'posting.created', targetType: 'posting', targetId: id, ...(request ? { request } : {}) })
    const row = await loadForStaff(tx, actor, id)
    return staffView(tx, actor, row, today)
  })
}

/**
 * Saves the form: drafts and returned postings in place; a published posting as a new revision, the previous
 * version kept in posting_revision (the public page shows 更新). Under review or closed: POSTING_NOT_EDITABLE.
 */
export async function updatePosting(deps: PostingDeps, actor: Actor, id: string, input: PostingForm, request?: RequestInfo): Promise<StaffPosting> {
  const form = normalizePostingForm(input)
  const staff = requireMunicipality(actor)
  const now = deps.clock()
  const today = todayInJapan(now)
  return afterCommit(
    deps,
    deps.db.transaction().execute(async (tx) => {
      const row = await loadForStaff(tx, actor, id, true)
      const editability = postingEditability(row.state, 'municipality')
      if (!editability.editable) throw new AppError('POSTING_NOT_EDITABLE', editability.reason)
      assertStorable(form, { today, ownCode: staff.localGovernmentCode, storedDeadline: row.application_ends_on })
      if (editability.createsRevision) {
        // A published posting must stay complete.
        const problems = completenessProblems(form)
        if (problems.length > 0) throw new AppError('POSTING_INCOMPLETE', '公開中の募集は必須項目を空にできません。', undefined, problems)
      }
      const municipality = await municipalityOf(tx, row.municipality_code)
      const searchText = postingSearchText(form, municipality)
      if (editability.createsRevision) {
        const previous: PostingForm = { ...repository.formOf(row), criteria: await repository.criteriaOf(tx, id) }
        await repository.insertRevision(tx, id, row.revision, previous, null, row.revised_at ?? row.published_at ?? now)
        await repository.updatePostingForm(tx, id, { form, searchText, now, revision: row.revision + 1, revisedAt: now })
        await repository.insertRevision(tx, id, row.revision + 1, form, staff.userId, now)
      } else {
        await repository.updatePostingForm(tx, id, { form, searchText, now })
      }
      await recordAudit(tx, {
        actor,
        action: editability.createsRevision ? 'posting.revised' : 'posting.updated',
        targetType: 'posting',
        targetId: id,
        details: { revision: editability.createsRevision ? row.revision + 1 : row.revision },
        ...(request ? { request } : {}),
      })
      const updated = await loadForStaff(tx, actor, id)
      return staffView(tx, actor, updated, today)
    }),
  )
}

/**
 * Deletes a draft of the staff member's own municipality. Only a draft: once submitted, a posting has a history
 * (transitions, comments, perhaps applicants) that stays; a published one is closed instead.
 */
export async function deletePostingDraft(deps: PostingDeps, actor: Actor, id: string, request?: RequestInfo): Promise<{ deleted: true }> {
  requireMunicipality(actor)
  return deps.db.transaction().execute(async (tx) => {
    const row = await loadForStaff(tx, actor, id, true)
    if (row.state !== 'draft') {
      throw new AppError(
        'POSTING_NOT_EDITABLE',
        `「${postingStateLabels[row.state]}」の募集は削除できません。削除できるのは下書きだけです（公開中の募集は「募集を終了」で終えられます）。`,
      )
    }
    await repository.deleteDraft(tx, id)
    await recordAudit(tx, {
      actor,
      action: 'posting.deleted',
      targetType: 'posting',
      targetId: id,
      details: { title: row.title },
      ...(request ? { request } : {}),
    })
    return { deleted: true as const }
  })
}

export async function updatePostingChecklist(
  deps: PostingDeps,
  actor: Actor,
  id: string,
  entries: ChecklistEntry[],
  request?: RequestInfo,
): Promise<StaffPosting> {
  requireMunicipality(actor)
  const now = deps.clock()
  return deps.db.transaction().execute(async (tx) => {
    const row = await loadForStaff(tx, actor, id, true)
    if (row.state === 'closed') throw new AppError('POSTING_NOT_EDITABLE', '募集を終了したため編集できません。')
    const checklist = normalizeChecklist(entries)
    await repository.updateChecklist(tx, id, checklist, now)
    await recordAudit(tx, {
      actor,
      action: 'posting.checklist_updated',
      targetType: 'posting',
      targetId: id,
      details: { readiness: readinessOf(checklist) },
      ...(request ? { request } : {}),
    })
    return staffView(tx, actor, await loadForStaff(tx, actor, id), todayInJapan(now))
  })
}

const AUDIT_ACTION: Record<PostingAction, string> = {
  submit: 'posting.submitted',
  return: 'posting.returned',
  forward: 'posting.forwarded',
  publish: 'posting.published',
  close: 'posting.closed',
  expire: 'posting.expired',
}

async function notify(
  tx: Db,
  deps: PostingDeps,
  row: repository.PostingRow,
  action: PostingAction,
  actorKind: string,
  to: PostingState,
  comment: string | null,
) {
  const municipality = await municipalityOf(tx, row.municipality_code)
  const title = row.title ?? '（名称未設定）'
  const audiences = audiencesOf(action, actorKind)
  const addresses = new Set<string>()
  for (const audience of audiences) {
    for (const email of await staffEmails(tx, audienceTarget(audience, row))) addresses.add(email)
  }
  const link = `${deps.config.publicUrl}/staff/postings/${row.id}`
  const subject = `【募集】${municipality.name}「${title}」: ${postingActionLabels[action]}`
  const text = [
    `${municipality.prefectureName}${municipality.name}の募集「${title}」が「${postingStateLabels[to]}」になりました（${postingActionLabels[action]}）。`,
    ...(comment ? ['', 'コメント:', comment] : []),
    '',
    `確認する: ${link}`,
    '',
    '※このメールは自治体DX 外部デジタル人材 募集サービスから自動で送信しています。',
  ].join('\n')
  for (const email of addresses) await enqueueMail(tx, { to: email, subject: subject.slice(0, 200), text })
}

function audienceTarget(audience: Audience, row: repository.PostingRow) {
  switch (audience) {
    case 'municipality':
      return { kind: 'municipality' as const, localGovernmentCode: row.municipality_code }
    case 'prefecture':
      return { kind: 'prefecture' as const, prefectureCode: row.prefecture_code }
    case 'national':
      return { kind: 'national' as const }
  }
}

/** One step of the workflow (nextPostingState decides); audit event and mail in the same transaction. */
export async function transitionPosting(
  deps: PostingDeps,
  actor: Actor,
  id: string,
  requested: TransitionRequest,
  request?: RequestInfo,
): Promise<StaffPosting> {
  const now = deps.clock()
  const today = todayInJapan(now)
  return afterCommit(
    deps,
    deps.db.transaction().execute(async (tx) => {
      const row = await loadForStaff(tx, actor, id, true)
      const who = workflowActorOf(actor)
      const transition = nextPostingState(row.state, requested.action, who)
      if (!transition.ok) {
        throw new AppError(transition.refusal === 'forbidden' ? 'FORBIDDEN' : 'POSTING_TRANSITION_NOT_ALLOWED', transition.reason)
      }
      const closeReason = requested.action === 'close' ? (requested.closeReason ?? 'withdrawn') : null
      if (closeReason) {
        const problem = closeReasonProblem(row.state, closeReason, who)
        if (problem) throw new AppError('POSTING_TRANSITION_NOT_ALLOWED', problem)
      }
      if (requested.action === 'submit' || requested.action === 'forward' || requested.action === 'publish') {
        const form: PostingForm = { ...repository.formOf(row), criteria: await repository.criteriaOf(tx, id) }
        const problems = completenessProblems(form)
        if (problems.length > 0) {
          throw new AppError('POSTING_INCOMPLETE', `入力されていない項目が${problems.length}件あります。`, undefined, problems)
        }
        if (form.applicationEndsOn && form.applicationEndsOn < today) {
          throw new AppError('POSTING_INVALID', '応募締切日が過ぎています。締切日を直してから進めてください。', undefined, [
            { path: 'applicationEndsOn', message: '応募締切日は今日以降の日付にしてください。' },
          ])
        }
      }
      const comment = requested.comment ?? null
      await repository.recordTransition(tx, {
        postingId: id,
        action: requested.action,
        from: row.state,
        to: transition.next,
        actorKind: actor.kind,
        actorUserId: 'userId' in actor ? actor.userId : null,
        comment,
        closeReason,
        now,
      })
      if (requested.action === 'publish') {
        const form: PostingForm = { ...repository.formOf(row), criteria: await repository.criteriaOf(tx, id) }
        await repository.insertRevision(tx, id, row.revision, form, 'userId' in actor ? actor.userId : null, now)
        await deps.onPublished?.(tx, {
          id,
          title: form.title ?? '',
          municipality: await municipalityOf(tx, row.municipality_code),
          roleId: form.roleId ?? null,
          remoteAllowed: form.remoteAllowed ?? null,
          sideJobAllowed: form.sideJobAllowed ?? null,
          applicationEndsOn: form.applicationEndsOn ?? null,
          searchText: row.search_text,
        })
      }
      await recordAudit(tx, {
        actor,
        action: AUDIT_ACTION[requested.action],
        targetType: 'posting',
        targetId: id,
        localGovernmentCode: row.municipality_code,
        details: { from: row.state, to: transition.next, ...(comment ? { comment } : {}), ...(closeReason ? { closeReason } : {}) },
        ...(request ? { request } : {}),
      })
      await notify(tx, deps, row, requested.action, actor.kind, transition.next, comment)
      return staffView(tx, actor, await loadForStaff(tx, actor, id), today)
    }),
  )
}

/** Closes published postings whose deadline has passed (called by a timer and by tests); returns how many. */
export async function expirePostings(deps: PostingDeps): Promise<number> {
  const now = deps.clock()
  const today = todayInJapan(now)
  const ids = await repository.expiredPublishedIds(deps.db, today)
  let closed = 0
  for (const id of ids) {
    await deps.db.transaction().execute(async (tx) => {
      // locked, so an instance that read the same list waits here and then finds the posting closed
      const row = await repository.findPostingById(tx, id, { forUpdate: true })
      if (!row || row.state !== 'published') return
      const transition = nextPostingState(row.state, 'expire', 'system')
      if (!transition.ok) return
      await repository.recordTransition(tx, {
        postingId: id,
        action: 'expire',
        from: row.state,
        to: transition.next,
        actorKind: 'system',
        actorUserId: null,
        comment: null,
        closeReason: 'expired',
        now,
      })
      await recordAudit(tx, {
        actor: { kind: 'system' },
        action: AUDIT_ACTION.expire,
        targetType: 'posting',
        targetId: id,
        localGovernmentCode: row.municipality_code,
        details: { deadline: row.application_ends_on, reason: closeReasonLabels.expired },
      })
      await notify(tx, deps, row, 'expire', 'system', transition.next, null)
      closed += 1
    })
  }
  if (closed > 0) deps.kickMail?.()
  return closed
}
