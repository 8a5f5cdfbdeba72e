import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { BidRestrictionClause } from '#shared/contracts/postings'
import BidRestrictionClauseEditor from './BidRestrictionClauseEditor.vue'

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } })
const templates = {
  items: [
    {
      id: 'B2',
      family: 'B',
      name: '現在・過去の所属先と関連事業者の入札制限（助言する調達）',
      description: '…',
      source: '総務省 自治体DX全体手順書 参考4.4-⑦ B②',
      clause: '参考4.4-⑦B②',
      attachesTo: 'appointment',
      governs: 'bid',
      unconfirmed: [],
      parameters: [
        { key: 'lookbackYears', label: 'さかのぼる年数', kind: 'integer', default: 2, min: 0, max: 5, unit: '年' },
        {
          key: 'triggerRoles',
          label: '「助言を行う調達案件」とみなす関わり方',
          kind: 'set',
          default: ['advises', 'drafts_spec'],
          allowed: { advises: '助言', drafts_spec: '仕様書作成' },
        },
      ],
    },
    {
      id: 'C2',
      family: 'C',
      name: '派遣元企業に関する許認可・契約事務の禁止',
      description: '…',
      source: '…',
      clause: '参考4.4-⑦C②',
      attachesTo: 'appointment',
      governs: 'act',
      unconfirmed: [],
      parameters: [],
    },
  ],
}

afterEach(() => vi.unstubAllGlobals())

async function editor(clause: BidRestrictionClause) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => json(templates)),
  )
  const wrapper = mount(BidRestrictionClauseEditor, {
    props: {
      modelValue: clause,
      errorFor: () => undefined,
      'onUpdate:modelValue': (value: BidRestrictionClause) => wrapper.setProps({ modelValue: value } as never),
    } as never,
  })
  await flushPromises()
  const model = () => wrapper.emitted('update:modelValue')!.at(-1)![0] as BidRestrictionClause
  return Object.assign(wrapper, { model })
}

describe('BidRestrictionClauseEditor: rules picked by name, their values set in the form (手順書 参考4.4-⑦)', () => {
  it('ticking B2 adds it; its years and roles are set as values, not typed as codes', async () => {
    const wrapper = await editor({ templateIds: [], params: {}, note: null })
    expect(wrapper.text()).toContain('現在・過去の所属先と関連事業者の入札制限（助言する調達）（参考4.4-⑦B②）')
    expect(wrapper.find('#bid-B2-lookbackYears').exists()).toBe(false)
    await wrapper.get('[data-template="B2"]').setValue(true)
    expect(wrapper.model().templateIds).toEqual(['B2'])
    await wrapper.get('#bid-B2-lookbackYears').setValue('3')
    const roles = wrapper.findAll('.bid-clause__set input')
    await roles[1]!.setValue(false)
    expect(wrapper.model().params).toEqual({ B2: { lookbackYears: 3, triggerRoles: ['advises'] } })
  })

  it('unticking a rule drops its values too (the server refuses values of a rule not chosen)', async () => {
    const wrapper = await editor({ templateIds: ['B2', 'C2'], params: { B2: { lookbackYears: 4 } }, note: '要綱による' })
    expect((wrapper.get('#bid-B2-lookbackYears').element as HTMLInputElement).value).toBe('4')
    await wrapper.get('[data-template="B2"]').setValue(false)
    expect(wrapper.model()).toEqual({ templateIds: ['C2'], params: {}, note: '要綱による' })
  })
})
