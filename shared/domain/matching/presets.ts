/**
 * Criteria a posting starts from when it picks a 人材像 of the skill standard (catalog §1.3 for the producer).
 *
 * The standard's row reads "any one of" its levels, certifications and experiences (参考4.4-④) and is a reference,
 * never a limit (§4.4(2)). The preset therefore makes only the level clause a gate, and that gate is met by a
 * self-declared level too, since ability proven by experience counts as equivalent (参考4.4-③). Certifications
 * stay preferred: scarce passes should not be a hard requirement (参考4.4-⑮).
 */
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

export interface PresetOptions {
  /** Importance of the role's level clause; 'required' unless the municipality relaxes it. */
  levelImportance?: Importance
}

/** The role's desirable levels, certifications and experiences as criteria; [] for an unknown role. */
export function criteriaFromRole(roleId: string, options: PresetOptions = {}): MatchCriterion[] {
  const role = findRole(roleId)
  if (!role) return []
  const criteria: MatchCriterion[] = []
  if (role.levelRequirements.length > 0) {
    // The UISS and ITSS clauses are alternatives, so they become one any-of criterion at the lowest minimum.
    const jobTypeIds = [...new Set(role.levelRequirements.flatMap((requirement) => requirement.jobTypeIds))]
    criteria.push({
      id: `preset.${role.id}.level`,
      kind: 'job_type_level',
      importance: options.levelImportance ?? 'required',
      jobTypeIds,
      minLevel: Math.min(...role.levelRequirements.map((requirement) => requirement.minLevel)),
    })
  }
  if (role.certifications.length > 0) {
    criteria.push({
      id: `preset.${role.id}.certification`,
      kind: 'certification',
      importance: 'preferred',
      certificationIds: role.certifications.map((certification) => certification.certificationId),
    })
  }
  for (const experience of role.experiences) {
    criteria.push(
      experience.kind === 'local_government'
        ? { id: `preset.${role.id}.${experience.id}`, kind: 'local_government_experience', importance: 'preferred', minYears: experience.minYears }
        : {
            id: `preset.${role.id}.${experience.id}`,
            kind: 'experience',
            importance: 'preferred',
            experienceKind: experience.kind,
            minYears: experience.minYears,
          },
    )
  }
  return criteria
}

/** A posting's working conditions (its 標準募集様式 fields) as the scorer reads them. */
export interface AvailabilityNeeds {
  daysPerWeek: number | null
  remote: RemoteMode | null
  sideJobAllowed: boolean | null
  termStartsOn: string | null
  prefectureCode: string | null
  prefectureName?: string
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
export function availabilityCriteria(
  needs: AvailabilityNeeds,
  importance: Partial<Record<AvailabilityKind, Importance>> = {},
): MatchCriterion[] {
  const of = (kind: AvailabilityKind) => importance[kind] ?? defaultAvailabilityImportance[kind]
  const criteria: MatchCriterion[] = []
  if (needs.daysPerWeek !== null && needs.daysPerWeek > 0) {
    criteria.push({ id: 'availability.days_per_week', kind: 'days_per_week', importance: of('days_per_week'), minDaysPerWeek: needs.daysPerWeek } satisfies DaysPerWeekCriterion)
  }
  if (needs.remote !== null) {
    criteria.push({ id: 'availability.remote', kind: 'remote', importance: of('remote'), remote: needs.remote } satisfies RemoteCriterion)
  }
  if (needs.sideJobAllowed !== null) {
    criteria.push({ id: 'availability.side_job', kind: 'side_job', importance: of('side_job'), sideJobAllowed: needs.sideJobAllowed } satisfies SideJobCriterion)
  }
  if (needs.termStartsOn !== null) {
    criteria.push({ id: 'availability.start_date', kind: 'start_date', importance: of('start_date'), termStartsOn: needs.termStartsOn } satisfies StartDateCriterion)
  }
  if (needs.prefectureCode !== null) {
    criteria.push({
      id: 'availability.region',
      kind: 'region',
      importance: of('region'),
      prefectureCode: needs.prefectureCode,
      remote: needs.remote ?? 'none',
      ...(needs.prefectureName ? { prefectureName: needs.prefectureName } : {}),
    } satisfies RegionCriterion)
  }
  return criteria
}
