/**
 * Corrections of the company graph: a link ends on a date, or is retracted as entered in error. Each is one
 * transaction with its audit event (who, why, the link before and after). A retracted link stays as a row for the
 * record and drops out of every read; a bid check already logged keeps the links it was decided on
 * (the facts logged with each bid check), while the next check reads the corrected graph.
 */
import type { z } from 'zod'
import type { EndCompanyLinkInput, RetractCompanyLinkInput } from '#shared/contracts/companies'
import type { Db } from '../../db/database.ts'
import type { Actor } from '../../http/actor.ts'
import { AppError, notFound } from '../../http/errors.ts'
import { recordAudit } from '../audit/index.ts'
import { linkView } from './repository.ts'

type Request = { ip: string; id: string }

async function lockedLink(tx: Db, id: string) {
  const link = await tx.selectFrom('company_link').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
  if (!link) throw notFound('指定された法人の関係は登録されていません。')
  if (link.retracted_at) throw new AppError('COMPANY_LINK_RETRACTED', 'この関係はすでに取り消されています。')
  return link
}

export function endCompanyLink(db: Db, actor: Actor, request: Request, id: string, input: z.output<typeof EndCompanyLinkInput>) {
  return db.transaction().execute(async (tx) => {
    const before = await lockedLink(tx, id)
    if (before.starts_on !== null && input.endsOn < before.starts_on) {
      throw new AppError('VALIDATION_FAILED', '終了日は開始日以降にしてください。', 400, [
        { path: 'endsOn', message: `終了日は開始日（${before.starts_on}）以降にしてください。` },
      ])
    }
    const after = await tx.updateTable('company_link').set({ ends_on: input.endsOn }).where('id', '=', id).returningAll().executeTakeFirstOrThrow()
    await recordAudit(tx, {
      actor,
      action: 'company_link.ended',
      targetType: 'company_link',
      targetId: id,
      request,
      details: { reason: input.reason, before: linkView(before), after: linkView(after) },
    })
    return linkView(after)
  })
}

export function retractCompanyLink(db: Db, actor: Actor, request: Request, id: string, input: z.output<typeof RetractCompanyLinkInput>) {
  return db.transaction().execute(async (tx) => {
    const before = await lockedLink(tx, id)
    const after = await tx
      .updateTable('company_link')
      .set({ retracted_at: new Date(), retraction_reason: input.reason })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()
    await recordAudit(tx, {
      actor,
      action: 'company_link.retracted',
      targetType: 'company_link',
      targetId: id,
      request,
      details: { reason: input.reason, before: linkView(before) },
    })
    return linkView(after)
  })
}
