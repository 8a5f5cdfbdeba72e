import { createPosting, getRolePreset, transitionPosting, updatePostingChecklist } from '#shared/contracts/postings'
import { checklistItems } from '#shared/domain/postings/checklist'
import { clampTermEnd } from '#shared/domain/postings/appointment-forms'
import { addDays } from '#shared/domain/dates'
import type { RoleId } from '#shared/domain/skill-standard/schema'
import { MUNICIPAL_STAFF, type StaffKey } from './data/accounts.ts'
import { MUNICIPALITIES, PREFECTURES } from './data/places.ts'
import { POSTINGS } from './data/postings.ts'
import type { DemoContext } from './context.ts'

const PREFECTURE_STAFF: Record<string, StaffKey> = { [PREFECTURES.ehime]: 'ehime', [PREFECTURES.kochi]: 'kochiPref', [PREFECTURES.nagano]: 'nagano' }

/**
 * Each posting is written by its municipality with the skill standard's preset for its role, its checklist
 * ticked, then taken along the workflow (提出 → 送付 → 公開, or 差戻し) by the staff whose step it is. Postings to
 * be closed are published here and closed after their appointment (applications.ts).
 */
export async function feedPostings(ctx: DemoContext): Promise<void> {
  const national = await ctx.staff('national')
  for (const posting of POSTINGS) {
    const municipality = await ctx.staff(MUNICIPAL_STAFF[posting.municipality])
    const prefecture = await ctx.staff(PREFECTURE_STAFF[MUNICIPALITIES[posting.municipality].slice(0, 2)]!)
    const preset = await municipality(getRolePreset, { params: { roleId: posting.form.roleId as RoleId } })
    const applicationEndsOn = ctx.day(posting.applicationEndsDay)
    const termStartsOn = addDays(applicationEndsOn, posting.termStartsAfterDeadline)
    const created = await municipality(createPosting, {
      body: {
        ...posting.form,
        criteria: [...preset.criteria, ...(posting.extraCriteria ?? [])],
        applicationStartsOn: ctx.day(-7),
        applicationEndsOn,
        termStartsOn,
        // a year less a day, or less where the 任用形態 says so (会計年度任用職員: within the 年度)
        termEndsOn: clampTermEnd(posting.form.appointmentForm ?? 'other', termStartsOn, addDays(termStartsOn, 364)),
      },
    })
    const params = { id: created.id }
    ctx.postingIds.set(posting.key, created.id)
    await municipality(updatePostingChecklist, {
      params,
      body: { entries: checklistItems.map(({ id }) => ({ id, checked: posting.checklist.includes(id), note: '' })) },
    })
    if (posting.state === 'draft') continue
    await municipality(transitionPosting, { params, body: { action: 'submit' } })
    if (posting.state === 'submitted') continue
    if (posting.state === 'returned') {
      await prefecture(transitionPosting, { params, body: { action: 'return', comment: posting.returnComment } })
      continue
    }
    await prefecture(transitionPosting, { params, body: { action: 'forward', comment: '内容を確認しました。公開をお願いします。' } })
    if (posting.state === 'forwarded') continue
    await national(transitionPosting, { params, body: { action: 'publish' } })
  }
}
