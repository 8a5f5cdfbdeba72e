import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { addDays, fiscalYearOf } from '../dates.ts'
import { DEFAULT_DISPATCH_QUOTA, decideDispatchQuota } from './quota.ts'

// Five dispatches spread over 2026年度 (2026-04-01 … 2027-03-31).
const fiveIn2026 = ['2026-04-01', '2026-06-15', '2026-09-30', '2026-12-01', '2027-03-01']

describe('派遣回数の上限（年度ごと、静岡県の例: 1団体につき年5回まで — 事例集 p.26）', () => {
  test.each([
    { name: '4回済み → 5回目は受け付ける', counted: fiveIn2026.slice(0, 4), on: '2027-03-20', decision: 'within', used: 4, remaining: 0 },
    { name: '5回済み → 6回目は断る', counted: fiveIn2026, on: '2027-03-20', decision: 'exceeded', used: 5, remaining: 0 },
    { name: '年度末 2027-03-31 は 2026年度 → 断る', counted: fiveIn2026, on: '2027-03-31', decision: 'exceeded', used: 5, remaining: 0 },
    { name: '4月1日 2027-04-01 から 2027年度 → 数え直して受け付ける', counted: fiveIn2026, on: '2027-04-01', decision: 'within', used: 0, remaining: 4 },
    {
      name: '前年度の派遣は数えない（2026-03-31 は 2025年度）',
      counted: ['2026-03-31', ...fiveIn2026.slice(0, 4)],
      on: '2026-05-01',
      decision: 'within',
      used: 4,
      remaining: 0,
    },
    { name: '1回目', counted: [], on: '2026-04-01', decision: 'within', used: 0, remaining: 4 },
  ])('$name', ({ counted, on, decision, used, remaining }) => {
    const result = decideDispatchQuota({ quota: DEFAULT_DISPATCH_QUOTA, dispatchOn: on, countedDispatchDates: counted })
    expect(result).toMatchObject({ decision, used, remaining, quota: 5, fiscalYear: fiscalYearOf(on) })
  })

  test.each([
    { quota: 1, counted: 0, decision: 'within' },
    { quota: 1, counted: 1, decision: 'exceeded' },
    { quota: 0, counted: 0, decision: 'exceeded' },
    { quota: 10, counted: 9, decision: 'within' },
  ])('都道府県ごとの上限 $quota 回、$counted 回済み → $decision', ({ quota, counted, decision }) => {
    const dates = Array.from({ length: counted }, (_, i) => addDays('2026-04-01', i))
    expect(decideDispatchQuota({ quota, dispatchOn: '2026-10-01', countedDispatchDates: dates }).decision).toBe(decision)
  })

  test('断るときの文言は年度と上限を示す', () => {
    const result = decideDispatchQuota({ quota: 5, dispatchOn: '2027-03-31', countedDispatchDates: fiveIn2026 })
    expect(result.message).toBe('2026年度の派遣はすでに5回で、上限（1団体につき年5回）に達しています。')
  })

  const date = fc.integer({ min: 0, max: 3 * 366 }).map((n) => addDays('2025-01-01', n))

  test('性質: 受け付けるのは、同じ年度に数えた派遣が上限未満のときだけ', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8 }), date, fc.array(date, { maxLength: 20 }), (quota, on, counted) => {
        const sameYear = counted.filter((d) => fiscalYearOf(d) === fiscalYearOf(on)).length
        const result = decideDispatchQuota({ quota, dispatchOn: on, countedDispatchDates: counted })
        expect(result.decision === 'within').toBe(sameYear < quota)
        expect(result.used).toBe(sameYear)
        expect(result.remaining).toBeGreaterThanOrEqual(0)
      }),
    )
  })

  test('性質: 他の年度の派遣をいくら足しても判定は変わらない', () => {
    fc.assert(
      fc.property(date, fc.array(date, { maxLength: 10 }), fc.array(date, { maxLength: 10 }), (on, counted, extra) => {
        const otherYears = extra.filter((d) => fiscalYearOf(d) !== fiscalYearOf(on))
        const a = decideDispatchQuota({ quota: 5, dispatchOn: on, countedDispatchDates: counted })
        const b = decideDispatchQuota({ quota: 5, dispatchOn: on, countedDispatchDates: [...counted, ...otherYears] })
        expect(b).toEqual(a)
      }),
    )
  })
})
