/**
 * Readers for the module's JSON columns. They check the stored shape (written through the contracts) so a
 * malformed row fails where it is read instead of travelling on under a cast. PostgreSQL returns jsonb parsed;
 * a text value is parsed first.
 */
import { z } from 'zod'
import { type PersonRule, type PoolCard, SharingRoleId, type TalentEmployment } from '#shared/contracts/sharing'

function stored(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value
}

const Employments: z.ZodType<TalentEmployment[]> = z.array(
  z.object({
    corporateNumber: z.string(),
    relationship: z.enum(['employee', 'officer', 'secondee', 'side_job', 'owner']),
    startsOn: z.string(),
    endsOn: z.string().nullable(),
  }),
)

const PersonRules: z.ZodType<PersonRule[]> = z.array(z.object({ templateId: z.enum(['B1', 'B2', 'C1', 'C2', 'D']), params: z.record(z.string(), z.unknown()) }))

const Card: z.ZodType<PoolCard> = z.object({
  displayName: z.string().optional(),
  headline: z.string().optional(),
  roleIds: z.array(SharingRoleId).optional(),
  skills: z.array(z.string()).optional(),
  availableDaysPerWeek: z.number().optional(),
  area: z.string().optional(),
  remoteOk: z.boolean().optional(),
  career: z.string().optional(),
})

const Texts = z.array(z.string())

/** A person's employers (sharing_talent.employments), in the 入札制限 engine's terms. */
export function readEmployments(value: unknown): TalentEmployment[] {
  return Employments.parse(stored(value))
}

/** 入札制限 rules on a person or an appointment (`bid_rules`). */
export function readPersonRules(value: unknown): PersonRule[] {
  return PersonRules.parse(stored(value))
}

/** The card a person wrote for one pool (talent_pool_listing.card). */
export function readPoolCard(value: unknown): PoolCard {
  return Card.parse(stored(value))
}

/** A list of texts: warnings of a check, preferred dates of a dispatch request. */
export function readTexts(value: unknown): string[] {
  return Texts.parse(stored(value))
}
