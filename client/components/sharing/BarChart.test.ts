// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, test, vi } from 'vitest'

const charts = vi.hoisted(() => [] as { config: any; update: ReturnType<typeof vi.fn>; destroy: ReturnType<typeof vi.fn> }[])
vi.mock('chart.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('chart.js')>()
  class FakeChart {
    static register = vi.fn()
    data: unknown
    options: unknown
    update = vi.fn()
    destroy = vi.fn()
    constructor(
      _canvas: unknown,
      public config: any,
    ) {
      this.data = config.data
      this.options = config.options
      charts.push(this)
    }
  }
  return { ...original, Chart: FakeChart }
})

import BarChart from './BarChart.vue'

const bars = [
  { key: 'a', label: '今治市', value: 2, limit: 5, suffix: ' / 5回' },
  { key: 'b', label: '松山市', value: 6, limit: 5, suffix: ' / 5回' },
]

afterEach(() => {
  charts.length = 0
  vi.restoreAllMocks()
})

describe('BarChart（グラフは文字でも読める）', () => {
  test('キャンバスは画像として全ての値を読み上げ、同じ値を表でも示す。上限を超えた行は「上限超過」と書く', () => {
    const wrapper = mount(BarChart, { props: { title: '派遣の利用', unit: '回', bars } })
    const canvas = wrapper.find('canvas')
    expect(canvas.attributes('role')).toBe('img')
    expect(canvas.attributes('aria-label')).toBe('派遣の利用の横棒グラフ。今治市: 2回（上限5回）、松山市: 6回（上限5回、上限超過）。')
    const rows = wrapper.findAll('tbody tr')
    expect(rows.map((r) => r.findAll('th, td').map((c) => c.text().replace(/\s+/g, ' ')))).toEqual([
      ['今治市', '2回 / 5回', '5回'],
      ['松山市', '6回 / 5回 （上限超過）', '5回'],
    ])
    expect(wrapper.find('details summary').text()).toBe('グラフの数値を表で見る')
    expect(wrapper.find('figure').attributes('aria-labelledby')).toBe(wrapper.find('figcaption').attributes('id'))
    expect(rows[1]!.attributes('data-over')).toBe('true')
    expect(rows[0]!.attributes('data-over')).toBeUndefined()
  })

  test('2D コンテキストがなければグラフを作らず、表だけで例外を出さない', () => {
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null)
    const wrapper = mount(BarChart, { props: { title: '派遣の利用', unit: '回', bars } })
    expect(charts).toHaveLength(0)
    expect(wrapper.findAll('tbody tr')).toHaveLength(2)
    expect(() => wrapper.unmount()).not.toThrow()
  })

  test('描画できるときは Chart.js に値と日本語の凡例を渡し、props の変更で更新し、外すと破棄する', async () => {
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue({} as CanvasRenderingContext2D)
    const wrapper = mount(BarChart, { props: { title: '派遣の利用', unit: '回', bars } })
    expect(charts).toHaveLength(1)
    const chart = charts[0]!
    expect(chart.config.options.indexAxis).toBe('y')
    expect(chart.config.data.labels).toEqual(['今治市', '松山市'])
    expect(chart.config.data.datasets.map((d: any) => [d.label, d.data])).toEqual([
      ['実績', [2, 6]],
      ['上限', [5, 5]],
    ])
    const [within, over] = chart.config.data.datasets[0].backgroundColor
    expect(within).not.toBe(over)

    await wrapper.setProps({ bars: [{ key: 'a', label: '今治市', value: 3, limit: 5 }] } as Partial<InstanceType<typeof BarChart>['$props']>)
    expect(chart.update).toHaveBeenCalled()
    expect((chart as any).data.datasets[0].data).toEqual([3])
    expect(wrapper.find('canvas').attributes('aria-label')).toBe('派遣の利用の横棒グラフ。今治市: 3回（上限5回）。')

    wrapper.unmount()
    expect(chart.destroy).toHaveBeenCalled()
  })

  test('データがなければそう書く', () => {
    const wrapper = mount(BarChart, { props: { title: '外部人材', unit: '人', bars: [] } })
    expect(wrapper.text()).toContain('表示するデータはありません。')
    expect(wrapper.find('canvas').exists()).toBe(false)
  })
})
