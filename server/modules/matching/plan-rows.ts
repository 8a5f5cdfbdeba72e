/**
 * A posting's scoring plan as rows (migrations/0190_matching_posting_plans.sql): the mirror of compilePlan.
 * Ranking inlines one posting's tables into SQL over every candidate vector; recommendations store every published
 * posting's tables as rows and read one candidate's vector against all of them. Both take the tables from
 * tabulateLine, so the two directions and the explanation give the same points. Pure.
 */
import { createHash } from 'node:crypto'
import { type PostingCriteria, availabilityCriteria, criteriaFromPostingRows, planScoring } from '#shared/domain/matching/index'
import { presetCriteria } from '#shared/domain/postings/presets'
import { skillStandardCatalog } from '#shared/domain/skill-standard/index'
import { VECTOR_LAYOUT, fnv1a } from './facts.ts'
import { type SkillTable, tabulateLine } from './sql.ts'

/** One line of a skill plan (matching_skill_line). */
export interface SkillLineRow {
  skillPlan: string
  line: number
  /** 0, or the alternative's position in an any-of line (the line scores its best alternative). */
  alternative: number
  required: boolean
  kind: 'level' | 'certification' | 'experience' | 'listing' | 'none'
  positions: number[] | null
  /** Zero-based lookup tables, written as PostgreSQL array literals with their bounds ('[0:63]={…}'). */
  points: string | null
  reached: string | null
  cap: number | null
  needed: number | null
  /** certification: the ids; listing: the one listing token it asks for. */
  certificationIds: string[] | null
  metPoints: number
}

/** A published posting's row (matching_posting_plan): its skill plan's hash and its working-condition lines. */
export interface PostingPlanRow {
  postingId: string
  /** The application deadline; null when there is none (stored as 'infinity'). */
  openUntil: string | null
  layout: string
  skillPlan: string
  daysAtLeast: number | null
  daysRequired: boolean
  daysMet: number
  daysPartly: number
  remoteAlwaysMet: boolean
  remoteAlwaysPartly: boolean
  remoteRequired: boolean
  remoteMet: number
  remotePartly: number
  sideJobAlwaysMet: boolean
  sideJobRequired: boolean
  sideJobMet: number
  startsOn: string | null
  startGraceUntil: string | null
  startRequired: boolean
  startMet: number
  startPartly: number
  regionAlwaysMet: boolean
  regionAlwaysPartly: boolean
  regionPrefectureCode: string | null
  regionPlaces: string[]
  regionRequired: boolean
  regionMet: number
  regionPartly: number
}

export interface PostingPlan {
  posting: PostingPlanRow
  skillLines: SkillLineRow[]
}

const zeroBased = (table: readonly number[]) => `[0:${table.length - 1}]={${table.join(',')}}`

type SkillFields = Omit<SkillLineRow, 'skillPlan' | 'line' | 'alternative' | 'required'>

const NOTHING: SkillFields = { kind: 'none', positions: null, points: null, reached: null, cap: null, needed: null, certificationIds: null, metPoints: 0 }

const NO_CONDITIONS: Omit<PostingPlanRow, 'postingId' | 'openUntil' | 'layout' | 'skillPlan'> = {
  daysAtLeast: null,
  daysRequired: false,
  daysMet: 0,
  daysPartly: 0,
  remoteAlwaysMet: false,
  remoteAlwaysPartly: false,
  remoteRequired: false,
  remoteMet: 0,
  remotePartly: 0,
  sideJobAlwaysMet: false,
  sideJobRequired: false,
  sideJobMet: 0,
  startsOn: null,
  startGraceUntil: null,
  startRequired: false,
  startMet: 0,
  startPartly: 0,
  regionAlwaysMet: false,
  regionAlwaysPartly: false,
  regionPrefectureCode: null,
  regionPlaces: [],
  regionRequired: false,
  regionMet: 0,
  regionPartly: 0,
}

function skillFieldsOf(table: SkillTable): SkillFields {
  switch (table.kind) {
    case 'none':
      return NOTHING
    case 'level':
      return {
        ...NOTHING,
        kind: 'level',
        positions: table.positions.map((position) => position + 1),
        points: zeroBased(table.points),
        reached: zeroBased(table.reached),
      }
    case 'certification':
      return { ...NOTHING, kind: 'certification', certificationIds: table.ids, metPoints: table.points }
    case 'listing':
      return { ...NOTHING, kind: 'listing', certificationIds: [table.token], metPoints: table.points }
    case 'experience':
      return {
        ...NOTHING,
        kind: 'experience',
        positions: [table.position + 1],
        points: zeroBased(table.points),
        cap: table.points.length - 1,
        needed: table.needed,
      }
  }
}

/**
 * A posting's plan as rows. The skill lines are keyed by the hash of their content, so postings with the same
 * skill lines share them; a posting without any gets the empty set's placeholder line (worth nothing, not
 * required), so it is recommended with the points of its working conditions alone, as the scorer gives it.
 */
export function planOf(posting: PostingCriteria, openUntil: string | null, layout = planLayout()): PostingPlan {
  const conditions = { ...NO_CONDITIONS }
  const skills: Omit<SkillLineRow, 'skillPlan'>[] = []
  const seen = new Set<string>()
  let skillLine = 0
  for (const line of planScoring(posting).lines) {
    const table = tabulateLine(line)
    const required = line.required
    if (table.kind === 'any_of') {
      table.alternatives.forEach((alternative, position) => skills.push({ line: skillLine, alternative: position, required, ...skillFieldsOf(alternative) }))
      skillLine += 1
      continue
    }
    if (table.kind === 'none' || table.kind === 'level' || table.kind === 'certification' || table.kind === 'experience' || table.kind === 'listing') {
      skills.push({ line: skillLine, alternative: 0, required, ...skillFieldsOf(table) })
      skillLine += 1
      continue
    }
    // Working conditions come one of each kind (availabilityCriteria); a second would need a column of its own.
    if (seen.has(table.kind)) throw new Error(`matching: a posting has two ${table.kind} lines`)
    seen.add(table.kind)
    switch (table.kind) {
      case 'days':
        Object.assign(conditions, { daysAtLeast: table.atLeast, daysRequired: required, daysMet: table.met, daysPartly: table.partly })
        break
      case 'remote':
        Object.assign(conditions, {
          remoteAlwaysMet: table.alwaysMet,
          remoteAlwaysPartly: table.alwaysPartly,
          remoteRequired: required,
          remoteMet: table.met,
          remotePartly: table.partly,
        })
        break
      case 'side_job':
        Object.assign(conditions, { sideJobAlwaysMet: table.alwaysMet, sideJobRequired: required, sideJobMet: table.met })
        break
      case 'start':
        Object.assign(conditions, {
          startsOn: table.startsOn,
          startGraceUntil: table.graceUntil,
          startRequired: required,
          startMet: table.met,
          startPartly: table.partly,
        })
        break
      case 'region':
        Object.assign(conditions, {
          regionAlwaysMet: table.alwaysMet,
          regionAlwaysPartly: table.alwaysPartly,
          regionPrefectureCode: table.prefectureCode,
          regionPlaces: table.places,
          regionRequired: required,
          regionMet: table.met,
          regionPartly: table.partly,
        })
        break
    }
  }
  if (skills.length === 0) skills.push({ line: 0, alternative: 0, required: false, ...NOTHING })
  const skillPlan = createHash('sha256')
    .update(JSON.stringify([layout, skills]))
    .digest('base64url')
  return {
    posting: { postingId: posting.postingId, openUntil, layout, skillPlan, ...conditions },
    skillLines: skills.map((row) => ({ skillPlan, ...row })),
  }
}

let layout: string | undefined

/**
 * Identifies the vector layout and the scorer's tables: the tabulated plans of every role's preset with typical
 * working conditions. A scorer change that moves any of their points gives another layout, and every stored
 * plan is rebuilt (as a vector of another layout is).
 */
export function planLayout(): string {
  if (layout) return layout
  const probes = skillStandardCatalog.roles.map((role, index) => {
    const criteria = [
      ...criteriaFromPostingRows(presetCriteria(role).criteria),
      ...availabilityCriteria({
        daysPerWeek: 1 + (index % 3),
        remote: index % 2 === 0 ? 'partial' : 'none',
        sideJobAllowed: index % 2 === 0,
        termStartsOn: '2027-04-01',
        prefectureCode: '13',
        prefectureName: '',
        localGovernmentCode: '131016',
      }),
    ]
    return planScoring({ postingId: role.id, roleId: role.id, criteria, weights: {} }).lines.map(tabulateLine)
  })
  layout = `p1:${VECTOR_LAYOUT}:${fnv1a(JSON.stringify(probes))}`
  return layout
}
