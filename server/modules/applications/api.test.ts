import { beforeAll, describe, expect, test } from 'vitest'
import { ApplicationDetail, ApplicationSummary } from '#shared/contracts/applications'
import { StaffCandidateView } from '#shared/contracts/candidates'
import { createAndSignIn, type SignedInInject } from '../../../test/support/actors.ts'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import type { Db } from '../../db/database.ts'
import { appointmentsFor } from './index.ts'

const NOW = new Date('2026-11-24T03:00:00Z')
const MATSUYAMA = '382019'
const IMABARI = '382027'
const EMPLOYER = '7000012050002'

let t: TestApp
let candidate: SignedInInject
let matsuyama: SignedInInject
let imabari: SignedInInject
let postingId: string

/** A posting row as the postings module leaves it once published (tests seed it directly). */
async function insertPosting(
  db: Db,
  options: { municipalityCode?: string; state?: 'published' | 'draft' | 'closed'; endsOn?: string | null; form?: object } = {},
) {
  const municipalityCode = options.municipalityCode ?? MATSUYAMA
  const state = options.state ?? 'published'
  const row = await db
    .insertInto('posting')
    .values({
      municipality_code: municipalityCode,
      prefecture_code: municipalityCode.slice(0, 2),
      state,
      close_reason: state === 'closed' ? 'filled' : null,
      form: JSON.stringify(options.form ?? {}),
      title: 'CIO補佐官（デジタル戦略）',
      role_id: 'producer',
      appointment_form: 'tokubetsushoku_hijokin',
      application_ends_on: options.endsOn ?? null,
    } as never)
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n').toString('base64')

beforeAll(async () => {
  t = await startTestApp({ clock: () => NOW })
  ;({ inject: candidate } = await createAndSignIn(t.app, t.engine.db, { kind: 'candidate' }))
  ;({ inject: matsuyama } = await createAndSignIn(t.app, t.engine.db, { kind: 'municipality', localGovernmentCode: MATSUYAMA }))
  ;({ inject: imabari } = await createAndSignIn(t.app, t.engine.db, { kind: 'municipality', localGovernmentCode: IMABARI }))
  postingId = await insertPosting(t.engine.db)
})

describe('応募', () => {
  test('プロフィールの氏名・連絡先がなければ 422', async () => {
    const response = await candidate({ method: 'POST', url: `/api/postings/${postingId}/applications`, payload: { motivation: '貢献したい' } })
    expect(response.statusCode).toBe(422)
    expect(response.json().error.code).toBe('PROFILE_INCOMPLETE')
  })

  test('PDF でない履歴書は 400（先頭バイトで判定）', async () => {
    await candidate({ method: 'PUT', url: '/api/candidates/me/profile', payload: { fullName: '応募 一郎', contactEmail: 'ichiro@example.jp' } })
    const response = await candidate({
      method: 'POST',
      url: `/api/postings/${postingId}/applications`,
      payload: { motivation: '貢献したい', resume: { fileName: 'resume.pdf', contentBase64: Buffer.from('<html>not a pdf</html>').toString('base64') } },
    })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.code).toBe('INVALID_FILE')
  })

  test('5MB を超える履歴書は 4xx', async () => {
    const big = Buffer.alloc(5 * 1024 * 1024 + 10, 0x20)
    big.write('%PDF-1.4')
    const response = await candidate({
      method: 'POST',
      url: `/api/postings/${postingId}/applications`,
      payload: { motivation: '貢献したい', resume: { fileName: 'big.pdf', contentBase64: big.toString('base64') } },
    })
    expect(response.statusCode).toBeGreaterThanOrEqual(400)
    expect(response.statusCode).toBeLessThan(500)
  })

  test('公開中の募集に応募でき、受付メールが届く', async () => {
    await candidate({
      method: 'PUT',
      url: '/api/candidates/me/employments',
      payload: { entries: [{ corporateNumber: EMPLOYER, companyName: '株式会社サンプル', relationship: 'employee', startsOn: '2015-04-01', endsOn: null }] },
    })
    const response = await candidate({
      method: 'POST',
      url: `/api/postings/${postingId}/applications`,
      payload: { motivation: '松山市のDXに貢献したい', resume: { fileName: 'resume.pdf', contentBase64: PDF } },
    })
    expect(response.statusCode).toBe(201)
    const application = ApplicationDetail.parse(response.json())
    expect(application).toMatchObject({ status: 'received', hasResume: true, allowedNext: ['withdrawn'] })
    const mail = await t.engine.db.selectFrom('mail_outbox').select(['subject']).where('to_address', '=', 'ichiro@example.jp').execute()
    expect(mail.map((row) => row.subject)).toContain('応募を受け付けました：CIO補佐官（デジタル戦略）')
  })

  test('同じ募集への二度目の応募は 409', async () => {
    const response = await candidate({ method: 'POST', url: `/api/postings/${postingId}/applications`, payload: { motivation: 'もう一度' } })
    expect(response.statusCode).toBe(409)
    expect(response.json().error.code).toBe('ALREADY_APPLIED')
  })

  test('下書きの募集は 404、締切後は 409', async () => {
    const draft = await insertPosting(t.engine.db, { state: 'draft' })
    expect((await candidate({ method: 'POST', url: `/api/postings/${draft}/applications`, payload: { motivation: 'x' } })).statusCode).toBe(404)
    const past = await insertPosting(t.engine.db, { endsOn: '2026-11-23' })
    const response = await candidate({ method: 'POST', url: `/api/postings/${past}/applications`, payload: { motivation: 'x' } })
    expect(response.statusCode).toBe(409)
    expect(response.json().error.code).toBe('POSTING_NOT_OPEN')
  })

  // 手順書 §4.4(6) 標準募集様式の募集期間: applications are taken from 募集開始日 through 応募締切日 (today is 2026-11-24).
  test.each([
    ['募集開始日の前日まで → 409、開始日を示す', '2026-11-25', '2026-12-31', 409],
    ['募集開始日の当日 → 受け付ける', '2026-11-24', '2026-12-31', 201],
    ['締切日の当日 → 受け付ける', '2026-11-01', '2026-11-24', 201],
  ] as const)('募集期間: %s', async (_name, startsOn, endsOn, status) => {
    const id = await insertPosting(t.engine.db, { endsOn, form: { applicationStartsOn: startsOn, applicationEndsOn: endsOn } })
    const response = await candidate({ method: 'POST', url: `/api/postings/${id}/applications`, payload: { motivation: '募集期間の確認' } })
    expect(response.statusCode, response.body).toBe(status)
    if (status === 409) {
      expect(response.json().error).toMatchObject({ code: 'POSTING_NOT_OPEN', message: expect.stringContaining('令和8年11月25日') })
    }
  })

  test('応募先の団体はプロフィールと連絡先を見られる、他の団体は見られない', async () => {
    const [mine] = (await candidate('/api/applications/mine')).json().items
    const view = StaffCandidateView.parse((await matsuyama(`/api/candidates/${mine.candidateId}`)).json())
    expect(view).toMatchObject({ access: 'applicant', fullName: '応募 一郎', contactEmail: 'ichiro@example.jp' })
    // the employment history with its companies, which 入札制限 rests on
    expect(view.employments?.map((entry) => [entry.corporateNumber, entry.companyName, entry.isCurrent])).toEqual([[EMPLOYER, '株式会社サンプル', true]])
    expect((await imabari(`/api/candidates/${mine.candidateId}`)).statusCode).toBe(404)
    expect((await imabari(`/api/applications/${mine.id}`)).statusCode).toBe(404)
    const list = (await imabari('/api/applications')).json()
    expect(list.total).toBe(0)
  })
})

describe('選考から任用まで', () => {
  let applicationId: string

  beforeAll(async () => {
    const list = await matsuyama(`/api/applications?postingId=${postingId}`)
    expect(list.statusCode).toBe(200)
    const [item] = list.json().items
    applicationId = ApplicationSummary.parse(item).id
  })

  test('飛び越しは 409', async () => {
    const response = await matsuyama({ method: 'POST', url: `/api/applications/${applicationId}/steps`, payload: { to: 'offered' } })
    expect(response.statusCode).toBe(409)
    expect(response.json().error.code).toBe('APPLICATION_TRANSITION_NOT_ALLOWED')
  })

  test('書類選考 → 面接（日時つき）→ 内定', async () => {
    for (const step of [{ to: 'screening', note: '書類確認中' }, { to: 'interview', interviewAt: '2026-12-03T10:00:00+09:00' }, { to: 'offered' }]) {
      const response = await matsuyama({ method: 'POST', url: `/api/applications/${applicationId}/steps`, payload: step })
      expect(response.statusCode, JSON.stringify(step)).toBe(200)
    }
    const detail = ApplicationDetail.parse((await matsuyama(`/api/applications/${applicationId}`)).json())
    expect(detail.steps.map((step) => step.toStatus)).toEqual(['received', 'screening', 'interview', 'offered'])
    expect(detail.steps[1]!.note).toBe('書類確認中')
    // the applicant does not see internal notes and can no longer withdraw
    const own = ApplicationDetail.parse((await candidate(`/api/applications/${applicationId}`)).json())
    expect(own.steps[1]!.note).toBe('')
    expect((await candidate({ method: 'POST', url: `/api/applications/${applicationId}/withdraw` })).statusCode).toBe(409)
  })

  test('任用には任用の内容が必要', async () => {
    const response = await matsuyama({ method: 'POST', url: `/api/applications/${applicationId}/steps`, payload: { to: 'appointed' } })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.details[0].path).toBe('appointment')
  })

  test('任用すると任用が作られ、職歴の写しを持つ', async () => {
    const response = await matsuyama({
      method: 'POST',
      url: `/api/applications/${applicationId}/steps`,
      payload: {
        to: 'appointed',
        appointment: {
          roleId: 'producer',
          appointmentForm: 'tokubetsushoku_hijokin',
          startsOn: '2027-04-01',
          endsOn: '2028-03-31',
          advisesOnProcurement: true,
          draftsSpecifications: false,
        },
      },
    })
    expect(response.statusCode).toBe(200)
    const detail = ApplicationDetail.parse(response.json())
    expect(detail.status).toBe('appointed')
    expect(detail.appointment).toMatchObject({ municipalityCode: MATSUYAMA, advisesOnProcurement: true })
    expect(detail.appointment!.employmentsAtAppointment).toEqual([
      { corporateNumber: EMPLOYER, relationship: 'employee', startsOn: '2015-04-01', endsOn: null },
    ])
    const active = await appointmentsFor(t.engine.db, { municipalityCode: MATSUYAMA, activeOn: '2027-04-01' })
    expect(active).toHaveLength(1)
    expect(await appointmentsFor(t.engine.db, { municipalityCode: MATSUYAMA, activeOn: '2028-04-01' })).toHaveLength(0)
    const events = await t.engine.db.selectFrom('audit_event').select('action').where('target_id', '=', applicationId).execute()
    expect(events.map((event) => event.action)).toEqual(expect.arrayContaining(['application.submitted', 'application.moved', 'application.appointed']))
    const mails = await t.engine.db.selectFrom('mail_outbox').select('subject').where('to_address', '=', 'ichiro@example.jp').execute()
    expect(mails.length).toBeGreaterThanOrEqual(5)
    const own = (await candidate('/api/appointments')).json().items
    expect(own).toHaveLength(1)
  })

  test('履歴書は応募者と応募先だけが取り出せる', async () => {
    const resume = await matsuyama(`/api/applications/${applicationId}/resume`)
    expect(resume.statusCode).toBe(200)
    expect(Buffer.from(resume.json().contentBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-')
    expect((await imabari(`/api/applications/${applicationId}/resume`)).statusCode).toBe(404)
  })
})

describe('任用の勤務日数（人材シェアリングの稼働に数える）', () => {
  const appointment = {
    roleId: 'producer',
    appointmentForm: 'tokubetsushoku_hijokin',
    startsOn: '2027-04-01',
    endsOn: '2028-03-31',
    advisesOnProcurement: false,
    draftsSpecifications: false,
  }

  /** A fresh application to a posting with the given form, moved to 内定 (offered). */
  async function offeredApplication(form: object): Promise<string> {
    const posting = await insertPosting(t.engine.db, { form })
    const applied = await candidate({ method: 'POST', url: `/api/postings/${posting}/applications`, payload: { motivation: '応募します' } })
    expect(applied.statusCode, applied.body).toBe(201)
    const id = applied.json().id as string
    for (const step of [{ to: 'screening' }, { to: 'interview', interviewAt: '2026-12-03T10:00:00+09:00' }, { to: 'offered' }]) {
      expect((await matsuyama({ method: 'POST', url: `/api/applications/${id}/steps`, payload: step })).statusCode).toBe(200)
    }
    return id
  }

  const appoint = (id: string, extra: object = {}) =>
    matsuyama({ method: 'POST', url: `/api/applications/${id}/steps`, payload: { to: 'appointed', appointment: { ...appointment, ...extra } } })

  test('省略すると募集の勤務条件（月8日）が記録され、他モジュールにも渡る', async () => {
    const id = await offeredApplication({ workDays: 8, workDaysPer: 'month' })
    const response = await appoint(id)
    expect(response.statusCode, response.body).toBe(200)
    const detail = ApplicationDetail.parse(response.json())
    expect(detail.appointment).toMatchObject({ workDays: 8, workDaysPer: 'month' })
    const exported = await appointmentsFor(t.engine.db, { candidateId: detail.candidateId })
    expect(exported.find((entry) => entry.applicationId === id)).toMatchObject({ workDays: 8, workDaysPer: 'month' })
  })

  test('任用の手続で指定した日数（週1.5日）が募集の条件より優先する', async () => {
    const id = await offeredApplication({ workDays: 2, workDaysPer: 'week' })
    const response = await appoint(id, { workDays: 1.5, workDaysPer: 'week' })
    expect(response.statusCode, response.body).toBe(200)
    expect(ApplicationDetail.parse(response.json()).appointment).toMatchObject({ workDays: 1.5, workDaysPer: 'week' })
  })

  test('募集に勤務日数がなく指定もなければ不明（null）', async () => {
    const id = await offeredApplication({})
    const response = await appoint(id)
    expect(ApplicationDetail.parse(response.json()).appointment).toMatchObject({ workDays: null, workDaysPer: null })
  })

  test('単位だけ・週8日・0.5日単位でない日数は 400', async () => {
    const id = await offeredApplication({})
    for (const extra of [{ workDays: 2 }, { workDays: 8, workDaysPer: 'week' }, { workDays: 1.2, workDaysPer: 'month' }]) {
      const response = await appoint(id, extra)
      expect(response.statusCode, JSON.stringify(extra)).toBe(400)
      expect(response.json().error.code).toBe('VALIDATION_FAILED')
    }
  })
})

describe('取り下げ', () => {
  test('選考結果が出るまでは取り下げられる', async () => {
    const posting = await insertPosting(t.engine.db)
    const applied = await candidate({ method: 'POST', url: `/api/postings/${posting}/applications`, payload: { motivation: '応募します' } })
    expect(applied.statusCode).toBe(201)
    const response = await candidate({ method: 'POST', url: `/api/applications/${applied.json().id}/withdraw` })
    expect(response.statusCode).toBe(200)
    expect(response.json().status).toBe('withdrawn')
    const staff = await matsuyama({ method: 'POST', url: `/api/applications/${applied.json().id}/steps`, payload: { to: 'screening' } })
    expect(staff.statusCode).toBe(409)
  })

  test('アカウントを削除すると応募と任用は匿名化して残る', async () => {
    const { inject: person } = await createAndSignIn(t.app, t.engine.db, { kind: 'candidate' })
    await person({ method: 'PUT', url: '/api/candidates/me/profile', payload: { fullName: '消去 花子', contactEmail: 'erase@example.jp' } })
    const applied = await person({ method: 'POST', url: `/api/postings/${postingId}/applications`, payload: { motivation: '秘密の志望動機' } })
    expect(applied.statusCode).toBe(201)
    expect((await person({ method: 'DELETE', url: '/api/candidates/me' })).statusCode).toBe(200)
    const detail = ApplicationDetail.parse((await matsuyama(`/api/applications/${applied.json().id}`)).json())
    expect(detail).toMatchObject({ motivation: null, candidateName: null, hasResume: false })
  })
})
