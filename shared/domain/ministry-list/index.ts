/**
 * 総務省 外部人材リスト (ministry list): people the ministry selected by the skill standard, by 人材像, and trained in
 * local-government work and systems, whose list it gives to local governments (手順書 §4.4(2), 参考4.4-⑤).
 * National administrators record a person's selection; municipalities see it as a verified badge and may ask for it.
 */
import { z } from 'zod'
import { formatFiscalYearWareki } from '../wareki.ts'
import { RoleId } from '../skill-standard/schema.ts'

/** 人材像 labels without the parenthesised examples, short enough for a badge. */
export const listingRoleLabels: Record<RoleId, string> = {
  producer: 'プロデューサー',
  project_manager: 'プロジェクトマネージャー',
  service_designer: 'サービスデザイナー',
  engineer: 'エンジニア',
}

/** Fiscal years a selection may be recorded for: the scheme started in 令和4年度 (参考4.4-⑤); none far ahead. */
export const FIRST_LISTING_FISCAL_YEAR = 2022
export const LAST_LISTING_FISCAL_YEAR = 2099

export const MinistryListing = z.object({
  /** 人材像 the person was selected for (選定された類型). */
  roles: z
    .array(z.enum(RoleId.options, { message: '選定された人材像は一覧から選んでください。' }), { message: '選定された人材像を選んでください。' })
    .min(1, { message: '選定された人材像を1つ以上選んでください。' })
    .max(4)
    .refine((roles) => new Set(roles).size === roles.length, { message: '選定された人材像が重複しています。' }),
  /** The ministry's training for selected people (自治体の業務や情報システム等についての研修) is completed. */
  trainingCompleted: z.boolean({ message: '研修の修了を選んでください。' }),
  /** 年度 of the selection, e.g. 2025 for 令和7年度. */
  fiscalYear: z
    .number({ message: '選定年度は数値で入力してください。' })
    .int({ message: '選定年度は西暦の年で入力してください。' })
    .min(FIRST_LISTING_FISCAL_YEAR, { message: `選定年度は${FIRST_LISTING_FISCAL_YEAR}年度（令和4年度）以降で入力してください。` })
    .max(LAST_LISTING_FISCAL_YEAR, { message: '選定年度が正しくありません。' }),
})
export type MinistryListing = z.infer<typeof MinistryListing>

export const MINISTRY_LISTING_BADGE = '総務省 外部人材リスト登録'

/** 「総務省 外部人材リスト登録（プロデューサー・エンジニア／令和7年度選定／研修修了）」 */
export function ministryListingText(listing: MinistryListing): string {
  const roles = listing.roles.map((role) => listingRoleLabels[role]).join('・')
  return `${MINISTRY_LISTING_BADGE}（${roles}／${formatFiscalYearWareki(listing.fiscalYear)}選定／${listing.trainingCompleted ? '研修修了' : '研修未修了'}）`
}
