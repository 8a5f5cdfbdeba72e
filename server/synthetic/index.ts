/**
 * Builds a synthetic national data set from a fixed seed: a corporate graph, candidates with their skills,
 * employment, consent and scoring rows, and published postings; then the matching vectors.
 * Rows go straight into the owners' tables in bulk (a seed script, not a request path); every derived value is
 * computed by the owners' pure functions.
 */
import { fakerJA } from '@faker-js/faker'
import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import { refreshCandidateVectors, refreshPostingPlans } from '../modules/matching/index.ts'
import { insertRows } from './bulk.ts'
import { type SyntheticCandidate, generateCandidate, type Prefecture } from './candidates.ts'
import { generateCompanies } from './companies.ts'
import { type Municipality, generatePosting } from './postings.ts'

export interface SyntheticOptions {
  candidates: number
  postings: number
  seed?: number
  /** "Today" of the data set; fixed so the same seed gives the same rows. */
  today?: string
  log?: (line: string) => void
}

export interface SyntheticSummary {
  companies: number
  candidates: number
  postings: number
  vectors: number
  seconds: number
}

const CHUNK = 5000

export async function seedSynthetic(db: Db, options: SyntheticOptions): Promise<SyntheticSummary> {
  const started = performance.now()
  const log = options.log ?? (() => {})
  const today = options.today ?? '2026-11-24'
  const faker = fakerJA
  faker.seed(options.seed ?? 42)

  const { rows: places } = await sql<{ code: string; name: string; prefecture_code: string; kind: string; population: number | null }>`
    SELECT code, name, prefecture_code, kind, population FROM local_government ORDER BY code`.execute(db)
  const prefectures: Prefecture[] = places
    .filter((place) => place.kind === 'prefecture')
    .map((place) => ({ code: place.prefecture_code, population: place.population ?? 1_000_000 }))
  const municipalities: Municipality[] = places
    .filter((place) => place.kind !== 'prefecture')
    .map((place) => ({ code: place.code, name: place.name, prefectureCode: place.prefecture_code }))
  if (prefectures.length === 0 || municipalities.length === 0)
    throw new Error('団体の参照データがありません。先に migrate と参照データの投入を行ってください。')
  const populationTotal = prefectures.reduce((sum, prefecture) => sum + prefecture.population, 0)

  const companyCount = Math.max(50, Math.round(options.candidates / 20))
  const { companies, links } = generateCompanies(faker, companyCount)
  await insertRows(
    db,
    'company',
    { corporate_number: 'text', name: 'text' },
    companies.map(({ corporate_number, name }) => ({ corporate_number, name })),
  )
  await insertRows(db, 'company_link', { kind: 'text', from_corporate_number: 'text', to_corporate_number: 'text', starts_on: 'date', ends_on: 'date' }, links)
  log(`法人 ${companies.length} 件（グループ関係 ${links.length} 件）`)
  const vendors = companies.filter((company) => company.isVendor)
  const municipalityCodes = municipalities.map((municipality) => municipality.code)

  for (let start = 0; start < options.candidates; start += CHUNK) {
    const chunk: SyntheticCandidate[] = []
    for (let index = start; index < Math.min(options.candidates, start + CHUNK); index += 1) {
      chunk.push(generateCandidate(faker, { prefectures, populationTotal, vendors, municipalityCodes, today }))
    }
    await insertCandidates(db, chunk)
    log(`候補者 ${Math.min(options.candidates, start + CHUNK)} / ${options.candidates}`)
  }

  for (let start = 0; start < options.postings; start += CHUNK) {
    const chunk = Array.from({ length: Math.min(CHUNK, options.postings - start) }, () =>
      generatePosting(faker, faker.helpers.arrayElement(municipalities), today),
    )
    await insertRows(
      db,
      'posting',
      {
        id: 'uuid',
        municipality_code: 'text',
        prefecture_code: 'text',
        state: 'text',
        form: 'jsonb',
        title: 'text',
        role_id: 'text',
        appointment_form: 'text',
        remote_allowed: 'boolean',
        side_job_allowed: 'boolean',
        application_ends_on: 'date',
        search_text: 'text',
        submitted_at: 'timestamptz',
        forwarded_at: 'timestamptz',
        published_at: 'timestamptz',
      },
      chunk.map((posting) => posting.row),
    )
    await insertRows(
      db,
      'posting_criterion',
      {
        posting_id: 'uuid',
        position: 'int',
        importance: 'text',
        kind: 'text',
        job_type_ids: 'text[]',
        min_level: 'int',
        certification_ids: 'text[]',
        experience_kind: 'text',
        min_years: 'numeric',
        alternatives: 'jsonb',
        note: 'text',
      },
      chunk.flatMap((posting) => posting.criteria),
    )
    log(`募集 ${Math.min(options.postings, start + CHUNK)} / ${options.postings}`)
  }

  const vectors = await refreshCandidateVectors(db)
  await refreshPostingPlans(db)
  log(`マッチング用の事前計算 ${vectors} 件`)
  return { companies: companies.length, candidates: options.candidates, postings: options.postings, vectors, seconds: (performance.now() - started) / 1000 }
}

async function insertCandidates(db: Db, chunk: readonly SyntheticCandidate[]): Promise<void> {
  await insertRows(
    db,
    'candidate',
    {
      id: 'uuid',
      full_name: 'text',
      contact_email: 'text',
      prefecture_code: 'text',
      headline: 'text',
      desired_roles: 'text[]',
      desired_appointment_forms: 'text[]',
      available_days: 'numeric',
      available_days_per: 'text',
      earliest_start: 'date',
      remote: 'text',
      side_job: 'boolean',
      regions: 'text[]',
    },
    chunk.map((candidate) => candidate.row),
  )
  await insertRows(
    db,
    'candidate_exam_pass',
    {
      candidate_id: 'uuid',
      position: 'int',
      exam_id: 'text',
      fiscal_year: 'int',
      season: 'text',
      registration_number: 'text',
      registration_is_current: 'boolean',
    },
    chunk.flatMap((candidate) => candidate.exams),
  )
  await insertRows(
    db,
    'candidate_other_certification',
    { candidate_id: 'uuid', position: 'int', certification_id: 'text' },
    chunk.flatMap((candidate) => candidate.otherCertifications),
  )
  await insertRows(
    db,
    'candidate_experience',
    {
      id: 'uuid',
      candidate_id: 'uuid',
      position: 'int',
      starts_on: 'date',
      ends_on: 'date',
      organisation: 'text',
      title: 'text',
      kind: 'text',
      team_size: 'int',
      outcomes: 'text',
      job_type_ids: 'text[]',
    },
    chunk.flatMap((candidate) => candidate.experiences),
  )
  await insertRows(
    db,
    'candidate_level_claim',
    {
      id: 'uuid',
      candidate_id: 'uuid',
      position: 'int',
      job_type_id: 'text',
      level: 'int',
      experience_entry_ids: 'text[]',
      description: 'text',
      verified_by: 'uuid',
      verified_by_name: 'text',
      verified_by_organisation_code: 'text',
      verified_by_organisation_name: 'text',
      verified_at: 'timestamptz',
    },
    chunk.flatMap((candidate) => candidate.claims),
  )
  await insertRows(
    db,
    'candidate_employment',
    { candidate_id: 'uuid', corporate_number: 'text', relationship: 'text', title: 'text', starts_on: 'date', ends_on: 'date' },
    chunk.flatMap((candidate) => candidate.employments),
  )
  await insertRows(
    db,
    'candidate_consent',
    { candidate_id: 'uuid', pool: 'text', fields: 'text[]' },
    chunk.flatMap((candidate) => candidate.consents),
  )
  await insertRows(
    db,
    'candidate_scoring_profile',
    {
      candidate_id: 'uuid',
      profile: 'jsonb',
      max_level: 'int',
      prefecture_code: 'text',
      national_list: 'boolean',
      pool_prefecture_codes: 'text[]',
      remote: 'text',
      days_per_week: 'numeric',
      side_job: 'boolean',
    },
    chunk.map(({ profile }) => ({
      candidate_id: profile.candidateId,
      profile,
      max_level: profile.levels.reduce((max, level) => Math.max(max, level.level), 0),
      prefecture_code: profile.prefectureCode,
      national_list: profile.consent.nationalList,
      pool_prefecture_codes: profile.consent.prefecturePools,
      remote: profile.availability.remote,
      days_per_week: profile.availability.daysPerWeek,
      side_job: profile.availability.sideJob,
    })),
  )
  await insertRows(
    db,
    'candidate_job_type_level',
    { candidate_id: 'uuid', job_type_id: 'text', level: 'int', is_self_declared: 'boolean' },
    chunk.flatMap(({ profile }) =>
      profile.levels.map((level) => ({
        candidate_id: profile.candidateId,
        job_type_id: level.jobTypeId,
        level: level.level,
        is_self_declared: level.status === 'self_declared',
      })),
    ),
  )
}
