/**
 * Role presets: choosing a 人材像 fills the posting's conditions from the skill standard's desired levels,
 * certifications and experience (スキル標準, 手順書 参考4.4-④). Staff then edit, drop or move each row.
 */
import type { Role } from '../skill-standard/schema.ts'
import type { Criterion, CriterionAlternative } from './form.ts'

export interface RolePreset {
  roleId: Role['id']
  criteria: Criterion[]
  /** Some of the standard's cells behind these rows are unconfirmed (スキル標準: cells no public text confirms): show 要確認. */
  hasUnconfirmedRows: boolean
}

/** One row from a list of alternatives: a plain row for one, an any-of row for several, none for none. */
function anyOfRow(alternatives: CriterionAlternative[]): Criterion[] {
  if (alternatives.length === 0) return []
  if (alternatives.length === 1) return [{ ...alternatives[0]!, importance: 'preferred', note: null }]
  return [{ kind: 'any_of', importance: 'preferred', alternatives, note: null }]
}

/**
 * The standard words each role's cells as 「以下のいずれかのスキルレベル又は資格を有していることが望ましい」 and
 * 「以下のいずれかの経験を有していることが望ましい」 (手順書 参考4.4-④), and it does not limit whom a municipality
 * hires (手順書 §4.4(2)). So every preset row is preferred:
 * - the levels and the certifications make one any-of row (level requirements with the same minimum merge their
 *   job types), so a registered 情報処理安全確保支援士 fits the producer as well as a level-4 consultant;
 * - the experiences make a second any-of row.
 * Staff make a row required when they insist on it.
 */
export function presetCriteria(role: Role): RolePreset {
  const byLevel = new Map<number, string[]>()
  for (const requirement of role.levelRequirements) {
    const ids = byLevel.get(requirement.minLevel) ?? []
    for (const id of requirement.jobTypeIds) if (!ids.includes(id)) ids.push(id)
    byLevel.set(requirement.minLevel, ids)
  }
  const levels: CriterionAlternative[] = [...byLevel.entries()]
    .sort(([a], [b]) => a - b)
    .map(([minLevel, jobTypeIds]) => ({ kind: 'job_type_level', jobTypeIds, minLevel }))
  const certificationIds = [...new Set(role.certifications.map((certification) => certification.certificationId))]
  const certifications: CriterionAlternative[] = certificationIds.length > 0 ? [{ kind: 'certification', certificationIds }] : []

  const experiences: CriterionAlternative[] = role.experiences.map((experience) =>
    experience.kind === 'local_government'
      ? { kind: 'local_government_experience', minYears: experience.minYears }
      : { kind: 'experience', experienceKind: experience.kind, minYears: experience.minYears },
  )

  const hasUnconfirmedRows = [...role.levelRequirements, ...role.certifications, ...role.experiences].some((row) => row.status !== 'confirmed')
  return { roleId: role.id, criteria: [...anyOfRow([...levels, ...certifications]), ...anyOfRow(experiences)], hasUnconfirmedRows }
}
