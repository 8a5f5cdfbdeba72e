import { randomUUID } from 'node:crypto'
import fc from 'fast-check'
import { sql } from 'kysely'
import { beforeAll, describe, expect, test } from 'vitest'
import { CandidateMatch, CandidateMatchPage, PostingRecommendation, RecommendationPage } from '#shared/contracts/matching'
import { OwnCandidateProfile } from '#shared/contracts/candidates'
import { StaffPosting } from '#shared/contracts/postings'
import { ErrorBody } from '#shared/errors'
import { type CandidateFacts, type PostingCriteria, planScoring, rankPostings, scoreWithPlan } from '#shared/domain/matching/index'
import { presetCriteria } from '#shared/domain/postings/presets'
import { findRole } from '#shared/domain/skill-standard/index'
import { createAndSignIn, type SignedInInject } from '../../../test/support/actors.ts'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { corporateNumber } from '../bid-restrictions/test-fixtures.ts'
import { completeForm } from '../postings/test-fixtures.ts'
import { vectorOf } from './facts.ts'
import { planOf } from './plan-rows.ts'
import * as repository from './repository.ts'
import { compilePlan } from './sql.ts'

// Pinned "today" of the worked level cases.
const NOW = new Date('2026-11-24T03:00:00Z')

let t: TestApp
let matsuyama: SignedInInject
let imabari: SignedInInject
let ehime: SignedInInject
let tokyo: SignedInInject
let national: SignedInInject
let postingId: string
const candidates: Record<'a' | 'b' | 'c' | 'd' | 'e', { id: string; inject: SignedInInject }> = {} as never

/** The producer preset with its level-or-certification row made required, as staff may when they insist on it. */
const producerForm = {
  ...completeForm,
  criteria: presetCriteria(findRole('producer')!).criteria.map((criterion, index) =>
    index === 0 ? { ...criterion, importance: 'required' as const } : criterion,
  ),
  termStartsOn: '2027-04-01',
  termEndsOn: '2028-03-31',
  applicationStartsOn: '2026-11-01',
  applicationEndsOn: '2026-12-31',
}

const availability = { days: 2, per: 'week', earliestStart: '2027-03-01', remote: 'hybrid', sideJob: true }

const strategyLead = {
  id: randomUUID(),
  startsOn: '2020-04-01',
  endsOn: '2025-03-31',
  organisation: '株式会社サンプル',
  title: 'DX推進室長',
  kind: 'digital_strategy_lead',
  teamSize: 8,
  outcomes: '全社のDX戦略を立案',
  jobTypeIds: ['uiss.business_strategist'],
}

async function makeCandidate(skills: object, pools: string[], profile: object = {}): Promise<{ id: string; inject: SignedInInject }> {
  const { inject } = await createAndSignIn(t.app, t.engine.db, { kind: 'candidate' })
  const me = OwnCandidateProfile.parse((await inject('/api/candidates/me')).json())
  const put = async (url: string, payload: object) => {
    const response = await inject({ method: 'PUT', url, payload })
    expect(response.statusCode, response.body).toBe(200)
  }
  await put('/api/candidates/me/profile', {
    fullName: '山田 花子',
    contactEmail: 'hanako@example.jp',
    prefectureCode: '13',
    desiredRoles: ['producer'],
    availability,
    regions: ['38'],
    ...profile,
  })
  await put('/api/candidates/me/skills', skills)
  await put('/api/candidates/me/consent', { pools: pools.map((pool) => ({ pool, fields: ['headline', 'levels'] })) })
  return { id: me.id, inject }
}

function expectError(response: { statusCode: number; json: () => unknown }, status: number, code: string) {
  expect(response.statusCode).toBe(status)
  expect(ErrorBody.parse(response.json()).error.code).toBe(code)
}

const sumOf = (item: { criteria: { points: number }[] }) => item.criteria.reduce((sum, line) => sum + line.points, 0)

beforeAll(async () => {
  t = await startTestApp({ clock: () => NOW })
  const { db } = t.engine
  ;({ inject: matsuyama } = await createAndSignIn(t.app, db, { kind: 'municipality', localGovernmentCode: '382019' }))
  ;({ inject: imabari } = await createAndSignIn(t.app, db, { kind: 'municipality', localGovernmentCode: '382027' }))
  ;({ inject: ehime } = await createAndSignIn(t.app, db, { kind: 'prefecture', prefectureCode: '38' }))
  ;({ inject: tokyo } = await createAndSignIn(t.app, db, { kind: 'prefecture', prefectureCode: '13' }))
  ;({ inject: national } = await createAndSignIn(t.app, db, { kind: 'national' }))

  const created = await matsuyama({ method: 'POST', url: '/api/staff/postings', payload: producerForm })
  expect(created.statusCode, created.body).toBe(201)
  postingId = StaffPosting.parse(created.json()).id
  for (const [as, action] of [
    [matsuyama, 'submit'],
    [ehime, 'forward'],
    [national, 'publish'],
  ] as const) {
    const response = await as({ method: 'POST', url: `/api/staff/postings/${postingId}/transitions`, payload: { action } })
    expect(response.statusCode, response.body).toBe(200)
  }

  // (a) 手順書 参考4.4-② case L6 + local-government work, on the national list
  candidates.a = await makeCandidate(
    {
      exams: [{ examId: 'ST', fiscalYear: 2018, season: 'spring' }],
      experiences: [
        strategyLead,
        {
          ...strategyLead,
          id: randomUUID(),
          startsOn: '2025-04-01',
          endsOn: null,
          organisation: '愛媛県内の市',
          title: 'DXアドバイザー（受託）',
          kind: 'local_government',
        },
      ],
    },
    ['national'],
  )
  // (b) 手順書 参考4.4-② case L4: 応用情報 only, national list
  candidates.b = await makeCandidate({ exams: [{ examId: 'AP', fiscalYear: 2020, season: 'autumn' }] }, ['national'])
  // (c) 手順書 参考4.4-② case L11: declared コンサルタント L6, in 愛媛県's pool
  const consulting = {
    ...strategyLead,
    id: randomUUID(),
    startsOn: '2014-04-01',
    endsOn: '2026-03-31',
    title: 'ITコンサルタント',
    kind: 'digital_department_manager',
    jobTypeIds: ['itss.consultant'],
  }
  candidates.c = await makeCandidate(
    {
      experiences: [consulting],
      claims: [{ id: randomUUID(), jobTypeId: 'itss.consultant', level: 6, experienceEntryIds: [consulting.id], description: '12年の実績' }],
    },
    ['38'],
  )
  // (d) as strong as (a) but in no pool: matched only once they apply
  candidates.d = await makeCandidate(
    { exams: [{ examId: 'ST', fiscalYear: 2018, season: 'spring' }], experiences: [{ ...strategyLead, id: randomUUID() }] },
    [],
  )
  // (e) strong, but only in 東京都's pool
  candidates.e = await makeCandidate({ exams: [{ examId: 'ST', fiscalYear: 2018, season: 'spring' }], experiences: [{ ...strategyLead, id: randomUUID() }] }, [
    '13',
  ])
})

async function matches(as: SignedInInject, query = ''): Promise<CandidateMatchPage> {
  const response = await as(`/api/postings/${postingId}/matches${query}`)
  expect(response.statusCode, response.body).toBe(200)
  return CandidateMatchPage.parse(response.json())
}

describe('GET /api/postings/:id/matches', () => {
  test('ranks eligible candidates by score with every point explained; (a) and (c) in; (b) left out', async () => {
    const page = await matches(matsuyama)
    expect(page.items.map((item) => item.candidateId).sort()).toEqual([candidates.a.id, candidates.c.id].sort())
    expect(page.total).toBe(2)
    for (const item of page.items) {
      expect(item.eligible).toBe(true)
      expect(item.score).toBe(sumOf(item))
    }
    expect(page.items[0]!.score).toBeGreaterThanOrEqual(page.items[1]!.score)
    expect(page.items.find((item) => item.candidateId === candidates.a.id)!.via).toBe('national_list')
    expect(page.items.find((item) => item.candidateId === candidates.c.id)).toMatchObject({
      via: 'prefecture_pool',
      flags: [expect.objectContaining({ code: 'self_declared_level' })],
    })
  })

  test('includeIneligible=true adds (b) last, with its gap (level 3 < 4)', async () => {
    const page = await matches(matsuyama, '?includeIneligible=true')
    expect(page.items.map((item) => item.candidateId).at(-1)).toBe(candidates.b.id)
    const b = page.items[2]!
    expect(b.eligible).toBe(false)
    expect(b.gaps[0]!.message).toContain('レベル3')
  })

  test('pagination: limit and offset over the same order, total unchanged', async () => {
    const all = await matches(matsuyama)
    const second = await matches(matsuyama, '?limit=1&offset=1')
    expect(second).toMatchObject({ total: 2, limit: 1, offset: 1 })
    expect(second.items.map((item) => item.candidateId)).toEqual([all.items[1]!.candidateId])
    expect((await matches(matsuyama, '?limit=1&offset=5')).items).toEqual([])
  })

  test('the prefecture of the posting sees the same ranking; the same data gives the same answer', async () => {
    expect(await matches(ehime)).toEqual(await matches(matsuyama))
  })

  test('isolation: another municipality and another prefecture get 404; candidates 403; anonymous 401', async () => {
    expectError(await imabari(`/api/postings/${postingId}/matches`), 404, 'NOT_FOUND')
    expectError(await imabari(`/api/postings/${postingId}/matches/${candidates.a.id}`), 404, 'NOT_FOUND')
    expectError(await tokyo(`/api/postings/${postingId}/matches`), 404, 'NOT_FOUND')
    expectError(await candidates.a.inject(`/api/postings/${postingId}/matches`), 403, 'FORBIDDEN')
    expectError(await t.app.inject(`/api/postings/${postingId}/matches`), 401, 'UNAUTHENTICATED')
    expectError(await matsuyama(`/api/postings/${randomUUID()}/matches`), 404, 'NOT_FOUND')
  })

  test('malformed input is a 400, never a 500', async () => {
    expectError(await matsuyama('/api/postings/not-a-uuid/matches'), 400, 'VALIDATION_FAILED')
    expectError(await matsuyama(`/api/postings/${postingId}/matches?limit=0`), 400, 'VALIDATION_FAILED')
    expectError(await matsuyama(`/api/postings/${postingId}/matches?limit=101`), 400, 'VALIDATION_FAILED')
    expectError(await matsuyama(`/api/postings/${postingId}/matches?includeIneligible=yes`), 400, 'VALIDATION_FAILED')
    expectError(await matsuyama(`/api/postings/${postingId}/matches?offset=${'9'.repeat(400)}`), 400, 'VALIDATION_FAILED')
  })
})

describe('consent: only applicants and candidates in the national list or the posting prefecture’s pool', () => {
  test('(d) in no pool and (e) in another prefecture’s pool are not matched, and their explanation is 404', async () => {
    const ids = (await matches(matsuyama, '?includeIneligible=true')).items.map((item) => item.candidateId)
    expect(ids).not.toContain(candidates.d.id)
    expect(ids).not.toContain(candidates.e.id)
    expectError(await matsuyama(`/api/postings/${postingId}/matches/${candidates.d.id}`), 404, 'NOT_FOUND')
  })

  test('(d) applies → matched via the application', async () => {
    const applied = await candidates.d.inject({
      method: 'POST',
      url: `/api/postings/${postingId}/applications`,
      payload: { motivation: '自治体DXに貢献したい' },
    })
    expect(applied.statusCode, applied.body).toBe(201)
    const page = await matches(matsuyama)
    const d = page.items.find((item) => item.candidateId === candidates.d.id)
    expect(d).toMatchObject({ eligible: true, via: 'application', displayName: '山田 花子' })
    // Pool consent covers chosen fields only, never the name.
    expect(page.items.find((item) => item.candidateId === candidates.a.id)).toMatchObject({ via: 'national_list', displayName: null })
    const one = CandidateMatch.parse((await matsuyama(`/api/postings/${postingId}/matches/${candidates.d.id}`)).json())
    expect(one.displayName).toBe('山田 花子')
  })

  test('(c) withdraws from the pool → no longer matched (the profile change refreshes the precomputed row)', async () => {
    const response = await candidates.c.inject({ method: 'PUT', url: '/api/candidates/me/consent', payload: { pools: [] } })
    expect(response.statusCode).toBe(200)
    expect((await matches(matsuyama)).items.map((item) => item.candidateId)).not.toContain(candidates.c.id)
    await candidates.c.inject({ method: 'PUT', url: '/api/candidates/me/consent', payload: { pools: [{ pool: '38', fields: ['levels'] }] } })
    expect((await matches(matsuyama)).items.map((item) => item.candidateId)).toContain(candidates.c.id)
  })
})

describe('one explanation', () => {
  test('GET /matches/:candidateId equals the ranked item', async () => {
    const listed = (await matches(matsuyama)).items.find((item) => item.candidateId === candidates.a.id)!
    const response = await matsuyama(`/api/postings/${postingId}/matches/${candidates.a.id}`)
    expect(response.statusCode).toBe(200)
    expect(CandidateMatch.parse(response.json())).toEqual(listed)
    const level = listed.criteria.find((line) => line.criterionId === 'criterion.0')!
    expect(level).toMatchObject({ kind: 'any_of', required: true, status: 'met' })
    expect(level.evidence.some((item) => item.refId === 'ST')).toBe(true)
  })
})

describe('candidate side: recommendations and gaps', () => {
  test('GET /api/me/recommendations ranks the posting with the score staff see', async () => {
    const response = await candidates.a.inject('/api/me/recommendations?limit=20')
    expect(response.statusCode, response.body).toBe(200)
    const page = RecommendationPage.parse(response.json())
    const item = page.items.find((recommendation) => recommendation.postingId === postingId)!
    const staffView = (await matches(matsuyama)).items.find((match) => match.candidateId === candidates.a.id)!
    expect(item.score).toBe(staffView.score)
    expect(item.criteria).toEqual(staffView.criteria)
    expect(item.municipalityName).toBe('松山市')
  })

  test('an ineligible candidate sees the gap for themselves', async () => {
    const page = RecommendationPage.parse((await candidates.b.inject('/api/me/recommendations')).json())
    expect(page.items.some((item) => item.postingId === postingId)).toBe(false)
    const all = RecommendationPage.parse((await candidates.b.inject('/api/me/recommendations?includeIneligible=true')).json())
    expect(all.items.find((item) => item.postingId === postingId)).toMatchObject({ eligible: false })
    const own = await candidates.b.inject(`/api/me/postings/${postingId}/match`)
    expect(own.statusCode).toBe(200)
    const match = PostingRecommendation.parse(own.json())
    expect(match.gaps).toHaveLength(1)
    expect(match.gaps[0]!.message).toContain('あと1レベル')
  })

  test('staff cannot call the candidate routes', async () => {
    expectError(await matsuyama('/api/me/recommendations'), 403, 'FORBIDDEN')
  })
})

describe('per-posting weights', () => {
  test('the municipality raises a weight; the prefecture may look but not change; another municipality gets 404', async () => {
    const url = `/api/postings/${postingId}/matching-settings`
    const before = (await matsuyama(url)).json() as { criteria: { criterionId: string; maxPoints: number }[] }
    const certification = before.criteria.find((criterion) => criterion.criterionId === 'criterion.1')!
    const put = await matsuyama({ method: 'PUT', url, payload: { weights: { 'criterion.1': 10 } } })
    expect(put.statusCode, put.body).toBe(200)
    const after = put.json() as typeof before
    expect(after.criteria.find((criterion) => criterion.criterionId === 'criterion.1')!.maxPoints).toBeGreaterThan(certification.maxPoints)
    expectError(await ehime({ method: 'PUT', url, payload: { weights: {} } }), 403, 'FORBIDDEN')
    expectError(await imabari(url), 404, 'NOT_FOUND')
    expectError(await matsuyama({ method: 'PUT', url, payload: { weights: { 'criterion.99': 1 } } }), 400, 'VALIDATION_FAILED')
    const staffItems = (await matches(matsuyama)).items
    for (const item of staffItems) expect(item.score).toBe(sumOf(item))
    // The candidate's recommendation follows the new weights at once (the stored plan is rebuilt on read).
    const recommended = RecommendationPage.parse((await candidates.a.inject('/api/me/recommendations')).json()).items.find(
      (item) => item.postingId === postingId,
    )!
    expect(recommended.score).toBe(staffItems.find((item) => item.candidateId === candidates.a.id)!.score)
    expect(recommended.criteria.find((line) => line.criterionId === 'criterion.1')!.maxPoints).toBeGreaterThan(certification.maxPoints)
    await matsuyama({ method: 'PUT', url, payload: { weights: {} } })
  })
})

describe('per-posting weights follow their criterion', () => {
  test('reordering the criteria of a draft keeps each weight on its criterion; changing a criterion returns it to the default', async () => {
    const created = await matsuyama({ method: 'POST', url: '/api/staff/postings', payload: producerForm })
    expect(created.statusCode, created.body).toBe(201)
    const draftId = StaffPosting.parse(created.json()).id
    const url = `/api/postings/${draftId}/matching-settings`
    type Settings = { criteria: { criterionId: string; label: string; weight: number; defaultWeight: number }[] }
    const before = (await matsuyama(url)).json() as Settings
    const first = before.criteria.find((criterion) => criterion.criterionId === 'criterion.0')!
    const put = await matsuyama({ method: 'PUT', url, payload: { weights: { 'criterion.0': 9 } } })
    expect(put.statusCode, put.body).toBe(200)

    const reversed = [...producerForm.criteria].reverse()
    const moved = await matsuyama({ method: 'PUT', url: `/api/staff/postings/${draftId}`, payload: { ...producerForm, criteria: reversed } })
    expect(moved.statusCode, moved.body).toBe(200)
    const after = (await matsuyama(url)).json() as Settings
    const movedId = `criterion.${reversed.length - 1}`
    expect(after.criteria.find((criterion) => criterion.criterionId === movedId)).toMatchObject({ label: first.label, weight: 9 })
    expect(after.criteria.find((criterion) => criterion.criterionId === 'criterion.0')!.weight).not.toBe(9)

    const changed = reversed.map((criterion, position) =>
      position === reversed.length - 1 && criterion.kind === 'any_of'
        ? {
            ...criterion,
            alternatives: criterion.alternatives.map((alternative) =>
              alternative.kind === 'job_type_level' ? { ...alternative, minLevel: alternative.minLevel + 1 } : alternative,
            ),
          }
        : criterion,
    )
    expect(changed).not.toEqual(reversed)
    const edited = await matsuyama({ method: 'PUT', url: `/api/staff/postings/${draftId}`, payload: { ...producerForm, criteria: changed } })
    expect(edited.statusCode, edited.body).toBe(200)
    const lapsed = (await matsuyama(url)).json() as Settings
    expect(lapsed.criteria.every((criterion) => criterion.weight !== 9)).toBe(true)
  })
})

// Random candidates and posting criteria for the agreement tests of both directions.
const JOB_TYPES = ['uiss.business_strategist', 'itss.consultant', 'itss.it_architect', 'itss.project_management']
const KINDS = ['digital_strategy_lead', 'digital_department_manager', 'local_government'] as const
const LISTING_ROLES = ['producer', 'project_manager', 'engineer']
const factsArb = fc.record({
  levels: fc.array(
    fc.record({
      jobTypeId: fc.constantFrom(...JOB_TYPES),
      level: fc.integer({ min: 1, max: 7 }),
      basis: fc.constant('exam' as const),
      selfDeclared: fc.boolean(),
    }),
    { maxLength: 3 },
  ),
  certifications: fc.array(fc.record({ id: fc.constantFrom('ST', 'SC', 'AU', 'legacy.system_analyst', 'cisa') }), { maxLength: 2 }),
  experiences: fc.array(fc.record({ kind: fc.constantFrom(...KINDS), years: fc.integer({ min: 0, max: 180 }).map((months) => months / 12) }), { maxLength: 3 }),
  availability: fc.record({
    daysPerWeek: fc.option(fc.constantFrom(0.5, 1, 2, 2.5, 3, 5), { nil: null }),
    remote: fc.constantFrom('required' as const, 'preferred' as const, 'none' as const),
    needsSideJob: fc.boolean(),
    earliestStart: fc.option(fc.constantFrom('2027-03-01', '2027-04-01', '2027-04-20', '2027-06-01'), { nil: null }),
  }),
  prefectureCode: fc.option(fc.constantFrom('13', '38'), { nil: null }),
  regions: fc.uniqueArray(fc.constantFrom('38', '382019', '27'), { maxLength: 2 }),
  // 総務省 外部人材リスト (手順書 参考4.4-⑤): about half the population is listed, for one or two 人材像.
  ministryListing: fc.option(
    fc.record({
      roles: fc.uniqueArray(fc.constantFrom(...LISTING_ROLES), { minLength: 1, maxLength: 2 }),
      fiscalYear: fc.constantFrom(2022, 2025),
      trainingCompleted: fc.boolean(),
    }),
    { nil: null },
  ),
})
const listingCriterionArb = fc.record({
  kind: fc.constant('ministry_listing' as const),
  roleId: fc.option(fc.constantFrom(...LISTING_ROLES), { nil: null }),
})
const importance = fc.constantFrom('required' as const, 'preferred' as const)
const criteriaArb = fc.tuple(
  fc.record({
    kind: fc.constant('job_type_level' as const),
    importance,
    jobTypeIds: fc.uniqueArray(fc.constantFrom(...JOB_TYPES), { minLength: 1, maxLength: 2 }),
    minLevel: fc.integer({ min: 2, max: 6 }),
  }),
  fc.record({
    kind: fc.constant('certification' as const),
    importance,
    certificationIds: fc.uniqueArray(fc.constantFrom('ST', 'SC', 'AU'), { minLength: 1, maxLength: 2 }),
  }),
  fc.record({
    kind: fc.constant('experience' as const),
    importance,
    experienceKind: fc.constantFrom('digital_strategy_lead' as const, 'digital_department_manager' as const),
    minYears: fc.option(fc.constantFrom(1, 2.5, 5), { nil: null }),
  }),
  fc.record({ kind: fc.constant('local_government_experience' as const), importance, minYears: fc.option(fc.constantFrom(1, 3), { nil: null }) }),
  fc.record({ kind: fc.constant('days_per_week' as const), importance, minDaysPerWeek: fc.constantFrom(1, 2, 3, 0.9) }),
  fc.record({ kind: fc.constant('remote' as const), importance, remote: fc.constantFrom('none' as const, 'partial' as const, 'full' as const) }),
  fc.record({ kind: fc.constant('side_job' as const), importance, sideJobAllowed: fc.boolean() }),
  fc.record({ kind: fc.constant('start_date' as const), importance, termStartsOn: fc.constant('2027-04-01') }),
  fc.record({
    kind: fc.constant('region' as const),
    importance,
    prefectureCode: fc.constant('38'),
    localGovernmentCode: fc.constant('382019'),
    remote: fc.constantFrom('none' as const, 'partial' as const, 'full' as const),
  }),
  fc.record({ kind: fc.constant('ministry_listing' as const), importance, roleId: fc.option(fc.constantFrom(...LISTING_ROLES), { nil: null }) }),
  // Any of (手順書 参考4.4-④): alternatives of mixed kinds; the last position, so every sampled posting has one.
  fc.record({
    kind: fc.constant('any_of' as const),
    importance,
    alternatives: fc.array(
      fc.oneof(
        fc.record({
          kind: fc.constant('job_type_level' as const),
          jobTypeIds: fc.uniqueArray(fc.constantFrom(...JOB_TYPES), { minLength: 1, maxLength: 2 }),
          minLevel: fc.integer({ min: 2, max: 6 }),
        }),
        fc.record({
          kind: fc.constant('certification' as const),
          certificationIds: fc.uniqueArray(fc.constantFrom('ST', 'SC', 'AU'), { minLength: 1, maxLength: 2 }),
        }),
        fc.record({
          kind: fc.constant('experience' as const),
          experienceKind: fc.constantFrom('digital_strategy_lead' as const, 'digital_department_manager' as const),
          minYears: fc.option(fc.constantFrom(1, 2.5, 5), { nil: null }),
        }),
        fc.record({ kind: fc.constant('local_government_experience' as const), minYears: fc.option(fc.constantFrom(1, 3), { nil: null }) }),
        listingCriterionArb,
      ),
      { minLength: 2, maxLength: 3 },
    ),
  }),
)

describe('the SQL ranking and the pure scorer agree', () => {
  test('for random candidates and postings (every one with an any-of criterion), score and eligibility from SQL equal the explanation’s', async () => {
    const db = t.engine.db
    const population = fc
      .sample(factsArb, { numRuns: 120, seed: 6 })
      .map((facts, index): CandidateFacts => ({ ...facts, candidateId: randomUUID(), regions: index % 7 === 0 ? [] : facts.regions }))
    // Vectors reference candidate rows; bare rows suffice here (the candidates module's own fields stay empty).
    await sql`INSERT INTO candidate (id) SELECT unnest(${population.map((facts) => facts.candidateId)}::uuid[])`.execute(db)
    await repository.upsertVectors(
      db,
      population.map((facts) => vectorOf(facts, { nationalList: false, prefecturePools: ['99'] })),
    )
    const byId = new Map(population.map((facts) => [facts.candidateId, facts]))
    for (const [index, tuple] of fc.sample(criteriaArb, { numRuns: 25, seed: 7 }).entries()) {
      const criteria = tuple
        .filter((_, position) => (index >> position) % 2 === 0 || position < 2)
        .map((criterion, position) => ({ ...criterion, id: `c${position}` }))
      const plan = planScoring({ postingId: 'p', roleId: index % 2 === 0 ? 'producer' : null, criteria })
      const { rows, total } = await repository.rankCandidatesPage(
        db,
        compilePlan(plan),
        { prefectureCode: '99', applicantIds: [] },
        { limit: 100, offset: 0, includeIneligible: true },
      )
      expect(total).toBeGreaterThanOrEqual(population.length)
      for (const row of rows) {
        const facts = byId.get(row.candidateId)
        if (!facts) continue
        const result = scoreWithPlan(plan, facts)
        expect({ score: row.score, eligible: row.eligible }, JSON.stringify({ criteria, facts })).toEqual({ score: result.score, eligible: result.eligible })
      }
    }
  })
})

describe('the SQL recommendations and the pure scorer agree', () => {
  test('for random candidates against random open postings, the page, order, scores, gates and total equal rankPostings', async () => {
    const db = t.engine.db
    const layout = 'agreement-test'
    // Bare draft rows hold the plans (the plan table references postings); the test layout keeps them apart.
    // Some postings share their skill lines (stored once) and differ in working conditions.
    const postings = fc.sample(criteriaArb, { numRuns: 30, seed: 11 }).map((tuple, index): PostingCriteria => ({
      postingId: randomUUID(),
      roleId: index % 2 === 0 ? 'producer' : null,
      criteria: tuple
        .filter((_, position) => (index >> position) % 2 === 0 || position < 2)
        .map((criterion, position) => ({ ...criterion, id: `c${position}` })),
      weights: index % 5 === 0 ? { c0: 3 } : {},
    }))
    postings.push(...postings.slice(5, 10).map((posting) => ({ ...posting, postingId: randomUUID() })))
    postings.push({ postingId: randomUUID(), roleId: null, criteria: [], weights: {} })
    await sql`INSERT INTO posting (id, municipality_code, prefecture_code, form)
      SELECT unnest(${postings.map((posting) => posting.postingId)}::uuid[]), '382019', '38', '{}'::jsonb`.execute(db)
    const closed = postings.slice(0, 5).map((posting) => posting.postingId)
    await repository.replacePlans(
      db,
      postings.map((posting) => posting.postingId),
      postings.map((posting) => planOf(posting, closed.includes(posting.postingId) ? '2026-11-23' : '2026-12-31', layout)),
    )
    const open = postings.filter((posting) => !closed.includes(posting.postingId))
    const population = fc.sample(factsArb, { numRuns: 60, seed: 12 }).map((facts): CandidateFacts => ({ ...facts, candidateId: randomUUID() }))
    for (const [index, facts] of population.entries()) {
      const includeIneligible = index % 2 === 0
      const expected = rankPostings(open, facts, { includeIneligible }).map((result) => ({
        postingId: result.postingId,
        score: result.score,
        eligible: result.eligible,
      }))
      const page = { limit: 12, offset: index % 3 === 0 ? 12 : 0, includeIneligible }
      const { rows, total } = await repository.recommendPostingsPage(
        db,
        vectorOf(facts, { nationalList: false, prefecturePools: [] }),
        { today: '2026-11-24', layout },
        page,
      )
      expect({ rows, total }, JSON.stringify(facts)).toEqual({ rows: expected.slice(page.offset, page.offset + page.limit), total: expected.length })
    }
  })
})

describe('入札制限 preview (参考4.4-⑦): flagged with the reason, never excluded', () => {
  test('(a) whose current employer is an expected bidder of 松山市 is flagged on 松山市’s list only', async () => {
    const employer = corporateNumber('302000000001')
    const employed = await candidates.a.inject({
      method: 'PUT',
      url: '/api/candidates/me/employments',
      payload: {
        entries: [{ corporateNumber: employer, companyName: 'X 情報サービス株式会社', relationship: 'employee', startsOn: '2020-04-01', endsOn: null }],
      },
    })
    expect(employed.statusCode, employed.body).toBe(200)
    const before = (await matches(matsuyama)).items.find((item) => item.candidateId === candidates.a.id)!
    expect(before.flags.filter((flag) => flag.code === 'bid_restriction')).toEqual([])

    const procurement = await matsuyama({
      method: 'POST',
      url: '/api/procurements',
      payload: { title: '基幹系システム更新', categories: ['design_development'], bidsOn: '2027-01-20', expectedBidderCorporateNumbers: [employer] },
    })
    expect(procurement.statusCode, procurement.body).toBe(201)

    const page = await matches(matsuyama)
    const a = page.items.find((item) => item.candidateId === candidates.a.id)!
    expect(a.eligible).toBe(true)
    expect(a.score).toBe(before.score)
    expect(a.flags).toContainEqual({
      code: 'bid_restriction',
      criterionId: null,
      message:
        '現在の所属先「X 情報サービス株式会社」（従業員）が、この団体の調達「基幹系システム更新」の入札予定者です。任用する場合は入札制限の確認が必要です。',
    })
    for (const other of page.items.filter((item) => item.candidateId !== candidates.a.id)) {
      expect(other.flags.some((flag) => flag.code === 'bid_restriction')).toBe(false)
    }
    const one = CandidateMatch.parse((await matsuyama(`/api/postings/${postingId}/matches/${candidates.a.id}`)).json())
    expect(one.flags).toEqual(a.flags)
  })
})
