import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
  type CandidateFacts,
  type MatchCriterion,
  type PostingCriteria,
  allocatePoints,
  availabilityCriteria,
  criteriaFromRole,
  planScoring,
  rankCandidates,
  roundPoints,
  scoreCandidate,
} from './index.ts'

/** The producer preset (スキル標準 プロデューサー, 手順書 参考4.4-④) with a typical 副業 posting in 愛媛県. */
const producerPosting: PostingCriteria = {
  postingId: 'posting-producer',
  roleId: 'producer',
  criteria: [
    ...criteriaFromRole('producer'),
    ...availabilityCriteria({
      daysPerWeek: 2,
      remote: 'partial',
      sideJobAllowed: true,
      termStartsOn: '2026-04-01',
      prefectureCode: '38',
      prefectureName: '愛媛県',
    }),
  ],
}

const available: CandidateFacts['availability'] = { daysPerWeek: 3, remote: 'preferred', needsSideJob: true, earliestStart: '2026-03-01' }

function candidate(overrides: Partial<CandidateFacts> & { candidateId: string }): CandidateFacts {
  return { levels: [], certifications: [], experiences: [], availability: available, prefectureCode: '13', regions: ['38'], ...overrides }
}

/** 手順書 参考4.4-② case L6: ITストラテジスト + 5 years as strategy lead, plus local-government work. */
const strategist = candidate({
  candidateId: 'cand-a',
  levels: [
    {
      jobTypeId: 'uiss.business_strategist',
      level: 4,
      basis: 'exam_and_experience',
      selfDeclared: false,
      evidence: [
        { id: 'ST', text: 'ITストラテジスト 合格（2018年）' },
        { id: 'exp-1', text: 'A社 DX戦略室長（2019-04〜2024-03）' },
      ],
    },
    { jobTypeId: 'uiss.is_strategist', level: 3, basis: 'exam', selfDeclared: false },
    { jobTypeId: 'itss.consultant', level: 3, basis: 'exam', selfDeclared: false },
  ],
  certifications: [{ id: 'ST' }],
  experiences: [
    { kind: 'digital_strategy_lead', years: 5, entries: [{ id: 'exp-1', text: 'A社 DX戦略室長（2019-04〜2024-03）' }] },
    { kind: 'local_government', years: 2, entries: [{ id: 'exp-2', text: 'B市 DX推進アドバイザー（受託）' }] },
  ],
})

/** 手順書 参考4.4-② case L4: 応用情報技術者 only → level 3 for the job types AP evidences. */
const appliedOnly = candidate({
  candidateId: 'cand-b',
  levels: ['uiss.business_strategist', 'uiss.is_strategist', 'uiss.is_architect', 'itss.project_management'].map((jobTypeId) => ({
    jobTypeId,
    level: 3,
    basis: 'exam' as const,
    selfDeclared: false,
    evidence: [{ id: 'AP', text: '応用情報技術者 合格（2020年）' }],
  })),
  certifications: [{ id: 'AP' }],
})

/** 手順書 参考4.4-② case L11: no exam, declared ITSS コンサルタント level 6 with 12 years of described work. */
const declaredConsultant = candidate({
  candidateId: 'cand-c',
  levels: [
    {
      jobTypeId: 'itss.consultant',
      level: 6,
      basis: 'experience',
      selfDeclared: true,
      evidence: [{ id: 'exp-9', text: 'C社 ITコンサルタント（2014-04〜2026-03）' }],
    },
  ],
  experiences: [{ kind: 'digital_department_manager', years: 12, entries: [{ id: 'exp-9', text: 'C社 ITコンサルタント（2014-04〜2026-03）' }] }],
})

const sumOfLines = (result: { criteria: { points: number }[] }) => result.criteria.reduce((sum, line) => sum + line.points, 0)

/** A registered 情報処理安全確保支援士 with no level recorded for the producer's job types. */
const registeredSupporter = candidate({ candidateId: 'cand-d', certifications: [{ id: 'SC' }] })

/** The same posting with the level-or-certification row made required, as staff may when they insist on it. */
const insisting: PostingCriteria = {
  ...producerPosting,
  criteria: producerPosting.criteria.map((criterion) => (criterion.id === 'criterion.0' ? { ...criterion, importance: 'required' } : criterion)),
}

describe('worked cases: the プロデューサー preset (手順書 参考4.4-④ 「以下のいずれかのスキルレベル又は資格」)', () => {
  test('the preset is one preferred any-of row of the levels and certifications, and one of the experiences', () => {
    const [skills, experiences] = producerPosting.criteria
    expect(skills).toMatchObject({
      id: 'criterion.0',
      kind: 'any_of',
      importance: 'preferred',
      alternatives: [
        {
          kind: 'job_type_level',
          minLevel: 4,
          jobTypeIds: ['itss.consultant', 'itss.it_architect', 'uiss.business_strategist', 'uiss.is_strategist', 'uiss.is_architect'],
        },
        { kind: 'certification', certificationIds: ['SC', 'AU'] },
      ],
    })
    expect(experiences).toMatchObject({ id: 'criterion.1', kind: 'any_of', importance: 'preferred' })
    expect(producerPosting.criteria.filter((criterion) => criterion.id.startsWith('criterion.') && criterion.importance === 'required')).toEqual([])
  })

  test.each([
    // [case, candidate, status of the row, eligible when the row is required, what the explanation names]
    [
      '手順書 参考4.4-② case L6 ITストラテジスト + 5 years → the level alternative',
      strategist,
      'met',
      true,
      'UISS ビジネスストラテジスト レベル4（試験合格と実務経験による）',
    ],
    [
      'a registered 情報処理安全確保支援士 → the certification alternative',
      registeredSupporter,
      'met',
      true,
      '選択肢「資格: 情報処理安全確保支援士・システム監査技術者のいずれか」で満たしています',
    ],
    ['手順書 参考4.4-② case L11 declared ITSS コンサルタント L6 → met as equivalent ability (参考4.4-③)', declaredConsultant, 'met', true, '自己申告'],
    ['手順書 参考4.4-② case L4 応用情報技術者 only → partly (level 3 < 4), the gap named', appliedOnly, 'partly_met', false, '一部満たしています'],
  ] as const)('%s', (_name, facts, status, eligibleWhenRequired, explained) => {
    const preferred = scoreCandidate(producerPosting, facts)
    const line = preferred.criteria.find((entry) => entry.criterionId === 'criterion.0')!
    expect(line).toMatchObject({ kind: 'any_of', required: false, status })
    expect(line.evidence.map((item) => item.text).join('\n')).toContain(explained)
    expect(preferred.eligible).toBe(true)
    expect(preferred.score).toBe(sumOfLines(preferred))

    const required = scoreCandidate(insisting, facts)
    expect(required.eligible).toBe(eligibleWhenRequired)
    if (!eligibleWhenRequired) {
      expect(required.gaps).toEqual([expect.objectContaining({ criterionId: 'criterion.0', status: 'partly_met' })])
      expect(required.gaps[0]!.message).toContain('あと1レベル')
    }
  })

  test('scored by the best alternative: a verified level above the minimum beats the certification alone', () => {
    const both = candidate({
      candidateId: 'cand-e',
      certifications: [{ id: 'SC' }],
      levels: [{ jobTypeId: 'itss.consultant', level: 6, basis: 'experience', selfDeclared: false }],
    })
    const lineOf = (facts: CandidateFacts) => scoreCandidate(producerPosting, facts).criteria.find((entry) => entry.criterionId === 'criterion.0')!
    expect(lineOf(both).points).toBeGreaterThan(lineOf(registeredSupporter).points)
    expect(lineOf(both).evidence[0]!.text).toContain('レベル')
    expect(lineOf(both).bonusPoints).toBeGreaterThan(0)
  })

  test('self-declared levels are flagged on the any-of row and weigh less than the same level verified', () => {
    const result = scoreCandidate(producerPosting, declaredConsultant)
    expect(result.flags).toEqual([expect.objectContaining({ code: 'self_declared_level', criterionId: 'criterion.0' })])
    const verified = scoreCandidate(producerPosting, {
      ...declaredConsultant,
      levels: declaredConsultant.levels.map((level) => ({ ...level, selfDeclared: false })),
    })
    expect(verified.score).toBeGreaterThan(result.score)
    expect(verified.flags).toEqual([])
  })

  test('ranking: (b) below (a) and (c); with the row required, (b) is left out unless ineligible candidates are asked for', () => {
    const ranked = rankCandidates(producerPosting, [appliedOnly, declaredConsultant, strategist])
    expect(ranked.map((result) => result.candidateId).at(-1)).toBe('cand-b')
    expect(
      rankCandidates(insisting, [appliedOnly, declaredConsultant, strategist])
        .map((result) => result.candidateId)
        .sort(),
    ).toEqual(['cand-a', 'cand-c'])
    expect(rankCandidates(insisting, [appliedOnly, declaredConsultant, strategist], { includeIneligible: true }).at(-1)!.candidateId).toBe('cand-b')
  })
})

describe('partial credit and bonus', () => {
  const posting = (criteria: MatchCriterion[]): PostingCriteria => ({ postingId: 'p', roleId: null, criteria })

  test.each([
    ['5 years exactly → met', 5, 'met'],
    ['4 years 11 months → partly met (short by less than a year)', 4 + 11 / 12, 'partly_met'],
    ['4 years → not met (a whole year short)', 4, 'not_met'],
    ['none → not met', 0, 'not_met'],
  ] as const)('experience %s', (_name, years, status) => {
    const result = scoreCandidate(
      posting([{ id: 'e', kind: 'experience', importance: 'preferred', experienceKind: 'digital_department_manager', minYears: 5 }]),
      candidate({ candidateId: 'x', experiences: years > 0 ? [{ kind: 'digital_department_manager', years }] : [] }),
    )
    expect(result.criteria[0]!.status).toBe(status)
  })

  test('a level one below the minimum earns half the points; two below earns none', () => {
    const criteria: MatchCriterion[] = [{ id: 'l', kind: 'job_type_level', importance: 'preferred', jobTypeIds: ['itss.consultant'], minLevel: 4 }]
    const at = (level: number) =>
      scoreCandidate(posting(criteria), candidate({ candidateId: 'x', levels: [{ jobTypeId: 'itss.consultant', level, basis: 'exam', selfDeclared: false }] }))
        .criteria[0]!
    expect(at(4)).toMatchObject({ status: 'met', points: 90, maxPoints: 100, bonusPoints: 0 })
    expect(at(3)).toMatchObject({ status: 'partly_met', points: 45 })
    expect(at(2)).toMatchObject({ status: 'not_met', points: 0 })
    expect(at(6)).toMatchObject({ status: 'met', points: 100, bonusPoints: 10 })
  })

  test('a legacy exam linked by succeeded_by counts as its successor (手順書 参考4.4-② case L7)', () => {
    const result = scoreCandidate(
      posting([{ id: 'c', kind: 'certification', importance: 'required', certificationIds: ['ST'] }]),
      candidate({ candidateId: 'x', certifications: [{ id: 'legacy.system_analyst' }] }),
    )
    expect(result.eligible).toBe(true)
    expect(result.criteria[0]!.evidence[0]!.text).toContain('ITストラテジストとして扱う')
  })

  test('支援士に合格していても「登録は有効」でなければ資格として数えず、説明がそう言う（「登録されていません」ではない）', () => {
    const wanted = posting([{ id: 'c', kind: 'certification', importance: 'required', certificationIds: ['SC'] }])
    const lapsed = scoreCandidate(wanted, candidate({ candidateId: 'x', certifications: [], unregisteredQualificationIds: ['SC'] }))
    expect(lapsed.eligible).toBe(false)
    expect(lapsed.criteria[0]!.evidence[0]!.text).toBe(
      '情報処理安全確保支援士の試験には合格していますが、プロフィールで「登録は有効」になっていないため、登録された資格として数えていません。',
    )
    expect(lapsed.gaps[0]!.message).toContain('情報処理安全確保支援士は登録が有効であること')
    const none = scoreCandidate(wanted, candidate({ candidateId: 'y', certifications: [] }))
    expect(none.criteria[0]!.evidence[0]!.text).toBe('該当する資格がプロフィールにありません。')
  })

  test('bid-restriction preview is a flag with its reason, never an exclusion', () => {
    const reason = '現在の勤務先（株式会社サンプル）はこの団体の入札参加者です'
    const result = scoreCandidate(producerPosting, strategist, { bidRestrictionFlags: [{ candidateId: 'cand-a', reason }] })
    const plain = scoreCandidate(producerPosting, strategist)
    expect(result.eligible).toBe(true)
    expect(result.score).toBe(plain.score)
    expect(result.flags).toEqual([{ code: 'bid_restriction', message: reason, criterionId: null }])
  })

  test('a per-posting weight moves points between lines and the total stays 100', () => {
    const base = planScoring(producerPosting)
    const heavy = planScoring({ ...producerPosting, weights: { 'criterion.1': 20 } })
    const max = (plan: typeof base, id: string) => plan.lines.find((line) => line.criterion.id === id)!.maxBase
    expect(max(heavy, 'criterion.1')).toBeGreaterThan(max(base, 'criterion.1'))
    for (const plan of [base, heavy]) expect(plan.lines.reduce((sum, line) => sum + line.maxBase + line.maxBonus, 0)).toBe(100)
  })

  test.each([
    ['remote required, posting on site only', { remote: 'required' as const }, 'availability.remote', 'not_met'],
    ['keeps current job, posting forbids 副業', { needsSideJob: true }, 'availability.side_job', 'not_met'],
    ['two days a week for a three-day post', { daysPerWeek: 2 }, 'availability.days_per_week', 'partly_met'],
    ['starts 20 days after the term start', { earliestStart: '2026-04-21' }, 'availability.start_date', 'partly_met'],
    ['starts 2 months after the term start', { earliestStart: '2026-06-01' }, 'availability.start_date', 'not_met'],
  ])('availability: %s', (_name, availability, criterionId, status) => {
    const criteria = availabilityCriteria({ daysPerWeek: 3, remote: 'none', sideJobAllowed: false, termStartsOn: '2026-04-01', prefectureCode: '38' })
    const result = scoreCandidate(
      { postingId: 'p', roleId: null, criteria },
      candidate({ candidateId: 'x', availability: { daysPerWeek: 5, remote: 'none', needsSideJob: false, earliestStart: null, ...availability } }),
    )
    expect(result.criteria.find((line) => line.criterionId === criterionId)!.status).toBe(status)
  })
})

describe('rounding', () => {
  test('roundPoints rounds half up', () => {
    expect([roundPoints(4.5), roundPoints(4.49), roundPoints(0), roundPoints(7.2)]).toEqual([5, 4, 0, 7])
  })
  test('allocatePoints hands out exactly the pool, in proportion', () => {
    expect(allocatePoints(90, [1, 1, 1])).toEqual([30, 30, 30])
    expect(allocatePoints(10, [1, 1, 1])).toEqual([4, 3, 3])
    expect(allocatePoints(10, [0, 0])).toEqual([0, 0])
  })
})

// ---------------------------------------------------------------- properties

const JOB_TYPES = ['uiss.business_strategist', 'uiss.is_strategist', 'itss.consultant', 'itss.it_architect', 'itss.project_management']
const CERTS = ['ST', 'SC', 'AU', 'AP', 'PM', 'legacy.system_analyst', 'cisa']
const KINDS = ['digital_strategy_lead', 'digital_department_manager', 'project_management', 'local_government'] as const

const importance = fc.constantFrom('required' as const, 'preferred' as const)
const years = fc.option(
  fc.integer({ min: 0, max: 120 }).map((months) => months / 12),
  { nil: null },
)

const criterionArb: fc.Arbitrary<Omit<MatchCriterion, 'id'>> = fc.oneof(
  fc.record({
    kind: fc.constant('job_type_level' as const),
    importance,
    jobTypeIds: fc.uniqueArray(fc.constantFrom(...JOB_TYPES), { minLength: 1, maxLength: 3 }),
    minLevel: fc.integer({ min: 1, max: 7 }),
  }),
  fc.record({
    kind: fc.constant('certification' as const),
    importance,
    certificationIds: fc.uniqueArray(fc.constantFrom(...CERTS), { minLength: 1, maxLength: 3 }),
  }),
  fc.record({ kind: fc.constant('experience' as const), importance, experienceKind: fc.constantFrom(...KINDS.slice(0, 3)), minYears: years }),
  fc.record({ kind: fc.constant('local_government_experience' as const), importance, minYears: years }),
  fc.record({ kind: fc.constant('days_per_week' as const), importance, minDaysPerWeek: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('remote' as const), importance, remote: fc.constantFrom('none' as const, 'partial' as const, 'full' as const) }),
  fc.record({ kind: fc.constant('side_job' as const), importance, sideJobAllowed: fc.boolean() }),
  fc.record({ kind: fc.constant('start_date' as const), importance, termStartsOn: fc.constantFrom('2026-04-01', '2026-10-01') }),
  fc.record({
    kind: fc.constant('region' as const),
    importance,
    prefectureCode: fc.constantFrom('13', '38'),
    remote: fc.constantFrom('none' as const, 'partial' as const, 'full' as const),
  }),
)

const postingArb: fc.Arbitrary<PostingCriteria> = fc
  .record({
    roleId: fc.constantFrom('producer', 'engineer', null),
    criteria: fc.array(criterionArb, { maxLength: 9 }),
    weight: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
  })
  .map(({ roleId, criteria, weight }) => ({
    postingId: 'p',
    roleId,
    criteria: criteria.map((criterion, index) => ({ ...criterion, id: `c${index}` }) as MatchCriterion),
    ...(weight !== undefined ? { weights: { c0: weight } } : {}),
  }))

const levelArb = fc.record({
  jobTypeId: fc.constantFrom(...JOB_TYPES),
  level: fc.integer({ min: 1, max: 7 }),
  basis: fc.constantFrom('exam' as const, 'exam_and_experience' as const, 'experience' as const),
  selfDeclared: fc.boolean(),
})
const experienceArb = fc.record({
  kind: fc.constantFrom(...KINDS),
  years: fc.integer({ min: 0, max: 240 }).map((months) => months / 12),
  entries: fc.array(fc.record({ id: fc.constantFrom('e1', 'e2', 'e3'), text: fc.constantFrom('A社', 'B市') }), { maxLength: 2 }),
})
const candidateArb: fc.Arbitrary<CandidateFacts> = fc.record({
  candidateId: fc.constantFrom('c-1', 'c-2', 'c-3', 'c-4'),
  levels: fc.array(levelArb, { maxLength: 4 }),
  certifications: fc.array(fc.record({ id: fc.constantFrom(...CERTS) }), { maxLength: 3 }),
  experiences: fc.array(experienceArb, { maxLength: 4 }),
  availability: fc.record({
    daysPerWeek: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
    remote: fc.constantFrom('required' as const, 'preferred' as const, 'none' as const),
    needsSideJob: fc.boolean(),
    earliestStart: fc.option(fc.constantFrom('2026-03-01', '2026-04-15', '2026-09-01'), { nil: null }),
  }),
  prefectureCode: fc.option(fc.constantFrom('13', '38', '27'), { nil: null }),
  regions: fc.uniqueArray(fc.constantFrom('13', '38'), { maxLength: 2 }),
})

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items]
  let state = seed
  for (let index = copy.length - 1; index > 0; index -= 1) {
    state = (state * 1103515245 + 12345) % 2147483648
    const other = state % (index + 1)
    ;[copy[index], copy[other]] = [copy[other]!, copy[index]!]
  }
  return copy
}

describe('properties', () => {
  test('scores stay within 0–100 and equal the sum of their lines; no line exceeds its maximum', () => {
    fc.assert(
      fc.property(postingArb, candidateArb, (posting, facts) => {
        const result = scoreCandidate(posting, facts)
        expect(result.score).toBeGreaterThanOrEqual(0)
        expect(result.score).toBeLessThanOrEqual(100)
        expect(result.score).toBe(sumOfLines(result))
        expect(result.criteria.reduce((sum, line) => sum + line.maxPoints, 0)).toBeLessThanOrEqual(100)
        for (const line of result.criteria) {
          expect(line.points).toBeLessThanOrEqual(line.maxPoints)
          expect(line.bonusPoints).toBeLessThanOrEqual(line.points)
        }
        expect(result.eligible).toBe(result.gaps.length === 0)
      }),
      { numRuns: 500 },
    )
  })

  test('adding a certification never lowers a score nor removes eligibility', () => {
    fc.assert(
      fc.property(postingArb, candidateArb, fc.constantFrom(...CERTS), (posting, facts, certificationId) => {
        const before = scoreCandidate(posting, facts)
        const after = scoreCandidate(posting, { ...facts, certifications: [...facts.certifications, { id: certificationId }] })
        expect(after.score).toBeGreaterThanOrEqual(before.score)
        if (before.eligible) expect(after.eligible).toBe(true)
      }),
      { numRuns: 500 },
    )
  })

  test('adding an experience (or more years of one) never lowers a score nor removes eligibility', () => {
    fc.assert(
      fc.property(postingArb, candidateArb, experienceArb, (posting, facts, experience) => {
        const before = scoreCandidate(posting, facts)
        const after = scoreCandidate(posting, { ...facts, experiences: [...facts.experiences, experience] })
        expect(after.score).toBeGreaterThanOrEqual(before.score)
        if (before.eligible) expect(after.eligible).toBe(true)
      }),
      { numRuns: 500 },
    )
  })

  test('adding a level never lowers a score', () => {
    fc.assert(
      fc.property(postingArb, candidateArb, levelArb, (posting, facts, level) => {
        const before = scoreCandidate(posting, facts)
        const after = scoreCandidate(posting, { ...facts, levels: [...facts.levels, level] })
        expect(after.score).toBeGreaterThanOrEqual(before.score)
      }),
      { numRuns: 300 },
    )
  })

  test('making a required criterion preferred never removes an eligible candidate', () => {
    fc.assert(
      fc.property(postingArb, fc.array(candidateArb, { maxLength: 5 }), fc.nat(), (posting, candidates, pick) => {
        const required = posting.criteria.filter((criterion) => criterion.importance === 'required')
        fc.pre(required.length > 0)
        const relaxedId = required[pick % required.length]!.id
        const relaxed = {
          ...posting,
          criteria: posting.criteria.map((criterion) => (criterion.id === relaxedId ? { ...criterion, importance: 'preferred' as const } : criterion)),
        }
        for (const facts of candidates) {
          if (scoreCandidate(posting, facts).eligible) expect(scoreCandidate(relaxed, facts).eligible).toBe(true)
        }
      }),
      { numRuns: 300 },
    )
  })

  test('the order of inputs never changes results', () => {
    fc.assert(
      fc.property(postingArb, fc.uniqueArray(candidateArb, { maxLength: 4, selector: (facts) => facts.candidateId }), fc.nat(), (posting, candidates, seed) => {
        const reorder = (facts: CandidateFacts): CandidateFacts => ({
          ...facts,
          levels: shuffled(facts.levels, seed),
          certifications: shuffled(facts.certifications, seed + 1),
          experiences: shuffled(facts.experiences, seed + 2).map((experience) => ({ ...experience, entries: shuffled(experience.entries ?? [], seed) })),
          regions: shuffled(facts.regions, seed + 3),
        })
        const reordered = { ...posting, criteria: shuffled(posting.criteria, seed + 4) }
        const flags = [
          { candidateId: 'c-1', reason: 'b' },
          { candidateId: 'c-1', reason: 'a' },
        ]
        const expected = rankCandidates(posting, candidates, { includeIneligible: true, bidRestrictionFlags: flags })
        const actual = rankCandidates(reordered, shuffled(candidates, seed + 5).map(reorder), {
          includeIneligible: true,
          bidRestrictionFlags: shuffled(flags, seed),
        })
        expect(actual).toEqual(expected)
      }),
      { numRuns: 300 },
    )
  })

  test('the same data gives the same scores and order; ties are broken by candidate id', () => {
    const twins = ['c-9', 'c-2', 'c-5'].map((candidateId) => ({ ...strategist, candidateId }))
    const ranked = rankCandidates(producerPosting, twins)
    expect(ranked.map((result) => result.candidateId)).toEqual(['c-2', 'c-5', 'c-9'])
    expect(new Set(ranked.map((result) => result.score)).size).toBe(1)
  })
})
