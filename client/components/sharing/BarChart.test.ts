// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, test } from 'vitest'
import BarChart from './BarChart.vue'

describe('BarChart（グラフは文字でも読める）', () => {
  test('各棒にラベルと値が文字で出て、上限を超えた棒は「上限超過」と書く', () => {
    const wrapper = mount(BarChart, {
      props: {
        title: '派遣の利用',
        unit: '回',
        bars: [
          { key: 'a', label: '今治市', value: 2, limit: 5, suffix: ' / 5回' },
          { key: 'b', label: '松山市', value: 6, limit: 5, suffix: ' / 5回' },
        ],
      },
    })
    const rows = wrapper.findAll('li')
    expect(rows.map((r) => r.text().replace(/\s+/g, ' '))).toEqual(['今治市：2回 / 5回', '松山市：6回 / 5回 （上限超過）'])
    expect(wrapper.find('figure').attributes('aria-labelledby')).toBe(wrapper.find('figcaption').attributes('id'))
    expect(rows[1]!.attributes('data-over')).toBe('true')
    expect(rows[0]!.attributes('data-over')).toBeUndefined()
  })

  test('データがなければそう書く', () => {
    const wrapper = mount(BarChart, { props: { title: '外部人材', unit: '人', bars: [] } })
    expect(wrapper.text()).toContain('表示するデータはありません。')
  })
})
