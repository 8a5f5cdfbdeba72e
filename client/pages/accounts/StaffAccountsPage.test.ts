import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { createAppRouter } from '../../router.ts'
import { setSignedOut } from '../../composables/useSession.ts'
import StaffAccountsPage from './StaffAccountsPage.vue'

const prefecture = {
  id: 'p',
  kind: 'prefecture',
  email: 'p@example.jp',
  displayName: '愛媛 担当',
  localGovernment: null,
  prefecture: { code: '38', name: '愛媛県' },
}
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
const emptyList = { items: [], total: 0, limit: 100, offset: 0 }

afterEach(() => {
  vi.unstubAllGlobals()
  sessionStorage.clear()
  setSignedOut()
})

async function mountAt(router: ReturnType<typeof createAppRouter>) {
  await router.push('/staff-accounts')
  await router.isReady()
  const wrapper = mount(StaffAccountsPage, { global: { plugins: [router] } })
  await flushPromises()
  return wrapper
}

describe('StaffAccountsPage: セッションが切れても入力した内容は失われない', () => {
  it('送信が 401 ならログイン画面へ移り、ログイン後に同じ画面で入力内容が戻る', async () => {
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      if (url === '/api/auth/me') return json({ signedIn: true, account: prefecture })
      if (url.startsWith('/api/staff-accounts') && init?.method === 'GET') return json(emptyList)
      return json({ error: { code: 'UNAUTHENTICATED', message: 'ログインしてください。' } }, 401)
    })
    vi.stubGlobal('fetch', fetchMock)
    const router = createAppRouter(createMemoryHistory())
    const wrapper = await mountAt(router)

    // 都道府県の担当者が作れるのは市区町村の担当者だけ
    expect(wrapper.findAll('#staff-kind option').map((option) => option.attributes('value'))).toEqual(['municipality'])
    await wrapper.get('#staff-local-government').setValue('382027')
    await wrapper.get('#staff-name').setValue('今治 花子')
    await wrapper.get('#staff-email').setValue('imabari.new@example.jp')
    await wrapper.get('form').trigger('submit')
    await flushPromises()

    expect(router.currentRoute.value.name).toBe('sign-in')
    expect(router.currentRoute.value.query).toMatchObject({ returnTo: '/staff-accounts', expired: '1' })
    wrapper.unmount()

    // Signed in again: the page comes back with what was typed.
    const again = await mountAt(router)
    expect((again.get('#staff-local-government').element as HTMLInputElement).value).toBe('382027')
    expect((again.get('#staff-name').element as HTMLInputElement).value).toBe('今治 花子')
    expect((again.get('#staff-email').element as HTMLInputElement).value).toBe('imabari.new@example.jp')
    expect(again.text()).toContain('ログイン前に入力していた内容を復元しました')
  })

  it('未ログインで開くとログイン画面へ（期限切れの表示なし）', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json({ signedIn: false })),
    )
    const router = createAppRouter(createMemoryHistory())
    // the router sends a visitor to sign in before the page is rendered (meta.for)
    await router.push('/staff-accounts')
    await router.isReady()
    expect(router.currentRoute.value.name).toBe('sign-in')
    expect(router.currentRoute.value.query).toEqual({ returnTo: '/staff-accounts' })
  })
})
