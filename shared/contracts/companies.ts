import { z } from 'zod'
import { isValidCorporateNumber } from '../domain/codes.ts'
import { endpoint, page, PageQuery } from './endpoint.ts'

/** 法人番号 (13 digits, check digit first); a bad one answers INVALID_CORPORATE_NUMBER. */
export const CorporateNumber = z.string().refine(isValidCorporateNumber, {
  message: '法人番号が正しくありません（13桁の数字で、先頭の1桁は検査数字です）。',
  params: { code: 'INVALID_CORPORATE_NUMBER' },
})

export const CompanyLinkKind = z.enum(['parent_subsidiary', 'consolidated_group', 'related'])
export type CompanyLinkKind = z.infer<typeof CompanyLinkKind>

export const companyLinkKindLabels: Record<CompanyLinkKind, string> = {
  parent_subsidiary: '親会社・子会社',
  consolidated_group: '連結決算の対象',
  related: '関連事業者',
}

export const CompanyLink = z.object({
  kind: CompanyLinkKind,
  fromCorporateNumber: z.string(),
  toCorporateNumber: z.string(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
})

export const Company = z.object({
  corporateNumber: z.string(),
  name: z.string(),
  nameKana: z.string().nullable(),
})
export type Company = z.infer<typeof Company>

export const CompanyDetail = Company.extend({ links: z.array(CompanyLink) })

export const listCompanies = endpoint({
  operationId: 'listCompanies',
  method: 'GET',
  path: '/api/companies',
  summary: '法人の検索（名称・法人番号）',
  tags: ['法人'],
  query: PageQuery.extend({ q: z.string().trim().max(100).optional() }),
  response: page(Company),
})

export const getCompany = endpoint({
  operationId: 'getCompany',
  method: 'GET',
  path: '/api/companies/:corporateNumber',
  summary: '法人とそのグループ関係（法人番号指定）',
  tags: ['法人'],
  params: z.object({ corporateNumber: CorporateNumber }),
  response: CompanyDetail,
})
