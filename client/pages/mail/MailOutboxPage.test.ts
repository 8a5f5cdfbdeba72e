import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Component } from 'vue'
import { createMemoryHistory } from 'vue-router'
import { createAppRouter } from '../../router.ts'
import { setSignedIn, setSignedOut } from '../../composables/useSession.ts'
import MailOutboxPage from './MailOutboxPage.vue'
import MailMessagePage from './MailMessagePage.vue'

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
const base = { email: 'x@example.jp', displayName: '担当', localGovernment: null, prefecture: null }
const failed = {
  id: '11111111-1111-4111-8111-111111111111',
  createdAt: '2026-12-07T08:00:00.000Z',
  to: 'gave.up@example.jp',
  subject: '【自治体DX】応募がありました',
  text: '本文',
  status: 'failed',
  attempts: 8,
  sentAt: null,
  lastError: 'connect ECONNREFUSED',
}

afterEach(() => {
  vi.unstubAllGlobals()
  setSignedOut()
})

async function open(path: string, component: Component) {
  const router = createAppRouter(createMemoryHistory())
  await router.push(path)
  await router.isReady()
  const wrapper = mount(component, { global: { plugins: [router] }, props: router.currentRoute.value.params })
  await flushPromises()
  return { router, wrapper }
}

describe('MailOutboxPage', () => {
  it('国の担当者以外には一覧を取りに行かず（403 を出さず）、誰が使うページかを伝える', async () => {
    const fetchMock = vi.fn()
    vi.stubGlobal('fetch', fetchMock)
    setSignedIn({ id: 'm', kind: 'municipality', ...base })
    const { wrapper } = await open('/admin/mail-outbox', MailOutboxPage)
    expect(fetchMock).not.toHaveBeenCalled()
    expect(wrapper.text()).toContain('国の担当者だけが使えます')
  })

  it('URL の状態で絞り込んで読み、件数と件名のリンクを出す', async () => {
    const fetchMock = vi.fn().mockResolvedValue(json({ items: [failed], total: 1, limit: 50, offset: 0 }))
    vi.stubGlobal('fetch', fetchMock)
    setSignedIn({ id: 'n', kind: 'national', ...base })
    const { wrapper } = await open('/admin/mail-outbox?status=failed', MailOutboxPage)
    expect(String(fetchMock.mock.calls[0]![0])).toBe('/api/mail-outbox?limit=50&offset=0&status=failed')
    expect(wrapper.get('[data-testid="mail-total"]').text()).toContain('「送信失敗」1通')
    expect(wrapper.get('[aria-current="page"]').text()).toBe('送信失敗')
    expect(wrapper.get('[data-testid="mail-row"] a').attributes('href')).toBe(`/admin/mail-outbox/${failed.id}?status=failed`)
  })

  it('一通もなければ、何をすればよいかを言う', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(json({ items: [], total: 0, limit: 50, offset: 0 })))
    setSignedIn({ id: 'n', kind: 'national', ...base })
    const { wrapper } = await open('/admin/mail-outbox?status=pending&to=a%40example.jp', MailOutboxPage)
    expect(wrapper.text()).toContain('「すべて」を選ぶか、宛先の絞り込みを解除してください')
  })
})

describe('MailMessagePage', () => {
  it('失敗したメールを開き、「もう一度送る」で送信待ちに戻す', async () => {
    const fetchMock = vi
      .fn()
      .mockResolvedValueOnce(json(failed))
      .mockResolvedValueOnce(json({ ...failed, status: 'pending', attempts: 0 }))
    vi.stubGlobal('fetch', fetchMock)
    setSignedIn({ id: 'n', kind: 'national', ...base })
    const { wrapper } = await open(`/admin/mail-outbox/${failed.id}`, MailMessagePage)
    expect(wrapper.text()).toContain('connect ECONNREFUSED')
    expect(wrapper.get('[data-testid="mail-status"]').text()).toBe('送信失敗')
    await wrapper.get('button.button-primary').trigger('click')
    await flushPromises()
    expect(fetchMock.mock.calls[1]![0]).toBe(`/api/mail-outbox/${failed.id}/retry`)
    expect(fetchMock.mock.calls[1]![1].method).toBe('POST')
    expect(wrapper.get('[data-testid="mail-status"]').text()).toBe('送信待ち')
    expect(wrapper.text()).toContain('送信待ちに戻しました')
  })
})
