import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { availabilityCriteria, criteriaFromRole, scoreCandidate } from '#shared/domain/matching/index'
import MatchScoreBreakdown from './MatchScoreBreakdown.vue'

const posting = {
  postingId: 'p',
  roleId: 'producer',
  criteria: [
    ...criteriaFromRole('producer'),
    ...availabilityCriteria({
      daysPerWeek: 2,
      remote: 'partial',
      sideJobAllowed: true,
      termStartsOn: '2027-04-01',
      prefectureCode: '38',
      prefectureName: '愛媛県',
    }),
  ],
}
const availability = { daysPerWeek: 2, remote: 'preferred' as const, needsSideJob: true, earliestStart: null }

describe('MatchScoreBreakdown', () => {
  it('shows every line with its points, and a total equal to the score (手順書 参考4.4-② case L11: self-declared level)', () => {
    const match = scoreCandidate(posting, {
      candidateId: 'c',
      levels: [{ jobTypeId: 'itss.consultant', level: 6, basis: 'experience', selfDeclared: true }],
      certifications: [],
      experiences: [{ kind: 'digital_department_manager', years: 12 }],
      availability,
      prefectureCode: '38',
      regions: [],
    })
    const wrapper = mount(MatchScoreBreakdown, { props: { match } })
    expect(wrapper.findAll('tbody tr')).toHaveLength(match.criteria.length)
    expect(wrapper.get('[data-total]').text()).toBe(`${match.score} / 100`)
    expect(wrapper.get('[data-flag="self_declared_level"]').text()).toContain('自己申告')
    expect(wrapper.find('[data-self-declared]').exists()).toBe(true)
    expect(wrapper.find('[data-gap]').exists()).toBe(false)
  })

  it("lists the gaps of an ineligible candidate (手順書 参考4.4-② case L4: 応用情報 only, with the standard's level-or-certification row made required)", () => {
    const required = {
      ...posting,
      criteria: posting.criteria.map((criterion) => (criterion.id === 'criterion.0' ? { ...criterion, importance: 'required' as const } : criterion)),
    }
    const match = scoreCandidate(required, {
      candidateId: 'c',
      levels: [{ jobTypeId: 'uiss.business_strategist', level: 3, basis: 'exam', selfDeclared: false }],
      certifications: [{ id: 'AP' }],
      experiences: [],
      availability,
      prefectureCode: '38',
      regions: [],
    })
    const wrapper = mount(MatchScoreBreakdown, { props: { match } })
    expect(wrapper.text()).toContain('必須条件を満たしていません')
    expect(wrapper.get('[data-gap]').text()).toContain('あと1レベル')
  })
})
