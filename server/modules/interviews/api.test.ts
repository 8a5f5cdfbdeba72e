import ICAL from 'ical.js'
import { beforeAll, describe, expect, test } from 'vitest'
import { Interview } from '#shared/contracts/interviews'
import { testConfig } from '../../config.ts'
import { createAndSignIn, type SignedInInject } from '../../../test/support/actors.ts'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { sendInterviewReminders } from './index.ts'

let now = new Date('2026-11-24T03:00:00Z')
const MATSUYAMA = '382019'

let t: TestApp
let candidate: SignedInInject
let matsuyama: SignedInInject
let imabari: SignedInInject
let applicationId: string
let staffEmail: string

beforeAll(async () => {
  t = await startTestApp({ clock: () => now })
  ;({ inject: candidate } = await createAndSignIn(t.app, t.engine.db, { kind: 'candidate' }))
  const staff = await createAndSignIn(t.app, t.engine.db, { kind: 'municipality', localGovernmentCode: MATSUYAMA })
  matsuyama = staff.inject
  staffEmail = staff.account.email
  ;({ inject: imabari } = await createAndSignIn(t.app, t.engine.db, { kind: 'municipality', localGovernmentCode: '382027' }))
  const posting = await t.engine.db
    .insertInto('posting')
    .values({ municipality_code: MATSUYAMA, prefecture_code: '38', state: 'published', form: '{}', title: 'CIO補佐官（面接）' } as never)
    .returning('id')
    .executeTakeFirstOrThrow()
  await candidate({ method: 'PUT', url: '/api/candidates/me/profile', payload: { fullName: '面接 花子', contactEmail: 'mensetsu@example.jp' } })
  const applied = await candidate({ method: 'POST', url: `/api/postings/${posting.id}/applications`, payload: { motivation: '応募します' } })
  applicationId = applied.json().id
  expect((await matsuyama({ method: 'POST', url: `/api/applications/${applicationId}/steps`, payload: { to: 'screening' } })).statusCode).toBe(200)
})

const slots = [
  { startsAt: '2026-12-01T10:00:00+09:00', durationMinutes: 60, mode: 'online', location: 'https://meet.example.jp/cio' },
  { startsAt: '2026-12-02T14:00:00+09:00', durationMinutes: 60, mode: 'in_person', location: '松山市役所 本館3階' },
]

/** The event of an .ics read with ical.js (an independent parser). */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text))
  const event = calendar.getFirstSubcomponent('vevent')!
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: event.getFirstPropertyValue('uid'),
    sequence: Number(event.getFirstPropertyValue('sequence')),
    status: event.getFirstPropertyValue('status'),
    start: (event.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString(),
  }
}
const mailsTo = (address: string) =>
  t.engine.db
    .selectFrom('mail_outbox')
    .select(['subject', 'body_text', 'calendar', 'calendar_method'])
    .where('to_address', '=', address)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
const interviewCount = async () => (await t.engine.db.selectFrom('interview').select('id').execute()).length

let interview: Interview

describe('面接の日程調整', () => {
  test('過去・重なり・URL なしのオンラインは 400 で項目を名指しし、何も保存しない', async () => {
    const url = `/api/applications/${applicationId}/interviews`
    const past = await matsuyama({ method: 'POST', url, payload: { slots: [{ ...slots[0], startsAt: '2026-11-20T10:00:00+09:00' }] } })
    expect(past.statusCode).toBe(400)
    expect(past.json().error.details).toEqual([{ path: 'slots.0.startsAt', message: expect.stringContaining('過去') }])
    const overlap = await matsuyama({ method: 'POST', url, payload: { slots: [slots[0], { ...slots[1], startsAt: '2026-12-01T10:30:00+09:00' }] } })
    expect(overlap.statusCode).toBe(400)
    expect(overlap.json().error.details[0]).toMatchObject({ path: 'slots.1.startsAt', message: expect.stringContaining('重なって') })
    const four = await matsuyama({ method: 'POST', url, payload: { slots: [slots[0], slots[1], slots[1], slots[1]] } })
    expect(four.statusCode).toBe(400)
    expect(await interviewCount()).toBe(0)
  })

  test('他の団体には 404、応募者は提案できない（403）', async () => {
    const url = `/api/applications/${applicationId}/interviews`
    expect((await imabari({ method: 'POST', url, payload: { slots } })).statusCode).toBe(404)
    expect((await imabari(url)).statusCode).toBe(404)
    expect((await candidate({ method: 'POST', url, payload: { slots } })).statusCode).toBe(403)
    expect(await interviewCount()).toBe(0)
  })

  test('担当者が2件を提案すると応募者にメール（予定表はまだ付かない）', async () => {
    const response = await matsuyama({ method: 'POST', url: `/api/applications/${applicationId}/interviews`, payload: { slots } })
    expect(response.statusCode, response.body).toBe(201)
    interview = Interview.parse(response.json())
    expect(interview).toMatchObject({ state: 'proposed', sequence: 0, allowed: ['propose', 'cancel'], candidateName: '面接 花子' })
    expect(interview.slots.map((s) => s.startsAt)).toEqual(['2026-12-01T01:00:00.000Z', '2026-12-02T05:00:00.000Z'])
    const [mail] = await mailsTo('mensetsu@example.jp').then((all) => all.filter((m) => m.subject.startsWith('面接の候補日時')))
    expect(mail!.calendar).toBeNull()
    expect(mail!.body_text).toContain(`/applications/${applicationId}/interview`)
    // a second open interview for the same application is refused
    expect((await matsuyama({ method: 'POST', url: `/api/applications/${applicationId}/interviews`, payload: { slots } })).statusCode).toBe(409)
    expect((await imabari(`/api/interviews/${interview.id}/calendar.ics`)).statusCode).toBe(404)
  })

  test('応募者が1件を選ぶと確定し、両者に SEQUENCE 0 の招待が届き、応募は「面接」になる', async () => {
    const response = await candidate({ method: 'POST', url: `/api/interviews/${interview.id}/choice`, payload: { slotId: interview.slots[1]!.id } })
    expect(response.statusCode, response.body).toBe(200)
    const chosen = Interview.parse(response.json())
    expect(chosen).toMatchObject({ state: 'scheduled', chosenSlotId: interview.slots[1]!.id, sequence: 0, candidateName: null })
    const toCandidate = (await mailsTo('mensetsu@example.jp')).find((m) => m.subject.startsWith('面接の日時が決まりました'))!
    const toStaff = (await mailsTo(staffEmail)).find((m) => m.subject.startsWith('面接の日時が決まりました'))!
    for (const mail of [toCandidate, toStaff]) {
      expect(mail.calendar_method).toBe('REQUEST')
      expect(parse(mail.calendar!)).toEqual({ method: 'REQUEST', uid: interview.uid, sequence: 0, status: 'CONFIRMED', start: '2026-12-02T05:00:00.000Z' })
    }
    const application = (await candidate(`/api/applications/${applicationId}`)).json()
    expect(application).toMatchObject({ status: 'interview', interviewAt: '2026-12-02T05:00:00.000Z' })
    const download = await candidate(`/api/interviews/${interview.id}/calendar.ics`)
    expect(download.statusCode).toBe(200)
    expect(download.headers['content-type']).toContain('text/calendar')
    expect(parse(download.body)).toMatchObject({ uid: interview.uid, sequence: 0 })
    // choosing again is not possible once fixed
    expect((await candidate({ method: 'POST', url: `/api/interviews/${interview.id}/choice`, payload: { slotId: interview.slots[0]!.id } })).statusCode).toBe(
      409,
    )
  })

  test('担当者が1件で日時を変えると同じ UID で SEQUENCE 1 の招待になる', async () => {
    const response = await matsuyama({
      method: 'POST',
      url: `/api/interviews/${interview.id}/slots`,
      payload: { slots: [{ startsAt: '2026-12-03T15:00:00+09:00', durationMinutes: 45, mode: 'in_person', location: '松山市役所 別館' }] },
    })
    expect(response.statusCode, response.body).toBe(200)
    expect(Interview.parse(response.json())).toMatchObject({ state: 'scheduled', sequence: 1, uid: interview.uid })
    const changed = (await mailsTo('mensetsu@example.jp')).find((m) => m.subject.startsWith('面接の日時が変更されました'))!
    expect(parse(changed.calendar!)).toEqual({ method: 'REQUEST', uid: interview.uid, sequence: 1, status: 'CONFIRMED', start: '2026-12-03T06:00:00.000Z' })
    expect(parse((await matsuyama(`/api/interviews/${interview.id}/calendar.ics`)).body).sequence).toBe(1)
  })

  test('前日の通知は一度だけ（2回・並行して動かしても）', async () => {
    const deps = { db: t.engine.db, clock: () => now, config: testConfig() }
    now = new Date('2026-12-02T09:00:00+09:00')
    const [first, second] = await Promise.all([sendInterviewReminders(deps), sendInterviewReminders(deps)])
    expect(first + second).toBe(2)
    expect(await sendInterviewReminders(deps)).toBe(0)
    const reminders = (await mailsTo('mensetsu@example.jp')).filter((m) => m.subject.startsWith('明日は面接の日です'))
    expect(reminders).toHaveLength(1)
    expect(reminders[0]!.body_text).toContain('別館')
    now = new Date('2026-11-24T03:00:00Z')
  })

  test('応募者が別の日時を依頼すると担当者に通知され、2件の出し直しを選ぶと SEQUENCE 2', async () => {
    const asked = await candidate({ method: 'POST', url: `/api/interviews/${interview.id}/reschedule-request`, payload: { note: '平日の午前が都合よいです' } })
    expect(asked.statusCode, asked.body).toBe(200)
    expect(Interview.parse(asked.json())).toMatchObject({ state: 'reschedule_requested', candidateNote: '平日の午前が都合よいです', allowed: [] })
    const notice = (await mailsTo(staffEmail)).find((m) => m.subject.startsWith('面接の日時の再調整'))!
    expect(notice.body_text).not.toContain('平日の午前')
    const again = await matsuyama({ method: 'POST', url: `/api/interviews/${interview.id}/slots`, payload: { slots } })
    expect(Interview.parse(again.json())).toMatchObject({ state: 'proposed', sequence: 1 })
    const fresh = Interview.parse(again.json())
    const chosen = await candidate({ method: 'POST', url: `/api/interviews/${interview.id}/choice`, payload: { slotId: fresh.slots[0]!.id } })
    expect(Interview.parse(chosen.json())).toMatchObject({ state: 'scheduled', sequence: 2, uid: interview.uid })
  })

  test('取りやめると同じ UID の CANCEL（SEQUENCE 3）が両者に届く', async () => {
    const response = await matsuyama({ method: 'POST', url: `/api/interviews/${interview.id}/cancel`, payload: { reason: '募集を見直すため' } })
    expect(response.statusCode, response.body).toBe(200)
    expect(Interview.parse(response.json())).toMatchObject({ state: 'cancelled', sequence: 3, allowed: ['download'] })
    for (const address of ['mensetsu@example.jp', staffEmail]) {
      const mail = (await mailsTo(address)).find((m) => m.subject.startsWith('面接は取りやめになりました'))!
      expect(mail.calendar_method).toBe('CANCEL')
      expect(parse(mail.calendar!)).toMatchObject({ method: 'CANCEL', uid: interview.uid, sequence: 3, status: 'CANCELLED' })
    }
    expect((await matsuyama({ method: 'POST', url: `/api/interviews/${interview.id}/cancel`, payload: {} })).statusCode).toBe(409)
    const events = await t.engine.db.selectFrom('audit_event').select('action').where('target_id', '=', interview.id).execute()
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'interview.proposed',
        'interview.scheduled',
        'interview.rescheduled',
        'interview.reminded',
        'interview.reschedule_requested',
        'interview.reproposed',
        'interview.cancelled',
      ]),
    )
    // after a cancellation a new interview may be set up
    expect((await matsuyama({ method: 'POST', url: `/api/applications/${applicationId}/interviews`, payload: { slots } })).statusCode).toBe(201)
  })
})
