/**
 * Shapes of the 総務省「自治体DX推進のための外部人材スキル標準」 (令和4年9月) and the IPA reference tables behind it
 * (UISS, ITSS, CCSF levels, 情報処理技術者試験). Every row carries a citation (docs/sources.md)
 * and a status so that unconfirmed rows can be shown as 要確認 and edited as data.
 */
import { z } from 'zod'

/** C = primary source, S = reliable secondary source only, U = reconstruction/inference (要確認). */
export const DataStatus = z.enum(['confirmed', 'secondary', 'unconfirmed'])
export type DataStatus = z.infer<typeof DataStatus>

/**
 * Ids of the register docs/sources.md (public documents, then the secondary sources). `PROJECT` marks the project's
 * own reading where no public text is reachable (e.g. the other three roles' cells), so an unconfirmed row never
 * pretends to come from a government text.
 */
export const SourceId = z.enum([
  '手順書',
  '事例集',
  'MIC-PR-R7',
  'DG-2022',
  'DXH',
  'NOTE-PC',
  'YONOTA',
  'ITMB',
  'JIJI',
  'CHIZAI-R4',
  'ITM-1227',
  'KOKKAI',
  'MYKOHO',
  'RENKEI',
  'AITF',
  'KYODO',
  'CIO-FORUM',
  'IPA-CCSF',
  'ATMARK-CCSF',
  'IPA-UISS2',
  'OTSUKA',
  'UISS-KENSHU',
  'IPA-ITSS-CF',
  'IPA-ITSS-DL',
  'NEXTET',
  'ITPRO-ITSS',
  'KEIEIJIN',
  'ITSS-UG',
  'HITACHI-ITSS',
  'WIC-R4',
  'ITSS-V1',
  'ITSS-ISSUE',
  'QIITA',
  'INFOTEK',
  'KAZUTXT',
  'ATH',
  'ATMARK-PM',
  'PIXIV',
  'ITPRO-2007',
  'WAKU',
  'SUEHIRO',
  'OISA',
  'FC2-OLD',
  'ITPRO-2013',
  'IT-2017',
  'HATENA-DA',
  'DA-MANUAL',
  'CIO-GB6',
  'KIGYOJIN',
  'DNET-ST',
  'HCD',
  'PROJECT',
])
export type SourceId = z.infer<typeof SourceId>

/** A citation: register id plus where inside it, e.g. { id: '手順書', locator: '参考4.4-④' }. */
export const SourceRef = z.object({
  id: SourceId,
  locator: z.string().min(1).optional(),
})
export type SourceRef = z.infer<typeof SourceRef>

const Sources = z.array(SourceRef).min(1)

/** Career levels 1–7 shared by UISS, ITSS and ETSS through the CCSF. */
export const CareerLevel = z.number().int().min(1).max(7)
export type CareerLevel = z.infer<typeof CareerLevel>

export const Framework = z.enum(['UISS', 'ITSS'])
export type Framework = z.infer<typeof Framework>

/** A UISS 人材像 or an ITSS 職種 (UISS, ITSS). Ids are prefixed by framework: `uiss.…` / `itss.…`. */
export const JobType = z.object({
  id: z.string().regex(/^(uiss|itss)\.[a-z][a-z0-9_]*$/),
  framework: Framework,
  name: z.string().min(1),
  /** UISS grouping (戦略, ソリューション, …); null for ITSS, which has no grouping above 職種. */
  group: z.string().min(1).nullable(),
  /** Null when the range is not known; never guessed into a number (UISS, ITSS). */
  levelMin: CareerLevel.nullable(),
  levelMax: CareerLevel.nullable(),
  levelRangeStatus: DataStatus,
  /** ITSS 専門分野; empty for UISS. */
  specialties: z.array(z.string().min(1)),
  /** Null exactly when `specialties` is empty. */
  specialtiesStatus: DataStatus.nullable(),
  description: z.string().min(1),
  /** Status of the job type's existence and name; the range and 専門分野 carry their own. */
  status: DataStatus,
  sources: Sources,
})
export type JobType = z.infer<typeof JobType>

export const EquivalenceKind = z.enum(['succeeded_by', 'related_to', 'same'])
export type EquivalenceKind = z.infer<typeof EquivalenceKind>

/**
 * How a discontinued exam maps onto a newer one (試験制度): `succeeded_by` = solid line in IPA's 新試験制度の手引
 * 図8 (same scope and level), `related_to` = dotted line (similar level, wider scope; worth one level less by
 * default, see LevelPolicy), `same` = the same exam before the 2009 reform.
 */
export const ExamEquivalence = z.object({
  examId: z.string().min(1),
  kind: EquivalenceKind,
  status: DataStatus,
})
export type ExamEquivalence = z.infer<typeof ExamEquivalence>

/**
 * What passing the exam evidences. Level-1/2 exams evidence a level common to every job type (ITSS V3 unified
 * levels 1–2), so they list no job types and set `commonLevel`; level-3/4 exams list the job types instead.
 * Discontinued exams list nothing: they count through `equivalence` (手順書 参考4.4-②).
 */
export const ExamEvidence = z.object({
  jobTypeIds: z.array(z.string().min(1)),
  commonLevel: z.union([z.literal(1), z.literal(2)]).nullable(),
  status: DataStatus,
})
export type ExamEvidence = z.infer<typeof ExamEvidence>

/** An IPA 情報処理技術者試験 区分 (or 情報処理安全確保支援士試験), current or discontinued (試験制度). */
export const Exam = z.object({
  /** IPA's two-letter code for current exams (ST, SC, …); `legacy.…` for discontinued ones. */
  id: z.string().regex(/^([A-Z]{2}|legacy\.[a-z][a-z0-9_]*)$/),
  name: z.string().min(1),
  /** Katakana reading of the whole name, for kana search. */
  nameKana: z.string().regex(/^[\u30a1-\u30fc]+$/),
  /** Lower-case latin spelling for search: the English name for katakana loanwords, romaji for kanji names. */
  nameRomaji: z.string().regex(/^[a-z0-9 ()-]+$/),
  /** Common abbreviations users type (基本情報, 応用情報, 支援士, …), searched alongside the name. */
  aliases: z.array(z.string().min(1)),
  /** CCSF level of the exam; for a discontinued exam, the level it is taken to grant (試験制度, U). */
  ccsfLevel: z.number().int().min(1).max(4),
  /** 高度試験 (level 4, incl. the 支援士 exam). */
  isAdvanced: z.boolean(),
  isCurrent: z.boolean(),
  /** Year (YYYY) or month (YYYY-MM) of the first/last sitting; null when unknown or still held. */
  since: z
    .string()
    .regex(/^\d{4}(-\d{2})?$/)
    .nullable(),
  until: z
    .string()
    .regex(/^\d{4}(-\d{2})?$/)
    .nullable(),
  periodStatus: DataStatus,
  evidences: ExamEvidence,
  /** Null for current exams; discontinued ones point at a newer exam (possibly another discontinued one). */
  equivalence: ExamEquivalence.nullable(),
  /** True only for 情報処理安全確保支援士: a registration that lapses, separate from the permanent exam pass. */
  isRegisteredQualification: z.boolean(),
  /** Status of the exam's name and ccsfLevel; the evidences and equivalence links carry their own. */
  status: DataStatus,
  sources: Sources,
})
export type Exam = z.infer<typeof Exam>

/** A certification outside the IPA exams (手順書 参考4.4-③). It supports the job types listed but grants no CCSF level. */
export const OtherCertification = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_.]*$/),
  name: z.string().min(1),
  issuer: z.string().min(1),
  evidencesJobTypeIds: z.array(z.string().min(1)),
  status: DataStatus,
  sources: Sources,
})
export type OtherCertification = z.infer<typeof OtherCertification>

/** Kinds of work experience a role asks for and a candidate tags entries with. */
export const ExperienceKind = z.enum([
  'digital_strategy_lead',
  'digital_department_manager',
  'project_management',
  'service_design',
  'business_reform',
  'engineering',
  'security',
  'local_government',
])
export type ExperienceKind = z.infer<typeof ExperienceKind>

export const ExperienceKindEntry = z.object({
  id: ExperienceKind,
  label: z.string().min(1),
  /** The label as 「…経験」, for sentences: not every label reads right with 「の経験」 after it (「チームを率いた経験」). */
  experience: z.string().endsWith('経験'),
})
export type ExperienceKindEntry = z.infer<typeof ExperienceKindEntry>

/** Labels shown to users; P-E1/P-E2/P-E3 of the producer row (手順書 参考4.4-④) plus the kinds the other roles need. */
export const experienceKinds: ExperienceKindEntry[] = [
  { id: 'digital_strategy_lead', label: 'デジタル戦略の責任者としてチームを率いた', experience: 'デジタル戦略の責任者としてチームを率いた経験' },
  { id: 'digital_department_manager', label: '企業のデジタル/情報システム部門の管理職', experience: '企業のデジタル/情報システム部門の管理職の経験' },
  { id: 'project_management', label: 'プロジェクトマネジメント', experience: 'プロジェクトマネジメントの経験' },
  { id: 'service_design', label: 'サービスデザイン・UI/UX', experience: 'サービスデザイン・UI/UXの経験' },
  { id: 'business_reform', label: 'BPR・業務改革', experience: 'BPR・業務改革の経験' },
  { id: 'engineering', label: 'RPA・ローコード・クラウド・データ等の実装', experience: 'RPA・ローコード・クラウド・データ等の実装の経験' },
  { id: 'security', label: '情報セキュリティ', experience: '情報セキュリティの経験' },
  { id: 'local_government', label: '自治体での勤務または自治体からの受託業務', experience: '自治体での勤務または自治体からの受託業務の経験' },
]

export const RoleId = z.enum(['producer', 'project_manager', 'service_designer', 'engineer'])
export type RoleId = z.infer<typeof RoleId>

export const RoleActivity = z.object({
  id: z.string().min(1),
  text: z.string().min(1),
  status: DataStatus,
})
export type RoleActivity = z.infer<typeof RoleActivity>

/** スキル要件: 分類 テクニカルスキル (`technical`) or ヒューマンスキル (`human`), 名称, 説明. */
export const RoleSkill = z.object({
  id: z.string().min(1),
  category: z.enum(['technical', 'human']),
  name: z.string().min(1),
  description: z.string().min(1),
  status: DataStatus,
})
export type RoleSkill = z.infer<typeof RoleSkill>

/** "<framework> の <job types> のいずれかでレベル <minLevel> 相当以上". */
export const RoleLevelRequirement = z.object({
  id: z.string().min(1),
  framework: Framework,
  jobTypeIds: z.array(z.string().min(1)).min(1),
  minLevel: CareerLevel,
  status: DataStatus,
})
export type RoleLevelRequirement = z.infer<typeof RoleLevelRequirement>

/** A desired certification: an Exam id or an OtherCertification id. */
export const RoleCertification = z.object({
  id: z.string().min(1),
  certificationId: z.string().min(1),
  status: DataStatus,
})
export type RoleCertification = z.infer<typeof RoleCertification>

export const RoleExperience = z.object({
  id: z.string().min(1),
  kind: ExperienceKind,
  description: z.string().min(1),
  minYears: z.number().positive().nullable(),
  status: DataStatus,
})
export type RoleExperience = z.infer<typeof RoleExperience>

/**
 * One 人材像 of the standard (スキル標準, 手順書 参考4.4-④). The standard is a reference, never a limit (手順書 §4.4(2)):
 * a candidate is "desirable" when any one level requirement, certification or experience is met.
 */
export const Role = z.object({
  id: RoleId,
  number: z.number().int().min(1).max(4),
  name: z.string().min(1),
  category: z.string().min(1),
  /** The カテゴリー wording is only secondary-sourced (DG-2022), so it has its own status. */
  categoryStatus: DataStatus,
  summary: z.string().min(1),
  activities: z.array(RoleActivity),
  skills: z.array(RoleSkill),
  levelRequirements: z.array(RoleLevelRequirement),
  certifications: z.array(RoleCertification),
  experiences: z.array(RoleExperience),
  /** 「以下のいずれか」: the level requirements, certifications and experiences are alternatives. */
  requirementLogic: z.literal('any_of'),
  status: DataStatus,
  sources: Sources,
})
export type Role = z.infer<typeof Role>

export const LevelBasis = z.enum(['exam', 'exam_and_experience', 'experience'])
export type LevelBasis = z.infer<typeof LevelBasis>

/** How a level band is judged (CCSF), with the explanation shown to users. */
export const LevelRule = z.object({
  id: z.string().min(1),
  levelMin: CareerLevel,
  levelMax: CareerLevel,
  basis: LevelBasis,
  explanation: z.string().min(1),
  /** Levels claimed from experience alone stay self-declared until municipal/prefectural staff verify them (手順書 参考4.4-②). */
  selfDeclaredUntilVerified: z.boolean(),
  status: DataStatus,
  sources: Sources,
})
export type LevelRule = z.infer<typeof LevelRule>

/** Policy numbers the seed leaves open (手順書 参考4.4-②); an administrator may change them. */
export const LevelPolicy = z.object({
  /** Years of experience tagged with a job type that, with a level-4 exam, make level 4. */
  experienceYearsForLevel4: z.number().positive(),
  /** Level given for a job type a level-4 exam evidences when the experience is missing. */
  advancedExamWithoutExperienceLevel: CareerLevel,
  /** Levels subtracted for a discontinued exam linked by `related_to` unless the organisation opts in. */
  relatedToLevelPenalty: z.number().int().min(0).max(3),
  status: DataStatus,
  sources: Sources,
})
export type LevelPolicy = z.infer<typeof LevelPolicy>

export const ItssLevel = z.object({
  level: CareerLevel,
  meaning: z.string().min(1),
})
export type ItssLevel = z.infer<typeof ItssLevel>

export const SkillStandardCatalog = z.object({
  version: z.string().min(1),
  title: z.string().min(1),
  issuedOn: z.string().regex(/^\d{4}-\d{2}$/),
  roles: z.array(Role),
  jobTypes: z.array(JobType),
  exams: z.array(Exam),
  otherCertifications: z.array(OtherCertification),
  experienceKinds: z.array(ExperienceKindEntry),
  levelRules: z.array(LevelRule),
  levelPolicy: LevelPolicy,
  itssLevels: z.array(ItssLevel),
})
export type SkillStandardCatalog = z.infer<typeof SkillStandardCatalog>
