import { describe, expect, test } from 'vitest'
import { page } from '#shared/contracts/endpoint'
import { PostingSummary, PublicPosting, RolePresetBody, StaffPostingSummary, SubscriptionConfirmed } from '#shared/contracts/postings'
import { ErrorBody } from '#shared/errors'
import { createAndSignIn } from '../../../test/support/actors.ts'
import { startTestApp } from '../../../test/support/app.ts'
import { expirePostings, sendPostingDigests } from './index.ts'
import { completeForm, expectError, expectOk, postingSteps } from './test-fixtures.ts'

// Today is 2026-04-01 in Japan unless a test moves the clock.
let now = new Date('2026-04-01T01:00:00+09:00')
const { app, engine } = await startTestApp({ clock: () => now })
const db = engine.db
const deps = { db, clock: () => now, config: { publicUrl: 'http://localhost:3000' } }

const matsuyama = await createAndSignIn(app, db, { kind: 'municipality', localGovernmentCode: '382019' })
const imabari = await createAndSignIn(app, db, { kind: 'municipality', localGovernmentCode: '382027' })
const ehime = await createAndSignIn(app, db, { kind: 'prefecture', prefectureCode: '38' })
const tokyo = await createAndSignIn(app, db, { kind: 'prefecture', prefectureCode: '13' })
const national = await createAndSignIn(app, db, { kind: 'national' })
const candidate = await createAndSignIn(app, db, { kind: 'candidate' })

const Page = page(PostingSummary)
const StaffPage = page(StaffPostingSummary)

const { create, act, publish } = postingSteps({ author: matsuyama.inject, prefecture: ehime.inject, national: national.inject })

describe('下書き: 市区町村の担当者が作る', () => {
  test('an incomplete draft is saved and lists what a submission still needs', async () => {
    const draft = await create(matsuyama.inject, { title: 'CIO補佐官' })
    expect(draft).toMatchObject({ state: 'draft', revision: 1, municipality: { code: '382019', name: '松山市', prefectureName: '愛媛県' } })
    // population comes from reference data (null where the data set has none)
    expect(draft.municipality).toHaveProperty('population')
    expect(draft.completenessProblems.map((problem) => problem.path)).toContain('roleId')
    expect(draft.availableActions.sort()).toEqual(['close', 'submit'])
    expect(draft.checklist).toHaveLength(6)
    expect(draft.readiness).toEqual({ checked: 0, total: 6, isReady: false })
  })

  test('a complete draft carries the 特別交付税 estimate as data with 要確認', async () => {
    const draft = await create(matsuyama.inject, { ...completeForm, payAmount: 6_000_000, payUnit: 'annual', termStartsOn: '2026-07-01' })
    expect(draft.completenessProblems).toEqual([])
    // R8年度 is after the seeded end year (R7): shown as outside the period, to be confirmed.
    expect(draft.specialGrant.eligible).toBe(true)
    expect(draft.specialGrant.years[0]).toMatchObject({ fiscalYear: 2026, withinPeriod: false, needsConfirmation: true })
  })

  test.each([
    ['past deadline', { applicationEndsOn: '2026-03-31' }, 'applicationEndsOn'],
    ['term end before start', { termStartsOn: '2026-07-01', termEndsOn: '2026-06-01' }, 'termEndsOn'],
    ['特定任期付 over 5 years', { appointmentForm: 'tokutei_ninkitsuki', termStartsOn: '2026-07-01', termEndsOn: '2031-07-01' }, 'termEndsOn'],
    ['会計年度任用 across 年度', { appointmentForm: 'kaikei_nendo', termStartsOn: '2026-07-01', termEndsOn: '2027-06-30' }, 'termEndsOn'],
    ['unknown bid-restriction template', { bidRestriction: { templateIds: ['Z9'] } }, 'bidRestriction.templateIds.0'],
    ['bad bid-restriction parameter', { bidRestriction: { templateIds: ['A2'], params: { A2: { yearsAfter: 99 } } } }, 'bidRestriction.params.A2'],
    [
      'bid-restriction set with an unknown value',
      { bidRestriction: { templateIds: ['B2'], params: { B2: { triggerRoles: ['lobbies'] } } } },
      'bidRestriction.params.B2',
    ],
  ])('refused with POSTING_INVALID and the field: %s', async (_name, form, path) => {
    const response = await matsuyama.inject({ method: 'POST', url: '/api/staff/postings', payload: form })
    const body = expectError(response, 400, 'POSTING_INVALID')
    expect(body.error.details?.map((detail) => detail.path)).toContain(path)
  })

  test.each([
    // [case, criteria, path, message]: ids outside the skill standard's lists can never be met (スキル標準, 試験制度)
    [
      'unknown certification',
      [{ kind: 'certification', importance: 'preferred', certificationIds: ['SC', 'exam.sc'] }],
      'criteria.0.certificationIds.1',
      '条件の1行目: 資格「exam.sc」',
    ],
    [
      'unknown job type',
      [
        { kind: 'experience', importance: 'preferred', experienceKind: 'security', minYears: null },
        { kind: 'job_type_level', importance: 'required', jobTypeIds: ['itss.wizard'], minLevel: 4 },
      ],
      'criteria.1.jobTypeIds.0',
      '条件の2行目: 職種「itss.wizard」',
    ],
    [
      'unknown id inside an any-of row',
      [
        {
          kind: 'any_of',
          importance: 'preferred',
          alternatives: [
            { kind: 'certification', certificationIds: ['SC'] },
            { kind: 'job_type_level', jobTypeIds: ['uiss.nobody'], minLevel: 3 },
          ],
        },
      ],
      'criteria.0.alternatives.1.jobTypeIds.0',
      '条件の1行目の選択肢2: 職種「uiss.nobody」',
    ],
  ])('unknown ids in conditions → 400 naming the row, nothing saved: %s', async (name, criteria, path, message) => {
    const title = `未知のID ${name}`
    const body = expectError(await matsuyama.inject({ method: 'POST', url: '/api/staff/postings', payload: { title, criteria } }), 400, 'POSTING_INVALID')
    expect(body.error.details).toContainEqual({ path, message: expect.stringContaining(message) })
    const listed = await matsuyama.inject('/api/staff/postings?limit=100')
    expect(listed.statusCode).toBe(200)
    expect(JSON.stringify(listed.json())).not.toContain(title)
  })

  test.each([
    ['wrong type', { payAmount: '四万円' }, 'payAmount'],
    ['negative pay', { payAmount: -1 }, 'payAmount'],
    ['days per week 0', { workDays: 0 }, 'workDays'],
    ['huge text', { dutyDescription: 'あ'.repeat(5000) }, 'dutyDescription'],
    ['unknown role', { roleId: 'wizard' }, 'roleId'],
    ['criterion without job types', { criteria: [{ kind: 'job_type_level', importance: 'required', jobTypeIds: [], minLevel: 4 }] }, 'criteria.0.jobTypeIds'],
    ['bad joint code', { jointAppointmentCodes: ['382018'] }, 'jointAppointmentCodes.0'],
  ])('bad input → 400 VALIDATION_FAILED in Japanese, never 500: %s', async (_name, form, path) => {
    const body = expectError(await matsuyama.inject({ method: 'POST', url: '/api/staff/postings', payload: form }), 400, 'VALIDATION_FAILED')
    expect(body.error.details?.map((detail) => detail.path)).toContain(path)
    expect(body.error.details?.[0]?.message).toMatch(/[ぁ-んァ-ン一-龥]/)
  })

  test('malformed JSON, wrong content type and a bad id are 4xx envelopes', async () => {
    const malformed = await matsuyama.inject({
      method: 'POST',
      url: '/api/staff/postings',
      payload: '{"title":',
      headers: { 'content-type': 'application/json' },
    })
    expect(malformed.statusCode).toBe(400)
    ErrorBody.parse(malformed.json())
    const text = await matsuyama.inject({ method: 'POST', url: '/api/staff/postings', payload: '<title/>', headers: { 'content-type': 'application/xml' } })
    expect(text.statusCode).toBe(415)
    expectError(await matsuyama.inject({ url: '/api/staff/postings/not-a-uuid' }), 400, 'VALIDATION_FAILED')
    expectError(
      await matsuyama.inject({ method: 'POST', url: '/api/staff/postings/00000000-0000-4000-8000-000000000000/transitions', payload: { action: 'dance' } }),
      400,
      'VALIDATION_FAILED',
    )
  })

  test('only municipal staff create: prefecture 403, candidate 403, anonymous 401', async () => {
    expectError(await ehime.inject({ method: 'POST', url: '/api/staff/postings', payload: {} }), 403, 'FORBIDDEN')
    expectError(await candidate.inject({ method: 'POST', url: '/api/staff/postings', payload: {} }), 403, 'FORBIDDEN')
    expectError(await app.inject({ method: 'POST', url: '/api/staff/postings', payload: {} }), 401, 'UNAUTHENTICATED')
  })
})

describe('下書きの削除', () => {
  test('自団体の下書きは削除でき、一覧からも消え、記録（監査）が残る。他団体の下書きは 404', async () => {
    const draft = await create(matsuyama.inject, { title: '削除する下書き' })
    expectError(await imabari.inject({ method: 'DELETE', url: `/api/staff/postings/${draft.id}` }), 404, 'NOT_FOUND')
    const deleted = await matsuyama.inject({ method: 'DELETE', url: `/api/staff/postings/${draft.id}` })
    expect(deleted.statusCode, deleted.body).toBe(200)
    expect(deleted.json()).toEqual({ deleted: true })
    expectError(await matsuyama.inject({ url: `/api/staff/postings/${draft.id}` }), 404, 'NOT_FOUND')
    const list = StaffPage.parse((await matsuyama.inject({ url: '/api/staff/postings?limit=100' })).json())
    expect(list.items.map((item) => item.id)).not.toContain(draft.id)
    const audit = await db.selectFrom('audit_event').select(['action']).where('target_id', '=', draft.id).execute()
    expect(audit.map((row) => row.action)).toEqual(expect.arrayContaining(['posting.created', 'posting.deleted']))
  })

  test('提出した募集は削除できず、理由を返す（409）。都道府県の担当者は削除できない（403）', async () => {
    const draft = await create(matsuyama.inject)
    await expectOk(await act(matsuyama.inject, draft.id, 'submit'))
    expectError(await ehime.inject({ method: 'DELETE', url: `/api/staff/postings/${draft.id}` }), 403, 'FORBIDDEN')
    const refused = expectError(await matsuyama.inject({ method: 'DELETE', url: `/api/staff/postings/${draft.id}` }), 409, 'POSTING_NOT_EDITABLE')
    expect(refused.error.message).toContain('削除できるのは下書きだけです')
    await expectOk(await matsuyama.inject({ url: `/api/staff/postings/${draft.id}` }))
  })
})

describe('テナント: 他団体・他県の募集は存在しないものとして 404', () => {
  test('another municipality, another prefecture, and reviewers before their turn see nothing', async () => {
    const draft = await create(matsuyama.inject)
    const url = `/api/staff/postings/${draft.id}`
    expectError(await imabari.inject(url), 404, 'NOT_FOUND')
    expectError(await imabari.inject({ method: 'PUT', url, payload: completeForm }), 404, 'NOT_FOUND')
    expectError(await act(imabari.inject, draft.id, 'submit'), 404, 'NOT_FOUND')
    expectError(await imabari.inject(`${url}/xlsx`), 404, 'NOT_FOUND')
    // a draft is the municipality's own until submitted
    expectError(await ehime.inject(url), 404, 'NOT_FOUND')
    expectError(await app.inject(`/api/postings/${draft.id}`), 404, 'NOT_FOUND')
    expectError(await app.inject(`/api/postings/${draft.id}/pdf`), 404, 'NOT_FOUND')

    await expectOk(await act(matsuyama.inject, draft.id, 'submit'))
    await expectOk(await ehime.inject(url))
    expectError(await tokyo.inject(url), 404, 'NOT_FOUND')
    expectError(await act(tokyo.inject, draft.id, 'forward'), 404, 'NOT_FOUND')
    expectError(await national.inject(url), 404, 'NOT_FOUND')

    const lists = {
      imabari: StaffPage.parse((await imabari.inject('/api/staff/postings?limit=100')).json()),
      tokyo: StaffPage.parse((await tokyo.inject('/api/staff/postings?limit=100')).json()),
      ehime: StaffPage.parse((await ehime.inject('/api/staff/postings?state=submitted&limit=100')).json()),
    }
    expect(lists.imabari.items.map((item) => item.id)).not.toContain(draft.id)
    expect(lists.tokyo.items.map((item) => item.id)).not.toContain(draft.id)
    expect(lists.ehime.items.map((item) => item.id)).toContain(draft.id)
  })

  test('candidates and anonymous callers cannot use the staff routes', async () => {
    expectError(await candidate.inject('/api/staff/postings'), 403, 'FORBIDDEN')
    expectError(await app.inject('/api/staff/postings'), 401, 'UNAUTHENTICATED')
  })
})

describe('手続: 提出 → 差戻し → 再提出 → 送付 → 公開 (参考4.4-⑭ ②)', () => {
  test('the whole way, each step audited and mailed in its transaction', async () => {
    const draft = await create(matsuyama.inject)
    const submitted = await expectOk(await act(matsuyama.inject, draft.id, 'submit'))
    expect(submitted.state).toBe('submitted')
    expectError(await matsuyama.inject({ method: 'PUT', url: `/api/staff/postings/${draft.id}`, payload: completeForm }), 409, 'POSTING_NOT_EDITABLE')

    const mailToPrefecture = await db.selectFrom('mail_outbox').selectAll().where('to_address', '=', ehime.account.email).execute()
    expect(mailToPrefecture.some((mail) => mail.subject.includes('松山市') && mail.body_text.includes(draft.id))).toBe(true)

    expectError(await act(ehime.inject, draft.id, 'return'), 400, 'VALIDATION_FAILED') // a return needs its reason
    const returned = await expectOk(await act(ehime.inject, draft.id, 'return', { comment: '報酬の根拠を追記してください。' }))
    expect(returned.state).toBe('returned')
    expect(returned.history.at(-1)).toMatchObject({ action: 'return', comment: '報酬の根拠を追記してください。', actorKind: 'prefecture' })
    const mailToMunicipality = await db.selectFrom('mail_outbox').selectAll().where('to_address', '=', matsuyama.account.email).execute()
    expect(mailToMunicipality.some((mail) => mail.body_text.includes('報酬の根拠を追記してください。'))).toBe(true)

    await expectOk(
      await matsuyama.inject({
        method: 'PUT',
        url: `/api/staff/postings/${draft.id}`,
        payload: { ...completeForm, payNote: '国の非常勤職員の日額を参考に設定' },
      }),
    )
    await expectOk(await act(matsuyama.inject, draft.id, 'submit'))
    expectError(await act(national.inject, draft.id, 'publish'), 404, 'NOT_FOUND') // not forwarded yet: not the national side's
    expectError(await act(ehime.inject, draft.id, 'publish'), 403, 'FORBIDDEN')
    const forwarded = await expectOk(await act(ehime.inject, draft.id, 'forward'))
    expect(forwarded.state).toBe('forwarded')
    expectError(await act(ehime.inject, draft.id, 'forward'), 409, 'POSTING_TRANSITION_NOT_ALLOWED')
    const published = await expectOk(await act(national.inject, draft.id, 'publish'))
    expect(published.state).toBe('published')
    expect(published.publishedAt).not.toBeNull()

    const events = await db
      .selectFrom('audit_event')
      .select(['action', 'actor_kind', 'local_government_code'])
      .where('target_id', '=', draft.id)
      .orderBy('occurred_at')
      .execute()
    expect(events.map((event) => event.action)).toEqual([
      'posting.created',
      'posting.submitted',
      'posting.returned',
      'posting.updated',
      'posting.submitted',
      'posting.forwarded',
      'posting.published',
    ])
    expect(new Set(events.map((event) => event.local_government_code))).toEqual(new Set(['382019']))

    const detail = PublicPosting.parse((await app.inject(`/api/postings/${draft.id}`)).json())
    expect(detail).toMatchObject({ state: 'published', revision: 1, revisedAt: null, municipality: { name: '松山市' } })
    expect(detail.form).not.toHaveProperty('budgetAnnualCost')
  })

  test('an incomplete draft cannot be submitted: 422 POSTING_INCOMPLETE with each missing field', async () => {
    const draft = await create(matsuyama.inject, { title: 'DX推進アドバイザー' })
    const body = expectError(await act(matsuyama.inject, draft.id, 'submit'), 422, 'POSTING_INCOMPLETE')
    expect(body.error.details?.map((detail) => detail.path)).toEqual(expect.arrayContaining(['roleId', 'applicationEndsOn', 'criteria']))
  })

  test('手順書 参考4.4-⑥, 地公法 第38条: a part-time 特定任期付職員 posting with 副業「可」 is saved, flagged and not submitted', async () => {
    const draft = await create(matsuyama.inject, { ...completeForm, appointmentForm: 'tokutei_ninkitsuki' })
    expect(draft.completenessProblems.map((problem) => problem.path)).toEqual(['workDays', 'sideJobAllowed'])
    const body = expectError(await act(matsuyama.inject, draft.id, 'submit'), 422, 'POSTING_INCOMPLETE')
    expect(body.error.details).toEqual([
      { path: 'workDays', message: expect.stringContaining('フルタイム') },
      { path: 'sideJobAllowed', message: expect.stringContaining('任命権者の許可') },
    ])
    const fixed = await expectOk(
      await matsuyama.inject({
        method: 'PUT',
        url: `/api/staff/postings/${draft.id}`,
        payload: { ...completeForm, appointmentForm: 'tokutei_ninkitsuki', workDays: 5, sideJobAllowed: false },
      }),
    )
    expect(fixed.completenessProblems).toEqual([])
  })

  test('editing a published posting makes revision 2; the public page shows 更新', async () => {
    const published = await publish()
    now = new Date('2026-04-01T01:10:00+09:00')
    try {
      const revised = await expectOk(
        await matsuyama.inject({ method: 'PUT', url: `/api/staff/postings/${published.id}`, payload: { ...completeForm, openings: 2 } }),
      )
      expect(revised).toMatchObject({ state: 'published', revision: 2 })
      expect(revised.revisions.map((revision) => revision.revision)).toEqual([1, 2])
      const detail = PublicPosting.parse((await app.inject(`/api/postings/${published.id}`)).json())
      expect(detail).toMatchObject({ revision: 2, form: { openings: 2 } })
      expect(detail.revisedAt).toBe(new Date('2026-04-01T01:10:00+09:00').toISOString())
      // a published posting may not lose required fields
      expectError(
        await matsuyama.inject({ method: 'PUT', url: `/api/staff/postings/${published.id}`, payload: { ...completeForm, title: '' } }),
        422,
        'POSTING_INCOMPLETE',
      )
    } finally {
      now = new Date('2026-04-01T01:00:00+09:00')
    }
  })

  test('closing: 採用決定 once published; withdrawn any time; closed postings leave the list', async () => {
    const published = await publish({ ...completeForm, title: '採用決定テスト補佐官' })
    expectError(await act(matsuyama.inject, published.id, 'close'), 400, 'VALIDATION_FAILED')
    const closed = await expectOk(await act(matsuyama.inject, published.id, 'close', { closeReason: 'filled' }))
    expect(closed).toMatchObject({ state: 'closed', closeReason: 'filled', editable: false })
    const list = Page.parse((await app.inject(`/api/postings?q=${encodeURIComponent('採用決定テスト')}`)).json())
    expect(list.total).toBe(0)
    const draft = await create(matsuyama.inject)
    expectError(await act(matsuyama.inject, draft.id, 'close', { closeReason: 'filled' }), 409, 'POSTING_TRANSITION_NOT_ALLOWED')
    expect((await expectOk(await act(matsuyama.inject, draft.id, 'close', { closeReason: 'withdrawn' }))).closeReason).toBe('withdrawn')
  })

  test('the deadline timer closes expired postings (締切経過) and tells the municipality', async () => {
    const published = await publish({ ...completeForm, title: '締切テスト補佐官', applicationEndsOn: '2026-04-10', termStartsOn: '2026-05-01' })
    now = new Date('2026-04-11T00:30:00+09:00')
    try {
      // (sessions idle out when the clock jumps days, so this test reads through the public API and the tables)
      expect(await expirePostings(deps)).toBeGreaterThanOrEqual(1)
      const detail = PublicPosting.parse((await app.inject(`/api/postings/${published.id}`)).json())
      expect(detail).toMatchObject({ state: 'closed', closeReason: 'expired' })
      const last = await db.selectFrom('posting_transition').selectAll().where('posting_id', '=', published.id).orderBy('seq', 'desc').executeTakeFirstOrThrow()
      expect(last).toMatchObject({ action: 'expire', actor_kind: 'system' })
      const mail = await db
        .selectFrom('mail_outbox')
        .selectAll()
        .where('to_address', '=', matsuyama.account.email)
        .orderBy('created_at', 'desc')
        .executeTakeFirstOrThrow()
      expect(mail.subject).toContain('締切テスト補佐官')
      expect(await expirePostings(deps)).toBe(0)
    } finally {
      now = new Date('2026-04-01T01:00:00+09:00')
    }
  })

  test('checklist ticks and notes are kept; readiness follows', async () => {
    const draft = await create(matsuyama.inject)
    const entries = [
      { id: 'purpose_shared', checked: true, note: '庁議で共有済み（4/1）' },
      { id: 'company_agreement', checked: true, note: '該当なし（個人）' },
    ]
    const saved = await expectOk(await matsuyama.inject({ method: 'PUT', url: `/api/staff/postings/${draft.id}/checklist`, payload: { entries } }))
    expect(saved.readiness).toEqual({ checked: 2, total: 6, isReady: false })
    expect(saved.checklist.find((entry) => entry.id === 'purpose_shared')?.note).toBe('庁議で共有済み（4/1）')
    expectError(
      await matsuyama.inject({ method: 'PUT', url: `/api/staff/postings/${draft.id}/checklist`, payload: { entries: [{ id: 'nope', checked: true }] } }),
      400,
      'VALIDATION_FAILED',
    )
  })
})

describe('人材像のプリセット', () => {
  test('GET /api/postings/presets/producer: 手順書 参考4.4-④ 「いずれか…望ましい」 → preferred any-of rows, the level or 支援士/監査', async () => {
    const response = await app.inject('/api/postings/presets/producer')
    expect(response.statusCode).toBe(200)
    const preset = RolePresetBody.parse(response.json())
    expect(preset.criteria.every((criterion) => criterion.importance === 'preferred')).toBe(true)
    expect(preset.criteria[0]).toMatchObject({
      kind: 'any_of',
      alternatives: [{ kind: 'job_type_level' }, { kind: 'certification', certificationIds: ['SC', 'AU'] }],
    })
    expectError(await app.inject('/api/postings/presets/wizard'), 400, 'VALIDATION_FAILED')
  })
})

describe('全国の一覧: GET /api/postings', () => {
  const ids: Record<string, string> = {}
  test('setup: four published postings in two prefectures', async () => {
    const tokyoMunicipality = await createAndSignIn(app, db, { kind: 'municipality', localGovernmentCode: '131016' })
    const tokyoNational = national
    ids.cio = (await publish({ ...completeForm, title: 'ＣＩＯ補佐官（検索）', remoteAllowed: true, sideJobAllowed: true })).id
    ids.engineer = (
      await publish({
        ...completeForm,
        title: 'ローコード推進エンジニア',
        roleId: 'engineer',
        remoteAllowed: false,
        onSiteFrequency: null,
        sideJobAllowed: false,
        applicationEndsOn: '2026-04-20',
        termStartsOn: '2026-05-01',
      })
    ).id
    const draft = await create(tokyoMunicipality.inject, {
      ...completeForm,
      title: '千代田区DXアドバイザー',
      roleId: 'project_manager',
      applicationEndsOn: '2026-04-15',
      termStartsOn: '2026-05-01',
    })
    await expectOk(await act(tokyoMunicipality.inject, draft.id, 'submit'))
    await expectOk(await act(tokyo.inject, draft.id, 'forward'))
    await expectOk(await act(tokyoNational.inject, draft.id, 'publish'))
    ids.chiyoda = draft.id
    ids.unpublished = (await create(matsuyama.inject, { ...completeForm, title: 'ＣＩＯ補佐官（検索・非公開）' })).id
  })

  const search = async (query: string) => {
    const response = await app.inject(`/api/postings?limit=100&${query}`)
    expect(response.statusCode, response.body).toBe(200)
    return Page.parse(response.json())
  }

  test('free text folds width and kana: ＣＩＯ, cio and CIO all find the post; unpublished ones never show', async () => {
    for (const q of ['ＣＩＯ補佐官（検索', 'cio補佐官(検索', 'CIO 検索']) {
      const ids_ = (await search(`q=${encodeURIComponent(q)}`)).items.map((item) => item.id)
      expect(ids_, q).toContain(ids.cio)
      expect(ids_).not.toContain(ids.unpublished)
    }
    expect((await search(`q=${encodeURIComponent('ろーこーど')}`)).items.map((item) => item.id)).toContain(ids.engineer)
    expect((await search(`q=${encodeURIComponent('%')}`)).total).toBe(0)
  })

  test('filters: role, prefecture, remote, 副業', async () => {
    expect((await search('role=engineer')).items.map((item) => item.id)).toEqual(expect.arrayContaining([ids.engineer]))
    expect((await search('role=engineer')).items.every((item) => item.roleId === 'engineer')).toBe(true)
    expect((await search('prefecture=13')).items.map((item) => item.id)).toEqual([ids.chiyoda])
    expect((await search('remote=false')).items.every((item) => item.remoteAllowed === false)).toBe(true)
    expect((await search('sidejob=true&prefecture=38')).items.map((item) => item.id)).toContain(ids.cio)
    expect((await search('sidejob=true')).items.map((item) => item.id)).not.toContain(ids.engineer)
  })

  test('sort by deadline puts the nearest first; pagination does not overlap', async () => {
    const byDeadline = await search('sort=deadline')
    const deadlines = byDeadline.items.map((item) => item.applicationEndsOn ?? '9999')
    expect([...deadlines].sort()).toEqual(deadlines)
    const first = Page.parse((await app.inject('/api/postings?limit=2&offset=0&sort=newest')).json())
    const second = Page.parse((await app.inject('/api/postings?limit=2&offset=2&sort=newest')).json())
    expect(first.items.map((item) => item.id).filter((id) => second.items.map((item) => item.id).includes(id))).toEqual([])
  })

  test.each(['role=wizard', 'prefecture=48', 'remote=maybe', 'sort=random', 'limit=0', `q=${'あ'.repeat(101)}`])('bad query %s → 400', async (query) => {
    expectError(await app.inject(`/api/postings?${query}`), 400, 'VALIDATION_FAILED')
  })
})

describe('メール配信 (参考4.4-⑭ ③): double opt-in, digest, one-click unsubscribe', () => {
  const latestMail = async (to: string) =>
    db.selectFrom('mail_outbox').selectAll().where('to_address', '=', to).orderBy('created_at', 'desc').orderBy('id', 'desc').executeTakeFirstOrThrow()

  test('subscribe → confirm → digest of matching postings → unsubscribe', async () => {
    const email = 'talent@example.com'
    const other = 'tokyo-only@example.com'
    expect(
      (await app.inject({ method: 'POST', url: '/api/posting-subscriptions', payload: { email, filters: { roles: ['producer'], prefectures: ['38'] } } }))
        .statusCode,
    ).toBe(202)
    expect(
      (await app.inject({ method: 'POST', url: '/api/posting-subscriptions', payload: { email: other, filters: { prefectures: ['13'] } } })).statusCode,
    ).toBe(202)
    const confirmation = await latestMail(email)
    const token = /token=([A-Za-z0-9_-]+)/.exec(confirmation.body_text)![1]!
    // not confirmed yet: no digest
    await publish({ ...completeForm, title: '配信前の募集' })
    expect(await sendPostingDigests(deps)).toBe(0)

    const confirmed = await app.inject({ method: 'POST', url: '/api/posting-subscriptions/confirm', payload: { token } })
    expect(confirmed.statusCode, confirmed.body).toBe(200)
    expect(SubscriptionConfirmed.parse(confirmed.json()).filters.roles).toEqual(['producer'])
    expectError(await app.inject({ method: 'POST', url: '/api/posting-subscriptions/confirm', payload: { token } }), 400, 'TOKEN_INVALID')

    now = new Date('2026-04-01T01:10:00+09:00')
    try {
      await publish({ ...completeForm, title: '配信テスト補佐官' })
      await publish({ ...completeForm, title: '配信対象外エンジニア', roleId: 'engineer' })
      now = new Date('2026-04-01T01:20:00+09:00')
      expect(await sendPostingDigests(deps)).toBe(1)
      const digest = await latestMail(email)
      expect(digest.subject).toContain('新着・更新')
      expect(digest.body_text).toContain('配信テスト補佐官')
      expect(digest.body_text).not.toContain('配信対象外エンジニア')
      expect(digest.body_text).not.toContain('配信前の募集')
      // nothing new → nothing sent
      expect(await sendPostingDigests(deps)).toBe(0)

      const unsubscribeToken = /unsubscribe\?token=([A-Za-z0-9_-]+)/.exec(digest.body_text)![1]!
      expect((await app.inject({ method: 'POST', url: '/api/posting-subscriptions/unsubscribe', payload: { token: unsubscribeToken } })).statusCode).toBe(200)
      expect((await app.inject({ method: 'POST', url: '/api/posting-subscriptions/unsubscribe', payload: { token: unsubscribeToken } })).statusCode).toBe(200)
      now = new Date('2026-04-01T01:30:00+09:00')
      await publish({ ...completeForm, title: '停止後の募集' })
      now = new Date('2026-04-01T01:40:00+09:00')
      expect(await sendPostingDigests(deps)).toBe(0)
    } finally {
      now = new Date('2026-04-01T01:00:00+09:00')
    }
  })

  test('bad addresses and tokens are 400s', async () => {
    expectError(await app.inject({ method: 'POST', url: '/api/posting-subscriptions', payload: { email: 'nope' } }), 400, 'VALIDATION_FAILED')
    expectError(await app.inject({ method: 'POST', url: '/api/posting-subscriptions/unsubscribe', payload: { token: 'x'.repeat(30) } }), 400, 'TOKEN_INVALID')
    expectError(await app.inject({ method: 'POST', url: '/api/posting-subscriptions/confirm', payload: { token: '<script>' } }), 400, 'VALIDATION_FAILED')
  })
})
