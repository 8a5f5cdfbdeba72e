import { z } from 'zod'
import { isValidCorporateNumber } from '../domain/codes.ts'
import { isIsoDate } from '../domain/dates.ts'
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
  id: z.string(),
  kind: CompanyLinkKind,
  fromCorporateNumber: z.string(),
  toCorporateNumber: z.string(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  /** Set when the link was entered in error and retracted: the 入札制限 engine no longer reads it. */
  retraction: z.object({ retractedAt: z.string(), reason: z.string() }).nullable(),
})
export type CompanyLink = z.infer<typeof CompanyLink>

export const Company = z.object({
  corporateNumber: z.string(),
  name: z.string(),
  nameKana: z.string().nullable(),
})
export type Company = z.infer<typeof Company>

export const CompanyDetail = Company.extend({
  links: z.array(CompanyLink),
  /** 法人番号, 名称 of the other end of each link. */
  linkedNames: z.record(z.string(), z.string()),
})
export type CompanyDetail = z.infer<typeof CompanyDetail>

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

export const CompanyLinkIdParams = z.object({ id: z.uuid({ message: '関係の指定が正しくありません。' }) })

const Reason = z.string({ message: '理由を入力してください。' }).trim().min(1, '理由を入力してください。').max(500, '理由は500文字以内にしてください。')

/** 関係の終了: the link held until `endsOn` (inclusive). */
export const EndCompanyLinkInput = z.object({
  endsOn: z.string({ message: '終了日を入力してください。' }).refine(isIsoDate, { message: '終了日は YYYY-MM-DD 形式の正しい日付で入力してください。' }),
  reason: Reason,
})

/** 関係の取消し: the link was entered in error. */
export const RetractCompanyLinkInput = z.object({ reason: Reason })

export const endCompanyLink = endpoint({
  operationId: 'endCompanyLink',
  method: 'POST',
  path: '/api/companies/links/:id/end',
  summary: '法人の関係を終了日で終える（理由つき、監査記録）',
  tags: ['法人'],
  params: CompanyLinkIdParams,
  body: EndCompanyLinkInput,
  response: CompanyLink,
})

export const retractCompanyLink = endpoint({
  operationId: 'retractCompanyLink',
  method: 'POST',
  path: '/api/companies/links/:id/retract',
  summary: '誤って登録した法人の関係を取り消す（理由つき、監査記録）',
  tags: ['法人'],
  params: CompanyLinkIdParams,
  body: RetractCompanyLinkInput,
  response: CompanyLink,
})

/** One import of a 国税庁 法人番号 download (全件 or 差分), with its progress. */
export const CorporateImport = z.object({
  id: z.string(),
  fileName: z.string(),
  status: z.enum(['pending', 'running', 'completed', 'failed']),
  /** Uncompressed size of the CSV and how much of it has been read. */
  bytesTotal: z.number().nullable(),
  bytesDone: z.number(),
  rowsDone: z.number(),
  rowsApplied: z.number(),
  /** Earlier history rows of a corporation (最新履歴 = 0), read but not applied. */
  rowsSkipped: z.number(),
  error: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().nullable(),
})
export type CorporateImport = z.infer<typeof CorporateImport>

export const listCorporateImports = endpoint({
  operationId: 'listCorporateImports',
  method: 'GET',
  path: '/api/admin/corporate-imports',
  summary: '法人番号公表サイトのファイルの取り込み状況（国）',
  tags: ['法人'],
  query: PageQuery,
  response: page(CorporateImport),
})
