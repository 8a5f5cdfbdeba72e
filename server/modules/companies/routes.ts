import type { FastifyInstance } from 'fastify'
import { COMPANY_IMPORT_BODY_LIMIT, importCompanies as importCompaniesEndpoint } from '#shared/contracts/bid-restrictions'
import {
  endCompanyLink as endLinkEndpoint,
  getCompany,
  listCompanies,
  listCorporateImports as listCorporateImportsEndpoint,
  retractCompanyLink as retractLinkEndpoint,
} from '#shared/contracts/companies'
import type { Db } from '../../db/database.ts'
import { notFound } from '../../http/errors.ts'
import { route } from '../../http/route.ts'
import { endCompanyLink, retractCompanyLink } from './corrections.ts'
import { listCorporateImports } from './corporate-import.ts'
import { importCompanies } from './import.ts'
import { findCompany, searchCompanies } from './repository.ts'

// 法人番号 and company names are public (国税庁 法人番号公表サイト), so reads are public.
export function companyRoutes(app: FastifyInstance, { db }: { db: Db }): void {
  route(app, listCompanies, 'public', async ({ query }) => ({
    ...(await searchCompanies(db, query)),
    limit: query.limit,
    offset: query.offset,
  }))

  route(app, getCompany, 'public', async ({ params }) => {
    const company = await findCompany(db, params.corporateNumber)
    if (!company) throw notFound('指定された法人番号の法人は登録されていません。')
    return company
  })

  // Progress of the 法人番号 file imports (run by `npm run import:corporate`).
  route(app, listCorporateImportsEndpoint, ['national'], async ({ query }) => ({
    ...(await listCorporateImports(db, query.limit, query.offset)),
    limit: query.limit,
    offset: query.offset,
  }))

  // Corrections: the staff who may import links may also correct them (audited with who and why).
  route(app, endLinkEndpoint, ['national', 'municipality'], ({ actor, params, body, request }) =>
    endCompanyLink(db, actor, { ip: request.ip, id: request.id }, params.id, body),
  )
  route(app, retractLinkEndpoint, ['national', 'municipality'], ({ actor, params, body, request }) =>
    retractCompanyLink(db, actor, { ip: request.ip, id: request.id }, params.id, body),
  )

  // The CSV files come as text in JSON, above the app-wide 1 MB body limit; national and municipal staff import.
  void app.register(async (scoped) => {
    scoped.addHook('onRoute', (options) => {
      options.bodyLimit = COMPANY_IMPORT_BODY_LIMIT + 64 * 1024
    })
    route(scoped, importCompaniesEndpoint, ['national', 'municipality'], ({ actor, body, request }) =>
      importCompanies(db, actor, { ip: request.ip, id: request.id }, body),
    )
  })
}
