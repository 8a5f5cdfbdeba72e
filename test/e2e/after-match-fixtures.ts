/**
 * Arrangements for the journeys after the match (messages, interviews, renewals): a posting of 松山市 published
 * through the API (松山市 → 愛媛県 → 国) and a demo candidate's application to it, and mail captured over SMTP.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, inject } from 'vitest'
import { addDays, todayInJapan } from '#shared/domain/dates'
import { DxArea, Involvement, PostingForm, SelectionStep } from '#shared/domain/postings/form'
import type { ReceivedMail } from '../support/smtp.ts'
import { apiAs } from './session.ts'

// The server runs on the real clock: the deadline and the term lie ahead of today.
export const TODAY = todayInJapan(new Date())
export const APPLICATION_ENDS_ON = addDays(TODAY, 60)
export const TERM_STARTS_ON = addDays(TODAY, 120)
export const TERM_ENDS_ON = addDays(TODAY, 480)

export async function publishPosting(title: string): Promise<string> {
  const matsuyama = await apiAs('matsuyama@example.jp')
  const form = PostingForm.parse({
    department: 'デジタル推進課',
    contactName: '松山 太郎',
    contactEmail: 'dx@example.jp',
    title,
    roleId: 'producer',
    dutyAreas: [{ area: DxArea.options[0], involvement: Involvement.options[0] }],
    dutyDescription: '全庁のDX推進方針の立案を支援する。',
    criteria: [{ kind: 'job_type_level', importance: 'preferred', jobTypeIds: ['uiss.business_strategist'], minLevel: 4 }],
    appointmentForm: 'tokubetsushoku_hijokin',
    workDaysPer: 'week',
    workDays: 2,
    remoteAllowed: true,
    onSiteFrequency: '月2回',
    selectionSteps: [SelectionStep.options[0]],
    sideJobAllowed: true,
    workplace: '松山市役所',
    payAmount: 50000,
    payUnit: 'daily',
    termStartsOn: TERM_STARTS_ON,
    termEndsOn: TERM_ENDS_ON,
    openings: 1,
    applicationEndsOn: APPLICATION_ENDS_ON,
    howToApply: 'このサービスから応募してください。',
  })
  const created = await matsuyama('POST', '/api/staff/postings', form)
  expect(created.status, created.text).toBe(201)
  const id = created.body.id as string
  expect((await matsuyama('POST', `/api/staff/postings/${id}/transitions`, { action: 'submit' })).status).toBe(200)
  expect((await (await apiAs('ehime.pref@example.jp'))('POST', `/api/staff/postings/${id}/transitions`, { action: 'forward' })).status).toBe(200)
  expect((await (await apiAs('kuni.admin@example.jp'))('POST', `/api/staff/postings/${id}/transitions`, { action: 'publish' })).status).toBe(200)
  return id
}

/** The demo candidate `email` (with name and contact address set) applies to the posting; returns the application id. */
export async function applyAs(email: string, fullName: string, postingId: string): Promise<string> {
  const person = await apiAs(email)
  expect((await person('PUT', '/api/candidates/me/profile', { fullName, contactEmail: email })).status).toBe(200)
  const applied = await person('POST', `/api/postings/${postingId}/applications`, { motivation: '貢献したいと考えています。' })
  expect(applied.status, applied.text).toBe(201)
  return applied.body.id as string
}

/** The first mail to `to` whose subject contains `subject`, as delivered over SMTP (mail-capture.ts). */
export async function mailTo(to: string, subject: string, timeoutMs = 15_000): Promise<ReceivedMail> {
  const dir = inject('mailDir')
  const deadline = Date.now() + timeoutMs
  for (;;) {
    for (const name of (await readdir(dir)).sort()) {
      const mail = JSON.parse(await readFile(join(dir, name), 'utf8')) as ReceivedMail
      if (mail.to.includes(to) && mail.subject.includes(subject)) return mail
    }
    if (Date.now() > deadline) throw new Error(`no mail to ${to} about ${subject}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}
