import { applyToPosting, moveApplication, withdrawApplication, type ApplicationStatus } from '#shared/contracts/applications'
import { transitionPosting } from '#shared/contracts/postings'
import { MUNICIPAL_STAFF } from './data/accounts.ts'
import { APPLICATIONS, STEP_NOTES } from './data/applications.ts'
import { APPOINTMENT } from './data/appointment.ts'
import { POSTINGS } from './data/postings.ts'
import type { DemoContext } from './context.ts'

/** The staff's steps from 応募受付 to each final status (取下げ is the candidate's own step). */
const PATH: Record<ApplicationStatus, ApplicationStatus[]> = {
  received: [],
  screening: ['screening'],
  interview: ['screening', 'interview'],
  offered: ['screening', 'interview', 'offered'],
  appointed: ['screening', 'interview', 'offered', 'appointed'],
  rejected: ['screening', 'rejected'],
  declined: ['screening', 'interview', 'offered', 'declined'],
  withdrawn: [],
}

/**
 * People apply to published postings and the municipality takes each application along its selection; the 任用
 * records the appointment, after which its posting is closed as 採用決定.
 */
export async function feedApplications(ctx: DemoContext): Promise<void> {
  for (const application of APPLICATIONS) {
    const posting = POSTINGS.find((p) => p.key === application.posting)!
    const postingId = ctx.postingIds.get(posting.key)!
    const candidate = await ctx.as(application.candidate)
    const staff = await ctx.staff(MUNICIPAL_STAFF[posting.municipality])
    const applied = await candidate(applyToPosting, { params: { postingId }, body: { motivation: application.motivation } })
    if (application.status === 'withdrawn') await candidate(withdrawApplication, { params: { id: applied.id } })
    for (const to of PATH[application.status]) {
      const moved = await staff(moveApplication, {
        params: { id: applied.id },
        body: {
          to,
          note: STEP_NOTES[to] ?? '',
          interviewAt: to === 'interview' ? `${ctx.day(7)}T10:00:00+09:00` : null,
          appointment:
            to === 'appointed'
              ? { ...APPOINTMENT.input, startsOn: ctx.day(APPOINTMENT.startsDay), endsOn: ctx.day(APPOINTMENT.startsDay + APPOINTMENT.lengthDays) }
              : null,
        },
      })
      if (moved.appointment) ctx.appointmentIds.set(application.candidate, moved.appointment.id)
    }
  }
  for (const posting of POSTINGS.filter((p) => p.state === 'closed')) {
    const staff = await ctx.staff(MUNICIPAL_STAFF[posting.municipality])
    await staff(transitionPosting, { params: { id: ctx.postingIds.get(posting.key)! }, body: { action: 'close', closeReason: 'filled' } })
  }
}
