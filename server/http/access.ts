import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify'
import type { Access, Actor } from './actor.ts'
import { AppError } from './errors.ts'

/** Refuses a caller the declared access does not name: 401 when not signed in, 403 otherwise. */
export function assertAccess(access: Access, actor: Actor): void {
  if (access === 'public') return
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED', 'ログインしてください。')
  if (!access.includes(actor.kind)) throw new AppError('FORBIDDEN', 'この操作を行う権限がありません。')
}

/**
 * The one place access is enforced. Every route under /api must declare `config.access` (deny by default: an
 * undeclared route stops the start), and the declaration is checked before the route's own pre-handlers and its
 * handler, however the route was registered — through route(), as a download, or by hand.
 */
export function enforceDeclaredAccess(app: FastifyInstance): void {
  app.addHook('onRoute', (options) => {
    if (!options.url.startsWith('/api/')) return
    const access = options.config?.access
    if (access === undefined) throw new Error(`${String(options.method)} ${options.url} は利用できる利用者を宣言していません。`)
    const check: preHandlerAsyncHookHandler = async (request) => assertAccess(access, request.actor)
    const own = options.preHandler === undefined ? [] : Array.isArray(options.preHandler) ? options.preHandler : [options.preHandler]
    options.preHandler = [check, ...own]
    // The declaration is published in the OpenAPI document beside each operation.
    const audience = access === 'public' ? '公開' : `利用できる利用者: ${access.join(', ')}`
    options.schema = { ...options.schema, description: [audience, options.schema?.description].filter(Boolean).join('\n\n') }
  })
}
