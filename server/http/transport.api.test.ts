import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import type { FastifyInstance } from 'fastify'
import { afterAll, describe, expect, test } from 'vitest'
import { buildApp } from '../app.ts'
import { testConfig } from '../config.ts'
import { openTestDatabase } from '../../test/support/database.ts'

// A built client of its own: an index page and one hashed asset large enough to be compressed.
const clientDir = await mkdtemp(join(tmpdir(), 'client-'))
await mkdir(join(clientDir, 'assets'))
await writeFile(
  join(clientDir, 'index.html'),
  '<!doctype html><html lang="ja"><body><div id="app"></div><script type="module" src="/assets/index-Ab12Cd.js"></script></body></html>',
)
const script = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `募集-${i}`))}\n`
await writeFile(join(clientDir, 'assets', 'index-Ab12Cd.js'), script)

const engine = await openTestDatabase()
async function appAt(publicUrl: string): Promise<FastifyInstance> {
  const app = await buildApp({ config: testConfig({ publicUrl }), db: engine.db, clientDir })
  afterAll(() => app.close())
  return app
}
const app = await appAt('http://localhost:3000')
const behindTls = await appAt('https://jinzai.example.lg.jp')
afterAll(async () => {
  await engine.close()
  await rm(clientDir, { recursive: true, force: true })
})

function directives(header: unknown): Map<string, string> {
  return new Map(
    String(header)
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [name, ...values] = part.split(/\s+/)
        return [name!, values.join(' ')] as const
      }),
  )
}

describe('セキュリティヘッダー', () => {
  test('画面・API・エラー応答のすべてに CSP、nosniff、Referrer-Policy、他サイトからの埋め込み禁止が付く', async () => {
    for (const url of ['/', '/postings', '/api/skill-standard', '/api/no-such-thing', '/docs/']) {
      const response = await app.inject({ url })
      expect(response.statusCode, url).toBeLessThan(500)
      const csp = directives(response.headers['content-security-policy'])
      expect(csp.get('script-src'), url).toBe("'self'")
      expect(csp.get('script-src-attr'), url).toBe("'none'")
      expect(csp.get('style-src'), url).toBe("'self'")
      expect(csp.get('frame-ancestors'), url).toBe("'none'")
      expect(csp.get('object-src'), url).toBe("'none'")
      expect(String(response.headers['content-security-policy'])).not.toMatch(/unsafe-inline|unsafe-eval/)
      expect(response.headers['x-content-type-options'], url).toBe('nosniff')
      expect(response.headers['referrer-policy'], url).toBe('same-origin')
      expect(response.headers['x-frame-options'], url).toBe('SAMEORIGIN')
    }
  })

  test('HSTS と upgrade-insecure-requests は PUBLIC_URL が https のときだけ', async () => {
    const plain = await app.inject({ url: '/' })
    expect(plain.headers['strict-transport-security']).toBeUndefined()
    expect(directives(plain.headers['content-security-policy']).has('upgrade-insecure-requests')).toBe(false)
    const tls = await behindTls.inject({ url: '/' })
    expect(tls.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains')
    expect(directives(tls.headers['content-security-policy']).has('upgrade-insecure-requests')).toBe(true)
  })
})

describe('キャッシュと圧縮', () => {
  test('ハッシュ付きのファイルは 1 年間変わらないものとして、index.html と画面のアドレスは毎回確認させる', async () => {
    const asset = await app.inject({ url: '/assets/index-Ab12Cd.js' })
    expect(asset.statusCode).toBe(200)
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    for (const url of ['/', '/index.html', '/postings', '/skill-standard/producer']) {
      const page = await app.inject({ url })
      expect(page.statusCode, url).toBe(200)
      expect(page.headers['content-type'], url).toMatch(/^text\/html/)
      expect(page.headers['cache-control'], url).toBe('no-cache')
    }
  })

  test('テキストは要求に応じて圧縮し、元の内容に戻る', async () => {
    const asset = await app.inject({ url: '/assets/index-Ab12Cd.js', headers: { 'accept-encoding': 'gzip' } })
    expect(asset.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(asset.rawPayload).toString('utf8')).toBe(script)
    const api = await app.inject({ url: '/api/skill-standard', headers: { 'accept-encoding': 'br, gzip' } })
    expect(api.statusCode).toBe(200)
    expect(api.headers['content-encoding']).toBe('br')
    const identity = await app.inject({ url: '/assets/index-Ab12Cd.js' })
    expect(identity.headers['content-encoding']).toBeUndefined()
    expect(identity.body).toBe(script)
  })

  test('PDF、Excel、画像などの圧縮済みの形式は圧縮しない', async () => {
    const binaries = await appAt('http://localhost:3000')
    const blob = Buffer.alloc(4096, 7)
    binaries.get('/binary/:kind', { schema: { hide: true } }, async (request, reply) => {
      const { kind } = request.params as { kind: string }
      const type = { pdf: 'application/pdf', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', png: 'image/png' }[kind]!
      return reply.type(type).send(blob)
    })
    for (const kind of ['pdf', 'xlsx', 'png']) {
      const response = await binaries.inject({ url: `/binary/${kind}`, headers: { 'accept-encoding': 'br, gzip' } })
      expect(response.statusCode, kind).toBe(200)
      expect(response.headers['content-encoding'], kind).toBeUndefined()
      expect(response.rawPayload.equals(blob), kind).toBe(true)
    }
  })
})
