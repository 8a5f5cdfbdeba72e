import type { RoleDetail } from '#shared/contracts/skill-standard'
import type { Exam, JobType, SkillStandardCatalog } from '#shared/domain/skill-standard/schema'

/** Small, hand-written skill standard data for component tests (not the real edition). */
export const jobTypes: JobType[] = [
  {
    id: 'uiss.strategist',
    framework: 'UISS',
    name: 'ストラテジスト',
    group: '戦略',
    levelMin: 4,
    levelMax: 7,
    levelRangeStatus: 'confirmed',
    specialties: [],
    specialtiesStatus: null,
    description: '経営戦略に基づいて IT 戦略を策定する。',
    status: 'confirmed',
    sources: [{ id: 'IPA-UISS2' }],
  },
  {
    id: 'itss.project_management',
    framework: 'ITSS',
    name: 'プロジェクトマネジメント',
    group: null,
    levelMin: null,
    levelMax: null,
    levelRangeStatus: 'unconfirmed',
    specialties: ['システム開発', 'IT アウトソーシング'],
    specialtiesStatus: 'confirmed',
    description: 'プロジェクトを計画し、管理する。',
    status: 'confirmed',
    sources: [{ id: 'IPA-ITSS-CF' }],
  },
]

export const exams: Exam[] = [
  {
    id: 'ST',
    name: 'ITストラテジスト試験',
    nameKana: 'アイティーストラテジストシケン',
    nameRomaji: 'it strategist',
    aliases: ['ストラテジスト'],
    ccsfLevel: 4,
    isAdvanced: true,
    isCurrent: true,
    since: '2009',
    until: null,
    periodStatus: 'confirmed',
    evidences: { jobTypeIds: ['uiss.strategist'], commonLevel: null, status: 'confirmed' },
    equivalence: null,
    isRegisteredQualification: false,
    status: 'confirmed',
    sources: [{ id: 'IPA-CCSF' }],
  },
  {
    id: 'legacy.ad',
    name: 'システムアナリスト試験',
    nameKana: 'システムアナリストシケン',
    nameRomaji: 'systems analyst',
    aliases: [],
    ccsfLevel: 4,
    isAdvanced: true,
    isCurrent: false,
    since: null,
    until: '2008',
    periodStatus: 'secondary',
    evidences: { jobTypeIds: [], commonLevel: null, status: 'confirmed' },
    equivalence: { examId: 'ST', kind: 'succeeded_by', status: 'confirmed' },
    isRegisteredQualification: false,
    status: 'confirmed',
    sources: [{ id: 'IPA-CCSF' }],
  },
]

export const roleDetail: RoleDetail = {
  version: '2022-09-r1',
  role: {
    id: 'producer',
    number: 1,
    name: 'プロデューサー（CIO補佐官等）',
    category: '全体統括',
    categoryStatus: 'secondary',
    summary: '首長や CIO を補佐し、自治体DX を全体として推進する。',
    activities: [{ id: 'producer.activity.1', text: 'DX 推進計画の策定を支援する。', status: 'confirmed' }],
    skills: [
      {
        id: 'producer.skill.1',
        category: 'human',
        name: 'リーダーシップ',
        description: '関係者を巻き込んで変革を進める。',
        status: 'confirmed',
      },
      {
        id: 'producer.skill.2',
        category: 'technical',
        name: 'デジタル技術の知見',
        description: 'クラウドなどの技術動向を理解している。',
        status: 'unconfirmed',
      },
    ],
    levelRequirements: [
      {
        id: 'producer.level.1',
        framework: 'UISS',
        jobTypeIds: ['uiss.strategist'],
        minLevel: 4,
        status: 'confirmed',
      },
      {
        id: 'producer.level.2',
        framework: 'ITSS',
        jobTypeIds: ['itss.project_management'],
        minLevel: 4,
        status: 'unconfirmed',
      },
    ],
    certifications: [{ id: 'producer.cert.1', certificationId: 'ST', status: 'confirmed' }],
    experiences: [
      {
        id: 'producer.exp.1',
        kind: 'digital_strategy_lead',
        description: 'デジタル戦略の策定を主導した経験',
        minYears: 3,
        status: 'confirmed',
      },
    ],
    requirementLogic: 'any_of',
    status: 'confirmed',
    sources: [{ id: '手順書', locator: '参考4.4-②' }],
  },
  jobTypes,
  exams: [exams[0]!],
  otherCertifications: [],
}

export const catalog: SkillStandardCatalog = {
  version: '2022-09-r1',
  title: '自治体DX推進のための外部人材スキル標準',
  issuedOn: '2022-09',
  roles: [roleDetail.role],
  jobTypes,
  exams,
  otherCertifications: [
    {
      id: 'pmp',
      name: 'PMP',
      issuer: 'PMI',
      evidencesJobTypeIds: ['itss.project_management'],
      status: 'secondary',
      sources: [{ id: 'PROJECT' }],
    },
  ],
  experienceKinds: [{ id: 'digital_strategy_lead', label: 'デジタル戦略の統括', experience: 'デジタル戦略の統括の経験' }],
  levelRules: [
    {
      id: 'rule.1-3',
      levelMin: 1,
      levelMax: 3,
      basis: 'exam',
      explanation: '情報処理技術者試験の合格で判定します。',
      selfDeclaredUntilVerified: false,
      status: 'confirmed',
      sources: [{ id: 'IPA-CCSF' }],
    },
    {
      id: 'rule.5-7',
      levelMin: 5,
      levelMax: 7,
      basis: 'experience',
      explanation: '業務の実績で判定します。',
      selfDeclaredUntilVerified: true,
      status: 'secondary',
      sources: [{ id: 'IPA-CCSF' }],
    },
    {
      id: 'rule.4',
      levelMin: 4,
      levelMax: 4,
      basis: 'exam_and_experience',
      explanation: '高度試験の合格と業務経験で判定します。',
      selfDeclaredUntilVerified: false,
      status: 'confirmed',
      sources: [{ id: 'IPA-CCSF' }],
    },
  ],
  levelPolicy: {
    experienceYearsForLevel4: 3,
    advancedExamWithoutExperienceLevel: 3,
    relatedToLevelPenalty: 1,
    status: 'unconfirmed',
    sources: [{ id: 'PROJECT' }],
  },
  itssLevels: [{ level: 1, meaning: '最低限の知識を持つ' }],
}

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
}
