import { z } from 'zod'
import { isValidLocalGovernmentCode } from '../domain/codes.ts'
import { endpoint, page, PageQuery } from './endpoint.ts'

/** 全国地方公共団体コード, validated with its check digit; a bad one answers INVALID_LOCAL_GOVERNMENT_CODE. */
export const LocalGovernmentCode = z.string().refine(isValidLocalGovernmentCode, {
  message: '全国地方公共団体コードが正しくありません（6桁の数字で、最後の1桁は検査数字です）。',
  params: { code: 'INVALID_LOCAL_GOVERNMENT_CODE' },
})

/** 都道府県コード 01–47; "1" and "01" both mean 北海道. */
export const PrefectureCode = z
  .string()
  .regex(/^\d{1,2}$/, { message: '都道府県コードは01〜47の数字で指定してください。' })
  .transform((code) => code.padStart(2, '0'))
  .refine((code) => Number(code) >= 1 && Number(code) <= 47, { message: '都道府県コードは01〜47の数字で指定してください。' })

export const LocalGovernmentKind = z.enum(['prefecture', 'designated_city', 'core_city', 'city', 'special_ward', 'town', 'village'])
export type LocalGovernmentKind = z.infer<typeof LocalGovernmentKind>

export const localGovernmentKindLabels: Record<LocalGovernmentKind, string> = {
  prefecture: '都道府県',
  designated_city: '政令指定都市',
  core_city: '中核市',
  city: '市',
  special_ward: '特別区',
  town: '町',
  village: '村',
}

export const LocalGovernment = z.object({
  code: z.string(),
  prefectureCode: z.string(),
  name: z.string(),
  nameKana: z.string(),
  prefectureName: z.string(),
  kind: LocalGovernmentKind,
  population: z.number().int().nullable(),
})
export type LocalGovernment = z.infer<typeof LocalGovernment>

export const LocalGovernmentQuery = PageQuery.extend({
  prefecture: PrefectureCode.optional(),
  kind: LocalGovernmentKind.optional(),
  q: z.string().trim().max(50, { message: '検索語は50文字以内で入力してください。' }).optional(),
})

export const listLocalGovernments = endpoint({
  operationId: 'listLocalGovernments',
  method: 'GET',
  path: '/api/local-governments',
  summary: '地方公共団体の一覧と検索（名称・かな）',
  tags: ['地方公共団体'],
  query: LocalGovernmentQuery,
  response: page(LocalGovernment),
})

export const getLocalGovernment = endpoint({
  operationId: 'getLocalGovernment',
  method: 'GET',
  path: '/api/local-governments/:code',
  summary: '地方公共団体（団体コード指定）',
  tags: ['地方公共団体'],
  params: z.object({ code: LocalGovernmentCode }),
  response: LocalGovernment,
})
