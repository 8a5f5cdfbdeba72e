/**
 * Pure rules of the postings module. The workflow, form checks, presets and the 特別交付税 estimate live in
 * shared/domain/postings (the client runs them too) and are re-exported here; what only the server needs
 * (search text, who is told about a step, subscription filters) is below. No I/O, no clock.
 */
import { dxAreaLabels, postingRoleLabels, appointmentFormLabels, type PostingForm } from '#shared/domain/postings/index'
import type { PostingAction } from '#shared/domain/postings/workflow'
import type { SubscriptionFilters } from '#shared/contracts/postings'
import { normalizeForSearch } from '#shared/domain/search-text'

export {
  nextPostingState,
  availableActions,
  postingEditability,
  closeReasonProblem,
  completenessProblems,
  formProblems,
  presetCriteria,
  estimateSpecialGrant,
  readinessOf,
  normalizeChecklist,
} from '#shared/domain/postings/index'

/**
 * The budget fields (年間の任用等経費・募集経費) are the municipality's internal figures for the 特別交付税 estimate;
 * the form marks them 非公開. What goes on to the national side is what it publishes (手順書 参考4.4-⑭ ②), so only
 * the posting's municipality and its prefecture read them.
 */
export function readsInternalBudget(
  reader: { kind: string; localGovernmentCode?: string; prefectureCode?: string },
  posting: { municipalityCode: string; prefectureCode: string },
): boolean {
  if (reader.kind === 'municipality') return reader.localGovernmentCode === posting.municipalityCode
  if (reader.kind === 'prefecture') return reader.prefectureCode === posting.prefectureCode
  return false
}

export function withoutInternalBudget(form: PostingForm): PostingForm {
  return { ...form, budgetAnnualCost: null, budgetRecruitmentCost: null }
}

/** What the national list's free-text search looks in, folded like the query (normalizeForSearch). */
export function postingSearchText(form: PostingForm, municipality: { name: string; nameKana?: string; prefectureName: string }): string {
  const parts = [
    municipality.prefectureName,
    municipality.name,
    municipality.nameKana,
    form.title,
    form.roleId ? postingRoleLabels[form.roleId] : null,
    form.roleLabel,
    form.appointmentForm ? appointmentFormLabels[form.appointmentForm] : null,
    ...form.dutyAreas.map((duty) => dxAreaLabels[duty.area]),
    form.dutyDescription,
    form.workplace,
    form.department,
    form.freeText,
  ]
  // A separator that normalisation keeps, so a query never matches across two fields.
  return parts
    .filter((part): part is string => !!part)
    .map(normalizeForSearch)
    .join('\u001f')
}

export type Audience = 'municipality' | 'prefecture' | 'national'

/**
 * Who hears of a step: the prefecture when a municipality submits; the national side when a prefecture forwards;
 * the municipality when its posting is returned, published or closed by someone else (手順書 参考4.4-⑭ ②).
 */
export function audiencesOf(action: PostingAction, actorKind: string): Audience[] {
  switch (action) {
    case 'submit':
      return ['prefecture']
    case 'forward':
      return ['national', 'municipality']
    case 'return':
      return actorKind === 'national' ? ['municipality', 'prefecture'] : ['municipality']
    case 'publish':
      return ['municipality', 'prefecture']
    case 'close':
      return actorKind === 'municipality' ? ['prefecture'] : ['municipality']
    case 'expire':
      return ['municipality']
  }
}

export interface SubscribablePosting {
  roleId: string | null
  prefectureCode: string
  remoteAllowed: boolean | null
  sideJobAllowed: boolean | null
}

/** Whether a posting goes into a subscriber's digest: every filter given must hold; empty filters take all. */
export function matchesSubscription(filters: SubscriptionFilters, posting: SubscribablePosting): boolean {
  if (filters.roles.length > 0 && (posting.roleId === null || !filters.roles.includes(posting.roleId as never))) return false
  if (filters.prefectures.length > 0 && !filters.prefectures.includes(posting.prefectureCode)) return false
  if (filters.remoteOnly && posting.remoteAllowed !== true) return false
  if (filters.sideJobOnly && posting.sideJobAllowed !== true) return false
  return true
}
