import { beforeAll, describe, expect, test } from 'vitest'
import { Message, Thread } from '#shared/contracts/messages'
import { createAndSignIn, type SignedInInject } from '../../../test/support/actors.ts'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'

const NOW = new Date('2026-11-24T03:00:00Z')
const MATSUYAMA = '382019'
const IMABARI = '382027'
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n').toString('base64')

let t: TestApp
let candidate: SignedInInject
let other: SignedInInject
let matsuyama: SignedInInject
let imabari: SignedInInject
let ehime: SignedInInject
let applicationId: string
let staffEmail: string

beforeAll(async () => {
  t = await startTestApp({ clock: () => NOW })
  ;({ inject: candidate } = await createAndSignIn(t.app, t.engine.db, { kind: 'candidate' }))
  ;({ inject: other } = await createAndSignIn(t.app, t.engine.db, { kind: 'candidate' }))
  const staff = await createAndSignIn(t.app, t.engine.db, { kind: 'municipality', localGovernmentCode: MATSUYAMA })
  matsuyama = staff.inject
  staffEmail = staff.account.email
  ;({ inject: imabari } = await createAndSignIn(t.app, t.engine.db, { kind: 'municipality', localGovernmentCode: IMABARI }))
  ;({ inject: ehime } = await createAndSignIn(t.app, t.engine.db, { kind: 'prefecture', prefectureCode: '38' }))
  const posting = await t.engine.db
    .insertInto('posting')
    .values({ municipality_code: MATSUYAMA, prefecture_code: '38', state: 'published', form: '{}', title: 'CIO補佐官（メッセージ）' } as never)
    .returning('id')
    .executeTakeFirstOrThrow()
  await candidate({ method: 'PUT', url: '/api/candidates/me/profile', payload: { fullName: '連絡 一郎', contactEmail: 'renraku@example.jp' } })
  const applied = await candidate({ method: 'POST', url: `/api/postings/${posting.id}/applications`, payload: { motivation: '応募します' } })
  expect(applied.statusCode, applied.body).toBe(201)
  applicationId = applied.json().id
})

const url = () => `/api/applications/${applicationId}/messages`
const messageCount = async () =>
  Number(
    (
      await t.engine.db
        .selectFrom('message')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )
const unread = async (as: SignedInInject) => (await as('/api/message-threads/unread')).json().unread as number

describe('応募のメッセージ', () => {
  test('担当者が送ると応募者に未読1件、メールにはリンクだけで本文は載らない', async () => {
    const sent = await matsuyama({ method: 'POST', url: url(), payload: { body: '面接の前に資料をお送りします。秘密の内容' } })
    expect(sent.statusCode, sent.body).toBe(201)
    expect(Message.parse(sent.json())).toMatchObject({ side: 'staff', mine: true, authorLabel: '松山市 担当者' })
    expect(await unread(candidate)).toBe(1)
    expect(await unread(matsuyama)).toBe(0)
    const mail = await t.engine.db
      .selectFrom('mail_outbox')
      .select(['subject', 'body_text'])
      .where('to_address', '=', 'renraku@example.jp')
      .where('subject', 'like', '新しいメッセージ%')
      .executeTakeFirstOrThrow()
    expect(mail.subject).toBe('新しいメッセージがあります：CIO補佐官（メッセージ）')
    expect(mail.body_text).toContain(`/messages/applications/${applicationId}`)
    expect(mail.body_text).not.toContain('秘密の内容')
  })

  test('応募者はスレッドを読み、既読にすると未読は0', async () => {
    const thread = Thread.parse((await candidate(url())).json())
    expect(thread).toMatchObject({ postingTitle: 'CIO補佐官（メッセージ）', municipalityName: '松山市', candidateName: null, unread: 1 })
    expect(thread.messages.map((m) => [m.authorLabel, m.mine])).toEqual([['松山市 担当者', false]])
    expect((await candidate({ method: 'POST', url: `${url()}/read` })).json()).toEqual({ unread: 0 })
    expect(await unread(candidate)).toBe(0)
  })

  test('応募者が PDF を添えて返信すると、団体の担当者に通知され、両者が添付を取り出せる', async () => {
    const sent = await candidate({
      method: 'POST',
      url: url(),
      payload: { body: '資料を添付します。', attachment: { fileName: '職務経歴.pdf', contentBase64: PDF } },
    })
    expect(sent.statusCode, sent.body).toBe(201)
    const message = Message.parse(sent.json())
    expect(message.attachments).toEqual([{ id: expect.any(String), fileName: '職務経歴.pdf', size: Buffer.from(PDF, 'base64').length }])
    expect(await unread(matsuyama)).toBe(1)
    const notices = await t.engine.db.selectFrom('mail_outbox').select('body_text').where('to_address', '=', staffEmail).execute()
    expect(notices).toHaveLength(1)
    expect(notices[0]!.body_text).not.toContain('資料を添付します')
    const staffView = Thread.parse((await matsuyama(url())).json())
    expect(staffView.candidateName).toBe('連絡 一郎')
    expect(staffView.messages.map((m) => m.authorLabel)).toEqual(['松山市 担当者', '連絡 一郎'])
    for (const as of [matsuyama, candidate]) {
      const file = await as(`/api/message-attachments/${message.attachments[0]!.id}`)
      expect(file.statusCode).toBe(200)
      expect(Buffer.from(file.json().contentBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-')
    }
    const list = (await matsuyama('/api/message-threads')).json()
    expect(list).toMatchObject({ total: 1, items: [{ applicationId, candidateName: '連絡 一郎', unread: 1 }] })
  })

  test('他の団体・他の人材・都道府県にはスレッドも添付も見えない（404/403）、送信もできない', async () => {
    const attachmentId = Thread.parse((await matsuyama(url())).json()).messages[1]!.attachments[0]!.id
    const before = await messageCount()
    for (const as of [imabari, other]) {
      expect((await as(url())).statusCode).toBe(404)
      expect((await as({ method: 'POST', url: url(), payload: { body: 'のぞき見' } })).statusCode).toBe(404)
      expect((await as({ method: 'POST', url: `${url()}/read` })).statusCode).toBe(404)
      expect((await as(`/api/message-attachments/${attachmentId}`)).statusCode).toBe(404)
    }
    expect((await ehime(url())).statusCode).toBe(403)
    expect((await imabari('/api/message-threads')).json().total).toBe(0)
    expect((await other('/api/message-threads')).json().total).toBe(0)
    expect(await messageCount()).toBe(before)
  })

  test('PDF でない添付・大きすぎる添付・空の本文は 400 で、何も保存されない', async () => {
    const before = await messageCount()
    const html = await candidate({
      method: 'POST',
      url: url(),
      payload: { body: 'x', attachment: { fileName: 'a.pdf', contentBase64: Buffer.from('<html>').toString('base64') } },
    })
    expect(html.statusCode).toBe(400)
    expect(html.json().error).toMatchObject({ code: 'INVALID_FILE', details: [{ path: 'attachment.contentBase64' }] })
    const big = Buffer.alloc(5 * 1024 * 1024 + 10, 0x20)
    big.write('%PDF-1.4')
    const tooBig = await candidate({
      method: 'POST',
      url: url(),
      payload: { body: 'x', attachment: { fileName: 'big.pdf', contentBase64: big.toString('base64') } },
    })
    expect(tooBig.statusCode).toBe(400)
    const empty = await candidate({ method: 'POST', url: url(), payload: { body: '   ' } })
    expect(empty.statusCode).toBe(400)
    expect(empty.json().error.details[0].path).toBe('body')
    expect(await messageCount()).toBe(before)
  })

  test('送信はすべて監査ログに残り、本文は記録しない', async () => {
    const events = await t.engine.db
      .selectFrom('audit_event')
      .select(['action', 'details', 'local_government_code'])
      .where('action', '=', 'message.sent')
      .execute()
    expect(events).toHaveLength(2)
    expect(events.every((event) => event.local_government_code === MATSUYAMA)).toBe(true)
    expect(JSON.stringify(events)).not.toContain('資料を添付します')
  })

  test('データの持ち出しに含まれ、アカウント削除で本人の発言と添付が消える（団体の発言は残る）', async () => {
    const exported = (await candidate('/api/candidates/me/export')).json()
    expect(exported.messageThreads).toEqual([
      expect.objectContaining({
        applicationId,
        messages: [
          expect.objectContaining({ side: 'staff' }),
          expect.objectContaining({ body: '資料を添付します。', attachments: [{ fileName: '職務経歴.pdf', size: expect.any(Number) }] }),
        ],
      }),
    ])
    expect((await candidate({ method: 'DELETE', url: '/api/candidates/me' })).statusCode).toBe(200)
    const thread = Thread.parse((await matsuyama(url())).json())
    expect(thread.messages.map((m) => m.body)).toEqual(['面接の前に資料をお送りします。秘密の内容', '（削除済み）'])
    expect(thread.messages[1]!.attachments).toEqual([])
    expect(await t.engine.db.selectFrom('message_attachment').select('id').execute()).toEqual([])
  })
})
