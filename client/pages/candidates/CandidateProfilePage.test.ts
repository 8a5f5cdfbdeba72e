import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { createMemoryHistory, RouterView } from 'vue-router'
import { createAppRouter } from '../../router.ts'
import { setSignedIn, setSignedOut } from '../../composables/useSession.ts'

const account = { id: 'c', kind: 'candidate', email: 'hanako@example.jp', displayName: '山田 花子', localGovernment: null, prefecture: null } as const
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
/** A profile just after sign-up: nothing entered yet. */
const emptyProfile = {
  id: 'p1',
  fullName: null,
  fullNameKana: null,
  contactEmail: null,
  phone: null,
  prefectureCode: null,
  headline: '',
  desiredRoles: [],
  desiredAppointmentForms: [],
  availability: { days: null, per: null, earliestStart: null, remote: 'hybrid', sideJob: false },
  regions: [],
  exams: [],
  otherCertifications: [],
  experiences: [],
  claims: [],
  employments: [],
  consent: [],
  levels: { candidateId: 'p1', commonLevel: null, levels: [], notes: [], heldCertificationIds: [], experienceYearsForLevel4: 3 },
  ministryListing: null,
  updatedAt: '2026-12-07T00:00:00.000Z',
}

afterEach(() => {
  vi.unstubAllGlobals()
  setSignedOut()
})

async function openProfile(fetchMock: ReturnType<typeof vi.fn>) {
  vi.stubGlobal('fetch', fetchMock)
  setSignedIn(account)
  const router = createAppRouter(createMemoryHistory())
  await router.push('/candidates/me')
  await router.isReady()
  const wrapper = mount(defineComponent({ render: () => h(RouterView) }), { global: { plugins: [router] }, attachTo: document.body })
  await flushPromises()
  return { router, wrapper }
}

const profileFetch = () =>
  vi.fn(async (url: string, init?: RequestInit) => {
    if (url === '/api/auth/me') return json({ signedIn: true, account })
    if (url === '/api/candidates/me' && (init?.method ?? 'GET') === 'GET') return json(emptyProfile)
    if (url === '/api/candidates/me/profile' && init?.method === 'PUT') return json({ ...emptyProfile, ...JSON.parse(init.body as string) })
    return json({ items: [], total: 0, limit: 20, offset: 0 })
  })

describe('CandidateProfilePage', () => {
  it('新しいプロフィールは利用登録の氏名と確認済みのアドレスから始まり、保存するまで「保存していない変更」と示す', async () => {
    const { wrapper } = await openProfile(profileFetch())
    expect((wrapper.get('#fullName').element as HTMLInputElement).value).toBe('山田 花子')
    expect((wrapper.get('#contactEmail').element as HTMLInputElement).value).toBe('hanako@example.jp')
    expect(wrapper.text()).toContain('利用登録の内容を入れています')
    expect(wrapper.get('[data-testid="unsaved"]').text()).toContain('基本情報')
    // 都道府県 is picked by name
    expect(wrapper.findAll('#prefectureCode option').map((option) => option.text())).toContain('愛媛県')
    wrapper.unmount()
  })

  it('保存していない欄があるまま移動しようとすると確かめ、「キャンセル」で留まり、「保存せずに移動する」で移る', async () => {
    const fetchMock = profileFetch()
    const { router, wrapper } = await openProfile(fetchMock)
    await wrapper.get('#headline').setValue('自治体の標準化を支援してきました')
    void router.push('/postings')
    await flushPromises()
    const dialog = document.querySelector('[role="alertdialog"]')!
    expect(dialog.textContent).toContain('保存していない変更があります')
    expect(dialog.textContent).toContain('「基本情報」の変更はまだ保存されていません')
    ;[...dialog.querySelectorAll('button')].find((button) => button.textContent?.trim() === 'キャンセル')!.click()
    await flushPromises()
    expect(router.currentRoute.value.path).toBe('/candidates/me')

    void router.push('/postings')
    await flushPromises()
    ;[...document.querySelectorAll('[role="alertdialog"] button')]
      .find((button) => button.textContent?.trim() === '保存せずに移動する')!
      .dispatchEvent(new MouseEvent('click', { bubbles: true }))
    await flushPromises()
    expect(router.currentRoute.value.path).toBe('/postings')
    wrapper.unmount()
  })

  it('保存した欄は確かめずに移動でき、ほかの欄の入力は保存で消えない', async () => {
    const fetchMock = profileFetch()
    const { router, wrapper } = await openProfile(fetchMock)
    await wrapper.get('#headline').setValue('紹介文')
    await wrapper
      .findAll('button')
      .find((button) => button.text() === '経験を追加')!
      .trigger('click')
    await wrapper
      .findAll('button')
      .find((button) => button.text() === '基本情報を保存')!
      .trigger('click')
    await flushPromises()
    expect(wrapper.text()).toContain('基本情報を保存しました')
    // the experience being written is still there, and still unsaved
    expect(wrapper.find('[aria-label="経験1の組織"]').exists()).toBe(true)
    expect(wrapper.get('[data-testid="unsaved"]').text()).toBe('保存していない変更: 資格・経験（各欄の「保存」ボタンで保存します）')
    await wrapper
      .findAll('button')
      .find((button) => button.text() === '削除' && button.element.closest('li')?.querySelector('[aria-label="経験1の組織"]'))!
      .trigger('click')
    expect(wrapper.find('[data-testid="unsaved"]').exists()).toBe(false)
    await router.push('/postings')
    await flushPromises()
    expect(router.currentRoute.value.path).toBe('/postings')
    expect(document.querySelector('[role="alertdialog"]')).toBeNull()
    wrapper.unmount()
  })
})
