import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { endpoint } from '#shared/contracts/endpoint'
import { buildPath, buildQuery, call, NETWORK_ERROR_MESSAGE, readCookie } from './api.ts'

const getThing = endpoint({
  operationId: 'getThing',
  method: 'GET',
  path: '/api/things/:group/items/:id',
  summary: 'test',
  tags: ['test'],
  params: z.object({ group: z.string(), id: z.string() }),
  query: z.object({ q: z.string().optional(), limit: z.number().optional(), tag: z.array(z.string()).optional() }),
  response: z.object({ id: z.string(), count: z.number() }),
})

const createThing = endpoint({
  operationId: 'createThing',
  method: 'POST',
  path: '/api/things',
  summary: 'test',
  tags: ['test'],
  body: z.object({ name: z.string() }),
  response: z.object({ id: z.string() }),
  successStatus: 201,
})

const listAll = endpoint({
  operationId: 'listAll',
  method: 'GET',
  path: '/api/all',
  summary: 'test',
  tags: ['test'],
  response: z.object({ items: z.array(z.string()) }),
})

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
}

let fetchMock: ReturnType<typeof vi.fn>

beforeEach(() => {
  fetchMock = vi.fn()
  vi.stubGlobal('fetch', fetchMock)
})

afterEach(() => {
  vi.unstubAllGlobals()
  document.cookie = 'csrf_token=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/'
})

function lastRequest(): { url: string; init: RequestInit & { headers: Record<string, string> } } {
  const [url, init] = fetchMock.mock.calls.at(-1) as [string, RequestInit & { headers: Record<string, string> }]
  return { url, init }
}

describe('call()', () => {
  it('fills and URL-encodes path parameters, adds the query string without undefined values, parses the body', async () => {
    fetchMock.mockResolvedValue(jsonResponse({ id: 'a/b', count: 3, extra: 'dropped' }))

    const result = await call(getThing, {
      params: { group: '市区町村 A', id: 'a/b?c#d' },
      query: { q: 'デジタル 人材', limit: 10, tag: ['x', 'y'] },
    })

    expect(result).toEqual({ ok: true, status: 200, data: { id: 'a/b', count: 3 } })
    const { url, init } = lastRequest()
    expect(url).toBe(
      '/api/things/%E5%B8%82%E5%8C%BA%E7%94%BA%E6%9D%91%20A/items/a%2Fb%3Fc%23d?q=%E3%83%87%E3%82%B8%E3%82%BF%E3%83%AB+%E4%BA%BA%E6%9D%90&limit=10&tag=x&tag=y',
    )
    expect(init.method).toBe('GET')
    expect(init.credentials).toBe('same-origin')
    expect(init.body).toBeUndefined()
    expect(init.headers['content-type']).toBeUndefined()
  })

  it('leaves undefined query values out entirely', async () => {
    fetchMock.mockResolvedValue(jsonResponse({ id: '1', count: 0 }))
    await call(getThing, { params: { group: 'g', id: '1' }, query: { q: undefined } })
    expect(lastRequest().url).toBe('/api/things/g/items/1')
  })

  it('needs no input for an endpoint without params, query or body', async () => {
    fetchMock.mockResolvedValue(jsonResponse({ items: [] }))
    const result = await call(listAll)
    expect(result.ok).toBe(true)
    expect(lastRequest().url).toBe('/api/all')
  })

  it('sends a JSON body and the CSRF token from the csrf_token cookie on non-GET requests', async () => {
    document.cookie = 'csrf_token=tok%2Ben; path=/'
    fetchMock.mockResolvedValue(jsonResponse({ id: 'new' }, 201))

    const result = await call(createThing, { body: { name: '佐藤' } })

    expect(result).toEqual({ ok: true, status: 201, data: { id: 'new' } })
    const { url, init } = lastRequest()
    expect(url).toBe('/api/things')
    expect(init.method).toBe('POST')
    expect(init.body).toBe(JSON.stringify({ name: '佐藤' }))
    expect(init.headers['content-type']).toBe('application/json')
    expect(init.headers['x-csrf-token']).toBe('tok+en')
  })

  it('does not send the CSRF header on GET requests', async () => {
    document.cookie = 'csrf_token=abc; path=/'
    fetchMock.mockResolvedValue(jsonResponse({ items: [] }))
    await call(listAll)
    expect(lastRequest().init.headers['x-csrf-token']).toBeUndefined()
  })

  it('maps the error envelope to { ok: false, error }', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(
        {
          error: {
            code: 'VALIDATION_FAILED',
            message: '入力内容に誤りがあります。',
            details: [{ path: 'name', message: '必須です。' }],
          },
        },
        400,
      ),
    )

    const result = await call(createThing, { body: { name: '' } })

    expect(result).toEqual({
      ok: false,
      status: 400,
      error: { code: 'VALIDATION_FAILED', message: '入力内容に誤りがあります。', details: [{ path: 'name', message: '必須です。' }] },
    })
  })

  it('maps a network failure to NETWORK_ERROR', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'))
    const result = await call(listAll)
    expect(result).toEqual({ ok: false, status: 0, error: { code: 'NETWORK_ERROR', message: NETWORK_ERROR_MESSAGE } })
    expect(NETWORK_ERROR_MESSAGE).toMatch(/^サーバーに接続できませんでした。/)
  })

  it('maps an unparsable error body (an HTML 502 page) to NETWORK_ERROR', async () => {
    fetchMock.mockResolvedValue(new Response('<html>Bad Gateway</html>', { status: 502 }))
    const result = await call(listAll)
    expect(result).toEqual({ ok: false, status: 502, error: { code: 'NETWORK_ERROR', message: NETWORK_ERROR_MESSAGE } })
  })

  it('maps a success body that does not match the response schema to NETWORK_ERROR', async () => {
    fetchMock.mockResolvedValue(jsonResponse({ items: 'not an array' }))
    const result = await call(listAll)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.code).toBe('NETWORK_ERROR')
  })

  it('refuses to call with a missing path parameter', async () => {
    // @ts-expect-error id is required by the endpoint's params schema
    await expect(call(getThing, { params: { group: 'g' } })).rejects.toThrow(/id/)
    expect(fetchMock).not.toHaveBeenCalled()
  })
})

describe('helpers', () => {
  it('buildPath encodes each value', () => {
    expect(buildPath('/api/a/:x/:y', { x: 'α β', y: 12 })).toBe('/api/a/%CE%B1%20%CE%B2/12')
  })

  it('buildQuery skips undefined and null and returns an empty string for nothing', () => {
    expect(buildQuery({ a: undefined, b: null })).toBe('')
    expect(buildQuery(undefined)).toBe('')
    expect(buildQuery({ a: 0, b: false, c: '' })).toBe('?a=0&b=false&c=')
  })

  it('readCookie finds one cookie among several', () => {
    document.cookie = 'other=1; path=/'
    document.cookie = 'csrf_token=xyz; path=/'
    expect(readCookie('csrf_token')).toBe('xyz')
    expect(readCookie('missing')).toBeUndefined()
  })
})

describe('call() types', () => {
  it('derives the input from the endpoint contract', async () => {
    const { getSkillStandardRole, listCertifications, getSkillStandard } = await import('#shared/contracts/skill-standard')
    fetchMock.mockResolvedValue(jsonResponse({}))
    // Only type-checked: these lines must compile (or fail to) as marked.
    const typeOnly = async () => {
      await call(getSkillStandard)
      await call(listCertifications)
      await call(listCertifications, { query: { q: '応用' } })
      const role = await call(getSkillStandardRole, { params: { roleId: 'producer' } })
      if (role.ok) role.data.role.name satisfies string
      // @ts-expect-error params are required by getSkillStandardRole
      await call(getSkillStandardRole)
      // @ts-expect-error roleId must be one of the four roles
      await call(getSkillStandardRole, { params: { roleId: 'cio' } })
      // @ts-expect-error getSkillStandard takes no body
      await call(getSkillStandard, { body: { x: 1 } })
    }
    expect(typeof typeOnly).toBe('function')
  })
})
