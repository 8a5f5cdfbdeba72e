import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import App from './App.vue'
import { createAppRouter } from './router.ts'

describe('App', () => {
  it('has the landmarks, the skip link and a Japanese 404 page for unknown URLs', async () => {
    const router = createAppRouter(createMemoryHistory())
    await router.push('/no-such-page')
    await router.isReady()
    const wrapper = mount(App, { global: { plugins: [router] } })
    await flushPromises()

    expect(wrapper.get('a.skip-link').text()).toBe('本文へ移動')
    expect(wrapper.get('a.skip-link').attributes('href')).toBe('#main')
    expect(wrapper.find('nav[aria-label="メイン"]').exists()).toBe(true)
    expect(wrapper.get('main#main h1').text()).toBe('ページが見つかりません')
    expect(wrapper.find('header').text()).toContain('自治体DX 外部デジタル人材 募集・マッチング')
    expect(wrapper.find('footer').exists()).toBe(true)
  })

  it('folds the navigation behind one メニュー button that says whether it is open, and folds it again on a page change', async () => {
    const router = createAppRouter(createMemoryHistory())
    await router.push('/')
    await router.isReady()
    const wrapper = mount(App, { global: { plugins: [router] } })
    await flushPromises()

    const toggle = wrapper.get('button[aria-controls="site-menu"]')
    expect(toggle.text()).toContain('メニュー')
    expect(toggle.attributes('aria-expanded')).toBe('false')
    await toggle.trigger('click')
    expect(toggle.attributes('aria-expanded')).toBe('true')
    expect(wrapper.get('#site-menu').classes()).toContain('is-open')
    await router.push('/postings')
    await flushPromises()
    expect(toggle.attributes('aria-expanded')).toBe('false')
  })
})
