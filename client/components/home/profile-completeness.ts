import type { OwnCandidateProfile } from '#shared/contracts/candidates'

export interface CompletenessItem {
  id: string
  label: string
  /** Why it matters, shown beside a missing item. */
  why: string
  done: boolean
}

export interface Completeness {
  items: CompletenessItem[]
  done: number
  total: number
  percent: number
}

/**
 * How far a candidate's profile is filled in, item by item: what staff and matching read. Contact data is what an
 * application needs; the rest decides levels, scores and the 入札制限 preview.
 */
export function profileCompleteness(profile: OwnCandidateProfile): Completeness {
  const items: CompletenessItem[] = [
    { id: 'contact', label: '氏名と連絡先メールアドレス', why: '応募に必要です。', done: Boolean(profile.fullName && profile.contactEmail) },
    { id: 'headline', label: '紹介文', why: '人材バンクや全国の名簿で最初に読まれます。', done: profile.headline.trim() !== '' },
    { id: 'roles', label: '希望する人材像', why: 'おすすめの募集の絞り込みに使います。', done: profile.desiredRoles.length > 0 },
    { id: 'availability', label: '稼働できる日数', why: '募集の勤務日数と照らし合わせます。', done: profile.availability.days !== null },
    { id: 'certifications', label: '資格・試験', why: 'スキルレベルの判定に使います。', done: profile.exams.length + profile.otherCertifications.length > 0 },
    { id: 'experiences', label: '経験', why: 'レベル4以上の判定と、経験の条件に使います。', done: profile.experiences.length > 0 },
    { id: 'employments', label: '勤務先の履歴', why: '入札制限の確認に使います。', done: profile.employments.length > 0 },
    { id: 'consent', label: '公開先（全国の名簿・人材バンク）', why: '自治体から見つけてもらえるようになります。', done: profile.consent.length > 0 },
  ]
  const done = items.filter((item) => item.done).length
  return { items, done, total: items.length, percent: Math.round((done / items.length) * 100) }
}
