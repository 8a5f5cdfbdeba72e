import { describe, expect, test } from 'vitest'
import { DxArea, dxAreaLabels } from './form.ts'

// 手順書 参考1-①: every 重点取組事項 and その他の取組事項 of the 自治体DX推進計画 can be chosen as a posting's area.
describe('取組分野は自治体DX推進計画の取組事項を網羅する（手順書 参考1-①）', () => {
  test.each<[string, string, string]>([
    ['重点取組事項', '自治体情報システムの標準化・共通化', 'standardization'],
    ['重点取組事項', 'マイナンバーカードの普及促進', 'my_number_card'],
    ['重点取組事項', '行政手続のオンライン化', 'online_procedures'],
    ['重点取組事項', 'AI・RPAの利用推進', 'ai_rpa'],
    ['重点取組事項', 'テレワークの推進', 'telework'],
    ['重点取組事項', 'セキュリティ対策の徹底', 'security'],
    ['その他の取組事項', '地域社会のデジタル化', 'regional_digitalization'],
    ['その他の取組事項', 'デジタルデバイド対策', 'digital_divide'],
    ['その他の取組事項', 'デジタル原則に基づく条例等の規制の点検・見直し', 'regulation_review'],
    ['その他の取組事項', 'BPR', 'bpr'],
    ['その他の取組事項', 'オープンデータ', 'open_data'],
  ])('%s「%s」→ %s', (_kind, wording, area) => {
    expect(DxArea.safeParse(area).success).toBe(true)
    expect(dxAreaLabels[area as DxArea]).toContain(wording.replace(/^自治体/, ''))
  })
})
