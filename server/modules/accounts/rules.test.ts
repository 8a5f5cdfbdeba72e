import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { PASSWORD_MIN_LENGTH, passwordProblem, SignUpRequest } from '#shared/contracts/accounts'
import type { Actor } from '../../http/actor.ts'
import {
  can,
  isInMunicipalityScope,
  isWithin,
  municipalityScope,
  type Permission,
  type Scope,
  scopeOf,
  sessionExpiry,
  sessionState,
  tokenExpiry,
  tokenState,
} from './rules.ts'

const session = { userId: 'u', sessionId: 's' }
const actors = {
  anonymous: { kind: 'anonymous' },
  candidate: { kind: 'candidate', ...session },
  matsuyama: { kind: 'municipality', ...session, localGovernmentCode: '382019', prefectureCode: '38' },
  ehime: { kind: 'prefecture', ...session, prefectureCode: '38' },
  kochi: { kind: 'prefecture', ...session, prefectureCode: '39' },
  national: { kind: 'national', ...session },
} satisfies Record<string, Actor>

const scopes = {
  national: { level: 'national' },
  ehime: { level: 'prefecture', prefectureCode: '38' },
  kochi: { level: 'prefecture', prefectureCode: '39' },
  matsuyama: { level: 'municipality', prefectureCode: '38', localGovernmentCode: '382019' },
  imabari: { level: 'municipality', prefectureCode: '38', localGovernmentCode: '382027' },
  kochiCity: { level: 'municipality', prefectureCode: '39', localGovernmentCode: '392014' },
  candidate: { level: 'candidate', userId: 'u' },
} satisfies Record<string, Scope>

type ActorName = keyof typeof actors
type ScopeName = keyof typeof scopes

describe('can(): 担当者アカウントを作れるのは一つ上の階層の管理者だけ', () => {
  const allowed: Record<ActorName, ScopeName[]> = {
    anonymous: [],
    candidate: [],
    matsuyama: [],
    ehime: ['matsuyama', 'imabari'],
    kochi: ['kochiCity'],
    national: ['national', 'ehime', 'kochi', 'matsuyama', 'imabari', 'kochiCity'],
  }
  const table = (Object.keys(actors) as ActorName[]).flatMap((actor) =>
    (Object.keys(scopes) as ScopeName[]).map((scope) => [actor, scope, allowed[actor].includes(scope)] as const),
  )
  test.each(table)('%s が %s の担当者を作成 → %s', (actor, scope, expected) => {
    expect(can(actors[actor], 'staff.create', scopes[scope])).toBe(expected)
  })
})

describe('can(): 担当者アカウントを読めるのは自分の管轄の中だけ', () => {
  test.each([
    ['national', 'kochiCity', true],
    ['ehime', 'ehime', true],
    ['ehime', 'imabari', true],
    ['ehime', 'kochi', false],
    ['ehime', 'kochiCity', false],
    ['ehime', 'national', false],
    ['matsuyama', 'matsuyama', true],
    ['matsuyama', 'imabari', false],
    ['matsuyama', 'ehime', false],
    ['candidate', 'matsuyama', false],
    ['national', 'candidate', false],
    ['anonymous', 'national', false],
  ] as const)('%s → %s: %s', (actor, scope, expected) => {
    expect(can(actors[actor], 'staff.read', scopes[scope])).toBe(expected)
  })
})

describe('can(): 監査ログと送信メール', () => {
  test.each([
    ['national', 'audit.read', 'candidate', true],
    ['ehime', 'audit.read', 'imabari', true],
    ['ehime', 'audit.read', 'kochiCity', false],
    ['ehime', 'audit.read', 'national', false],
    ['matsuyama', 'audit.read', 'matsuyama', false],
    ['candidate', 'audit.read', 'candidate', false],
    ['national', 'mail.read', 'national', true],
    ['ehime', 'mail.read', 'ehime', false],
    ['candidate', 'mail.read', 'candidate', false],
  ] as const)('%s %s %s → %s', (actor, permission, scope, expected) => {
    expect(can(actors[actor], permission, scopes[scope])).toBe(expected)
  })

  const anyScope = fc.constantFrom(...Object.values(scopes))
  const anyPermission = fc.constantFrom<Permission>('staff.create', 'staff.read', 'audit.read', 'mail.read')
  test('未ログインの利用者には何も許さない（既定で拒否）', () => {
    fc.assert(fc.property(anyPermission, anyScope, (permission, scope) => !can(actors.anonymous, permission, scope)))
  })
  test('作成できる担当者は、必ず読める管轄の中にいる', () => {
    const anyActor = fc.constantFrom(...Object.values(actors))
    fc.assert(fc.property(anyActor, anyScope, (actor, scope) => !can(actor, 'staff.create', scope) || can(actor, 'staff.read', scope)))
  })
})

describe('管轄（スコープ）', () => {
  test('都道府県の管轄はその都道府県の市区町村を含み、他県を含まない', () => {
    expect(isWithin(scopes.imabari, scopes.ehime)).toBe(true)
    expect(isWithin(scopes.kochiCity, scopes.ehime)).toBe(false)
    expect(isWithin(scopes.ehime, scopes.matsuyama)).toBe(false)
    expect(isWithin(scopes.candidate, scopes.national)).toBe(false)
  })

  test.each([
    ['national', '392014', true],
    ['ehime', '382027', true],
    ['ehime', '392014', false],
    ['matsuyama', '382019', true],
    ['matsuyama', '382027', false],
    ['candidate', '382019', false],
    ['anonymous', '382019', false],
  ] as const)('municipalityScope(%s) は %s を %s', (actor, code, expected) => {
    expect(isInMunicipalityScope(code, municipalityScope(actors[actor]))).toBe(expected)
  })

  test('scopeOf と municipalityScope は同じ市区町村を許す', () => {
    const codes = fc.constantFrom('382019', '382027', '392014', '131016')
    fc.assert(
      fc.property(fc.constantFrom(actors.matsuyama, actors.ehime, actors.kochi, actors.national), codes, (actor, code) => {
        const target: Scope = { level: 'municipality', localGovernmentCode: code, prefectureCode: code.slice(0, 2) }
        return isInMunicipalityScope(code, municipalityScope(actor)) === isWithin(target, scopeOf(actor)!)
      }),
    )
  })
})

describe('セッションの有効期限（無操作2時間・ログインから12時間）', () => {
  const policy = { idleMinutes: 120, absoluteHours: 12 }
  const signedInAt = new Date('2026-04-01T00:00:00Z')
  const at = (minutes: number) => new Date(signedInAt.getTime() + minutes * 60_000)
  const expiresAt = sessionExpiry(signedInAt, policy)

  test.each([
    ['ログイン直後', 0, 0, 'active'],
    ['無操作 1時間59分', 0, 119, 'active'],
    ['無操作 ちょうど2時間 → 終了', 0, 120, 'idle_expired'],
    ['操作を続けて11時間59分', 11 * 60 + 50, 11 * 60 + 59, 'active'],
    ['操作を続けてもログインから12時間で終了', 11 * 60 + 59, 12 * 60, 'absolute_expired'],
  ] as const)('%s', (_name, lastSeenMinutes, nowMinutes, expected) => {
    expect(sessionState({ lastSeenAt: at(lastSeenMinutes), expiresAt }, at(nowMinutes), policy)).toBe(expected)
  })

  test('有効なセッションは、それより前のどの時点でも有効', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 720 }), fc.integer({ min: 0, max: 720 }), (lastSeen, delta) => {
        const later = sessionState({ lastSeenAt: at(lastSeen), expiresAt }, at(lastSeen + delta), policy)
        const earlier = sessionState({ lastSeenAt: at(lastSeen), expiresAt }, at(lastSeen + Math.floor(delta / 2)), policy)
        return later !== 'active' || earlier === 'active'
      }),
    )
  })
})

describe('ワンタイムトークン（再設定は1時間・1回限り）', () => {
  const issuedAt = new Date('2026-04-01T09:00:00+09:00')
  const reset = { purpose: 'password_reset' as const, expiresAt: tokenExpiry('password_reset', issuedAt), usedAt: null }

  test.each([
    ['発行から59分59秒 → 有効', 3599, reset, 'valid'],
    ['発行からちょうど1時間 → 期限切れ', 3600, reset, 'expired'],
    ['使用済み → 使えない', 10, { ...reset, usedAt: issuedAt }, 'used'],
  ] as const)('%s', (_name, seconds, token, expected) => {
    expect(tokenState(token, new Date(issuedAt.getTime() + seconds * 1000), ['password_reset'])).toBe(expected)
  })

  test('目的の違うトークンは使えない（確認メールのリンクでパスワードは変えられない）', () => {
    const confirmation = { purpose: 'email_confirmation' as const, expiresAt: tokenExpiry('email_confirmation', issuedAt), usedAt: null }
    expect(tokenState(confirmation, issuedAt, ['password_reset', 'invitation'])).toBe('wrong_purpose')
    expect(tokenState(confirmation, issuedAt, ['email_confirmation'])).toBe('valid')
  })

  test('確認メールは24時間、招待は72時間有効', () => {
    expect(tokenExpiry('email_confirmation', issuedAt).getTime() - issuedAt.getTime()).toBe(24 * 3_600_000)
    expect(tokenExpiry('invitation', issuedAt).getTime() - issuedAt.getTime()).toBe(72 * 3_600_000)
  })
})

describe('パスワードの条件（12文字以上）', () => {
  test.each([
    ['11文字', 'abcdefghijk', 'パスワードは12文字以上で入力してください。'],
    ['12文字', 'abcdefghijkl', null],
    ['日本語12文字', 'じちたいでじたるじんざいぼ', null],
    ['絵文字は1文字と数える（11文字）', '🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑a', 'パスワードは12文字以上で入力してください。'],
    ['空白だけ', ' '.repeat(12), 'パスワードに空白以外の文字を含めてください。'],
    ['同じ文字だけ', 'a'.repeat(12), '同じ文字だけのパスワードは使えません。'],
    ['129文字', 'ab'.repeat(64) + 'c', 'パスワードは128文字以内で入力してください。'],
  ])('%s', (_name, password, expected) => {
    expect(passwordProblem(password)).toBe(expected)
  })

  test('利用登録の検証は日本語のメッセージで password を指す', () => {
    const result = SignUpRequest.safeParse({ email: 'a@example.jp', password: 'short', displayName: '山田' })
    expect(result.success).toBe(false)
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ['password'], message: `パスワードは${PASSWORD_MIN_LENGTH}文字以上で入力してください。` }),
    ])
  })

  test('メールアドレスは前後の空白を除き小文字にそろえる', () => {
    const parsed = SignUpRequest.parse({ email: '  Yamada@Example.JP ', password: 'correct horse battery', displayName: ' 山田 ' })
    expect(parsed).toMatchObject({ email: 'yamada@example.jp', displayName: '山田' })
  })

  test('12文字以上で、空白だけでも同じ文字だけでもなければ受け付ける', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 12, maxLength: 64, unit: 'grapheme' }), (password) => {
        const length = [...password].length
        const acceptable = length >= 12 && length <= 128 && password.trim() !== '' && new Set(password).size > 1
        return (passwordProblem(password) === null) === acceptable
      }),
    )
  })
})
