/** SQL for the prefecture dashboard: counts across shares, engagements and dispatches of one prefecture. */
import type { Db } from '../../db/database.ts'

export async function dashboardCounts(db: Db, prefectureCode: string, from: string, to: string) {
  const like = `${prefectureCode}%`
  const shares = await db
    .selectFrom('shared_appointment_share as s')
    .innerJoin('shared_appointment as a', 'a.id', 's.appointment_id')
    .select(['s.local_government_code as code', 'a.role_id', 'a.talent_id', 'a.kind'])
    .where('s.local_government_code', 'like', like)
    .where('a.starts_on', '<=', to)
    .where('a.ends_on', '>=', from)
    .execute()
  const engagements = await db
    .selectFrom('talent_engagement as e')
    .innerJoin('talent_pool_listing as l', 'l.id', 'e.listing_id')
    .select(['e.requester_code as code', 'e.state', 'e.talent_id', 'e.starts_on', 'e.ends_on', 'l.role_ids'])
    .where('e.requester_code', 'like', like)
    .where('e.starts_on', '<=', to)
    .where('e.ends_on', '>=', from)
    .execute()
  const dispatches = await db
    .selectFrom('dispatch_request')
    .select(['local_government_code as code', 'state'])
    .where('prefecture_code', '=', prefectureCode)
    .where('counted_on', '>=', from)
    .where('counted_on', '<=', to)
    .execute()
  return { shares, engagements, dispatches }
}
