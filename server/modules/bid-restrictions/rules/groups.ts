/**
 * Company-graph traversal (企業グループ) over plain, dated link rows. Every answer carries the path from the start
 * company, so a finding can say "bidder → 親会社 P → 子会社 S1". Traversal is breadth-first with a visited set (links
 * may form cycles), ignores links outside their dated window, and is deterministic whatever the order of the rows.
 */
import type { IsoDate } from '#shared/domain/dates'

/**
 * parent_subsidiary: from = 親会社, to = 子会社 (会社法 第2条第3号・第4号); consolidated_group: from = group head,
 * to = member (連結決算の対象); related: 関連事業者 not covered by the other kinds, undirected.
 */
export type CompanyLinkKind = 'parent_subsidiary' | 'consolidated_group' | 'related'

export interface CompanyLink {
  readonly kind: CompanyLinkKind
  readonly from: string
  readonly to: string
  /** Inclusive dates; `null` = open at that end. */
  readonly startsOn: IsoDate | null
  readonly endsOn: IsoDate | null
}

/** What `to` is to `from` in one step. */
export type GroupRelation = '親会社' | '子会社' | '連結グループ' | '関連事業者'

export interface GroupStep {
  from: string
  to: string
  relation: GroupRelation
}

export interface ReachedCompany {
  corporateNumber: string
  /** Steps from the start company to this one (never empty). */
  path: GroupStep[]
}

/** Which companies count as 関連事業者 (B2): the consolidated group plus `related` links, or `related` links only. */
export type RelatedScope = 'group_and_related' | 'related_only'

/** A link counts on `asOf` when the date lies inside its inclusive window. */
export function isLinkActive(link: CompanyLink, asOf: IsoDate): boolean {
  return (link.startsOn === null || link.startsOn <= asOf) && (link.endsOn === null || asOf <= link.endsOn)
}

/**
 * 親会社・子会社 (会社法 第2条第3号・第4号): parents at any height and subsidiaries at any depth, since control through
 * a subsidiary counts. Sister companies are not included. Only `parent_subsidiary` links are followed.
 */
export function parentsAndSubsidiaries(links: readonly CompanyLink[], company: string, asOf: IsoDate): ReachedCompany[] {
  const active = activeLinks(links, asOf, ['parent_subsidiary'])
  return traverse(company, ['up', 'down'], (from, phase) => (phase === 'up' ? parentMoves(active, from) : childMoves(active, from)))
}

/**
 * 連結決算の対象となる企業 (B1): climb to every parent or consolidated-group head, then descend from each of them
 * and from the company itself. This yields parents, subsidiaries at any depth, sister companies and the
 * co-members of a consolidated group, but not the other group of a second parent's parent.
 */
export function consolidatedGroup(links: readonly CompanyLink[], company: string, asOf: IsoDate): ReachedCompany[] {
  const active = activeLinks(links, asOf, ['parent_subsidiary', 'consolidated_group'])
  return traverse(company, ['up'], (from, phase) => (phase === 'up' ? [...parentMoves(active, from), ...childMoves(active, from)] : childMoves(active, from)))
}

/**
 * 関連事業者 (B2; the seed does not define it): by default the consolidated group plus the companies joined to
 * `company` by a `related` link (one step: a related company's related company is not included).
 */
export function relatedCompanies(links: readonly CompanyLink[], company: string, asOf: IsoDate, scope: RelatedScope = 'group_and_related'): ReachedCompany[] {
  const group = scope === 'group_and_related' ? consolidatedGroup(links, company, asOf) : []
  const direct = activeLinks(links, asOf, ['related'])
    .flatMap((link) => (link.from === company ? [link.to] : link.to === company ? [link.from] : []))
    .filter((other) => other !== company)
    .map((other): ReachedCompany => ({ corporateNumber: other, path: [{ from: company, to: other, relation: '関連事業者' }] }))
  const shortest = new Map<string, ReachedCompany>()
  for (const reached of [...group, ...direct].sort(byPathThenNumber)) {
    if (!shortest.has(reached.corporateNumber)) shortest.set(reached.corporateNumber, reached)
  }
  return [...shortest.values()].sort(byPathThenNumber)
}

/** The reached companies keyed by 法人番号, for lookups from the rules. */
export function byCorporateNumber(reached: readonly ReachedCompany[]): Map<string, GroupStep[]> {
  return new Map(reached.map((company) => [company.corporateNumber, company.path]))
}

type Phase = 'up' | 'down'

interface Move {
  to: string
  relation: GroupRelation
  phase: Phase
}

function activeLinks(links: readonly CompanyLink[], asOf: IsoDate, kinds: readonly CompanyLinkKind[]): CompanyLink[] {
  return links.filter((link) => kinds.includes(link.kind) && link.from !== link.to && isLinkActive(link, asOf))
}

/** Steps to the companies above `company`: its parents and the heads of groups it belongs to. */
function parentMoves(links: readonly CompanyLink[], company: string): Move[] {
  return links
    .filter((link) => link.to === company)
    .map((link) => ({ to: link.from, relation: link.kind === 'parent_subsidiary' ? '親会社' : '連結グループ', phase: 'up' }) as const)
}

/** Steps to the companies below `company`: its subsidiaries and the members of a group it heads. */
function childMoves(links: readonly CompanyLink[], company: string): Move[] {
  return links
    .filter((link) => link.from === company)
    .map((link) => ({ to: link.to, relation: link.kind === 'parent_subsidiary' ? '子会社' : '連結グループ', phase: 'down' }) as const)
}

const relationOrder: Record<GroupRelation, number> = { 親会社: 0, 子会社: 1, 連結グループ: 2, 関連事業者: 3 }

function byMove(a: Move, b: Move): number {
  return compareText(a.to, b.to) || relationOrder[a.relation] - relationOrder[b.relation] || compareText(a.phase, b.phase)
}

/**
 * Breadth-first search over (company, phase) states, so that a company reached going up may still be descended
 * from, and the first path found to a company is a shortest one. Moves are sorted, so the order of the input rows
 * never changes the answer.
 */
function traverse(start: string, startPhases: readonly Phase[], movesFrom: (company: string, phase: Phase) => Move[]): ReachedCompany[] {
  const visited = new Set(startPhases.map((phase) => `${phase}:${start}`))
  const reached = new Map<string, GroupStep[]>()
  let frontier = startPhases.map((phase) => ({ company: start, phase, path: [] as GroupStep[] }))
  while (frontier.length > 0) {
    const next: typeof frontier = []
    for (const state of frontier) {
      for (const move of [...movesFrom(state.company, state.phase)].sort(byMove)) {
        const key = `${move.phase}:${move.to}`
        if (visited.has(key)) continue
        visited.add(key)
        const path = [...state.path, { from: state.company, to: move.to, relation: move.relation }]
        if (move.to !== start && !reached.has(move.to)) reached.set(move.to, path)
        next.push({ company: move.to, phase: move.phase, path })
      }
    }
    frontier = next
  }
  return [...reached].map(([corporateNumber, path]) => ({ corporateNumber, path })).sort(byPathThenNumber)
}

function byPathThenNumber(a: ReachedCompany, b: ReachedCompany): number {
  return a.path.length - b.path.length || compareText(a.corporateNumber, b.corporateNumber)
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
