/** SQL for the prefecture's dispatch scheme (派遣制度: dispatch_setting) and the use its limits count. */
import { sql } from 'kysely'
import type { Db } from '../../db/database.ts'
import type { DispatchLimits, RequesterKind } from '#shared/domain/sharing/index'
import type { DispatchRequestRow } from './dispatch-repository.ts'

export interface StoredScheme extends DispatchLimits {
  name: string
  costBearer: 'prefecture' | 'requester' | 'shared'
  adviserExpertId: string | null
  notes: string
}

const num = (value: number | string | null): number | null => (value === null ? null : Number(value))

export async function findScheme(db: Db, prefectureCode: string): Promise<StoredScheme | null> {
  const row = await db.selectFrom('dispatch_setting').selectAll().where('prefecture_code', '=', prefectureCode).executeTakeFirst()
  if (!row) return null
  return {
    name: row.scheme_name,
    costBearer: row.cost_bearer,
    timesPerFiscalYear: row.quota_per_fiscal_year,
    menusPerFiscalYear: row.menus_per_fiscal_year,
    maxDaysPerRequest: num(row.max_days_per_request),
    maxHoursPerRequest: num(row.max_hours_per_request),
    requesterKinds: row.requester_kinds as RequesterKind[],
    adviserExpertId: row.adviser_expert_id,
    notes: row.notes,
  }
}

export async function saveScheme(db: Db, prefectureCode: string, scheme: StoredScheme, now: Date): Promise<void> {
  const values = {
    scheme_name: scheme.name,
    cost_bearer: scheme.costBearer,
    quota_per_fiscal_year: scheme.timesPerFiscalYear,
    menus_per_fiscal_year: scheme.menusPerFiscalYear,
    max_days_per_request: scheme.maxDaysPerRequest,
    max_hours_per_request: scheme.maxHoursPerRequest,
    requester_kinds: [...scheme.requesterKinds],
    adviser_expert_id: scheme.adviserExpertId,
    notes: scheme.notes,
  }
  await db
    .insertInto('dispatch_setting')
    .values({ prefecture_code: prefectureCode, ...values })
    .onConflict((oc) => oc.column('prefecture_code').doUpdateSet({ ...values, updated_at: now }))
    .execute()
}

/** Requests of the prefecture not yet decided or carried out. */
export async function openRequestCount(db: Db, prefectureCode: string): Promise<number> {
  const row = await db
    .selectFrom('dispatch_request')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('prefecture_code', '=', prefectureCode)
    .where('state', 'in', ['requested', 'approved'])
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export interface Requester {
  localGovernmentCode: string
  kind: RequesterKind
  /** The 商工会's name; null for the municipality and its 教育委員会. */
  name: string | null
}

/** One requester's dispatches in the given states (one row excluded), with the date each counts on. */
export async function countedDispatchesOf(
  db: Db,
  requester: Requester,
  states: readonly string[],
  excludeId?: string,
): Promise<Array<{ on: string; menuId: string }>> {
  let query = db
    .selectFrom('dispatch_request')
    .select(['counted_on', 'menu_id'])
    .where('local_government_code', '=', requester.localGovernmentCode)
    .where('requester_kind', '=', requester.kind)
    .where('state', 'in', states as DispatchRequestRow['state'][])
  query = requester.name === null ? query.where('requester_name', 'is', null) : query.where('requester_name', '=', requester.name)
  if (excludeId) query = query.where('id', '<>', excludeId)
  return (await query.execute()).map((r) => ({ on: r.counted_on, menuId: r.menu_id }))
}

/** Serialises the limit checks of one requester (two requests at once must not both take the last dispatch). */
export async function lockRequester(tx: Db, requester: Requester): Promise<void> {
  const key = `dispatch:${requester.localGovernmentCode}:${requester.kind}:${requester.name ?? ''}`
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(tx)
}
