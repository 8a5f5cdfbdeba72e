/**
 * Pure rules of the candidates module: employment-history validity and its audit diff, and who may see which part
 * of a profile. No I/O, no clock: "today" comes in as an argument.
 */
import type { IsoDate } from '#shared/domain/dates'
import type { EmploymentRelationship, PoolField } from '#shared/contracts/candidates'
import type { FactIssue } from '#shared/domain/levels'

export interface EmploymentFact {
  corporateNumber: string
  relationship: EmploymentRelationship
  startsOn: IsoDate
  endsOn: IsoDate | null
}

/**
 * An employment history must be dated and consistent: a period starts no later than today and ends no earlier than
 * it starts; two periods with the same employer and the same relationship must not overlap (they are one period).
 * Different relationships may overlap (an employee who is also an officer, a 兼業先 next to the main employer).
 */
export function employmentIssues(entries: readonly EmploymentFact[], today: IsoDate): FactIssue[] {
  const issues: FactIssue[] = []
  entries.forEach((entry, index) => {
    if (entry.startsOn > today) issues.push({ path: `entries.${index}.startsOn`, message: '開始日に未来の日付は指定できません。' })
    if (entry.endsOn !== null && entry.endsOn < entry.startsOn) {
      issues.push({ path: `entries.${index}.endsOn`, message: '終了日が開始日より前になっています。' })
    }
  })
  entries.forEach((entry, index) => {
    for (let other = 0; other < index; other += 1) {
      const earlier = entries[other]!
      if (earlier.corporateNumber !== entry.corporateNumber || earlier.relationship !== entry.relationship) continue
      const overlaps = (entry.endsOn === null || earlier.startsOn <= entry.endsOn) && (earlier.endsOn === null || entry.startsOn <= earlier.endsOn)
      if (overlaps) {
        issues.push({
          path: `entries.${index}.startsOn`,
          message: `${other + 1}件目と同じ法人・同じ関係で期間が重なっています。1つの期間にまとめてください。`,
        })
        break
      }
    }
  })
  return issues
}

export interface EmploymentDiff<T extends EmploymentFact> {
  added: T[]
  removed: T[]
}

const keyOf = (entry: EmploymentFact) => `${entry.corporateNumber}|${entry.relationship}|${entry.startsOn}|${entry.endsOn ?? ''}`

/** What changed between two histories, for the audit log; an edited period shows as one removed and one added. */
export function diffEmployments<T extends EmploymentFact>(before: readonly T[], after: readonly T[]): EmploymentDiff<T> {
  const beforeKeys = new Set(before.map(keyOf))
  const afterKeys = new Set(after.map(keyOf))
  return {
    added: after.filter((entry) => !beforeKeys.has(keyOf(entry))),
    removed: before.filter((entry) => !afterKeys.has(keyOf(entry))),
  }
}

// ── Visibility and consent ───────────────────────────────────────────────────────────────────────────────────

/** A staff organisation: a 団体コード (市区町村, or the prefecture's own body code), or 'national'. */
export type OrganisationKey = string

export interface VisibilityFacts {
  /** Municipalities (団体コード) whose postings the candidate applied to. */
  appliedMunicipalityCodes: readonly string[]
  /** pool ('national' or 2-digit prefecture code) → fields the candidate chose to show there. */
  consent: ReadonlyMap<string, readonly PoolField[]>
  /** Organisations whose contact request the candidate accepted. */
  acceptedContactOrganisations: readonly OrganisationKey[]
}

export type Viewer =
  | { kind: 'municipality'; localGovernmentCode: string; prefectureCode: string }
  | { kind: 'prefecture'; prefectureCode: string; organisationKey: OrganisationKey }
  | { kind: 'national' }

export type Visibility = { access: 'none' } | { access: 'applicant' | 'contact_accepted' | 'pool'; fields: PoolField[]; contact: boolean }

export const ALL_POOL_FIELDS: readonly PoolField[] = ['headline', 'roles', 'levels', 'certifications', 'availability']

export function organisationKeyOf(viewer: Viewer): OrganisationKey {
  switch (viewer.kind) {
    case 'municipality':
      return viewer.localGovernmentCode
    case 'prefecture':
      return viewer.organisationKey
    case 'national':
      return 'national'
  }
}

/** Pools a viewer may browse: the national list for every staff member, and the viewer's own prefecture's pool. */
export function poolsVisibleTo(viewer: Viewer): string[] {
  return viewer.kind === 'national' ? ['national'] : ['national', viewer.prefectureCode]
}

/**
 * Private by default: a municipality sees the whole profile and contact data of a person who applied to
 * its postings; otherwise staff see only the fields the person chose for a pool they can browse, and contact data
 * only after the person accepted that organisation's contact request.
 */
export function visibilityFor(viewer: Viewer, facts: VisibilityFacts): Visibility {
  if (viewer.kind === 'municipality' && facts.appliedMunicipalityCodes.includes(viewer.localGovernmentCode)) {
    return { access: 'applicant', fields: [...ALL_POOL_FIELDS], contact: true }
  }
  const fields = new Set<PoolField>()
  for (const pool of poolsVisibleTo(viewer)) for (const field of facts.consent.get(pool) ?? []) fields.add(field)
  if (fields.size === 0) return { access: 'none' }
  const contact = facts.acceptedContactOrganisations.includes(organisationKeyOf(viewer))
  return {
    access: contact ? 'contact_accepted' : 'pool',
    fields: ALL_POOL_FIELDS.filter((field) => fields.has(field)),
    contact,
  }
}
