/** SQL for the prefecture's dispatch register (派遣: dispatch_expert, dispatch_menu, dispatch_request); the scheme is in scheme-repository.ts. */
import type { Selectable } from 'kysely'
import type { Db } from '../../db/database.ts'
import type { DispatchExpertTable, DispatchMenuTable, DispatchRequestTable } from '../../db/schema.ts'

export type ExpertRow = Selectable<DispatchExpertTable>
export type MenuRow = Selectable<DispatchMenuTable>
export type DispatchRequestRow = Selectable<DispatchRequestTable>

export function insertExpert(db: Db, values: { prefectureCode: string; talentId: string; themes: string[] }): Promise<ExpertRow> {
  return db
    .insertInto('dispatch_expert')
    .values({ prefecture_code: values.prefectureCode, talent_id: values.talentId, themes: values.themes })
    .onConflict((oc) => oc.columns(['prefecture_code', 'talent_id']).doUpdateSet({ themes: values.themes, is_active: true }))
    .returningAll()
    .executeTakeFirstOrThrow()
}

export function expertsOf(db: Db, prefectureCode: string): Promise<ExpertRow[]> {
  return db.selectFrom('dispatch_expert').selectAll().where('prefecture_code', '=', prefectureCode).orderBy('created_at').orderBy('id').execute()
}

export function findExpert(db: Db, id: string): Promise<ExpertRow | undefined> {
  return db.selectFrom('dispatch_expert').selectAll().where('id', '=', id).executeTakeFirst()
}

export function insertMenu(
  db: Db,
  values: { prefectureCode: string; title: string; description: string; provider: string | null; modes: string[] },
): Promise<MenuRow> {
  return db
    .insertInto('dispatch_menu')
    .values({ prefecture_code: values.prefectureCode, title: values.title, description: values.description, provider: values.provider, modes: values.modes })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export function menusOf(db: Db, prefectureCode: string, activeOnly: boolean): Promise<MenuRow[]> {
  let query = db.selectFrom('dispatch_menu').selectAll().where('prefecture_code', '=', prefectureCode)
  if (activeOnly) query = query.where('is_active', '=', true)
  return query.orderBy('created_at').orderBy('id').execute()
}

export function findMenu(db: Db, id: string): Promise<MenuRow | undefined> {
  return db.selectFrom('dispatch_menu').selectAll().where('id', '=', id).executeTakeFirst()
}

export function insertDispatchRequest(
  db: Db,
  values: {
    prefectureCode: string
    localGovernmentCode: string
    requester: { kind: 'municipality' | 'board_of_education' | 'chamber_of_commerce'; name: string | null }
    days: number
    hours: number | null
    menuId: string
    topic: string
    detail: string
    preferredDates: string[]
    mode: 'online' | 'on_site'
    countedOn: string
    createdBy: string
  },
): Promise<DispatchRequestRow> {
  return db
    .insertInto('dispatch_request')
    .values({
      prefecture_code: values.prefectureCode,
      local_government_code: values.localGovernmentCode,
      requester_kind: values.requester.kind,
      requester_name: values.requester.name,
      requested_days: values.days,
      requested_hours: values.hours,
      menu_id: values.menuId,
      topic: values.topic,
      detail: values.detail,
      preferred_dates: JSON.stringify(values.preferredDates),
      mode: values.mode,
      counted_on: values.countedOn,
      created_by: values.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export function findDispatchRequest(db: Db, id: string, forUpdate = false): Promise<DispatchRequestRow | undefined> {
  const query = db.selectFrom('dispatch_request').selectAll().where('id', '=', id)
  return (forUpdate ? query.forUpdate() : query).executeTakeFirst()
}

export function dispatchRequestsWhere(
  db: Db,
  filter: { prefectureCode?: string; localGovernmentCode?: string; state?: string; from?: string; to?: string },
): Promise<DispatchRequestRow[]> {
  let query = db.selectFrom('dispatch_request').selectAll()
  if (filter.prefectureCode) query = query.where('prefecture_code', '=', filter.prefectureCode)
  if (filter.localGovernmentCode) query = query.where('local_government_code', '=', filter.localGovernmentCode)
  if (filter.state) query = query.where('state', '=', filter.state as DispatchRequestRow['state'])
  if (filter.from) query = query.where('counted_on', '>=', filter.from)
  if (filter.to) query = query.where('counted_on', '<=', filter.to)
  return query.orderBy('created_at', 'desc').orderBy('id').execute()
}

export function updateDispatchRequest(
  db: Db,
  id: string,
  set: Partial<Omit<DispatchRequestRow, 'id' | 'warnings' | 'preferred_dates'>> & { warnings?: string },
) {
  return db.updateTable('dispatch_request').set(set).where('id', '=', id).returningAll().executeTakeFirstOrThrow()
}

export async function dispatchTalentIds(db: Db, prefectureCode: string, from: string, to: string): Promise<string[]> {
  const rows = await db
    .selectFrom('dispatch_request as r')
    .innerJoin('dispatch_expert as e', 'e.id', 'r.expert_id')
    .select('e.talent_id')
    .where('r.prefecture_code', '=', prefectureCode)
    .where('r.state', 'in', ['approved', 'completed'])
    .where('r.counted_on', '>=', from)
    .where('r.counted_on', '<=', to)
    .execute()
  return rows.map((r) => r.talent_id)
}
