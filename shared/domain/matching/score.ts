/**
 * Matching score with its explanation: pure, deterministic, no I/O.
 *
 * - Required criteria are gates: a candidate is eligible when every one is met. A self-declared level counts
 *   (手順書 参考4.4-③: ability proven by experience is equivalent), but it is flagged and weighs less.
 * - Preferred criteria share the base pool by weight, with partial credit for "almost" (a level one below the
 *   minimum; experience short by less than a year). A posting with no preferred criteria spreads the base pool
 *   over its required ones, so a perfect fit still reads high.
 * - A small bonus pool rewards exceeding a minimum (level above it, years beyond it), so the total stays ≤ 100.
 * - Every line carries its points, its maximum and the facts behind it; the score is the sum of the lines, each
 *   rounded once by `roundPoints`.
 */
import { daysBetween } from '../dates.ts'
import type { AnyOfCriterion, CandidateFacts, CriterionAlternative, MatchCriterion, PostingCriteria, ScoreOptions, SkillCriterion } from './inputs.ts'
import { formatFiscalYearWareki } from '../wareki.ts'
import {
  certificationName,
  countedCertificationIds,
  criterionLabel,
  experienceKindName,
  formatMonths,
  jobTypeName,
  listingRoleName,
  remoteModeLabels,
} from './labels.ts'
import type { CriterionLine, CriterionStatus, Evidence, MatchCriterionKind, MatchFlag, MatchGap, MatchResult } from './schema.ts'
import { defaultWeight, type WeightedKind } from './weights.ts'

export const SCORE_MAX = 100
/** Points reserved for exceeding minimums; the base pool is the rest. */
export const BONUS_POOL = 10
/** Credit for "almost": a level one below the minimum, experience short by less than a year, one day short. */
export const PARTIAL_CREDIT = 0.5
/** Weight of a self-declared, unverified level relative to a derived or verified one (手順書 参考4.4-②). */
export const SELF_DECLARED_FACTOR = 0.8
/** Levels above the minimum that earn the whole bonus of a line. */
export const LEVELS_FOR_FULL_BONUS = 2
/** Months beyond the minimum that earn the whole bonus of a line. */
export const MONTHS_FOR_FULL_BONUS = 60
/** Days after the term start within which a later start still counts partly. */
export const START_GRACE_DAYS = 30

/** The scorer's one rounding: half up to whole points. Monotone, so more credit never rounds to fewer points. */
export function roundPoints(value: number): number {
  return Math.floor(value + 0.5 + 1e-9)
}

/** Experience is counted in whole months so that the server's precomputed rows and this scorer agree exactly. */
export function wholeMonths(years: number): number {
  return Number.isFinite(years) && years > 0 ? Math.floor(years * 12 + 1e-6) : 0
}

/** Days a week to one decimal; days a month count as 12/52 of that a week. */
export function daysPerWeekOf(days: number, per: 'week' | 'month'): number {
  return per === 'week' ? Math.round(days * 10) / 10 : Math.round(((days * 12) / 52) * 10) / 10
}

/** Months an experience criterion asks for; "some experience" (no or zero years) is one month. */
export function requiredMonths(minYears: number | null): number {
  return minYears === null || minYears <= 0 ? 1 : Math.ceil(minYears * 12 - 1e-6)
}

const KIND_ORDER: readonly MatchCriterionKind[] = [
  'job_type_level',
  'certification',
  'experience',
  'local_government_experience',
  'ministry_listing',
  'any_of',
  'days_per_week',
  'remote',
  'side_job',
  'start_date',
  'region',
]

export const BONUS_KINDS: ReadonlySet<MatchCriterionKind> = new Set(['job_type_level', 'experience', 'local_government_experience'])

/** The criterion as it stands for one of its alternatives: the group's id, importance and note. */
export function alternativeCriterion(group: AnyOfCriterion, alternative: CriterionAlternative): SkillCriterion {
  return { ...alternative, id: group.id, importance: group.importance, note: group.note ?? null }
}

/** An any-of criterion weighs as its heaviest alternative's kind; the others weigh as their own kind. */
export function weightKindOf(roleId: string | null, criterion: MatchCriterion): WeightedKind {
  if (criterion.kind !== 'any_of') return criterion.kind
  let best: WeightedKind = criterion.alternatives[0]?.kind ?? 'job_type_level'
  for (const alternative of criterion.alternatives) {
    if (defaultWeight(roleId, alternative.kind) > defaultWeight(roleId, best)) best = alternative.kind
  }
  return best
}

/** Whether the line can earn bonus points: a level or years above the minimum, in itself or in an alternative. */
function earnsBonus(criterion: MatchCriterion): boolean {
  return criterion.kind === 'any_of' ? criterion.alternatives.some((alternative) => BONUS_KINDS.has(alternative.kind)) : BONUS_KINDS.has(criterion.kind)
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Output order of lines: required first, then by kind, then by id; independent of the input order. */
function compareCriteria(a: MatchCriterion, b: MatchCriterion): number {
  return (
    Number(a.importance !== 'required') - Number(b.importance !== 'required') ||
    KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
    compareText(a.id, b.id) ||
    compareText(JSON.stringify(a), JSON.stringify(b))
  )
}

export interface PlannedLine {
  criterion: MatchCriterion
  label: string
  required: boolean
  weight: number
  /** Most base points the line can earn. */
  maxBase: number
  /** Most bonus points the line can earn. */
  maxBonus: number
}

/** A posting's criteria with their points fixed: independent of any candidate, so computed once per ranking. */
export interface ScoringPlan {
  postingId: string
  lines: PlannedLine[]
}

/** Splits `pool` whole points in proportion to the weights (largest remainder; ties go to the earlier entry). */
export function allocatePoints(pool: number, weights: readonly number[]): number[] {
  const total = weights.reduce((sum, weight) => sum + weight, 0)
  if (pool <= 0 || total <= 0) return weights.map(() => 0)
  const quotas = weights.map((weight) => (pool * weight) / total)
  const points = quotas.map((quota) => Math.floor(quota + 1e-9))
  let rest = pool - points.reduce((sum, value) => sum + value, 0)
  const order = quotas
    .map((quota, index) => ({ index, fraction: quota - points[index]! }))
    .filter((entry) => weights[entry.index]! > 0)
    .sort((a, b) => b.fraction - a.fraction || a.index - b.index)
  for (const { index } of order) {
    if (rest <= 0) break
    points[index]! += 1
    rest -= 1
  }
  return points
}

function resolvedWeight(posting: PostingCriteria, criterion: MatchCriterion, sameKind: number): number {
  const chosen = posting.weights?.[criterion.id] ?? criterion.weight
  // A kind's default weight is shared by the posting's criteria of that kind, so that listing the role's three
  // alternative experiences does not make experience outweigh everything else.
  const weight = chosen ?? defaultWeight(posting.roleId, weightKindOf(posting.roleId, criterion)) / sameKind
  return Number.isFinite(weight) && weight > 0 ? weight : 0
}

/** The default weight of each criterion of a posting (its kind's weight shared by the criteria of that kind). */
export function defaultWeights(roleId: string | null, criteria: readonly MatchCriterion[]): number[] {
  const kinds = criteria.map((criterion) => weightKindOf(roleId, criterion))
  const perKind = new Map<WeightedKind, number>()
  for (const kind of kinds) perKind.set(kind, (perKind.get(kind) ?? 0) + 1)
  return kinds.map((kind) => defaultWeight(roleId, kind) / perKind.get(kind)!)
}

/** Fixes each criterion's label, weight and maximum points for one posting. */
export function planScoring(posting: PostingCriteria): ScoringPlan {
  const criteria = [...posting.criteria].sort(compareCriteria)
  const kinds = criteria.map((criterion) => weightKindOf(posting.roleId, criterion))
  const perKind = new Map<WeightedKind, number>()
  for (const kind of kinds) perKind.set(kind, (perKind.get(kind) ?? 0) + 1)
  const weights = criteria.map((criterion, index) => resolvedWeight(posting, criterion, perKind.get(kinds[index]!)!))

  const hasPreferred = criteria.some((criterion) => criterion.importance === 'preferred')
  const baseWeights = criteria.map((criterion, index) => (!hasPreferred || criterion.importance === 'preferred' ? weights[index]! : 0))
  const bonusWeights = criteria.map((criterion, index) => (earnsBonus(criterion) ? weights[index]! : 0))
  const bonusPool = bonusWeights.some((weight) => weight > 0) ? BONUS_POOL : 0
  const maxBase = allocatePoints(SCORE_MAX - bonusPool, baseWeights)
  const maxBonus = allocatePoints(bonusPool, bonusWeights)

  return {
    postingId: posting.postingId,
    lines: criteria.map((criterion, index) => ({
      criterion,
      label: criterionLabel(criterion),
      required: criterion.importance === 'required',
      weight: weights[index]!,
      maxBase: maxBase[index]!,
      maxBonus: maxBonus[index]!,
    })),
  }
}

/** How one criterion came out for one candidate, before points. */
interface Outcome {
  status: CriterionStatus
  /** Share of the base points earned, 0–1. */
  credit: number
  /** Share of the bonus points earned, 0–1. */
  bonusFraction: number
  selfDeclared: boolean
  evidence: Evidence[]
  /** What is missing, for the gap list; null when met. */
  gap: string | null
}

const note = (text: string): Evidence => ({ type: 'note', refId: null, text, selfDeclared: false })

const STATUS_RANK: Record<CriterionStatus, number> = { met: 2, partly_met: 1, not_met: 0 }

const BASIS_TEXT = {
  exam: '試験合格による',
  exam_and_experience: '試験合格と実務経験による',
  experience: '経験・実績による',
} as const

function pointsOf(line: PlannedLine, outcome: Outcome): { base: number; bonus: number } {
  return { base: roundPoints(line.maxBase * outcome.credit), bonus: roundPoints(line.maxBonus * outcome.bonusFraction) }
}

function evaluateLevel(line: PlannedLine, criterion: Extract<MatchCriterion, { kind: 'job_type_level' }>, facts: CandidateFacts): Outcome {
  const wanted = new Set(criterion.jobTypeIds)
  const options = facts.levels
    .filter((held) => wanted.has(held.jobTypeId))
    .map((held): Outcome & { level: number; key: string } => {
      const factor = held.selfDeclared ? SELF_DECLARED_FACTOR : 1
      const status: CriterionStatus = held.level >= criterion.minLevel ? 'met' : held.level === criterion.minLevel - 1 ? 'partly_met' : 'not_met'
      const credit = status === 'met' ? factor : status === 'partly_met' ? PARTIAL_CREDIT * factor : 0
      const bonusFraction = status === 'met' ? Math.min(1, (held.level - criterion.minLevel) / LEVELS_FOR_FULL_BONUS) * factor : 0
      const evidence: Evidence[] = [
        {
          type: 'level',
          refId: held.jobTypeId,
          text: `${jobTypeName(held.jobTypeId)} レベル${held.level}（${BASIS_TEXT[held.basis]}${held.selfDeclared ? '・自己申告' : ''}）`,
          selfDeclared: held.selfDeclared,
        },
        ...[...(held.evidence ?? [])]
          .sort((a, b) => compareText(a.id, b.id) || compareText(a.text, b.text))
          .map((ref): Evidence => ({ type: 'level', refId: ref.id, text: ref.text, selfDeclared: held.selfDeclared })),
      ]
      if (held.selfDeclared && status !== 'not_met') {
        evidence.push(
          note(
            `自己申告のレベルで、自治体・都道府県の職員による確認前です。経験による同等の能力として扱い、配点の${SELF_DECLARED_FACTOR * 10}割で計算しています。`,
          ),
        )
      }
      const gap =
        status === 'met'
          ? null
          : `${line.label}が必要です（現在: ${jobTypeName(held.jobTypeId)} レベル${held.level}、あと${criterion.minLevel - held.level}レベル）`
      // Tie-break key for two records that score alike, so their input order cannot matter.
      const key = `${held.jobTypeId}|${held.basis}|${evidence.map((item) => `${item.refId}|${item.text}`).join('|')}`
      return { status, credit, bonusFraction, selfDeclared: held.selfDeclared, evidence, gap, level: held.level, key }
    })
  if (options.length === 0) {
    return {
      status: 'not_met',
      credit: 0,
      bonusFraction: 0,
      selfDeclared: false,
      evidence: [note('該当する職種のレベルは登録されていません。')],
      gap: `${line.label}が必要です（該当する職種のレベルは未登録）`,
    }
  }
  const total = (outcome: Outcome) => {
    const points = pointsOf(line, outcome)
    return points.base + points.bonus
  }
  options.sort(
    (a, b) =>
      STATUS_RANK[b.status] - STATUS_RANK[a.status] ||
      total(b) - total(a) ||
      Number(a.selfDeclared) - Number(b.selfDeclared) ||
      b.level - a.level ||
      compareText(a.key, b.key),
  )
  return options[0]!
}

function evaluateCertification(line: PlannedLine, criterion: Extract<MatchCriterion, { kind: 'certification' }>, facts: CandidateFacts): Outcome {
  const wanted = new Set(criterion.certificationIds)
  const matched = new Map<string, Evidence>()
  for (const held of facts.certifications) {
    for (const counted of countedCertificationIds(held.id)) {
      if (!wanted.has(counted.id) || matched.has(`${counted.id}|${held.id}`)) continue
      const name = held.name ?? certificationName(held.id)
      const text = counted.via === null ? name : `${name}（${certificationName(counted.id)}として扱う）`
      matched.set(`${counted.id}|${held.id}`, { type: 'certification', refId: held.id, text, selfDeclared: false })
    }
  }
  const evidence = [...matched.entries()].sort(([a], [b]) => compareText(a, b)).map(([, value]) => value)
  if (evidence.length > 0) return { status: 'met', credit: 1, bonusFraction: 0, selfDeclared: false, evidence, gap: null }
  // A registered qualification (情報処理安全確保支援士) counts only with a current registration (試験制度).
  const unregistered = (facts.unregisteredQualificationIds ?? []).filter((id) => wanted.has(id))
  if (unregistered.length > 0) {
    const names = unregistered.map(certificationName).join('、')
    return {
      status: 'not_met',
      credit: 0,
      bonusFraction: 0,
      selfDeclared: false,
      evidence: [note(`${names}の試験には合格していますが、プロフィールで「登録は有効」になっていないため、登録された資格として数えていません。`)],
      gap: `${line.label}が必要です（${names}は登録が有効であること）`,
    }
  }
  return {
    status: 'not_met',
    credit: 0,
    bonusFraction: 0,
    selfDeclared: false,
    evidence: [note('該当する資格がプロフィールにありません。')],
    gap: `${line.label}が必要です`,
  }
}

/** 総務省 外部人材リスト (手順書 参考4.4-⑤): met when the ministry selected the person for the role (any role if none). */
function evaluateListing(line: PlannedLine, criterion: Extract<MatchCriterion, { kind: 'ministry_listing' }>, facts: CandidateFacts): Outcome {
  const listing = facts.ministryListing ?? null
  if (listing === null) {
    return {
      status: 'not_met',
      credit: 0,
      bonusFraction: 0,
      selfDeclared: false,
      evidence: [note('総務省の外部人材リストに登録されていません。')],
      gap: `${line.label}が必要です`,
    }
  }
  const roles = listing.roles.map(listingRoleName).join('・')
  const text = `総務省 外部人材リスト: ${roles}（${formatFiscalYearWareki(listing.fiscalYear)}選定・${listing.trainingCompleted ? '研修修了' : '研修未修了'}）`
  const evidence: Evidence[] = [{ type: 'listing', refId: null, text, selfDeclared: false }]
  if (criterion.roleId === null || listing.roles.includes(criterion.roleId)) {
    return { status: 'met', credit: 1, bonusFraction: 0, selfDeclared: false, evidence, gap: null }
  }
  return {
    status: 'not_met',
    credit: 0,
    bonusFraction: 0,
    selfDeclared: false,
    evidence: [...evidence, note(`${listingRoleName(criterion.roleId)}としては選定されていません。`)],
    gap: `${line.label}が必要です（選定された人材像: ${roles}）`,
  }
}

function evaluateYears(line: PlannedLine, kind: CandidateFacts['experiences'][number]['kind'], minYears: number | null, facts: CandidateFacts): Outcome {
  const held = facts.experiences.filter((experience) => experience.kind === kind)
  const months = held.reduce((best, experience) => Math.max(best, wholeMonths(experience.years)), 0)
  const needed = requiredMonths(minYears)
  const entries = new Map<string, Evidence>()
  for (const experience of held) {
    for (const entry of experience.entries ?? []) {
      entries.set(`${entry.id}|${entry.text}`, { type: 'experience', refId: entry.id, text: entry.text, selfDeclared: false })
    }
  }
  const evidence = [...entries.entries()].sort(([a], [b]) => compareText(a, b)).map(([, value]) => value)
  const wantedText = minYears === null || minYears <= 0 ? 'あり' : `${formatMonths(needed)}以上`
  evidence.push(note(`${experienceKindName(kind)}: ${months > 0 ? formatMonths(months) : 'なし'}（求める経験: ${wantedText}）`))
  if (months >= needed) {
    const bonusFraction = Math.min(1, (months - needed) / MONTHS_FOR_FULL_BONUS)
    return { status: 'met', credit: 1, bonusFraction, selfDeclared: false, evidence, gap: null }
  }
  const short = needed - months
  const partly = months > 0 && short < 12
  return {
    status: partly ? 'partly_met' : 'not_met',
    credit: partly ? PARTIAL_CREDIT : 0,
    bonusFraction: 0,
    selfDeclared: false,
    evidence,
    gap: months > 0 ? `${line.label}が必要です（あと${formatMonths(short)}）` : `${line.label}が必要です（該当する経験は未登録）`,
  }
}

const AVAILABILITY_CREDIT: Record<CriterionStatus, number> = { met: 1, partly_met: PARTIAL_CREDIT, not_met: 0 }

/** Points of an availability line (days, remote, 副業, start, region), which depend on its status alone. */
export function availabilityPoints(line: PlannedLine, status: CriterionStatus): number {
  return roundPoints(line.maxBase * AVAILABILITY_CREDIT[status])
}

function availabilityOutcome(status: CriterionStatus, text: string, gap: string): Outcome {
  return {
    status,
    credit: AVAILABILITY_CREDIT[status],
    bonusFraction: 0,
    selfDeclared: false,
    evidence: [{ type: 'availability', refId: null, text, selfDeclared: false }],
    gap: status === 'met' ? null : gap,
  }
}

/** The line as it stands for one alternative: same points, the alternative's own label for its gap text. */
export function alternativeLine(line: PlannedLine & { criterion: AnyOfCriterion }, alternative: CriterionAlternative): PlannedLine {
  const criterion = alternativeCriterion(line.criterion, alternative)
  return { ...line, criterion, label: criterionLabel(criterion) }
}

/**
 * Any of (手順書 参考4.4-④ 「以下のいずれかのスキルレベル又は資格」): the status is the best alternative's and the
 * points the most any alternative earns; the explanation is the alternative with the best status (then points).
 * A met alternative never earns fewer points than one partly met, so both are the same alternative.
 */
function evaluateAnyOf(line: PlannedLine & { criterion: AnyOfCriterion }, facts: CandidateFacts): Outcome {
  const outcomes = line.criterion.alternatives.map((alternative) => {
    const memberLine = alternativeLine(line, alternative)
    const outcome = evaluate(memberLine, facts)
    const points = pointsOf(line, outcome)
    return { outcome, label: memberLine.label, total: points.base + points.bonus }
  })
  const best = outcomes.reduce((a, b) =>
    STATUS_RANK[b.outcome.status] > STATUS_RANK[a.outcome.status] || (STATUS_RANK[b.outcome.status] === STATUS_RANK[a.outcome.status] && b.total > a.total)
      ? b
      : a,
  )
  const { outcome } = best
  if (outcome.status === 'not_met') {
    return {
      ...outcome,
      evidence: [note('どの選択肢も満たしていません。'), ...outcome.evidence],
      gap: `次のいずれかが必要です: ${outcomes.map((entry) => entry.label).join(' 又は ')}`,
    }
  }
  const via = note(`選択肢「${best.label}」${outcome.status === 'met' ? 'で満たしています' : 'を一部満たしています'}。`)
  return {
    ...outcome,
    evidence: [via, ...outcome.evidence],
    gap: outcome.gap === null ? null : `次のいずれかを満たす必要があります。最も近いもの: ${outcome.gap}`,
  }
}

function evaluate(line: PlannedLine, facts: CandidateFacts): Outcome {
  const criterion = line.criterion
  const availability = facts.availability
  switch (criterion.kind) {
    case 'any_of':
      return evaluateAnyOf({ ...line, criterion }, facts)
    case 'job_type_level':
      return evaluateLevel(line, criterion, facts)
    case 'certification':
      return evaluateCertification(line, criterion, facts)
    case 'experience':
      return evaluateYears(line, criterion.experienceKind, criterion.minYears, facts)
    case 'local_government_experience':
      return evaluateYears(line, 'local_government', criterion.minYears, facts)
    case 'ministry_listing':
      return evaluateListing(line, criterion, facts)
    case 'days_per_week': {
      const days = availability.daysPerWeek
      if (days === null) return availabilityOutcome('not_met', '勤務できる日数は未登録です。', `${line.label}必要があります（勤務できる日数が未登録）`)
      const status: CriterionStatus = days >= criterion.minDaysPerWeek ? 'met' : days > 0 && days >= criterion.minDaysPerWeek - 1 ? 'partly_met' : 'not_met'
      return availabilityOutcome(status, `勤務できる日数: 週${days}日`, `週${criterion.minDaysPerWeek}日以上の勤務が必要です（現在: 週${days}日）`)
    }
    case 'remote': {
      const mode = remoteModeLabels[criterion.remote]
      if (availability.remote !== 'required') {
        const wish = availability.remote === 'preferred' ? 'リモート勤務を希望（必須ではない）' : 'リモート勤務の希望なし'
        return availabilityOutcome('met', `${wish}／募集: ${mode}`, '')
      }
      const status: CriterionStatus = criterion.remote === 'full' ? 'met' : criterion.remote === 'partial' ? 'partly_met' : 'not_met'
      return availabilityOutcome(status, `リモート勤務が必須／募集: ${mode}`, `リモート勤務が必須ですが、募集は${mode}です`)
    }
    case 'side_job': {
      if (!availability.needsSideJob) return availabilityOutcome('met', '現在の仕事を続けずに勤務できる', '')
      return criterion.sideJobAllowed
        ? availabilityOutcome('met', '副業・兼業として勤務／募集: 副業・兼業可', '')
        : availabilityOutcome('not_met', '副業・兼業として勤務を希望／募集: 副業・兼業不可', '募集は副業・兼業不可です（現在の仕事を続けたまま勤務を希望）')
    }
    case 'start_date': {
      const earliest = availability.earliestStart
      if (earliest === null || earliest <= criterion.termStartsOn) {
        return availabilityOutcome('met', `着任可能日: ${earliest ?? 'すぐに可'}／任期の開始: ${criterion.termStartsOn}`, '')
      }
      const late = daysBetween(criterion.termStartsOn, earliest)
      return availabilityOutcome(
        late <= START_GRACE_DAYS ? 'partly_met' : 'not_met',
        `着任可能日: ${earliest}／任期の開始: ${criterion.termStartsOn}（${late}日後）`,
        `${criterion.termStartsOn} までの着任が必要です（着任可能日: ${earliest}）`,
      )
    }
    case 'region': {
      const place = criterion.prefectureName ?? `都道府県コード${criterion.prefectureCode}`
      if (criterion.remote === 'full') return availabilityOutcome('met', 'フルリモート可のため勤務地を問いません', '')
      if (facts.prefectureCode === criterion.prefectureCode) return availabilityOutcome('met', `居住地: ${place}`, '')
      if (facts.regions.includes(criterion.prefectureCode)) return availabilityOutcome('met', `勤務できる地域に${place}を含む`, '')
      if (criterion.localGovernmentCode !== undefined && facts.regions.includes(criterion.localGovernmentCode)) {
        return availabilityOutcome('met', '勤務できる地域にこの団体を含む', '')
      }
      return availabilityOutcome(
        criterion.remote === 'partial' ? 'partly_met' : 'not_met',
        `勤務できる地域に${place}を含まない${criterion.remote === 'partial' ? '（一部リモート可）' : ''}`,
        `${place}での勤務が必要です`,
      )
    }
  }
}

/** One explanation line; exported so that the server's SQL ranking can tabulate lines from this same code. */
export function scoreLine(line: PlannedLine, facts: CandidateFacts): CriterionLine & { selfDeclared: boolean; gap: string | null } {
  const outcome = evaluate(line, facts)
  const points = pointsOf(line, outcome)
  const evidence = line.criterion.note ? [...outcome.evidence, note(`募集側の補足: ${line.criterion.note}`)] : outcome.evidence
  return {
    criterionId: line.criterion.id,
    label: line.label,
    kind: line.criterion.kind,
    required: line.required,
    status: outcome.status,
    points: points.base + points.bonus,
    maxPoints: line.maxBase + line.maxBonus,
    bonusPoints: points.bonus,
    evidence,
    selfDeclared: outcome.selfDeclared,
    gap: outcome.gap,
  }
}

/** Scores one candidate against a planned posting. */
export function scoreWithPlan(plan: ScoringPlan, facts: CandidateFacts, options: ScoreOptions = {}): MatchResult {
  const scored = plan.lines.map((line) => scoreLine(line, facts))
  const criteria: CriterionLine[] = scored.map(({ selfDeclared: _selfDeclared, gap: _gap, ...line }) => line)
  const gaps: MatchGap[] = scored
    .filter((line) => line.required && line.status !== 'met')
    .map((line) => ({ criterionId: line.criterionId, label: line.label, status: line.status, message: line.gap ?? line.label }))
  const flags: MatchFlag[] = scored
    .filter((line) => line.selfDeclared && line.status !== 'not_met')
    .map((line) => ({
      code: 'self_declared_level' as const,
      message: `「${line.label}」は自己申告（未確認）のレベルで判定しています。`,
      criterionId: line.criterionId,
    }))
  const reasons = [
    ...new Set(
      (options.bidRestrictionFlags ?? [])
        .filter((flag) => flag.candidateId === facts.candidateId && (flag.postingId ?? plan.postingId) === plan.postingId)
        .map((flag) => flag.reason),
    ),
  ].sort(compareText)
  for (const reason of reasons) flags.push({ code: 'bid_restriction', message: reason, criterionId: null })
  return {
    candidateId: facts.candidateId,
    postingId: plan.postingId,
    eligible: gaps.length === 0,
    score: criteria.reduce((sum, line) => sum + line.points, 0),
    criteria,
    gaps,
    flags,
  }
}

/** Scores one candidate against one posting. */
export function scoreCandidate(posting: PostingCriteria, facts: CandidateFacts, options: ScoreOptions = {}): MatchResult {
  return scoreWithPlan(planScoring(posting), facts, options)
}
