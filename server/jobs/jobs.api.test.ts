import { sql } from 'kysely'
import { afterAll, expect, test } from 'vitest'
import { buildApp } from '../app.ts'
import { testConfig } from '../config.ts'
import { createAndSignIn, type SignedInInject } from '../../test/support/actors.ts'
import { openTestDatabase } from '../../test/support/database.ts'
import { startTestSmtpServer } from '../../test/support/smtp.ts'
import { expirePostings, sendPostingDigests } from '../modules/postings/index.ts'
import { completeForm } from '../modules/postings/test-fixtures.ts'

// Two app instances on one database (on PostgreSQL each has its own connections), with real SMTP delivery.
let now = new Date('2026-04-01T01:00:00+09:00')
const clock = () => now
const smtp = await startTestSmtpServer()
const engine = await openTestDatabase()
const config = testConfig({ smtpUrl: smtp.url })
const first = await buildApp({ config, db: engine.db, clock })
const second = await buildApp({ config, db: engine.db, clock })
afterAll(async () => {
  await first.close()
  await second.close()
  await engine.close()
  await smtp.close()
})

const matsuyama = await createAndSignIn(first, engine.db, { kind: 'municipality', localGovernmentCode: '382019' })
const ehime = await createAndSignIn(first, engine.db, { kind: 'prefecture', prefectureCode: '38' })
const national = await createAndSignIn(second, engine.db, { kind: 'national' })

async function publish(title: string, applicationEndsOn: string): Promise<string> {
  const created = await matsuyama.inject({
    method: 'POST',
    url: '/api/staff/postings',
    payload: { ...completeForm, title, applicationEndsOn, termStartsOn: '2026-05-01' },
  })
  expect(created.statusCode, created.body).toBe(201)
  const id = (created.json() as { id: string }).id
  const step = async (as: SignedInInject, action: string) =>
    expect((await as({ method: 'POST', url: `/api/staff/postings/${id}/transitions`, payload: { action } })).statusCode).toBe(200)
  await step(matsuyama.inject, 'submit')
  await step(ehime.inject, 'forward')
  await step(national.inject, 'publish')
  return id
}

async function subscribe(email: string): Promise<void> {
  expect((await first.inject({ method: 'POST', url: '/api/posting-subscriptions', payload: { email, filters: {} } })).statusCode).toBe(202)
  const confirmation = await engine.db.selectFrom('mail_outbox').select('body_text').where('to_address', '=', email).executeTakeFirstOrThrow()
  const token = /token=([A-Za-z0-9_-]+)/.exec(confirmation.body_text)![1]!
  expect((await second.inject({ method: 'POST', url: '/api/posting-subscriptions/confirm', payload: { token } })).statusCode).toBe(200)
}

const digestsTo = (email: string) => smtp.messages.filter((mail) => mail.to.includes(email) && mail.subject.includes('新着・更新'))
const expiryTransitions = async (postingId: string) =>
  (await sql<{ count: number }>`SELECT count(*)::int AS count FROM posting_transition WHERE posting_id = ${postingId} AND action = 'expire'`.execute(engine.db))
    .rows[0]!.count
const expiryAudits = async (postingId: string) =>
  (await sql<{ count: number }>`SELECT count(*)::int AS count FROM audit_event WHERE target_id = ${postingId} AND action LIKE '%expire%'`.execute(engine.db))
    .rows[0]!.count

async function delivered() {
  await Promise.all([first.jobs.runDue(), second.jobs.runDue()])
  // the outbox is drained by whichever instance claims each message
  for (let i = 0; i < 50 && (await engine.db.selectFrom('mail_outbox').select('id').where('status', '=', 'pending').executeTakeFirst()); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

test('2つのインスタンスが同時に定期処理を動かしても、購読者へのメールは1通、締切の終了は1回', async () => {
  await subscribe('two-instances@example.com')
  now = new Date('2026-04-01T01:10:00+09:00')
  const posting = await publish('二重配信テスト補佐官', '2026-04-10')
  await publish('配信される補佐官', '2026-04-30')

  now = new Date('2026-04-11T00:30:00+09:00')
  const ran = await Promise.all([first.jobs.runDue(), second.jobs.runDue()])
  // each job ran in exactly one of the two instances
  expect(ran.flat().sort()).toEqual([
    'accounts.attempts-sweep',
    'applications.term-reminders',
    'interviews.reminders',
    'mail.retry',
    'postings.digest',
    'postings.expire',
    'saved-searches.digest',
  ])
  await delivered()
  expect(digestsTo('two-instances@example.com')).toHaveLength(1)
  expect(await expiryTransitions(posting)).toBe(1)
  expect(await expiryAudits(posting)).toBe(1)
  const closedMails = smtp.messages.filter((mail) => mail.to.includes(matsuyama.account.email) && mail.subject.includes('二重配信テスト補佐官'))
  expect(closedMails.length).toBeGreaterThan(0)
  const mailsBefore = smtp.messages.length

  // within the same period nothing runs again, in either instance
  now = new Date('2026-04-11T00:35:00+09:00')
  expect((await Promise.all([first.jobs.runDue(), second.jobs.runDue()])).flat()).toEqual(['mail.retry'])
  await delivered()
  expect(smtp.messages.length).toBe(mailsBefore)
})

test('期間の重なった2回の実行（リースの期限切れ）でも、締切の終了と配信はそれぞれ1回', async () => {
  // (sessions idle out when the clock jumps days, so the posting is written on the first day)
  now = new Date('2026-04-01T02:00:00+09:00')
  await subscribe('overlap@example.com')
  now = new Date('2026-04-01T02:10:00+09:00')
  const posting = await publish('重なり実行テスト補佐官', '2026-04-20')
  await publish('重なり配信補佐官', '2026-04-30')
  now = new Date('2026-04-21T00:30:00+09:00')
  const deps = { db: engine.db, clock, config: { publicUrl: 'http://localhost:3000' } }
  const [closedA, closedB] = await Promise.all([expirePostings(deps), expirePostings(deps)])
  expect(closedA + closedB).toBe(1)
  const [digestsA, digestsB] = await Promise.all([sendPostingDigests(deps), sendPostingDigests(deps)])
  // the new subscriber's digest is queued by one of the two runs (the first subscriber's cursor is past it)
  expect(digestsA + digestsB).toBe(1)
  expect(await expiryTransitions(posting)).toBe(1)
  const queued = await engine.db
    .selectFrom('mail_outbox')
    .select('id')
    .where('to_address', '=', 'overlap@example.com')
    .where('subject', 'like', '%新着・更新%')
    .execute()
  expect(queued).toHaveLength(1)
})
