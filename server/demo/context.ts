import type { FastifyInstance } from 'fastify'
import { addDays, type IsoDate } from '#shared/domain/dates'
import { signIn, type DemoCaller } from './api.ts'
import { STAFF, type StaffKey } from './data/accounts.ts'

/** What the feeders share while the world is built: who is signed in, and the ids the API gave back. */
export interface DemoContext {
  readonly today: IsoDate
  /** The date `offset` days from the day the demo is created. */
  day(offset: number): IsoDate
  /** The demo person with this address, signed in once. */
  as(email: string): Promise<DemoCaller>
  staff(key: StaffKey): Promise<DemoCaller>
  readonly postingIds: Map<string, string>
  readonly appointmentIds: Map<string, string>
}

export function demoContext(app: FastifyInstance, password: string, today: IsoDate): DemoContext {
  const callers = new Map<string, Promise<DemoCaller>>()
  const as = (email: string) => {
    let caller = callers.get(email)
    if (!caller) {
      caller = signIn(app, email, password, callers.size)
      callers.set(email, caller)
    }
    return caller
  }
  return {
    today,
    day: (offset) => addDays(today, offset),
    as,
    staff: (key) => as(STAFF[key].email),
    postingIds: new Map(),
    appointmentIds: new Map(),
  }
}
