import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { addDays } from '../dates.ts'
import { checkCapacity, type Commitment, dailyLoad, daysWithin, loadInWeek, perMonthToPerWeek, weeklyLoads, weekStartOf } from './capacity.ts'

function commitment(overrides: Partial<Commitment> & Pick<Commitment, 'startsOn' | 'endsOn' | 'allocation'>): Commitment {
  return { id: crypto.randomUUID(), kind: 'engagement', label: '人材バンクの依頼（テスト市）', localGovernmentCode: '382019', ...overrides }
}

describe('週の区切り（月曜〜日曜）', () => {
  test.each([
    ['2026-05-04', '2026-05-04'], // Monday
    ['2026-05-10', '2026-05-04'], // Sunday
    ['2026-05-06', '2026-05-04'],
    ['2027-01-01', '2026-12-28'], // across the year
  ])('%s の週は %s から', (date, monday) => expect(weekStartOf(date)).toBe(monday))
})

describe('月あたり日数から週あたり日数への換算（1か月 = 4週とみなす）', () => {
  test.each([
    [4, 1],
    [2, 0.5],
    [6, 1.5],
    [8, 2],
    [20, 5],
  ])('月%s日 = 週%s日', (perMonth, perWeek) => expect(perMonthToPerWeek(perMonth)).toBe(perWeek))

  test('月4日の割当ては、まるごと含まれる週に1日の負荷', () => {
    const c = commitment({ startsOn: '2026-04-01', endsOn: '2027-03-31', allocation: { unit: 'per_month', days: 4 } })
    expect(loadInWeek(c, '2026-05-04')).toBeCloseTo(1, 9)
  })

  test('日数の集計では月ごと（4月は30日中30日 → 4日、途中の4月16日からなら 2日）', () => {
    const full = commitment({ startsOn: '2026-04-01', endsOn: '2027-03-31', allocation: { unit: 'per_month', days: 4 } })
    expect(daysWithin(full, '2026-04-01', '2026-04-30')).toBeCloseTo(4, 9)
    expect(daysWithin(full, '2026-04-01', '2027-03-31')).toBeCloseTo(48, 9)
    const half = commitment({ startsOn: '2026-04-16', endsOn: '2027-03-31', allocation: { unit: 'per_month', days: 4 } })
    expect(daysWithin(half, '2026-04-01', '2026-04-30')).toBeCloseTo(2, 9)
  })

  test('合計日数は期間の日数に均等に割り振る（10日 / 70日 → 週1日）', () => {
    const c = commitment({ startsOn: '2026-05-04', endsOn: '2026-07-12', allocation: { unit: 'total', days: 10 } })
    expect(dailyLoad(c) * 7).toBeCloseTo(1, 9)
  })
})

describe('稼働日数の上限（週ごと、すべての任用・依頼・派遣の合計）', () => {
  const available = 2
  test.each([
    {
      name: '2件の依頼が同じ週に重なり合計が上限を超える → 断る',
      existing: [{ startsOn: '2026-05-04', endsOn: '2026-05-31', allocation: { unit: 'per_week', days: 1.5 } }],
      proposed: { startsOn: '2026-05-11', endsOn: '2026-06-30', allocation: { unit: 'per_week', days: 1 } },
      decision: 'over_allocated',
    },
    {
      name: '前の依頼の翌日から始まる（back-to-back） → 受け付ける',
      existing: [{ startsOn: '2026-04-01', endsOn: '2026-05-06', allocation: { unit: 'per_week', days: 2 } }],
      proposed: { startsOn: '2026-05-07', endsOn: '2026-06-30', allocation: { unit: 'per_week', days: 2 } },
      decision: 'fits',
    },
    {
      name: '1日でも重なれば、その週は超える',
      existing: [{ startsOn: '2026-04-01', endsOn: '2026-05-07', allocation: { unit: 'per_week', days: 2 } }],
      proposed: { startsOn: '2026-05-07', endsOn: '2026-06-30', allocation: { unit: 'per_week', days: 2 } },
      decision: 'over_allocated',
    },
    {
      name: '合計がちょうど上限 → 受け付ける',
      existing: [{ startsOn: '2026-04-01', endsOn: '2027-03-31', allocation: { unit: 'per_month', days: 4 } }],
      proposed: { startsOn: '2026-05-01', endsOn: '2026-05-31', allocation: { unit: 'per_week', days: 1 } },
      decision: 'fits',
    },
    {
      name: '月4日（週1日）の専門官 + 週1日 + 派遣1日が同じ週 → 断る',
      existing: [
        { startsOn: '2026-04-01', endsOn: '2027-03-31', allocation: { unit: 'per_month', days: 4 } },
        { startsOn: '2026-05-01', endsOn: '2026-05-31', allocation: { unit: 'per_week', days: 1 } },
      ],
      proposed: { startsOn: '2026-05-13', endsOn: '2026-05-13', allocation: { unit: 'total', days: 1 } },
      decision: 'over_allocated',
    },
    {
      name: '期間が離れていれば重ならない',
      existing: [{ startsOn: '2026-04-01', endsOn: '2026-04-30', allocation: { unit: 'per_week', days: 2 } }],
      proposed: { startsOn: '2026-06-01', endsOn: '2026-06-30', allocation: { unit: 'per_week', days: 2 } },
      decision: 'fits',
    },
    {
      name: '終期のない任用と重なる',
      existing: [{ startsOn: '2025-04-01', endsOn: null, allocation: { unit: 'per_week', days: 1.5 } }],
      proposed: { startsOn: '2030-01-06', endsOn: '2030-01-06', allocation: { unit: 'total', days: 1 } },
      decision: 'over_allocated',
    },
  ] as const)('$name', ({ existing, proposed, decision }) => {
    const result = checkCapacity({
      availableDaysPerWeek: available,
      existing: existing.map((c) => commitment({ ...c, allocation: { ...c.allocation } })),
      proposed: commitment({ ...proposed, id: 'proposed', label: '人材バンクの依頼「データ活用」（今治市）', allocation: { ...proposed.allocation } }),
    })
    expect(result.decision).toBe(decision)
  })

  test('断るときは重なる予定を名前で示す', () => {
    const result = checkCapacity({
      availableDaysPerWeek: 3,
      existing: [
        commitment({
          id: 'a',
          label: '共有任用「セキュリティ専門官」（松山市）',
          startsOn: '2026-04-01',
          endsOn: '2027-03-31',
          allocation: { unit: 'per_month', days: 8 },
        }),
        commitment({
          id: 'b',
          kind: 'dispatch',
          label: '派遣「AI・RPA導入」（宇和島市）',
          startsOn: '2026-05-13',
          endsOn: '2026-05-13',
          allocation: { unit: 'total', days: 1 },
        }),
      ],
      proposed: commitment({
        id: 'p',
        label: '人材バンクの依頼「データ活用」（今治市）',
        startsOn: '2026-05-11',
        endsOn: '2026-05-17',
        allocation: { unit: 'total', days: 1 },
      }),
    })
    expect(result.decision).toBe('over_allocated')
    if (result.decision !== 'over_allocated') return
    expect(result.weeks).toHaveLength(1)
    expect(result.weeks[0]).toMatchObject({ weekStartsOn: '2026-05-11', weekEndsOn: '2026-05-17', availableDays: 3 })
    expect(result.weeks[0]!.allocatedDays).toBeCloseTo(4, 9)
    expect(result.message).toContain('2026-05-11〜2026-05-17の週')
    expect(result.message).toContain('共有任用「セキュリティ専門官」（松山市）（2日）')
    expect(result.message).toContain('派遣「AI・RPA導入」（宇和島市）（1日）')
    expect(result.message).toContain('合計4日')
  })

  test('週ごとの負荷の一覧（容量の画面用）', () => {
    const weeks = weeklyLoads(
      [commitment({ startsOn: '2026-05-06', endsOn: '2026-05-12', allocation: { unit: 'per_week', days: 7 } })],
      '2026-05-04',
      '2026-05-17',
    )
    expect(weeks.map((w) => [w.weekStartsOn, Math.round(w.allocatedDays * 1e6) / 1e6])).toEqual([
      ['2026-05-04', 5],
      ['2026-05-11', 2],
    ])
  })

  const day = fc.integer({ min: 0, max: 400 }).map((n) => addDays('2026-04-01', n))
  const arbitraryCommitment = fc
    .record({
      start: day,
      length: fc.integer({ min: 0, max: 120 }),
      allocation: fc.oneof(
        fc.record({ unit: fc.constant('per_week' as const), days: fc.integer({ min: 1, max: 10 }).map((n) => n / 2) }),
        fc.record({ unit: fc.constant('per_month' as const), days: fc.integer({ min: 1, max: 20 }) }),
        fc.record({ unit: fc.constant('total' as const), days: fc.integer({ min: 1, max: 30 }) }),
      ),
    })
    .map(({ start, length, allocation }) => commitment({ startsOn: start, endsOn: addDays(start, length), allocation }))

  test('性質: 受け付けた予定を足しても、どの週も上限を超えない', () => {
    fc.assert(
      fc.property(fc.array(arbitraryCommitment, { maxLength: 6 }), fc.integer({ min: 1, max: 7 }), (candidates, available) => {
        const accepted: Commitment[] = []
        for (const proposed of candidates) {
          if (checkCapacity({ availableDaysPerWeek: available, existing: accepted, proposed }).decision === 'fits') accepted.push(proposed)
        }
        const weeks = weeklyLoads(accepted, '2026-03-30', '2027-12-31')
        for (const week of weeks) expect(week.allocatedDays).toBeLessThanOrEqual(available + 1e-9)
      }),
      { numRuns: 60 },
    )
  })

  test('性質: 同じ週あたり日数の予定を back-to-back に分けても、分けない場合と判定は同じ', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 7 }), (start, a, b, days) => {
        const whole = commitment({ startsOn: start, endsOn: addDays(start, a + b - 1), allocation: { unit: 'per_week', days } })
        const first = commitment({ startsOn: start, endsOn: addDays(start, a - 1), allocation: { unit: 'per_week', days } })
        const second = commitment({ startsOn: addDays(start, a), endsOn: addDays(start, a + b - 1), allocation: { unit: 'per_week', days } })
        // Whole fits in an availability of `days`; so must its two halves one after the other.
        expect(checkCapacity({ availableDaysPerWeek: days, existing: [], proposed: whole }).decision).toBe('fits')
        expect(checkCapacity({ availableDaysPerWeek: days, existing: [first], proposed: second }).decision).toBe('fits')
      }),
    )
  })

  test('性質: 予定の順番を入れ替えても判定は変わらない', () => {
    fc.assert(
      fc.property(fc.array(arbitraryCommitment, { minLength: 2, maxLength: 5 }), (all) => {
        const [proposed, ...existing] = all as [Commitment, ...Commitment[]]
        const forward = checkCapacity({ availableDaysPerWeek: 3, existing, proposed })
        const backward = checkCapacity({ availableDaysPerWeek: 3, existing: [...existing].reverse(), proposed })
        expect(backward.decision).toBe(forward.decision)
      }),
      { numRuns: 60 },
    )
  })
})
