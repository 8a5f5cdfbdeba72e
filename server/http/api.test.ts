import { describe, expect, test } from 'vitest'
import { connect } from 'node:net'
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

describe('PostgreSQL に保存できない文字とルーターの制限も共通形式の 4xx（500 にしない）', () => {
  test('検索条件の NUL 文字は 400 VALIDATION_FAILED で項目を示す', async () => {
    const response = await app.inject({ url: '/api/postings?keywords=a%00b' })
    expect(response.statusCode).toBe(400)
    const body = ErrorBody.parse(response.json())
    expect(body.error.code).toBe('VALIDATION_FAILED')
    expect(body.error.details).toEqual([expect.objectContaining({ path: 'query.keywords' })])
  })

  test('本文の NUL 文字と対のないサロゲートは 400 で、入れ子の項目名を示す', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":"a\\u0000@example.jp","password":"x","extra":[{"note":"\\ud800"}]}',
    })
    expect(response.statusCode).toBe(400)
    const body = ErrorBody.parse(response.json())
    expect(body.error.details?.map((detail) => detail.path)).toEqual(['email', 'extra.0.note'])
  })

  test('URL の項目が長すぎると 414 URI_TOO_LONG、復号できない URL は 400 MALFORMED_REQUEST', async () => {
    const long = await app.inject({ url: `/api/postings/${'a'.repeat(300)}` })
    expect(long.statusCode).toBe(414)
    expect(ErrorBody.parse(long.json()).error.code).toBe('URI_TOO_LONG')
    for (const url of ['/api/postings/%ED%A0%80', '/api/postings/%E0%A4%A']) {
      const bad = await app.inject({ url })
      expect(bad.statusCode).toBe(400)
      expect(ErrorBody.parse(bad.json()).error.code).toBe('MALFORMED_REQUEST')
    }
  })

  test('Node の HTTP パーサーが断るもの（大きすぎるヘッダー、壊れたリクエスト行）も共通形式', async () => {
    // the app's own server (closed with the app after the file)
    const address = await app.listen({ host: '127.0.0.1', port: 0 })
    const port = Number(new URL(address).port)
    const raw = (request: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => socket.write(request))
        let text = ''
        socket.on('data', (chunk: Buffer) => (text += chunk.toString()))
        socket.on('close', () => resolve(text))
        socket.on('error', reject)
      })
    {
      const headers = await raw(`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`)
      expect(headers).toMatch(/^HTTP\/1\.1 431 /)
      expect(ErrorBody.parse(JSON.parse(headers.split('\r\n\r\n')[1]!)).error.code).toBe('HEADERS_TOO_LARGE')
      const broken = await raw('GARBAGE\r\n\r\n')
      expect(broken).toMatch(/^HTTP\/1\.1 400 /)
      expect(ErrorBody.parse(JSON.parse(broken.split('\r\n\r\n')[1]!)).error.code).toBe('MALFORMED_REQUEST')
    }
  })
})
