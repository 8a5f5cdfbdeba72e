import { describe, expect, test } from 'vitest'
import {
  DataStatus,
  Exam,
  ExperienceKind,
  JobType,
  SkillStandardCatalog,
  currentEquivalentOf,
  findCertification,
  findExam,
  findJobType,
  findRole,
  skillStandardCatalog as catalog,
} from './index.ts'

const STATUSES = DataStatus.options
const jobTypeIds = new Set(catalog.jobTypes.map((j) => j.id))
const examById = new Map(catalog.exams.map((e) => [e.id, e]))
const certificationIds = new Set([...catalog.exams.map((e) => e.id), ...catalog.otherCertifications.map((c) => c.id)])

function duplicates(ids: string[]): string[] {
  return ids.filter((id, i) => ids.indexOf(id) !== i)
}

/** Every value under a key ending in "status"/"Status", anywhere in the catalogue. */
function collectStatuses(value: unknown, path = '$'): { path: string; status: unknown }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => collectStatuses(item, `${path}[${i}]`))
  if (value === null || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([key, child]) => [
    ...(/status$/i.test(key) && (typeof child === 'string' || child === null) ? [{ path: `${path}.${key}`, status: child }] : []),
    ...collectStatuses(child, `${path}.${key}`),
  ])
}

describe('スキル標準カタログの整合性', () => {
  test('カタログ全体がスキーマを満たす', () => {
    expect(SkillStandardCatalog.safeParse(catalog).success).toBe(true)
    expect(catalog.issuedOn).toBe('2022-09')
  })

  test('IDは重複しない（試験とその他資格は同じ名前空間）', () => {
    expect(duplicates(catalog.roles.map((r) => r.id))).toEqual([])
    expect(duplicates(catalog.jobTypes.map((j) => j.id))).toEqual([])
    expect(duplicates([...catalog.exams.map((e) => e.id), ...catalog.otherCertifications.map((c) => c.id)])).toEqual([])
    const itemIds = catalog.roles.flatMap((r) => [
      ...r.activities.map((a) => a.id),
      ...r.skills.map((s) => s.id),
      ...r.levelRequirements.map((l) => l.id),
      ...r.certifications.map((c) => c.id),
      ...r.experiences.map((e) => e.id),
    ])
    expect(duplicates(itemIds)).toEqual([])
    expect(duplicates(catalog.levelRules.map((r) => r.id))).toEqual([])
  })

  test('人材像は4つで、番号は1〜4の順', () => {
    expect(catalog.roles.map((r) => [r.number, r.id])).toEqual([
      [1, 'producer'],
      [2, 'project_manager'],
      [3, 'service_designer'],
      [4, 'engineer'],
    ])
  })

  test('状態はすべて confirmed / secondary / unconfirmed のいずれか', () => {
    const found = collectStatuses(catalog)
    expect(found.length).toBeGreaterThan(200)
    const bad = found.filter(
      ({ path, status }) => !(STATUSES as readonly unknown[]).includes(status) && !(status === null && path.endsWith('.specialtiesStatus')),
    )
    expect(bad).toEqual([])
  })

  test('職種IDの接頭辞はフレームワークと一致する', () => {
    for (const jobType of catalog.jobTypes) expect(jobType.id.split('.')[0], jobType.id).toBe(jobType.framework.toLowerCase())
    expect(catalog.jobTypes.filter((j) => j.framework === 'UISS')).toHaveLength(13)
    expect(catalog.jobTypes.filter((j) => j.framework === 'ITSS')).toHaveLength(11)
  })

  test('ITSSの専門分野は合計35', () => {
    const count = catalog.jobTypes.filter((j) => j.framework === 'ITSS').reduce((sum, j) => sum + j.specialties.length, 0)
    expect(count).toBe(35)
  })

  test('専門分野の状態は専門分野があるときだけ付く', () => {
    for (const jobType of catalog.jobTypes) {
      expect(jobType.specialtiesStatus === null, jobType.id).toBe(jobType.specialties.length === 0)
    }
  })

  test('レベル範囲は1〜7で下限≦上限、不明なら両方null', () => {
    for (const jobType of catalog.jobTypes) {
      const { id, levelMin, levelMax } = jobType
      expect(levelMin === null, id).toBe(levelMax === null)
      if (levelMin !== null && levelMax !== null) {
        expect(levelMin, id).toBeGreaterThanOrEqual(1)
        expect(levelMax, id).toBeLessThanOrEqual(7)
        expect(levelMin, id).toBeLessThanOrEqual(levelMax)
      } else {
        expect(jobType.levelRangeStatus, id).toBe('unconfirmed')
      }
    }
  })

  test('確定しているレベル範囲はビジネスストラテジストの3〜7だけ', () => {
    const confirmed = catalog.jobTypes.filter((j) => j.levelRangeStatus === 'confirmed')
    expect(confirmed.map((j) => [j.id, j.levelMin, j.levelMax])).toEqual([['uiss.business_strategist', 3, 7]])
  })

  test('人材像が参照する職種・試験・資格はすべて存在し、フレームワークも合う', () => {
    for (const role of catalog.roles) {
      for (const requirement of role.levelRequirements) {
        for (const id of requirement.jobTypeIds) {
          expect(jobTypeIds.has(id), `${role.id} ${requirement.id} → ${id}`).toBe(true)
          expect(findJobType(id)?.framework, `${requirement.id} → ${id}`).toBe(requirement.framework)
        }
      }
      for (const certification of role.certifications) {
        expect(certificationIds.has(certification.certificationId), `${role.id} → ${certification.certificationId}`).toBe(true)
      }
    }
  })

  test('人材像が望む試験は現行の区分', () => {
    for (const role of catalog.roles) {
      for (const { certificationId } of role.certifications) {
        const exam = findExam(certificationId)
        if (exam) expect(exam.isCurrent, `${role.id} → ${certificationId}`).toBe(true)
      }
    }
  })

  test('試験・資格が裏付ける職種はすべて存在する', () => {
    for (const exam of catalog.exams) {
      for (const id of exam.evidences.jobTypeIds) expect(jobTypeIds.has(id), `${exam.id} → ${id}`).toBe(true)
      expect(duplicates(exam.evidences.jobTypeIds), exam.id).toEqual([])
    }
    for (const certification of catalog.otherCertifications) {
      for (const id of certification.evidencesJobTypeIds) expect(jobTypeIds.has(id), `${certification.id} → ${id}`).toBe(true)
    }
  })

  test('各人材像にテクニカルスキルが1つ以上ある', () => {
    for (const role of catalog.roles) {
      expect(role.skills.filter((s) => s.category === 'technical').length, role.id).toBeGreaterThanOrEqual(1)
      expect(role.requirementLogic).toBe('any_of')
    }
  })

  test('経験の種類は列挙と1対1で、人材像の経験はすべてその中にある', () => {
    expect(catalog.experienceKinds.map((k) => k.id).sort()).toEqual([...ExperienceKind.options].sort())
    const kinds = new Set(catalog.experienceKinds.map((k) => k.id))
    for (const role of catalog.roles) for (const experience of role.experiences) expect(kinds.has(experience.kind)).toBe(true)
  })
})

describe('試験', () => {
  test('すべての試験にCCSFレベル（1〜4）がある', () => {
    for (const exam of catalog.exams) {
      expect(Number.isInteger(exam.ccsfLevel), exam.id).toBe(true)
      expect(exam.ccsfLevel, exam.id).toBeGreaterThanOrEqual(1)
      expect(exam.ccsfLevel, exam.id).toBeLessThanOrEqual(4)
    }
  })

  test('現行の区分は13（IP, SG, FE, AP と高度9）で、レベルは資料どおり', () => {
    const current = catalog.exams.filter((e) => e.isCurrent)
    expect(Object.fromEntries(current.map((e) => [e.id, e.ccsfLevel]))).toEqual({
      IP: 1,
      SG: 2,
      FE: 2,
      AP: 3,
      ST: 4,
      SA: 4,
      PM: 4,
      NW: 4,
      DB: 4,
      ES: 4,
      SM: 4,
      AU: 4,
      SC: 4,
    })
    for (const exam of current) {
      expect(exam.isAdvanced, exam.id).toBe(exam.ccsfLevel === 4)
      expect(exam.equivalence, exam.id).toBeNull()
      expect(exam.until, exam.id).toBeNull()
    }
  })

  test('レベル1・2の試験は共通レベルだけ、レベル3・4の試験は職種を裏付ける', () => {
    for (const exam of catalog.exams.filter((e) => e.isCurrent)) {
      if (exam.ccsfLevel <= 2) {
        expect(exam.evidences.jobTypeIds, exam.id).toEqual([])
        expect(exam.evidences.commonLevel, exam.id).toBe(exam.ccsfLevel)
      } else {
        expect(exam.evidences.jobTypeIds.length, exam.id).toBeGreaterThan(0)
        expect(exam.evidences.commonLevel, exam.id).toBeNull()
      }
    }
  })

  test('試験のレベルは、裏付ける職種のレベル範囲を超えない（範囲の始まりの1つ下までは土台として認める）', () => {
    for (const exam of catalog.exams) {
      for (const id of exam.evidences.jobTypeIds) {
        const jobType = findJobType(id)
        if (jobType?.levelMin == null || jobType.levelMax == null) continue
        expect(exam.ccsfLevel, `${exam.id} → ${id}`).toBeGreaterThanOrEqual(jobType.levelMin - 1)
        expect(exam.ccsfLevel, `${exam.id} → ${id}`).toBeLessThanOrEqual(jobType.levelMax)
      }
    }
  })

  // 試験制度 / CCSF: the job types each current exam evidences, as IPA's exam–framework correspondence maps them.
  test.each([
    ['AP', catalog.jobTypes.map((jobType) => jobType.id)],
    ['ST', ['itss.consultant', 'uiss.business_strategist', 'uiss.is_strategist']],
    [
      'SA',
      ['itss.application_specialist', 'itss.it_architect', 'itss.software_development', 'uiss.application_designer', 'uiss.is_analyst', 'uiss.is_architect'],
    ],
    ['PM', ['itss.project_management', 'uiss.program_manager', 'uiss.project_manager']],
    ['NW', ['itss.it_architect', 'itss.it_specialist', 'uiss.system_designer']],
    ['DB', ['itss.it_specialist', 'uiss.system_designer']],
    ['ES', ['itss.software_development']],
    ['SM', ['itss.customer_service', 'itss.it_service_management', 'uiss.is_administrator', 'uiss.is_operation']],
    ['AU', ['uiss.is_auditor']],
    ['SC', ['itss.it_specialist', 'uiss.is_administrator']],
  ])('試験制度: %s が裏付ける職種', (examId, expected) => {
    expect([...(findExam(examId)?.evidences.jobTypeIds ?? [])].sort()).toEqual([...expected].sort())
  })

  test('試験制度: 応用情報技術者はプロデューサーの職種（コンサルタント、ITアーキテクト、プログラムマネージャ）にもレベルを与える', () => {
    expect(findExam('AP')?.evidences.jobTypeIds).toEqual(expect.arrayContaining(['itss.consultant', 'itss.it_architect', 'uiss.program_manager']))
  })

  test('ITストラテジストはビジネスストラテジストを裏付ける（参考4.4-②）', () => {
    expect(findExam('ST')?.evidences.jobTypeIds).toContain('uiss.business_strategist')
  })

  test('ITストラテジストだけを持つ人の職種は3つ（手順書 参考4.4-② case L5）', () => {
    expect([...(findExam('ST')?.evidences.jobTypeIds ?? [])].sort()).toEqual(['itss.consultant', 'uiss.business_strategist', 'uiss.is_strategist'])
  })

  test('登録制の国家資格は情報処理安全確保支援士だけ', () => {
    expect(catalog.exams.filter((e) => e.isRegisteredQualification).map((e) => e.id)).toEqual(['SC'])
  })

  test('廃止区分はすべて後継を持ち、自身では職種を裏付けない', () => {
    const discontinued = catalog.exams.filter((e) => !e.isCurrent)
    expect(discontinued.length).toBeGreaterThanOrEqual(15)
    for (const exam of discontinued) {
      expect(exam.id, exam.id).toMatch(/^legacy\./)
      expect(exam.equivalence, exam.id).not.toBeNull()
      expect(exam.evidences.jobTypeIds, exam.id).toEqual([])
      expect(exam.until, exam.id).not.toBeNull()
    }
  })

  test('後継の指す試験は存在し、たどると循環せずに現行の試験に行き着く', () => {
    for (const start of catalog.exams) {
      const seen = new Set<string>()
      let exam: Exam | undefined = start
      while (exam && !exam.isCurrent) {
        expect(seen.has(exam.id), `cycle from ${start.id} at ${exam.id}`).toBe(false)
        seen.add(exam.id)
        const target: string | undefined = exam.equivalence?.examId
        expect(target && examById.has(target), `${exam.id} → ${target}`).toBe(true)
        exam = target ? examById.get(target) : undefined
      }
      expect(exam?.isCurrent, start.id).toBe(true)
      expect(currentEquivalentOf(start.id)?.exam.id, start.id).toBe(exam?.id)
    }
  })

  test('実線（succeeded_by）と同一（same）の後継は同じレベル', () => {
    for (const exam of catalog.exams) {
      const target = exam.equivalence && examById.get(exam.equivalence.examId)
      if (!target || !exam.equivalence) continue
      if (exam.equivalence.kind === 'related_to') continue
      expect(target.ccsfLevel, `${exam.id} → ${target.id}`).toBe(exam.ccsfLevel)
    }
  })

  test.each([
    ['legacy.second_class', 'FE', 'succeeded_by'],
    ['legacy.system_analyst', 'ST', 'succeeded_by'],
    ['legacy.senior_systems_administrator', 'ST', 'related_to'],
    ['legacy.first_class', 'AP', 'succeeded_by'],
    ['legacy.technical_engineer_security', 'SC', 'succeeded_by'],
    ['legacy.security_administrator', 'SC', 'related_to'],
    ['legacy.project_manager', 'PM', 'same'],
    ['legacy.systems_auditor', 'AU', 'same'],
    ['ST', 'ST', 'same'],
  ])('%s は %s に %s でつながる（試験制度; 手順書 参考4.4-②）', (from, to, kind) => {
    const resolved = currentEquivalentOf(from)
    expect(resolved?.exam.id).toBe(to)
    expect(resolved?.kind).toBe(kind)
    expect(resolved?.path[0]).toBe(from)
    expect(resolved?.path.at(-1)).toBe(to)
  })

  test('第一種情報処理技術者はソフトウェア開発技術者を経由して応用情報技術者に至る', () => {
    expect(currentEquivalentOf('legacy.first_class')?.path).toEqual(['legacy.first_class', 'legacy.software_development_engineer', 'AP'])
  })

  test('読みと英字表記で検索できる形になっている', () => {
    for (const exam of catalog.exams) {
      expect(exam.nameKana, exam.id).toMatch(/^[\u30a1-\u30fc]+$/)
      expect(exam.nameRomaji, exam.id).toBe(exam.nameRomaji.toLowerCase())
    }
    expect(findExam('AU')?.aliases).toContain('情報システム監査技術者')
  })
})

describe('プロデューサー（スキル標準 プロデューサー, 手順書 参考4.4-④）', () => {
  const producer = findRole('producer')

  test('すべて確定情報', () => {
    expect(producer).toBeDefined()
    expect(producer?.status).toBe('confirmed')
    const itemStatuses = [
      ...(producer?.activities ?? []),
      ...(producer?.skills ?? []),
      ...(producer?.levelRequirements ?? []),
      ...(producer?.certifications ?? []),
      ...(producer?.experiences ?? []),
    ].map((item) => item.status)
    expect(new Set(itemStatuses)).toEqual(new Set(['confirmed']))
    expect(producer?.activities.map((a) => a.id)).toEqual(['P-A1', 'P-A2', 'P-A3', 'P-A4', 'P-A5'])
  })

  test('テクニカルスキル4つとヒューマンスキル3つ', () => {
    const names = (category: 'technical' | 'human') => producer?.skills.filter((s) => s.category === category).map((s) => s.name)
    expect(names('technical')).toEqual(['全体方針立案', 'サービスデザイン思考', '技術・データの活用', '情報セキュリティ'])
    expect(names('human')).toEqual(['リーダーシップ', 'コミュニケーション', 'コーディネート'])
  })

  test('望ましいレベルは ITSS 2職種 / UISS 3人材像 のいずれかでレベル4以上', () => {
    expect(producer?.levelRequirements.map(({ id, framework, jobTypeIds, minLevel }) => ({ id, framework, jobTypeIds, minLevel }))).toEqual([
      { id: 'P-L1', framework: 'ITSS', jobTypeIds: ['itss.consultant', 'itss.it_architect'], minLevel: 4 },
      { id: 'P-L2', framework: 'UISS', jobTypeIds: ['uiss.business_strategist', 'uiss.is_strategist', 'uiss.is_architect'], minLevel: 4 },
    ])
    const allJobTypes = producer?.levelRequirements.flatMap((l) => l.jobTypeIds) ?? []
    expect(allJobTypes).toHaveLength(5)
  })

  test('望ましい資格は支援士とシステム監査技術者（ITストラテジストは含まない）', () => {
    expect(producer?.certifications.map((c) => c.certificationId)).toEqual(['SC', 'AU'])
    expect(findExam('SC')?.name).toBe('情報処理安全確保支援士')
    expect(findExam('AU')?.name).toBe('システム監査技術者')
  })

  test('望ましい経験は3つのいずれか、管理職経験は5年程度', () => {
    expect(producer?.experiences.map(({ id, kind, minYears }) => ({ id, kind, minYears }))).toEqual([
      { id: 'P-E1', kind: 'digital_strategy_lead', minYears: null },
      { id: 'P-E2', kind: 'digital_department_manager', minYears: 5 },
      { id: 'P-E3', kind: 'local_government', minYears: null },
    ])
    expect(producer?.requirementLogic).toBe('any_of')
  })
})

describe('他の3つの人材像（スキル標準: 公開資料で確かめられないセルは要確認）', () => {
  test.each([
    ['project_manager', ['企画構想', 'スケジュール管理', 'コスト管理']],
    ['service_designer', ['業務改革', 'サービス設計', 'UI・UX']],
    ['engineer', ['RPA・ローコード等に関する知見']],
  ])('%s は主なスキルだけが確定で、それ以外は要確認', (id, mainSkills) => {
    const role = findRole(id)
    expect(role).toBeDefined()
    expect(role?.skills.filter((s) => s.status === 'confirmed').map((s) => s.name)).toEqual(mainSkills)
    const rest = [
      ...(role?.activities ?? []),
      ...(role?.skills.filter((s) => !mainSkills.includes(s.name)) ?? []),
      ...(role?.levelRequirements ?? []),
      ...(role?.certifications ?? []),
      ...(role?.experiences ?? []),
    ]
    expect(rest.length).toBeGreaterThan(0)
    expect(rest.filter((item) => item.status !== 'unconfirmed')).toEqual([])
  })
})

describe('レベル判定の規則', () => {
  test('規則はレベル1〜7を隙間なく重複なく覆う', () => {
    const covered = catalog.levelRules.flatMap((r) => Array.from({ length: r.levelMax - r.levelMin + 1 }, (_, i) => r.levelMin + i)).sort((a, b) => a - b)
    expect(covered).toEqual([1, 2, 3, 4, 5, 6, 7])
  })

  test('1〜3は試験、4は試験と経験、5〜7は経験で、自己申告は5〜7だけ', () => {
    expect(catalog.levelRules.map((r) => [r.levelMin, r.levelMax, r.basis, r.selfDeclaredUntilVerified])).toEqual([
      [1, 3, 'exam', false],
      [4, 4, 'exam_and_experience', false],
      [5, 7, 'experience', true],
    ])
  })

  test('方針の既定値（手順書 参考4.4-②）は要確認のデータ', () => {
    expect(catalog.levelPolicy).toMatchObject({
      experienceYearsForLevel4: 3,
      advancedExamWithoutExperienceLevel: 3,
      relatedToLevelPenalty: 1,
      status: 'unconfirmed',
    })
  })

  test('ITSSレベルの説明は1〜7', () => {
    expect(catalog.itssLevels.map((l) => l.level)).toEqual([1, 2, 3, 4, 5, 6, 7])
  })
})

describe('検索関数', () => {
  test('IDで見つかり、知らないIDは undefined', () => {
    expect(findRole('engineer')?.name).toBe('エンジニア')
    expect(findJobType('itss.consultant')?.name).toBe('コンサルタント')
    expect(findExam('ST')?.name).toBe('ITストラテジスト')
    expect(findCertification('cisa')?.issuer).toBe('ISACA')
    expect(findRole('cio')).toBeUndefined()
    expect(findJobType('uiss.unknown')).toBeUndefined()
    expect(findExam('ZZ')).toBeUndefined()
    expect(findCertification('ST')).toBeUndefined()
    expect(currentEquivalentOf('ZZ')).toBeUndefined()
  })
})

describe('スキーマが不正なデータを拒む', () => {
  const jobType = findJobType('itss.consultant')

  test.each([
    [{ levelMin: 0 }],
    [{ levelMax: 8 }],
    [{ levelMin: 3.5 }],
    [{ status: 'maybe' }],
    [{ id: 'consultant' }],
    [{ sources: [] }],
    [{ sources: [{ id: 'WIKIPEDIA' }] }],
  ])('職種 %j', (patch) => {
    expect(JobType.safeParse({ ...jobType, ...patch }).success).toBe(false)
  })

  test.each([[{ ccsfLevel: 5 }], [{ ccsfLevel: 0 }], [{ nameKana: 'あいてぃー' }], [{ nameRomaji: 'IT Strategist' }], [{ since: '2009年' }]])(
    '試験 %j',
    (patch) => {
      expect(Exam.safeParse({ ...findExam('ST'), ...patch }).success).toBe(false)
    },
  )
})
