import { sql } from 'kysely'
import { describe, expect, test } from 'vitest'
import { AuditEvent } from '#shared/contracts/audit'
import { page } from '#shared/contracts/endpoint'
import { ErrorBody } from '#shared/errors'
import { startTestApp } from '../../../test/support/app.ts'
import { createAndSignIn } from '../../../test/support/actors.ts'
import { tokenLinkIn } from '../../../test/support/smtp.ts'
import { recordAudit } from './index.ts'

const { app, engine } = await startTestApp()
const db = engine.db
const AuditPage = page(AuditEvent)

const national = await createAndSignIn(app, db, { kind: 'national' })
const ehime = await createAndSignIn(app, db, { kind: 'prefecture', prefectureCode: '38' })
const kochi = await createAndSignIn(app, db, { kind: 'prefecture', prefectureCode: '39' })

async function eventsAs(who: typeof national, query: string) {
  const response = await who.inject(`/api/audit-events?${query}`)
  expect(response.statusCode).toBe(200)
  return AuditPage.parse(response.json())
}

describe('監査ログに記録される操作', () => {
  test('利用登録・メール確認・担当者の作成がそれぞれ1件ずつ、操作した人と対象とリクエスト付きで残る', async () => {
    const email = 'audited@example.jp'
    const signUp = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: { email, password: 'correct horse battery', displayName: '監査' },
      remoteAddress: '203.0.113.7',
    })
    expect(signUp.statusCode).toBe(202)
    const account = await db.selectFrom('account').select('id').where('email', '=', email).executeTakeFirstOrThrow()
    const mail = await db.selectFrom('mail_outbox').select('body_text').where('to_address', '=', email).executeTakeFirstOrThrow()
    await app.inject({ method: 'POST', url: '/api/auth/confirm-email', payload: { token: tokenLinkIn(mail.body_text).searchParams.get('token') } })

    const events = await eventsAs(national, `targetType=account&targetId=${account.id}`)
    expect(events.items.map((event) => event.action)).toEqual(['account.email_confirmed', 'account.signed_up'])
    expect(events.items[1]).toMatchObject({ actorKind: 'anonymous', actorUserId: null, ip: '203.0.113.7', requestId: signUp.headers['x-request-id'] })
    expect(JSON.stringify(events.items)).not.toContain('correct horse')

    const created = await ehime.inject({
      method: 'POST',
      url: '/api/staff-accounts',
      payload: { kind: 'municipality', email: 'new-staff@example.jp', displayName: '新任', localGovernmentCode: '382027' },
    })
    expect(created.statusCode).toBe(201)
    const staffId = (created.json() as { id: string }).id
    const staffEvents = await eventsAs(national, `action=staff_account.created&targetId=${staffId}`)
    expect(staffEvents.items).toEqual([
      expect.objectContaining({
        actorKind: 'prefecture',
        actorUserId: ehime.account.id,
        targetType: 'account',
        prefectureCode: '38',
        localGovernmentCode: '382027',
        details: { kind: 'municipality' },
      }),
    ])
  })

  test('ログインの失敗も対象アカウント付きで残る', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: kochi.account.email, password: 'not the password' },
      remoteAddress: '203.0.113.8',
    })
    expect(response.statusCode).toBe(401)
    const events = await eventsAs(national, `action=account.sign_in_failed&targetId=${kochi.account.id}`)
    expect(events.items).toHaveLength(1)
    expect(events.items[0]).toMatchObject({ prefectureCode: '39', ip: '203.0.113.8' })
  })
})

describe('GET /api/audit-events の範囲', () => {
  test('都道府県の担当者には自県の出来事だけが見える', async () => {
    await kochi.inject({
      method: 'POST',
      url: '/api/staff-accounts',
      payload: { kind: 'municipality', email: 'kochi-staff@example.jp', displayName: '高知', localGovernmentCode: '392014' },
    })
    const ehimeView = await eventsAs(ehime, 'limit=100')
    expect(ehimeView.items.length).toBeGreaterThan(0)
    expect(ehimeView.items.every((event) => event.prefectureCode === '38')).toBe(true)
    const kochiView = await eventsAs(kochi, 'action=staff_account.created')
    expect(kochiView.items.map((event) => event.localGovernmentCode)).toEqual(['392014'])
  })

  test('市区町村の担当者・外部デジタル人材は 403、未ログインは 401', async () => {
    const municipality = await createAndSignIn(app, db, { kind: 'municipality' })
    const candidate = await createAndSignIn(app, db, { kind: 'candidate' })
    expect((await municipality.inject('/api/audit-events')).statusCode).toBe(403)
    expect((await candidate.inject('/api/audit-events')).statusCode).toBe(403)
    expect((await app.inject('/api/audit-events')).statusCode).toBe(401)
  })

  test('新しい順に並び、ページ送りできる', async () => {
    const all = await eventsAs(national, 'limit=100')
    const times = all.items.map((event) => event.occurredAt)
    expect([...times].sort().reverse()).toEqual(times)
    const second = await eventsAs(national, 'limit=1&offset=1')
    expect(second.items[0]?.id).toBe(all.items[1]?.id)
  })

  test('不正な条件は 400', async () => {
    const response = await national.inject('/api/audit-events?limit=0')
    expect(response.statusCode).toBe(400)
    expect(ErrorBody.parse(response.json()).error.code).toBe('VALIDATION_FAILED')
  })
})

describe('監査ログは追記のみ', () => {
  test('UPDATE も DELETE も TRUNCATE もデータベースが拒否する', async () => {
    const id = await recordAudit(db, { actor: { kind: 'system' }, action: 'test.appended' })
    await expect(db.updateTable('audit_event').set({ action: 'test.rewritten' }).where('id', '=', id).execute()).rejects.toThrow(/append-only/)
    await expect(db.deleteFrom('audit_event').where('id', '=', id).execute()).rejects.toThrow(/append-only/)
    await expect(sql`TRUNCATE audit_event`.execute(db)).rejects.toThrow(/append-only/)
    const row = await db.selectFrom('audit_event').select('action').where('id', '=', id).executeTakeFirstOrThrow()
    expect(row.action).toBe('test.appended')
  })

  test('更新・削除の API はない', async () => {
    const [event] = (await eventsAs(national, 'limit=1')).items
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      const response = await national.inject({ method, url: `/api/audit-events/${event!.id}` })
      expect(response.statusCode, method).toBe(404)
    }
  })

  test('recordAudit は呼び出し側のトランザクションと一緒に取り消される', async () => {
    await expect(
      db.transaction().execute(async (tx) => {
        await recordAudit(tx, { actor: { kind: 'system' }, action: 'test.rolled_back' })
        throw new Error('the change failed')
      }),
    ).rejects.toThrow('the change failed')
    expect(await db.selectFrom('audit_event').select('id').where('action', '=', 'test.rolled_back').execute()).toEqual([])
  })

  test('市区町村の団体コードだけを渡すと、都道府県はその先頭2桁になる', async () => {
    const id = await recordAudit(db, { actor: { kind: 'system' }, action: 'test.scoped', localGovernmentCode: '392014' })
    const row = await db.selectFrom('audit_event').select(['prefecture_code', 'local_government_code']).where('id', '=', id).executeTakeFirstOrThrow()
    expect(row).toEqual({ prefecture_code: '39', local_government_code: '392014' })
  })
})
