import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { createAppRouter } from '../../router.ts'
import { session, setSignedOut } from '../../composables/useSession.ts'
import SignInPage from './SignInPage.vue'

const candidate = { id: 'c', kind: 'candidate', email: 'c@example.jp', displayName: '山田 花子', localGovernment: null, prefecture: null }
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

afterEach(() => {
  vi.unstubAllGlobals()
  setSignedOut()
})

async function open(path: string) {
  const router = createAppRouter(createMemoryHistory())
  await router.push(path)
  await router.isReady()
  const wrapper = mount(SignInPage, { global: { plugins: [router] } })
  return { router, wrapper }
}

describe('SignInPage', () => {
  it('ログインすると戻り先へ移り、セッションを覚える', async () => {
    const fetchMock = vi.fn().mockResolvedValue(json(candidate))
    vi.stubGlobal('fetch', fetchMock)
    const { router, wrapper } = await open('/sign-in?returnTo=%2Fstaff-accounts&expired=1')
    expect(wrapper.text()).toContain('ログインの有効期限が切れました')
    await wrapper.get('#sign-in-email').setValue('c@example.jp')
    await wrapper.get('#sign-in-password').setValue('correct horse battery')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(JSON.parse(fetchMock.mock.calls[0]![1].body as string)).toEqual({ email: 'c@example.jp', password: 'correct horse battery' })
    expect(router.currentRoute.value.fullPath).toBe('/staff-accounts')
    expect(session.account).toEqual(candidate)
  })

  it('外部のサイトには戻らない（次にすることを示すホームへ）', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(json(candidate)))
    const { router, wrapper } = await open('/sign-in?returnTo=%2F%2Fevil.example')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/')
  })

  it('誤ったパスワードはサーバーのメッセージを表示し、パスワード欄を空にする', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn().mockResolvedValue(json({ error: { code: 'INVALID_CREDENTIALS', message: 'メールアドレスまたはパスワードが正しくありません。' } }, 401)),
    )
    const { router, wrapper } = await open('/sign-in')
    await wrapper.get('#sign-in-email').setValue('c@example.jp')
    await wrapper.get('#sign-in-password').setValue('wrong password')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[role="alert"]').text()).toContain('メールアドレスまたはパスワードが正しくありません。')
    expect((wrapper.get('#sign-in-password').element as HTMLInputElement).value).toBe('')
    expect(router.currentRoute.value.name).toBe('sign-in')
  })
})
