/**
 * Display text for a posting's fields, in the form's order: used by the PDF, the client's preview and the public
 * page, so all three say the same thing. Calendar dates appear in 和暦 with the Western year.
 */
import { listingRoleLabels } from '../ministry-list/index.ts'
import { findCertification, findExam, findJobType, experienceKinds } from '../skill-standard/index.ts'
import { formatWareki } from '../wareki.ts'
import {
  appointmentFormLabels,
  criterionImportanceLabels,
  dxAreaLabels,
  involvementLabels,
  payUnitLabels,
  postingRoleLabels,
  selectionStepLabels,
  type Criterion,
  type CriterionAlternative,
  type PostingForm,
} from './form.ts'

const yenFormat = new Intl.NumberFormat('ja-JP')

export function formatYen(amount: number): string {
  return `${yenFormat.format(amount)}円`
}

export function formatDate(date: string | null): string {
  return date ? formatWareki(date, { withWesternYear: true }) : ''
}

function yesNo(value: boolean | null, yes: string, no: string): string {
  return value === null ? '' : value ? yes : no
}

function jobTypeName(id: string): string {
  const jobType = findJobType(id)
  return jobType ? `${jobType.framework} ${jobType.name}` : id
}

function certificationName(id: string): string {
  return findExam(id)?.name ?? findCertification(id)?.name ?? id
}

/** 「デジタル戦略の責任者としてチームを率いた経験」: the kind's own sentence form, never label + 「の経験」. */
function experiencePhrase(kind: string): string {
  return experienceKinds.find((entry) => entry.id === kind)?.experience ?? `${kind}の経験`
}

/** What one alternative asks for, e.g. 「UISS ビジネスストラテジスト、ITSS コンサルタントのいずれかでレベル4相当以上」. */
export function describeAlternative(alternative: CriterionAlternative): string {
  const years = (value: number | null) => (value ? `${value}年以上` : '')
  switch (alternative.kind) {
    case 'job_type_level':
      return `${alternative.jobTypeIds.map(jobTypeName).join('、')}${alternative.jobTypeIds.length > 1 ? 'のいずれか' : ''}でレベル${alternative.minLevel}相当以上`
    case 'certification':
      return `${alternative.certificationIds.map(certificationName).join('、')}${alternative.certificationIds.length > 1 ? 'のいずれか' : ''}の資格`
    case 'experience':
      return `${experiencePhrase(alternative.experienceKind)}${years(alternative.minYears)}`
    case 'local_government_experience':
      return `${experiencePhrase('local_government')}${years(alternative.minYears)}`
    case 'ministry_listing':
      return alternative.roleId === null
        ? '総務省の外部人材リストに掲載されていること'
        : `総務省の外部人材リストに${listingRoleLabels[alternative.roleId]}として掲載されていること`
  }
}

/** One condition in words; an any-of condition reads 「次のいずれか: A 又は B 又は C」. */
export function describeCriterion(criterion: Criterion): string {
  const text = criterion.kind === 'any_of' ? `次のいずれか: ${criterion.alternatives.map(describeAlternative).join(' 又は ')}` : describeAlternative(criterion)
  return criterion.note ? `${text}（${criterion.note}）` : text
}

export function describeCriteria(criteria: readonly Criterion[], importance: Criterion['importance']): string {
  return criteria
    .filter((criterion) => criterion.importance === importance)
    .map((criterion) => `・${describeCriterion(criterion)}`)
    .join('\n')
}

export function describeRole(form: Pick<PostingForm, 'roleId' | 'roleLabel'>): string {
  if (!form.roleId) return ''
  return form.roleId === 'other' ? `その他（${form.roleLabel ?? ''}）` : postingRoleLabels[form.roleId]
}

export function describeWork(form: PostingForm): string {
  const days = form.workDays !== null && form.workDaysPer ? `${form.workDaysPer === 'week' ? '週' : '月'}${form.workDays}日` : ''
  const hours = form.hoursPerDay !== null ? `1日${form.hoursPerDay}時間` : ''
  return [[days, hours].filter(Boolean).join('・'), form.workHoursNote].filter(Boolean).join('\n')
}

export function describePay(form: PostingForm): string {
  const amount = form.payAmount !== null && form.payUnit ? `${payUnitLabels[form.payUnit]} ${formatYen(form.payAmount)}` : ''
  const travel = form.travelCostsPaid === null ? '' : form.travelCostsPaid ? '旅費（交通費）支給あり' : '旅費（交通費）支給なし'
  return [amount, form.payNote, travel].filter(Boolean).join('\n')
}

export interface FieldLine {
  section?: string
  label: string
  value: string
}

/** Every field of the 標準募集様式 as label and text, grouped by section, in the form's order. */
export function postingFieldLines(
  form: Omit<PostingForm, 'budgetAnnualCost' | 'budgetRecruitmentCost'>,
  municipality: { code: string; name: string; prefectureName: string; population: number | null },
  extra: { bidRestrictionTexts: ReadonlyArray<{ text: string }>; jointAppointmentNames: readonly string[] },
): Array<{ section: string; lines: Array<{ label: string; value: string }> }> {
  const full = form as PostingForm
  return [
    {
      section: '募集団体',
      lines: [
        { label: '団体名', value: `${municipality.prefectureName} ${municipality.name}` },
        { label: '団体コード', value: municipality.code },
        { label: '人口', value: municipality.population !== null ? `${yenFormat.format(municipality.population)}人` : '' },
        { label: '担当部署', value: form.department ?? '' },
        { label: '問合せ先', value: [form.contactName, form.contactEmail, form.contactPhone].filter(Boolean).join('\n') },
      ],
    },
    {
      section: '募集ポストと業務',
      lines: [
        { label: '募集ポスト（役職名）', value: form.title ?? '' },
        { label: '人材像（スキル標準）', value: describeRole(form) },
        {
          label: '取組分野と関わり方',
          value: form.dutyAreas.map((duty) => `・${dxAreaLabels[duty.area]}（${involvementLabels[duty.involvement]}）`).join('\n'),
        },
        { label: '期待する役割・業務内容', value: form.dutyDescription ?? '' },
      ],
    },
    {
      section: '求めるスキル・経験・資格',
      lines: [
        { label: criterionImportanceLabels.required, value: describeCriteria(form.criteria, 'required') },
        { label: criterionImportanceLabels.preferred, value: describeCriteria(form.criteria, 'preferred') },
      ],
    },
    {
      section: '任用形態と勤務条件',
      lines: [
        {
          label: '任用形態',
          value: [form.appointmentForm ? appointmentFormLabels[form.appointmentForm] : '', form.appointmentFormNote].filter(Boolean).join('\n'),
        },
        { label: '勤務日数・時間', value: describeWork(full) },
        {
          label: 'リモート勤務',
          value: [yesNo(form.remoteAllowed, '可', '不可'), form.onSiteFrequency ? `出勤: ${form.onSiteFrequency}` : ''].filter(Boolean).join('\n'),
        },
        { label: '副業・兼業', value: yesNo(form.sideJobAllowed, '可', '不可') },
        { label: '勤務地', value: form.workplace ?? '' },
        { label: '報酬', value: describePay(full) },
        {
          label: '任期',
          value: [
            form.termStartsOn || form.termEndsOn ? `${formatDate(form.termStartsOn)} 〜 ${formatDate(form.termEndsOn)}` : '',
            form.renewable === null ? '' : form.renewable ? `更新あり${form.renewalNote ? `（${form.renewalNote}）` : ''}` : '更新なし',
          ]
            .filter(Boolean)
            .join('\n'),
        },
        { label: '募集人数', value: form.openings !== null ? `${form.openings}人` : '' },
        { label: '共同任用', value: extra.jointAppointmentNames.join('、') || (form.jointAppointmentCodes.length === 0 ? 'なし' : '') },
      ],
    },
    {
      section: '募集と選考',
      lines: [
        {
          label: '募集期間',
          value: form.applicationEndsOn ? `${formatDate(form.applicationStartsOn) || '公開日'} 〜 ${formatDate(form.applicationEndsOn)}（必着）` : '',
        },
        { label: '選考方法', value: form.selectionSteps.map((step) => selectionStepLabels[step]).join(' → ') },
        { label: '応募方法', value: form.howToApply ?? '' },
        { label: '募集ページ', value: form.applicationUrl ?? '' },
      ],
    },
    {
      section: '入札制限等・その他',
      lines: [
        {
          label: '入札制限等の規定',
          value: [...extra.bidRestrictionTexts.map((clause) => `・${clause.text}`), form.bidRestriction.note ?? ''].filter(Boolean).join('\n'),
        },
        { label: 'その他', value: form.freeText ?? '' },
      ],
    },
  ]
}
