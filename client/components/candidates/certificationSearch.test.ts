import { describe, expect, test } from 'vitest'
import { searchCertifications } from './certificationSearch.ts'

describe('資格の検索（かな・ローマ字・略称）', () => {
  test.each([
    ['おうようじょうほう', 'AP'],
    ['オウヨウ', 'AP'],
    ['strategist', 'ST'],
    ['支援士', 'SC'],
    ['ｼｽﾃﾑｱﾅﾘｽﾄ', 'legacy.system_analyst'],
    ['cisa', 'cisa'],
  ])('%s → %s', (query, id) => {
    expect(searchCertifications(query).map((option) => option.id)).toContain(id)
  })

  test('現行の試験が旧試験より先に並ぶ', () => {
    const ids = searchCertifications('プロジェクトマネージャ').map((option) => option.id)
    expect(ids.indexOf('PM')).toBeLessThan(ids.indexOf('legacy.project_manager'))
  })
})
