/** SQL for talents (sharing_talent) and everything a person is committed to, for capacity and the bid engine. */
import type { Selectable } from 'kysely'
import type { Db } from '../../db/database.ts'
import type { SharingTalentTable } from '../../db/schema.ts'
import { type DispatchRequestRow } from './dispatch-repository.ts'
import { type EngagementRow } from './pools-repository.ts'
import { type SharedAppointmentRow, type ShareRow, sharesOf } from './appointments-repository.ts'

export type TalentRow = Selectable<SharingTalentTable>

export function findTalent(db: Db, id: string): Promise<TalentRow | undefined> {
  return db.selectFrom('sharing_talent').selectAll().where('id', '=', id).executeTakeFirst()
}

export function findTalentOfAccount(db: Db, accountId: string): Promise<TalentRow | undefined> {
  return db.selectFrom('sharing_talent').selectAll().where('candidate_account_id', '=', accountId).executeTakeFirst()
}

export function insertTalent(
  db: Db,
  values: {
    displayName: string
    availableDaysPerWeek: number
    ownerPrefectureCode: string | null
    candidateAccountId: string | null
    employments: unknown[]
    bidRules?: unknown[]
  },
): Promise<TalentRow> {
  return db
    .insertInto('sharing_talent')
    .values({
      display_name: values.displayName,
      available_days_per_week: values.availableDaysPerWeek,
      owner_prefecture_code: values.ownerPrefectureCode,
      candidate_account_id: values.candidateAccountId,
      employments: JSON.stringify(values.employments),
      bid_rules: JSON.stringify(values.bidRules ?? []),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export function updateTalentAvailability(db: Db, id: string, displayName: string, availableDaysPerWeek: number, now: Date): Promise<TalentRow> {
  return db
    .updateTable('sharing_talent')
    .set({ display_name: displayName, available_days_per_week: availableDaysPerWeek, updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** Talents an operator may place: registered by its prefecture, listed in a pool it runs, or in an appointment it runs. */
export async function talentsForOperator(db: Db, operatorCode: string, ownerPrefectureCode: string | null): Promise<TalentRow[]> {
  return db
    .selectFrom('sharing_talent as t')
    .selectAll('t')
    .where((eb) =>
      eb.or([
        ...(ownerPrefectureCode ? [eb('t.owner_prefecture_code', '=', ownerPrefectureCode)] : []),
        eb.exists(
          eb
            .selectFrom('talent_pool_listing as l')
            .innerJoin('talent_pool as p', 'p.id', 'l.pool_id')
            .select('l.id')
            .whereRef('l.talent_id', '=', 't.id')
            .where('l.is_listed', '=', true)
            .where('p.operator_code', '=', operatorCode),
        ),
        eb.exists(eb.selectFrom('shared_appointment as a').select('a.id').whereRef('a.talent_id', '=', 't.id').where('a.operator_code', '=', operatorCode)),
      ]),
    )
    .orderBy('t.display_name')
    .orderBy('t.id')
    .execute()
}

export interface TalentCommitmentRows {
  engagements: EngagementRow[]
  appointments: SharedAppointmentRow[]
  shares: Map<string, ShareRow[]>
  dispatches: (DispatchRequestRow & { menu_title: string })[]
}

export async function commitmentRowsOf(db: Db, talentId: string): Promise<TalentCommitmentRows> {
  const engagements = await db.selectFrom('talent_engagement').selectAll().where('talent_id', '=', talentId).where('state', '=', 'agreed').execute()
  const appointments = await db.selectFrom('shared_appointment').selectAll().where('talent_id', '=', talentId).execute()
  const shares = await sharesOf(
    db,
    appointments.map((a) => a.id),
  )
  const dispatches = await db
    .selectFrom('dispatch_request as r')
    .innerJoin('dispatch_expert as e', 'e.id', 'r.expert_id')
    .innerJoin('dispatch_menu as m', 'm.id', 'r.menu_id')
    .selectAll('r')
    .select('m.title as menu_title')
    .where('e.talent_id', '=', talentId)
    .where('r.state', 'in', ['approved', 'completed'])
    .execute()
  return { engagements, appointments, shares, dispatches }
}

export async function servingRowsOn(db: Db, municipalityCode: string, on: string) {
  const shares = await db
    .selectFrom('shared_appointment_share as s')
    .innerJoin('shared_appointment as a', 'a.id', 's.appointment_id')
    .select(['a.id', 'a.talent_id', 'a.starts_on', 'a.ends_on', 'a.bid_rules'])
    .where('s.local_government_code', '=', municipalityCode)
    .where('a.starts_on', '<=', on)
    .where('a.ends_on', '>=', on)
    .execute()
  const engagements = await db
    .selectFrom('talent_engagement')
    .select(['id', 'talent_id', 'starts_on', 'ends_on'])
    .where('requester_code', '=', municipalityCode)
    .where('state', '=', 'agreed')
    .where('starts_on', '<=', on)
    .where('ends_on', '>=', on)
    .execute()
  const dispatches = await db
    .selectFrom('dispatch_request as r')
    .innerJoin('dispatch_expert as e', 'e.id', 'r.expert_id')
    .select(['r.id', 'e.talent_id', 'r.scheduled_on'])
    .where('r.local_government_code', '=', municipalityCode)
    .where('r.state', 'in', ['approved', 'completed'])
    .where('r.scheduled_on', '=', on)
    .execute()
  return { shares, engagements, dispatches }
}
