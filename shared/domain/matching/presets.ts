/**
 * From posting rows to scorer criteria, and the role presets (スキル標準 プロデューサー, 手順書 参考4.4-④).
 *
 * The presets are the postings module's (shared/domain/postings/presets.ts): the standard's rows read "any one of
 * … is desirable" (手順書 参考4.4-④) and are never a limit (手順書 §4.4(2)), so they are preferred any-of criteria;
 * staff make one required when they insist on it.
 */
import type { Criterion } from '../postings/form.ts'
import { presetCriteria } from '../postings/presets.ts'
import { findRole } from '../skill-standard/index.ts'
import type {
  DaysPerWeekCriterion,
  Importance,
  MatchCriterion,
  RegionCriterion,
  RemoteCriterion,
  RemoteMode,
  SideJobCriterion,
  StartDateCriterion,
} from './inputs.ts'

/** Id of the posting's criterion row at `position` (rows are keyed by position within the posting). */
export function criterionIdOf(position: number): string {
  return `criterion.${position}`
}

/** The posting's stored criterion rows (in position order) as scorer criteria. */
export function criteriaFromPostingRows(rows: readonly Criterion[]): MatchCriterion[] {
  return rows.map((row, position): MatchCriterion => {
    const base = { id: criterionIdOf(position), importance: row.importance, note: row.note }
    switch (row.kind) {
      case 'job_type_level':
        return { ...base, kind: 'job_type_level', jobTypeIds: row.jobTypeIds, minLevel: row.minLevel }
      case 'certification':
        return { ...base, kind: 'certification', certificationIds: row.certificationIds }
      case 'experience':
        return { ...base, kind: 'experience', experienceKind: row.experienceKind, minYears: row.minYears }
      case 'local_government_experience':
        return { ...base, kind: 'local_government_experience', minYears: row.minYears }
      case 'ministry_listing':
        return { ...base, kind: 'ministry_listing', roleId: row.roleId }
      case 'any_of':
        return { ...base, kind: 'any_of', alternatives: row.alternatives.map((alternative) => ({ ...alternative })) }
    }
  })
}

/** The criteria a posting gets when it picks the role and keeps the preset; [] for an unknown role. */
export function criteriaFromRole(roleId: string): MatchCriterion[] {
  const role = findRole(roleId)
  return role ? criteriaFromPostingRows(presetCriteria(role).criteria) : []
}

/** A posting's working conditions (its 標準募集様式 fields) as the scorer reads them. */
export interface AvailabilityNeeds {
  daysPerWeek: number | null
  remote: RemoteMode | null
  sideJobAllowed: boolean | null
  termStartsOn: string | null
  prefectureCode: string | null
  prefectureName?: string
  localGovernmentCode?: string
}

export type AvailabilityKind = 'days_per_week' | 'remote' | 'side_job' | 'start_date' | 'region'

/**
 * Default importance of each availability check: working days, remote and 副業 decide whether the engagement can
 * happen at all; the start date and the region are negotiable (remote work and later starts are common, §4.4(6)).
 */
export const defaultAvailabilityImportance: Readonly<Record<AvailabilityKind, Importance>> = {
  days_per_week: 'required',
  remote: 'required',
  side_job: 'required',
  start_date: 'preferred',
  region: 'preferred',
}

/** Criteria from the posting's working conditions; a condition the posting leaves empty asks nothing. */
export function availabilityCriteria(needs: AvailabilityNeeds, importance: Partial<Record<AvailabilityKind, Importance>> = {}): MatchCriterion[] {
  const of = (kind: AvailabilityKind) => importance[kind] ?? defaultAvailabilityImportance[kind]
  const criteria: MatchCriterion[] = []
  if (needs.daysPerWeek !== null && needs.daysPerWeek > 0) {
    criteria.push({
      id: 'availability.days_per_week',
      kind: 'days_per_week',
      importance: of('days_per_week'),
      minDaysPerWeek: needs.daysPerWeek,
    } satisfies DaysPerWeekCriterion)
  }
  if (needs.remote !== null) {
    criteria.push({ id: 'availability.remote', kind: 'remote', importance: of('remote'), remote: needs.remote } satisfies RemoteCriterion)
  }
  if (needs.sideJobAllowed !== null) {
    criteria.push({
      id: 'availability.side_job',
      kind: 'side_job',
      importance: of('side_job'),
      sideJobAllowed: needs.sideJobAllowed,
    } satisfies SideJobCriterion)
  }
  if (needs.termStartsOn !== null) {
    criteria.push({
      id: 'availability.start_date',
      kind: 'start_date',
      importance: of('start_date'),
      termStartsOn: needs.termStartsOn,
    } satisfies StartDateCriterion)
  }
  if (needs.prefectureCode !== null) {
    criteria.push({
      id: 'availability.region',
      kind: 'region',
      importance: of('region'),
      prefectureCode: needs.prefectureCode,
      remote: needs.remote ?? 'none',
      ...(needs.prefectureName ? { prefectureName: needs.prefectureName } : {}),
      ...(needs.localGovernmentCode ? { localGovernmentCode: needs.localGovernmentCode } : {}),
    } satisfies RegionCriterion)
  }
  return criteria
}
