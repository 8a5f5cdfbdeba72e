/**
 * The 外部人材スキル標準 catalogue, validated once at load so a bad edit of the data fails at start-up, not on a
 * user's screen.
 */
import { otherCertifications } from './certifications.ts'
import { exams } from './exams.ts'
import { jobTypes } from './job-types.ts'
import { itssLevels, levelPolicy, levelRules } from './levels.ts'
import { roles } from './roles.ts'
import { type EquivalenceKind, type Exam, type JobType, type OtherCertification, type Role, SkillStandardCatalog, experienceKinds } from './schema.ts'

export * from './schema.ts'

/** The standard's edition (手順書 参考4.4-④) and the revision of the data encoded from it. */
export const SKILL_STANDARD_VERSION = '2022-09 (令和4年9月) / data 2026-12'

export const skillStandardCatalog: SkillStandardCatalog = SkillStandardCatalog.parse({
  version: SKILL_STANDARD_VERSION,
  title: '自治体DX推進のための外部人材スキル標準',
  issuedOn: '2022-09',
  roles,
  jobTypes,
  exams,
  otherCertifications,
  experienceKinds,
  levelRules,
  levelPolicy,
  itssLevels,
})

function indexById<T extends { id: string }>(items: T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]))
}

const rolesById = indexById(skillStandardCatalog.roles)
const jobTypesById = indexById(skillStandardCatalog.jobTypes)
const examsById = indexById(skillStandardCatalog.exams)
const certificationsById = indexById(skillStandardCatalog.otherCertifications)

export function findRole(id: string): Role | undefined {
  return rolesById.get(id)
}

export function findJobType(id: string): JobType | undefined {
  return jobTypesById.get(id)
}

export function findExam(id: string): Exam | undefined {
  return examsById.get(id)
}

/** Non-IPA certifications only; exams are found with findExam. */
export function findCertification(id: string): OtherCertification | undefined {
  return certificationsById.get(id)
}

export interface CurrentExamEquivalent {
  /** The current exam the chain ends at. */
  exam: Exam
  /** Weakest link on the way: related_to beats succeeded_by beats same; a current exam is 'same' as itself. */
  kind: EquivalenceKind
  /** Exam ids from the one asked for to the current one, both included. */
  path: string[]
}

const KIND_STRENGTH: Record<EquivalenceKind, number> = { same: 0, succeeded_by: 1, related_to: 2 }

/**
 * Follows `equivalence` links from an exam to the current exam it counts as (試験制度; 手順書 参考4.4-②: 第一種 →
 * ソフトウェア開発技術者 → 応用情報技術者). Undefined when the id is unknown, a link is missing, or the links loop.
 */
export function currentEquivalentOf(examId: string): CurrentExamEquivalent | undefined {
  const path: string[] = []
  let kind: EquivalenceKind = 'same'
  let exam = examsById.get(examId)
  while (exam) {
    if (path.includes(exam.id)) return undefined
    path.push(exam.id)
    if (exam.isCurrent) return { exam, kind, path }
    if (!exam.equivalence) return undefined
    if (KIND_STRENGTH[exam.equivalence.kind] > KIND_STRENGTH[kind]) kind = exam.equivalence.kind
    exam = examsById.get(exam.equivalence.examId)
  }
  return undefined
}
