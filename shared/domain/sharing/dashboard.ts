/**
 * The prefecture's view of its municipalities (手順書 §6: 進捗管理, 外部人材の共同任用の調整, 地域のデジタル人材の紹介;
 * 都市センター調査 Q26 asks municipalities which of these they get from their prefecture).
 */

export interface MunicipalityPopulation {
  code: string
  name: string
  population: number | null
}

/**
 * Municipalities without any external talent, largest population first; those whose population is not known
 * come last (by 団体コード), so a missing figure never hides a large municipality in the middle of the list.
 */
export function sortByPopulationNullsLast<T extends MunicipalityPopulation>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => {
    if (a.population === null && b.population === null) return a.code.localeCompare(b.code)
    if (a.population === null) return 1
    if (b.population === null) return -1
    return b.population - a.population || a.code.localeCompare(b.code)
  })
}

/** Share of the quota used, 0–1, for the bar charts; a quota of 0 counts as full. */
export function quotaUse(used: number, quota: number): number {
  if (quota <= 0) return 1
  return Math.min(1, used / quota)
}
