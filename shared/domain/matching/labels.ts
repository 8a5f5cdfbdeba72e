/** Japanese labels of criteria and facts, as the explanation shows them. */
import { currentEquivalentOf, experienceKinds, findCertification, findExam, findJobType } from '../skill-standard/index.ts'
import { listingRoleLabels, MINISTRY_LISTING_BADGE } from '../ministry-list/index.ts'
import type { RoleId } from '../skill-standard/schema.ts'
import type { CriterionAlternative, MatchCriterion, RemoteMode } from './inputs.ts'

export function jobTypeName(jobTypeId: string): string {
  const jobType = findJobType(jobTypeId)
  return jobType ? `${jobType.framework} ${jobType.name}` : jobTypeId
}

export function certificationName(certificationId: string): string {
  return findExam(certificationId)?.name ?? findCertification(certificationId)?.name ?? certificationId
}

export function experienceKindName(kind: string): string {
  return experienceKinds.find((entry) => entry.id === kind)?.label ?? kind
}

export function listingRoleName(roleId: string): string {
  return listingRoleLabels[roleId as RoleId] ?? roleId
}

export const remoteModeLabels: Record<RemoteMode, string> = {
  none: '来庁勤務（リモート不可）',
  partial: '一部リモート可',
  full: 'フルリモート可',
}

function years(minYears: number | null): string {
  return minYears === null || minYears <= 0 ? '' : `（${formatYears(minYears)}以上）`
}

/** 5 → 「5年」, 2.5 → 「2年6か月」. */
export function formatYears(value: number): string {
  const months = Math.round(value * 12)
  const whole = Math.floor(months / 12)
  const rest = months % 12
  if (whole === 0) return `${rest}か月`
  return rest === 0 ? `${whole}年` : `${whole}年${rest}か月`
}

export function formatMonths(months: number): string {
  return formatYears(months / 12)
}

export function criterionLabel(criterion: MatchCriterion | (CriterionAlternative & { id?: string })): string {
  switch (criterion.kind) {
    case 'any_of':
      return `次のいずれか: ${criterion.alternatives.map((alternative) => criterionLabel(alternative)).join(' 又は ')}`
    case 'job_type_level': {
      const names = criterion.jobTypeIds.map(jobTypeName).join('・')
      const anyOf = criterion.jobTypeIds.length > 1 ? 'のいずれか' : ''
      return `${names}${anyOf}でレベル${criterion.minLevel}以上`
    }
    case 'certification': {
      const names = criterion.certificationIds.map(certificationName).join('・')
      return criterion.certificationIds.length > 1 ? `資格: ${names}のいずれか` : `資格: ${names}`
    }
    case 'experience':
      return `経験: ${experienceKindName(criterion.experienceKind)}${years(criterion.minYears)}`
    case 'local_government_experience':
      return `経験: ${experienceKindName('local_government')}${years(criterion.minYears)}`
    case 'ministry_listing':
      return criterion.roleId === null ? MINISTRY_LISTING_BADGE : `${MINISTRY_LISTING_BADGE}（${listingRoleName(criterion.roleId)}）`
    case 'days_per_week':
      return `週${criterion.minDaysPerWeek}日以上勤務できる`
    case 'remote':
      return `勤務形態: ${remoteModeLabels[criterion.remote]}に合う`
    case 'side_job':
      return criterion.sideJobAllowed ? '副業・兼業での勤務' : '副業・兼業不可（専従）に合う'
    case 'start_date':
      return `${criterion.termStartsOn} までに着任できる`
    case 'region':
      return `勤務地: ${criterion.prefectureName ?? `都道府県コード${criterion.prefectureCode}`}で勤務できる`
  }
}

/**
 * Ids a held certification counts as: itself, plus the current exam it leads to when every link is solid
 * (`same` / `succeeded_by`, 手順書 参考4.4-②). A dotted `related_to` link does not count as the successor.
 */
export function countedCertificationIds(certificationId: string): { id: string; via: string | null }[] {
  const counted: { id: string; via: string | null }[] = [{ id: certificationId, via: null }]
  const equivalent = currentEquivalentOf(certificationId)
  // A registered qualification (情報処理安全確保支援士) is held only with a current registration, which the
  // candidates module decides (手順書 参考4.4-② case L13); an old exam never stands in for it.
  if (equivalent && equivalent.exam.id !== certificationId && equivalent.kind !== 'related_to' && !equivalent.exam.isRegisteredQualification) {
    counted.push({ id: equivalent.exam.id, via: certificationId })
  }
  return counted
}
