import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
  type DerivedLevel,
  defaultLevelOptions,
  deriveLevels,
  type ExamPassFact,
  type ExperienceFact,
  formatSitting,
  heldCertificationIds,
  type LevelClaimFact,
  type LevelFacts,
  levelOf,
  unionDays,
  validateLevelFacts,
} from './levels.ts'
import { skillStandardCatalog } from './skill-standard/index.ts'

const TODAY = '2026-11-24'

const pass = (examId: string, fiscalYear: number, extra: Partial<ExamPassFact> = {}): ExamPassFact => ({
  examId,
  fiscalYear,
  season: 'spring',
  ...extra,
})
const experience = (id: string, startsOn: string, endsOn: string | null, jobTypeIds: string[]): ExperienceFact => ({
  id,
  startsOn,
  endsOn,
  jobTypeIds,
})
const facts = (partial: Partial<LevelFacts>): LevelFacts => ({ exams: [], experiences: [], claims: [], ...partial })

const VERIFIED = {
  verifiedByUserId: '00000000-0000-4000-8000-000000000001',
  verifiedByName: '県 太郎',
  localGovernmentCode: '380008',
  organisationName: '愛媛県',
  verifiedAt: '2026-05-01T09:00:00.000Z',
}
const claimL6: LevelClaimFact = { id: 'c1', jobTypeId: 'itss.consultant', level: 6, experienceEntryIds: ['e1'], verification: null }

/** Expected levels: job type → [level, status]; `common` checks the common level; `absent` lists job types with none. */
interface Expectation {
  common?: number | null
  levels?: Record<string, [number, DerivedLevel['status']]>
  absent?: string[]
  held?: { includes?: string[]; excludes?: string[] }
  acceptRelatedExams?: boolean
}

// 手順書 参考4.4-② worked cases; the names repeat the case number and the rule.
const cases: [string, LevelFacts, Expectation][] = [
  [
    'L1 ITパスポートのみ → 全職種共通レベル1（レベル1の試験）',
    facts({ exams: [pass('IP', 2019)] }),
    {
      common: 1,
      levels: { 'itss.consultant': [1, 'exam'], 'uiss.business_strategist': [1, 'exam'] },
    },
  ],
  [
    'L2 基本情報技術者のみ → 全職種共通レベル2（レベル2の試験）',
    facts({ exams: [pass('FE', 2015)] }),
    {
      common: 2,
      levels: { 'itss.project_management': [2, 'exam'] },
    },
  ],
  [
    'L3 第二種情報処理技術者のみ → 共通レベル2（基本情報技術者の前身）',
    facts({ exams: [pass('legacy.second_class', 1998)] }),
    {
      common: 2,
      levels: { 'uiss.is_strategist': [2, 'exam'] },
      held: { includes: ['legacy.second_class', 'FE'] },
    },
  ],
  [
    'L4 応用情報技術者のみ → すべての職種でレベル3（試験制度: プロデューサーのコンサルタント・ITアーキテクト・プログラムマネージャも）',
    facts({ exams: [pass('AP', 2020)] }),
    {
      common: null,
      levels: {
        'uiss.business_strategist': [3, 'exam'],
        'itss.project_management': [3, 'exam'],
        'itss.consultant': [3, 'exam'],
        'itss.it_architect': [3, 'exam'],
        'uiss.program_manager': [3, 'exam'],
      },
      absent: [],
    },
  ],
  [
    'L5 ITストラテジスト・経験なし → 3職種でレベル3（経験3年に届かない高度試験）',
    facts({ exams: [pass('ST', 2021)] }),
    {
      levels: {
        'uiss.business_strategist': [3, 'exam'],
        'uiss.is_strategist': [3, 'exam'],
        'itss.consultant': [3, 'exam'],
      },
      absent: ['itss.it_architect', 'uiss.is_architect'],
    },
  ],
  [
    'L6 ITストラテジスト＋ビジネスストラテジスト5年 → そこだけレベル4（試験＋3年以上）',
    facts({
      exams: [pass('ST', 2018)],
      experiences: [experience('e1', '2020-04-01', '2025-03-31', ['uiss.business_strategist'])],
    }),
    {
      levels: { 'uiss.business_strategist': [4, 'exam_and_experience'], 'uiss.is_strategist': [3, 'exam'] },
    },
  ],
  [
    'L7 システムアナリスト＋ISストラテジスト4年 → レベル4（ITストラテジストの前身＋経験）',
    facts({
      exams: [pass('legacy.system_analyst', 2004, { season: 'autumn' })],
      experiences: [experience('e1', '2010-04-01', '2014-03-31', ['uiss.is_strategist'])],
    }),
    {
      levels: { 'uiss.is_strategist': [4, 'exam_and_experience'] },
      held: { includes: ['legacy.system_analyst', 'ST'] },
    },
  ],
  [
    'L8 上級システムアドミニストレータ＋6年 → レベル3（点線の旧試験は1レベル低い）',
    facts({
      exams: [pass('legacy.senior_systems_administrator', 2006)],
      experiences: [experience('e1', '2008-04-01', '2014-03-31', ['uiss.is_strategist'])],
    }),
    {
      levels: { 'uiss.is_strategist': [3, 'exam_and_experience'] },
      held: { includes: ['legacy.senior_systems_administrator'], excludes: ['ST'] },
    },
  ],
  [
    'L8 団体が点線の旧試験を認める場合 → レベル4',
    facts({
      exams: [pass('legacy.senior_systems_administrator', 2006)],
      experiences: [experience('e1', '2008-04-01', '2014-03-31', ['uiss.is_strategist'])],
    }),
    {
      acceptRelatedExams: true,
      levels: { 'uiss.is_strategist': [4, 'exam_and_experience'] },
    },
  ],
  [
    'L9 プロジェクトマネージャ＋2年11か月 → レベル3（3年に1か月足りない）',
    facts({
      exams: [pass('PM', 2016)],
      experiences: [experience('e1', '2019-04-01', '2022-02-28', ['itss.project_management'])],
    }),
    {
      levels: { 'itss.project_management': [3, 'exam'] },
    },
  ],
  [
    'L10 プロジェクトマネージャ＋ちょうど3年（両端を含む） → レベル4',
    facts({
      exams: [pass('PM', 2016)],
      experiences: [experience('e1', '2019-04-01', '2022-03-31', ['itss.project_management'])],
    }),
    {
      levels: { 'itss.project_management': [4, 'exam_and_experience'] },
    },
  ],
  [
    '重なる経験は1回だけ数える（2年＋2年で3年） → レベル4',
    facts({
      exams: [pass('PM', 2016)],
      experiences: [
        experience('e1', '2019-04-01', '2021-03-31', ['itss.project_management']),
        experience('e2', '2020-04-01', '2022-03-31', ['itss.project_management']),
      ],
    }),
    {
      levels: { 'itss.project_management': [4, 'exam_and_experience'] },
    },
  ],
  [
    'L11 試験なし・コンサルタントL6を12年の経験で申告 → L6 自己申告',
    facts({
      experiences: [experience('e1', '2012-04-01', '2024-03-31', ['itss.consultant'])],
      claims: [claimL6],
    }),
    {
      levels: { 'itss.consultant': [6, 'self_declared'] },
    },
  ],
  [
    'L12 L11 を愛媛県の職員が確認 → L6 確認済み',
    facts({
      experiences: [experience('e1', '2012-04-01', '2024-03-31', ['itss.consultant'])],
      claims: [{ ...claimL6, verification: VERIFIED }],
    }),
    {
      levels: { 'itss.consultant': [6, 'verified'] },
    },
  ],
  [
    'L13 支援士試験合格・登録失効 → セキュリティ職種L3、資格「支援士」は保有しない',
    facts({
      exams: [pass('SC', 2018, { registration: { number: '012345', isCurrent: false } })],
    }),
    {
      levels: { 'itss.it_specialist': [3, 'exam'], 'uiss.is_administrator': [3, 'exam'] },
      held: { excludes: ['SC'] },
    },
  ],
  [
    'L13 登録失効でも3年の経験があればL4（合格は永続）',
    facts({
      exams: [pass('SC', 2018, { registration: { number: '012345', isCurrent: false } })],
      experiences: [experience('e1', '2019-04-01', '2023-03-31', ['itss.it_specialist'])],
    }),
    {
      levels: { 'itss.it_specialist': [4, 'exam_and_experience'] },
      held: { excludes: ['SC'] },
    },
  ],
  [
    '支援士の登録が有効なら資格を保有',
    facts({
      exams: [pass('SC', 2018, { registration: { number: '012345', isCurrent: true } })],
    }),
    {
      held: { includes: ['SC'] },
    },
  ],
]

describe('レベル判定（手順書 参考4.4-② case L1–L13）', () => {
  test.each(cases)('%s', (_name, input, expected) => {
    expect(validateLevelFacts(input, TODAY)).toEqual([])
    const options = { ...defaultLevelOptions, acceptRelatedExams: expected.acceptRelatedExams ?? false }
    const result = deriveLevels(input, TODAY, options)
    if (expected.common !== undefined) expect(result.commonLevel).toBe(expected.common)
    for (const [jobTypeId, [level, status]] of Object.entries(expected.levels ?? {})) {
      const found = result.levels.find((entry) => entry.jobTypeId === jobTypeId)
      expect(found, jobTypeId).toBeDefined()
      expect([found!.level, found!.status], jobTypeId).toEqual([level, status])
      expect(found!.explanation).toMatch(/レベル/)
    }
    for (const jobTypeId of expected.absent ?? []) expect(levelOf(result, jobTypeId), jobTypeId).toBe(0)
    const held = heldCertificationIds({ exams: input.exams, otherCertificationIds: [] })
    for (const id of expected.held?.includes ?? []) expect(held).toContain(id)
    for (const id of expected.held?.excludes ?? []) expect(held).not.toContain(id)
  })

  test('L5 ではちょうど3職種にだけレベルが付く', () => {
    const result = deriveLevels(facts({ exams: [pass('ST', 2021)] }), TODAY)
    expect(result.levels.map((entry) => entry.jobTypeId).sort()).toEqual(['itss.consultant', 'uiss.business_strategist', 'uiss.is_strategist'])
  })

  test('根拠: L6 は試験・経験エントリ・規則を持ち、説明は日本語', () => {
    const result = deriveLevels(cases[5]![1], TODAY)
    const level = result.levels.find((entry) => entry.jobTypeId === 'uiss.business_strategist')!
    expect(level).toMatchObject({
      examId: 'ST',
      countsAsExamId: 'ST',
      rule: 'advanced_exam_with_experience',
      experienceEntryIds: ['e1'],
      provenLevel: 4,
    })
    expect(level.explanation).toContain('ITストラテジスト')
    expect(level.explanation).toContain('平成30年度春期')
  })

  test('L7 の根拠は旧試験と後継試験の両方を示す', () => {
    const level = deriveLevels(cases[6]![1], TODAY).levels.find((entry) => entry.jobTypeId === 'uiss.is_strategist')!
    expect(level).toMatchObject({ examId: 'legacy.system_analyst', countsAsExamId: 'ST', equivalenceKind: 'succeeded_by', penalty: 0 })
  })

  test('L8 の根拠は点線による1レベル減を示す', () => {
    const level = deriveLevels(cases[7]![1], TODAY).levels.find((entry) => entry.jobTypeId === 'uiss.is_strategist')!
    expect(level).toMatchObject({ equivalenceKind: 'related_to', penalty: 1 })
    expect(level.explanation).toContain('1レベル低く')
  })

  test('L12 の確認者と日時が残る', () => {
    const level = deriveLevels(cases[13]![1], TODAY).levels.find((entry) => entry.jobTypeId === 'itss.consultant')!
    expect(level.verification).toEqual(VERIFIED)
    expect(level.explanation).toContain('愛媛県')
    expect(level.provenLevel).toBeNull()
  })

  test('第一種 → ソフトウェア開発技術者 → 応用情報の連鎖でレベル3', () => {
    const result = deriveLevels(facts({ exams: [pass('legacy.first_class', 1995)] }), TODAY)
    expect(levelOf(result, 'uiss.business_strategist')).toBe(3)
    expect(heldCertificationIds({ exams: [pass('legacy.first_class', 1995)], otherCertificationIds: [] })).toEqual([
      'AP',
      'legacy.first_class',
      'legacy.software_development_engineer',
    ])
  })

  test('初級シスアド（点線・レベル1）はレベルが付かず、理由を残す', () => {
    const result = deriveLevels(facts({ exams: [pass('legacy.junior_systems_administrator', 2005)] }), TODAY)
    expect(result.commonLevel).toBeNull()
    expect(result.notes).toHaveLength(1)
  })

  test('その他の資格は一覧にあるものだけ保有資格になる', () => {
    expect(heldCertificationIds({ exams: [], otherCertificationIds: ['cisa', 'unknown'] })).toEqual(['cisa'])
  })
})

describe('入力の誤り（手順書 参考4.4-② case L14 ほか）', () => {
  test.each<[string, LevelFacts, string]>([
    [
      'L14 応用情報の合格日が未来（2027-01-01、今日 2026-11-24） → 400',
      facts({
        exams: [pass('AP', 2026, { season: 'other', passedOn: '2027-01-01' })],
      }),
      'exams.0.passedOn',
    ],
    ['L14 まだ実施されていない回（令和9年度春期）', facts({ exams: [pass('AP', 2027)] }), 'exams.0.fiscalYear'],
    ['合格日が年度の範囲外', facts({ exams: [pass('AP', 2020, { passedOn: '2019-06-01' })] }), 'exams.0.passedOn'],
    ['一覧にない試験', facts({ exams: [pass('XX', 2020)] }), 'exams.0.examId'],
    ['登録制度のない試験に登録番号', facts({ exams: [pass('AP', 2020, { registration: { number: '1', isCurrent: true } })] }), 'exams.0.registration'],
    ['経験の終了日が開始日より前', facts({ experiences: [experience('e1', '2020-04-01', '2019-03-31', [])] }), 'experiences.0.endsOn'],
    ['経験の開始日が未来', facts({ experiences: [experience('e1', '2027-04-01', null, [])] }), 'experiences.0.startsOn'],
    ['一覧にない職種', facts({ experiences: [experience('e1', '2020-04-01', null, ['itss.unknown'])] }), 'experiences.0.jobTypeIds.0'],
    [
      '申告はレベル5〜7のみ',
      facts({
        experiences: [experience('e1', '2012-04-01', null, [])],
        claims: [{ ...claimL6, level: 4 }],
      }),
      'claims.0.level',
    ],
    ['申告の根拠の経験がない', facts({ claims: [{ ...claimL6, experienceEntryIds: ['missing'] }] }), 'claims.0.experienceEntryIds.0'],
  ])('%s', (_name, input, path) => {
    const issues = validateLevelFacts(input, TODAY)
    expect(issues.map((issue) => issue.path)).toContain(path)
    for (const issue of issues) expect(issue.message).toMatch(/[ぁ-んァ-ン一-龠]/)
  })
})

describe('経験年数は期間の和集合（両端を含む）', () => {
  test.each([
    ['1日', [{ startsOn: '2020-04-01', endsOn: '2020-04-01' }], 1],
    [
      '隣接する期間はつながる',
      [
        { startsOn: '2020-04-01', endsOn: '2020-04-30' },
        { startsOn: '2020-05-01', endsOn: '2020-05-31' },
      ],
      61,
    ],
    [
      '含まれる期間は数えない',
      [
        { startsOn: '2020-01-01', endsOn: '2020-12-31' },
        { startsOn: '2020-03-01', endsOn: '2020-03-31' },
      ],
      366,
    ],
    ['継続中は今日まで', [{ startsOn: '2026-11-20', endsOn: null }], 5],
  ])('%s', (_name, periods, days) => {
    expect(unionDays(periods, TODAY)).toBe(days)
  })
})

describe('性質', () => {
  const examIds = skillStandardCatalog.exams.map((exam) => exam.id)
  const jobTypeIds = skillStandardCatalog.jobTypes.map((jobType) => jobType.id)
  const date = fc.integer({ min: 0, max: 9000 }).map((offset) => new Date(Date.UTC(2001, 0, 1 + offset)).toISOString().slice(0, 10))
  const arbitraryFacts = fc.record({
    exams: fc.array(
      fc.record({
        examId: fc.constantFrom(...examIds),
        fiscalYear: fc.integer({ min: 1990, max: 2025 }),
        season: fc.constantFrom('spring' as const, 'autumn' as const, 'other' as const),
      }),
      { maxLength: 5 },
    ),
    experiences: fc.array(fc.tuple(date, fc.integer({ min: 0, max: 2000 }), fc.subarray(jobTypeIds, { maxLength: 3 })), { maxLength: 5 }).map((rows) =>
      rows.map(([startsOn, length, tags], index) => ({
        id: `e${index}`,
        startsOn,
        endsOn: new Date(Date.parse(startsOn) + length * 86_400_000).toISOString().slice(0, 10),
        jobTypeIds: tags,
      })),
    ),
    claims: fc.constant([]),
  })

  test('入力の順序は結果を変えない', () => {
    fc.assert(
      fc.property(arbitraryFacts, (input) => {
        const reversed = { ...input, exams: [...input.exams].reverse(), experiences: [...input.experiences].reverse() }
        expect(deriveLevels(reversed, TODAY)).toEqual(deriveLevels(input, TODAY))
      }),
    )
  })

  test('試験や経験を足してもレベルは下がらない', () => {
    fc.assert(
      fc.property(arbitraryFacts, arbitraryFacts, (a, b) => {
        const before = deriveLevels(a, TODAY)
        const after = deriveLevels({ ...a, exams: [...a.exams, ...b.exams], experiences: [...a.experiences] }, TODAY)
        for (const jobTypeId of jobTypeIds) expect(levelOf(after, jobTypeId)).toBeGreaterThanOrEqual(levelOf(before, jobTypeId))
      }),
    )
  })

  test('試験だけから出るレベルは1〜4、すべてに説明がある', () => {
    fc.assert(
      fc.property(arbitraryFacts, (input) => {
        for (const level of deriveLevels(input, TODAY).levels) {
          expect(level.level).toBeGreaterThanOrEqual(1)
          expect(level.level).toBeLessThanOrEqual(4)
          expect(level.explanation.length).toBeGreaterThan(0)
        }
      }),
    )
  })

  test('和暦の回の表示', () => {
    expect(formatSitting(2023, 'autumn')).toBe('令和5年度秋期')
    expect(formatSitting(2019, 'spring')).toBe('令和元年度春期')
  })
})

describe('判定の説明は、どの試験でも日本語の文として読める', () => {
  const yearOf = (exam: (typeof skillStandardCatalog.exams)[number]) => Number((exam.until ?? exam.since ?? '2015').slice(0, 4))
  const allJobTypes = skillStandardCatalog.jobTypes.map((jobType) => jobType.id)

  test('高度試験だけで経験なし:「プロジェクトマネージャ（平成24年度春期）に合格していますが、…」', () => {
    const level = deriveLevels(facts({ exams: [pass('PM', 2012)] }), TODAY).levels.find((entry) => entry.jobTypeId === 'uiss.project_manager')!
    expect(level.explanation).toBe(
      'プロジェクトマネージャ（平成24年度春期）に合格していますが、プロジェクトマネージャの経験が登録されていないためレベル3としています（レベル4には高度試験の合格に加えて3年以上の業務経験が必要）。',
    )
  })

  test.each(skillStandardCatalog.exams.map((exam) => [exam.name, exam] as const))('%s', (_name, exam) => {
    for (const withExperience of [false, true]) {
      const result = deriveLevels(
        facts({
          exams: [pass(exam.id, yearOf(exam))],
          experiences: withExperience ? [experience('e1', '2015-04-01', null, allJobTypes)] : [],
        }),
        TODAY,
      )
      const sentences = [...result.levels.filter((level) => level.examId === exam.id).map((level) => level.explanation), ...result.notes]
      expect(sentences.length).toBeGreaterThan(0)
      for (const sentence of sentences) {
        // the pass as a noun phrase, then a particle that continues the sentence
        expect(sentence.startsWith(`${exam.name}（`), sentence).toBe(true)
        const rest = sentence.slice(exam.name.length)
        expect(rest, sentence).toMatch(/^（[^）]*）(に合格しているため、|の合格と、|に合格していますが、|は、)/)
        expect(sentence, sentence).not.toMatch(/）(いますが|、)|としてを|を後継|合格）/)
        expect(sentence.endsWith('。'), sentence).toBe(true)
      }
    }
  })
})
