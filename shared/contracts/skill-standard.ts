import { z } from 'zod'
import { Exam, JobType, OtherCertification, Role, SkillStandardCatalog } from '../domain/skill-standard/schema.ts'
import { endpoint } from './endpoint.ts'

export const RoleId = z.enum(['producer', 'project_manager', 'service_designer', 'engineer'], {
  message: '人材像は producer, project_manager, service_designer, engineer のいずれかです。',
})

/** A role with the job types and certifications it names, resolved, so one page can show it all. */
export const RoleDetail = z.object({
  version: z.string(),
  role: Role,
  jobTypes: z.array(JobType),
  exams: z.array(Exam),
  otherCertifications: z.array(OtherCertification),
})
export type RoleDetail = z.infer<typeof RoleDetail>

export const CertificationList = z.object({
  version: z.string(),
  exams: z.array(Exam),
  otherCertifications: z.array(OtherCertification),
})

export const getSkillStandard = endpoint({
  operationId: 'getSkillStandard',
  method: 'GET',
  path: '/api/skill-standard',
  summary: '外部人材スキル標準（人材像・スキル・UISS/ITSS・試験）の全体',
  tags: ['スキル標準'],
  response: SkillStandardCatalog,
})

export const getSkillStandardRole = endpoint({
  operationId: 'getSkillStandardRole',
  method: 'GET',
  path: '/api/skill-standard/roles/:roleId',
  summary: '人材像の詳細（関連する職種・試験を含む）',
  tags: ['スキル標準'],
  params: z.object({ roleId: RoleId }),
  response: RoleDetail,
})

export const listCertifications = endpoint({
  operationId: 'listCertifications',
  method: 'GET',
  path: '/api/certifications',
  summary: '情報処理技術者試験（廃止区分を含む）とその他の資格',
  tags: ['スキル標準'],
  query: z.object({ q: z.string().trim().max(50, { message: '検索語は50文字以内で入力してください。' }).optional() }),
  response: CertificationList,
})
