/**
 * Application use cases: apply, withdraw, move through the selection steps, appoint. Every change writes its step,
 * its audit event and the candidate's mail in one transaction.
 */
import {
  type ApplicationDetail,
  type ApplicationStatus,
  type ApplicationSummary,
  type Appointment,
  type AppointmentListItem,
  type ApplyRequest,
  applicationStatusLabels,
  RESUME_MAX_BYTES,
  type StepRequest,
} from '#shared/contracts/applications'
import { type IsoDate, todayInJapan } from '#shared/domain/dates'
import { formatWareki } from '#shared/domain/wareki'
import type { Clock } from '../../clock.ts'
import type { Config } from '../../config.ts'
import type { Db } from '../../db/database.ts'
import type { Actor } from '../../http/actor.ts'
import { AppError, notFound } from '../../http/errors.ts'
import { recordAudit } from '../audit/index.ts'
import * as candidates from '../candidates/index.ts'
import { enqueueMail } from '../mail/index.ts'
import { postingFacts, postingFactsOfMany } from '../postings/index.ts'
import * as repository from './repository.ts'
import { allowedNextStatuses, appointmentIssues, appointmentWorkDays, decideStep, isFinal, isPdf } from './rules.ts'

export interface ApplicationDeps {
  db: Db
  clock: Clock
  config: Pick<Config, 'publicUrl'>
  /** Called after a commit that queued mail, so it goes out now rather than at the next retry tick. */
  kickMail?: () => void
}

type RequestInfo = { ip: string; id: string }

/** The one answer for an application that does not exist or is not the actor's to see (no existence leak). */
export const applicationNotFound = () => notFound('指定された応募が見つかりません。')

// ── Views ─────────────────────────────────────────────────────────────────────────────────────────────────────

function iso(value: Date | string | null): string | null {
  return value === null ? null : new Date(value).toISOString()
}

export function appointmentView(row: repository.AppointmentRow): Appointment {
  const snapshot = (
    typeof row.employment_snapshot === 'string' ? JSON.parse(row.employment_snapshot) : row.employment_snapshot
  ) as Appointment['employmentsAtAppointment']
  return {
    id: row.id,
    applicationId: row.application_id,
    postingId: row.posting_id,
    candidateId: row.candidate_id,
    municipalityCode: row.municipality_code,
    roleId: row.role_id,
    appointmentForm: row.appointment_form,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    advisesOnProcurement: row.advises_on_procurement,
    draftsSpecifications: row.drafts_specifications,
    workDays: row.work_days === null ? null : Number(row.work_days),
    workDaysPer: row.work_days_per,
    employmentsAtAppointment: snapshot,
    createdAt: new Date(row.created_at).toISOString(),
  }
}

async function summaries(db: Db, rows: repository.ApplicationSummaryRow[], withNames: boolean): Promise<ApplicationSummary[]> {
  const postings = await postingFactsOfMany(
    db,
    rows.map((row) => row.posting_id),
  )
  const names = new Map<string, string | null>()
  if (withNames) {
    for (const candidateId of new Set(rows.map((row) => row.candidate_id))) {
      names.set(candidateId, (await candidates.candidateContact(db, candidateId)).fullName)
    }
  }
  return rows.map((row) => ({
    id: row.id,
    postingId: row.posting_id,
    postingTitle: postings.get(row.posting_id)?.title ?? null,
    municipalityCode: row.municipality_code,
    candidateId: row.candidate_id,
    candidateName: names.get(row.candidate_id) ?? null,
    status: row.status,
    interviewAt: iso(row.interview_at),
    hasResume: row.resume_size !== null,
    submittedAt: new Date(row.submitted_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  }))
}

async function detail(db: Db, row: repository.ApplicationSummaryRow, viewer: 'candidate' | 'staff'): Promise<ApplicationDetail> {
  const [summary] = await summaries(db, [row], viewer === 'staff')
  const steps = await repository.stepsOf(db, row.id)
  const appointment = await repository.appointmentOfApplication(db, row.id)
  return {
    ...summary!,
    motivation: row.anonymised_at ? null : row.motivation,
    resumeFileName: row.resume_file_name,
    resumeSize: row.resume_size,
    steps: steps.map((step) => ({
      fromStatus: step.from_status as ApplicationStatus | null,
      toStatus: step.to_status as ApplicationStatus,
      // Staff notes are internal to the municipality.
      note: viewer === 'staff' ? step.note : '',
      interviewAt: iso(step.interview_at),
      actorKind: step.actor_kind,
      createdAt: new Date(step.created_at).toISOString(),
    })),
    appointment: appointment ? appointmentView(appointment) : null,
    allowedNext: allowedNextStatuses(row.status, viewer),
  }
}

// ── Access ────────────────────────────────────────────────────────────────────────────────────────────────────

/** The application if the actor may see it: its applicant, or staff of the municipality that posted it. */
async function visibleApplication(db: Db, actor: Actor, id: string, forUpdate = false) {
  const row = await repository.findApplication(db, id, { forUpdate })
  if (!row) throw applicationNotFound()
  if (actor.kind === 'municipality' && row.municipality_code === actor.localGovernmentCode) return { row, viewer: 'staff' as const }
  if (actor.kind === 'candidate') {
    const contact = await candidates.candidateContact(db, row.candidate_id)
    if (contact.accountId === actor.userId) return { row, viewer: 'candidate' as const }
  }
  throw applicationNotFound()
}

// ── Mail ──────────────────────────────────────────────────────────────────────────────────────────────────────

async function mailCandidate(db: Db, deps: ApplicationDeps, candidateId: string, subject: string, lines: string[]): Promise<boolean> {
  const contact = await candidates.candidateContact(db, candidateId)
  if (!contact.contactEmail) return false
  const greeting = contact.fullName ? `${contact.fullName} 様` : 'ご担当者様'
  await enqueueMail(db, {
    to: contact.contactEmail,
    subject,
    text: [greeting, '', ...lines, '', `応募の状況: ${deps.config.publicUrl}/applications`, '', '自治体DX 外部デジタル人材 募集・マッチング'].join('\n'),
  })
  return true
}

// ── Use cases ─────────────────────────────────────────────────────────────────────────────────────────────────

function decodeResume(resume: NonNullable<ApplyRequest['resume']>): Uint8Array {
  const bytes = Buffer.from(resume.contentBase64, 'base64')
  if (bytes.length === 0 || bytes.length > RESUME_MAX_BYTES) {
    throw new AppError('INVALID_FILE', '履歴書のファイルは5MB以内の PDF にしてください。', 400, [
      { path: 'resume.contentBase64', message: '履歴書のファイルは5MB以内にしてください。' },
    ])
  }
  if (!isPdf(bytes)) {
    throw new AppError('INVALID_FILE', '履歴書は PDF ファイルにしてください。', 400, [
      { path: 'resume.contentBase64', message: 'PDF ファイルではありません。' },
    ])
  }
  return new Uint8Array(bytes)
}

export async function apply(deps: ApplicationDeps, actor: Actor, request: RequestInfo, postingId: string, body: ApplyRequest): Promise<ApplicationDetail> {
  if (actor.kind !== 'candidate') throw new AppError('FORBIDDEN', '応募は外部デジタル人材のアカウントで行います。')
  const now = deps.clock()
  const today = todayInJapan(now)
  const resume = body.resume ? decodeResume(body.resume) : null
  const result = await deps.db.transaction().execute(async (tx) => {
    const posting = await postingFacts(tx, postingId)
    // Drafts and postings under review stay hidden; a closed one says so.
    if (!posting || (posting.state !== 'published' && posting.state !== 'closed')) throw notFound('指定された募集が見つかりません。')
    if (posting.state !== 'published' || (posting.applicationEndsOn !== null && posting.applicationEndsOn < today)) {
      throw new AppError('POSTING_NOT_OPEN', 'この募集は応募を締め切りました。', 409)
    }
    // The 募集期間 of the 標準募集様式 (手順書 §4.4(6)) opens on its start date, as it closes on its deadline.
    if (posting.applicationStartsOn !== null && today < posting.applicationStartsOn) {
      throw new AppError('POSTING_NOT_OPEN', `この募集の受付は${formatWareki(posting.applicationStartsOn)}からです。`, 409)
    }
    const candidateId = await candidates.candidateIdForAccount(tx, actor.userId)
    const contact = await candidates.candidateContact(tx, candidateId)
    const missing = [
      ...(contact.fullName ? [] : [{ path: 'profile.fullName', message: 'プロフィールに氏名を入力してください。' }]),
      ...(contact.contactEmail ? [] : [{ path: 'profile.contactEmail', message: 'プロフィールに連絡先メールアドレスを入力してください。' }]),
    ]
    if (missing.length > 0) throw new AppError('PROFILE_INCOMPLETE', '応募の前に、プロフィールの氏名と連絡先を入力してください。', 422, missing)
    const row = await repository.insertApplication(tx, {
      posting_id: posting.id,
      candidate_id: candidateId,
      municipality_code: posting.municipalityCode,
      motivation: body.motivation,
      resume,
      resume_file_name: body.resume ? body.resume.fileName : null,
      resume_size: resume ? resume.length : null,
    })
    if (!row) throw new AppError('ALREADY_APPLIED', 'この募集にはすでに応募しています。', 409)
    await repository.insertStep(tx, {
      application_id: row.id,
      from_status: null,
      to_status: 'received',
      note: '',
      interview_at: null,
      actor_user_id: actor.userId,
      actor_kind: actor.kind,
      created_at: now,
    })
    await recordAudit(tx, {
      actor,
      action: 'application.submitted',
      targetType: 'application',
      targetId: row.id,
      request,
      localGovernmentCode: posting.municipalityCode,
      details: { postingId: posting.id, hasResume: resume !== null },
    })
    const mailed = await mailCandidate(tx, deps, candidateId, `応募を受け付けました：${posting.title ?? '募集'}`, [
      `「${posting.title ?? '募集'}」への応募を受け付けました。`,
      '選考の状況は、このサービスの「応募の状況」でご確認いただけます。',
    ])
    return { detail: await detail(tx, row, 'candidate'), mailed }
  })
  if (result.mailed) deps.kickMail?.()
  return result.detail
}

export async function withdraw(deps: ApplicationDeps, actor: Actor, request: RequestInfo, id: string): Promise<ApplicationDetail> {
  const now = deps.clock()
  return deps.db.transaction().execute(async (tx) => {
    const { row, viewer } = await visibleApplication(tx, actor, id, true)
    if (viewer !== 'candidate') throw applicationNotFound()
    const decision = decideStep(row.status, 'withdrawn', 'candidate')
    if (!decision.allowed) throw new AppError('APPLICATION_TRANSITION_NOT_ALLOWED', decision.reason, 409)
    await repository.updateApplication(tx, row.id, { status: 'withdrawn' }, now)
    await repository.insertStep(tx, {
      application_id: row.id,
      from_status: row.status,
      to_status: 'withdrawn',
      note: '',
      interview_at: null,
      actor_user_id: 'userId' in actor ? actor.userId : null,
      actor_kind: actor.kind,
      created_at: now,
    })
    await recordAudit(tx, {
      actor,
      action: 'application.withdrawn',
      targetType: 'application',
      targetId: row.id,
      request,
      localGovernmentCode: row.municipality_code,
      details: { from: row.status },
    })
    return detail(tx, (await repository.findApplication(tx, row.id))!, 'candidate')
  })
}

export async function move(deps: ApplicationDeps, actor: Actor, request: RequestInfo, id: string, body: StepRequest): Promise<ApplicationDetail> {
  if (actor.kind !== 'municipality') throw new AppError('FORBIDDEN', '選考は募集した市区町村の担当者が行います。')
  const now = deps.clock()
  const result = await deps.db.transaction().execute(async (tx) => {
    const { row, viewer } = await visibleApplication(tx, actor, id, true)
    if (viewer !== 'staff') throw applicationNotFound()
    const posting = await postingFacts(tx, row.posting_id)
    const decision = decideStep(row.status, body.to, 'staff')
    if (!decision.allowed) throw new AppError('APPLICATION_TRANSITION_NOT_ALLOWED', decision.reason, 409)
    if (body.to === 'interview' && body.interviewAt === null) {
      throw new AppError('VALIDATION_FAILED', '面接の日時を入力してください。', 400, [{ path: 'interviewAt', message: '面接の日時を入力してください。' }])
    }
    let appointment: repository.AppointmentRow | null = null
    if (body.to === 'appointed') {
      if (!body.appointment) {
        throw new AppError('VALIDATION_FAILED', '任用の内容を入力してください。', 400, [
          { path: 'appointment', message: '任用形態・任期・職務の内容を入力してください。' },
        ])
      }
      const workDays = appointmentWorkDays(body.appointment, posting)
      const issues = appointmentIssues(body.appointment, workDays)
      if (issues.length > 0) throw new AppError('VALIDATION_FAILED', issues[0]!.message, 400, issues)
      const employments = await candidates.employmentHistory(tx, row.candidate_id)
      appointment = await repository.insertAppointment(tx, {
        application_id: row.id,
        posting_id: row.posting_id,
        candidate_id: row.candidate_id,
        municipality_code: row.municipality_code,
        role_id: body.appointment.roleId,
        appointment_form: body.appointment.appointmentForm,
        starts_on: body.appointment.startsOn,
        ends_on: body.appointment.endsOn,
        advises_on_procurement: body.appointment.advisesOnProcurement,
        drafts_specifications: body.appointment.draftsSpecifications,
        work_days: workDays?.days ?? null,
        work_days_per: workDays?.per ?? null,
        employment_snapshot: JSON.stringify(employments.filter((entry) => entry.startsOn <= body.appointment!.startsOn)),
        created_by: actor.userId,
      })
    }
    await repository.updateApplication(tx, row.id, { status: body.to, ...(body.interviewAt !== null ? { interview_at: new Date(body.interviewAt) } : {}) }, now)
    await repository.insertStep(tx, {
      application_id: row.id,
      from_status: row.status,
      to_status: body.to,
      note: body.note,
      interview_at: body.interviewAt === null ? null : new Date(body.interviewAt),
      actor_user_id: actor.userId,
      actor_kind: actor.kind,
      created_at: now,
    })
    await recordAudit(tx, {
      actor,
      action: body.to === 'appointed' ? 'application.appointed' : 'application.moved',
      targetType: 'application',
      targetId: row.id,
      request,
      details: { from: row.status, to: body.to, ...(appointment ? { appointmentId: appointment.id } : {}) },
    })
    const title = posting?.title ?? '募集'
    const lines = [`「${title}」への応募の状況が「${applicationStatusLabels[body.to]}」になりました。`]
    if (body.to === 'interview' && body.interviewAt) {
      const at = new Date(new Date(body.interviewAt).getTime() + 9 * 3600_000).toISOString()
      lines.push(`面接日時: ${formatWareki(at.slice(0, 10))} ${at.slice(11, 16)}（日本時間）`)
    }
    if (appointment) lines.push(`任期: ${formatWareki(appointment.starts_on)}〜${formatWareki(appointment.ends_on)}`)
    if (appointment?.work_days_per && appointment.work_days !== null) {
      lines.push(`勤務日数: ${appointment.work_days_per === 'week' ? '週' : '月'}${Number(appointment.work_days)}日`)
    }
    const mailed = await mailCandidate(tx, deps, row.candidate_id, `応募の状況が更新されました：${title}`, lines)
    return { detail: await detail(tx, (await repository.findApplication(tx, row.id))!, 'staff'), mailed }
  })
  if (result.mailed) deps.kickMail?.()
  return result.detail
}

export async function getApplication(deps: ApplicationDeps, actor: Actor, id: string): Promise<ApplicationDetail> {
  const { row, viewer } = await visibleApplication(deps.db, actor, id)
  return detail(deps.db, row, viewer)
}

export async function getResume(deps: ApplicationDeps, actor: Actor, id: string) {
  await visibleApplication(deps.db, actor, id)
  const resume = await repository.findResume(deps.db, id)
  if (!resume?.resume) throw notFound('この応募には履歴書が添付されていません。')
  return { fileName: resume.resume_file_name ?? 'resume.pdf', contentBase64: Buffer.from(resume.resume).toString('base64'), size: resume.resume_size ?? 0 }
}

export async function listOwn(deps: ApplicationDeps, actor: Actor) {
  if (actor.kind !== 'candidate') throw new AppError('FORBIDDEN', 'この操作を行う権限がありません。')
  const candidateId = await candidates.candidateIdForAccount(deps.db, actor.userId)
  const items = await summaries(deps.db, await repository.applicationsOfCandidate(deps.db, candidateId), false)
  return { items, total: items.length }
}

export async function listForMunicipality(
  deps: ApplicationDeps,
  actor: Actor,
  query: { postingId?: string | undefined; status?: ApplicationStatus | undefined; limit: number; offset: number },
) {
  if (actor.kind !== 'municipality') throw new AppError('FORBIDDEN', 'この操作を行う権限がありません。')
  const { rows, total } = await repository.applicationsOfMunicipality(deps.db, { municipalityCode: actor.localGovernmentCode, ...query })
  return { items: await summaries(deps.db, rows, true), total, limit: query.limit, offset: query.offset }
}

export async function listAppointments(
  deps: ApplicationDeps,
  actor: Actor,
  query: { activeOn?: string | undefined },
): Promise<{ items: AppointmentListItem[] }> {
  switch (actor.kind) {
    case 'candidate': {
      const candidateId = await candidates.candidateIdForAccount(deps.db, actor.userId)
      return { items: await listed(deps.db, await appointmentsFor(deps.db, { candidateId, ...query }), true) }
    }
    case 'municipality':
      // the municipality appointed them from its own applicants, who shared their name by applying
      return { items: await listed(deps.db, await appointmentsFor(deps.db, { municipalityCode: actor.localGovernmentCode, ...query }), true) }
    case 'prefecture':
      return {
        items: await listed(
          deps.db,
          (await repository.findAppointments(deps.db, { prefectureCode: actor.prefectureCode, ...query })).map(appointmentView),
          false,
        ),
      }
    case 'national':
      return { items: await listed(deps.db, await appointmentsFor(deps.db, query), false) }
    default:
      throw new AppError('UNAUTHENTICATED', 'ログインしてください。')
  }
}

async function listed(db: Db, appointments: Appointment[], withNames: boolean): Promise<AppointmentListItem[]> {
  const postings = await postingFactsOfMany(
    db,
    appointments.map((item) => item.postingId),
  )
  const names = new Map<string, string | null>()
  if (withNames) {
    for (const candidateId of new Set(appointments.map((item) => item.candidateId))) {
      names.set(candidateId, (await candidates.candidateContact(db, candidateId)).fullName)
    }
  }
  return appointments.map((item) => ({
    ...item,
    candidateName: names.get(item.candidateId) ?? null,
    postingTitle: postings.get(item.postingId)?.title ?? null,
  }))
}

// ── For other modules ─────────────────────────────────────────────────────────────────────────────────────────

/**
 * Appointments (任用) by person, municipality and/or a day within the term (inclusive), each with the person's
 * employment history as it stood at the start of the term. For the 入札制限 and sharing modules.
 */
export async function appointmentsFor(
  tx: Db,
  filter: { candidateId?: string | undefined; municipalityCode?: string | undefined; activeOn?: IsoDate | undefined },
): Promise<Appointment[]> {
  return (await repository.findAppointments(tx, filter)).map(appointmentView)
}

/** Who an application is between, for modules that add to it (messages, interviews); undefined when it does not exist. */
export async function applicationParties(
  tx: Db,
  id: string,
): Promise<
  { id: string; municipalityCode: string; candidateId: string; postingId: string; postingTitle: string | null; status: ApplicationStatus } | undefined
> {
  const row = await repository.findApplication(tx, id)
  if (!row) return undefined
  const posting = await postingFacts(tx, row.posting_id)
  return {
    id: row.id,
    municipalityCode: row.municipality_code,
    candidateId: row.candidate_id,
    postingId: row.posting_id,
    postingTitle: posting?.title ?? null,
    status: row.status,
  }
}

/**
 * An interview slot was fixed (or moved): the application shows its date and, where the selection allows it,
 * moves to 面接 with a step, so the board and the applicant's list say so. A final application is left alone.
 */
export async function recordInterviewScheduled(tx: Db, input: { applicationId: string; at: Date; actor: Actor; now: Date }): Promise<void> {
  const row = await repository.findApplication(tx, input.applicationId, { forUpdate: true })
  if (!row || isFinal(row.status)) return
  const moves = row.status !== 'interview' && decideStep(row.status, 'interview', 'staff').allowed
  await repository.updateApplication(tx, row.id, { interview_at: input.at, ...(moves ? { status: 'interview' as const } : {}) }, input.now)
  if (!moves && row.status !== 'interview') return
  await repository.insertStep(tx, {
    application_id: row.id,
    from_status: row.status,
    to_status: 'interview',
    note: '',
    interview_at: input.at,
    actor_user_id: 'userId' in input.actor ? input.actor.userId : null,
    actor_kind: input.actor.kind,
    created_at: input.now,
  })
}

/** Municipalities whose postings the candidate applied to (they may see the whole profile). */
export function appliedMunicipalityCodes(tx: Db, candidateId: string): Promise<string[]> {
  return repository.appliedMunicipalityCodes(tx, candidateId)
}

/** Candidates who applied to the posting and have not withdrawn (matching may score them without pool consent). */
export function applicantIds(tx: Db, postingId: string): Promise<string[]> {
  return repository.applicantIdsOf(tx, postingId)
}

/** The candidate's applications and appointments for the data export. */
export async function dataOfCandidate(tx: Db, candidateId: string) {
  const rows = await repository.applicationsOfCandidate(tx, candidateId)
  const applications = []
  for (const row of rows) applications.push(await detail(tx, row, 'candidate'))
  return { applications, appointments: await appointmentsFor(tx, { candidateId }) }
}

/** On account deletion: drop the motivation and résumé, keep the steps and appointments (anonymised via the candidate). */
export function anonymiseCandidateApplications(tx: Db, candidateId: string, now: Date): Promise<void> {
  return repository.anonymiseApplications(tx, candidateId, now)
}
