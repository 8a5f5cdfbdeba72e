import { afterEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { createAppRouter } from '../router.ts'
import { isSessionEnded, loadSession, returnToSignIn, safeReturnTo, saveDraft, session, setSignedOut, takeDraft } from './useSession.ts'

afterEach(() => {
  vi.unstubAllGlobals()
  sessionStorage.clear()
  setSignedOut()
})

describe('safeReturnTo: ログイン後に戻るのはこのサイトのページだけ', () => {
  it.each([
    ['/staff-accounts?x=1', '/staff-accounts?x=1'],
    ['/', '/'],
    ['//evil.example/x', undefined],
    ['/\\evil.example', undefined],
    ['https://evil.example', undefined],
    ['javascript:alert(1)', undefined],
    [['/a', '/b'], undefined],
    [undefined, undefined],
  ])('%j → %j', (value, expected) => {
    expect(safeReturnTo(value)).toBe(expected)
  })
})

describe('入力途中のフォーム', () => {
  it('保存した内容は一度だけ取り出せる', () => {
    saveDraft('form', { name: '山田' })
    expect(takeDraft('form')).toEqual({ name: '山田' })
    expect(takeDraft('form')).toBeUndefined()
  })

  it('セッション切れで、内容を保存し、期限切れの印と戻り先を付けてログイン画面へ移る', async () => {
    const router = createAppRouter(createMemoryHistory())
    await router.push('/staff-accounts')
    await returnToSignIn(router, '/staff-accounts', { draft: { key: 'staff', value: { email: 'a@example.jp' } } })
    expect(router.currentRoute.value.name).toBe('sign-in')
    expect(router.currentRoute.value.query).toEqual({ returnTo: '/staff-accounts', expired: '1' })
    expect(takeDraft('staff')).toEqual({ email: 'a@example.jp' })
    expect(session.account).toBeNull()
  })
})

describe('isSessionEnded', () => {
  it('401 UNAUTHENTICATED だけがセッション切れ', () => {
    expect(isSessionEnded({ ok: false, status: 401, error: { code: 'UNAUTHENTICATED', message: '' } })).toBe(true)
    expect(isSessionEnded({ ok: false, status: 401, error: { code: 'INVALID_CREDENTIALS', message: '' } })).toBe(false)
    expect(isSessionEnded({ ok: false, status: 403, error: { code: 'FORBIDDEN', message: '' } })).toBe(false)
    expect(isSessionEnded({ ok: true, status: 200, data: {} })).toBe(false)
  })
})

describe('loadSession', () => {
  it('/api/auth/me の答えを覚える', async () => {
    const account = { id: 'a', kind: 'candidate', email: 'a@example.jp', displayName: 'A', localGovernment: null, prefecture: null }
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response(JSON.stringify({ signedIn: true, account }), { status: 200 })))
    await loadSession({ force: true })
    expect(session.account).toEqual(account)
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response(JSON.stringify({ signedIn: false }), { status: 200 })))
    await loadSession({ force: true })
    expect(session.account).toBeNull()
    expect(session.loaded).toBe(true)
  })
})
