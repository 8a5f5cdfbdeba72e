import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { RoleDetail } from '#shared/contracts/skill-standard'
import { createAppRouter } from '../../router.ts'
import { jsonResponse, roleDetail } from '../../test-support/fixtures.ts'
import RoleDetailPage from './RoleDetailPage.vue'

let fetchMock: ReturnType<typeof vi.fn>

beforeEach(() => {
  fetchMock = vi.fn()
  vi.stubGlobal('fetch', fetchMock)
})

afterEach(() => {
  vi.unstubAllGlobals()
})

async function mountPage(roleId: string) {
  const router = createAppRouter(createMemoryHistory())
  await router.push(`/skill-standard/roles/${roleId}`)
  await router.isReady()
  const wrapper = mount(RoleDetailPage, { props: { roleId }, global: { plugins: [router] } })
  await flushPromises()
  return wrapper
}

describe('RoleDetailPage', () => {
  it('uses a fixture that matches the contract', () => {
    expect(RoleDetail.parse(roleDetail)).toEqual(roleDetail)
  })

  it('shows the role name as the heading, its skills and a 要確認 badge on unconfirmed items', async () => {
    fetchMock.mockResolvedValue(jsonResponse(roleDetail))

    const wrapper = await mountPage('producer')

    expect(fetchMock).toHaveBeenCalledTimes(1)
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/skill-standard/roles/producer')

    expect(wrapper.get('h1').text()).toBe('プロデューサー（CIO補佐官等）')

    const skillsSection = wrapper.get('section[aria-labelledby="skills-heading"]')
    expect(skillsSection.get('h2').text()).toBe('備えておくことが望ましいスキル')
    expect(skillsSection.text()).toContain('デジタル技術の知見')
    expect(skillsSection.text()).toContain('リーダーシップ')
    expect(skillsSection.text()).toContain('テクニカルスキル')

    // The unconfirmed skill carries the badge, the confirmed one does not.
    const rows = skillsSection.findAll('tbody tr')
    const unconfirmedRow = rows.find((row) => row.text().includes('デジタル技術の知見'))!
    const confirmedRow = rows.find((row) => row.text().includes('リーダーシップ'))!
    expect(unconfirmedRow.get('.status-badge').text()).toBe('要確認')
    expect(unconfirmedRow.get('.status-badge').attributes('title')).toContain('公式資料')
    expect(confirmedRow.find('.status-badge').exists()).toBe(false)

    // The unconfirmed level requirement is marked too, and job types link to the catalog by name.
    const levels = wrapper.get('table[class="level-requirement-table"]')
    expect(levels.text()).toContain('要確認')
    const link = levels.findAll('a').find((a) => a.text() === 'ストラテジスト')!
    expect(link.attributes('href')).toBe('/skill-standard#job-type-uiss-strategist')

    // Certifications and experiences are resolved and shown.
    expect(wrapper.text()).toContain('ITストラテジスト試験')
    expect(wrapper.text()).toContain('デジタル戦略の策定を主導した経験（3年以上）')

    // The legend explains the badge in text, not only in a tooltip.
    expect(wrapper.get('aside[aria-label="表示の説明"]').text()).toContain('照合')
    expect(document.title).toContain('プロデューサー（CIO補佐官等）')
  })

  it('shows an alert when the server answers with an error', async () => {
    fetchMock.mockResolvedValue(jsonResponse({ error: { code: 'INTERNAL', message: 'サーバーでエラーが発生しました。' } }, 500))

    const wrapper = await mountPage('producer')

    const alert = wrapper.get('[role="alert"]')
    expect(alert.text()).toContain('サーバーでエラーが発生しました。')
    fetchMock.mockResolvedValue(jsonResponse(roleDetail))
    await alert.get('button').trigger('click')
    await flushPromises()
    expect(wrapper.get('h1').text()).toBe('プロデューサー（CIO補佐官等）')
  })

  it('says the role does not exist for an unknown id without calling the server', async () => {
    const wrapper = await mountPage('unknown-role')
    expect(fetchMock).not.toHaveBeenCalled()
    expect(wrapper.get('h1').text()).toBe('人材像が見つかりません')
  })
})
