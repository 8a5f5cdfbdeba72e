/**
 * Use cases of the postings module: each opens one transaction, loads the facts, asks the pure rules, writes,
 * records the audit event and queues the mail in that same transaction.
 */
import type {
  PostingMunicipality,
  PostingSearchQuery,
  PostingSummary,
  PublicPosting,
  PublicPostingForm,
  StaffPosting,
  StaffPostingSort,
  StaffPostingSummary,
  TransitionRequest,
} from '#shared/contracts/postings'
import type { ChecklistEntry } from '#shared/domain/postings/checklist'
import { DxArea, normalizePostingForm, postingRoleLabels, type Criterion, type PostingForm } from '#shared/domain/postings/form'
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

// ── public ──

export async function getPublicPosting(deps: PostingDeps, id: string): Promise<PublicPosting> {
  const row = await repository.findPublishedPosting(deps.db, id)
  if (!row) throw notFound('指定された募集は公開されていません。')
  return publicView(deps.db, row)
}

export async function publicView(db: Db, row: repository.PostingRow): Promise<PublicPosting> {
  const {
    budgetAnnualCost: _annual,
    budgetRecruitmentCost: _recruitment,
    ...form
  } = {
    ...repository.formOf(row),
    criteria: await repository.criteriaOf(db, row.id),
  }
  return {
    id: row.id,
    municipality: await municipalityOf(db, row.municipality_code),
    state: row.state,
    closeReason: row.close_reason,
    revision: row.revision,
    form,
    bidRestrictionTexts: bidRestrictionTexts(form),
    publishedAt: (row.published_at ?? row.updated_at).toISOString(),
    revisedAt: row.revised_at ? row.revised_at.toISOString() : null,
  }
}

export async function searchPublicPostings(deps: PostingDeps, query: PostingSearchQuery): Promise<{ items: PostingSummary[]; total: number }> {
  const { rows, total } = await repository.searchPublishedPostings(deps.db, query, todayInJapan(deps.clock()))
  const items = await Promise.all(
    rows.map(async (row) => ({ ...repository.summaryFields(row), municipality: await municipalityOf(deps.db, row.municipality_code) })),
  )
  return { items, total }
}

/** A posting of the open-data feed: its public form (never the budgets) and its record, for the open-data module. */
export interface FeedPosting {
  id: string
  state: 'published' | 'closed'
  closeReason: PublicPosting['closeReason']
  closedAt: Date | null
  publishedAt: Date
  revisedAt: Date | null
  revision: number
  updatedAt: Date
  municipality: PostingMunicipality
  form: PublicPostingForm
  bidRestrictionTexts: string[]
  jointAppointments: PostingMunicipality[]
}

/** Every posting that was published, closed ones included, oldest change first; see repository.feedPostings. */
export async function publishedPostingsFeed(
  db: Db,
  filter: { updatedSince?: Date; limit: number | null; offset: number },
): Promise<{ items: FeedPosting[]; total: number; lastModified: Date | null }> {
  const { rows, total, lastModified } = await repository.feedPostings(db, filter)
  const criteria = await repository.criteriaOfMany(
    db,
    rows.map((row) => row.id),
  )
  const items = await Promise.all(
    rows.map(async (row): Promise<FeedPosting> => {
      const { budgetAnnualCost: _annual, budgetRecruitmentCost: _recruitment, ...form } = { ...repository.formOf(row), criteria: criteria.get(row.id) ?? [] }
      return {
        id: row.id,
        state: row.state === 'closed' ? 'closed' : 'published',
        closeReason: row.close_reason,
        closedAt: row.closed_at,
        publishedAt: row.published_at ?? row.updated_at,
        revisedAt: row.revised_at,
        revision: row.revision,
        updatedAt: row.updated_at,
        municipality: await municipalityOf(db, row.municipality_code),
        form,
        bidRestrictionTexts: bidRestrictionTexts(form).map((clause) => clause.text),
        jointAppointments: await Promise.all(form.jointAppointmentCodes.map((code) => municipalityOf(db, code))),
      }
    }),
  )
  return { items, total, lastModified }
}

// ── for other modules ──

/**
 * The conditions of a posting, required and preferred, in the order staff put them (matching reads these).
 * Takes the caller's transaction so a use case spanning modules stays one transaction.
 */
export function postingCriteria(tx: Db, postingId: string): Promise<Criterion[]> {
  return repository.criteriaOf(tx, postingId)
}

/** The role label a matching explanation shows for a posting's 人材像. */
export function roleLabelOf(form: Pick<PostingForm, 'roleId' | 'roleLabel'>): string {
  if (!form.roleId) return '未設定'
  return form.roleId === 'other' ? (form.roleLabel ?? 'その他') : postingRoleLabels[form.roleId]
}

/** What other modules read of a posting (applications, matching, sharing): header and working conditions. */
export interface PostingFacts {
  id: string
  municipalityCode: string
  prefectureCode: string
  state: PostingState
  title: string | null
  roleId: string | null
  appointmentForm: string | null
  remoteAllowed: boolean | null
  sideJobAllowed: boolean | null
  applicationEndsOn: string | null
  /** 募集開始日: applications are taken from this day (none = from publication). */
  applicationStartsOn: string | null
  /** 勤務日数 and its unit from the form (週/月); null when not filled in. */
  workDays: number | null
  workDaysPer: 'week' | 'month' | null
  termStartsOn: string | null
  termEndsOn: string | null
  /** 取組分野 the post works on (手順書 §4.4(1)), in the form's order. */
  dutyAreas: DxArea[]
  /** 共同任用: the other municipalities appointing together. */
  jointAppointmentCodes: string[]
}

function factsOf(row: repository.FactRow): PostingFacts {
  return {
    id: row.id,
    municipalityCode: row.municipality_code,
    prefectureCode: row.prefecture_code,
    state: row.state,
    title: row.title,
    roleId: row.role_id,
    appointmentForm: row.appointment_form,
    remoteAllowed: row.remote_allowed,
    sideJobAllowed: row.side_job_allowed,
    applicationEndsOn: row.application_ends_on,
    applicationStartsOn: row.application_starts_on,
    workDays: row.work_days === null ? null : Number(row.work_days),
    workDaysPer: row.work_days_per === 'week' || row.work_days_per === 'month' ? row.work_days_per : null,
    termStartsOn: row.term_starts_on,
    termEndsOn: row.term_ends_on,
    dutyAreas: jsonList(row.duty_areas).flatMap((duty) => {
      const area = DxArea.safeParse((duty as { area?: unknown } | null)?.area)
      return area.success ? [area.data] : []
    }),
    jointAppointmentCodes: jsonList(row.joint_appointment_codes).filter((code): code is string => typeof code === 'string'),
  }
}

/** A JSON array column read as a list (PGlite may hand it over as text). */
function jsonList(value: unknown): unknown[] {
  const parsed = typeof value === 'string' ? (JSON.parse(value) as unknown) : value
  return Array.isArray(parsed) ? parsed : []
}

/** One posting's facts whatever its state (the caller decides what a draft means to it); undefined if none. */
export async function postingFacts(tx: Db, postingId: string): Promise<PostingFacts | undefined> {
  const [row] = await repository.factRowsOf(tx, { ids: [postingId] })
  return row && factsOf(row)
}

/** Facts of many postings by id (missing ids are simply absent). */
export async function postingFactsOfMany(tx: Db, postingIds: readonly string[]): Promise<Map<string, PostingFacts>> {
  const rows = await repository.factRowsOf(tx, { ids: [...new Set(postingIds)] })
  return new Map(rows.map((row) => [row.id, factsOf(row)]))
}

/**
 * The posting if the staff member may see it under this module's rule (municipality: its own; prefecture: its
 * municipalities' once submitted; national: once forwarded); undefined otherwise, which callers answer with 404.
 */
export async function postingFactsForStaff(tx: Db, actor: Actor, postingId: string): Promise<PostingFacts | undefined> {
  const [row] = await repository.factRowsOf(tx, { ids: [postingId], visibility: repository.staffVisibility(actor) })
  return row && factsOf(row)
}

/** The criteria of many postings at once, by posting id, each list in the order staff put them. */
export function postingCriteriaOfMany(tx: Db, postingIds: readonly string[]): Promise<Map<string, Criterion[]>> {
  return repository.criteriaOfMany(tx, [...new Set(postingIds)])
}

/**
 * Open postings (published, deadline today or later or none) per municipality, for a prefecture's dashboard:
 * 団体コード → count, municipalities without any absent. `today` is the date in Japan.
 */
export async function openPostingCountsByMunicipality(
  tx: Db,
  filter: { prefectureCode?: string; municipalityCodes?: readonly string[]; today: string },
): Promise<Map<string, number>> {
  const rows = await repository.openPostingCounts(
    tx,
    {
      ...(filter.prefectureCode ? { prefectureCode: filter.prefectureCode } : {}),
      ...(filter.municipalityCodes ? { municipalityCodes: filter.municipalityCodes } : {}),
    },
    filter.today,
  )
  return new Map(rows.map((row) => [row.municipality_code, Number(row.n)]))
}
