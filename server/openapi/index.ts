/**
 * The OpenAPI document's frame: who may call each operation (from its access declaration) as security
 * requirements, the server address, the licence, the tags with their descriptions and the named component
 * schemas (zod schemas registered with `.meta({ id })`). Route schemas themselves come from the zod contracts.
 */
import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger'
import type { RouteOptions } from 'fastify'
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod'
import { ErrorBody } from '#shared/errors'
import type { Config } from '../config.ts'
import type { Access } from '../http/actor.ts'
import { CSRF_HEADER, SESSION_COOKIE } from '../modules/accounts/index.ts'
import { LICENCE } from '#shared/domain/licence'
import './components.ts'
import './examples.ts'
import { TAG_GROUPS } from './tags.ts'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

type Requirement = Record<string, string[]>

/**
 * Security of one operation: a signed-in account's session cookie, plus the CSRF header on state-changing
 * requests (the double submit the sessions hook checks). Public /api operations may be called anonymously or
 * with a session; routes outside /api never read the session.
 */
export function securityOf(url: string, method: string, access: Access | undefined): Requirement[] {
  if (!url.startsWith('/api/')) return []
  const withSession: Requirement = SAFE_METHODS.has(method) ? { sessionCookie: [] } : { sessionCookie: [], csrfHeader: [] }
  return access === 'public' ? [{}, withSession] : [withSession]
}

type TransformInput = Parameters<typeof jsonSchemaTransform>[0] & { route: RouteOptions }

function transform(input: TransformInput) {
  const result = jsonSchemaTransform(input)
  const schema = result.schema as Record<string, unknown>
  if (schema.hide) return result
  const method = ([input.route.method].flat()[0] ?? 'GET').toUpperCase()
  const response = (schema.response ?? {}) as Record<string, unknown>
  // Every non-2xx answer of the app has the one envelope, including those of routes that declare none.
  if (!Object.keys(response).some((status) => status.startsWith('4'))) {
    const envelope = jsonSchemaTransform({ ...input, schema: { response: { '4xx': ErrorBody } } }).schema as { response: Record<string, unknown> }
    schema.response = { ...response, ...envelope.response }
  }
  schema.security = securityOf(input.url, method, input.route.config?.access)
  return result
}

/** Keeps the component schemas the operations reach (the type provider adds an input and an output twin of each). */
function withReachableComponents(document: Record<string, unknown>): Record<string, unknown> {
  const components = document.components as { schemas?: Record<string, unknown> } | undefined
  const schemas = components?.schemas ?? {}
  const reached = new Set<string>()
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit)
    if (value === null || typeof value !== 'object') return
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string' && child.startsWith('#/components/schemas/')) {
        const name = child.slice('#/components/schemas/'.length)
        if (!reached.has(name)) {
          reached.add(name)
          visit(schemas[name])
        }
      } else visit(child)
    }
  }
  visit(document.paths)
  const kept = Object.fromEntries(
    Object.entries(schemas)
      .filter(([name]) => reached.has(name))
      .sort(([a], [b]) => a.localeCompare(b)),
  )
  return { ...document, components: { ...components, schemas: kept } }
}

export function swaggerOptions(config: Pick<Config, 'publicUrl'>): FastifyDynamicSwaggerOptions {
  return {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: '自治体DX 外部デジタル人材 募集・マッチング API',
        description: [
          '総務省「自治体DX推進のための外部人材スキル標準」に基づく募集・応募・マッチング・入札制限の API。',
          '',
          `ログインが必要な操作はセッション Cookie（\`${SESSION_COOKIE}\`）で呼び出し、状態を変える操作（GET 以外）では Cookie \`csrf_token\` の値をヘッダー \`${CSRF_HEADER}\` にも付けます。`,
          'エラーはすべて `{ "error": { "code", "message", "details" } }` の形で返します。',
        ].join('\n'),
        version: '0.1.0',
        license: { name: LICENCE.name, url: LICENCE.url },
      },
      servers: [{ url: new URL(config.publicUrl).origin, description: 'このサービス（PUBLIC_URL）' }],
      tags: TAG_GROUPS.flatMap((group) => group.tags),
      components: {
        securitySchemes: {
          sessionCookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'ログインで発行されるセッション（HttpOnly）。' },
          csrfHeader: {
            type: 'apiKey',
            in: 'header',
            name: CSRF_HEADER,
            description: 'Cookie `csrf_token` と同じ値（二重送信方式）。セッションがあるときの GET 以外の操作で必要です。',
          },
        },
      },
    },
    transform: transform,
    transformObject: (input: Parameters<typeof jsonSchemaTransformObject>[0]) => {
      const document = jsonSchemaTransformObject(input) as Record<string, unknown>
      return withReachableComponents({ ...document, 'x-tagGroups': TAG_GROUPS.map((group) => ({ name: group.name, tags: group.tags.map((tag) => tag.name) })) })
    },
  }
}
