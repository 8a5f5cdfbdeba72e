/**
 * 人材バンク (talent pool): run by a prefecture or by the lead city of a 連携中枢都市圏 for its member
 * municipalities (手順書 §4.4(9), 参考4.4-⑰: 備後圏域 — 福山市 keeps the bank, the members browse it; 手順書 §6: a
 * prefecture knows local talent and introduces it). Membership is data: the operator's 団体コード and the members'.
 */

/** The 団体コード of a prefecture itself: its two digits, 000, and the check digit (e.g. 38 → 380008). */
export function prefectureLocalGovernmentCode(prefectureCode: string): string {
  const body = `${prefectureCode.padStart(2, '0')}000`
  const sum = [6, 5, 4, 3, 2].reduce((acc, weight, i) => acc + weight * Number(body[i]), 0)
  return `${body}${(11 - (sum % 11)) % 10}`
}

/** Who is looking: a prefecture (by its 2-digit code) or a municipality (by its 団体コード). */
export type PoolViewer = { kind: 'prefecture'; prefectureCode: string } | { kind: 'municipality'; localGovernmentCode: string }

export interface PoolMembership {
  operatorCode: string
  memberCodes: readonly string[]
}

/** The 団体コード an actor acts as when operating or joining a pool. */
export function viewerCode(viewer: PoolViewer): string {
  return viewer.kind === 'prefecture' ? prefectureLocalGovernmentCode(viewer.prefectureCode) : viewer.localGovernmentCode
}

/**
 * How a viewer relates to a pool: its operator, a member, or nothing (the pool then answers 404). A prefecture
 * sees only the pools it runs; a municipality those it runs (as a lead city) or belongs to.
 */
export function poolRelation(viewer: PoolViewer, pool: PoolMembership): 'operator' | 'member' | null {
  const code = viewerCode(viewer)
  if (pool.operatorCode === code) return 'operator'
  if (viewer.kind === 'municipality' && pool.memberCodes.includes(code)) return 'member'
  return null
}

/** Fields of a pool listing a person may choose to show to the members (the rest stay hidden). */
export const poolCardFields = ['displayName', 'headline', 'roleIds', 'skills', 'availableDaysPerWeek', 'area', 'remoteOk', 'career'] as const
export type PoolCardField = (typeof poolCardFields)[number]

export const poolCardFieldLabels: Record<PoolCardField, string> = {
  displayName: '氏名',
  headline: 'ひとこと紹介',
  roleIds: '対応できる人材像',
  skills: 'スキル・得意分野',
  availableDaysPerWeek: '稼働可能日数（週）',
  area: '活動地域',
  remoteOk: 'リモート対応',
  career: '経歴',
}

/** The listing as the members see it: only the fields the person chose; the others are absent (not null). */
export function visibleCard<T extends Partial<Record<PoolCardField, unknown>>>(card: T, visible: readonly PoolCardField[]): Partial<T> {
  const shown: Partial<T> = {}
  for (const field of visible) {
    if (field in card) (shown as Record<string, unknown>)[field] = card[field]
  }
  return shown
}
