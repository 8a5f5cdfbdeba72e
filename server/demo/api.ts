import type { FastifyInstance } from 'fastify'
import type { z } from 'zod'
import type { Endpoint } from '#shared/contracts/endpoint'

type Input<E extends Endpoint> = (E['params'] extends z.ZodType ? { params: z.input<E['params']> } : object) &
  (E['query'] extends z.ZodType ? { query?: z.input<E['query']> } : object) &
  (E['body'] extends z.ZodType ? { body: z.input<E['body']> } : object)

/** One signed-in person calling the API in-process: same routes, validation, rules and audit as the browser. */
export type DemoCaller = <E extends Endpoint>(endpoint: E, input?: Input<E>) => Promise<z.output<E['response']>>

/** Raised when the API refuses a demo step: the demo data no longer fits a rule, which tests must show. */
export class DemoStepRefused extends Error {}

function pathOf(endpoint: Endpoint, input: Record<string, unknown>): string {
  const params = (input.params ?? {}) as Record<string, string>
  const path = endpoint.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name]!))
  const query = input.query as Record<string, unknown> | undefined
  if (!query) return path
  const search = new URLSearchParams(
    Object.entries(query).flatMap(([k, v]): Array<[string, string]> => (v === undefined ? [] : [[k, String(v as string | number | boolean)]])),
  )
  return `${path}?${search.toString()}`
}

/**
 * Signs `email` in through POST /api/auth/sign-in (each from its own made-up address, so the per-IP sign-in limit
 * is never reached) and returns a caller carrying the session cookie and CSRF header.
 */
export async function signIn(app: FastifyInstance, email: string, password: string, ordinal: number): Promise<DemoCaller> {
  const remoteAddress = `10.13.${Math.floor(ordinal / 250)}.${(ordinal % 250) + 1}`
  const response = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password }, remoteAddress })
  if (response.statusCode !== 200) throw new DemoStepRefused(`デモ用アカウント ${email} でログインできません: ${response.body}`)
  const cookie = (name: string) => response.cookies.find((c) => c.name === name)?.value ?? ''
  const headers = { cookie: `sid=${cookie('sid')}; csrf_token=${cookie('csrf_token')}`, 'x-csrf-token': cookie('csrf_token') }
  return async <E extends Endpoint>(endpoint: E, input?: Input<E>): Promise<z.output<E['response']>> => {
    const url = pathOf(endpoint, (input ?? {}) as Record<string, unknown>)
    const body = (input as { body?: unknown } | undefined)?.body
    const answer = await app.inject({ method: endpoint.method, url, headers, remoteAddress, ...(body === undefined ? {} : { payload: body as object }) })
    if (answer.statusCode >= 400) throw new DemoStepRefused(`${endpoint.method} ${url}（${email}）: ${answer.statusCode} ${answer.body}`)
    return answer.json()
  }
}
