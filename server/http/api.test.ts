import { describe, expect, test } from 'vitest'
import { ErrorBody } from '#shared/errors'
import { startTestApp } from '../../test/support/app.ts'

const { app } = await startTestApp()

describe('共通のエラー形式と運用エンドポイント', () => {
  test('GET /healthz はデータベースを確認して ok を返す', async () => {
    const response = await app.inject({ url: '/healthz' })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ status: 'ok', database: 'ok' })
  })

  test('存在しない API は同じ形式の 404', async () => {
    const response = await app.inject({ url: '/api/no-such-thing' })
    expect(response.statusCode).toBe(404)
    const body = ErrorBody.parse(response.json())
    expect(body.error.code).toBe('NOT_FOUND')
    expect(body.error.message).toMatch(/存在しません/)
  })

  test('応答にリクエスト ID が付く', async () => {
    const response = await app.inject({ url: '/healthz' })
    expect(response.headers['x-request-id']).toMatch(/[0-9a-f-]{36}/)
  })

  test('OpenAPI 文書を /openapi.json と /docs で公開する', async () => {
    const json = await app.inject({ url: '/openapi.json' })
    expect(json.statusCode).toBe(200)
    const document = json.json() as { openapi: string; paths: Record<string, unknown> }
    expect(document.openapi).toBe('3.1.0')
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/skill-standard', '/api/skill-standard/roles/{roleId}', '/api/certifications', '/api/local-governments']),
    )
    const ui = await app.inject({ url: '/docs/' })
    expect(ui.statusCode).toBe(200)
  })

  test('すべての /api ルートが利用できる利用者を宣言している', () => {
    // buildApp refuses an undeclared /api route at start-up; here we check that the declaration reaches OpenAPI.
    const document = app.swagger() as { paths: Record<string, Record<string, { description?: string }>> }
    for (const [path, operations] of Object.entries(document.paths).filter(([path]) => path.startsWith('/api/'))) {
      for (const [method, operation] of Object.entries(operations)) {
        expect(operation.description, `${method} ${path}`).toMatch(/^(公開|利用できる利用者: )/)
      }
    }
  })
})

describe('壊れたリクエストは 4xx の共通形式で答える（500 にしない）', () => {
  test('JSON として読めない本文は 400 MALFORMED_REQUEST', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: { 'content-type': 'application/json' }, payload: '{"email": ' })
    expect(response.statusCode).toBe(400)
    expect(ErrorBody.parse(response.json()).error.code).toBe('MALFORMED_REQUEST')
  })

  test('対応しない形式は 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: { 'content-type': 'text/csv' }, payload: 'a,b' })
    expect(response.statusCode).toBe(415)
    expect(ErrorBody.parse(response.json()).error.code).toBe('UNSUPPORTED_MEDIA_TYPE')
  })

  test('大きすぎる本文は 413 PAYLOAD_TOO_LARGE', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@example.jp', password: 'x'.repeat(2_000_000) }),
    })
    expect(response.statusCode).toBe(413)
    expect(ErrorBody.parse(response.json()).error.code).toBe('PAYLOAD_TOO_LARGE')
  })
})
