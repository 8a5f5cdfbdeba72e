import { z } from 'zod'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/**
 * One API operation, shared by the server route, the OpenAPI document and the client's call().
 * The path carries its full URL (`/api/postings/:id`) so all three agree on one string.
 */
export interface Endpoint<
  Params extends z.ZodType = z.ZodType,
  Query extends z.ZodType = z.ZodType,
  Body extends z.ZodType = z.ZodType,
  Response extends z.ZodType = z.ZodType,
> {
  method: HttpMethod
  path: string
  /**
   * The operation's stable name in the OpenAPI document and generated clients: the contract's own name, camelCase,
   * the action and the module's object (`createPosting`, `searchPostings`); unique across modules.
   */
  operationId: string
  summary: string
  tags: string[]
  params?: Params
  query?: Query
  body?: Body
  response: Response
  /** Status of a success; 200 unless stated. */
  successStatus?: 200 | 201 | 202 | 204
}

export function endpoint<
  Params extends z.ZodType = z.ZodType,
  Query extends z.ZodType = z.ZodType,
  Body extends z.ZodType = z.ZodType,
  Response extends z.ZodType = z.ZodType,
>(definition: Endpoint<Params, Query, Body, Response>): Endpoint<Params, Query, Body, Response> {
  return definition
}

/** Query of every list endpoint: limit 1–100 (default 20), offset from 0. */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
})

/** Body of every list endpoint. */
export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), limit: z.number().int(), offset: z.number().int() })
}
