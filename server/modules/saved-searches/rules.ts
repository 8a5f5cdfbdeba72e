/**
 * Pure rules of saved searches: the canonical form that makes one search one row, whether a newly published
 * posting matches a search the same way the national search lists it (postings/repository searchPublishedPostings),
 * and which digest period an instant belongs to.
 */
import { addDays, todayInJapan } from '#shared/domain/dates'
import { normalizeForSearch } from '#shared/domain/search-text'
import type { DigestFrequency, SavedSearchFilters } from '#shared/contracts/saved-searches'

/** The search's keywords as the national search folds them: each word (split on spaces, full-width too) normalised. */
export function keywordNeedles(q: string): string[] {
  return q
    .split(/[\s\u3000]+/)
    .map(normalizeForSearch)
    .filter(Boolean)
}

/** One string per distinct search: 「CIO  補佐官」 and 「補佐官 CIO」 save as the same search. */
export function filtersKey(filters: SavedSearchFilters): string {
  return JSON.stringify([
    filters.role ?? null,
    filters.prefecture ?? null,
    filters.remote ?? null,
    filters.sidejob ?? null,
    [...new Set(keywordNeedles(filters.q))].sort(),
  ])
}

export interface StoredFilters {
  roleId: string | null
  prefectureCode: string | null
  remoteAllowed: boolean | null
  sideJobAllowed: boolean | null
  keywords: string
}

export interface MatchablePosting {
  roleId: string | null
  prefectureCode: string
  remoteAllowed: boolean | null
  sideJobAllowed: boolean | null
  /** postingSearchText: the folded text the national search's keywords look in. */
  searchText: string
}

/** A filter left open matches anything; a set one must equal the posting's value (an unanswered value matches none). */
export function matchesPosting(search: StoredFilters, posting: MatchablePosting): boolean {
  if (search.roleId !== null && search.roleId !== posting.roleId) return false
  if (search.prefectureCode !== null && search.prefectureCode !== posting.prefectureCode) return false
  if (search.remoteAllowed !== null && search.remoteAllowed !== posting.remoteAllowed) return false
  if (search.sideJobAllowed !== null && search.sideJobAllowed !== posting.sideJobAllowed) return false
  return keywordNeedles(search.keywords).every((needle) => posting.searchText.includes(needle))
}

/**
 * The digest period `now` falls in, as the key of the one mail a search gets in it: the day in Japan for 毎日
 * (`daily:2026-04-01`), the week from Monday in Japan for 毎週 (`weekly:2026-03-30`).
 */
export function digestPeriod(frequency: DigestFrequency, now: Date): string {
  const today = todayInJapan(now)
  if (frequency === 'daily') return `daily:${today}`
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay() // 0 = Sunday
  return `weekly:${addDays(today, -((weekday + 6) % 7))}`
}
