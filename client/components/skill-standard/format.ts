import { toWareki } from '#shared/domain/wareki'
import type { Exam, Framework, JobType, LevelBasis, OtherCertification, RoleSkill } from '#shared/domain/skill-standard/schema'

export const frameworkLabels: Record<Framework, string> = {
  UISS: 'UISS（情報システムユーザースキル標準）',
  ITSS: 'ITSS（ITスキル標準）',
}

export const frameworkShortLabels: Record<Framework, string> = {
  UISS: 'UISS 人材像',
  ITSS: 'ITSS 職種',
}

export const skillCategoryLabels: Record<RoleSkill['category'], string> = {
  technical: 'テクニカルスキル',
  human: 'ヒューマンスキル',
}

export const levelBasisLabels: Record<LevelBasis, string> = {
  exam: '試験の合格で判定',
  exam_and_experience: '試験の合格と業務経験で判定',
  experience: '実績（業務経験）で判定',
}

/** 「レベル3〜7」, 「レベル4」; null when either end is unknown (shown as 要確認, never guessed). */
export function levelRangeText(min: number | null, max: number | null): string | null {
  if (min === null || max === null) return null
  return min === max ? `レベル${min}` : `レベル${min}〜${max}`
}

/** `2022-09` → 「令和4年9月（2022年9月）」. */
export function formatYearMonth(value: string): string {
  const [year, month] = value.split('-').map(Number) as [number, number | undefined]
  if (month === undefined) {
    const { era, year: eraYear } = toWareki(`${year}-12-31`)
    return `${era}${eraYear === 1 ? '元' : eraYear}年（${year}年）`
  }
  const { era, year: eraYear } = toWareki(`${value}-01`)
  return `${era}${eraYear === 1 ? '元' : eraYear}年${month}月（${year}年${month}月）`
}

/** `2009` / `2009-04` → 「2009年」 / 「2009年4月」. */
export function formatPeriodPoint(value: string): string {
  const [year, month] = value.split('-').map(Number)
  return month ? `${year}年${month}月` : `${year}年`
}

/** 「2001年〜2008年」, 「2009年〜」; null when nothing is known. */
export function examPeriodText(exam: Pick<Exam, 'since' | 'until' | 'isCurrent'>): string | null {
  if (!exam.since && !exam.until) return exam.isCurrent ? '実施中' : null
  const since = exam.since ? formatPeriodPoint(exam.since) : ''
  const until = exam.until ? formatPeriodPoint(exam.until) : exam.isCurrent ? '' : '（終了時期不明）'
  return `${since}〜${until}`
}

export const equivalenceLabels: Record<NonNullable<Exam['equivalence']>['kind'], string> = {
  succeeded_by: '後継',
  related_to: '関連（範囲が広い試験）',
  same: '同一（2009年の制度改正前の名称）',
}

/** In-page anchor of a job type row on the skill standard page; ids contain dots, which selectors dislike. */
export function jobTypeAnchor(jobTypeId: string): string {
  return `job-type-${jobTypeId.replace(/[^A-Za-z0-9_-]/g, '-')}`
}

export function examAnchor(examId: string): string {
  return `exam-${examId.replace(/[^A-Za-z0-9_-]/g, '-')}`
}

export function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]))
}

export type Certification = { kind: 'exam'; exam: Exam } | { kind: 'other'; certification: OtherCertification }

export function jobTypeNames(ids: readonly string[], jobTypes: ReadonlyMap<string, JobType>): string[] {
  return ids.map((id) => jobTypes.get(id)?.name ?? id)
}
