import type { AccountKind } from '#shared/domain/accounts'

/** The caller of a request, resolved from its session before any route runs. */
export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'candidate'; userId: string; sessionId: string }
  | { kind: 'municipality'; userId: string; sessionId: string; localGovernmentCode: string; prefectureCode: string }
  | { kind: 'prefecture'; userId: string; sessionId: string; prefectureCode: string }
  | { kind: 'national'; userId: string; sessionId: string }

export type SignedInActor = Exclude<Actor, { kind: 'anonymous' }>

/** Every route declares who may call it; there is no default. */
export type Access = 'public' | readonly AccountKind[]

export const ANONYMOUS: Actor = Object.freeze({ kind: 'anonymous' })

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor
  }
  interface FastifyContextConfig {
    access?: Access
  }
}
