/**
 * Interview use cases. Each step writes the interview, its slots, its audit event and the mails (with the
 * calendar invitation when the event is issued, changed or cancelled) in one transaction.
 */
import { randomUUID } from 'node:crypto'
import type { Interview, ProposeRequest } from '#shared/contracts/interviews'
import { interviewModeLabels } from '#shared/contracts/interviews'
import type { Clock } from '../../clock.ts'
import type { Config } from '../../config.ts'
import type { Db } from '../../db/database.ts'
import type { Actor } from '../../http/actor.ts'
import { AppError, notFound } from '../../http/errors.ts'
import { staffEmails } from '../accounts/index.ts'
import { applicationParties, isFinal, recordInterviewScheduled } from '../applications/index.ts'
import { recordAudit } from '../audit/index.ts'
import * as candidates from '../candidates/index.ts'
import { findLocalGovernment } from '../local-governments/index.ts'
import { enqueueMail } from '../mail/index.ts'
import { interviewCalendar } from './calendar.ts'
import * as repository from './repository.ts'
import { allowedActions, mayDo, nextSequence, reminderDue, type Side, slotIssues, timed } from './rules.ts'

export interface InterviewDeps {
  db: Db
  clock: Clock
  config: Pick<Config, 'publicUrl' | 'mailFrom'>
  kickMail?: () => void
}

type RequestInfo = { ip: string; id: string }

const NOT_FOUND_APPLICATION = '指定された応募が見つかりません。'
const NOT_FOUND_INTERVIEW = '指定された面接が見つかりません。'

// ── Access ────────────────────────────────────────────────────────────────────────────────────────────────────

interface Context {
  side: Side
  parties: NonNullable<Awaited<ReturnType<typeof applicationParties>>>
  contact: Awaited<ReturnType<typeof candidates.candidateContact>>
  municipalityName: string
}

/** The application as one of its two parties sees it; 404 for everyone else. */
async function openApplication(db: Db, actor: Actor, applicationId: string): Promise<Context> {
  const parties = await applicationParties(db, applicationId)
  if (!parties) throw notFound(NOT_FOUND_APPLICATION)
  const contact = await candidates.candidateContact(db, parties.candidateId)
  let side: Side | null = null
  if (actor.kind === 'municipality' && actor.localGovernmentCode === parties.municipalityCode) side = 'staff'
  if (actor.kind === 'candidate' && contact.accountId !== null && contact.accountId === actor.userId) side = 'candidate'
  if (!side) throw notFound(NOT_FOUND_APPLICATION)
  const municipalityName = (await findLocalGovernment(db, parties.municipalityCode))?.name ?? parties.municipalityCode
  return { side, parties, contact, municipalityName }
}

async function openInterview(db: Db, actor: Actor, id: string, forUpdate = false) {
  const row = await repository.findInterview(db, id, { forUpdate })
  if (!row) throw notFound(NOT_FOUND_INTERVIEW)
  try {
    return { row, context: await openApplication(db, actor, row.application_id) }
  } catch {
    throw notFound(NOT_FOUND_INTERVIEW)
  }
}

function refuse(message: string): AppError {
  return new AppError('INTERVIEW_TRANSITION_NOT_ALLOWED', message, 409)
}

// ── Views and mail ────────────────────────────────────────────────────────────────────────────────────────────

async function view(db: Db, row: repository.InterviewRow, context: Context): Promise<Interview> {
  const slots = await repository.slotsOf(db, [row.id])
  return {
    id: row.id,
    applicationId: row.application_id,
    postingTitle: context.parties.postingTitle,
    municipalityName: context.municipalityName,
    candidateName: context.side === 'staff' ? context.contact.fullName : null,
    state: row.state,
    uid: row.uid,
    sequence: row.sequence,
    slots: slots.map((slot) => ({
      id: slot.id,
      position: slot.position,
      startsAt: new Date(slot.starts_at).toISOString(),
      endsAt: new Date(slot.ends_at).toISOString(),
      mode: slot.mode,
      location: slot.location,
    })),
    chosenSlotId: row.chosen_slot_id,
    candidateNote: row.candidate_note,
    cancelReason: row.cancel_reason,
    allowed: allowedActions(row.state, context.side, row.issued),
    updatedAt: new Date(row.updated_at).toISOString(),
  }
}

function japanTime(at: Date): string {
  return `${new Date(at).toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo', dateStyle: 'long', timeStyle: 'short' })}（日本時間）`
}

function senderAddress(mailFrom: string): string {
  return /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom
}

function pageLink(deps: InterviewDeps, applicationId: string, side: Side): string {
  return side === 'candidate'
    ? `${deps.config.publicUrl}/applications/${applicationId}/interview`
    : `${deps.config.publicUrl}/applications/board?application=${applicationId}`
}

/** The event file of the interview's current version, or null when no slot is chosen. */
async function calendarOf(db: Db, deps: InterviewDeps, row: repository.InterviewRow, context: Context, now: Date): Promise<string | null> {
  if (!row.chosen_slot_id) return null
  const slot = (await repository.slotsOf(db, [row.id])).find((s) => s.id === row.chosen_slot_id)
  if (!slot) return null
  return interviewCalendar({
    uid: row.uid,
    sequence: row.sequence,
    cancelled: row.state === 'cancelled',
    startsAt: new Date(slot.starts_at),
    endsAt: new Date(slot.ends_at),
    mode: slot.mode,
    location: slot.location,
    postingTitle: context.parties.postingTitle,
    municipalityName: context.municipalityName,
    organizer: { name: `${context.municipalityName} 担当者`, email: senderAddress(deps.config.mailFrom) },
    attendee: context.contact.contactEmail ? { name: context.contact.fullName, email: context.contact.contactEmail } : null,
    link: pageLink(deps, row.application_id, 'candidate'),
    stamp: now,
  })
}

/** Queues one mail to each side named, each with its own link; `calendar` attaches the event. */
async function notify(
  tx: Db,
  deps: InterviewDeps,
  context: Context,
  to: readonly Side[],
  subject: string,
  lines: readonly string[],
  calendar: { method: 'REQUEST' | 'CANCEL'; content: string } | null,
): Promise<number> {
  let queued = 0
  for (const side of to) {
    const addresses =
      side === 'candidate'
        ? [context.contact.contactEmail].filter((address): address is string => Boolean(address))
        : await staffEmails(tx, { kind: 'municipality', localGovernmentCode: context.parties.municipalityCode })
    const text = [
      ...lines,
      ...(calendar ? ['', '予定表に取り込めるファイル（.ics）を添付しています。'] : []),
      '',
      `面接の詳細: ${pageLink(deps, context.parties.id, side)}`,
      '',
      '-- ',
      '自治体DX 外部デジタル人材 募集・マッチング',
      'このメールは送信専用です。',
    ].join('\n')
    for (const address of addresses) {
      await enqueueMail(tx, {
        to: address,
        subject: `${subject}：${context.parties.postingTitle ?? '募集'}`.slice(0, 200),
        text,
        ...(calendar ? { calendar } : {}),
      })
      queued += 1
    }
  }
  return queued
}

function slotLines(slots: readonly repository.SlotRow[]): string[] {
  return slots.map((slot) => `候補${slot.position}: ${japanTime(slot.starts_at)}〜 ${interviewModeLabels[slot.mode]}（${slot.location}）`)
}

function checkSlots(body: ProposeRequest, now: Date) {
  const issues = slotIssues(body.slots, now)
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', '面接の候補日時に誤りがあります。各項目のメッセージを確認してください。', 400, issues)
  return body.slots.map(timed).map((slot) => ({ starts_at: slot.startsAt, ends_at: slot.endsAt, mode: slot.mode, location: slot.location }))
}

/** Runs a step in a transaction and sends its mail after the commit. */
async function step<T>(deps: InterviewDeps, work: (tx: Db) => Promise<{ result: T; mailed: number }>): Promise<T> {
  const { result, mailed } = await deps.db.transaction().execute(work)
  if (mailed > 0) deps.kickMail?.()
  return result
}

// ── Use cases ─────────────────────────────────────────────────────────────────────────────────────────────────

export async function listForApplication(deps: InterviewDeps, actor: Actor, applicationId: string, pageOf: { limit: number; offset: number }) {
  const context = await openApplication(deps.db, actor, applicationId)
  const { rows, total } = await repository.interviewsOfApplication(deps.db, applicationId, pageOf)
  const items = []
  for (const row of rows) items.push(await view(deps.db, row, context))
  return { items, total, ...pageOf }
}

export function propose(deps: InterviewDeps, actor: Actor, request: RequestInfo, applicationId: string, body: ProposeRequest): Promise<Interview> {
  const now = deps.clock()
  return step(deps, async (tx) => {
    const context = await openApplication(tx, actor, applicationId)
    if (context.side !== 'staff' || actor.kind !== 'municipality') throw new AppError('FORBIDDEN', '面接の日程は募集した市区町村の担当者が提案します。')
    if (isFinal(context.parties.status)) throw refuse('選考が終わった応募には面接を設定できません。')
    const slots = checkSlots(body, now)
    const row = await repository.insertInterview(tx, {
      application_id: applicationId,
      municipality_code: context.parties.municipalityCode,
      candidate_id: context.parties.candidateId,
      uid: `${randomUUID()}@${new URL(deps.config.publicUrl).hostname}`,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    })
    if (!row) throw refuse('この応募には進行中の面接があります。候補日時の出し直しか取りやめを行ってください。')
    const saved = await repository.replaceSlots(tx, row.id, slots)
    await recordAudit(tx, {
      actor,
      action: 'interview.proposed',
      targetType: 'interview',
      targetId: row.id,
      request,
      details: { applicationId, slots: saved.length },
    })
    const mailed = await notify(
      tx,
      deps,
      context,
      ['candidate'],
      '面接の候補日時が届きました',
      [`${context.municipalityName}から、面接の候補日時が届きました。`, ...slotLines(saved), '', 'ご都合のよい日時を選ぶか、別の日時を依頼してください。'],
      null,
    )
    return { result: await view(tx, row, context), mailed }
  })
}

export function repropose(deps: InterviewDeps, actor: Actor, request: RequestInfo, id: string, body: ProposeRequest): Promise<Interview> {
  const now = deps.clock()
  return step(deps, async (tx) => {
    const { row, context } = await openInterview(tx, actor, id, true)
    if (context.side !== 'staff') throw new AppError('FORBIDDEN', '候補日時は募集した市区町村の担当者が出します。')
    if (!mayDo(row.state, 'staff', 'propose')) throw refuse('取りやめた面接の日時は変えられません。新しく面接を設定してください。')
    const slots = checkSlots(body, now)
    const saved = await repository.replaceSlots(tx, row.id, slots)
    // One slot for an interview already fixed is a change of its date: the same event, next SEQUENCE.
    const changesFixed = row.state === 'scheduled' && saved.length === 1
    const updated = await repository.updateInterview(
      tx,
      row.id,
      changesFixed
        ? { chosen_slot_id: saved[0]!.id, sequence: nextSequence(row), issued: true, candidate_note: '', updated_at: now }
        : { state: 'proposed', chosen_slot_id: null, candidate_note: '', updated_at: now },
    )
    await recordAudit(tx, {
      actor,
      action: changesFixed ? 'interview.rescheduled' : 'interview.reproposed',
      targetType: 'interview',
      targetId: row.id,
      request,
      details: { applicationId: row.application_id, slots: saved.length, sequence: updated.sequence },
    })
    let mailed: number
    if (changesFixed) {
      await recordInterviewScheduled(tx, { applicationId: row.application_id, at: saved[0]!.starts_at, actor, now })
      const content = (await calendarOf(tx, deps, updated, context, now))!
      mailed = await notify(
        tx,
        deps,
        context,
        ['candidate', 'staff'],
        '面接の日時が変更されました',
        [`面接の日時が ${japanTime(saved[0]!.starts_at)} に変更されました。`, `${interviewModeLabels[saved[0]!.mode]}: ${saved[0]!.location}`],
        { method: 'REQUEST', content },
      )
    } else {
      mailed = await notify(
        tx,
        deps,
        context,
        ['candidate'],
        '面接の候補日時が出し直されました',
        [
          `${context.municipalityName}から、面接の新しい候補日時が届きました。`,
          ...slotLines(saved),
          '',
          'ご都合のよい日時を選ぶか、別の日時を依頼してください。',
        ],
        null,
      )
    }
    return { result: await view(tx, updated, context), mailed }
  })
}

export function choose(deps: InterviewDeps, actor: Actor, request: RequestInfo, id: string, slotId: string): Promise<Interview> {
  const now = deps.clock()
  return step(deps, async (tx) => {
    const { row, context } = await openInterview(tx, actor, id, true)
    if (context.side !== 'candidate') throw new AppError('FORBIDDEN', '候補日時は応募者が選びます。')
    if (!mayDo(row.state, 'candidate', 'choose')) throw refuse('いまは候補日時を選べません（確定済み・再調整中・取りやめのいずれかです）。')
    const slot = (await repository.slotsOf(tx, [row.id])).find((s) => s.id === slotId)
    if (!slot)
      throw new AppError('VALIDATION_FAILED', '選んだ候補日時はこの面接のものではありません。', 400, [
        { path: 'slotId', message: '候補日時から選んでください。' },
      ])
    if (new Date(slot.starts_at).getTime() <= now.getTime()) {
      throw new AppError('VALIDATION_FAILED', 'この候補日時はすでに過ぎています。別の日時を依頼してください。', 400, [
        { path: 'slotId', message: '過去の候補日時は選べません。' },
      ])
    }
    const updated = await repository.updateInterview(tx, row.id, {
      state: 'scheduled',
      chosen_slot_id: slot.id,
      sequence: nextSequence(row),
      issued: true,
      updated_at: now,
    })
    await recordInterviewScheduled(tx, { applicationId: row.application_id, at: slot.starts_at, actor, now })
    await recordAudit(tx, {
      actor,
      action: 'interview.scheduled',
      targetType: 'interview',
      targetId: row.id,
      request,
      localGovernmentCode: context.parties.municipalityCode,
      details: { applicationId: row.application_id, slotId: slot.id, sequence: updated.sequence },
    })
    const content = (await calendarOf(tx, deps, updated, context, now))!
    const mailed = await notify(
      tx,
      deps,
      context,
      ['candidate', 'staff'],
      '面接の日時が決まりました',
      [`面接の日時が決まりました: ${japanTime(slot.starts_at)}`, `${interviewModeLabels[slot.mode]}: ${slot.location}`],
      { method: 'REQUEST', content },
    )
    return { result: await view(tx, updated, context), mailed }
  })
}

export function askForOthers(deps: InterviewDeps, actor: Actor, request: RequestInfo, id: string, note: string): Promise<Interview> {
  const now = deps.clock()
  return step(deps, async (tx) => {
    const { row, context } = await openInterview(tx, actor, id, true)
    if (context.side !== 'candidate') throw new AppError('FORBIDDEN', '別の日時の依頼は応募者が行います。')
    if (!mayDo(row.state, 'candidate', 'ask_for_others')) throw refuse('いまは別の日時を依頼できません。')
    // The fixed date stays on the calendars until staff set a new one; only the state changes here.
    const updated = await repository.updateInterview(tx, row.id, { state: 'reschedule_requested', candidate_note: note, updated_at: now })
    await recordAudit(tx, {
      actor,
      action: 'interview.reschedule_requested',
      targetType: 'interview',
      targetId: row.id,
      request,
      localGovernmentCode: context.parties.municipalityCode,
      details: { applicationId: row.application_id },
    })
    const mailed = await notify(
      tx,
      deps,
      context,
      ['staff'],
      '面接の日時の再調整の依頼がありました',
      ['応募者から、面接の別の日時の依頼がありました。依頼の内容はこのサービスでご確認ください。'],
      null,
    )
    return { result: await view(tx, updated, context), mailed }
  })
}

export function cancel(deps: InterviewDeps, actor: Actor, request: RequestInfo, id: string, reason: string): Promise<Interview> {
  const now = deps.clock()
  return step(deps, async (tx) => {
    const { row, context } = await openInterview(tx, actor, id, true)
    if (context.side !== 'staff') throw new AppError('FORBIDDEN', '面接の取りやめは募集した市区町村の担当者が行います。')
    if (!mayDo(row.state, 'staff', 'cancel')) throw refuse('この面接はすでに取りやめています。')
    const updated = await repository.updateInterview(tx, row.id, { state: 'cancelled', cancel_reason: reason, sequence: nextSequence(row), updated_at: now })
    await recordAudit(tx, {
      actor,
      action: 'interview.cancelled',
      targetType: 'interview',
      targetId: row.id,
      request,
      details: { applicationId: row.application_id, sequence: updated.sequence, wasIssued: row.issued },
    })
    const content = row.issued ? await calendarOf(tx, deps, updated, context, now) : null
    const mailed = await notify(
      tx,
      deps,
      context,
      ['candidate', 'staff'],
      '面接は取りやめになりました',
      ['面接は取りやめになりました。', ...(reason ? [`理由: ${reason}`] : [])],
      content ? { method: 'CANCEL', content } : null,
    )
    return { result: await view(tx, updated, context), mailed }
  })
}

/** The .ics of the interview's current version (REQUEST, or CANCEL once cancelled) for either party. */
export async function calendarFile(deps: InterviewDeps, actor: Actor, id: string): Promise<{ content: string; fileName: string }> {
  const { row, context } = await openInterview(deps.db, actor, id)
  if (!mayDo(row.state, context.side, 'download', row.issued)) throw refuse('日時が決まっていないため、予定表のファイルはまだありません。')
  const content = await calendarOf(deps.db, deps, row, context, deps.clock())
  if (!content) throw refuse('日時が決まっていないため、予定表のファイルはまだありません。')
  return { content, fileName: `interview-${row.id}.ics` }
}

// ── Periodic work ─────────────────────────────────────────────────────────────────────────────────────────────

/**
 * The day-before reminder to both sides of each fixed interview taking place tomorrow (Japan's calendar). Safe to
 * run as often as wanted and from several instances at once: each version of an event is claimed once
 * (`claimReminder`), in the transaction that queues its mails.
 */
export async function sendInterviewReminders(deps: InterviewDeps): Promise<number> {
  const now = deps.clock()
  const ids = await repository.reminderCandidates(deps.db, now, new Date(now.getTime() + 48 * 3600_000))
  let sent = 0
  for (const id of ids) {
    const mailed = await deps.db.transaction().execute(async (tx) => {
      const current = await repository.findInterview(tx, id)
      const slot = current?.chosen_slot_id ? (await repository.slotsOf(tx, [id])).find((s) => s.id === current.chosen_slot_id) : undefined
      if (!current || !slot || !reminderDue(new Date(slot.starts_at), now)) return 0
      const claimed = await repository.claimReminder(tx, id)
      if (!claimed) return 0
      const context = await systemContext(tx, claimed)
      if (!context) return 0
      await recordAudit(tx, {
        actor: { kind: 'system' },
        action: 'interview.reminded',
        targetType: 'interview',
        targetId: id,
        localGovernmentCode: context.parties.municipalityCode,
        details: { sequence: claimed.sequence },
      })
      return notify(
        tx,
        deps,
        context,
        ['candidate', 'staff'],
        '明日は面接の日です',
        [`面接は明日 ${japanTime(slot.starts_at)} です。`, `${interviewModeLabels[slot.mode]}: ${slot.location}`],
        null,
      )
    })
    sent += mailed
  }
  if (sent > 0) deps.kickMail?.()
  return sent
}

async function systemContext(tx: Db, row: repository.InterviewRow): Promise<Context | undefined> {
  const parties = await applicationParties(tx, row.application_id)
  if (!parties) return undefined
  const contact = await candidates.candidateContact(tx, parties.candidateId)
  const municipalityName = (await findLocalGovernment(tx, parties.municipalityCode))?.name ?? parties.municipalityCode
  return { side: 'staff', parties, contact, municipalityName }
}
