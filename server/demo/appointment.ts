import { checkBid, createProcurement, putAppointmentRuleSet, recordPledge } from '#shared/contracts/bid-restrictions'
import { MUNICIPAL_STAFF } from './data/accounts.ts'
import { APPOINTMENT, PROCUREMENT } from './data/appointment.ts'
import { POSTINGS } from './data/postings.ts'
import type { DemoContext } from './context.ts'

/** The appointment's 入札制限: rule set, pledge, a procurement the appointee advises on, and two logged bid checks. */
export async function feedBidRestrictions(ctx: DemoContext): Promise<void> {
  const posting = POSTINGS.find((p) => p.key === APPOINTMENT.posting)!
  const staff = await ctx.staff(MUNICIPAL_STAFF[posting.municipality])
  const appointmentId = ctx.appointmentIds.get(APPOINTMENT.candidate)!
  const params = { id: appointmentId }
  await staff(putAppointmentRuleSet, { params, body: { rules: APPOINTMENT.rules.map((rule) => ({ ...rule })) } })
  await staff(recordPledge, {
    params,
    body: {
      signerName: APPOINTMENT.pledge.signerName,
      signedOn: ctx.day(APPOINTMENT.startsDay),
      disclosedEmployers: APPOINTMENT.pledge.disclosedEmployers.map((employer) => ({ ...employer })),
      shareholdings: APPOINTMENT.pledge.shareholdings.map((holding) => ({ ...holding })),
    },
  })
  const procurement = await staff(createProcurement, {
    body: {
      title: PROCUREMENT.title,
      categories: [...PROCUREMENT.categories],
      publishedOn: ctx.day(PROCUREMENT.publishedDay),
      bidsOn: ctx.day(PROCUREMENT.bidsDay),
      participants: [{ appointmentId, role: 'advises' }],
      expectedBidderCorporateNumbers: [...PROCUREMENT.expectedBidders],
    },
  })
  for (const bidder of [PROCUREMENT.checkedBidders.restricted, PROCUREMENT.checkedBidders.allowed]) {
    await staff(checkBid, { body: { procurementId: procurement.id, bidderCorporateNumber: bidder } })
  }
}
