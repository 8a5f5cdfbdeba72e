/**
 * Candidate use cases: each write opens one transaction, validates the whole section against the rules, replaces
 * it, recomputes the scoring row and writes the audit event, so a refused request leaves nothing behind.
 */
import type {
  CandidateLevels,
  ConsentUpdate,
  ContactRequest,
  Employment,
  EmploymentUpdate,
  ListingCandidate,
  ListingUpdate,
  OwnCandidateProfile,
  PoolField,
  ProfileUpdate,
  SkillsUpdate,
  StaffCandidateView,
} from '#shared/contracts/candidates'
import { isValidLocalGovernmentCode } from '#shared/domain/codes'
import { type IsoDate, todayInJapan } from '#shared/domain/dates'
import {
  deriveLevels,
  type FactIssue,
  formatSitting,
  heldCertificationIds,
  unregisteredQualificationIds,
  type LevelFacts,
  validateLevelFacts,
} from '#shared/domain/levels'
import type { MinistryListing } from '#shared/domain/ministry-list/index'
import { findCertification, findExam, type RoleId, skillStandardCatalog } from '#shared/domain/skill-standard/index'
import type { AppointmentForm } from '#shared/domain/postings/form'
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/database.ts'
import type { Actor } from '../../http/actor.ts'
import { AppError, notFound } from '../../http/errors.ts'
import { deleteAccount } from '../accounts/index.ts'
import { recordAudit } from '../audit/index.ts'
import { findLocalGovernment } from '../local-governments/index.ts'
import * as repository from './repository.ts'
import { diffEmployments, employmentIssues, type Viewer, visibilityFor } from './rules.ts'
import { buildScoringProfile, type ScoringProfile } from './scoring.ts'

export interface CandidateDeps {
  db: Db
  clock: Clock
  related: CandidateRelations
}

/**
 * What other modules hold about a person, given by app.ts: applications, messages and sharing build on candidates, so
 * candidates reaches them only through these functions and never imports them.
 */
export interface CandidateRelations {
  /** Municipalities the person applied to (they may see the profile). */
  appliedMunicipalityCodes(db: Db, candidateId: string): Promise<string[]>
  /** The person's applications and appointments, for the export of their own data. */
  dataOfCandidate(db: Db, candidateId: string): Promise<{ applications: Record<string, unknown>[]; appointments: Record<string, unknown>[] }>
  /** In the deletion's transaction: the person's applications and appointments stay, anonymised. */
  anonymiseCandidateApplications(tx: Db, candidateId: string, now: Date): Promise<void>
  /** The person's message threads, for the export of their own data. */
  messagesOfCandidate(db: Db, candidateId: string): Promise<Record<string, unknown>[]>
  /** In the deletion's transaction: the person's messages stay, anonymised. */
  anonymiseCandidateMessages(tx: Db, candidateId: string, now: Date): Promise<void>
  /** In the deletion's transaction: every talent-pool listing of the account is withdrawn. */
  withdrawAccountFromSharing(tx: Db, accountId: string, now: Date): Promise<void>
  /** The account's saved searches, for the export of their own data. */
  savedSearchesOfAccount(db: Db, accountId: string): Promise<Record<string, unknown>[]>
  /** In the deletion's transaction: the account's saved searches are removed (no more mail). */
  deleteSavedSearchesOfAccount(tx: Db, accountId: string): Promise<void>
}

type RequestInfo = { ip: string; id: string }

function invalid(issues: FactIssue[]): AppError {
  return new AppError('VALIDATION_FAILED', '入力内容に誤りがあります。各項目のメッセージを確認してください。', 400, issues)
}

function candidateAccountId(actor: Actor): string {
  if (actor.kind !== 'candidate') throw new AppError('FORBIDDEN', 'この操作を行う権限がありません。')
  return actor.userId
}

// ── Mapping rows to facts and views ───────────────────────────────────────────────────────────────────────────

function levelFactsOf(parts: repository.CandidateParts): LevelFacts {
  return {
    exams: parts.exams.map((row) => ({
      examId: row.exam_id,
      fiscalYear: row.fiscal_year,
      season: row.season,
      passedOn: row.passed_on,
      registration: row.registration_number === null ? null : { number: row.registration_number, isCurrent: row.registration_is_current === true },
    })),
    experiences: parts.experiences.map((row) => ({ id: row.id, startsOn: row.starts_on, endsOn: row.ends_on, jobTypeIds: row.job_type_ids })),
    claims: parts.claims.map((row) => ({
      id: row.id,
      jobTypeId: row.job_type_id,
      level: row.level,
      experienceEntryIds: row.experience_entry_ids,
      verification: verificationOf(row),
    })),
  }
}

function verificationOf(row: repository.LevelClaimRow) {
  if (row.verified_by === null || row.verified_at === null) return null
  return {
    verifiedByUserId: row.verified_by,
    verifiedByName: row.verified_by_name ?? '',
    localGovernmentCode: row.verified_by_organisation_code ?? '',
    organisationName: row.verified_by_organisation_name ?? '',
    verifiedAt: new Date(row.verified_at).toISOString(),
  }
}

function levelsView(candidateId: string, parts: repository.CandidateParts, today: IsoDate): CandidateLevels {
  const facts = levelFactsOf(parts)
  const derivation = deriveLevels(facts, today)
  return {
    candidateId,
    commonLevel: derivation.commonLevel,
    levels: derivation.levels,
    notes: derivation.notes,
    heldCertificationIds: heldCertificationIds({
      exams: facts.exams,
      otherCertificationIds: parts.otherCertifications.flatMap((row) => (row.certification_id ? [row.certification_id] : [])),
    }),
    experienceYearsForLevel4: skillStandardCatalog.levelPolicy.experienceYearsForLevel4,
  }
}

function examsView(parts: repository.CandidateParts) {
  return parts.exams.map((row) => ({
    examId: row.exam_id,
    examName: findExam(row.exam_id)?.name ?? row.exam_id,
    fiscalYear: row.fiscal_year,
    season: row.season,
    sittingLabel: formatSitting(row.fiscal_year, row.season),
    passedOn: row.passed_on,
    registration: row.registration_number === null ? null : { number: row.registration_number, isCurrent: row.registration_is_current === true },
  }))
}

function otherCertificationsView(parts: repository.CandidateParts) {
  return parts.otherCertifications.map((row) => ({
    certificationId: row.certification_id,
    name: row.name ?? (row.certification_id ? (findCertification(row.certification_id)?.name ?? null) : null),
    acquiredYear: row.acquired_year,
  }))
}

function experiencesView(parts: repository.CandidateParts) {
  return parts.experiences.map((row) => ({
    id: row.id,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    organisation: row.organisation,
    title: row.title,
    kind: row.kind as SkillsUpdate['experiences'][number]['kind'],
    teamSize: row.team_size,
    outcomes: row.outcomes,
    jobTypeIds: row.job_type_ids,
  }))
}

function claimsView(parts: repository.CandidateParts) {
  return parts.claims.map((row) => ({
    id: row.id,
    jobTypeId: row.job_type_id,
    level: row.level,
    experienceEntryIds: row.experience_entry_ids,
    description: row.description,
    verification: verificationOf(row),
  }))
}

async function employmentsView(db: Db, rows: repository.EmploymentRow[], today: IsoDate): Promise<Employment[]> {
  const names = await repository.companyNames(db, [...new Set(rows.map((row) => row.corporate_number))])
  return rows.map((row) => ({
    id: row.id,
    corporateNumber: row.corporate_number,
    companyName: names.get(row.corporate_number) ?? '',
    relationship: row.relationship,
    title: row.title,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    isCurrent: row.ends_on === null || row.ends_on >= today,
  }))
}

function profileFields(row: repository.CandidateRow) {
  return {
    fullName: row.full_name,
    fullNameKana: row.full_name_kana,
    contactEmail: row.contact_email,
    phone: row.phone,
    prefectureCode: row.prefecture_code,
    headline: row.headline,
    desiredRoles: row.desired_roles as RoleId[],
    desiredAppointmentForms: row.desired_appointment_forms as AppointmentForm[],
    availability: {
      days: row.available_days === null ? null : Number(row.available_days),
      per: row.available_days_per,
      earliestStart: row.earliest_start,
      remote: row.remote,
      sideJob: row.side_job,
    },
    regions: row.regions,
  }
}

function listingOf(row: repository.ListingRow | null): MinistryListing | null {
  return row === null ? null : { roles: row.roles as RoleId[], trainingCompleted: row.training_completed, fiscalYear: Number(row.fiscal_year) }
}

async function ownView(db: Db, row: repository.CandidateRow, parts: repository.CandidateParts, today: IsoDate): Promise<OwnCandidateProfile> {
  return {
    id: row.id,
    ...profileFields(row),
    exams: examsView(parts),
    otherCertifications: otherCertificationsView(parts),
    experiences: experiencesView(parts),
    claims: claimsView(parts),
    employments: await employmentsView(db, parts.employments, today),
    consent: parts.consent.map((entry) => ({ pool: entry.pool, fields: entry.fields as PoolField[] })),
    levels: levelsView(row.id, parts, today),
    ministryListing: listingOf(parts.listing),
    updatedAt: new Date(row.updated_at).toISOString(),
  }
}

/** Recomputes the candidate's scoring row in the caller's transaction. */
async function refreshScoring(db: Db, candidateId: string, today: IsoDate): Promise<{ row: repository.CandidateRow; parts: repository.CandidateParts }> {
  const row = await db.selectFrom('candidate').selectAll().where('id', '=', candidateId).executeTakeFirstOrThrow()
  const parts = await repository.loadParts(db, candidateId)
  const levels = levelsView(candidateId, parts, today)
  const profile = buildScoringProfile({
    candidateId,
    derivation: { commonLevel: levels.commonLevel, levels: levels.levels, notes: levels.notes },
    certificationIds: levels.heldCertificationIds,
    unregisteredQualificationIds: unregisteredQualificationIds(levelFactsOf(parts).exams),
    experiences: parts.experiences.map((entry) => ({ kind: entry.kind, startsOn: entry.starts_on, endsOn: entry.ends_on })),
    availability: profileFields(row).availability,
    prefectureCode: row.prefecture_code,
    regions: row.regions,
    desiredRoles: row.desired_roles as RoleId[],
    pools: parts.consent.map((entry) => entry.pool),
    ministryListing: listingOf(parts.listing),
    today,
  })
  await repository.writeScoringProfile(db, profile)
  return { row, parts }
}

// ── Own profile ───────────────────────────────────────────────────────────────────────────────────────────────

export async function getOwnProfile(deps: CandidateDeps, actor: Actor): Promise<OwnCandidateProfile> {
  const accountId = candidateAccountId(actor)
  const today = todayInJapan(deps.clock())
  return deps.db.transaction().execute(async (tx) => {
    const existing = await repository.findCandidateByAccount(tx, accountId)
    const row = existing ?? (await repository.ensureCandidateForAccount(tx, accountId))
    if (!existing) await refreshScoring(tx, row.id, today)
    return ownView(tx, row, await repository.loadParts(tx, row.id), today)
  })
}

/** Runs one edit of the signed-in candidate's own profile: lock, change, rescore, audit, answer. */
async function editOwn(
  deps: CandidateDeps,
  actor: Actor,
  request: RequestInfo,
  action: string,
  change: (tx: Db, candidate: repository.CandidateRow, today: IsoDate) => Promise<Record<string, unknown> | null>,
): Promise<OwnCandidateProfile> {
  const accountId = candidateAccountId(actor)
  const now = deps.clock()
  const today = todayInJapan(now)
  return deps.db.transaction().execute(async (tx) => {
    const candidate = await repository.ensureCandidateForAccount(tx, accountId)
    await repository.lockCandidate(tx, candidate.id)
    const details = await change(tx, candidate, today)
    await repository.updateCandidate(tx, candidate.id, {})
    const { row, parts } = await refreshScoring(tx, candidate.id, today)
    if (details !== null) {
      await recordAudit(tx, { actor, action, targetType: 'candidate', targetId: candidate.id, request, details })
    }
    return ownView(tx, row, parts, today)
  })
}

export function updateProfile(deps: CandidateDeps, actor: Actor, request: RequestInfo, body: ProfileUpdate) {
  return editOwn(deps, actor, request, 'candidate.profile_updated', async (tx, candidate) => {
    await repository.updateCandidate(tx, candidate.id, {
      full_name: body.fullName,
      full_name_kana: body.fullNameKana,
      contact_email: body.contactEmail,
      phone: body.phone,
      prefecture_code: body.prefectureCode,
      headline: body.headline,
      desired_roles: body.desiredRoles,
      desired_appointment_forms: body.desiredAppointmentForms,
      available_days: body.availability.days,
      available_days_per: body.availability.per,
      earliest_start: body.availability.earliestStart,
      remote: body.availability.remote,
      side_job: body.availability.sideJob,
      regions: body.regions,
    })
    // Contact data stays out of the log; the fields that changed are enough.
    return { fields: Object.keys(body).filter((key) => key !== 'fullName' && key !== 'contactEmail' && key !== 'phone') }
  })
}

export function updateSkills(deps: CandidateDeps, actor: Actor, request: RequestInfo, body: SkillsUpdate) {
  return editOwn(deps, actor, request, 'candidate.skills_updated', async (tx, candidate, today) => {
    const issues = validateLevelFacts(
      { exams: body.exams, experiences: body.experiences, claims: body.claims.map((claim) => ({ ...claim, verification: null })) },
      today,
    )
    body.otherCertifications.forEach((entry, index) => {
      if (entry.certificationId !== null && !findCertification(entry.certificationId)) {
        issues.push({
          path: `otherCertifications.${index}.certificationId`,
          message: `資格「${entry.certificationId}」は一覧にありません。一覧にない資格は資格名を入力してください。`,
        })
      }
    })
    const ids = [...body.experiences.map((entry) => entry.id), ...body.claims.map((claim) => claim.id)]
    const seen = new Set<string>()
    ids.forEach((id) => {
      if (seen.has(id)) issues.push({ path: 'experiences', message: `ID ${id} が重複しています。` })
      seen.add(id)
    })
    const foreign = await repository.foreignExperienceIds(tx, candidate.id, ids)
    if (foreign.length > 0) issues.push({ path: 'experiences', message: 'このIDは使えません。新しいIDを指定してください。' })
    if (issues.length > 0) throw invalid(issues)

    // A verification survives an edit only while the claim says the same thing (same id, job type and level).
    const previous = new Map((await repository.loadParts(tx, candidate.id)).claims.map((claim) => [claim.id, claim]))
    await repository.replaceSkills(tx, candidate.id, {
      exams: body.exams.map((pass, position) => ({
        id: crypto.randomUUID(),
        candidate_id: candidate.id,
        position,
        exam_id: pass.examId,
        fiscal_year: pass.fiscalYear,
        season: pass.season,
        passed_on: pass.passedOn,
        registration_number: pass.registration?.number ?? null,
        registration_is_current: pass.registration ? pass.registration.isCurrent : null,
      })),
      otherCertifications: body.otherCertifications.map((entry, position) => ({
        id: crypto.randomUUID(),
        candidate_id: candidate.id,
        position,
        certification_id: entry.certificationId,
        name: entry.name,
        acquired_year: entry.acquiredYear,
      })),
      experiences: body.experiences.map((entry, position) => ({
        id: entry.id,
        candidate_id: candidate.id,
        position,
        starts_on: entry.startsOn,
        ends_on: entry.endsOn,
        organisation: entry.organisation,
        title: entry.title,
        kind: entry.kind,
        team_size: entry.teamSize,
        outcomes: entry.outcomes,
        job_type_ids: entry.jobTypeIds,
      })),
      claims: body.claims.map((claim, position) => {
        const before = previous.get(claim.id)
        const keeps = before !== undefined && before.job_type_id === claim.jobTypeId && before.level === claim.level
        return {
          id: claim.id,
          candidate_id: candidate.id,
          position,
          job_type_id: claim.jobTypeId,
          level: claim.level,
          experience_entry_ids: claim.experienceEntryIds,
          description: claim.description,
          verified_by: keeps ? before.verified_by : null,
          verified_by_name: keeps ? before.verified_by_name : null,
          verified_by_organisation_code: keeps ? before.verified_by_organisation_code : null,
          verified_by_organisation_name: keeps ? before.verified_by_organisation_name : null,
          verified_at: keeps ? before.verified_at : null,
        }
      }),
    })
    return {
      exams: body.exams.map((pass) => pass.examId),
      otherCertifications: body.otherCertifications.length,
      experiences: body.experiences.length,
      claims: body.claims.map((claim) => ({ jobTypeId: claim.jobTypeId, level: claim.level })),
    }
  })
}

export function updateEmployments(deps: CandidateDeps, actor: Actor, request: RequestInfo, body: EmploymentUpdate) {
  return editOwn(deps, actor, request, 'candidate.employment_changed', async (tx, candidate, today) => {
    const issues = employmentIssues(body.entries, today)
    const numbers = [...new Set(body.entries.map((entry) => entry.corporateNumber))]
    const known = await repository.companyNames(tx, numbers)
    body.entries.forEach((entry, index) => {
      if (!known.has(entry.corporateNumber) && entry.companyName === null) {
        issues.push({ path: `entries.${index}.companyName`, message: 'この法人番号は未登録です。法人名を入力してください。' })
      }
    })
    if (issues.length > 0) throw invalid(issues)
    const unknown = new Map<string, string>()
    for (const entry of body.entries) {
      if (!known.has(entry.corporateNumber) && entry.companyName !== null) unknown.set(entry.corporateNumber, entry.companyName)
    }
    await repository.ensureCompanies(
      tx,
      [...unknown].map(([corporateNumber, name]) => ({ corporateNumber, name })),
    )

    const before = (await repository.loadEmployments(tx, candidate.id)).map(toEmploymentFact)
    const after = body.entries.map((entry) => ({
      corporateNumber: entry.corporateNumber,
      relationship: entry.relationship,
      startsOn: entry.startsOn,
      endsOn: entry.endsOn,
      title: entry.title,
    }))
    await repository.replaceEmployments(
      tx,
      candidate.id,
      after.map((entry) => ({
        corporate_number: entry.corporateNumber,
        relationship: entry.relationship,
        title: entry.title,
        starts_on: entry.startsOn,
        ends_on: entry.endsOn,
      })),
    )
    const diff = diffEmployments(before, after)
    if (diff.added.length === 0 && diff.removed.length === 0) return null
    return { added: diff.added, removed: diff.removed, createdCompanies: [...unknown.keys()] }
  })
}

function toEmploymentFact(row: repository.EmploymentRow) {
  return { corporateNumber: row.corporate_number, relationship: row.relationship, startsOn: row.starts_on, endsOn: row.ends_on, title: row.title }
}

export function updateConsent(deps: CandidateDeps, actor: Actor, request: RequestInfo, body: ConsentUpdate) {
  return editOwn(deps, actor, request, 'candidate.consent_changed', async (tx, candidate) => {
    await repository.replaceConsent(
      tx,
      candidate.id,
      body.pools.map((pool) => ({ pool: pool.pool, fields: pool.fields })),
    )
    return { pools: body.pools }
  })
}

// ── What staff see ────────────────────────────────────────────────────────────────────────────────────────────

/** The prefecture's own 団体コード (PP0000 + check digit), which its staff act under. */
export function prefectureBodyCode(prefectureCode: string): string {
  for (let digit = 0; digit <= 9; digit += 1) {
    const code = `${prefectureCode}000${digit}`
    if (isValidLocalGovernmentCode(code)) return code
  }
  return `${prefectureCode}0000`
}

function viewerOf(actor: Actor): Viewer | null {
  switch (actor.kind) {
    case 'municipality':
      return { kind: 'municipality', localGovernmentCode: actor.localGovernmentCode, prefectureCode: actor.prefectureCode }
    case 'prefecture':
      return { kind: 'prefecture', prefectureCode: actor.prefectureCode, organisationKey: prefectureBodyCode(actor.prefectureCode) }
    case 'national':
      return { kind: 'national' }
    default:
      return null
  }
}

async function visibilityOf(db: Db, related: CandidateRelations, actor: Actor, candidate: repository.CandidateRow, parts: repository.CandidateParts) {
  if (actor.kind === 'candidate') return candidate.account_id === actor.userId ? ('self' as const) : null
  const viewer = viewerOf(actor)
  if (!viewer) return null
  const visibility = visibilityFor(viewer, {
    appliedMunicipalityCodes: await related.appliedMunicipalityCodes(db, candidate.id),
    consent: new Map(parts.consent.map((entry) => [entry.pool, entry.fields as PoolField[]])),
    acceptedContactOrganisations: await repository.acceptedContactOrganisations(db, candidate.id),
  })
  return visibility.access === 'none' ? null : visibility
}

/** Loads a candidate the actor may see, or answers 404 (existence stays hidden). */
async function visibleCandidate(db: Db, related: CandidateRelations, actor: Actor, candidateId: string) {
  const candidate = await repository.findCandidate(db, candidateId)
  if (!candidate) throw notFound('指定された人材が見つかりません。')
  const parts = await repository.loadParts(db, candidateId)
  const visibility = await visibilityOf(db, related, actor, candidate, parts)
  if (!visibility) throw notFound('指定された人材が見つかりません。')
  return { candidate, parts, visibility }
}

export async function getLevels(deps: CandidateDeps, actor: Actor, candidateId: string): Promise<CandidateLevels> {
  const today = todayInJapan(deps.clock())
  const { parts, visibility } = await visibleCandidate(deps.db, deps.related, actor, candidateId)
  if (visibility !== 'self' && !visibility.fields.includes('levels')) throw notFound('指定された人材が見つかりません。')
  return levelsView(candidateId, parts, today)
}

export async function viewCandidate(deps: CandidateDeps, actor: Actor, candidateId: string): Promise<StaffCandidateView> {
  const today = todayInJapan(deps.clock())
  const { candidate, parts, visibility } = await visibleCandidate(deps.db, deps.related, actor, candidateId)
  if (visibility === 'self') throw notFound('指定された人材が見つかりません。')
  const fields = new Set(visibility.fields)
  const base = profileFields(candidate)
  const show = <T>(field: PoolField, value: T): T | null => (fields.has(field) ? value : null)
  const contact = visibility.contact
  return {
    id: candidate.id,
    access: visibility.access,
    visibleFields: [...visibility.fields, ...(contact ? ['contact'] : [])],
    fullName: contact ? base.fullName : null,
    fullNameKana: contact ? base.fullNameKana : null,
    contactEmail: contact ? base.contactEmail : null,
    phone: contact ? base.phone : null,
    prefectureCode: show('availability', base.prefectureCode),
    headline: show('headline', base.headline),
    desiredRoles: show('roles', base.desiredRoles),
    desiredAppointmentForms: show('roles', base.desiredAppointmentForms),
    availability: show('availability', base.availability),
    regions: show('availability', base.regions),
    exams: show('certifications', examsView(parts)),
    otherCertifications: show('certifications', otherCertificationsView(parts)),
    experiences: visibility.access === 'applicant' || fields.has('levels') ? experiencesView(parts) : null,
    claims: show('levels', claimsView(parts)),
    levels: show('levels', levelsView(candidate.id, parts, today)),
    employments: visibility.access === 'applicant' ? await employmentsView(deps.db, parts.employments, today) : null,
    ministryListing: listingOf(parts.listing),
  }
}

/** 市区町村・都道府県の担当者 confirm a declared level 5–7 of someone they can see (手順書 参考4.4-② case L12). */
export async function verifyClaim(deps: CandidateDeps, actor: Actor, request: RequestInfo, candidateId: string, claimId: string): Promise<CandidateLevels> {
  if (actor.kind !== 'municipality' && actor.kind !== 'prefecture') throw new AppError('FORBIDDEN', 'レベルの確認は自治体・都道府県の職員が行います。')
  const now = deps.clock()
  const today = todayInJapan(now)
  return deps.db.transaction().execute(async (tx) => {
    const { visibility } = await visibleCandidate(tx, deps.related, actor, candidateId)
    if (visibility === 'self' || !visibility.fields.includes('levels')) throw notFound('指定された人材が見つかりません。')
    const organisationCode = actor.kind === 'municipality' ? actor.localGovernmentCode : prefectureBodyCode(actor.prefectureCode)
    const organisation = await findLocalGovernment(tx, organisationCode)
    // The accounts module exports no name look-up; the organisation and user id identify the verifier.
    const updated = await repository.markClaimVerified(tx, candidateId, claimId, {
      by: actor.userId,
      name: '',
      organisationCode,
      organisationName: organisation?.name ?? organisationCode,
      at: now,
    })
    if (!updated) throw notFound('指定された申告が見つかりません。')
    await refreshScoring(tx, candidateId, today)
    await recordAudit(tx, { actor, action: 'candidate.level_verified', targetType: 'candidate', targetId: candidateId, request, details: { claimId } })
    return levelsView(candidateId, await repository.loadParts(tx, candidateId), today)
  })
}

// ── 総務省 外部人材リスト ──────────────────────────────────────────────────────────────────────────────────────

function nationalOnly(actor: Actor): string {
  if (actor.kind !== 'national') throw new AppError('FORBIDDEN', '外部人材リストの記録は国の担当者が行います。')
  return actor.userId
}

type ListingSearchRow = Awaited<ReturnType<typeof repository.searchListingCandidates>>['rows'][number]

function listingCandidateView(row: ListingSearchRow): ListingCandidate {
  return {
    id: row.id,
    fullName: row.full_name,
    fullNameKana: row.full_name_kana,
    contactEmail: row.contact_email,
    headline: row.headline,
    desiredRoles: row.desired_roles as RoleId[],
    ministryListing:
      row.roles === null || row.training_completed === null || row.fiscal_year === null
        ? null
        : { roles: row.roles as RoleId[], trainingCompleted: row.training_completed, fiscalYear: Number(row.fiscal_year) },
    recordedAt: row.recorded_at === null ? null : new Date(row.recorded_at).toISOString(),
    reason: row.reason,
  }
}

/** National administrators find people who consented to the national list, by name, よみがな or e-mail address. */
export async function searchListingCandidates(deps: CandidateDeps, actor: Actor, query: { q: string; limit: number; offset: number }) {
  nationalOnly(actor)
  const { rows, total } = await repository.searchListingCandidates(deps.db, query)
  return { items: rows.map(listingCandidateView), total, limit: query.limit, offset: query.offset }
}

/**
 * Records or corrects a person's selection for the 総務省 外部人材リスト (手順書 参考4.4-⑤), with the reason, in one
 * transaction with the rescored profile and the audit event (before and after). Only a person who consented to
 * the national list may be recorded; anyone else answers 404 like a person who does not exist.
 */
export async function recordListing(
  deps: CandidateDeps,
  actor: Actor,
  request: RequestInfo,
  candidateId: string,
  body: ListingUpdate,
): Promise<ListingCandidate> {
  const userId = nationalOnly(actor)
  const now = deps.clock()
  const today = todayInJapan(now)
  return deps.db.transaction().execute(async (tx) => {
    await repository.lockCandidate(tx, candidateId)
    if (!(await repository.consentsToNationalList(tx, candidateId))) {
      throw notFound('指定された人材が見つかりません。外部人材リストには、全国リストへの掲載に同意した人材だけを記録できます。')
    }
    const before = listingOf((await repository.loadParts(tx, candidateId)).listing)
    const after: MinistryListing = { roles: body.roles, trainingCompleted: body.trainingCompleted, fiscalYear: body.fiscalYear }
    await repository.saveListing(tx, candidateId, { ...after, reason: body.reason, recordedBy: userId, at: now })
    await refreshScoring(tx, candidateId, today)
    await recordAudit(tx, {
      actor,
      action: before === null ? 'candidate.ministry_listing_recorded' : 'candidate.ministry_listing_corrected',
      targetType: 'candidate',
      targetId: candidateId,
      request,
      details: { before, after, reason: body.reason },
    })
    const { rows } = await repository.searchListingCandidates(tx, { q: '', limit: 1, offset: 0, candidateId })
    return listingCandidateView(rows[0]!)
  })
}

/**
 * Withdraws a person's listing (e.g. the ministry removed them, or it was recorded for the wrong person), with the
 * reason, in one transaction with the rescored profile and the audit event keeping what was withdrawn.
 */
export async function withdrawListing(deps: CandidateDeps, actor: Actor, request: RequestInfo, candidateId: string, reason: string): Promise<ListingCandidate> {
  nationalOnly(actor)
  const today = todayInJapan(deps.clock())
  return deps.db.transaction().execute(async (tx) => {
    await repository.lockCandidate(tx, candidateId)
    if (!(await repository.consentsToNationalList(tx, candidateId))) throw notFound('指定された人材が見つかりません。')
    const before = listingOf((await repository.loadParts(tx, candidateId)).listing)
    if (before === null) throw new AppError('CONFLICT', 'この人材は外部人材リストに掲載されていません。')
    await repository.deleteListing(tx, candidateId)
    await refreshScoring(tx, candidateId, today)
    await recordAudit(tx, {
      actor,
      action: 'candidate.ministry_listing_withdrawn',
      targetType: 'candidate',
      targetId: candidateId,
      request,
      details: { before, after: null, reason },
    })
    const { rows } = await repository.searchListingCandidates(tx, { q: '', limit: 1, offset: 0, candidateId })
    return listingCandidateView(rows[0]!)
  })
}

// ── Talent pools and contact requests ─────────────────────────────────────────────────────────────────────────

export async function searchPool(
  deps: CandidateDeps,
  actor: Actor,
  query: { pool: string; jobTypeId?: string | undefined; minLevel?: number | undefined; limit: number; offset: number },
) {
  const viewer = viewerOf(actor)
  if (!viewer) throw new AppError('FORBIDDEN', 'この操作を行う権限がありません。')
  const pools = viewer.kind === 'national' ? ['national'] : ['national', viewer.prefectureCode]
  if (!pools.includes(query.pool)) throw new AppError('FORBIDDEN', 'この人材プールは閲覧できません。')
  const { rows, total } = await repository.searchPool(deps.db, {
    pool: query.pool,
    limit: query.limit,
    offset: query.offset,
    ...(query.jobTypeId ? { jobTypeId: query.jobTypeId } : {}),
    ...(query.minLevel ? { minLevel: query.minLevel } : {}),
  })
  return {
    items: rows.map((row) => {
      const profile = (typeof row.profile === 'string' ? JSON.parse(row.profile) : row.profile) as ScoringProfile
      const fields = new Set(row.fields)
      return {
        id: row.candidate_id,
        headline: fields.has('headline') ? row.headline : null,
        desiredRoles: fields.has('roles') ? profile.desiredRoles : null,
        maxLevel: fields.has('levels') ? row.max_level : null,
        prefectureCode: fields.has('availability') ? row.prefecture_code : null,
        pools: [profile.consent.nationalList ? 'national' : null, ...profile.consent.prefecturePools].filter((pool): pool is string => pool !== null),
      }
    }),
    total,
  }
}

function contactRequestView(row: Awaited<ReturnType<typeof repository.listContactRequests>>[number]): ContactRequest {
  return {
    id: row.id,
    organisationKey: row.organisation_key,
    organisationName: row.organisation_name,
    message: row.message,
    status: row.status,
    createdAt: new Date(row.created_at).toISOString(),
    decidedAt: row.decided_at === null ? null : new Date(row.decided_at).toISOString(),
  }
}

export async function requestContact(deps: CandidateDeps, actor: Actor, request: RequestInfo, candidateId: string, message: string): Promise<ContactRequest> {
  const viewer = viewerOf(actor)
  if (!viewer || actor.kind === 'anonymous' || actor.kind === 'candidate') throw new AppError('FORBIDDEN', 'この操作を行う権限がありません。')
  return deps.db.transaction().execute(async (tx) => {
    const { visibility } = await visibleCandidate(tx, deps.related, actor, candidateId)
    if (visibility === 'self') throw notFound('指定された人材が見つかりません。')
    if (visibility.contact) throw new AppError('CONFLICT', 'この人材の連絡先はすでに開示されています。')
    const organisationKey = viewer.kind === 'municipality' ? viewer.localGovernmentCode : viewer.kind === 'prefecture' ? viewer.organisationKey : 'national'
    const organisation = organisationKey === 'national' ? { name: '国（総務省）' } : await findLocalGovernment(tx, organisationKey)
    const pending = await tx
      .selectFrom('candidate_contact_request')
      .select('id')
      .where('candidate_id', '=', candidateId)
      .where('organisation_key', '=', organisationKey)
      .where('status', '=', 'pending')
      .executeTakeFirst()
    if (pending) throw new AppError('CONFLICT', 'この人材への連絡先開示の依頼はすでに送られています。')
    const row = await tx
      .insertInto('candidate_contact_request')
      .values({
        candidate_id: candidateId,
        organisation_key: organisationKey,
        organisation_name: organisation?.name ?? organisationKey,
        requested_by: actor.userId,
        message,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    await recordAudit(tx, {
      actor,
      action: 'candidate.contact_requested',
      targetType: 'candidate',
      targetId: candidateId,
      request,
      details: { requestId: row.id },
    })
    return contactRequestView(row)
  })
}

export async function listOwnContactRequests(deps: CandidateDeps, actor: Actor) {
  const candidate = await repository.findCandidateByAccount(deps.db, candidateAccountId(actor))
  if (!candidate) return { items: [] }
  return { items: (await repository.listContactRequests(deps.db, candidate.id)).map(contactRequestView) }
}

export async function decideContactRequest(
  deps: CandidateDeps,
  actor: Actor,
  request: RequestInfo,
  requestId: string,
  accept: boolean,
): Promise<ContactRequest> {
  const accountId = candidateAccountId(actor)
  return deps.db.transaction().execute(async (tx) => {
    const candidate = await repository.findCandidateByAccount(tx, accountId)
    if (!candidate) throw notFound('指定された依頼が見つかりません。')
    const row = await tx
      .updateTable('candidate_contact_request')
      .set({ status: accept ? 'accepted' : 'declined', decided_at: deps.clock() })
      .where('id', '=', requestId)
      .where('candidate_id', '=', candidate.id)
      .where('status', '=', 'pending')
      .returningAll()
      .executeTakeFirst()
    if (!row) throw notFound('指定された依頼が見つからないか、すでに回答済みです。')
    await recordAudit(tx, {
      actor,
      action: accept ? 'candidate.contact_accepted' : 'candidate.contact_declined',
      targetType: 'candidate',
      targetId: candidate.id,
      request,
      details: { requestId, organisationKey: row.organisation_key },
    })
    return contactRequestView(row)
  })
}

// ── Export and deletion ───────────────────────────────────────────────────────────────────────────────────────

export async function exportOwnData(deps: CandidateDeps, actor: Actor) {
  const profile = await getOwnProfile(deps, actor)
  const contactRequests = (await listOwnContactRequests(deps, actor)).items
  const own = await deps.related.dataOfCandidate(deps.db, profile.id)
  const messageThreads = await deps.related.messagesOfCandidate(deps.db, profile.id)
  const savedSearches = await deps.related.savedSearchesOfAccount(deps.db, candidateAccountId(actor))
  return { exportedAt: deps.clock().toISOString(), profile, contactRequests, ...own, messageThreads, savedSearches }
}

/**
 * Deletes the person's data and their login; applications and appointments stay, anonymised, and the audit log
 * stays as it is. The account row belongs to the accounts module, which removes it and ends every session, so the
 * person can no longer sign in and the old cookie is anonymous. Their talent-pool listings are withdrawn.
 */
export async function deleteOwnAccount(deps: CandidateDeps, actor: Actor, request: RequestInfo): Promise<{ deleted: true }> {
  const accountId = candidateAccountId(actor)
  const now = deps.clock()
  await deps.db.transaction().execute(async (tx) => {
    const candidate = await repository.findCandidateByAccount(tx, accountId)
    if (candidate) {
      await deps.related.anonymiseCandidateApplications(tx, candidate.id, now)
      await deps.related.anonymiseCandidateMessages(tx, candidate.id, now)
      await repository.anonymiseCandidate(tx, candidate.id, now)
    }
    await deps.related.withdrawAccountFromSharing(tx, accountId, now)
    await deps.related.deleteSavedSearchesOfAccount(tx, accountId)
    await recordAudit(tx, { actor, action: 'candidate.deleted', targetType: 'candidate', targetId: candidate?.id ?? accountId, request })
    await deleteAccount(tx, accountId, { actor, now, request, reason: 'candidate.deleted' })
  })
  return { deleted: true }
}

// ── For other modules ─────────────────────────────────────────────────────────────────────────────────────────

export interface EmploymentHistoryEntry {
  corporateNumber: string
  relationship: 'employee' | 'officer' | 'secondee' | 'side_job' | 'owner'
  startsOn: IsoDate
  endsOn: IsoDate | null
}

/** The candidate's employers (法人番号, relationship, inclusive period; null end = current), oldest first. */
export async function employmentHistory(tx: Db, candidateId: string): Promise<EmploymentHistoryEntry[]> {
  return (await repository.loadEmployments(tx, candidateId)).map(historyEntryOf)
}

function historyEntryOf(row: repository.EmploymentRow): EmploymentHistoryEntry {
  return { corporateNumber: row.corporate_number, relationship: row.relationship, startsOn: row.starts_on, endsOn: row.ends_on }
}

/** Employment histories of several candidates (as `employmentHistory`); a candidate without any maps to []. */
export async function employmentHistories(tx: Db, candidateIds: readonly string[]): Promise<Map<string, EmploymentHistoryEntry[]>> {
  const unique = [...new Set(candidateIds)]
  const histories = new Map<string, EmploymentHistoryEntry[]>(unique.map((id) => [id, []]))
  for (const row of await repository.loadEmploymentsOf(tx, unique)) {
    histories.get(row.candidate_id)!.push(historyEntryOf(row))
  }
  return histories
}

/**
 * Full names by candidate id, for a caller that already has the right to show them (its own applicants); pool
 * consent never covers the name (PoolField), so callers must not use this for pool or national-list listings.
 */
export async function candidateNames(tx: Db, candidateIds: readonly string[]): Promise<Map<string, string | null>> {
  const rows = await repository.fullNamesOf(tx, [...new Set(candidateIds)])
  return new Map(rows.map((row) => [row.id, row.fullName]))
}

/**
 * Compact per-candidate facts for matching (shape documented in scoring.ts), read from the precomputed row.
 * `consent`: 'any' when the caller already has another right to the data (e.g. applicants of its own posting),
 * 'national' / a prefecture to read only candidates who opted in to that list.
 */
export function scoringProfiles(tx: Db, filter: repository.ScoringFilter): Promise<ScoringProfile[]> {
  return repository.readScoringProfiles(tx, filter)
}

/** The candidate id of a signed-in candidate account, creating the row on first use. */
export async function candidateIdForAccount(tx: Db, accountId: string): Promise<string> {
  return (await repository.ensureCandidateForAccount(tx, accountId)).id
}

/** Candidate ids of accounts that have a candidate row (none is created), by account id. */
export async function candidateIdsOfAccounts(tx: Db, accountIds: readonly string[]): Promise<Map<string, string>> {
  const rows = await repository.candidatesOfAccounts(tx, [...new Set(accountIds)])
  return new Map(rows.map((row) => [row.accountId, row.id]))
}

/** Name and contact address for mails to the candidate; null fields when not given or deleted. */
export async function candidateContact(
  tx: Db,
  candidateId: string,
): Promise<{ fullName: string | null; contactEmail: string | null; accountId: string | null }> {
  const row = await tx.selectFrom('candidate').select(['full_name', 'contact_email', 'account_id']).where('id', '=', candidateId).executeTakeFirst()
  return { fullName: row?.full_name ?? null, contactEmail: row?.contact_email ?? null, accountId: row?.account_id ?? null }
}
