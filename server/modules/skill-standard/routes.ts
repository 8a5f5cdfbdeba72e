import type { FastifyInstance } from 'fastify'
import { getSkillStandard, getSkillStandardRole, listCertifications } from '#shared/contracts/skill-standard'
import { normalizeForSearch } from '#shared/domain/search-text'
import type { Db } from '../../db/database.ts'
import { notFound } from '../../http/errors.ts'
import { route } from '../../http/route.ts'
import { currentCatalog } from './repository.ts'
import { resolveRole } from './rules.ts'

export function skillStandardRoutes(app: FastifyInstance, { db }: { db: Db }): void {
  route(app, getSkillStandard, 'public', () => currentCatalog(db))

  route(app, getSkillStandardRole, 'public', async ({ params }) => {
    const detail = resolveRole(await currentCatalog(db), params.roleId)
    if (!detail) throw notFound('指定された人材像はスキル標準にありません。')
    return detail
  })

  route(app, listCertifications, 'public', async ({ query }) => {
    const catalog = await currentCatalog(db)
    const needle = query.q ? normalizeForSearch(query.q) : ''
    const matches = (...names: string[]) => !needle || names.some((name) => normalizeForSearch(name).includes(needle))
    return {
      version: catalog.version,
      exams: catalog.exams.filter((exam) => matches(exam.id, exam.name, exam.nameKana, exam.nameRomaji, ...exam.aliases)),
      otherCertifications: catalog.otherCertifications.filter((cert) => matches(cert.id, cert.name, cert.issuer)),
    }
  })
}
