/**
 * Rows for the bid-restrictions API tests: companies with links, and appointments (任用) inserted directly with
 * their posting, candidate, employment history and application, so a test does not walk the whole hiring flow.
 * Test-only; the production path creates appointments through applications.
 */
import { randomUUID } from 'node:crypto'
import type { Db } from '../../db/database.ts'
import type { Employment } from './rules/index.ts'

export async function insertCompanies(db: Db, companies: Record<string, string>): Promise<void> {
  const rows = Object.entries(companies).map(([corporate_number, name]) => ({ corporate_number, name }))
  if (rows.length === 0) return
  await db
    .insertInto('company')
    .values(rows)
    .onConflict((conflict) => conflict.column('corporate_number').doNothing())
    .execute()
}

export async function insertLinks(
  db: Db,
  links: ReadonlyArray<{
    kind: 'parent_subsidiary' | 'consolidated_group' | 'related'
    from: string
    to: string
    startsOn?: string | null
    endsOn?: string | null
  }>,
): Promise<void> {
  if (links.length === 0) return
  await db
    .insertInto('company_link')
    .values(
      links.map((link) => ({
        kind: link.kind,
        from_corporate_number: link.from,
        to_corporate_number: link.to,
        starts_on: link.startsOn ?? null,
        ends_on: link.endsOn ?? null,
      })),
    )
    .execute()
}

export interface AppointmentFixture {
  municipalityCode: string
  startsOn: string
  endsOn: string
  employments: Employment[]
  /** The posting's 入札制限 clause (templateIds and params). */
  bidRestriction?: { templateIds: string[]; params?: Record<string, Record<string, unknown>> }
  /** Reuse a person (a shared appointment at several municipalities). */
  candidateId?: string
  /** 任用形態; 特別職非常勤職員 when not given. */
  appointmentForm?: string
}

/** Inserts posting → candidate (+ employment history) → application → appointment; returns the ids. */
export async function insertAppointment(db: Db, fixture: AppointmentFixture): Promise<{ appointmentId: string; candidateId: string; postingId: string }> {
  const posting = await db
    .insertInto('posting')
    .values({
      municipality_code: fixture.municipalityCode,
      prefecture_code: fixture.municipalityCode.slice(0, 2),
      state: 'published',
      form: JSON.stringify({ title: 'CIO補佐官', bidRestriction: { templateIds: [], params: {}, note: null, ...fixture.bidRestriction } }),
      title: 'CIO補佐官',
    } as never)
    .returning('id')
    .executeTakeFirstOrThrow()
  let candidateId = fixture.candidateId
  if (!candidateId) {
    const candidate = await db
      .insertInto('candidate')
      .values({ full_name: '山田 花子' } as never)
      .returning('id')
      .executeTakeFirstOrThrow()
    candidateId = candidate.id
    for (const spell of fixture.employments) {
      await db
        .insertInto('candidate_employment')
        .values({
          candidate_id: candidateId,
          corporate_number: spell.corporateNumber,
          relationship: spell.relationship,
          starts_on: spell.startsOn,
          ends_on: spell.endsOn,
        })
        .execute()
    }
  }
  const application = await db
    .insertInto('application')
    .values({
      posting_id: posting.id,
      candidate_id: candidateId,
      municipality_code: fixture.municipalityCode,
      status: 'appointed',
      motivation: '志望動機',
    } as never)
    .returning('id')
    .executeTakeFirstOrThrow()
  const appointment = await db
    .insertInto('appointment')
    .values({
      id: randomUUID(),
      application_id: application.id,
      posting_id: posting.id,
      candidate_id: candidateId,
      municipality_code: fixture.municipalityCode,
      role_id: 'producer',
      appointment_form: fixture.appointmentForm ?? 'tokubetsushoku_hijokin',
      starts_on: fixture.startsOn,
      ends_on: fixture.endsOn,
      advises_on_procurement: true,
      drafts_specifications: true,
      employment_snapshot: JSON.stringify(fixture.employments),
    } as never)
    .returning('id')
    .executeTakeFirstOrThrow()
  return { appointmentId: appointment.id, candidateId, postingId: posting.id }
}
