import { describe, expect, test } from 'vitest'
import { CertificationList, RoleDetail } from '#shared/contracts/skill-standard'
import { SkillStandardCatalog } from '#shared/domain/skill-standard/schema'
import { ErrorBody } from '#shared/errors'
import { startTestApp } from '../../../test/support/app.ts'

const { app } = await startTestApp()

describe('スキル標準 API', () => {
  test('GET /api/skill-standard は版と4つの人材像を返す', async () => {
    const response = await app.inject({ url: '/api/skill-standard' })
    expect(response.statusCode).toBe(200)
    const catalog = SkillStandardCatalog.parse(response.json())
    expect(catalog.version).toMatch(/2022-09/)
    expect(catalog.roles.map((role) => role.id)).toEqual(['producer', 'project_manager', 'service_designer', 'engineer'])
    expect(catalog.jobTypes.find((jobType) => jobType.id === 'uiss.business_strategist')).toMatchObject({ levelMin: 3, levelMax: 7 })
  })

  test('プロデューサーの詳細は望ましい職種・資格を解決して返す', async () => {
    const response = await app.inject({ url: '/api/skill-standard/roles/producer' })
    expect(response.statusCode).toBe(200)
    const detail = RoleDetail.parse(response.json())
    expect(detail.role.name).toBe('プロデューサー（CIO補佐官等）')
    expect(detail.jobTypes.map((jobType) => jobType.id).sort()).toEqual(
      ['itss.consultant', 'itss.it_architect', 'uiss.business_strategist', 'uiss.is_architect', 'uiss.is_strategist'].sort(),
    )
    expect(detail.exams.map((exam) => exam.id).sort()).toEqual(['AU', 'SC'])
  })

  test('存在しない人材像は 400 で項目名を示す', async () => {
    const response = await app.inject({ url: '/api/skill-standard/roles/cio' })
    expect(response.statusCode).toBe(400)
    const body = ErrorBody.parse(response.json())
    expect(body.error.code).toBe('VALIDATION_FAILED')
    expect(body.error.details?.[0]?.path).toBe('path.roleId')
  })

  test('GET /api/certifications は廃止区分を含む試験を、かなや略称でも探せる', async () => {
    const all = CertificationList.parse((await app.inject({ url: '/api/certifications' })).json())
    expect(all.exams.some((exam) => !exam.isCurrent && exam.name === 'システムアナリスト')).toBe(true)
    expect(all.otherCertifications.map((cert) => cert.name)).toEqual(expect.arrayContaining([expect.stringContaining('CISA')]))

    for (const q of ['ストラテジスト', 'すとらてじすと', 'strategist']) {
      const found = CertificationList.parse((await app.inject({ url: `/api/certifications?q=${encodeURIComponent(q)}` })).json())
      expect(
        found.exams.map((exam) => exam.id),
        q,
      ).toContain('ST')
    }
    const alias = CertificationList.parse((await app.inject({ url: `/api/certifications?q=${encodeURIComponent('支援士')}` })).json())
    expect(alias.exams.map((exam) => exam.id)).toContain('SC')
  })
})
