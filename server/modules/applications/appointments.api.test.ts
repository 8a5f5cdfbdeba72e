import { beforeAll, describe, expect, test } from 'vitest'
import { AppointmentDetail } from '#shared/contracts/appointments'
import { createAndSignIn, type SignedInInject } from '../../../test/support/actors.ts'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import type { Db } from '../../db/database.ts'
import { appointmentsFor, sendTermReminders } from './index.ts'

let now = new Date('2026-11-24T03:00:00Z')
const MATSUYAMA = '382019'
const IMABARI = '382027'

let t: TestApp
let candidate: SignedInInject
let stranger: SignedInInject
let matsuyama: SignedInInject
let imabari: SignedInInject
let ehime: SignedInInject

async function insertPosting(db: Db, form: object): Promise<string> {
  const row = await db
    .insertInto('posting')
    .values({
      municipality_code: MATSUYAMA,
      prefecture_code: '38',
      state: 'published',
      form: JSON.stringify({
        dutyAreas: [
          { area: 'overall_policy', involvement: 'lead' },
          { area: 'security', involvement: 'advise' },
        ],
        ...form,
      }),
      title: 'CIO補佐官（任期の更新）',
      role_id: 'producer',
      appointment_form: 'tokutei_ninkitsuki',
    } as never)
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id as string
}

/** Apply, select and appoint through the API; returns the appointment's id. */
async function appoint(
  appointment: { appointmentForm: string; startsOn: string; endsOn: string; workDays?: number; workDaysPer?: 'week' | 'month' },
  form: object = {},
) {
  const postingId = await insertPosting(t.engine.db, form)
  const applied = await candidate({ method: 'POST', url: `/api/postings/${postingId}/applications`, payload: { motivation: '続けて貢献したい' } })
  expect(applied.statusCode, applied.body).toBe(201)
  const id = applied.json().id as string
  for (const step of [{ to: 'screening' }, { to: 'offered' }])
    expect((await matsuyama({ method: 'POST', url: `/api/applications/${id}/steps`, payload: step })).statusCode).toBe(200)
  const response = await matsuyama({
    method: 'POST',
    url: `/api/applications/${id}/steps`,
    payload: { to: 'appointed', appointment: { roleId: 'producer', advisesOnProcurement: true, draftsSpecifications: false, ...appointment } },
  })
  expect(response.statusCode, response.body).toBe(200)
  return response.json().appointment.id as string
}

const renew = (id: string, endsOn: string, as = matsuyama) => as({ method: 'POST', url: `/api/appointments/${id}/renewals`, payload: { endsOn } })

beforeAll(async () => {
  t = await startTestApp({ clock: () => now })
  ;({ inject: candidate } = await createAndSignIn(t.app, t.engine.db, { kind: 'candidate' }))
  ;({ inject: stranger } = await createAndSignIn(t.app, t.engine.db, { kind: 'candidate' }))
  ;({ inject: matsuyama } = await createAndSignIn(t.app, t.engine.db, {
    kind: 'municipality',
    localGovernmentCode: MATSUYAMA,
    email: 'dx@matsuyama.example.jp',
  }))
  ;({ inject: imabari } = await createAndSignIn(t.app, t.engine.db, { kind: 'municipality', localGovernmentCode: IMABARI, email: 'dx@imabari.example.jp' }))
  ;({ inject: ehime } = await createAndSignIn(t.app, t.engine.db, { kind: 'prefecture', prefectureCode: '38', email: 'dx@pref.ehime.example.jp' }))
  await candidate({ method: 'PUT', url: '/api/candidates/me/profile', payload: { fullName: '更新 次郎', contactEmail: 'jiro@example.jp' } })
})

describe('更新: the next term from the last, under the 任用形態', () => {
  test('任期付法 第6条・第7条: 特定任期付職員 renews within five years of the first day, then no further', async () => {
    const id = await appoint({ appointmentForm: 'tokutei_ninkitsuki', startsOn: '2026-12-01', endsOn: '2029-11-30', workDays: 5, workDaysPer: 'week' })
    const first = AppointmentDetail.parse((await matsuyama(`/api/appointments/${id}`)).json())
    expect(first.terms).toMatchObject([{ seq: 1, startsOn: '2026-12-01', endsOn: '2029-11-30', endedEarlyOn: null }])
    expect(first.renewal).toEqual({ startsOn: '2029-12-01', latestEndsOn: '2031-11-30', proposedEndsOn: '2030-11-30' })

    const over = await renew(id, '2031-12-01')
    expect(over.statusCode).toBe(400)
    expect(over.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ path: 'endsOn', message: expect.stringMatching(/新しい任期の終了日.*5年以内.*2031-11-30/) }],
    })
    // nothing half-saved
    expect(AppointmentDetail.parse((await matsuyama(`/api/appointments/${id}`)).json()).terms).toHaveLength(1)

    const renewed = await renew(id, '2031-11-30')
    expect(renewed.statusCode, renewed.body).toBe(201)
    const detail = AppointmentDetail.parse(renewed.json())
    expect(detail.terms.map((term) => [term.seq, term.startsOn, term.endsOn])).toEqual([
      [1, '2026-12-01', '2029-11-30'],
      [2, '2029-12-01', '2031-11-30'],
    ])
    expect(detail).toMatchObject({ startsOn: '2026-12-01', endsOn: '2031-11-30', renewal: null })
    expect((await renew(id, '2032-03-31')).json().error.details[0].message).toMatch(/5年以内/)
    // what 入札制限 and sharing read: the span served
    expect((await appointmentsFor(t.engine.db, { municipalityCode: MATSUYAMA, activeOn: '2031-06-01' })).map((a) => a.id)).toContain(id)
    const audit = await t.engine.db
      .selectFrom('audit_event')
      .select(['action', 'details'])
      .where('target_id', '=', id)
      .where('action', '=', 'appointment.renewed')
      .execute()
    expect(audit).toHaveLength(1)
  })

  test('地公法 第22条の2: 会計年度任用職員 renews one 年度 at a time', async () => {
    const id = await appoint({ appointmentForm: 'kaikei_nendo', startsOn: '2026-12-01', endsOn: '2027-03-31' })
    const detail = AppointmentDetail.parse((await matsuyama(`/api/appointments/${id}`)).json())
    expect(detail.renewal).toEqual({ startsOn: '2027-04-01', latestEndsOn: '2028-03-31', proposedEndsOn: '2028-03-31' })
    const across = await renew(id, '2028-04-01')
    expect(across.statusCode).toBe(400)
    expect(across.json().error.details).toEqual([{ path: 'endsOn', message: expect.stringContaining('一会計年度') }])
    expect((await renew(id, '2028-03-31')).statusCode).toBe(201)
  })

  test('a 特定任期付職員 appointed part time is refused naming 勤務日数 (手順書 参考4.4-⑥)', async () => {
    const postingId = await insertPosting(t.engine.db, {})
    const applied = await candidate({ method: 'POST', url: `/api/postings/${postingId}/applications`, payload: { motivation: '週3日で' } })
    const appId = applied.json().id as string
    for (const step of [{ to: 'screening' }, { to: 'offered' }]) await matsuyama({ method: 'POST', url: `/api/applications/${appId}/steps`, payload: step })
    const response = await matsuyama({
      method: 'POST',
      url: `/api/applications/${appId}/steps`,
      payload: {
        to: 'appointed',
        appointment: {
          roleId: 'producer',
          appointmentForm: 'tokutei_ninkitsuki',
          startsOn: '2026-12-01',
          endsOn: '2027-11-30',
          advisesOnProcurement: false,
          draftsSpecifications: false,
          workDays: 3,
          workDaysPer: 'week',
        },
      },
    })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.details).toEqual([{ path: 'appointment.workDays', message: expect.stringContaining('フルタイム') }])
  })

  test('bad input names the field; another tenant gets 404; a candidate may not renew', async () => {
    const id = await appoint({ appointmentForm: 'tokubetsushoku_hijokin', startsOn: '2026-12-01', endsOn: '2027-11-30' })
    const bad = await matsuyama({ method: 'POST', url: `/api/appointments/${id}/renewals`, payload: { endsOn: '2027-13-01' } })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.details[0].message).toContain('新しい任期の終了日')
    expect((await renew(id, '2027-11-01')).json().error.details[0]).toEqual({ path: 'endsOn', message: expect.stringContaining('開始日（2027-12-01）以降') })
    expect((await renew(id, '2028-11-30', imabari)).statusCode).toBe(404)
    expect((await imabari(`/api/appointments/${id}`)).statusCode).toBe(404)
    expect((await stranger(`/api/appointments/${id}`)).statusCode).toBe(404)
    expect((await matsuyama('/api/appointments/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404)
    expect((await renew(id, '2028-11-30', candidate)).statusCode).toBe(403)
    expect(AppointmentDetail.parse((await candidate(`/api/appointments/${id}`)).json())).toMatchObject({
      viewer: 'candidate',
      renewal: null,
      canEndEarly: false,
    })
  })
})

describe('途中終了 and the 入札制限 windows', () => {
  test('renewal carries the rule set with its window; ending early records the day and reason and the window follows', async () => {
    const id = await appoint({ appointmentForm: 'tokubetsushoku_hijokin', startsOn: '2026-12-01', endsOn: '2027-11-30' })
    const put = await matsuyama({
      method: 'PUT',
      url: `/api/appointments/${id}/rule-set`,
      payload: {
        rules: [
          { templateId: 'D', params: {} },
          { templateId: 'C1', params: {} },
        ],
      },
    })
    expect(put.statusCode, put.body).toBe(200)
    expect((await renew(id, '2028-11-30')).statusCode).toBe(201)
    const inRenewed = (await matsuyama(`/api/appointments/${id}/restrictions?asOf=2028-06-01`)).json()
    expect(inRenewed).toMatchObject({ window: { from: '2026-12-01', to: '2028-11-30' }, inTerm: true, ruleSetSource: 'municipality' })
    expect(inRenewed.rules.map((rule: { templateId: string }) => rule.templateId)).toEqual(['D', 'C1'])

    const outside = await matsuyama({ method: 'POST', url: `/api/appointments/${id}/early-end`, payload: { endedOn: '2028-11-30', reason: '本人の都合' } })
    expect(outside.statusCode).toBe(400)
    expect(outside.json().error.details).toEqual([{ path: 'endedOn', message: expect.stringContaining('今の任期の終了日（2028-11-30）より前') }])
    const blank = await matsuyama({ method: 'POST', url: `/api/appointments/${id}/early-end`, payload: { endedOn: '2028-03-31', reason: ' ' } })
    expect(blank.statusCode).toBe(400)
    expect(blank.json().error.details[0]).toMatchObject({ path: 'reason', message: expect.stringContaining('途中終了の理由') })

    const ended = await matsuyama({
      method: 'POST',
      url: `/api/appointments/${id}/early-end`,
      payload: { endedOn: '2028-03-31', reason: '所属企業での異動のため' },
    })
    expect(ended.statusCode, ended.body).toBe(200)
    const detail = AppointmentDetail.parse(ended.json())
    expect(detail.terms[1]).toMatchObject({ seq: 2, endsOn: '2028-11-30', endedEarlyOn: '2028-03-31', endReason: '所属企業での異動のため' })
    expect(detail).toMatchObject({ endsOn: '2028-03-31', renewal: null, canEndEarly: false })
    const after = (await matsuyama(`/api/appointments/${id}/restrictions?asOf=2028-06-01`)).json()
    expect(after).toMatchObject({ window: { from: '2026-12-01', to: '2028-03-31' }, inTerm: false })
    const again = await renew(id, '2029-11-30')
    expect(again.statusCode).toBe(409)
    expect(again.json().error.code).toBe('APPOINTMENT_TERM_CLOSED')
    const audit = await t.engine.db.selectFrom('audit_event').select('action').where('target_id', '=', id).execute()
    expect(audit.map((event) => event.action)).toEqual(expect.arrayContaining(['appointment.renewed', 'appointment.ended_early']))
  })
})

describe('評価: objectives from the 取組分野, assessment, renewal, the person’s own view', () => {
  test('staff record an evaluation; the person adds their view; the prefecture sees the outcomes', async () => {
    now = new Date('2026-11-24T03:00:00Z')
    const id = await appoint({ appointmentForm: 'tokubetsushoku_hijokin', startsOn: '2026-12-01', endsOn: '2027-11-30' })
    const payload = {
      occasion: 'term_end',
      objectives: [
        { area: 'overall_policy', achievement: 'DX推進計画の改定を主導した' },
        { area: 'security', achievement: '情報セキュリティポリシーの見直しを助言した' },
      ],
      assessment: 'met',
      assessmentNote: '庁内の推進体制が整った',
      renewal: 'renew',
    }
    const foreign = await matsuyama({
      method: 'POST',
      url: `/api/appointments/${id}/evaluations`,
      payload: { ...payload, objectives: [{ area: 'telework', achievement: '—' }] },
    })
    expect(foreign.statusCode).toBe(400)
    expect(foreign.json().error.details).toEqual([{ path: 'objectives.0.area', message: expect.stringContaining('テレワークの推進') }])
    const badAssessment = await matsuyama({ method: 'POST', url: `/api/appointments/${id}/evaluations`, payload: { ...payload, assessment: 'great' } })
    expect(badAssessment.statusCode).toBe(400)
    expect(badAssessment.json().error.details[0]).toMatchObject({ path: 'assessment', message: expect.stringContaining('団体の評価') })
    expect((await imabari({ method: 'POST', url: `/api/appointments/${id}/evaluations`, payload })).statusCode).toBe(404)

    const created = await matsuyama({ method: 'POST', url: `/api/appointments/${id}/evaluations`, payload })
    expect(created.statusCode, created.body).toBe(201)
    const evaluation = AppointmentDetail.parse(created.json()).evaluations[0]!
    expect(evaluation).toMatchObject({ termSeq: 1, occasion: 'term_end', assessment: 'met', renewal: 'renew', selfReview: null })
    expect(evaluation.objectives.map((objective) => objective.label)).toEqual(['全体方針の策定', 'セキュリティ対策の徹底'])
    const mails = await t.engine.db
      .selectFrom('mail_outbox')
      .select('subject')
      .where('to_address', '=', 'jiro@example.jp')
      .where('subject', 'like', '任用の評価%')
      .execute()
    expect(mails).toHaveLength(1)

    const selfPath = `/api/appointments/${id}/evaluations/${evaluation.id}/self-review`
    expect((await matsuyama({ method: 'PUT', url: selfPath, payload: { selfReview: '職員の方が主体的だった' } })).statusCode).toBe(403)
    expect((await stranger({ method: 'PUT', url: selfPath, payload: { selfReview: '他人' } })).statusCode).toBe(404)
    expect((await candidate({ method: 'PUT', url: selfPath, payload: { selfReview: '' } })).json().error.details[0].message).toContain('本人の振り返り')
    const reviewed = await candidate({ method: 'PUT', url: selfPath, payload: { selfReview: '計画づくりは想定どおり。実装支援は次期に。' } })
    expect(reviewed.statusCode, reviewed.body).toBe(200)
    expect(AppointmentDetail.parse(reviewed.json()).evaluations[0]).toMatchObject({ selfReview: '計画づくりは想定どおり。実装支援は次期に。' })

    const outcomes = await ehime('/api/appointment-evaluations/outcomes')
    expect(outcomes.statusCode).toBe(200)
    const matsuyamaRow = outcomes.json().items.find((item: { municipalityCode: string }) => item.municipalityCode === MATSUYAMA)
    expect(matsuyamaRow).toMatchObject({ municipalityName: '松山市', evaluations: 1, assessments: { met: 1 }, renewals: { renew: 1 }, selfReviews: 1 })
    expect(matsuyamaRow.activeAppointments).toBeGreaterThanOrEqual(1)
    expect((await matsuyama('/api/appointment-evaluations/outcomes')).statusCode).toBe(403)
    const audit = await t.engine.db.selectFrom('audit_event').select('action').where('target_id', '=', id).execute()
    expect(audit.map((event) => event.action)).toEqual(expect.arrayContaining(['appointment.evaluated', 'appointment.self_reviewed']))
  })

  test('the list shows each appointment with its current term and evaluations, only to its parties', async () => {
    const mine = (await matsuyama('/api/appointment-summaries')).json().items
    expect(mine.length).toBeGreaterThan(0)
    expect(mine.some((item: { termSeq: number; endedEarly: boolean }) => item.termSeq === 2 && item.endedEarly)).toBe(true)
    expect((await imabari('/api/appointment-summaries')).json().items).toEqual([])
    expect((await candidate('/api/appointment-summaries')).json().items).toHaveLength(mine.length)
    expect((await stranger('/api/appointment-summaries')).json().items).toEqual([])
  })
})

describe('任期満了のお知らせ: 90, 60 and 30 days before, once each', () => {
  const reminders = (to: string) =>
    t.engine.db
      .selectFrom('mail_outbox')
      .select(['subject', 'body_text'])
      .where('to_address', '=', to)
      .where('subject', 'like', '任期満了の%')
      .orderBy('created_at')
      .execute()

  test('two instances at once send one mail per threshold; a 共同任用 also tells the partner and the prefecture', async () => {
    now = new Date('2026-11-24T03:00:00Z')
    const id = await appoint({ appointmentForm: 'tokubetsushoku_hijokin', startsOn: '2026-12-01', endsOn: '2027-06-30' }, { jointAppointmentCodes: [IMABARI] })
    const deps = { db: t.engine.db, clock: () => now, config: { publicUrl: 'http://localhost:3000' } }
    const before = (await reminders('dx@matsuyama.example.jp')).length
    // 2027-04-01: 90 days before 2027-06-30
    now = new Date('2027-04-01T00:30:00+09:00')
    await Promise.all([sendTermReminders(deps), sendTermReminders(deps)])
    await sendTermReminders(deps)
    const ninety = (await reminders('dx@matsuyama.example.jp')).slice(before)
    expect(ninety.map((mail) => mail.subject)).toEqual(['任期満了の90日前のお知らせ：CIO補佐官（任期の更新）'])
    expect(ninety[0]!.body_text).toContain(`/appointments/${id}`)
    expect(ninety[0]!.body_text).toContain('あと90日')
    expect((await reminders('dx@imabari.example.jp')).map((mail) => mail.subject)).toEqual(['任期満了の90日前のお知らせ：CIO補佐官（任期の更新）'])
    expect(await reminders('dx@pref.ehime.example.jp')).toHaveLength(1)

    // the job was down over the 60-day mark: at 45 days the 60-day one goes, then the 30-day one at 30
    now = new Date('2027-05-16T09:00:00+09:00')
    await Promise.all([sendTermReminders(deps), sendTermReminders(deps)])
    now = new Date('2027-05-31T09:00:00+09:00')
    await sendTermReminders(deps)
    await sendTermReminders(deps)
    expect((await reminders('dx@matsuyama.example.jp')).slice(before).map((mail) => mail.subject.slice(0, 9))).toEqual([
      '任期満了の90日前',
      '任期満了の60日前',
      '任期満了の30日前',
    ])

    // a renewal makes a new term: its own reminders, 90 days before the new end (signed in again: time has passed)
    const { inject: later } = await createAndSignIn(t.app, t.engine.db, { kind: 'municipality', localGovernmentCode: MATSUYAMA })
    expect((await renew(id, '2028-06-30', later)).statusCode).toBe(201)
    now = new Date('2027-06-10T09:00:00+09:00')
    await sendTermReminders(deps)
    expect((await reminders('dx@matsuyama.example.jp')).slice(before)).toHaveLength(3)
    now = new Date('2028-04-01T09:00:00+09:00')
    await sendTermReminders(deps)
    expect((await reminders('dx@matsuyama.example.jp')).slice(before)).toHaveLength(4)
  })

  test('the job is registered with the runner', async () => {
    const ran = await t.app.jobs.runDue()
    expect(ran).toContain('applications.term-reminders')
    now = new Date('2026-11-24T03:00:00Z')
  })
})
