import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { SkillStandardCatalog } from '#shared/domain/skill-standard/schema'
import { createAppRouter } from '../../router.ts'
import { catalog, jsonResponse } from '../../test-support/fixtures.ts'
import SkillStandardPage from './SkillStandardPage.vue'

beforeEach(() => {
  vi.stubGlobal('fetch', vi.fn().mockResolvedValue(jsonResponse(catalog)))
})

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('SkillStandardPage', () => {
  it('uses a fixture that matches the contract', () => {
    expect(SkillStandardCatalog.parse(catalog)).toEqual(catalog)
  })

  it('shows the edition, the role cards, job type tables, exams and level rules', async () => {
    const router = createAppRouter(createMemoryHistory())
    await router.push('/skill-standard')
    const wrapper = mount(SkillStandardPage, { global: { plugins: [router] } })
    await flushPromises()

    expect(wrapper.get('h1').text()).toBe('外部人材スキル標準')
    expect(wrapper.text()).toContain('令和4年9月（2022年9月）')
    expect(wrapper.text()).toContain('2022-09-r1')

    const card = wrapper.get('.role-cards a')
    expect(card.text()).toBe('プロデューサー（CIO補佐官等）')
    expect(card.attributes('href')).toBe('/skill-standard/roles/producer')

    // A null level range is shown as 要確認, a known one as a range.
    const itssRow = wrapper.get('#job-type-itss-project_management').element.closest('tr')!
    expect(itssRow.textContent).toContain('要確認')
    const uissRow = wrapper.get('#job-type-uiss-strategist').element.closest('tr')!
    expect(uissRow.textContent).toContain('レベル4〜7')

    // A discontinued exam names its successor.
    const examRows = wrapper.findAll('.exam-table tbody tr')
    const legacy = examRows.find((row) => row.text().includes('システムアナリスト試験'))!
    expect(legacy.text()).toContain('廃止')
    expect(legacy.text()).toContain('後継：ITストラテジスト試験')
    const current = examRows.find((row) => row.text().startsWith('ITストラテジスト試験'))!
    expect(current.text()).toContain('実施中')
    expect(current.text()).toContain('ストラテジスト')

    // Level rules are ordered 1–3, 4, 5–7.
    const ruleLevels = wrapper.findAll('#level-rules-caption ~ tbody th').map((th) => th.text())
    expect(ruleLevels).toEqual(['レベル1〜3', 'レベル4', 'レベル5〜7'])
  })
})
