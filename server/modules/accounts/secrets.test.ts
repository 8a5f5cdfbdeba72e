import { describe, expect, test } from 'vitest'
import { PASSWORD_MIN_LENGTH, passwordProblem } from '#shared/contracts/accounts'
import { digest, generatePassword, hashPassword, matchesDigest, randomToken, verifyPassword } from './secrets.ts'

const cost = { memoryKib: 1024, iterations: 1 }

describe('パスワードとトークンの保存形式', () => {
  test('パスワードは argon2id のハッシュとして保存し、平文を含まない', async () => {
    const stored = await hashPassword('correct horse battery staple', cost)
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=1024,t=1,p=1\$/)
    expect(stored).not.toContain('correct horse')
    expect(await verifyPassword(stored, 'correct horse battery staple', cost)).toBe(true)
    expect(await verifyPassword(stored, 'correct horse battery stapl', cost)).toBe(false)
  })

  test('パスワードのないアカウント（招待中）はどのパスワードでも一致しない', async () => {
    expect(await verifyPassword(null, '', cost)).toBe(false)
    expect(await verifyPassword(null, 'anything at all', cost)).toBe(false)
  })

  test('壊れたハッシュは一致しないだけで、例外にならない', async () => {
    expect(await verifyPassword('not-a-hash', 'x', cost)).toBe(false)
  })

  test('トークンは256ビットの乱数で、保存するのは SHA-256 だけ', () => {
    const token = randomToken()
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(randomToken()).not.toBe(token)
    expect(digest(token)).toMatch(/^[0-9a-f]{64}$/)
    expect(matchesDigest(token, digest(token))).toBe(true)
    expect(matchesDigest(`${token}x`, digest(token))).toBe(false)
  })

  test('デモ用の生成パスワードはパスワードの条件を満たす', () => {
    for (let i = 0; i < 50; i += 1) {
      const password = generatePassword()
      expect(password).toHaveLength(20)
      expect(password.length).toBeGreaterThanOrEqual(PASSWORD_MIN_LENGTH)
      expect(passwordProblem(password)).toBeNull()
    }
  })
})
