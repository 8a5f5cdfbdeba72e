import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import LocalGovernmentPicker from './LocalGovernmentPicker.vue'

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } })
const imabari = { code: '382027', prefectureCode: '38', name: '今治市', nameKana: 'いまばりし', prefectureName: '愛媛県', kind: 'city', population: 150000 }
const uchiko = { code: '384224', prefectureCode: '38', name: '内子町', nameKana: 'うちこちょう', prefectureName: '愛媛県', kind: 'town', population: 15000 }

afterEach(() => {
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

function stubApi() {
  const fetchMock = vi.fn(async (input: string) => {
    const url = new URL(input, 'http://localhost')
    if (url.pathname === '/api/local-governments')
      return json({
        items: [imabari, uchiko].filter(
          (item) => item.name.includes(url.searchParams.get('q') ?? '') || item.nameKana.includes(url.searchParams.get('q') ?? ''),
        ),
        total: 1,
        limit: 10,
        offset: 0,
      })
    if (url.pathname === '/api/local-governments/384224') return json(uchiko)
    return json({})
  })
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
}

describe('LocalGovernmentPicker', () => {
  it('よみがなで探して選ぶと団体コードが値になり、選んだ団体は名前で並ぶ', async () => {
    stubApi()
    vi.useFakeTimers()
    const wrapper = mount(LocalGovernmentPicker, { props: { modelValue: [], label: '共同任用の団体', id: 'joint' } })
    await wrapper.get('input').setValue('いまばり')
    await vi.advanceTimersByTimeAsync(300)
    await flushPromises()
    const result = wrapper.get('button')
    expect(result.text()).toContain('愛媛県 今治市（いまばりし）')
    await result.trigger('click')
    expect(wrapper.emitted('update:modelValue')).toEqual([[['382027']]])
  })

  it('保存済みのコードは名前で表示し、「外す」で値から除く。自団体は選べない', async () => {
    stubApi()
    vi.useFakeTimers()
    const wrapper = mount(LocalGovernmentPicker, { props: { modelValue: ['384224'], label: '共同任用の団体', id: 'joint', exclude: ['382027'] } })
    await flushPromises()
    expect(wrapper.get('[aria-label="選んだ共同任用の団体"]').text()).toContain('愛媛県 内子町')
    expect(wrapper.text()).not.toContain('384224')
    await wrapper.get('button[aria-label="愛媛県 内子町を外す"]').trigger('click')
    expect(wrapper.emitted('update:modelValue')).toEqual([[[]]])
    await wrapper.get('input').setValue('今治')
    await vi.advanceTimersByTimeAsync(300)
    await flushPromises()
    const own = wrapper.findAll('button').find((button) => button.text().includes('今治市'))!
    expect(own.attributes('disabled')).toBeDefined()
    expect(own.text()).toContain('選べません')
  })
})
