import { describe, expect, test } from 'vitest'
import { earlyEndProblems, reminderDue, renewalProblems, renewalProposal, type Term } from './terms.ts'

const term = (seq: number, startsOn: string, endsOn: string, endedEarlyOn: string | null = null): Term => ({ seq, startsOn, endsOn, endedEarlyOn })

describe('reminderDue: 90, 60 and 30 days before the last day', () => {
  test.each<[string, string, number | null]>([
    ['91 days left: nothing yet', '2027-03-31', null],
    ['90 days left', '2027-04-01', 90],
    ['61 days left: still the 90-day one', '2027-04-30', 90],
    ['60 days left', '2027-05-01', 60],
    ['45 days left (the job was down): the 60-day one', '2027-05-16', 60],
    ['30 days left', '2027-05-31', 30],
    ['the last day', '2027-06-30', 30],
    ['after the end: nothing', '2027-07-01', null],
  ])('%s', (_name, today, expected) => {
    expect(reminderDue('2027-06-30', today)?.daysBefore ?? null).toBe(expected)
  })
})

describe('renewalProposal and renewalProblems (任期付法 第6条・第7条, 地公法 第22条の2)', () => {
  test('特定任期付職員: the cap counts from the first day of the first term', () => {
    const terms = [term(1, '2026-04-01', '2028-03-31'), term(2, '2028-04-01', '2030-03-31')]
    expect(renewalProposal('tokutei_ninkitsuki', terms)).toEqual({ startsOn: '2030-04-01', latestEndsOn: '2031-03-31', proposedEndsOn: '2031-03-31' })
    expect(renewalProblems('tokutei_ninkitsuki', terms, '2031-03-31')).toEqual([])
    expect(renewalProblems('tokutei_ninkitsuki', terms, '2031-04-01')).toHaveLength(1)
    expect(renewalProposal('tokutei_ninkitsuki', [...terms, term(3, '2030-04-01', '2031-03-31')])).toBeNull()
  })
  test('会計年度任用職員: each term within its 年度', () => {
    const terms = [term(1, '2026-06-01', '2027-03-31')]
    expect(renewalProposal('kaikei_nendo', terms)?.latestEndsOn).toBe('2028-03-31')
    expect(renewalProblems('kaikei_nendo', terms, '2028-04-30')[0]?.message).toContain('一会計年度')
  })
  test('特別職非常勤職員 and 業務委託 have no cap (a year less a day is proposed)', () => {
    expect(renewalProposal('tokubetsushoku_hijokin', [term(1, '2026-06-01', '2027-05-31')])).toEqual({
      startsOn: '2027-06-01',
      latestEndsOn: null,
      proposedEndsOn: '2028-05-31',
    })
    expect(renewalProblems('gyomu_itaku', [term(1, '2026-06-01', '2027-05-31')], '2035-05-31')).toEqual([])
  })
  test('an appointment that ended early is not renewed', () => {
    expect(renewalProposal('tokubetsushoku_hijokin', [term(1, '2026-06-01', '2027-05-31', '2026-12-31')])).toBeNull()
  })
})

describe('earlyEndProblems: within the current term, before its end', () => {
  test.each<[string, string, boolean]>([
    ['before the term', '2026-05-31', false],
    ['its first day', '2026-06-01', true],
    ['the day before its end', '2027-05-30', true],
    ['its last day (that is not early)', '2027-05-31', false],
  ])('%s', (_name, endedOn, ok) => {
    expect(earlyEndProblems(term(1, '2026-06-01', '2027-05-31'), endedOn).length === 0).toBe(ok)
  })
})
