import type { RoleDetail } from '#shared/contracts/skill-standard'
import type { SkillStandardCatalog } from '#shared/domain/skill-standard/schema'

/** A role with every job type and certification it names looked up in the same edition. */
export function resolveRole(catalog: SkillStandardCatalog, roleId: string): RoleDetail | undefined {
  const role = catalog.roles.find((candidate) => candidate.id === roleId)
  if (!role) return undefined
  const jobTypeIds = new Set(role.levelRequirements.flatMap((requirement) => requirement.jobTypeIds))
  const certificationIds = new Set(role.certifications.map((certification) => certification.certificationId))
  return {
    version: catalog.version,
    role,
    jobTypes: catalog.jobTypes.filter((jobType) => jobTypeIds.has(jobType.id)),
    exams: catalog.exams.filter((exam) => certificationIds.has(exam.id)),
    otherCertifications: catalog.otherCertifications.filter((cert) => certificationIds.has(cert.id)),
  }
}
