import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { type Criterion, emptyPostingForm, PostingForm, type PostingFormInput } from '#shared/domain/postings/form'
import { PostingAction, PostingState, type WorkflowActor } from '#shared/domain/postings/workflow'
import { annualPay, grantAmount, type SpecialGrantRule } from '#shared/domain/postings/special-grant'
import { findRole } from '#shared/domain/skill-standard/index'
import { completeForm } from './test-fixtures.ts'
import {
  audiencesOf,
  availableActions,
  closeReasonProblem,
  completenessProblems,
  estimateSpecialGrant,
  formProblems,
  matchesSubscription,
  nextPostingState,
  postingEditability,
  postingSearchText,
  presetCriteria,
  readinessOf,
} from './rules.ts'

const form = (input: PostingFormInput = {}) => PostingForm.parse(input)

describe('nextPostingState: 市区町村 → 都道府県 → 国 (手順書 参考4.4-⑭ ②)', () => {
  test.each<[PostingState, PostingAction, WorkflowActor, PostingState | 'forbidden' | 'wrong_state']>([
    ['draft', 'submit', 'municipality', 'submitted'],
    ['returned', 'submit', 'municipality', 'submitted'],
    ['submitted', 'forward', 'prefecture', 'forwarded'],
    ['submitted', 'return', 'prefecture', 'returned'],
    ['forwarded', 'return', 'national', 'returned'],
    ['forwarded', 'publish', 'national', 'published'],
    ['published', 'close', 'municipality', 'closed'],
    ['published', 'close', 'national', 'closed'],
    ['draft', 'close', 'municipality', 'closed'],
    ['published', 'expire', 'system', 'closed'],
    // refusals
    ['draft', 'submit', 'prefecture', 'forbidden'],
    ['submitted', 'submit', 'municipality', 'wrong_state'],
    ['draft', 'forward', 'prefecture', 'wrong_state'],
    ['submitted', 'publish', 'national', 'wrong_state'],
    ['submitted', 'publish', 'prefecture', 'forbidden'],
    ['forwarded', 'forward', 'prefecture', 'wrong_state'],
    ['published', 'publish', 'national', 'wrong_state'],
    ['closed', 'close', 'municipality', 'wrong_state'],
    ['draft', 'close', 'national', 'wrong_state'],
    ['published', 'expire', 'municipality', 'forbidden'],
    ['draft', 'submit', 'candidate', 'forbidden'],
    ['draft', 'submit', 'anonymous', 'forbidden'],
  ])('%s + %s by %s → %s', (state, action, actor, expected) => {
    const result = nextPostingState(state, action, actor)
    if (expected === 'forbidden' || expected === 'wrong_state') {
      expect(result).toMatchObject({ ok: false, refusal: expected })
      if (!result.ok) expect(result.reason).toMatch(/できません/)
    } else {
      expect(result).toEqual({ ok: true, next: expected })
    }
  })

  test('property: only the national side publishes, and only a forwarded posting', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PostingState.options),
        fc.constantFrom(...PostingAction.options),
        fc.constantFrom<WorkflowActor>('municipality', 'prefecture', 'national', 'candidate', 'anonymous', 'system'),
        (state, action, actor) => {
          const result = nextPostingState(state, action, actor)
          if (result.ok && result.next === 'published') expect([state, actor]).toEqual(['forwarded', 'national'])
          if (state === 'closed') expect(result.ok).toBe(false)
          if (actor === 'candidate' || actor === 'anonymous') expect(result.ok).toBe(false)
        },
      ),
    )
  })

  test('availableActions lists exactly the allowed ones', () => {
    expect(availableActions('submitted', 'prefecture').sort()).toEqual(['forward', 'return'])
    expect(availableActions('forwarded', 'national').sort()).toEqual(['publish', 'return'])
    expect(availableActions('draft', 'municipality').sort()).toEqual(['close', 'submit'])
    expect(availableActions('published', 'prefecture')).toEqual([])
  })

  test.each<[PostingState, boolean, boolean | null]>([
    ['draft', true, false],
    ['returned', true, false],
    ['published', true, true],
    ['submitted', false, null],
    ['forwarded', false, null],
    ['closed', false, null],
  ])('editing a %s posting: editable=%s, new revision=%s', (state, editable, revision) => {
    const result = postingEditability(state, 'municipality')
    expect(result.editable).toBe(editable)
    if (result.editable) expect(result.createsRevision).toBe(revision)
    else expect(result.reason).toMatch(/できません/)
    expect(postingEditability(state, 'prefecture').editable).toBe(false)
  })

  test('close reasons: 採用決定 only once published; 締切経過 only by the timer', () => {
    expect(closeReasonProblem('published', 'filled', 'municipality')).toBeNull()
    expect(closeReasonProblem('draft', 'filled', 'municipality')).toMatch(/公開中/)
    expect(closeReasonProblem('draft', 'withdrawn', 'municipality')).toBeNull()
    expect(closeReasonProblem('published', 'expired', 'municipality')).toMatch(/自動/)
    expect(closeReasonProblem('published', 'expired', 'system')).toBeNull()
  })

  test('who hears of a step', () => {
    expect(audiencesOf('submit', 'municipality')).toEqual(['prefecture'])
    expect(audiencesOf('forward', 'prefecture')).toContain('national')
    expect(audiencesOf('return', 'prefecture')).toEqual(['municipality'])
    expect(audiencesOf('return', 'national')).toEqual(['municipality', 'prefecture'])
    expect(audiencesOf('publish', 'national')).toContain('municipality')
  })
})

describe('completenessProblems: what a submission needs (手順書 参考4.4-⑭, §4.4(1)(2))', () => {
  test('a complete form has no problems', () => {
    expect(completenessProblems(form(completeForm))).toEqual([])
  })

  test('an empty draft lists every required field, each with a Japanese message', () => {
    const problems = completenessProblems(emptyPostingForm())
    const paths = problems.map((problem) => problem.path)
    for (const path of [
      'title',
      'roleId',
      'dutyAreas',
      'dutyDescription',
      'criteria',
      'appointmentForm',
      'payAmount',
      'applicationEndsOn',
      'contactEmail',
      'selectionSteps',
    ]) {
      expect(paths).toContain(path)
    }
    for (const problem of problems) expect(problem.message).toMatch(/[ぁ-んァ-ン一-龥]/)
  })

  test.each<[string, PostingFormInput, string]>([
    ['人材像「その他」は名称が必要', { roleId: 'other', roleLabel: null }, 'roleLabel'],
    ['任用形態「その他」は内容が必要', { appointmentForm: 'other' }, 'appointmentFormNote'],
    ['リモート可なら出勤頻度が必要', { remoteAllowed: true, onSiteFrequency: null }, 'onSiteFrequency'],
    ['連絡先はメールか電話', { contactEmail: null, contactPhone: null }, 'contactEmail'],
    ['§4.4(1) 取組分野が1つ以上', { dutyAreas: [] }, 'dutyAreas'],
    ['§4.4(2) 求めるスキルが1つ以上', { criteria: [] }, 'criteria'],
    ['参考4.4-⑥ 特定任期付職員はフルタイム（週2日は不可）', { appointmentForm: 'tokutei_ninkitsuki', sideJobAllowed: false }, 'workDays'],
    [
      '参考4.4-⑥ 特定任期付職員はフルタイム（月8日は不可）',
      { appointmentForm: 'tokutei_ninkitsuki', sideJobAllowed: false, workDaysPer: 'month', workDays: 8 },
      'workDays',
    ],
    ['地公法 第38条: 特定任期付職員の兼業は許可制（副業「可」は不可）', { appointmentForm: 'tokutei_ninkitsuki', workDays: 5 }, 'sideJobAllowed'],
  ])('%s', (_name, change, path) => {
    expect(completenessProblems(form({ ...completeForm, ...change })).map((problem) => problem.path)).toEqual([path])
  })

  test.each<[string, PostingFormInput]>([
    ['特定任期付職員 週5日・副業不可', { appointmentForm: 'tokutei_ninkitsuki', workDays: 5, sideJobAllowed: false }],
    ['特別職非常勤職員 週2日・副業可（今のまま）', { appointmentForm: 'tokubetsushoku_hijokin' }],
    ['業務委託 週2日・副業可（今のまま）', { appointmentForm: 'gyomu_itaku' }],
  ])('手順書 参考4.4-⑥: %s is fine', (_name, change) => {
    expect(completenessProblems(form({ ...completeForm, ...change }))).toEqual([])
  })

  test('the flags say why, naming the law', () => {
    const messages = completenessProblems(form({ ...completeForm, appointmentForm: 'tokutei_ninkitsuki' })).map((problem) => problem.message)
    expect(messages).toEqual([expect.stringContaining('フルタイム'), expect.stringContaining('地方公務員法第38条')])
  })

  test('property: filling a missing field never adds a problem', () => {
    fc.assert(
      fc.property(fc.subarray(Object.keys(completeForm) as Array<keyof PostingFormInput>), (kept) => {
        const partial = form(Object.fromEntries(kept.map((key) => [key, completeForm[key]])))
        const fuller = form({ ...Object.fromEntries(kept.map((key) => [key, completeForm[key]])), title: 'CIO補佐官' })
        expect(completenessProblems(fuller).length).toBeLessThanOrEqual(completenessProblems(partial).length)
      }),
    )
  })
})

describe('formProblems: values wrong whenever filled in', () => {
  const facts = { today: '2026-04-01', ownCode: '382019' }
  test.each<[string, PostingFormInput, string | null]>([
    ['締切は明日以降（今日は不可）', { applicationEndsOn: '2026-04-01' }, 'applicationEndsOn'],
    ['締切が明日なら可', { applicationEndsOn: '2026-04-02' }, null],
    ['募集開始は締切以前', { applicationStartsOn: '2026-06-01', applicationEndsOn: '2026-05-31' }, 'applicationStartsOn'],
    ['任期終了は開始より後', { termStartsOn: '2026-07-01', termEndsOn: '2026-07-01' }, 'termEndsOn'],
    ['任期開始は締切以降', { applicationEndsOn: '2026-08-01', termStartsOn: '2026-07-01', termEndsOn: '2027-03-31' }, 'termStartsOn'],
    ['特定任期付職員: 5年ちょうどは可', { appointmentForm: 'tokutei_ninkitsuki', termStartsOn: '2026-07-01', termEndsOn: '2031-06-30' }, null],
    ['特定任期付職員: 5年を1日でも超えると不可', { appointmentForm: 'tokutei_ninkitsuki', termStartsOn: '2026-07-01', termEndsOn: '2031-07-01' }, 'termEndsOn'],
    ['特別職非常勤に5年の上限はない', { appointmentForm: 'tokubetsushoku_hijokin', termStartsOn: '2026-07-01', termEndsOn: '2032-03-31' }, null],
    ['地公法 第22条の2: 会計年度任用職員は3月31日までなら可', { appointmentForm: 'kaikei_nendo', termStartsOn: '2026-07-01', termEndsOn: '2027-03-31' }, null],
    [
      '地公法 第22条の2: 会計年度任用職員は年度をまたげない',
      { appointmentForm: 'kaikei_nendo', termStartsOn: '2026-07-01', termEndsOn: '2027-04-01' },
      'termEndsOn',
    ],
    ['業務委託は年度をまたいでよい（今のまま）', { appointmentForm: 'gyomu_itaku', termStartsOn: '2026-07-01', termEndsOn: '2027-06-30' }, null],
    ['週の勤務日数は5日まで', { workDaysPer: 'week', workDays: 6 }, 'workDays'],
    ['週1日は可', { workDaysPer: 'week', workDays: 1 }, null],
    ['月の勤務日数は23日まで', { workDaysPer: 'month', workDays: 24 }, 'workDays'],
    ['共同任用に自団体は入れない', { jointAppointmentCodes: ['382019'] }, 'jointAppointmentCodes.0'],
    ['共同任用の重複', { jointAppointmentCodes: ['382027', '382027'] }, 'jointAppointmentCodes.1'],
    [
      '同じ取組分野の重複',
      {
        dutyAreas: [
          { area: 'bpr', involvement: 'lead' },
          { area: 'bpr', involvement: 'advise' },
        ],
      },
      'dutyAreas.1.area',
    ],
  ])('%s', (_name, input, path) => {
    const problems = formProblems(form(input), facts)
    expect(problems.map((problem) => problem.path)).toEqual(path ? [path] : [])
  })

  test('an unchanged stored deadline is not re-checked after it passes', () => {
    expect(formProblems(form({ applicationEndsOn: '2026-03-01' }), { ...facts, storedDeadline: '2026-03-01' })).toEqual([])
  })

  test.each<[string, PostingFormInput, string]>([
    ['報酬は0円以上', { payAmount: -1 }, '0円以上'],
    ['報酬は整数の円', { payAmount: 1000.5 }, '整数'],
    ['日付の形式', { termStartsOn: '2026-02-30' }, 'YYYY-MM-DD'],
    ['団体コードの検査数字', { jointAppointmentCodes: ['382018'] }, '検査数字'],
    ['募集人数は1人以上', { openings: 0 }, '1人以上'],
    ['メールの形式', { contactEmail: 'not-an-address' }, 'メールアドレス'],
  ])('structure: %s', (_name, input, message) => {
    const result = PostingForm.safeParse(input)
    expect(result.success).toBe(false)
    expect(result.error!.issues[0]!.message).toContain(message)
  })
})

describe('presetCriteria: the skill standard fills the conditions (手順書 参考4.4-④ 「いずれか…望ましい」)', () => {
  test.each([
    // [role, alternatives of the level-or-certification row, alternatives of the experience row]
    ['producer', ['job_type_level', 'certification'], ['experience', 'experience', 'local_government_experience']],
    ['project_manager', ['job_type_level', 'certification'], ['experience', 'local_government_experience']],
    ['service_designer', ['certification'], ['experience', 'experience']],
  ] as const)('%s: every row preferred, alternatives as the standard words them', (roleId, skills, experiences) => {
    const preset = presetCriteria(findRole(roleId)!)
    expect(preset.criteria.every((criterion) => criterion.importance === 'preferred')).toBe(true)
    const kindsOf = (criterion: Criterion | undefined) =>
      criterion?.kind === 'any_of' ? criterion.alternatives.map((alternative) => alternative.kind) : [criterion?.kind]
    expect(kindsOf(preset.criteria[0])).toEqual(skills)
    expect(kindsOf(preset.criteria[1])).toEqual(experiences)
    expect(PostingForm.safeParse({ criteria: preset.criteria }).success).toBe(true)
  })

  test('プロデューサー: a level in the five job types or 支援士 / システム監査技術者 are alternatives of one row', () => {
    const [row] = presetCriteria(findRole('producer')!).criteria
    expect(row).toMatchObject({
      kind: 'any_of',
      alternatives: [
        {
          kind: 'job_type_level',
          minLevel: 4,
          jobTypeIds: ['itss.consultant', 'itss.it_architect', 'uiss.business_strategist', 'uiss.is_strategist', 'uiss.is_architect'],
        },
        { kind: 'certification', certificationIds: ['SC', 'AU'] },
      ],
    })
  })

  test.each(['producer', 'project_manager', 'service_designer', 'engineer'])('%s: no certification is ever required', (roleId) => {
    const preset = presetCriteria(findRole(roleId)!)
    expect(preset.criteria.filter((criterion) => criterion.kind === 'certification' && criterion.importance === 'required')).toEqual([])
  })

  test('unconfirmed rows of the other three roles are flagged (スキル標準: cells no public text confirms)', () => {
    expect(presetCriteria(findRole('engineer')!).hasUnconfirmedRows).toBe(true)
  })
})

describe('estimateSpecialGrant: 参考4.4-⑩ (rate and years are data)', () => {
  const rule: SpecialGrantRule = {
    ratePermille: 500,
    recruitmentCap: 1_000_000,
    validFromFiscalYear: 2021,
    recruitmentValidFromFiscalYear: 2022,
    validToFiscalYear: 2025,
    status: 'unconfirmed',
    eligibleForms: ['tokubetsushoku_hijokin', 'gyomu_itaku'],
  }
  const base = {
    ...completeForm,
    payAmount: 6_000_000,
    payUnit: 'annual' as const,
    termStartsOn: '2025-04-01',
    termEndsOn: '2026-03-31',
    applicationEndsOn: '2025-03-15',
  }

  test('特別職非常勤 ¥6,000,000/年, R7年度: 0.5 × 6,000,000 = 3,000,000; 要確認 in the end year', () => {
    const estimate = estimateSpecialGrant(form(base), { isMunicipality: true, today: '2025-02-01', rule })
    expect(estimate.eligible).toBe(true)
    expect(estimate.years).toEqual([
      expect.objectContaining({ fiscalYear: 2025, appointmentCost: 6_000_000, appointmentGrant: 3_000_000, needsConfirmation: true }),
    ])
    expect(estimate.total).toBe(3_000_000)
  })

  test('募集経費は100万円が上限: ¥1,500,000 counts as ¥1,000,000 → ¥500,000', () => {
    const estimate = estimateSpecialGrant(form({ ...base, budgetRecruitmentCost: 1_500_000, applicationEndsOn: '2025-05-01', termStartsOn: '2025-06-01' }), {
      isMunicipality: true,
      today: '2025-04-10',
      rule,
    })
    const year = estimate.years.find((entry) => entry.fiscalYear === 2025)!
    expect(year.recruitmentGrant).toBe(500_000)
  })

  test('R8年度以降は措置期間外（延長は要確認）として0円', () => {
    const estimate = estimateSpecialGrant(form({ ...base, termStartsOn: '2026-04-01', termEndsOn: '2027-03-31', applicationEndsOn: '2026-03-01' }), {
      isMunicipality: true,
      today: '2026-01-10',
      rule,
    })
    expect(estimate.total).toBe(0)
    expect(estimate.years.find((year) => year.fiscalYear === 2026)).toMatchObject({ withinPeriod: false, needsConfirmation: true })
    expect(estimate.reasons.join()).toMatch(/措置期間外/)
  })

  test('a changed rule is a data change: extended to R10, the same posting is covered', () => {
    const extended = { ...rule, validToFiscalYear: 2028, status: 'confirmed' as const }
    const estimate = estimateSpecialGrant(form({ ...base, termStartsOn: '2026-04-01', termEndsOn: '2027-03-31', applicationEndsOn: '2026-03-01' }), {
      isMunicipality: true,
      today: '2026-01-10',
      rule: extended,
    })
    expect(estimate.total).toBe(3_000_000)
  })

  test.each<[string, PostingFormInput, RegExp]>([
    ['特定任期付職員は対象外', { appointmentForm: 'tokutei_ninkitsuki' }, /特別職非常勤職員/],
    ['地域活性化起業人は別の措置', { appointmentForm: 'chiiki_kasseika_kigyojin' }, /地域活性化起業人/],
    ['CIO補佐官等でなければ確認を促す', { roleId: 'engineer', title: 'RPA推進員' }, /CIO補佐官等/],
  ])('%s', (_name, change, reason) => {
    const estimate = estimateSpecialGrant(form({ ...base, ...change }), { isMunicipality: true, today: '2025-02-01', rule })
    expect(estimate.eligible).toBe(false)
    expect(estimate.total).toBe(0)
    expect(estimate.reasons.join()).toMatch(reason)
  })

  // 参考4.4-⑩ 2(1)②: 募集経費 names no 任用形態, so recruiting is covered whatever the form; ① stays form-gated.
  test.each<[string, PostingFormInput, { appointmentCovered: boolean; recruitmentGrant: number; total: number }]>([
    [
      '特別職非常勤職員: ①任用経費 + ②募集経費',
      { appointmentForm: 'tokubetsushoku_hijokin' },
      { appointmentCovered: true, recruitmentGrant: 400_000, total: 3_400_000 },
    ],
    ['業務委託: ①委託料等 + ②募集経費', { appointmentForm: 'gyomu_itaku' }, { appointmentCovered: true, recruitmentGrant: 400_000, total: 3_400_000 }],
    ['特定任期付職員: ②募集経費のみ', { appointmentForm: 'tokutei_ninkitsuki' }, { appointmentCovered: false, recruitmentGrant: 400_000, total: 400_000 }],
    ['会計年度任用職員: ②募集経費のみ', { appointmentForm: 'kaikei_nendo' }, { appointmentCovered: false, recruitmentGrant: 400_000, total: 400_000 }],
    [
      '地域活性化起業人: ②募集経費のみ（受入経費は別の措置）',
      { appointmentForm: 'chiiki_kasseika_kigyojin' },
      { appointmentCovered: false, recruitmentGrant: 400_000, total: 400_000 },
    ],
    ['任用形態が未選択: ②募集経費のみ', { appointmentForm: null }, { appointmentCovered: false, recruitmentGrant: 400_000, total: 400_000 }],
  ])('募集経費 ¥800,000 (参考4.4-⑩ 2(1)②) — %s', (_name, change, expected) => {
    // recruitment falls in R6年度 (the deadline's), the appointment in R7年度
    const estimate = estimateSpecialGrant(form({ ...base, ...change, budgetRecruitmentCost: 800_000 }), { isMunicipality: true, today: '2025-02-01', rule })
    expect(estimate).toMatchObject({ eligible: true, recruitmentCovered: true, appointmentCovered: expected.appointmentCovered, total: expected.total })
    expect(estimate.years.find((year) => year.fiscalYear === 2024)!.recruitmentGrant).toBe(expected.recruitmentGrant)
    if (!expected.appointmentCovered) expect(estimate.reasons.join()).toMatch(/募集経費は任用形態によらず対象/)
  })

  test.each<[string, PostingFormInput, { isMunicipality: boolean }]>([
    ['都道府県の募集は募集経費も対象外', { appointmentForm: 'tokutei_ninkitsuki' }, { isMunicipality: false }],
    ['CIO補佐官等でなければ募集経費も対象外', { appointmentForm: 'tokutei_ninkitsuki', roleId: 'engineer', title: 'RPA推進員' }, { isMunicipality: true }],
  ])('%s (参考4.4-⑩ 1: 市町村がCIO補佐官等として)', (_name, change, { isMunicipality }) => {
    const estimate = estimateSpecialGrant(form({ ...base, ...change, budgetRecruitmentCost: 800_000 }), { isMunicipality, today: '2025-02-01', rule })
    expect(estimate).toMatchObject({ eligible: false, recruitmentCovered: false, total: 0 })
  })

  test('業務委託 is covered like 特別職非常勤 (委託料等)', () => {
    expect(estimateSpecialGrant(form({ ...base, appointmentForm: 'gyomu_itaku' }), { isMunicipality: true, today: '2025-02-01', rule }).total).toBe(3_000_000)
  })

  test('a term across fiscal years is split by days', () => {
    const estimate = estimateSpecialGrant(form({ ...base, termStartsOn: '2024-10-01', termEndsOn: '2025-09-30', applicationEndsOn: '2024-09-01' }), {
      isMunicipality: true,
      today: '2024-08-01',
      rule,
    })
    const [first, second] = estimate.years
    expect(first!.fiscalYear).toBe(2024)
    expect(second!.fiscalYear).toBe(2025)
    expect(first!.appointmentCost + second!.appointmentCost).toBeGreaterThan(5_990_000)
    expect(first!.appointmentCost + second!.appointmentCost).toBeLessThanOrEqual(6_000_000)
  })

  test('annual pay from the unit: 日額 × 週2日 × 52週, 時給 × 時間 × 日数', () => {
    expect(annualPay(40_000, 'daily', 2, 'week', null)).toBe(4_160_000)
    expect(annualPay(5_000, 'hourly', 4, 'month', 7.5)).toBe(1_800_000)
    expect(annualPay(500_000, 'monthly', null, null, null)).toBe(6_000_000)
    expect(annualPay(5_000, 'hourly', 4, 'month', null)).toBeNull()
  })

  test('property: the grant never exceeds half the cost and is an integer', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), (cost) => {
        const grant = grantAmount(cost, 500)
        expect(Number.isInteger(grant)).toBe(true)
        expect(grant).toBeLessThanOrEqual(cost / 2)
        expect(cost / 2 - grant).toBeLessThan(1)
      }),
    )
  })
})

describe('checklist and search text', () => {
  test('readiness counts the six items of §4.4(7); missing ones are unticked', () => {
    expect(readinessOf([])).toEqual({ checked: 0, total: 6, isReady: false })
    expect(readinessOf([{ id: 'purpose_shared', checked: true, note: '' }])).toMatchObject({ checked: 1 })
  })

  test('search text folds kana and width so either spelling finds the posting', () => {
    const text = postingSearchText(form({ title: 'ＣＩＯ補佐官', workplace: 'マツヤマ' }), { name: '松山市', prefectureName: '愛媛県' })
    expect(text).toContain('cio補佐官')
    expect(text).toContain('まつやま')
    expect(text).toContain('松山市')
  })

  test.each<[string, Parameters<typeof matchesSubscription>[0], boolean]>([
    ['条件なしはすべて', { roles: [], prefectures: [], remoteOnly: false, sideJobOnly: false }, true],
    ['人材像が一致', { roles: ['producer'], prefectures: [], remoteOnly: false, sideJobOnly: false }, true],
    ['人材像が違う', { roles: ['engineer'], prefectures: [], remoteOnly: false, sideJobOnly: false }, false],
    ['都道府県が違う', { roles: [], prefectures: ['13'], remoteOnly: false, sideJobOnly: false }, false],
    ['副業可のみ', { roles: [], prefectures: ['38'], remoteOnly: false, sideJobOnly: true }, false],
  ])('subscription filter: %s', (_name, filters, expected) => {
    expect(matchesSubscription(filters, { roleId: 'producer', prefectureCode: '38', remoteAllowed: true, sideJobAllowed: false })).toBe(expected)
  })
})
