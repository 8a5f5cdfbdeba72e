import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { addDays, fiscalYearOf } from '../dates.ts'
import { checkDispatchLimits, type CountedDispatch, DEFAULT_DISPATCH_LIMITS, type DispatchLimits, type DispatchRequestFacts } from './scheme.ts'

// 事例集 p.26 の3県と 手順書 参考4.4-⑯ ① の制度を、この製品の派遣制度として表したもの。
const shizuoka: DispatchLimits = {
  timesPerFiscalYear: 5,
  menusPerFiscalYear: null,
  maxDaysPerRequest: null,
  maxHoursPerRequest: null,
  requesterKinds: ['municipality', 'board_of_education', 'chamber_of_commerce'],
}
const fukushima: DispatchLimits = { ...DEFAULT_DISPATCH_LIMITS, timesPerFiscalYear: null, menusPerFiscalYear: 1 }
const miyagi: DispatchLimits = { ...DEFAULT_DISPATCH_LIMITS, timesPerFiscalYear: null }
const national: DispatchLimits = { ...DEFAULT_DISPATCH_LIMITS, timesPerFiscalYear: null, maxDaysPerRequest: 3, maxHoursPerRequest: 10 }

const fiveIn2026: CountedDispatch[] = ['2026-04-01', '2026-06-15', '2026-09-30', '2026-12-01', '2027-03-01'].map((on) => ({ on, menuId: 'm1' }))
const base: DispatchRequestFacts = {
  requesterKind: 'municipality',
  menuId: 'm1',
  mode: 'online',
  days: 1,
  hours: null,
  dispatchOn: '2027-03-20',
  today: '2026-10-01',
  counted: [],
}

describe('派遣制度の上限（事例集 p.26 宮城・福島・静岡、手順書 参考4.4-⑯ ①）', () => {
  test.each([
    { passage: '静岡県 1団体につき年5回まで', name: '4回済み → 5回目は受け付ける', limits: shizuoka, facts: { counted: fiveIn2026.slice(0, 4) }, paths: [] },
    { passage: '静岡県 1団体につき年5回まで', name: '5回済み → 6回目は断る', limits: shizuoka, facts: { counted: fiveIn2026 }, paths: ['preferredDates'] },
    {
      passage: '静岡県 年5回（年度）',
      name: '年度末 2027-03-31 は同じ 2026年度 → 断る',
      limits: shizuoka,
      facts: { counted: fiveIn2026, dispatchOn: '2027-03-31' },
      paths: ['preferredDates'],
    },
    {
      passage: '静岡県 年5回（年度）',
      name: '2027-04-01 からは 2027年度 → 数え直して受け付ける',
      limits: shizuoka,
      facts: { counted: fiveIn2026, dispatchOn: '2027-04-01' },
      paths: [],
    },
    {
      passage: '静岡県 市町、教育委員会及び商工会等の求めに応じて',
      name: '教育委員会からの申請を受け付ける',
      limits: shizuoka,
      facts: { requesterKind: 'board_of_education' },
      paths: [],
    },
    {
      passage: '静岡県 市町、教育委員会及び商工会等の求めに応じて',
      name: '商工会からの申請を受け付ける',
      limits: shizuoka,
      facts: { requesterKind: 'chamber_of_commerce' },
      paths: [],
    },
    {
      passage: '福島県 1市町村につき、1つの支援メニュー',
      name: '市町村だけの制度は商工会からの申請を断る',
      limits: fukushima,
      facts: { requesterKind: 'chamber_of_commerce' },
      paths: ['requesterKind'],
    },
    {
      passage: '福島県 1市町村につき、1つの支援メニュー',
      name: '利用中のメニューの2回目は受け付ける',
      limits: fukushima,
      facts: { counted: [{ on: '2026-06-01', menuId: 'm1' }] },
      paths: [],
    },
    {
      passage: '福島県 1市町村につき、1つの支援メニュー',
      name: '2つ目のメニューは断る',
      limits: fukushima,
      facts: { menuId: 'm2', counted: [{ on: '2026-06-01', menuId: 'm1' }] },
      paths: ['menuId'],
    },
    {
      passage: '福島県 1市町村につき、1つの支援メニュー',
      name: '前年度のメニューは数えない',
      limits: fukushima,
      facts: { menuId: 'm2', counted: [{ on: '2026-03-31', menuId: 'm1' }] },
      paths: [],
    },
    {
      passage: '宮城県 市町村の求めに応じて随時対応',
      name: '回数の上限がなく、何回目でも受け付ける',
      limits: miyagi,
      facts: { counted: [...fiveIn2026, ...fiveIn2026] },
      paths: [],
    },
    { passage: '参考4.4-⑯ ① 最大3日間の現地派遣', name: '現地3日は受け付ける', limits: national, facts: { mode: 'on_site', days: 3 }, paths: [] },
    { passage: '参考4.4-⑯ ① 最大3日間の現地派遣', name: '現地4日は断る', limits: national, facts: { mode: 'on_site', days: 4 }, paths: ['days'] },
    { passage: '参考4.4-⑯ ① オンライン会議の場合は合計10時間以内', name: 'オンライン10時間は受け付ける', limits: national, facts: { hours: 10 }, paths: [] },
    {
      passage: '参考4.4-⑯ ① オンライン会議の場合は合計10時間以内',
      name: 'オンライン10.5時間は断る',
      limits: national,
      facts: { hours: 10.5 },
      paths: ['hours'],
    },
    {
      passage: '参考4.4-⑯ ① オンライン会議の場合は合計10時間以内',
      name: '時間の上限がある制度で時間が未入力なら断る',
      limits: national,
      facts: { hours: null },
      paths: ['hours'],
    },
    {
      passage: '参考4.4-⑯ ① 日数と時間は別の単位',
      name: 'オンラインの申請に現地の日数の上限はかからない',
      limits: national,
      facts: { days: 5, hours: 2 },
      paths: [],
    },
  ])('$passage: $name', ({ limits, facts, paths }) => {
    const decision = checkDispatchLimits(limits, { ...base, ...facts } as DispatchRequestFacts)
    expect(decision.ok).toBe(paths.length === 0)
    expect(decision.ok ? [] : decision.violations.map((v) => v.path)).toEqual(paths)
  })

  test('断る文言は上限と年度を示す（今年度なら「今年度」）', () => {
    const limits = { ...shizuoka, timesPerFiscalYear: 3 }
    const thisYear = checkDispatchLimits(limits, { ...base, dispatchOn: '2026-11-01', counted: fiveIn2026.slice(0, 3) })
    expect(thisYear.ok || thisYear.violations[0]!.message).toBe('今年度の派遣回数の上限（3回）に達しています（申請済み 3回）。')
    const nextYear = checkDispatchLimits(limits, { ...base, today: '2026-03-01', dispatchOn: '2026-11-01', counted: fiveIn2026.slice(0, 3) })
    expect(nextYear.ok || nextYear.violations[0]!.message).toContain('2026年度の派遣回数の上限（3回）')
  })

  test('破った上限をすべて挙げる', () => {
    const decision = checkDispatchLimits(
      { ...national, timesPerFiscalYear: 0, menusPerFiscalYear: 1 },
      { ...base, requesterKind: 'chamber_of_commerce', mode: 'on_site', days: 4, menuId: 'm2', counted: [{ on: '2026-06-01', menuId: 'm1' }] },
    )
    expect(decision.ok ? [] : decision.violations.map((v) => v.path)).toEqual(['requesterKind', 'preferredDates', 'menuId', 'days'])
  })

  const date = fc.integer({ min: 0, max: 3 * 366 }).map((n) => addDays('2025-01-01', n))
  test('性質: 回数で断るのは、同じ年度に数えた派遣が上限以上のときだけ', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8 }), date, fc.array(date, { maxLength: 20 }), (times, on, dates) => {
        const sameYear = dates.filter((d) => fiscalYearOf(d) === fiscalYearOf(on)).length
        const decision = checkDispatchLimits(
          { ...shizuoka, timesPerFiscalYear: times },
          { ...base, dispatchOn: on, counted: dates.map((d) => ({ on: d, menuId: 'm1' })) },
        )
        expect(decision.ok).toBe(sameYear < times)
        expect(decision.use.times).toBe(sameYear)
      }),
    )
  })
})
