import {
  createDispatchExpert,
  createDispatchMenu,
  createPool,
  createSharedAppointment,
  createTalent,
  listPoolListings,
  optInToPool,
  requestDispatch,
  requestEngagement,
  transitionDispatchRequest,
  transitionEngagement,
  updateDispatchSettings,
} from '#shared/contracts/sharing'
import { poolCardFields } from '#shared/domain/sharing/pools'
import { daysBetween, fiscalYearOf, fiscalYearRange } from '#shared/domain/dates'
import { MUNICIPAL_STAFF } from './data/accounts.ts'
import { MUNICIPALITIES } from './data/places.ts'
import { DISPATCH, ENGAGEMENTS, JOINT_APPOINTMENT, LISTINGS, POOL } from './data/sharing.ts'
import type { DemoContext } from './context.ts'

/**
 * The days of the demo's dispatches, counted from tomorrow; when the 年度 ends within three weeks they move to the
 * next 年度, so the quota of one 年度 holds all of them.
 */
function firstDispatchOffset(ctx: DemoContext): number {
  const lastDay = Math.max(...DISPATCH.requests.map((request) => request.day)) + 1
  const year = fiscalYearOf(ctx.today)
  if (fiscalYearOf(ctx.day(lastDay)) === year) return 1
  return daysBetween(ctx.today, fiscalYearRange(year + 1).from)
}

/** 愛媛県's pool, its listings and engagements, the joint appointment and the dispatch register. */
export async function feedSharing(ctx: DemoContext): Promise<void> {
  const ehime = await ctx.staff('ehime')
  const pool = await ehime(createPool, { body: { name: POOL.name, description: POOL.description, memberCodes: POOL.members.map((m) => MUNICIPALITIES[m]) } })
  for (const listing of LISTINGS) {
    const person = await ctx.as(listing.candidate)
    await person(optInToPool, {
      params: { poolId: pool.id },
      body: {
        card: { ...listing.card, availableDaysPerWeek: listing.availableDaysPerWeek },
        visibleFields: poolCardFields.filter((field) => field !== 'career'),
        availableDaysPerWeek: listing.availableDaysPerWeek,
      },
    })
  }
  for (const engagement of ENGAGEMENTS) {
    const requester = await ctx.staff(MUNICIPAL_STAFF[engagement.requester])
    const listings = await requester(listPoolListings, { params: { poolId: pool.id } })
    const name = LISTINGS.find((l) => l.candidate === engagement.candidate)!.card.displayName
    const listing = listings.items.find((item) => item.card.displayName === name)!
    const requested = await requester(requestEngagement, {
      params: { poolId: pool.id },
      body: {
        listingId: listing.id,
        topic: engagement.topic,
        detail: engagement.detail,
        expectedDays: engagement.expectedDays,
        startsOn: ctx.day(engagement.startsDay),
        endsOn: ctx.day(engagement.endsDay),
      },
    })
    if (!engagement.terms) continue
    await ehime(transitionEngagement, { params: { id: requested.id }, body: { action: 'offer', terms: engagement.terms } })
    if (engagement.agreed) await (await ctx.as(engagement.candidate))(transitionEngagement, { params: { id: requested.id }, body: { action: 'accept' } })
  }

  const talent = await ehime(createTalent, { body: { ...JOINT_APPOINTMENT.talent, employments: [...JOINT_APPOINTMENT.talent.employments], bidRules: [] } })
  await ehime(createSharedAppointment, {
    body: {
      kind: 'joint',
      talentId: talent.id,
      title: JOINT_APPOINTMENT.title,
      roleId: JOINT_APPOINTMENT.roleId,
      startsOn: ctx.day(JOINT_APPOINTMENT.startsDay),
      endsOn: ctx.day(JOINT_APPOINTMENT.startsDay + JOINT_APPOINTMENT.lengthDays),
      daysPerWeek: JOINT_APPOINTMENT.daysPerWeek,
      annualCostYen: JOINT_APPOINTMENT.annualCostYen,
      bidRules: [{ templateId: 'B1', params: { tenureYears: 10 } }],
      shares: JOINT_APPOINTMENT.shares.map((share) => ({
        localGovernmentCode: MUNICIPALITIES[share.municipality],
        timePercent: share.timePercent,
        costYen: share.costYen,
      })),
    },
  })

  const menus = []
  for (const menu of DISPATCH.menus) menus.push(await ehime(createDispatchMenu, { body: { ...menu, modes: [...menu.modes] } }))
  const expert = await ehime(createDispatchExpert, {
    body: { talent: { ...DISPATCH.expert.talent, employments: [], bidRules: [] }, themes: [...DISPATCH.expert.themes] },
  })
  await ehime(updateDispatchSettings, { body: { ...DISPATCH.scheme, requesterKinds: [...DISPATCH.scheme.requesterKinds], adviserExpertId: null } })
  const first = firstDispatchOffset(ctx)
  for (const request of DISPATCH.requests) {
    const municipality = await ctx.staff(MUNICIPAL_STAFF[request.municipality])
    const date = ctx.day(first + request.day)
    const created = await municipality(requestDispatch, {
      body: { menuId: menus[request.menu]!.id, topic: request.topic, detail: '', preferredDates: [date], mode: request.mode },
    })
    if (request.approve) {
      await ehime(transitionDispatchRequest, {
        params: { id: created.id },
        body: { action: 'approve', expertId: expert.id, scheduledOn: date, note: '当日はオンライン会議のURLを別途お送りします。' },
      })
    }
  }
}
