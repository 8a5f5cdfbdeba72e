import { updateOwnConsent, updateOwnEmployments, updateOwnProfile, updateOwnSkills } from '#shared/contracts/candidates'
import { CANDIDATES, type DemoCandidate } from './data/candidates.ts'
import type { DemoContext } from './context.ts'

/** A fixed UUID per (person, experience) so the same world gets the same ids. */
function experienceId(person: number, entry: number): string {
  return `5eed0000-0000-4000-8000-${(person * 100 + entry).toString(16).padStart(12, '0')}`
}

/** Each person fills in their own profile, skills, employment history and consent, as on the profile page. */
export async function feedCandidates(ctx: DemoContext): Promise<void> {
  for (const [index, person] of CANDIDATES.entries()) await feedCandidate(ctx, person, index)
}

async function feedCandidate(ctx: DemoContext, person: DemoCandidate, index: number): Promise<void> {
  const me = await ctx.as(person.email)
  await me(updateOwnProfile, {
    body: {
      fullName: person.fullName,
      fullNameKana: person.fullNameKana,
      contactEmail: person.email,
      prefectureCode: person.prefectureCode,
      headline: person.headline,
      desiredRoles: person.desiredRoles,
      desiredAppointmentForms: person.desiredForms,
      availability: { ...person.availability, earliestStart: null },
      regions: person.regions,
    },
  })
  await me(updateOwnSkills, {
    body: {
      exams: person.exams.map((exam) => ({ ...exam, passedOn: null, registration: exam.registration ?? null })),
      otherCertifications: (person.otherCertifications ?? []).map((certification) => ({ ...certification, name: null })),
      experiences: person.experiences.map((experience, entry) => ({ ...experience, id: experienceId(index, entry), teamSize: experience.teamSize ?? null })),
      claims: [],
    },
  })
  if (person.employments.length > 0) {
    await me(updateOwnEmployments, { body: { entries: person.employments.map((employment) => ({ ...employment, companyName: null })) } })
  }
  if (person.consent.length > 0) await me(updateOwnConsent, { body: { pools: person.consent } })
}
