import { describe, expect, test } from 'vitest'
import { AttemptLimiter } from './rate-limit.ts'

describe('AttemptLimiter: 15分に10回まで', () => {
  const start = new Date('2026-04-01T00:00:00Z')
  const after = (seconds: number) => new Date(start.getTime() + seconds * 1000)

  test('10回までは通し、11回目を拒否して残り時間を返す', () => {
    const limiter = new AttemptLimiter({ attempts: 10, windowMs: 15 * 60_000 })
    for (let i = 0; i < 10; i += 1) expect(limiter.attempt(['ip'], after(i)).allowed).toBe(true)
    expect(limiter.attempt(['ip'], after(60))).toEqual({ allowed: false, retryAfterSeconds: 14 * 60 })
  })

  test('窓が終われば再び通す', () => {
    const limiter = new AttemptLimiter({ attempts: 10, windowMs: 15 * 60_000 })
    for (let i = 0; i < 11; i += 1) limiter.attempt(['ip'], start)
    expect(limiter.attempt(['ip'], after(15 * 60)).allowed).toBe(true)
  })

  test('どれか一つの鍵が上限なら拒否（IP ごと と IP・メールごと）', () => {
    const limiter = new AttemptLimiter({ attempts: 2, windowMs: 60_000 })
    expect(limiter.attempt(['ip', 'ip|a'], start).allowed).toBe(true)
    expect(limiter.attempt(['ip', 'ip|b'], start).allowed).toBe(true)
    expect(limiter.attempt(['ip', 'ip|c'], start).allowed).toBe(false) // the IP has used its two
    expect(limiter.attempt(['other-ip', 'other-ip|a'], start).allowed).toBe(true)
  })

  test('掃除で消えるのは窓の終わった鍵だけ（窓の中の鍵は拒否されたまま）', () => {
    const limiter = new AttemptLimiter({ attempts: 1, windowMs: 10_000, maxKeys: 3 })
    limiter.attempt(['old'], start)
    limiter.attempt(['k0'], after(20))
    for (let i = 1; i < 5; i += 1) limiter.attempt([`k${i}`], after(20))
    expect(limiter.attempt(['k0'], after(21)).allowed).toBe(false)
    expect(limiter.attempt(['old'], after(21)).allowed).toBe(true)
  })
})
