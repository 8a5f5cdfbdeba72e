/**
 * What other modules read of postings (applications, matching, sharing, open data): facts, criteria and counts.
 * Each takes the caller's transaction so a use case spanning modules stays one transaction.
 */
import { DxArea, postingRoleLabels, type Criterion, type PostingForm } from '#shared/domain/postings/form'
import type { PostingState } from '#shared/domain/postings/workflow'
import type { Db } from '../../db/database.ts'
import type { Actor } from '../../http/actor.ts'
import * as repository from './repository.ts'

/**
 * The conditions of a posting, required and preferred, in the order staff put them (matching reads these).
 * Takes the caller's transaction so a use case spanning modules stays one transaction.
 */
export function postingCriteria(tx: Db, postingId: string): Promise<Criterion[]> {
  return repository.criteriaOf(tx, postingId)
}

/** The role label a matching explanation shows for a posting's 人材像. */
export function roleLabelOf(form: Pick<PostingForm, 'roleId' | 'roleLabel'>): string {
  if (!form.roleId) return '未設定'
  return form.roleId === 'other' ? (form.roleLabel ?? 'その他') : postingRoleLabels[form.roleId]
}

/** What other modules read of a posting (applications, matching, sharing): header and working conditions. */
export interface PostingFacts {
  id: string
  municipalityCode: string
  prefectureCode: string
  state: PostingState
  title: string | null
  roleId: string | null
  appointmentForm: string | null
  remoteAllowed: boolean | null
  sideJobAllowed: boolean | null
  applicationEndsOn: string | null
  /** 募集開始日: applications are taken from this day (none = from publication). */
  applicationStartsOn: string | null
  /** 勤務日数 and its unit from the form (週/月); null when not filled in. */
  workDays: number | null
  workDaysPer: 'week' | 'month' | null
  termStartsOn: string | null
  termEndsOn: string | null
  /** 取組分野 the post works on (手順書 §4.4(1)), in the form's order. */
  dutyAreas: DxArea[]
  /** 共同任用: the other municipalities appointing together. */
  jointAppointmentCodes: string[]
}

function factsOf(row: repository.FactRow): PostingFacts {
  return {
    id: row.id,
    municipalityCode: row.municipality_code,
    prefectureCode: row.prefecture_code,
    state: row.state,
    title: row.title,
    roleId: row.role_id,
    appointmentForm: row.appointment_form,
    remoteAllowed: row.remote_allowed,
    sideJobAllowed: row.side_job_allowed,
    applicationEndsOn: row.application_ends_on,
    applicationStartsOn: row.application_starts_on,
    workDays: row.work_days === null ? null : Number(row.work_days),
    workDaysPer: row.work_days_per === 'week' || row.work_days_per === 'month' ? row.work_days_per : null,
    termStartsOn: row.term_starts_on,
    termEndsOn: row.term_ends_on,
    dutyAreas: jsonList(row.duty_areas).flatMap((duty) => {
      const area = DxArea.safeParse((duty as { area?: unknown } | null)?.area)
      return area.success ? [area.data] : []
    }),
    jointAppointmentCodes: jsonList(row.joint_appointment_codes).filter((code): code is string => typeof code === 'string'),
  }
}

/** A JSON array column read as a list (PGlite may hand it over as text). */
function jsonList(value: unknown): unknown[] {
  const parsed = typeof value === 'string' ? (JSON.parse(value) as unknown) : value
  return Array.isArray(parsed) ? parsed : []
}

/** One posting's facts whatever its state (the caller decides what a draft means to it); undefined if none. */
export async function postingFacts(tx: Db, postingId: string): Promise<PostingFacts | undefined> {
  const [row] = await repository.factRowsOf(tx, { ids: [postingId] })
  return row && factsOf(row)
}

/** Facts of many postings by id (missing ids are simply absent). */
export async function postingFactsOfMany(tx: Db, postingIds: readonly string[]): Promise<Map<string, PostingFacts>> {
  const rows = await repository.factRowsOf(tx, { ids: [...new Set(postingIds)] })
  return new Map(rows.map((row) => [row.id, factsOf(row)]))
}

/**
 * The posting if the staff member may see it under this module's rule (municipality: its own; prefecture: its
 * municipalities' once submitted; national: once forwarded); undefined otherwise, which callers answer with 404.
 */
export async function postingFactsForStaff(tx: Db, actor: Actor, postingId: string): Promise<PostingFacts | undefined> {
  const [row] = await repository.factRowsOf(tx, { ids: [postingId], visibility: repository.staffVisibility(actor) })
  return row && factsOf(row)
}

/** The criteria of many postings at once, by posting id, each list in the order staff put them. */
export function postingCriteriaOfMany(tx: Db, postingIds: readonly string[]): Promise<Map<string, Criterion[]>> {
  return repository.criteriaOfMany(tx, [...new Set(postingIds)])
}

/**
 * Open postings (published, deadline today or later or none) per municipality, for a prefecture's dashboard:
 * 団体コード → count, municipalities without any absent. `today` is the date in Japan.
 */
export async function openPostingCountsByMunicipality(
  tx: Db,
  filter: { prefectureCode?: string; municipalityCodes?: readonly string[]; today: string },
): Promise<Map<string, number>> {
  const rows = await repository.openPostingCounts(
    tx,
    {
      ...(filter.prefectureCode ? { prefectureCode: filter.prefectureCode } : {}),
      ...(filter.municipalityCodes ? { municipalityCodes: filter.municipalityCodes } : {}),
    },
    filter.today,
  )
  return new Map(rows.map((row) => [row.municipality_code, Number(row.n)]))
}
