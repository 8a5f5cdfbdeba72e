/**
 * What every sharing use case shares: its dependencies, the acting 団体 as a pool viewer, and notices to staff.
 */
import type { IsoDate } from '#shared/domain/dates'
import type { PoolViewer } from '#shared/domain/sharing/index'
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/database.ts'
import type { Actor } from '../../http/actor.ts'
import { AppError } from '../../http/errors.ts'
import { staffEmails, type StaffAudience } from '../accounts/index.ts'
import { enqueueMail } from '../mail/index.ts'
import type { CompanyLink, RuleConfig } from '../bid-restrictions/rules/index.ts'
import type { Notice } from './mails.ts'
import type * as referenceRepo from './reference-repository.ts'
import type { AdvisedProcurement } from './rules.ts'

/**
 * Where the conflict check reads the serving municipality's rule set and the procurements a person would advise
 * on. The bid-restrictions module will provide these; until then nothing is known and every check is clear.
 */
export interface ConflictSource {
  ruleSetFor(tx: Db, municipalityCode: string): Promise<RuleConfig[]>
  procurementsFor(tx: Db, municipalityCode: string, from: IsoDate, to: IsoDate): Promise<AdvisedProcurement[]>
  companyLinksFor(tx: Db, corporateNumbers: readonly string[]): Promise<CompanyLink[]>
}

export const NO_CONFLICT_SOURCE: ConflictSource = {
  ruleSetFor: async () => [],
  procurementsFor: async () => [],
  companyLinksFor: async () => [],
}

export interface SharingDeps {
  db: Db
  clock: Clock
  conflicts?: ConflictSource
  /** PUBLIC_URL, for links in notices. */
  publicUrl?: string
  /** Starts delivery after a commit that queued mail (else the retry timer sends it). */
  kickMail?: () => void
}

export type RequestInfo = { ip: string; id: string }

export function iso(value: Date | string | null): string | null {
  return value === null ? null : new Date(value).toISOString()
}

export function forbidden(): AppError {
  return new AppError('FORBIDDEN', 'この操作を行う権限がありません。')
}

/** A prefecture or municipality acting on pools and appointments, by the 団体コード it acts as. */
export function viewerOf(actor: Actor): PoolViewer | null {
  if (actor.kind === 'prefecture') return { kind: 'prefecture', prefectureCode: actor.prefectureCode }
  if (actor.kind === 'municipality') return { kind: 'municipality', localGovernmentCode: actor.localGovernmentCode }
  return null
}

export function requireViewer(actor: Actor): PoolViewer {
  const viewer = viewerOf(actor)
  if (!viewer) throw forbidden()
  return viewer
}

export function names(map: Map<string, referenceRepo.LocalGovernmentRef>, code: string) {
  return { code, name: map.get(code)?.name ?? code }
}

// ── notices ────────────────────────────────────────────────────────────────────────────────────────────────────

/** Queues the notice to every confirmed staff address of the audience (accounts module); returns how many. */
export async function noticeToStaff(tx: Db, audience: StaffAudience, notice: Notice): Promise<number> {
  const addresses = await staffEmails(tx, audience)
  for (const to of addresses) await enqueueMail(tx, { to, ...notice })
  return addresses.length
}

/** Runs a use case and starts mail delivery once it has committed. */
export async function thenKick<T>(deps: SharingDeps, work: Promise<T>): Promise<T> {
  const result = await work
  deps.kickMail?.()
  return result
}
