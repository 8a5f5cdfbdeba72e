/**
 * Checks across fields of the 標準募集様式 that a schema alone cannot make. Both return a list of problems, each
 * with the field's path and a Japanese message; an empty list means "fine". The client runs the same functions
 * while staff type, and the server runs them before it saves or submits.
 */
import type { IsoDate } from '../dates.ts'
import { findCertification, findExam, findJobType } from '../skill-standard/index.ts'
import { APPOINTMENT_FORM_RULES, isPartTime, termProblems } from './appointment-forms.ts'
import type { Criterion, CriterionAlternative, PostingForm } from './form.ts'

export interface FormProblem {
  path: string
  message: string
}

export interface FormFacts {
  /** Today in Japan. */
  today: IsoDate
  /** The posting's own 団体コード, which cannot also be a joint-appointment partner. */
  ownCode: string
  /** The deadline already stored; an unchanged deadline is not re-checked against today (edits after it passed). */
  storedDeadline?: IsoDate | null
}

/** Values that are wrong whenever they are filled in (a draft with them is refused too). */
export function formProblems(form: PostingForm, facts: FormFacts): FormProblem[] {
  const problems: FormProblem[] = []
  const add = (path: string, message: string) => problems.push({ path, message })

  if (form.applicationEndsOn && form.applicationEndsOn !== facts.storedDeadline && form.applicationEndsOn <= facts.today) {
    add('applicationEndsOn', '応募締切日は明日以降の日付にしてください。')
  }
  if (form.applicationStartsOn && form.applicationEndsOn && form.applicationStartsOn > form.applicationEndsOn) {
    add('applicationStartsOn', '募集開始日は応募締切日以前の日付にしてください。')
  }
  if (form.termStartsOn && form.termEndsOn && form.termEndsOn <= form.termStartsOn) {
    add('termEndsOn', '任期の終了日は開始日より後の日付にしてください。')
  }
  if (form.termStartsOn && form.applicationEndsOn && form.termStartsOn < form.applicationEndsOn) {
    add('termStartsOn', '任期の開始日は応募締切日以降の日付にしてください。')
  }
  // The form's caps on the term: 特定任期付職員's five years, 会計年度任用職員's one 年度 (./appointment-forms.ts).
  if (form.appointmentForm && form.termStartsOn && form.termEndsOn && form.termEndsOn > form.termStartsOn) {
    for (const problem of termProblems(form.appointmentForm, { startsOn: form.termStartsOn, endsOn: form.termEndsOn })) add('termEndsOn', problem.message)
  }
  if (form.workDays !== null && form.workDaysPer === 'week' && (form.workDays < 1 || form.workDays > 5)) {
    add('workDays', '週の勤務日数は1〜5日で入力してください。')
  }
  if (form.workDays !== null && form.workDaysPer === 'month' && (form.workDays < 1 || form.workDays > 23)) {
    add('workDays', '月の勤務日数は1〜23日で入力してください。')
  }
  const seen = new Set<string>()
  form.jointAppointmentCodes.forEach((code, index) => {
    if (code === facts.ownCode) add(`jointAppointmentCodes.${index}`, '共同任用の団体に自団体は指定できません。')
    else if (seen.has(code)) add(`jointAppointmentCodes.${index}`, '共同任用の団体が重複しています。')
    seen.add(code)
  })
  const areas = new Set<string>()
  form.dutyAreas.forEach((duty, index) => {
    if (areas.has(duty.area)) add(`dutyAreas.${index}.area`, '同じ取組分野が重複しています。')
    areas.add(duty.area)
  })
  problems.push(...criterionReferenceProblems(form.criteria))
  return problems
}

/**
 * Job types and certifications a condition names must be in the skill standard's lists (UISS/ITSS 職種, IPA 試験
 * and other certifications): an unknown id could never be met and would print as a raw code. Each problem names
 * the row (and the alternative) as staff see it.
 */
export function criterionReferenceProblems(criteria: readonly Criterion[]): FormProblem[] {
  const problems: FormProblem[] = []
  const check = (alternative: CriterionAlternative, path: string, where: string) => {
    if (alternative.kind === 'job_type_level') {
      alternative.jobTypeIds.forEach((id, index) => {
        if (!findJobType(id))
          problems.push({ path: `${path}.jobTypeIds.${index}`, message: `${where}: 職種「${id}」はスキル標準の一覧にありません。一覧から選んでください。` })
      })
    }
    if (alternative.kind === 'certification') {
      alternative.certificationIds.forEach((id, index) => {
        if (!findExam(id) && !findCertification(id))
          problems.push({ path: `${path}.certificationIds.${index}`, message: `${where}: 資格「${id}」は資格の一覧にありません。一覧から選んでください。` })
      })
    }
  }
  criteria.forEach((criterion, row) => {
    const where = `条件の${row + 1}行目`
    if (criterion.kind !== 'any_of') return check(criterion, `criteria.${row}`, where)
    criterion.alternatives.forEach((alternative, index) => check(alternative, `criteria.${row}.alternatives.${index}`, `${where}の選択肢${index + 1}`))
  })
  return problems
}

const MISSING: ReadonlyArray<[keyof PostingForm, string]> = [
  ['department', '担当部署を入力してください。'],
  ['contactName', '問合せ先の担当者名を入力してください。'],
  ['title', '募集ポスト（役職名）を入力してください。'],
  ['roleId', '人材像を選んでください。'],
  ['dutyDescription', '期待する役割・業務内容を入力してください。'],
  ['appointmentForm', '任用形態を選んでください。'],
  ['workDaysPer', '勤務日数の単位（週・月）を選んでください。'],
  ['workDays', '勤務日数を入力してください。'],
  ['remoteAllowed', 'リモート勤務の可否を選んでください。'],
  ['sideJobAllowed', '副業・兼業の可否を選んでください。'],
  ['workplace', '勤務地を入力してください。'],
  ['payAmount', '報酬額を入力してください。'],
  ['payUnit', '報酬の単位を選んでください。'],
  ['termStartsOn', '任期の開始日を入力してください。'],
  ['termEndsOn', '任期の終了日を入力してください。'],
  ['openings', '募集人数を入力してください。'],
  ['applicationEndsOn', '応募締切日を入力してください。'],
  ['howToApply', '応募方法を入力してください。'],
]

/** What a submission to the prefecture still lacks (手順書 参考4.4-⑭; 手順書 §4.4(1)(2) ask for duties and skills). */
export function completenessProblems(form: PostingForm): FormProblem[] {
  const isBlank = (value: unknown) => value === null || (typeof value === 'string' && value.trim() === '')
  const problems: FormProblem[] = MISSING.filter(([field]) => isBlank(form[field])).map(([path, message]) => ({ path, message }))
  if (!form.contactEmail && !form.contactPhone) problems.push({ path: 'contactEmail', message: '問合せ先のメールアドレスか電話番号を入力してください。' })
  if (form.roleId === 'other' && !form.roleLabel) problems.push({ path: 'roleLabel', message: '人材像が「その他」のときは名称を入力してください。' })
  if (form.appointmentForm === 'other' && !form.appointmentFormNote) {
    problems.push({ path: 'appointmentFormNote', message: '任用形態が「その他」のときは内容を入力してください。' })
  }
  // 手順書 §4.4(1): at least say which initiatives the person is to work on.
  if (form.dutyAreas.length === 0) problems.push({ path: 'dutyAreas', message: '関わってほしい取組分野を1つ以上選んでください。' })
  // 手順書 §4.4(2): the skills sought must be stated.
  if (form.criteria.length === 0) problems.push({ path: 'criteria', message: '求めるスキル・経験・資格を1つ以上入力してください。' })
  if (form.selectionSteps.length === 0) problems.push({ path: 'selectionSteps', message: '選考方法を1つ以上選んでください。' })
  problems.push(...appointmentFormConflicts(form))
  if (form.remoteAllowed === true && !form.onSiteFrequency) {
    problems.push({ path: 'onSiteFrequency', message: 'リモート可のときは出勤（来庁）の頻度を入力してください。' })
  }
  return problems
}

/**
 * Working conditions the chosen 任用形態 contradicts, with the reason: 特定任期付職員 is a full-time post, and its
 * 兼業 needs the 任命権者's permission (手順書 参考4.4-⑥; 地公法 第38条), so a part-time posting or one offering
 * 副業・兼業「可」 without condition misleads applicants. The editor shows these as staff choose; a submission is
 * refused with them.
 */
export function appointmentFormConflicts(form: PostingForm): FormProblem[] {
  if (!form.appointmentForm) return []
  const rules = APPOINTMENT_FORM_RULES[form.appointmentForm]
  const problems: FormProblem[] = []
  if (rules.fullTime && isPartTime(form.workDays, form.workDaysPer)) {
    problems.push({
      path: 'workDays',
      message: '特定任期付職員はフルタイム（常勤）の職です。週5日（月20日）未満の勤務なら特別職非常勤職員などを選んでください。',
    })
  }
  if (rules.sideJobNeedsPermission && form.sideJobAllowed === true) {
    problems.push({
      path: 'sideJobAllowed',
      message:
        '特定任期付職員の兼業には任命権者の許可が必要です（地方公務員法第38条）。副業・兼業は「不可」とし、許可を得て兼業できる場合はその旨を任用形態の補足に書いてください。',
    })
  }
  return problems
}
