/**
 * After 任用: the appointment's page, renewals (更新), early ends (途中終了), the 90/60/30-day reminders before a term
 * ends, and structured evaluations (手順書 §4.4(7)). Each change writes its rows and audit event in one transaction.
 */
import type { z } from 'zod'
import {
  type AppointmentDetail,
  type AppointmentEvaluation,
  type AppointmentSummary,
  type CreateEvaluationBody,
  type EndAppointmentEarlyBody,
  type EvaluationOutcome,
  type RenewAppointmentBody,
} from '#shared/contracts/appointments'
import { addDays, type IsoDate, todayInJapan } from '#shared/domain/dates'
import { AppointmentForm, dxAreaLabels } from '#shared/domain/postings/form'
import { formatWareki } from '#shared/domain/wareki'
import type { Db } from '../../db/database.ts'
import type { Actor } from '../../http/actor.ts'
import { AppError, notFound } from '../../http/errors.ts'
import { staffEmails } from '../accounts/index.ts'
import { recordAudit } from '../audit/index.ts'
import * as candidates from '../candidates/index.ts'
import { findLocalGovernment } from '../local-governments/index.ts'
import { enqueueMail } from '../mail/index.ts'
import { postingFacts, postingFactsOfMany, type PostingFacts } from '../postings/index.ts'
import * as repository from './repository.ts'
import { appointmentView, type ApplicationDeps } from './service.ts'
import { earlyEndProblems, lastDayOf, reminderDue, renewalProblems, renewalProposal, type Term } from './terms.ts'
import * as termsRepo from './terms-repository.ts'

type RequestInfo = { ip: string; id: string }
type Viewer = 'staff' | 'candidate'

const appointmentNotFound = () => notFound('指定された任用が見つかりません。')
const SIGNATURE = ['', '-- ', '自治体DX 外部デジタル人材 募集・マッチング', 'このメールは送信専用です。']

/** The appointment if the actor may see it: the appointed person, or staff of the municipality that appointed. */
async function visibleAppointment(db: Db, actor: Actor, id: string, forUpdate = false) {
  const row = await termsRepo.findAppointment(db, id, { forUpdate })
  if (!row) throw appointmentNotFound()
  if (actor.kind === 'municipality' && row.municipality_code === actor.localGovernmentCode) return { row, viewer: 'staff' as Viewer }
  if (actor.kind === 'candidate') {
    const contact = await candidates.candidateContact(db, row.candidate_id)
    if (contact.accountId === actor.userId) return { row, viewer: 'candidate' as Viewer }
  }
  throw appointmentNotFound()
}

function staffOnly(viewer: Viewer): void {
  if (viewer !== 'staff') throw appointmentNotFound()
}

const formOf = (row: repository.AppointmentRow) => AppointmentForm.catch('other').parse(row.appointment_form)

const termOf = (row: termsRepo.TermRow): Term => ({ seq: row.seq, startsOn: row.starts_on, endsOn: row.ends_on, endedEarlyOn: row.ended_early_on })

function evaluationView(row: termsRepo.EvaluationRow): AppointmentEvaluation {
  const objectives = (typeof row.objectives === 'string' ? JSON.parse(row.objectives) : row.objectives) as Array<{
    area: keyof typeof dxAreaLabels
    achievement: string
  }>
  return {
    id: row.id,
    termSeq: row.term_seq,
    occasion: row.occasion,
    objectives: objectives.map((objective) => ({ ...objective, label: dxAreaLabels[objective.area] ?? objective.area })),
    assessment: row.assessment,
    assessmentNote: row.assessment_note,
    renewal: row.renewal,
    selfReview: row.self_review,
    selfReviewedAt: row.self_reviewed_at === null ? null : new Date(row.self_reviewed_at).toISOString(),
    createdAt: new Date(row.created_at).toISOString(),
  }
}

async function detailOf(db: Db, row: repository.AppointmentRow, viewer: Viewer): Promise<AppointmentDetail> {
  const [terms, evaluations, posting, contact] = [
    await termsRepo.termsOf(db, row),
    await termsRepo.evaluationsOf(db, row.id),
    await postingFacts(db, row.posting_id),
    await candidates.candidateContact(db, row.candidate_id),
  ]
  const last = terms.at(-1)
  return {
    ...appointmentView(row),
    candidateName: contact.fullName,
    postingTitle: posting?.title ?? null,
    dutyAreas: posting?.dutyAreas ?? [],
    terms: terms.map((term) => ({
      seq: term.seq,
      startsOn: term.starts_on,
      endsOn: term.ends_on,
      endedEarlyOn: term.ended_early_on,
      endReason: term.end_reason,
      note: term.note,
      createdAt: new Date(term.created_at).toISOString(),
    })),
    evaluations: evaluations.map(evaluationView),
    renewal: viewer === 'staff' ? renewalProposal(formOf(row), terms.map(termOf)) : null,
    canEndEarly: viewer === 'staff' && last !== undefined && last.ended_early_on === null,
    viewer,
  }
}

/** The caller's appointments with names, the current term and the number of evaluations, newest first. */
export async function listAppointmentSummaries(deps: ApplicationDeps, actor: Actor): Promise<{ items: AppointmentSummary[] }> {
  let rows: repository.AppointmentRow[]
  if (actor.kind === 'municipality') rows = await repository.findAppointments(deps.db, { municipalityCode: actor.localGovernmentCode })
  else if (actor.kind === 'candidate')
    rows = await repository.findAppointments(deps.db, { candidateId: await candidates.candidateIdForAccount(deps.db, actor.userId) })
  else throw new AppError('FORBIDDEN', 'この操作を行う権限がありません。')
  const [summaries, postings] = await Promise.all([
    termsRepo.termSummaries(
      deps.db,
      rows.map((row) => row.id),
    ),
    postingFactsOfMany(
      deps.db,
      rows.map((row) => row.posting_id),
    ),
  ])
  const items: AppointmentSummary[] = []
  for (const row of [...rows].reverse()) {
    const summary = summaries.get(row.id)!
    items.push({
      id: row.id,
      applicationId: row.application_id,
      candidateName: (await candidates.candidateContact(deps.db, row.candidate_id)).fullName,
      postingTitle: postings.get(row.posting_id)?.title ?? null,
      appointmentForm: row.appointment_form,
      startsOn: row.starts_on,
      endsOn: row.ends_on,
      termSeq: summary.seq,
      endedEarly: summary.endedEarly,
      evaluations: summary.evaluations,
    })
  }
  return { items }
}

export async function getAppointment(deps: ApplicationDeps, actor: Actor, id: string): Promise<AppointmentDetail> {
  const { row, viewer } = await visibleAppointment(deps.db, actor, id)
  return detailOf(deps.db, row, viewer)
}

// ── 更新 and 途中終了 ─────────────────────────────────────────────────────────────────────────────────────────────

/**
 * 更新: the next term from the day after the last, checked against the 任用形態 (特定任期付職員's five years from the
 * first day, 会計年度任用職員's 年度). The appointment keeps its id, so its 入札制限 rule set stays attached, and its
 * span now ends on the new last day, which is what the rules' windows (B1, B2, D) are computed from.
 */
export async function renewAppointment(deps: ApplicationDeps, actor: Actor, request: RequestInfo, id: string, body: z.output<typeof RenewAppointmentBody>) {
  return deps.db.transaction().execute(async (tx) => {
    const { row, viewer } = await visibleAppointment(tx, actor, id, true)
    staffOnly(viewer)
    const terms = (await termsRepo.termsOf(tx, row)).map(termOf)
    const last = terms.at(-1)!
    if (last.endedEarlyOn !== null)
      throw new AppError('APPOINTMENT_TERM_CLOSED', `この任用は${formatWareki(last.endedEarlyOn)}に途中終了しているため、更新できません。`)
    const problems = renewalProblems(formOf(row), terms, body.endsOn)
    if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems[0]!.message, 400, problems)
    const startsOn = addDays(last.endsOn, 1)
    await termsRepo.insertTerm(tx, {
      appointment_id: row.id,
      seq: last.seq + 1,
      starts_on: startsOn,
      ends_on: body.endsOn,
      note: body.note,
      created_by: 'userId' in actor ? actor.userId : null,
    })
    await termsRepo.setAppointmentEnd(tx, row.id, body.endsOn)
    await recordAudit(tx, {
      actor,
      action: 'appointment.renewed',
      targetType: 'appointment',
      targetId: row.id,
      request,
      localGovernmentCode: row.municipality_code,
      details: { seq: last.seq + 1, startsOn, endsOn: body.endsOn, previousEndsOn: last.endsOn },
    })
    return detailOf(tx, (await termsRepo.findAppointment(tx, row.id))!, viewer)
  })
}

/** 途中終了: the last day served and why, on the current term; the span (and so the 入札制限 windows) ends that day. */
export async function endAppointmentEarly(
  deps: ApplicationDeps,
  actor: Actor,
  request: RequestInfo,
  id: string,
  body: z.output<typeof EndAppointmentEarlyBody>,
) {
  return deps.db.transaction().execute(async (tx) => {
    const { row, viewer } = await visibleAppointment(tx, actor, id, true)
    staffOnly(viewer)
    const last = (await termsRepo.termsOf(tx, row)).map(termOf).at(-1)!
    if (last.endedEarlyOn !== null) throw new AppError('APPOINTMENT_TERM_CLOSED', `この任用は${formatWareki(last.endedEarlyOn)}に途中終了しています。`)
    const problems = earlyEndProblems(last, body.endedOn)
    if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems[0]!.message, 400, problems)
    await termsRepo.endTermEarly(tx, row.id, last.seq, body.endedOn, body.reason)
    await termsRepo.setAppointmentEnd(tx, row.id, body.endedOn)
    await recordAudit(tx, {
      actor,
      action: 'appointment.ended_early',
      targetType: 'appointment',
      targetId: row.id,
      request,
      localGovernmentCode: row.municipality_code,
      details: { seq: last.seq, endedOn: body.endedOn, plannedEndsOn: last.endsOn, reason: body.reason },
    })
    return detailOf(tx, (await termsRepo.findAppointment(tx, row.id))!, viewer)
  })
}

// ── Reminders ─────────────────────────────────────────────────────────────────────────────────────────────────

/** Who is reminded: the municipality's staff; for a 共同任用 also the partner municipalities' and the prefecture's. */
async function reminderAddresses(tx: Db, row: repository.AppointmentRow, posting: PostingFacts | undefined): Promise<string[]> {
  const codes = [row.municipality_code, ...(posting?.jointAppointmentCodes ?? [])]
  const addresses: string[] = []
  for (const code of codes) addresses.push(...(await staffEmails(tx, { kind: 'municipality', localGovernmentCode: code })))
  if (codes.length > 1) addresses.push(...(await staffEmails(tx, { kind: 'prefecture', prefectureCode: row.municipality_code.slice(0, 2) })))
  return [...new Set(addresses)]
}

/**
 * The reminders due today (Japan) before terms end: 90, 60 and 30 days before the last day of an appointment's last
 * term, unless it ended early. Safe beside another instance running it: each (term, threshold) is claimed by the
 * insert that creates its row, in the transaction that queues the mail. Returns the number of mails queued.
 */
export async function sendTermReminders(deps: ApplicationDeps): Promise<number> {
  const now = deps.clock()
  const today = todayInJapan(now)
  const rows = await termsRepo.appointmentsEndingBetween(deps.db, today, addDays(today, 90))
  let queued = 0
  for (const candidate of rows) {
    queued += await deps.db.transaction().execute(async (tx) => {
      const row = await termsRepo.findAppointment(tx, candidate.id)
      if (!row) return 0
      const last = (await termsRepo.termsOf(tx, row)).map(termOf).at(-1)
      if (!last || last.endedEarlyOn !== null) return 0
      const due = reminderDue(last.endsOn, today)
      if (!due || !(await termsRepo.claimReminder(tx, row.id, last.seq, due.daysBefore, now))) return 0
      const posting = await postingFacts(tx, row.posting_id)
      const contact = await candidates.candidateContact(tx, row.candidate_id)
      const municipality = await findLocalGovernment(tx, row.municipality_code)
      const title = posting?.title ?? '任用'
      const text = [
        `${municipality?.name ?? row.municipality_code} ご担当者様`,
        '',
        `「${title}」（${contact.fullName ?? '任用者'}）の任期が${formatWareki(last.endsOn)}に満了します（あと${due.daysLeft}日）。`,
        '更新するか、任期満了で終えるかを決め、任期末の評価を記録してください。',
        '',
        `任用の詳細（更新・途中終了・評価）: ${deps.config.publicUrl}/appointments/${row.id}`,
        ...SIGNATURE,
      ].join('\n')
      const addresses = await reminderAddresses(tx, row, posting)
      for (const address of addresses) {
        await enqueueMail(tx, { to: address, subject: `任期満了の${due.daysBefore}日前のお知らせ：${title}`.slice(0, 200), text })
      }
      return addresses.length
    })
  }
  if (queued > 0) deps.kickMail?.()
  return queued
}

// ── Evaluations ───────────────────────────────────────────────────────────────────────────────────────────────

/** The term an evaluation made today belongs to: the one running today, else the latest that has begun, else the first. */
function termForToday(terms: readonly Term[], today: IsoDate): Term {
  return terms.find((term) => term.startsOn <= today && today <= lastDayOf(term)) ?? [...terms].reverse().find((term) => term.startsOn <= today) ?? terms[0]!
}

/**
 * A structured review (手順書 §4.4(7)): objectives from the posting's 取組分野 with what was achieved, the
 * municipality's assessment and view on renewal. The person is told by mail and may add their own view.
 */
export async function createEvaluation(deps: ApplicationDeps, actor: Actor, request: RequestInfo, id: string, body: z.output<typeof CreateEvaluationBody>) {
  const now = deps.clock()
  const result = await deps.db.transaction().execute(async (tx) => {
    const { row, viewer } = await visibleAppointment(tx, actor, id, true)
    staffOnly(viewer)
    const posting = await postingFacts(tx, row.posting_id)
    const areas = new Set(posting?.dutyAreas ?? [])
    const seen = new Set<string>()
    const problems = body.objectives.flatMap((objective, index) => {
      const path = `objectives.${index}.area`
      if (!areas.has(objective.area)) return [{ path, message: `目標の取組分野「${dxAreaLabels[objective.area]}」は、この募集の取組分野にありません。` }]
      if (seen.has(objective.area)) return [{ path, message: `目標の取組分野「${dxAreaLabels[objective.area]}」が重複しています。` }]
      seen.add(objective.area)
      return []
    })
    if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems[0]!.message, 400, problems)
    const term = termForToday((await termsRepo.termsOf(tx, row)).map(termOf), todayInJapan(now))
    const { id: evaluationId } = await termsRepo.insertEvaluation(tx, {
      appointment_id: row.id,
      term_seq: term.seq,
      municipality_code: row.municipality_code,
      occasion: body.occasion,
      objectives: JSON.stringify(body.objectives),
      assessment: body.assessment,
      assessment_note: body.assessmentNote,
      renewal: body.renewal,
      created_by: 'userId' in actor ? actor.userId : null,
    })
    await recordAudit(tx, {
      actor,
      action: 'appointment.evaluated',
      targetType: 'appointment',
      targetId: row.id,
      request,
      localGovernmentCode: row.municipality_code,
      details: { evaluationId, termSeq: term.seq, occasion: body.occasion, assessment: body.assessment, renewal: body.renewal },
    })
    const contact = await candidates.candidateContact(tx, row.candidate_id)
    if (contact.contactEmail) {
      await enqueueMail(tx, {
        to: contact.contactEmail,
        subject: `任用の評価が記録されました：${posting?.title ?? '任用'}`.slice(0, 200),
        text: [
          `${contact.fullName ?? ''} 様`,
          '',
          `「${posting?.title ?? '任用'}」の第${term.seq}期の評価が記録されました。ご自身の振り返りを書き添えることができます。`,
          `任用の詳細: ${deps.config.publicUrl}/appointments/${row.id}`,
          ...SIGNATURE,
        ].join('\n'),
      })
    }
    return { detail: await detailOf(tx, row, viewer), mailed: contact.contactEmail !== null }
  })
  if (result.mailed) deps.kickMail?.()
  return result.detail
}

/** The appointed person's own view on one evaluation (written or rewritten by them). */
export async function writeSelfReview(deps: ApplicationDeps, actor: Actor, request: RequestInfo, id: string, evaluationId: string, selfReview: string) {
  const now = deps.clock()
  return deps.db.transaction().execute(async (tx) => {
    const { row, viewer } = await visibleAppointment(tx, actor, id, true)
    if (viewer !== 'candidate') throw appointmentNotFound()
    if (!(await termsRepo.writeSelfReview(tx, row.id, evaluationId, selfReview, now))) throw notFound('指定された評価が見つかりません。')
    await recordAudit(tx, {
      actor,
      action: 'appointment.self_reviewed',
      targetType: 'appointment',
      targetId: row.id,
      request,
      localGovernmentCode: row.municipality_code,
      details: { evaluationId },
    })
    return detailOf(tx, row, viewer)
  })
}

/** The prefecture's view across its municipalities: active appointments, those ending soon, and evaluation outcomes. */
export async function evaluationOutcomes(deps: ApplicationDeps, actor: Actor): Promise<{ items: EvaluationOutcome[] }> {
  if (actor.kind !== 'prefecture') throw new AppError('FORBIDDEN', 'この操作を行う権限がありません。')
  const today = todayInJapan(deps.clock())
  const soon = addDays(today, 90)
  const [active, counts] = await Promise.all([
    repository.findAppointments(deps.db, { prefectureCode: actor.prefectureCode }).then((rows) => rows.filter((row) => row.ends_on >= today)),
    termsRepo.evaluationCounts(deps.db, actor.prefectureCode),
  ])
  const outcomes = new Map<string, EvaluationOutcome>()
  const outcomeOf = (code: string) => {
    let outcome = outcomes.get(code)
    if (!outcome) {
      outcome = {
        municipalityCode: code,
        municipalityName: code,
        activeAppointments: 0,
        endingSoon: 0,
        evaluations: 0,
        assessments: { exceeded: 0, met: 0, partly_met: 0, not_met: 0 },
        renewals: { renew: 0, not_renew: 0, undecided: 0 },
        selfReviews: 0,
      }
      outcomes.set(code, outcome)
    }
    return outcome
  }
  for (const row of active) {
    const outcome = outcomeOf(row.municipality_code)
    outcome.activeAppointments += 1
    if (row.ends_on <= soon) outcome.endingSoon += 1
  }
  for (const count of counts) {
    const outcome = outcomeOf(count.municipality_code)
    const n = Number(count.n)
    outcome.evaluations += n
    outcome.assessments[count.assessment] += n
    outcome.renewals[count.renewal] += n
    outcome.selfReviews += Number(count.reviewed)
  }
  for (const outcome of outcomes.values())
    outcome.municipalityName = (await findLocalGovernment(deps.db, outcome.municipalityCode))?.name ?? outcome.municipalityCode
  return { items: [...outcomes.values()].sort((a, b) => a.municipalityCode.localeCompare(b.municipalityCode)) }
}
