import { describe, expect, test } from 'vitest'
import { allowedActions, nextSequence, reminderDue, slotIssues } from './rules.ts'

const NOW = new Date('2026-11-24T03:00:00Z')
const slot = (startsAt: string, extra: object = {}) => ({
  startsAt,
  durationMinutes: 60,
  mode: 'in_person' as const,
  location: '松山市役所 3階会議室',
  ...extra,
})

describe('候補日時の検査', () => {
  test('未来の重ならない候補は通る', () => {
    expect(slotIssues([slot('2026-12-01T10:00:00+09:00'), slot('2026-12-01T11:00:00+09:00')], NOW)).toEqual([])
  })
  test('過去の候補は、その候補の開始日時を名指しする', () => {
    expect(slotIssues([slot('2026-12-01T10:00:00+09:00'), slot('2026-11-24T11:59:00+09:00')], NOW)).toEqual([
      { path: 'slots.1.startsAt', message: expect.stringContaining('過去') },
    ])
  })
  test('重なる候補は、後の候補を名指しする（端が接するだけなら重ならない）', () => {
    const issues = slotIssues([slot('2026-12-01T10:00:00+09:00'), slot('2026-12-01T10:30:00+09:00'), slot('2026-12-01T11:00:00+09:00')], NOW)
    expect(issues).toEqual([
      { path: 'slots.1.startsAt', message: '候補2が候補1と時間が重なっています。重ならない日時にしてください。' },
      expect.objectContaining({ path: 'slots.2.startsAt' }),
    ])
    expect(issues[1]!.message).toContain('候補2')
  })
  test('オンラインは会議のURLが要る', () => {
    expect(slotIssues([slot('2026-12-01T10:00:00+09:00', { mode: 'online', location: '後日連絡' })], NOW)).toEqual([
      { path: 'slots.0.location', message: expect.stringContaining('URL') },
    ])
    expect(slotIssues([slot('2026-12-01T10:00:00+09:00', { mode: 'online', location: 'https://meet.example.jp/abc' })], NOW)).toEqual([])
  })
})

describe('状態ごとにできること', () => {
  test('提案中は応募者が選ぶか別の日時を依頼し、確定後は両者が予定表を取り出せる', () => {
    expect(allowedActions('proposed', 'candidate', false)).toEqual(['choose', 'ask_for_others'])
    expect(allowedActions('scheduled', 'candidate', true)).toEqual(['ask_for_others', 'download'])
    expect(allowedActions('scheduled', 'staff', true)).toEqual(['propose', 'cancel', 'download'])
    expect(allowedActions('cancelled', 'staff', true)).toEqual(['download'])
    expect(allowedActions('cancelled', 'candidate', false)).toEqual([])
  })
  test('SEQUENCE は最初の招待で0、その後の変更ごとに1つ増える', () => {
    expect(nextSequence({ issued: false, sequence: 0 })).toBe(0)
    expect(nextSequence({ issued: true, sequence: 0 })).toBe(1)
    expect(nextSequence({ issued: true, sequence: 4 })).toBe(5)
  })
  test('前日の通知は、日本の暦で明日の面接だけ', () => {
    // NOW is 12:00 on 24 November in Japan
    expect(reminderDue(new Date('2026-11-25T00:30:00+09:00'), NOW)).toBe(true)
    expect(reminderDue(new Date('2026-11-25T23:30:00+09:00'), NOW)).toBe(true)
    expect(reminderDue(new Date('2026-11-24T18:00:00+09:00'), NOW)).toBe(false)
    expect(reminderDue(new Date('2026-11-26T09:00:00+09:00'), NOW)).toBe(false)
  })
})
