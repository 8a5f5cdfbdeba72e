import { createDispatchExpert, createDispatchMenu, updateDispatchSettings } from '#shared/contracts/sharing'
import { DISPATCH_SCHEMES } from './data/dispatch-schemes.ts'
import type { DemoContext } from './context.ts'

/** 宮城県, 福島県 and 静岡県 set up their dispatch schemes, menus and (宮城県) the contracted adviser. */
export async function feedDispatchSchemes(ctx: DemoContext): Promise<void> {
  for (const { staff, scheme, menus, adviser } of DISPATCH_SCHEMES) {
    const prefecture = await ctx.staff(staff)
    for (const menu of menus) await prefecture(createDispatchMenu, { body: { ...menu, modes: [...menu.modes] } })
    const expert = adviser
      ? await prefecture(createDispatchExpert, {
          body: {
            talent: { displayName: adviser.displayName, availableDaysPerWeek: adviser.availableDaysPerWeek, employments: [], bidRules: [] },
            themes: adviser.themes,
          },
        })
      : null
    await prefecture(updateDispatchSettings, { body: { ...scheme, requesterKinds: [...scheme.requesterKinds], adviserExpertId: expert?.id ?? null } })
  }
}
