/**
 * Synthetic 外部デジタル人材 with realistic shapes: Japanese names (faker ja), residence weighted by prefecture
 * population, IPA exam passes at plausible rates (many 基本情報/応用情報, few 高度試験, some legacy exams), tagged
 * experience whose length grows with age, a few declared levels 5–6 (some verified), employers from the generated
 * corporate graph, 副業-heavy availability and pool consent. Levels and the scoring row are derived with the same
 * pure functions the candidates module uses, so the rows are what its service would have written.
 */
import type { Faker } from '@faker-js/faker'
import { addDays, type IsoDate } from '#shared/domain/dates'
import { type ExamPassFact, deriveLevels, heldCertificationIds, type LevelClaimFact } from '#shared/domain/levels'
import type { ExperienceKind, RoleId } from '#shared/domain/skill-standard/index'
import { buildScoringProfile, type ScoringProfile } from '../modules/candidates/scoring.ts'
import type { SyntheticCompany } from './companies.ts'

export interface Prefecture {
  code: string
  population: number
}

/** Job types an experience of each kind is typically tagged with (1–2 are picked). */
const TAGS: Record<ExperienceKind, string[]> = {
  digital_strategy_lead: ['uiss.business_strategist', 'itss.consultant', 'uiss.is_strategist'],
  digital_department_manager: ['uiss.is_strategist', 'uiss.program_manager', 'itss.it_architect'],
  project_management: ['itss.project_management', 'uiss.project_manager'],
  service_design: ['uiss.is_analyst', 'itss.application_specialist'],
  business_reform: ['uiss.is_analyst', 'itss.consultant'],
  engineering: ['itss.it_specialist', 'itss.application_specialist', 'itss.software_development', 'itss.it_architect'],
  security: ['itss.it_specialist', 'uiss.is_administrator'],
  local_government: ['uiss.is_administrator', 'uiss.is_strategist'],
}

const KIND_WEIGHTS: { value: ExperienceKind; weight: number }[] = [
  { value: 'engineering', weight: 30 },
  { value: 'project_management', weight: 20 },
  { value: 'business_reform', weight: 11 },
  { value: 'service_design', weight: 7 },
  { value: 'security', weight: 8 },
  { value: 'digital_department_manager', weight: 9 },
  { value: 'digital_strategy_lead', weight: 6 },
  { value: 'local_government', weight: 9 },
]

const TITLES: Record<ExperienceKind, string[]> = {
  digital_strategy_lead: ['DX推進室長', 'CDO補佐', 'デジタル戦略部長'],
  digital_department_manager: ['情報システム部 課長', 'IT企画部 部長', 'システム統括マネージャー'],
  project_management: ['プロジェクトマネージャー', 'PMO リーダー', '開発プロジェクト責任者'],
  service_design: ['サービスデザイナー', 'UXリサーチャー', 'UI/UXデザイナー'],
  business_reform: ['業務改革コンサルタント', 'BPR推進担当', '業務改善リーダー'],
  engineering: ['ITエンジニア', 'クラウドエンジニア', 'RPA開発担当', 'データエンジニア'],
  security: ['セキュリティエンジニア', 'CSIRT メンバー', '情報セキュリティ担当'],
  local_government: ['自治体DXアドバイザー（受託）', '市役所 情報政策課', '自治体システム導入支援'],
}

/** [exam id, share of candidates who passed it]; advanced exams are rare (参考4.4-⑮: few ST holders). */
const EXAM_RATES: [string, number][] = [
  ['IP', 0.3],
  ['FE', 0.45],
  ['AP', 0.22],
  ['ST', 0.03],
  ['SA', 0.025],
  ['PM', 0.05],
  ['NW', 0.035],
  ['DB', 0.03],
  ['ES', 0.01],
  ['SM', 0.02],
  ['AU', 0.012],
  ['SC', 0.06],
  ['legacy.second_class', 0.05],
  ['legacy.first_class', 0.02],
  ['legacy.system_analyst', 0.006],
  ['legacy.senior_systems_administrator', 0.008],
  ['legacy.project_manager', 0.006],
]

const OTHER_CERTS: [string, number][] = [
  ['pmp', 0.05],
  ['cisa', 0.01],
  ['cism', 0.006],
  ['cissp', 0.008],
  ['it_coordinator', 0.015],
]

export interface SyntheticCandidate {
  id: string
  row: Record<string, unknown>
  exams: Record<string, unknown>[]
  otherCertifications: Record<string, unknown>[]
  experiences: Record<string, unknown>[]
  claims: Record<string, unknown>[]
  employments: Record<string, unknown>[]
  consents: Record<string, unknown>[]
  profile: ScoringProfile
}

function weightedPrefecture(faker: Faker, prefectures: readonly Prefecture[], total: number): string {
  let pick = faker.number.float({ min: 0, max: total })
  for (const prefecture of prefectures) {
    pick -= prefecture.population
    if (pick <= 0) return prefecture.code
  }
  return prefectures[prefectures.length - 1]!.code
}

export function generateCandidate(
  faker: Faker,
  context: {
    prefectures: readonly Prefecture[]
    populationTotal: number
    vendors: readonly SyntheticCompany[]
    municipalityCodes: readonly string[]
    today: IsoDate
  },
): SyntheticCandidate {
  const id = faker.string.uuid()
  const todayYear = Number(context.today.slice(0, 4))
  const age = faker.number.int({ min: 26, max: 64 })
  const careerStartYear = todayYear - (age - 22)
  const prefectureCode = weightedPrefecture(faker, context.prefectures, context.populationTotal)
  const fullName = `${faker.person.lastName()} ${faker.person.firstName()}`

  // ── exams: passes happen during the career, legacy exams only before the 2009 reform ──
  const exams: ExamPassFact[] = []
  for (const [examId, rate] of EXAM_RATES) {
    if (faker.number.float() >= rate * (examId.startsWith('legacy.') && careerStartYear > 2008 ? 0 : 1)) continue
    const latest = examId.startsWith('legacy.') ? 2008 : todayYear - 1
    const earliest = examId.startsWith('legacy.') ? Math.max(1970, careerStartYear - 1) : Math.max(2009, careerStartYear - 1)
    if (earliest > latest) continue
    const fiscalYear = faker.number.int({ min: earliest, max: latest })
    const season = ['IP', 'FE', 'SG'].includes(examId) ? 'other' : faker.helpers.arrayElement(['spring', 'autumn'] as const)
    exams.push({
      examId,
      fiscalYear,
      season,
      passedOn: null,
      registration: examId === 'SC' ? { number: faker.string.numeric(6), isCurrent: faker.number.float() < 0.6 } : null,
    })
  }
  const otherCertificationIds = OTHER_CERTS.filter(([, rate]) => faker.number.float() < rate).map(([certId]) => certId)

  // ── experience: consecutive entries across the career, the last one possibly ongoing ──
  const experiences: {
    id: string
    startsOn: IsoDate
    endsOn: IsoDate | null
    kind: ExperienceKind
    jobTypeIds: string[]
    title: string
    organisation: string
  }[] = []
  let year = careerStartYear + faker.number.int({ min: 0, max: 3 })
  const entries = faker.number.int({ min: 1, max: 5 })
  for (let index = 0; index < entries && year < todayYear; index += 1) {
    const kind = faker.helpers.weightedArrayElement(KIND_WEIGHTS)
    const length = faker.number.int({ min: 1, max: 9 })
    const last = index === entries - 1 || year + length >= todayYear
    const startsOn = `${year}-04-01`
    const ongoing = last && faker.number.float() < 0.6
    const endYear = Math.min(year + length, todayYear)
    const endsOn = ongoing ? null : endYear >= todayYear ? addDays(context.today, -1) : `${endYear}-03-31`
    const vendor = faker.helpers.arrayElement(context.vendors)
    experiences.push({
      id: faker.string.uuid(),
      startsOn,
      endsOn: endsOn !== null && endsOn < startsOn ? null : endsOn,
      kind,
      jobTypeIds: faker.helpers.arrayElements(TAGS[kind], { min: 1, max: 2 }),
      title: faker.helpers.arrayElement(TITLES[kind]),
      organisation: kind === 'local_government' ? `${faker.location.city()}` : vendor.name,
    })
    year = endYear
  }

  // ── declared levels 5–6 for long careers (self-declared; a fifth verified by staff) ──
  const claims: LevelClaimFact[] = []
  const careerYears = todayYear - careerStartYear
  if (careerYears >= 12 && experiences.length > 0 && faker.number.float() < 0.12) {
    const basis = faker.helpers.arrayElement(experiences)
    const verified = faker.number.float() < 0.2
    const verifier = faker.helpers.arrayElement(context.municipalityCodes)
    claims.push({
      id: faker.string.uuid(),
      jobTypeId: basis.jobTypeIds[0]!,
      level: careerYears >= 25 && faker.number.float() < 0.3 ? 6 : 5,
      experienceEntryIds: [basis.id],
      verification: verified
        ? {
            verifiedByUserId: faker.string.uuid(),
            verifiedByName: `${faker.person.lastName()} ${faker.person.firstName()}`,
            localGovernmentCode: verifier,
            organisationName: '確認した団体',
            verifiedAt: `${context.today}T00:00:00.000Z`,
          }
        : null,
    })
  }

  // ── availability: mostly 副業 a day or two a week, remote-friendly ──
  const sideJob = faker.number.float() < 0.65
  const perMonth = faker.number.float() < 0.15
  const days = perMonth
    ? faker.number.int({ min: 2, max: 12 })
    : sideJob
      ? faker.helpers.weightedArrayElement([
          { value: 1, weight: 5 },
          { value: 2, weight: 4 },
          { value: 3, weight: 1 },
        ])
      : faker.number.int({ min: 3, max: 5 })
  const remote = faker.helpers.weightedArrayElement([
    { value: 'remote' as const, weight: 35 },
    { value: 'hybrid' as const, weight: 50 },
    { value: 'onsite' as const, weight: 15 },
  ])
  const earliestStart = faker.number.float() < 0.3 ? null : addDays(context.today, faker.number.int({ min: 0, max: 240 }))
  const regions = faker.helpers.arrayElements(context.prefectures, { min: 0, max: 3 }).map((prefecture) => prefecture.code)
  if (faker.number.float() < 0.1) regions.push(faker.helpers.arrayElement(context.municipalityCodes))
  const desiredRoles = faker.helpers.arrayElements(['producer', 'project_manager', 'service_designer', 'engineer'] as RoleId[], { min: 1, max: 2 })
  const consentRoll = faker.number.float()
  const pools = consentRoll < 0.45 ? ['national'] : consentRoll < 0.6 ? ['national', prefectureCode] : consentRoll < 0.78 ? [prefectureCode] : []

  const derivation = deriveLevels({ exams, experiences, claims }, context.today)
  const profile = buildScoringProfile({
    candidateId: id,
    derivation,
    certificationIds: heldCertificationIds({ exams, otherCertificationIds }),
    experiences,
    availability: { days, per: perMonth ? 'month' : 'week', remote, sideJob, earliestStart },
    prefectureCode,
    regions: [...new Set(regions)],
    desiredRoles,
    pools,
    today: context.today,
  })

  const employers = faker.helpers.arrayElements(context.vendors, { min: 1, max: 3 })
  return {
    id,
    row: {
      id,
      full_name: fullName,
      contact_email: `${faker.string.alphanumeric(10).toLowerCase()}@example.jp`,
      prefecture_code: prefectureCode,
      headline: `${faker.helpers.arrayElement(['自治体DXの', '業務改革の', 'クラウド移行の', '情報セキュリティの'])}${faker.helpers.arrayElement(['推進を支援します', '経験を活かします', '企画から実装まで担います'])}`,
      desired_roles: desiredRoles,
      desired_appointment_forms: faker.helpers.arrayElements(['tokubetsushoku_hijokin', 'gyomu_itaku', 'tokutei_ninkitsuki'], { min: 1, max: 2 }),
      available_days: days,
      available_days_per: perMonth ? 'month' : 'week',
      earliest_start: earliestStart,
      remote,
      side_job: sideJob,
      regions: [...new Set(regions)],
    },
    exams: exams.map((pass, position) => ({
      candidate_id: id,
      position,
      exam_id: pass.examId,
      fiscal_year: pass.fiscalYear,
      season: pass.season,
      registration_number: pass.registration?.number ?? null,
      registration_is_current: pass.registration ? pass.registration.isCurrent : null,
    })),
    otherCertifications: otherCertificationIds.map((certificationId, position) => ({ candidate_id: id, position, certification_id: certificationId })),
    experiences: experiences.map((entry, position) => ({
      id: entry.id,
      candidate_id: id,
      position,
      starts_on: entry.startsOn,
      ends_on: entry.endsOn,
      organisation: entry.organisation,
      title: entry.title,
      kind: entry.kind,
      team_size: faker.number.int({ min: 1, max: 40 }),
      outcomes: '',
      job_type_ids: entry.jobTypeIds,
    })),
    claims: claims.map((claim, position) => ({
      id: claim.id,
      candidate_id: id,
      position,
      job_type_id: claim.jobTypeId,
      level: claim.level,
      experience_entry_ids: claim.experienceEntryIds,
      description: '経験と実績にもとづく申告',
      verified_by: claim.verification?.verifiedByUserId ?? null,
      verified_by_name: claim.verification?.verifiedByName ?? null,
      verified_by_organisation_code: claim.verification?.localGovernmentCode ?? null,
      verified_by_organisation_name: claim.verification?.organisationName ?? null,
      verified_at: claim.verification?.verifiedAt ?? null,
    })),
    employments: employers.map((employer, index) => {
      const startYear = Math.min(careerStartYear + index * 5, todayYear - 2)
      const endYear = Math.max(Math.min(startYear + 5, todayYear - 1), startYear + 1)
      const current = index === employers.length - 1
      return {
        candidate_id: id,
        corporate_number: employer.corporate_number,
        relationship: current && sideJob ? 'employee' : faker.helpers.arrayElement(['employee', 'employee', 'officer', 'secondee']),
        title: faker.helpers.arrayElement(['主任', '課長', '部長', 'マネージャー', 'エンジニア']),
        starts_on: `${startYear}-04-01`,
        ends_on: current ? null : `${endYear}-03-31`,
      }
    }),
    consents: pools.map((pool) => ({ candidate_id: id, pool, fields: ['headline', 'roles', 'levels', 'certifications', 'availability'] })),
    profile,
  }
}
