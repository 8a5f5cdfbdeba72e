import { describe, expect, test } from 'vitest'
import { experienceKinds } from '../skill-standard/index.ts'
import { describeAlternative, describeCriterion } from './describe.ts'

describe('求める経験は日本語の句として読める', () => {
  test('「チームを率いた」は「チームを率いた経験」（「率いたの経験」ではない）', () => {
    expect(describeAlternative({ kind: 'experience', experienceKind: 'digital_strategy_lead', minYears: 5 })).toBe(
      'デジタル戦略の責任者としてチームを率いた経験5年以上',
    )
    expect(describeAlternative({ kind: 'experience', experienceKind: 'project_management', minYears: null })).toBe('プロジェクトマネジメントの経験')
  })

  test.each(experienceKinds.map((kind) => [kind.id] as const))('%s', (kind) => {
    const text = describeCriterion({ kind: 'experience', experienceKind: kind, minYears: 3, importance: 'required', note: null } as never)
    expect(text).toMatch(/経験3年以上$/)
    expect(text).not.toMatch(/たの経験|の経験の経験/)
  })
})
