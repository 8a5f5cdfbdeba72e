import type { FastifyInstance } from 'fastify'
import {
  confirmEmail,
  confirmPasswordReset,
  createStaffAccount,
  getMe,
  getStaffAccount,
  listStaffAccounts,
  requestPasswordReset,
  signIn,
  signOut,
  signUp,
} from '#shared/contracts/accounts'
import type { Clock } from '../../clock.ts'
import type { Config } from '../../config.ts'
import type { Db } from '../../db/database.ts'
import { route } from '../../http/route.ts'
import type { MailSender } from '../mail/index.ts'
import { attemptLimits } from './jobs.ts'
import * as service from './service.ts'

export interface AccountRoutesDeps {
  db: Db
  config: Config
  clock: Clock
  mail: MailSender
}

export function accountRoutes(app: FastifyInstance, { db, config, clock, mail }: AccountRoutesDeps): void {
  const deps: service.AccountDeps = { db, config, clock, mail, limits: attemptLimits(config) }

  route(app, signUp, 'public', ({ request, reply, body }) => service.signUp(deps, request, reply, body))
  route(app, confirmEmail, 'public', ({ request, body }) => service.confirmEmail(deps, request, body.token))
  route(app, signIn, 'public', ({ request, reply, body }) => service.signIn(deps, request, reply, body))
  route(app, signOut, 'public', ({ request, reply }) => service.signOut(deps, request, reply))
  route(app, getMe, 'public', ({ actor }) => service.me(deps, actor))
  route(app, requestPasswordReset, 'public', ({ request, reply, body }) => service.requestPasswordReset(deps, request, reply, body.email))
  route(app, confirmPasswordReset, 'public', ({ request, reply, body }) => service.confirmPasswordReset(deps, request, reply, body))

  route(app, createStaffAccount, ['prefecture', 'national'], ({ actor, request, body }) => service.createStaffAccount(deps, actor, request, body))
  route(app, listStaffAccounts, ['municipality', 'prefecture', 'national'], ({ actor, query }) => service.listStaffAccounts(deps, actor, query))
  route(app, getStaffAccount, ['municipality', 'prefecture', 'national'], ({ actor, params }) => service.getStaffAccount(deps, actor, params.id))
}
