import { afterAll, describe, expect, test } from 'vitest'
import { page } from '#shared/contracts/endpoint'
import { MailOutboxItem } from '#shared/contracts/mail'
import { buildApp } from '../../app.ts'
import { testConfig } from '../../config.ts'
import { openTestDatabase } from '../../../test/support/database.ts'
import { createAndSignIn } from '../../../test/support/actors.ts'
import { BOUNCING_DOMAIN, startTestSmtpServer, tokenLinkIn } from '../../../test/support/smtp.ts'
import { createMailSender, enqueueMail } from './index.ts'

const MailPage = page(MailOutboxItem)
const engine = await openTestDatabase()
const db = engine.db
const smtp = await startTestSmtpServer()
const config = testConfig({ smtpUrl: smtp.url, publicUrl: 'https://talent.example.lg.jp' })
const app = await buildApp({ config, db })
// An app without SMTP on the same database: mail stays in the outbox and the administrator reads it.
const offline = await buildApp({ config: testConfig(), db })
afterAll(async () => {
  await app.close()
  await offline.close()
  await smtp.close()
  await engine.close()
})

describe('SMTP での配信（smtp-server を 127.0.0.1 で起動）', () => {
  test('利用登録の確認メールが、宛先・件名・一回限りのリンク付きで届き、送信済みになる', async () => {
    const email = 'smtp.candidate@example.jp'
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: { email, password: 'correct horse battery', displayName: '配信 確認' },
    })
    expect(response.statusCode).toBe(202)

    const received = await smtp.waitForMail(email)
    expect(received.to).toEqual([email])
    expect(received.from).toBe('no-reply@localhost')
    expect(received.subject).toBe('【自治体DX 外部デジタル人材 募集・マッチング】メールアドレスの確認')
    expect(received.text).toContain('配信 確認 様')
    const link = tokenLinkIn(received.text)
    expect(`${link.origin}${link.pathname}`).toBe('https://talent.example.lg.jp/confirm-email')

    // The link in the delivered mail confirms the address.
    const confirm = await app.inject({ method: 'POST', url: '/api/auth/confirm-email', payload: { token: link.searchParams.get('token') } })
    expect(confirm.statusCode).toBe(200)

    await expect
      .poll(async () => (await db.selectFrom('mail_outbox').select('status').where('to_address', '=', email).executeTakeFirstOrThrow()).status)
      .toBe('sent')
  })

  test('パスワード再設定のメールも届く', async () => {
    const { account } = await createAndSignIn(offline, db, { kind: 'candidate' })
    await app.inject({ method: 'POST', url: '/api/auth/password-reset/request', payload: { email: account.email } })
    const received = await smtp.waitForMail(account.email)
    expect(received.subject).toContain('パスワードの再設定')
    expect(tokenLinkIn(received.text).pathname).toBe('/password-reset')
  })

  test('届かなかったメールは待機に戻り、回数と理由を残す。上限に達すると failed', async () => {
    const broken = createMailSender({ db, config: { smtpUrl: 'smtp://127.0.0.1:1', mailFrom: 'x@localhost' }, maxAttempts: 2 })
    const id = await enqueueMail(db, { to: 'unreachable@example.jp', subject: '届かない', text: '本文' })
    const first = await broken.deliverPending()
    expect(first.failed).toBeGreaterThanOrEqual(1)
    const row = await db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ status: 'pending', attempts: 1, claimed_until: null })
    expect(row.last_error).toBeTruthy()
    expect(row.next_attempt_at.getTime()).toBeGreaterThan(Date.now())
    // Due again (as if the wait had passed): the second failure gives up.
    await db
      .updateTable('mail_outbox')
      .set({ next_attempt_at: new Date(0) })
      .where('id', '=', id)
      .execute()
    await broken.deliverPending()
    expect(await db.selectFrom('mail_outbox').select(['status', 'attempts']).where('id', '=', id).executeTakeFirstOrThrow()).toEqual({
      status: 'failed',
      attempts: 2,
    })
    await broken.close()
  })

  test('宛先を恒久的に拒否された（5xx）メールは、待たずに送信失敗になる', async () => {
    const sender = createMailSender({ db, config })
    const id = await enqueueMail(db, { to: `nobody@${BOUNCING_DOMAIN}`, subject: '届かない宛先', text: '本文' })
    await sender.deliverPending()
    const row = await db.selectFrom('mail_outbox').select(['status', 'attempts', 'last_error']).where('id', '=', id).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ status: 'failed', attempts: 1 })
    expect(row.last_error).toContain('550')
    await sender.close()
  })

  test('二つの送信処理が同時に動いても、1通は1回しか送られない', async () => {
    const to = 'exactly-once@example.jp'
    await enqueueMail(db, { to, subject: '一度だけ', text: '本文' })
    const senders = [createMailSender({ db, config }), createMailSender({ db, config })]
    await Promise.all(senders.map((sender) => sender.deliverPending()))
    await smtp.waitForMail(to)
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(smtp.messages.filter((message) => message.to.includes(to))).toHaveLength(1)
    await Promise.all(senders.map((sender) => sender.close()))
  })

  test('予定表（iCalendar）付きのメールは text/calendar の部分を持って届く', async () => {
    const to = 'calendar@example.jp'
    const content = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:x@example\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n'
    await enqueueMail(db, { to, subject: '面接の日時', text: '本文', calendar: { method: 'REQUEST', content } })
    const sender = createMailSender({ db, config })
    await sender.deliverPending()
    const received = await smtp.waitForMail(to)
    expect(received.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i)
    await sender.close()
  })
})

describe('GET /api/mail-outbox', () => {
  test('SMTP がなければメールは送信待ちのまま残り、国の担当者は本文（リンク）まで読める', async () => {
    const email = 'outbox.only@example.jp'
    await offline.inject({ method: 'POST', url: '/api/auth/sign-up', payload: { email, password: 'correct horse battery', displayName: '送信待ち' } })
    const national = await createAndSignIn(offline, db, { kind: 'national' })
    const response = await national.inject(`/api/mail-outbox?to=${encodeURIComponent(email)}`)
    expect(response.statusCode).toBe(200)
    const outbox = MailPage.parse(response.json())
    expect(outbox.items).toHaveLength(1)
    expect(outbox.items[0]).toMatchObject({ to: email, status: 'pending', attempts: 0, sentAt: null })
    expect(tokenLinkIn(outbox.items[0]!.text!).pathname).toBe('/confirm-email')
    const pending = MailPage.parse((await national.inject('/api/mail-outbox?status=pending&limit=100')).json())
    expect(pending.items.every((item) => item.status === 'pending')).toBe(true)
  })

  test('SMTP で配信している環境では本文を返さない（リンクは受信者だけのもの）', async () => {
    const national = await createAndSignIn(app, db, { kind: 'national' })
    const outbox = MailPage.parse((await national.inject('/api/mail-outbox?limit=100')).json())
    expect(outbox.items.length).toBeGreaterThan(0)
    expect(outbox.items.every((item) => item.text === null)).toBe(true)
  })

  test('国の担当者以外は 403、未ログインは 401', async () => {
    for (const kind of ['candidate', 'municipality', 'prefecture'] as const) {
      const { inject } = await createAndSignIn(offline, db, { kind })
      expect((await inject('/api/mail-outbox')).statusCode, kind).toBe(403)
    }
    expect((await offline.inject('/api/mail-outbox')).statusCode).toBe(401)
  })
})

describe('GET /api/mail-outbox/:id と POST /api/mail-outbox/:id/retry', () => {
  test('1通を読め、失敗したメールは再送で送信待ちに戻り、回数を数え直し、監査に残る', async () => {
    const national = await createAndSignIn(offline, db, { kind: 'national' })
    const id = await enqueueMail(db, { to: 'gave.up@example.jp', subject: '届かなかった', text: '本文です' })
    await db.updateTable('mail_outbox').set({ status: 'failed', attempts: 8, last_error: 'connect ECONNREFUSED' }).where('id', '=', id).execute()

    const read = await national.inject(`/api/mail-outbox/${id}`)
    expect(read.statusCode).toBe(200)
    expect(MailOutboxItem.parse(read.json())).toMatchObject({ id, status: 'failed', attempts: 8, text: '本文です', lastError: 'connect ECONNREFUSED' })
    const failed = MailPage.parse((await national.inject('/api/mail-outbox?status=failed&limit=100')).json())
    expect(failed.items.map((item) => item.id)).toContain(id)

    const retry = await national.inject({ method: 'POST', url: `/api/mail-outbox/${id}/retry` })
    expect(retry.statusCode).toBe(200)
    expect(MailOutboxItem.parse(retry.json())).toMatchObject({ id, status: 'pending', attempts: 0 })
    const row = await db.selectFrom('mail_outbox').select(['next_attempt_at', 'claimed_until']).where('id', '=', id).executeTakeFirstOrThrow()
    expect(row.next_attempt_at.getTime()).toBeLessThanOrEqual(Date.now() + 1000)
    const audit = await db.selectFrom('audit_event').selectAll().where('action', '=', 'mail.retry_requested').where('target_id', '=', id).execute()
    expect(audit).toHaveLength(1)
    expect(audit[0]!.details).toMatchObject({ previousAttempts: 8 })

    // A second press finds it pending: nothing changes, and the answer says why.
    const again = await national.inject({ method: 'POST', url: `/api/mail-outbox/${id}/retry` })
    expect(again.statusCode).toBe(409)
    expect(again.json().error).toMatchObject({ code: 'MAIL_NOT_FAILED' })
    expect(again.json().error.message).toContain('送信待ち')
  })

  test('再送したメールは SMTP があれば届く', async () => {
    const national = await createAndSignIn(app, db, { kind: 'national' })
    const to = 'retried@example.jp'
    const id = await enqueueMail(db, { to, subject: '再送', text: '本文' })
    await db.updateTable('mail_outbox').set({ status: 'failed', attempts: 8 }).where('id', '=', id).execute()
    expect((await national.inject({ method: 'POST', url: `/api/mail-outbox/${id}/retry` })).statusCode).toBe(200)
    await smtp.waitForMail(to)
    await expect.poll(async () => (await db.selectFrom('mail_outbox').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('sent')
  })

  test('ないメールは 404、番号の形が違えば 400、国の担当者以外は 403', async () => {
    const national = await createAndSignIn(offline, db, { kind: 'national' })
    const missing = '00000000-0000-4000-8000-000000000000'
    expect((await national.inject(`/api/mail-outbox/${missing}`)).statusCode).toBe(404)
    expect((await national.inject({ method: 'POST', url: `/api/mail-outbox/${missing}/retry` })).statusCode).toBe(404)
    expect((await national.inject('/api/mail-outbox/not-a-uuid')).statusCode).toBe(400)
    const id = await enqueueMail(db, { to: 'someone@example.jp', subject: '件名', text: '本文' })
    for (const kind of ['candidate', 'municipality', 'prefecture'] as const) {
      const { inject } = await createAndSignIn(offline, db, { kind })
      expect((await inject(`/api/mail-outbox/${id}`)).statusCode, kind).toBe(403)
      expect((await inject({ method: 'POST', url: `/api/mail-outbox/${id}/retry` })).statusCode, kind).toBe(403)
    }
  })
})
