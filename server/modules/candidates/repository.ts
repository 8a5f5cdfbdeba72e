/**
 * SQL of the candidates module: its own tables only, plus the two company look-ups noted below. The database (or a
 * transaction) is always the first argument.
 */
import { sql, type Selectable } from 'kysely'
import { escapeLike } from '#shared/domain/search-text'
import type { Db } from '../../db/database.ts'
import type {
  CandidateEmploymentTable,
  CandidateExamPassTable,
  CandidateExperienceTable,
  CandidateLevelClaimTable,
  CandidateMinistryListingTable,
  CandidateOtherCertificationTable,
  CandidateTable,
} from '../../db/schema.ts'
import type { ScoringProfile } from './scoring.ts'

export type CandidateRow = Selectable<CandidateTable>
export type ExamPassRow = Selectable<CandidateExamPassTable>
export type OtherCertificationRow = Selectable<CandidateOtherCertificationTable>
export type ExperienceRow = Selectable<CandidateExperienceTable>
export type LevelClaimRow = Selectable<CandidateLevelClaimTable>
export type EmploymentRow = Selectable<CandidateEmploymentTable>
export type ListingRow = Selectable<CandidateMinistryListingTable>

/** The candidate row of an account, created on first use. */
export async function ensureCandidateForAccount(db: Db, accountId: string): Promise<CandidateRow> {
  await db
    .insertInto('candidate')
    .values({ account_id: accountId })
    .onConflict((oc) => oc.column('account_id').doNothing())
    .execute()
  return db.selectFrom('candidate').selectAll().where('account_id', '=', accountId).executeTakeFirstOrThrow()
}

export function findCandidateByAccount(db: Db, accountId: string): Promise<CandidateRow | undefined> {
  return db.selectFrom('candidate').selectAll().where('account_id', '=', accountId).executeTakeFirst()
}

export async function candidatesOfAccounts(db: Db, accountIds: readonly string[]): Promise<{ id: string; accountId: string }[]> {
  if (accountIds.length === 0) return []
  const rows = await db
    .selectFrom('candidate')
    .select(['id', 'account_id'])
    .where('account_id', 'in', [...accountIds])
    .where('deleted_at', 'is', null)
    .execute()
  return rows.flatMap((row) => (row.account_id ? [{ id: row.id, accountId: row.account_id }] : []))
}

export function findCandidate(db: Db, id: string): Promise<CandidateRow | undefined> {
  return db.selectFrom('candidate').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()
}

/** Locks the candidate row so concurrent edits of one profile apply one after the other. */
export async function lockCandidate(db: Db, id: string): Promise<void> {
  await db.selectFrom('candidate').select('id').where('id', '=', id).forUpdate().execute()
}

export async function updateCandidate(db: Db, id: string, values: Partial<Omit<CandidateRow, 'id' | 'created_at'>>): Promise<void> {
  await db
    .updateTable('candidate')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .execute()
}

export interface CandidateParts {
  exams: ExamPassRow[]
  otherCertifications: OtherCertificationRow[]
  experiences: ExperienceRow[]
  claims: LevelClaimRow[]
  employments: EmploymentRow[]
  consent: { pool: string; fields: string[] }[]
  listing: ListingRow | null
}

export async function loadParts(db: Db, candidateId: string): Promise<CandidateParts> {
  const exams = await db.selectFrom('candidate_exam_pass').selectAll().where('candidate_id', '=', candidateId).orderBy('position').execute()
  const otherCertifications = await db
    .selectFrom('candidate_other_certification')
    .selectAll()
    .where('candidate_id', '=', candidateId)
    .orderBy('position')
    .execute()
  const experiences = await db.selectFrom('candidate_experience').selectAll().where('candidate_id', '=', candidateId).orderBy('position').execute()
  const claims = await db.selectFrom('candidate_level_claim').selectAll().where('candidate_id', '=', candidateId).orderBy('position').execute()
  const employments = await loadEmployments(db, candidateId)
  const consent = await db.selectFrom('candidate_consent').select(['pool', 'fields']).where('candidate_id', '=', candidateId).orderBy('pool').execute()
  const listing = (await db.selectFrom('candidate_ministry_listing').selectAll().where('candidate_id', '=', candidateId).executeTakeFirst()) ?? null
  return { exams, otherCertifications, experiences, claims, employments, consent, listing }
}

export function loadEmployments(db: Db, candidateId: string): Promise<EmploymentRow[]> {
  return db
    .selectFrom('candidate_employment')
    .selectAll()
    .where('candidate_id', '=', candidateId)
    .orderBy('starts_on')
    .orderBy('corporate_number')
    .orderBy('relationship')
    .execute()
}

/** Employment rows of several candidates, each candidate's oldest first. */
export function loadEmploymentsOf(db: Db, candidateIds: readonly string[]): Promise<EmploymentRow[]> {
  if (candidateIds.length === 0) return Promise.resolve([])
  return db
    .selectFrom('candidate_employment')
    .selectAll()
    .where('candidate_id', 'in', [...candidateIds])
    .orderBy('candidate_id')
    .orderBy('starts_on')
    .orderBy('corporate_number')
    .orderBy('relationship')
    .execute()
}

export async function fullNamesOf(db: Db, candidateIds: readonly string[]): Promise<{ id: string; fullName: string | null }[]> {
  if (candidateIds.length === 0) return []
  const rows = await db
    .selectFrom('candidate')
    .select(['id', 'full_name'])
    .where('id', 'in', [...candidateIds])
    .execute()
  return rows.map((row) => ({ id: row.id, fullName: row.full_name }))
}

export async function replaceSkills(
  db: Db,
  candidateId: string,
  parts: Pick<CandidateParts, 'exams' | 'otherCertifications' | 'experiences' | 'claims'>,
): Promise<void> {
  await db.deleteFrom('candidate_level_claim').where('candidate_id', '=', candidateId).execute()
  await db.deleteFrom('candidate_experience').where('candidate_id', '=', candidateId).execute()
  await db.deleteFrom('candidate_other_certification').where('candidate_id', '=', candidateId).execute()
  await db.deleteFrom('candidate_exam_pass').where('candidate_id', '=', candidateId).execute()
  if (parts.exams.length > 0) await db.insertInto('candidate_exam_pass').values(parts.exams).execute()
  if (parts.otherCertifications.length > 0) await db.insertInto('candidate_other_certification').values(parts.otherCertifications).execute()
  if (parts.experiences.length > 0) await db.insertInto('candidate_experience').values(parts.experiences).execute()
  if (parts.claims.length > 0) await db.insertInto('candidate_level_claim').values(parts.claims).execute()
}

/** Experience ids already used by another candidate (ids are chosen by the client). */
export async function foreignExperienceIds(db: Db, candidateId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return []
  const rows = await db
    .selectFrom('candidate_experience')
    .select('id')
    .where('id', 'in', ids)
    .where('candidate_id', '<>', candidateId)
    .union(db.selectFrom('candidate_level_claim').select('id').where('id', 'in', ids).where('candidate_id', '<>', candidateId))
    .execute()
  return rows.map((row) => row.id)
}

export async function replaceEmployments(
  db: Db,
  candidateId: string,
  rows: Omit<EmploymentRow, 'id' | 'candidate_id' | 'created_at' | 'updated_at'>[],
): Promise<void> {
  await db.deleteFrom('candidate_employment').where('candidate_id', '=', candidateId).execute()
  if (rows.length > 0)
    await db
      .insertInto('candidate_employment')
      .values(rows.map((row) => ({ ...row, candidate_id: candidateId })))
      .execute()
}

export async function replaceConsent(db: Db, candidateId: string, pools: { pool: string; fields: string[] }[]): Promise<void> {
  await db.deleteFrom('candidate_consent').where('candidate_id', '=', candidateId).execute()
  if (pools.length > 0)
    await db
      .insertInto('candidate_consent')
      .values(pools.map((pool) => ({ candidate_id: candidateId, ...pool })))
      .execute()
}

export async function markClaimVerified(
  db: Db,
  candidateId: string,
  claimId: string,
  verification: { by: string; name: string; organisationCode: string; organisationName: string; at: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('candidate_level_claim')
    .set({
      verified_by: verification.by,
      verified_by_name: verification.name,
      verified_by_organisation_code: verification.organisationCode,
      verified_by_organisation_name: verification.organisationName,
      verified_at: verification.at,
    })
    .where('candidate_id', '=', candidateId)
    .where('id', '=', claimId)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

// ── 総務省 外部人材リスト ──────────────────────────────────────────────────────────────────────────────────────

export async function saveListing(
  db: Db,
  candidateId: string,
  listing: { roles: string[]; trainingCompleted: boolean; fiscalYear: number; reason: string; recordedBy: string; at: Date },
): Promise<void> {
  const values = {
    roles: listing.roles,
    training_completed: listing.trainingCompleted,
    fiscal_year: listing.fiscalYear,
    reason: listing.reason,
    recorded_by: listing.recordedBy,
    recorded_at: listing.at,
  }
  await db
    .insertInto('candidate_ministry_listing')
    .values({ candidate_id: candidateId, ...values })
    .onConflict((oc) => oc.column('candidate_id').doUpdateSet(values))
    .execute()
}

export async function deleteListing(db: Db, candidateId: string): Promise<void> {
  await db.deleteFrom('candidate_ministry_listing').where('candidate_id', '=', candidateId).execute()
}

/** People who consented to the national list, found by part of their name (or よみがな) or e-mail address. */
export async function searchListingCandidates(db: Db, filter: { q: string; limit: number; offset: number; candidateId?: string }) {
  let query = db
    .selectFrom('candidate as p')
    .innerJoin('candidate_consent as c', (join) => join.onRef('c.candidate_id', '=', 'p.id').on('c.pool', '=', 'national'))
    .leftJoin('candidate_ministry_listing as l', 'l.candidate_id', 'p.id')
    .where('p.deleted_at', 'is', null)
  if (filter.candidateId !== undefined) query = query.where('p.id', '=', filter.candidateId)
  if (filter.q !== '') {
    const pattern = `%${escapeLike(filter.q)}%`
    query = query.where((eb) => eb.or([eb('p.full_name', 'ilike', pattern), eb('p.full_name_kana', 'ilike', pattern), eb('p.contact_email', 'ilike', pattern)]))
  }
  const counted = await query.select((eb) => eb.fn.countAll<number | string>().as('total')).executeTakeFirst()
  const rows = await query
    .select([
      'p.id',
      'p.full_name',
      'p.full_name_kana',
      'p.contact_email',
      'p.headline',
      'p.desired_roles',
      'l.roles',
      'l.training_completed',
      'l.fiscal_year',
      'l.reason',
      'l.recorded_at',
    ])
    .orderBy('p.full_name_kana')
    .orderBy('p.id')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute()
  return { rows, total: Number(counted?.total ?? 0) }
}

/** Whether the person consented to the national list (only such people may be recorded on the ministry's list). */
export async function consentsToNationalList(db: Db, candidateId: string): Promise<boolean> {
  const row = await db
    .selectFrom('candidate_consent as c')
    .innerJoin('candidate as p', 'p.id', 'c.candidate_id')
    .select('c.candidate_id')
    .where('c.candidate_id', '=', candidateId)
    .where('c.pool', '=', 'national')
    .where('p.deleted_at', 'is', null)
    .executeTakeFirst()
  return row !== undefined
}

// ── Scoring row ─────────────────────────────────────────────────────────────────────────────────────────────

export async function writeScoringProfile(db: Db, profile: ScoringProfile): Promise<void> {
  const maxLevel = profile.levels.reduce((max, level) => Math.max(max, level.level), 0)
  const row = {
    profile: JSON.stringify(profile),
    max_level: maxLevel,
    prefecture_code: profile.prefectureCode,
    national_list: profile.consent.nationalList,
    pool_prefecture_codes: profile.consent.prefecturePools,
    remote: profile.availability.remote,
    days_per_week: profile.availability.daysPerWeek,
    side_job: profile.availability.sideJob,
    updated_at: new Date(),
  }
  await db
    .insertInto('candidate_scoring_profile')
    .values({ candidate_id: profile.candidateId, ...row })
    .onConflict((oc) => oc.column('candidate_id').doUpdateSet(row))
    .execute()
  await db.deleteFrom('candidate_job_type_level').where('candidate_id', '=', profile.candidateId).execute()
  if (profile.levels.length > 0) {
    await db
      .insertInto('candidate_job_type_level')
      .values(
        profile.levels.map((level) => ({
          candidate_id: profile.candidateId,
          job_type_id: level.jobTypeId,
          level: level.level,
          is_self_declared: level.status === 'self_declared',
        })),
      )
      .execute()
  }
}

export interface ScoringFilter {
  candidateIds?: string[]
  /** Which consent the caller relies on: applicants of a posting need none; a pool search needs the pool. */
  consent: { kind: 'any' } | { kind: 'national' } | { kind: 'prefecture'; prefectureCode: string }
  limit?: number
  offset?: number
}

export async function readScoringProfiles(db: Db, filter: ScoringFilter): Promise<ScoringProfile[]> {
  if (filter.candidateIds && filter.candidateIds.length === 0) return []
  let query = db.selectFrom('candidate_scoring_profile').select(['candidate_id', 'profile'])
  if (filter.candidateIds) query = query.where('candidate_id', 'in', filter.candidateIds)
  if (filter.consent.kind === 'national') query = query.where('national_list', '=', true)
  if (filter.consent.kind === 'prefecture') {
    query = query.where(sql<boolean>`pool_prefecture_codes @> ARRAY[${filter.consent.prefectureCode}]::text[]`)
  }
  query = query.orderBy('candidate_id')
  if (filter.limit !== undefined) query = query.limit(filter.limit).offset(filter.offset ?? 0)
  const rows = await query.execute()
  return rows.map((row) => (typeof row.profile === 'string' ? JSON.parse(row.profile) : row.profile) as ScoringProfile)
}

export async function searchPool(db: Db, filter: { pool: string; jobTypeId?: string; minLevel?: number; limit: number; offset: number }) {
  let query = db
    .selectFrom('candidate_scoring_profile as s')
    .innerJoin('candidate_consent as c', (join) => join.onRef('c.candidate_id', '=', 's.candidate_id').on('c.pool', '=', filter.pool))
    .innerJoin('candidate as p', 'p.id', 's.candidate_id')
  if (filter.jobTypeId) {
    const jobTypeId = filter.jobTypeId
    const minLevel = filter.minLevel ?? 1
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('candidate_job_type_level as l')
          .select('l.candidate_id')
          .whereRef('l.candidate_id', '=', 's.candidate_id')
          .where('l.job_type_id', '=', jobTypeId)
          .where('l.level', '>=', minLevel),
      ),
    )
  } else if (filter.minLevel) {
    query = query.where('s.max_level', '>=', filter.minLevel)
  }
  const [rows, count] = await Promise.all([
    query
      .select(['s.candidate_id', 's.max_level', 's.prefecture_code', 's.profile', 'c.fields', 'p.headline'])
      .orderBy('s.max_level', 'desc')
      .orderBy('s.candidate_id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(count.total) }
}

// ── Contact requests ────────────────────────────────────────────────────────────────────────────────────────

export function listContactRequests(db: Db, candidateId: string) {
  return db.selectFrom('candidate_contact_request').selectAll().where('candidate_id', '=', candidateId).orderBy('created_at', 'desc').execute()
}

export async function acceptedContactOrganisations(db: Db, candidateId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('candidate_contact_request')
    .select('organisation_key')
    .where('candidate_id', '=', candidateId)
    .where('status', '=', 'accepted')
    .execute()
  return rows.map((row) => row.organisation_key)
}

// ── Companies ───────────────────────────────────────────────────────────────────────────────────────────────
// The companies module exports no writer yet; these two statements belong in companies/index.ts
// (`ensureCompanies`, `companyNames`) and should move there when it grows them.

export async function ensureCompanies(db: Db, companies: { corporateNumber: string; name: string }[]): Promise<void> {
  if (companies.length === 0) return
  await db
    .insertInto('company')
    .values(companies.map((company) => ({ corporate_number: company.corporateNumber, name: company.name })))
    .onConflict((oc) => oc.column('corporate_number').doNothing())
    .execute()
}

export async function companyNames(db: Db, corporateNumbers: string[]): Promise<Map<string, string>> {
  if (corporateNumbers.length === 0) return new Map()
  const rows = await db.selectFrom('company').select(['corporate_number', 'name']).where('corporate_number', 'in', corporateNumbers).execute()
  return new Map(rows.map((row) => [row.corporate_number, row.name]))
}

// ── Deletion ────────────────────────────────────────────────────────────────────────────────────────────────

/** Removes the person's own data and keeps the bare row (id, deleted_at) that applications and appointments point at. */
export async function anonymiseCandidate(db: Db, candidateId: string, now: Date): Promise<void> {
  for (const table of [
    'candidate_exam_pass',
    'candidate_other_certification',
    'candidate_level_claim',
    'candidate_experience',
    'candidate_employment',
    'candidate_consent',
    'candidate_ministry_listing',
    'candidate_contact_request',
    'candidate_scoring_profile',
    'candidate_job_type_level',
  ] as const) {
    await db.deleteFrom(table).where('candidate_id', '=', candidateId).execute()
  }
  await db
    .updateTable('candidate')
    .set({
      account_id: null,
      full_name: null,
      full_name_kana: null,
      contact_email: null,
      phone: null,
      prefecture_code: null,
      headline: '',
      desired_roles: [],
      desired_appointment_forms: [],
      available_days: null,
      available_days_per: null,
      earliest_start: null,
      regions: [],
      deleted_at: now,
      updated_at: now,
    })
    .where('id', '=', candidateId)
    .execute()
}
