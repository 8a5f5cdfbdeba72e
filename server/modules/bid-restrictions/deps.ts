/**
 * What every 入札制限 use case shares: its dependencies and the caller's scope. Municipal staff act on their own
 * municipality's records only; anything else is "not found".
 */
import type { Appointment as AppointmentView } from '#shared/contracts/applications'
import { todayInJapan } from '#shared/domain/dates'
import type { ErrorDetail } from '#shared/errors'
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/database.ts'
import type { Actor } from '../../http/actor.ts'
import { AppError, notFound } from '../../http/errors.ts'
import { appointmentsFor } from '../applications/index.ts'
import type { OtherAppointments } from './facts-loader.ts'
import * as repository from './repository.ts'

export interface BidRestrictionDeps {
  db: Db
  clock: Clock
  /**
   * People serving the municipality through other modules (sharing's `sharingAppointmentsFor`), given by app.ts
   * so this module does not import sharing back. Their restrictions join the bid checks and restricted sets.
   */
  otherAppointments?: OtherAppointments
}

export type Municipal = Extract<Actor, { kind: 'municipality' }>
export type RequestInfo = { ip: string; id: string }

export const PROCUREMENT_NOT_FOUND = '指定された調達案件は見つかりません。'

export function municipal(actor: Actor): Municipal {
  if (actor.kind !== 'municipality') throw new AppError('FORBIDDEN', 'この操作は市区町村の担当者が行います。')
  return actor
}

export function asOfOf(deps: BidRestrictionDeps, asOf: string | undefined): string {
  return asOf ?? todayInJapan(deps.clock())
}

export async function ownProcurement(tx: Db, actor: Municipal, id: string) {
  const row = await repository.findProcurement(tx, id, actor.localGovernmentCode)
  if (!row) throw notFound(PROCUREMENT_NOT_FOUND)
  return row
}

/** The appointment if it is one of the municipality's (any term); 404 otherwise. */
export async function ownAppointment(tx: Db, actor: Municipal, id: string): Promise<AppointmentView> {
  const appointment = (await appointmentsFor(tx, { municipalityCode: actor.localGovernmentCode })).find((candidate) => candidate.id === id)
  if (!appointment) throw notFound('指定された任用は見つかりません。')
  return appointment
}

export function invalid(message: string, details: ErrorDetail[]): AppError {
  return new AppError('VALIDATION_FAILED', message, 400, details)
}
