/**
 * Role presets: choosing a 人材像 fills the posting's conditions from the skill standard's desired levels,
 * certifications and experience (スキル標準, 手順書 参考4.4-④). Staff then edit, drop or move each row.
 */
import type { Role } from '../skill-standard/schema.ts'
import type { Criterion } from './form.ts'

export interface RolePreset {
  roleId: Role['id']
  criteria: Criterion[]
  /** Some of the standard's cells behind these rows are unconfirmed (スキル標準: cells no public text confirms): show 要確認. */
  hasUnconfirmedRows: boolean
}

/**
 * The standard lists its levels, certifications and experiences as alternatives (any one is desirable), so:
 * - level requirements with the same minimum level merge into one required row whose job types are any-of;
 * - certifications become one preferred row: recruiters advise against making an exam pass mandatory because few
 *   holders are on the job market (手順書 参考4.4-⑮);
 * - each experience becomes a preferred row; staff promote the one they insist on.
 */
export function presetCriteria(role: Role): RolePreset {
  const byLevel = new Map<number, string[]>()
  for (const requirement of role.levelRequirements) {
    const ids = byLevel.get(requirement.minLevel) ?? []
    for (const id of requirement.jobTypeIds) if (!ids.includes(id)) ids.push(id)
    byLevel.set(requirement.minLevel, ids)
  }
  const levelRows: Criterion[] = [...byLevel.entries()]
    .sort(([a], [b]) => a - b)
    .map(([minLevel, jobTypeIds]) => ({ kind: 'job_type_level', importance: 'required', jobTypeIds, minLevel, note: null }))

  const certificationIds = [...new Set(role.certifications.map((certification) => certification.certificationId))]
  const certificationRows: Criterion[] =
    certificationIds.length > 0 ? [{ kind: 'certification', importance: 'preferred', certificationIds, note: null }] : []

  const experienceRows: Criterion[] = role.experiences.map((experience) =>
    experience.kind === 'local_government'
      ? { kind: 'local_government_experience', importance: 'preferred', minYears: experience.minYears, note: experience.description.slice(0, 200) }
      : { kind: 'experience', importance: 'preferred', experienceKind: experience.kind, minYears: experience.minYears, note: experience.description.slice(0, 200) },
  )

  const hasUnconfirmedRows = [...role.levelRequirements, ...role.certifications, ...role.experiences].some((row) => row.status !== 'confirmed')
  return { roleId: role.id, criteria: [...levelRows, ...certificationRows, ...experienceRows], hasUnconfirmedRows }
}
