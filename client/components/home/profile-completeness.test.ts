import { describe, expect, test } from 'vitest'
import type { OwnCandidateProfile } from '#shared/contracts/candidates'
import { profileCompleteness } from './profile-completeness.ts'

const empty: OwnCandidateProfile = {
  id: 'c1',
  fullName: null,
  fullNameKana: null,
  contactEmail: null,
  phone: null,
  prefectureCode: null,
  headline: '',
  desiredRoles: [],
  desiredAppointmentForms: [],
  availability: { days: null, per: null, earliestStart: null, remote: 'hybrid', sideJob: false },
  regions: [],
  exams: [],
  otherCertifications: [],
  experiences: [],
  claims: [],
  employments: [],
  consent: [],
  levels: { candidateId: 'c1', commonLevel: null, levels: [], notes: [], heldCertificationIds: [], experienceYearsForLevel4: 0 },
  ministryListing: null,
  updatedAt: '2026-06-10T00:00:00Z',
}

describe('プロフィールの完成度', () => {
  test('登録したばかりのプロフィールは0%で、8項目すべてが未入力', () => {
    const result = profileCompleteness(empty)
    expect(result).toMatchObject({ done: 0, total: 8, percent: 0 })
    expect(result.items.filter((item) => !item.done).map((item) => item.label)).toContain('氏名と連絡先メールアドレス')
  })

  test('氏名だけでは連絡先の項目は未入力のまま。入力した項目の割合を四捨五入で返す', () => {
    const result = profileCompleteness({ ...empty, fullName: '田中 純', headline: '自治体DXを支援します', desiredRoles: ['engineer'] })
    expect(result.items.find((item) => item.id === 'contact')!.done).toBe(false)
    expect(result).toMatchObject({ done: 2, percent: 25 })
  })
})
