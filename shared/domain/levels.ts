/**
 * Career-level derivation (キャリアレベル) for every UISS 人材像 / ITSS 職種 from a candidate's exam passes, tagged
 * experience and declared levels. Pure: the server stores the answer with each profile change, and the client runs
 * the same function to preview a profile before it is saved.
 *
 * The judgement rule is 手順書 参考4.4-② (levels 1–3 by the exam of that level, level 4 by a level-4 exam plus work
 * experience, higher levels by experience); the numbers the seed leaves open are the catalogue's `levelPolicy`
 * (手順書 参考4.4-②). Worked cases L1–L14 of 手順書 参考4.4-② are the tests in levels.test.ts.
 */
import { addDays, daysBetween, fiscalYearOf, type IsoDate } from './dates.ts'
import {
  currentEquivalentOf,
  type EquivalenceKind,
  type Exam,
  findCertification,
  findExam,
  findJobType,
  type LevelPolicy,
  skillStandardCatalog,
} from './skill-standard/index.ts'
import { formatFiscalYearWareki } from './wareki.ts'

// ── Facts ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** 春期 / 秋期 of an IPA sitting; `other` for CBT exams (IP, SG, FE) sat on any day of the fiscal year. */
export type ExamSeason = 'spring' | 'autumn' | 'other'

export const examSeasonLabels: Record<ExamSeason, string> = { spring: '春期', autumn: '秋期', other: '' }

/** One exam pass: the 年度 and season of the sitting, optionally the date printed on the certificate. */
export interface ExamPassFact {
  examId: string
  fiscalYear: number
  season: ExamSeason
  passedOn?: IsoDate | null
  /** 情報処理安全確保支援士 only: the registration, which lapses independently of the pass (試験制度). */
  registration?: { number: string; isCurrent: boolean } | null
}

/** An experience entry; only the facts derivation needs. `endsOn` null means it is still going on. */
export interface ExperienceFact {
  id: string
  startsOn: IsoDate
  endsOn: IsoDate | null
  jobTypeIds: readonly string[]
}

/** Who confirmed a declared level 5–7 (手順書 参考4.4-② case L12). */
export interface LevelVerification {
  verifiedByUserId: string
  verifiedByName: string
  /** 団体コード of the municipality or prefecture whose staff verified it. */
  localGovernmentCode: string
  organisationName: string
  verifiedAt: string
}

/** A level 5–7 the candidate declares from experience and achievements (手順書 参考4.4-②, CCSF). */
export interface LevelClaimFact {
  id: string
  jobTypeId: string
  level: number
  experienceEntryIds: readonly string[]
  verification: LevelVerification | null
}

export interface LevelFacts {
  exams: readonly ExamPassFact[]
  experiences: readonly ExperienceFact[]
  claims: readonly LevelClaimFact[]
}

export interface LevelOptions {
  policy: LevelPolicy
  /** The deciding organisation accepts `related_to` (dotted-line) legacy exams at full value (手順書 参考4.4-②). */
  acceptRelatedExams: boolean
}

export const defaultLevelOptions: LevelOptions = {
  policy: skillStandardCatalog.levelPolicy,
  acceptRelatedExams: false,
}

// ── Answer ────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Which rule gave the level:
 * - `common_exam`: a level-1/2 exam, common to every job type;
 * - `exam`: a level-3 exam for the job types it evidences;
 * - `advanced_exam_with_experience`: a level-4 exam plus enough tagged experience → 4;
 * - `advanced_exam_without_experience`: a level-4 exam without it → policy level (3);
 * - `declared_experience`: levels 5–7 declared from experience (self-declared until verified).
 */
export type LevelRuleId = 'common_exam' | 'exam' | 'advanced_exam_with_experience' | 'advanced_exam_without_experience' | 'declared_experience'

export type LevelStatus = 'exam' | 'exam_and_experience' | 'self_declared' | 'verified'

export interface DerivedLevel {
  jobTypeId: string
  level: number
  status: LevelStatus
  rule: LevelRuleId
  /** The exam the candidate passed (possibly discontinued), and the current exam it counts as. */
  examId: string | null
  countsAsExamId: string | null
  /** When that exam was passed (the earliest pass wins a tie). */
  examPassedOn: IsoDate | null
  equivalenceKind: EquivalenceKind | null
  /** Levels taken off because the legacy exam is only `related_to` its successor. */
  penalty: number
  experienceEntryIds: string[]
  /** Days in the union of the tagged experience periods (inclusive); null when experience played no part. */
  experienceDays: number | null
  claimId: string | null
  verification: LevelVerification | null
  /** The best level proven by an exam alone (with experience for 4), whatever the declared level says. */
  provenLevel: number | null
  explanation: string
}

export interface LevelDerivation {
  /** Level common to every job type from a level-1/2 exam; null when none. */
  commonLevel: number | null
  /** One entry per job type that has any level, in catalogue order. */
  levels: DerivedLevel[]
  /** Exam passes that give no level (e.g. a dotted-line level-1 exam), with the reason. */
  notes: string[]
}

export interface FactIssue {
  /** Field path in the request body, e.g. `exams.0.passedOn`. */
  path: string
  message: string
}

// ── Dates of a sitting ────────────────────────────────────────────────────────────────────────────────────────

/** The earliest day a pass in that sitting can date from: spring sittings are in April, autumn ones in October. */
export function sittingStartsOn(fiscalYear: number, season: ExamSeason): IsoDate {
  return `${String(fiscalYear).padStart(4, '0')}-${season === 'autumn' ? '10' : '04'}-01`
}

/** The day a pass counts from: the certificate's date when given, else the start of the sitting. */
export function passDateOf(pass: ExamPassFact): IsoDate {
  return pass.passedOn ?? sittingStartsOn(pass.fiscalYear, pass.season)
}

/** 令和5年度秋期 */
export function formatSitting(fiscalYear: number, season: ExamSeason): string {
  return `${formatFiscalYearWareki(fiscalYear)}${examSeasonLabels[season]}`
}

// ── Experience as a union of periods ──────────────────────────────────────────────────────────────────────────

/** Days in the union of inclusive periods, open ends cut at today; overlapping entries count once (手順書 参考4.4-②). */
export function unionDays(periods: readonly { startsOn: IsoDate; endsOn: IsoDate | null }[], today: IsoDate): number {
  const clipped = periods
    .map((period) => ({ startsOn: period.startsOn, endsOn: period.endsOn === null || period.endsOn > today ? today : period.endsOn }))
    .filter((period) => period.startsOn <= period.endsOn)
    .sort((a, b) => (a.startsOn < b.startsOn ? -1 : a.startsOn > b.startsOn ? 1 : 0))
  let total = 0
  let current: { startsOn: IsoDate; endsOn: IsoDate } | null = null
  for (const period of clipped) {
    if (current && period.startsOn <= addDays(current.endsOn, 1)) {
      if (period.endsOn > current.endsOn) current.endsOn = period.endsOn
      continue
    }
    if (current) total += daysBetween(current.startsOn, current.endsOn) + 1
    current = { ...period }
  }
  if (current) total += daysBetween(current.startsOn, current.endsOn) + 1
  return total
}

/** A year of experience is 365 days, so any run of N calendar years (leap day or not) makes N years. */
export const DAYS_PER_EXPERIENCE_YEAR = 365

export function experienceYears(days: number): number {
  return Math.floor((days / DAYS_PER_EXPERIENCE_YEAR) * 10) / 10
}

// ── Validation of the facts (400 with the field named) ────────────────────────────────────────────────────────

const SEASONS: readonly ExamSeason[] = ['spring', 'autumn', 'other']

/**
 * Problems that make the facts unusable (手順書 参考4.4-②): unknown exam or job type, a pass in the future or
 * outside its 年度, an experience period that ends before it starts or has not begun, a registration on an exam that
 * has none, a declared level outside 5–7 or resting on no experience entry.
 */
export function validateLevelFacts(facts: LevelFacts, today: IsoDate): FactIssue[] {
  const issues: FactIssue[] = []
  facts.exams.forEach((pass, index) => {
    const at = `exams.${index}`
    const exam = findExam(pass.examId)
    if (!exam) {
      issues.push({ path: `${at}.examId`, message: `試験「${pass.examId}」は一覧にありません。` })
      return
    }
    if (!SEASONS.includes(pass.season)) issues.push({ path: `${at}.season`, message: '春期・秋期・その他から選んでください。' })
    if (sittingStartsOn(pass.fiscalYear, pass.season) > today) {
      issues.push({ path: `${at}.fiscalYear`, message: `${formatSitting(pass.fiscalYear, pass.season)}の試験はまだ実施されていません。` })
    }
    if (pass.passedOn) {
      if (pass.passedOn > today) issues.push({ path: `${at}.passedOn`, message: '合格日に未来の日付は指定できません。' })
      else if (fiscalYearOf(pass.passedOn) !== pass.fiscalYear) {
        issues.push({ path: `${at}.passedOn`, message: `合格日が${formatFiscalYearWareki(pass.fiscalYear)}の範囲にありません。` })
      }
    }
    if (pass.registration && !currentEquivalentOf(exam.id)?.exam.isRegisteredQualification) {
      issues.push({ path: `${at}.registration`, message: `${exam.name}には登録制度がありません。` })
    }
  })
  facts.experiences.forEach((entry, index) => {
    const at = `experiences.${index}`
    if (entry.startsOn > today) issues.push({ path: `${at}.startsOn`, message: '開始日に未来の日付は指定できません。' })
    if (entry.endsOn !== null && entry.endsOn < entry.startsOn) {
      issues.push({ path: `${at}.endsOn`, message: '終了日が開始日より前になっています。' })
    }
    entry.jobTypeIds.forEach((jobTypeId, tagIndex) => {
      if (!findJobType(jobTypeId)) issues.push({ path: `${at}.jobTypeIds.${tagIndex}`, message: `職種・人材像「${jobTypeId}」は一覧にありません。` })
    })
  })
  const experienceIds = new Set(facts.experiences.map((entry) => entry.id))
  facts.claims.forEach((claim, index) => {
    const at = `claims.${index}`
    const jobType = findJobType(claim.jobTypeId)
    if (!jobType) issues.push({ path: `${at}.jobTypeId`, message: `職種・人材像「${claim.jobTypeId}」は一覧にありません。` })
    if (!Number.isInteger(claim.level) || claim.level < 5 || claim.level > 7) {
      issues.push({ path: `${at}.level`, message: '経験から申告できるのはレベル5〜7です（レベル1〜4は試験と経験から自動で判定します）。' })
    } else if (jobType?.levelMax != null && claim.level > jobType.levelMax) {
      issues.push({ path: `${at}.level`, message: `${jobType.name}のレベルは${jobType.levelMax}までです。` })
    }
    if (claim.experienceEntryIds.length === 0) {
      issues.push({ path: `${at}.experienceEntryIds`, message: '根拠となる経験を1件以上選んでください。' })
    }
    claim.experienceEntryIds.forEach((id, refIndex) => {
      if (!experienceIds.has(id)) issues.push({ path: `${at}.experienceEntryIds.${refIndex}`, message: '根拠の経験が見つかりません。' })
    })
  })
  return issues
}

// ── Derivation ────────────────────────────────────────────────────────────────────────────────────────────────

interface ExamEvidence {
  pass: ExamPassFact
  exam: Exam
  current: Exam
  kind: EquivalenceKind
  penalty: number
}

function evidenceOf(pass: ExamPassFact, options: LevelOptions): ExamEvidence | undefined {
  const exam = findExam(pass.examId)
  const equivalent = currentEquivalentOf(pass.examId)
  if (!exam || !equivalent) return undefined
  const penalty = equivalent.kind === 'related_to' && !options.acceptRelatedExams ? options.policy.relatedToLevelPenalty : 0
  return { pass, exam, current: equivalent.exam, kind: equivalent.kind, penalty }
}

const STATUS_RANK: Record<LevelStatus, number> = { verified: 3, exam_and_experience: 2, exam: 1, self_declared: 0 }

/** Higher level wins; at equal level a verified or exam-proven basis beats a self-declared one, then a stable tie-break. */
function better(a: DerivedLevel, b: DerivedLevel): DerivedLevel {
  if (a.level !== b.level) return a.level > b.level ? a : b
  if (STATUS_RANK[a.status] !== STATUS_RANK[b.status]) return STATUS_RANK[a.status] > STATUS_RANK[b.status] ? a : b
  if (a.penalty !== b.penalty) return a.penalty < b.penalty ? a : b
  const keyA = `${a.examPassedOn ?? ''}|${a.examId ?? ''}|${a.explanation}|${a.claimId ?? ''}|${a.experienceEntryIds.join(',')}`
  const keyB = `${b.examPassedOn ?? ''}|${b.examId ?? ''}|${b.explanation}|${b.claimId ?? ''}|${b.experienceEntryIds.join(',')}`
  return keyA <= keyB ? a : b
}

/** The exam and its sitting as a noun phrase: 「ITストラテジスト（平成30年度春期）」, naming the successor of a legacy exam. */
function examPhrase(evidence: ExamEvidence): string {
  const sitting = formatSitting(evidence.pass.fiscalYear, evidence.pass.season)
  if (evidence.exam.id === evidence.current.id) return `${evidence.exam.name}（${sitting}）`
  const link = evidence.kind === 'related_to' ? `後継の${evidence.current.name}と点線でつながる旧試験` : `${evidence.current.name}に相当する旧試験`
  return `${evidence.exam.name}（${sitting}、${link}）`
}

function penaltyPhrase(evidence: ExamEvidence): string {
  if (evidence.kind !== 'related_to') return ''
  return evidence.penalty > 0
    ? `点線の関係にある旧試験のため、${evidence.penalty}レベル低く評価しています（団体が認める場合は同等に扱えます）。`
    : '点線の関係にある旧試験ですが、団体の判断で後継試験と同等に扱っています。'
}

function yearsPhrase(days: number): string {
  return `${experienceYears(days)}年`
}

/**
 * Levels of every job type (手順書 参考4.4-②):
 * - a level-1/2 exam gives that level to every job type;
 * - a level-3 exam gives 3 to the job types it evidences;
 * - a level-4 exam gives 4 with ≥ policy years of experience tagged with the job type (the union of the periods),
 *   else the policy's level (3);
 * - a legacy exam counts as the current exam its succeeded_by/same chain ends at; a related_to link costs the
 *   policy's penalty unless the organisation opts in;
 * - levels 5–7 come only from declared experience, self-declared until staff verify them.
 * The 支援士 registration does not matter here: the exam pass is permanent evidence (試験制度, L13).
 */
export function deriveLevels(facts: LevelFacts, today: IsoDate, options: LevelOptions = defaultLevelOptions): LevelDerivation {
  const { policy } = options
  const best = new Map<string, DerivedLevel>()
  const notes: string[] = []
  const offer = (candidate: DerivedLevel) => {
    const existing = best.get(candidate.jobTypeId)
    best.set(candidate.jobTypeId, existing ? better(existing, candidate) : candidate)
  }

  const experiencesFor = (jobTypeId: string) => facts.experiences.filter((entry) => entry.jobTypeIds.includes(jobTypeId))
  const requiredDays = policy.experienceYearsForLevel4 * DAYS_PER_EXPERIENCE_YEAR

  let commonLevel: number | null = null
  const commonOffers: DerivedLevel[] = []

  for (const pass of facts.exams) {
    const evidence = evidenceOf(pass, options)
    if (!evidence) continue
    const { current, penalty } = evidence
    const base = {
      examId: evidence.exam.id,
      countsAsExamId: current.id,
      examPassedOn: passDateOf(pass),
      equivalenceKind: evidence.exam.id === current.id ? null : evidence.kind,
      penalty,
      claimId: null,
      verification: null,
    }
    if (current.evidences.commonLevel !== null) {
      const level = current.evidences.commonLevel - penalty
      if (level < 1) {
        notes.push(`${examPhrase(evidence)}は、点線の関係にある旧試験のためレベルは付きません。`)
        continue
      }
      commonLevel = Math.max(commonLevel ?? 0, level)
      const explanation = `${examPhrase(evidence)}に合格しているため、全職種共通のレベル${level}としています（レベル1〜3は試験の合格で判定）。${penaltyPhrase(evidence)}`
      commonOffers.push({
        ...base,
        jobTypeId: '',
        level,
        status: 'exam',
        rule: 'common_exam',
        experienceEntryIds: [],
        experienceDays: null,
        provenLevel: level,
        explanation,
      })
      continue
    }
    for (const jobTypeId of current.evidences.jobTypeIds) {
      const jobType = findJobType(jobTypeId)
      if (!jobType) continue
      if (!current.isAdvanced) {
        const level = current.ccsfLevel - penalty
        if (level < 1) continue
        offer({
          ...base,
          jobTypeId,
          level,
          status: 'exam',
          rule: 'exam',
          experienceEntryIds: [],
          experienceDays: null,
          provenLevel: level,
          explanation: `${examPhrase(evidence)}に合格しているため、${jobType.name}のレベル${level}としています（レベル1〜3は試験の合格で判定）。${penaltyPhrase(evidence)}`,
        })
        continue
      }
      const tagged = experiencesFor(jobTypeId)
      const days = unionDays(tagged, today)
      const hasExperience = days >= requiredDays
      const level = (hasExperience ? 4 : policy.advancedExamWithoutExperienceLevel) - penalty
      if (level < 1) continue
      const experienceText =
        tagged.length === 0
          ? `${jobType.name}の経験が登録されていないため`
          : hasExperience
            ? `${jobType.name}の経験${yearsPhrase(days)}（重なる期間は1回だけ数えます）から、`
            : `${jobType.name}の経験が${yearsPhrase(days)}で、必要な${policy.experienceYearsForLevel4}年に届かないため`
      const explanation = hasExperience
        ? `${examPhrase(evidence)}の合格と、${experienceText}レベル${level}としています（レベル4は高度試験の合格と業務経験で判定）。${penaltyPhrase(evidence)}`
        : `${examPhrase(evidence)}に合格していますが、${experienceText}レベル${level}としています（レベル4には高度試験の合格に加えて${policy.experienceYearsForLevel4}年以上の業務経験が必要）。${penaltyPhrase(evidence)}`
      offer({
        ...base,
        jobTypeId,
        level,
        status: hasExperience ? 'exam_and_experience' : 'exam',
        rule: hasExperience ? 'advanced_exam_with_experience' : 'advanced_exam_without_experience',
        experienceEntryIds: tagged.map((entry) => entry.id).sort(),
        experienceDays: tagged.length > 0 ? days : null,
        provenLevel: level,
        explanation,
      })
    }
  }

  // Common levels reach every job type the exam-specific ones did not beat.
  const commonBest = commonOffers.reduce<DerivedLevel | null>((a, b) => (a ? better(a, b) : b), null)
  const proven = new Map<string, number>()
  for (const jobType of skillStandardCatalog.jobTypes) {
    if (commonBest) offer({ ...commonBest, jobTypeId: jobType.id })
    const found = best.get(jobType.id)
    if (found) proven.set(jobType.id, found.level)
  }

  for (const claim of facts.claims) {
    const jobType = findJobType(claim.jobTypeId)
    if (!jobType || claim.level < 5 || claim.level > 7) continue
    const entries = facts.experiences.filter((entry) => claim.experienceEntryIds.includes(entry.id))
    const days = unionDays(entries, today)
    const verification = claim.verification
    const explanation = verification
      ? `${jobType.name}のレベル${claim.level}は、経験${yearsPhrase(days)}の申告に基づき、${verification.organisationName}の${verification.verifiedByName ? `${verification.verifiedByName}さん` : '職員'}が${verification.verifiedAt.slice(0, 10)}に確認しました（レベル5〜7は経験と実績で判定）。`
      : `${jobType.name}のレベル${claim.level}は、経験${yearsPhrase(days)}に基づく本人の申告です。自治体または都道府県の職員が確認するまで「自己申告」です（レベル5〜7は経験と実績で判定）。`
    offer({
      jobTypeId: jobType.id,
      level: claim.level,
      status: verification ? 'verified' : 'self_declared',
      rule: 'declared_experience',
      examId: null,
      countsAsExamId: null,
      examPassedOn: null,
      equivalenceKind: null,
      penalty: 0,
      experienceEntryIds: entries.map((entry) => entry.id).sort(),
      experienceDays: days,
      claimId: claim.id,
      verification,
      provenLevel: null,
      explanation,
    })
  }

  const levels = skillStandardCatalog.jobTypes.flatMap((jobType) => {
    const found = best.get(jobType.id)
    return found ? [{ ...found, provenLevel: proven.get(jobType.id) ?? null }] : []
  })
  return { commonLevel, levels, notes: [...new Set(notes)].sort() }
}

/** The level of one job type, 0 when none. */
export function levelOf(derivation: Pick<LevelDerivation, 'levels'>, jobTypeId: string): number {
  return derivation.levels.find((level) => level.jobTypeId === jobTypeId)?.level ?? 0
}

// ── Qualifications held ───────────────────────────────────────────────────────────────────────────────────────

export interface QualificationFacts {
  exams: readonly ExamPassFact[]
  otherCertificationIds: readonly string[]
}

/**
 * Certification ids the candidate holds for requirements that name one: each passed exam, the current exams it
 * counts as through succeeded_by/same links (a dotted related_to link is never a substitute, 試験制度), and
 * the catalogue's other certifications. 情報処理安全確保支援士 is held only with a current registration (catalog
 * 試験制度; case L13): the pass alone evidences a level but not the qualification.
 */
export function heldCertificationIds(facts: QualificationFacts): string[] {
  const held = new Set<string>()
  for (const pass of facts.exams) {
    const equivalent = currentEquivalentOf(pass.examId)
    const ids = equivalent && equivalent.kind !== 'related_to' ? equivalent.path : [pass.examId]
    const registered = pass.registration?.isCurrent === true
    for (const id of ids) {
      const exam = findExam(id)
      if (!exam) continue
      if (exam.isRegisteredQualification && !registered) continue
      held.add(id)
    }
  }
  for (const id of facts.otherCertificationIds) if (findCertification(id)) held.add(id)
  return [...held].sort()
}

/**
 * Registered qualifications (情報処理安全確保支援士) the candidate passed but whose registration is not marked
 * current (「登録は有効」 unticked, or no registration given): not held as the qualification (heldCertificationIds),
 * and said so where a requirement names them.
 */
export function unregisteredQualificationIds(exams: readonly ExamPassFact[]): string[] {
  const ids = new Set<string>()
  for (const pass of exams) {
    const exam = findExam(pass.examId)
    if (exam?.isRegisteredQualification && pass.registration?.isCurrent !== true) ids.add(exam.id)
  }
  return [...ids].sort()
}
