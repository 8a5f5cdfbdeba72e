import { describe, expect, test } from 'vitest'
import { attemptKeys, decideWindows, MAX_SIGN_IN_DELAY_SECONDS, retryMessage, signInDelaySchedule, signInDelaySeconds } from './rate-limit.ts'

const limits = { perIp: 100, perAccount: 30, perIpAndAccount: 10, windowSeconds: 15 * 60 }
const start = new Date('2026-04-01T00:00:00Z')

describe('試行の上限: IP ごと、アカウントごと、IP とアカウントごと', () => {
  test('アカウントがあれば3つの窓、なければ IP の窓だけ（鍵の順に並ぶ）', () => {
    expect(attemptKeys(limits, 'sign-in', '192.0.2.1', 'a@example.jp')).toEqual([
      { key: 'sign-in|account|a@example.jp', limit: 30 },
      { key: 'sign-in|ip-account|192.0.2.1|a@example.jp', limit: 10 },
      { key: 'sign-in|ip|192.0.2.1', limit: 100 },
    ])
    expect(attemptKeys(limits, 'password-reset', '192.0.2.1')).toEqual([{ key: 'password-reset|ip|192.0.2.1', limit: 100 }])
  })

  test('どれか一つの窓が上限を超えたら拒否し、その窓の終わりまでの秒数を返す', () => {
    const keys = attemptKeys(limits, 'sign-in', '192.0.2.1', 'a@example.jp')
    const counts = (ipAccount: number, startedAt: Date) =>
      keys.map(({ key }) => ({ key, attempts: key.includes('ip-account') ? ipAccount : 1, windowStartedAt: startedAt }))
    const later = new Date(start.getTime() + 60_000)
    expect(decideWindows(keys, counts(10, start), later, limits.windowSeconds)).toEqual({ allowed: true, retryAfterSeconds: 0 })
    expect(decideWindows(keys, counts(11, start), later, limits.windowSeconds)).toEqual({ allowed: false, retryAfterSeconds: 14 * 60 })
  })
})

describe('ログインの待ち時間: 5回までは待たず、その後は1回ごとに倍、最長15分', () => {
  test('回数ごとの待ち時間', () => {
    expect([1, 2, 3, 4].map(signInDelaySeconds)).toEqual([0, 0, 0, 0])
    expect([5, 6, 7, 8, 14, 15, 40].map(signInDelaySeconds)).toEqual([1, 2, 4, 8, 512, MAX_SIGN_IN_DELAY_SECONDS, MAX_SIGN_IN_DELAY_SECONDS])
  })

  test('データベースに渡す表は最長に達したところで終わる', () => {
    const schedule = signInDelaySchedule()
    expect(schedule.slice(0, 6)).toEqual([0, 0, 0, 0, 1, 2])
    expect(schedule.at(-1)).toBe(MAX_SIGN_IN_DELAY_SECONDS)
    expect(schedule.filter((seconds) => seconds === MAX_SIGN_IN_DELAY_SECONDS)).toHaveLength(1)
  })

  test('案内は1分未満なら秒、それ以上は分で', () => {
    expect(retryMessage(2)).toBe('試行回数が上限に達しました。約2秒後に、もう一度お試しください。')
    expect(retryMessage(61)).toBe('試行回数が上限に達しました。約2分後に、もう一度お試しください。')
  })
})
