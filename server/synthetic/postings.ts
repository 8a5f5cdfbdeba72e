/**
 * Synthetic published postings in the 標準募集様式: municipalities spread over the country, roles weighted toward
 * CIO補佐官 (プロデューサー), criteria from the role preset with the edits municipalities typically make (relax the
 * level gate, add years, ask for ITストラテジスト as §4.4(2)'s example, insist on local-government work), and
 * working conditions that are mostly part-time, remote-friendly and open to 副業.
 */
import type { Faker } from '@faker-js/faker'
import { addDays, type IsoDate } from '#shared/domain/dates'
import { type Criterion, PostingForm } from '#shared/domain/postings/form'
import { presetCriteria } from '#shared/domain/postings/presets'
import { normalizeForSearch } from '#shared/domain/search-text'
import { findRole, type RoleId } from '#shared/domain/skill-standard/index'

export interface Municipality {
  code: string
  name: string
  prefectureCode: string
}

export interface SyntheticPosting {
  row: Record<string, unknown>
  criteria: Record<string, unknown>[]
}

const TITLES: Record<RoleId | 'other', string[]> = {
  producer: ['CIO補佐官', 'DX推進アドバイザー', 'デジタル戦略統括監'],
  project_manager: ['DXプロジェクトマネージャー', '基幹システム標準化PM'],
  service_designer: ['サービスデザイナー', '行政手続オンライン化デザイナー'],
  engineer: ['デジタル推進エンジニア', 'RPA・ローコード推進員'],
  other: ['情報セキュリティアドバイザー', 'データ活用推進員'],
}

function criteriaFor(faker: Faker, roleId: RoleId | 'other'): Criterion[] {
  const role = roleId === 'other' ? undefined : findRole(roleId)
  const criteria: Criterion[] = role
    ? presetCriteria(role).criteria
    : [{ kind: 'experience', importance: 'required', experienceKind: 'security', minYears: 3, note: null }]
  // Most municipalities insist on the standard's level-or-certification row; some also ask for years.
  const withYears = <T extends { kind: string; minYears?: number | null }>(alternative: T): T =>
    alternative.kind === 'experience' && alternative.minYears === null && faker.number.float() < 0.3
      ? { ...alternative, minYears: faker.helpers.arrayElement([2, 3, 5]) }
      : alternative
  const edited = criteria.map((criterion, index): Criterion => {
    const insisted: Criterion = index === 0 && faker.number.float() < 0.7 ? { ...criterion, importance: 'required' } : criterion
    return insisted.kind === 'any_of' ? { ...insisted, alternatives: insisted.alternatives.map(withYears) } : withYears(insisted)
  })
  if (faker.number.float() < 0.12) edited.push({ kind: 'certification', importance: 'required', certificationIds: ['ST'], note: null })
  if (faker.number.float() < 0.1) edited.push({ kind: 'local_government_experience', importance: 'required', minYears: null, note: null })
  return edited
}

export function generatePosting(faker: Faker, municipality: Municipality, today: IsoDate): SyntheticPosting {
  const id = faker.string.uuid()
  const roleId = faker.helpers.weightedArrayElement([
    { value: 'producer' as const, weight: 45 },
    { value: 'project_manager' as const, weight: 22 },
    { value: 'service_designer' as const, weight: 14 },
    { value: 'engineer' as const, weight: 13 },
    { value: 'other' as const, weight: 6 },
  ])
  const termStartsOn = addDays(today, faker.number.int({ min: 30, max: 270 }))
  const criteria = criteriaFor(faker, roleId)
  const appointmentForm = faker.helpers.arrayElement(['tokubetsushoku_hijokin', 'gyomu_itaku', 'tokutei_ninkitsuki'] as const)
  const fullTime = appointmentForm === 'tokutei_ninkitsuki'
  const form = PostingForm.parse({
    department: 'デジタル推進課',
    contactName: `${faker.person.lastName()} ${faker.person.firstName()}`,
    contactEmail: 'dx@city.example.jp',
    title: faker.helpers.arrayElement(TITLES[roleId]),
    roleId,
    roleLabel: roleId === 'other' ? '専門アドバイザー' : null,
    dutyAreas: [{ area: 'overall_policy', involvement: 'lead' }],
    dutyDescription: '庁内のDX推進を支援する。',
    criteria,
    appointmentForm,
    // 特定任期付職員 is full time and its 兼業 needs permission (手順書 参考4.4-⑥)
    workDaysPer: fullTime ? 'week' : faker.number.float() < 0.2 ? 'month' : 'week',
    workDays: fullTime
      ? 5
      : faker.helpers.weightedArrayElement([
          { value: 1, weight: 3 },
          { value: 2, weight: 4 },
          { value: 3, weight: 2 },
          { value: 4, weight: 1 },
          { value: 5, weight: 1 },
        ]),
    hoursPerDay: 7.5,
    remoteAllowed: faker.number.float() < 0.7,
    sideJobAllowed: !fullTime && faker.number.float() < 0.75,
    workplace: `${municipality.name}役所`,
    payAmount: faker.number.int({ min: 20, max: 60 }) * 1000,
    payUnit: 'daily',
    termStartsOn,
    termEndsOn: addDays(termStartsOn, 364),
    openings: 1,
    applicationStartsOn: addDays(today, -faker.number.int({ min: 0, max: 30 })),
    applicationEndsOn: addDays(today, faker.number.int({ min: 7, max: 60 })),
    selectionSteps: ['documents', 'interview_online'],
    howToApply: 'メールで応募してください。',
  })
  const { criteria: parsedCriteria, ...stored } = form
  const published = `${today}T00:00:00.000Z`
  return {
    row: {
      id,
      municipality_code: municipality.code,
      prefecture_code: municipality.prefectureCode,
      state: 'published',
      form: stored,
      title: form.title,
      role_id: roleId,
      appointment_form: form.appointmentForm,
      remote_allowed: form.remoteAllowed,
      side_job_allowed: form.sideJobAllowed,
      application_ends_on: form.applicationEndsOn,
      search_text: normalizeForSearch(`${form.title ?? ''}${municipality.name}`),
      submitted_at: published,
      forwarded_at: published,
      published_at: published,
    },
    criteria: parsedCriteria.map((criterion, position) => ({
      posting_id: id,
      position,
      importance: criterion.importance,
      kind: criterion.kind,
      job_type_ids: criterion.kind === 'job_type_level' ? criterion.jobTypeIds : null,
      min_level: criterion.kind === 'job_type_level' ? criterion.minLevel : null,
      certification_ids: criterion.kind === 'certification' ? criterion.certificationIds : null,
      experience_kind: criterion.kind === 'experience' ? criterion.experienceKind : null,
      min_years: criterion.kind === 'experience' || criterion.kind === 'local_government_experience' ? criterion.minYears : null,
      // absent (SQL NULL) unless any-of: a JSON null would not be NULL
      ...(criterion.kind === 'any_of' ? { alternatives: criterion.alternatives } : {}),
      note: criterion.note,
    })),
  }
}
