import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { z } from 'zod'
import type { Endpoint } from '#shared/contracts/endpoint'
import { ErrorBody } from '#shared/errors'
import type { Access, Actor } from './actor.ts'

type Input<T> = [NonNullable<T>] extends [z.ZodType] ? z.output<NonNullable<T>> : undefined
type Output<T> = [NonNullable<T>] extends [z.ZodType] ? z.input<NonNullable<T>> : undefined

export interface RouteContext<E extends Endpoint> {
  params: Input<E['params']>
  query: Input<E['query']>
  body: Input<E['body']>
  actor: Actor
  request: FastifyRequest
  reply: FastifyReply
}

/**
 * Registers one endpoint: its zod schemas validate the request and shape the response and the OpenAPI document,
 * and its access declaration is enforced for it by enforceDeclaredAccess (access.ts).
 */
export function route<E extends Endpoint>(
  app: FastifyInstance,
  endpoint: E,
  access: Access,
  handler: (context: RouteContext<E>) => Promise<Output<E['response']>> | Output<E['response']>,
): void {
  const status = endpoint.successStatus ?? 200
  app.route({
    method: endpoint.method,
    url: endpoint.path,
    config: { access },
    schema: {
      operationId: endpoint.operationId,
      summary: endpoint.summary,
      tags: endpoint.tags,
      ...(endpoint.params ? { params: endpoint.params } : {}),
      ...(endpoint.query ? { querystring: endpoint.query } : {}),
      ...(endpoint.body ? { body: endpoint.body } : {}),
      response: { [status]: endpoint.response, '4xx': ErrorBody },
    },
    handler: async (request, reply) => {
      const result = await handler({
        params: request.params as Input<E['params']>,
        query: request.query as Input<E['query']>,
        body: request.body as Input<E['body']>,
        actor: request.actor,
        request,
        reply,
      })
      reply.status(status)
      return result
    },
  })
}
