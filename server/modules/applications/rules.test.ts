import { describe, expect, test } from 'vitest'
import { allowedNextStatuses, appointmentIssues, appointmentWorkDays, decideStep, isPdf } from './rules.ts'
import type { ApplicationStatus } from '#shared/contracts/applications'

describe('選考の流れ', () => {
  test.each<[string, ApplicationStatus, ApplicationStatus, 'staff' | 'candidate', boolean]>([
    ['応募受付 → 書類選考', 'received', 'screening', 'staff', true],
    ['書類選考 → 面接', 'screening', 'interview', 'staff', true],
    ['面接 → 面接（日程の再設定）', 'interview', 'interview', 'staff', true],
    ['面接 → 内定', 'interview', 'offered', 'staff', true],
    ['内定 → 任用', 'offered', 'appointed', 'staff', true],
    ['内定 → 辞退', 'offered', 'declined', 'staff', true],
    ['応募受付 → 任用（飛び越し不可）', 'received', 'appointed', 'staff', false],
    ['不採用の後は動かせない', 'rejected', 'screening', 'staff', false],
    ['任用の後は動かせない', 'appointed', 'declined', 'staff', false],
    ['本人: 面接中は取り下げ可', 'interview', 'withdrawn', 'candidate', true],
    ['本人: 内定後は取り下げ不可（決定後）', 'offered', 'withdrawn', 'candidate', false],
    ['本人: 不採用後は取り下げ不可', 'rejected', 'withdrawn', 'candidate', false],
    ['職員は取り下げを代行できない', 'received', 'withdrawn', 'staff', false],
  ])('%s', (_name, from, to, by, allowed) => {
    expect(decideStep(from, to, by).allowed).toBe(allowed)
  })

  test('終わった応募に次の段階はない', () => {
    for (const status of ['appointed', 'rejected', 'declined', 'withdrawn'] as const) expect(allowedNextStatuses(status, 'staff')).toEqual([])
  })
})

describe('任用の任期', () => {
  const base = { roleId: 'producer', appointmentForm: 'tokutei_ninkitsuki', advisesOnProcurement: true, draftsSpecifications: false } as const
  const fullTime = { days: 5, per: 'week' } as const
  test('任期付法 第6条: 特定任期付職員は5年以内（4年364日まで可）', () => {
    expect(appointmentIssues({ ...base, startsOn: '2026-04-01', endsOn: '2031-03-31' }, fullTime)).toEqual([])
    expect(appointmentIssues({ ...base, startsOn: '2026-04-01', endsOn: '2031-04-01' }, fullTime).map((issue) => issue.path)).toEqual(['appointment.endsOn'])
  })
  test('特別職非常勤職員には上限を設けない', () => {
    expect(
      appointmentIssues({ ...base, appointmentForm: 'tokubetsushoku_hijokin', startsOn: '2026-04-01', endsOn: '2033-03-31' }, { days: 2, per: 'week' }),
    ).toEqual([])
  })
  test('地公法 第22条の2: 会計年度任用職員の任期は一会計年度の中', () => {
    const kaikei = { ...base, appointmentForm: 'kaikei_nendo' } as const
    expect(appointmentIssues({ ...kaikei, startsOn: '2026-06-01', endsOn: '2027-03-31' }, null)).toEqual([])
    expect(appointmentIssues({ ...kaikei, startsOn: '2026-06-01', endsOn: '2027-04-01' }, null)[0]?.message).toMatch(/一会計年度.*2027-03-31/)
  })
  test('手順書 参考4.4-⑥: 特定任期付職員を週3日で任用することはできない', () => {
    expect(appointmentIssues({ ...base, startsOn: '2026-04-01', endsOn: '2027-03-31' }, { days: 3, per: 'week' }).map((issue) => issue.path)).toEqual([
      'appointment.workDays',
    ])
  })
})

describe('履歴書は PDF の先頭バイトで判定', () => {
  test.each([
    ['%PDF-1.7', true],
    ['%PDF', false],
    ['PK\u0003\u0004', false],
    ['<html>', false],
  ])('%s', (text, expected) => {
    expect(isPdf(new TextEncoder().encode(text))).toBe(expected)
  })
})

describe('appointmentWorkDays: 任用の勤務日数', () => {
  const posting = { workDays: 2, workDaysPer: 'week' } as const
  test.each([
    ['任用の手続で指定 → それを記録', { workDays: 1.5, workDaysPer: 'month' as const }, posting, { days: 1.5, per: 'month' }],
    ['省略 → 募集の勤務条件', {}, posting, { days: 2, per: 'week' }],
    ['省略・募集に勤務日数なし → 不明', {}, { workDays: null, workDaysPer: null }, null],
    ['省略・募集が見つからない → 不明', {}, undefined, null],
    ['省略・募集の週あたり日数が7日超 → 信用しない', {}, { workDays: 10, workDaysPer: 'week' as const }, null],
  ])('%s', (_name, input, facts, expected) => {
    expect(appointmentWorkDays(input, facts)).toEqual(expected)
  })
})
