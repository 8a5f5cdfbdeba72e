import type { z } from 'zod'
import type { Endpoint } from '#shared/contracts/endpoint'
import { ErrorBody, type ErrorDetail } from '#shared/errors'

/** What a failed call carries: the server's error envelope, or NETWORK_ERROR when there was no usable answer. */
export interface ApiError {
  code: string
  message: string
  details?: ErrorDetail[]
}

export type ApiResult<T> =
  | { ok: true; status: number; data: T }
  /** `status` is the HTTP status, or 0 when no answer arrived. */
  | { ok: false; status: number; error: ApiError }

export const NETWORK_ERROR_MESSAGE = 'サーバーに接続できませんでした。通信環境を確認し、しばらく待ってから再度お試しください。'

export const CSRF_COOKIE = 'csrf_token'
export const CSRF_HEADER = 'x-csrf-token'

/** A part of the input is required when the endpoint declares a schema for it and that schema accepts no "nothing". */
type Part<K extends string, S> = [S] extends [z.ZodType]
  ? unknown extends z.input<S>
    ? { [P in K]?: undefined }
    : Record<never, never> extends z.input<S>
      ? { [P in K]?: z.input<S> }
      : { [P in K]: z.input<S> }
  : { [P in K]?: undefined }

/** `{ params, query, body }` typed from the endpoint's own zod schemas (their input side). */
export type CallInput<E extends Endpoint> = Part<'params', NonNullable<E['params']>> &
  Part<'query', NonNullable<E['query']>> &
  Part<'body', NonNullable<E['body']>>

export type CallOutput<E extends Endpoint> = z.output<E['response']>

export interface CallOptions {
  signal?: AbortSignal
}

type CallArgs<E extends Endpoint> =
  Record<never, never> extends CallInput<E> ? [input?: CallInput<E>, options?: CallOptions] : [input: CallInput<E>, options?: CallOptions]

/** Fills `:name` placeholders of an endpoint path from `params`, URL-encoding each value. */
export function buildPath(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (_, name: string) => {
    const value = params?.[name]
    if (value === undefined || value === null || value === '') {
      throw new Error(`call(): パスパラメータ ${name} が指定されていません（${path}）。`)
    }
    if (typeof value !== 'string' && typeof value !== 'number') throw new Error(`call(): パスパラメータ ${name} は文字列か数値です（${path}）。`)
    return encodeURIComponent(value)
  })
}

/** `?a=1&b=x` from an object; undefined and null values are left out, arrays repeat the key. */
export function buildQuery(query: Record<string, unknown> | undefined): string {
  if (!query) return ''
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined || item === null) continue
      search.append(key, item instanceof Date ? item.toISOString() : String(item))
    }
  }
  const text = search.toString()
  return text ? `?${text}` : ''
}

/** The value of a cookie visible to scripts, or undefined. */
export function readCookie(name: string): string | undefined {
  if (typeof document === 'undefined' || !document.cookie) return undefined
  for (const pair of document.cookie.split(';')) {
    const index = pair.indexOf('=')
    const key = (index < 0 ? pair : pair.slice(0, index)).trim()
    if (key !== name) continue
    const raw = index < 0 ? '' : pair.slice(index + 1).trim()
    try {
      return decodeURIComponent(raw)
    } catch {
      return raw
    }
  }
  return undefined
}

const networkError = (status = 0): ApiResult<never> => ({
  ok: false,
  status,
  error: { code: 'NETWORK_ERROR', message: NETWORK_ERROR_MESSAGE },
})

/**
 * Calls one API operation described in `shared/contracts/*.ts`.
 *
 *   const result = await call(getSkillStandardRole, { params: { roleId: 'producer' } })
 *   if (result.ok) result.data.role.name
 *   else result.error.message   // Japanese, ready to show; branch on result.error.code
 *
 * Never throws for HTTP or network failures; it throws only for a programming error (a missing path parameter)
 * and rethrows the AbortError when `options.signal` aborts the request.
 * Successful bodies are parsed with `endpoint.response`; error bodies with `ErrorBody`.
 */
export async function call<E extends Endpoint>(endpoint: E, ...args: CallArgs<E>): Promise<ApiResult<CallOutput<E>>> {
  const [input, options] = args
  const { params, query, body } = (input ?? {}) as { params?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown }
  const url = buildPath(endpoint.path, params) + buildQuery(query)

  const headers: Record<string, string> = { accept: 'application/json' }
  if (body !== undefined) headers['content-type'] = 'application/json'
  if (endpoint.method !== 'GET') {
    const token = readCookie(CSRF_COOKIE)
    if (token) headers[CSRF_HEADER] = token
  }

  let response: Response
  try {
    response = await globalThis.fetch(url, {
      method: endpoint.method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      ...(options?.signal ? { signal: options.signal } : {}),
    })
  } catch (error) {
    if (options?.signal?.aborted) throw error
    return networkError()
  }

  let json: unknown
  try {
    const text = await response.text()
    json = text === '' ? undefined : JSON.parse(text)
  } catch {
    return networkError(response.status)
  }

  if (response.ok) {
    const parsed = endpoint.response.safeParse(json)
    if (!parsed.success) return networkError(response.status)
    return { ok: true, status: response.status, data: parsed.data as CallOutput<E> }
  }

  const parsed = ErrorBody.safeParse(json)
  if (!parsed.success) return networkError(response.status)
  const { code, message, details } = parsed.data.error
  return { ok: false, status: response.status, error: { code, message, ...(details ? { details } : {}) } }
}
