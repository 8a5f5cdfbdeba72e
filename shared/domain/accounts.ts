import { z } from 'zod'

/** Who signs in: 外部デジタル人材, 市区町村の担当者, 都道府県の担当者, 国の担当者. */
export const AccountKind = z.enum(['candidate', 'municipality', 'prefecture', 'national'])
export type AccountKind = z.infer<typeof AccountKind>

export const accountKindLabels: Record<AccountKind, string> = {
  candidate: '外部デジタル人材',
  municipality: '市区町村の担当者',
  prefecture: '都道府県の担当者',
  national: '国の担当者',
}
