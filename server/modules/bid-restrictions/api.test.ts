/**
 * 入札制限 API, black-box through app.inject, in the world of api-world.ts: procurements, checks, rule sets and the
 * company registry. Exemptions and pledges have their own files.
 */
import { sql } from 'kysely'
import { describe, expect, test } from 'vitest'
import {
  ActCheckResult,
  AppointmentRestrictions,
  AppointmentRuleSet,
  BidCheckRecord,
  Procurement,
  RestrictedSetResult,
  importCompanies as importCompaniesEndpoint,
} from '#shared/contracts/bid-restrictions'
import { CompanyDetail, CompanyLink } from '#shared/contracts/companies'
import { appointmentsFor } from '../applications/index.ts'
import { companyNeighbourhood } from '../companies/index.ts'
import { insertAppointment, insertCompanies, insertLinks } from './api-fixtures.ts'
import { engineAppointments, loadBidFacts } from './facts-loader.ts'
import { decideAct, decideBid, restrictedCompanies, type ActFacts, type BidFacts, type RestrictedSetFacts } from './rules/index.ts'
import { C, companyNames, corporateNumber, G, IMABARI, MATSUYAMA, P, S1, S2, UNKNOWN, X } from './test-fixtures.ts'

import {
  app,
  bidCheck,
  candidate,
  createProcurement,
  db,
  ehime,
  expectError,
  imabari,
  matsuyama,
  national,
  r1,
  r2,
  yamada,
  yamadaImabari,
} from './api-world.ts'

describe('調達案件', () => {
  test('登録・取得・一覧・更新', async () => {
    expect(r1.participants).toHaveLength(2)
    const got = await matsuyama.inject(`/api/procurements/${r1.id}`)
    expect(Procurement.parse(got.json()).title).toBe('R1 基幹システム更改')
    const list = await matsuyama.inject('/api/procurements')
    expect(list.json().items.map((item: { id: string }) => item.id)).toEqual(expect.arrayContaining([r1.id, r2.id]))
    const r = await createProcurement(matsuyama.inject, { title: '更新前' })
    const updated = await matsuyama.inject({
      method: 'PUT',
      url: `/api/procurements/${r.id}`,
      payload: {
        title: '更新後',
        categories: ['audit'],
        publishedOn: '2025-10-01',
        bidsOn: '2025-11-01',
        rules: [{ templateId: 'G_i', params: {} }],
        specDrafterCorporateNumbers: [C],
      },
    })
    expect(updated.statusCode, updated.body).toBe(200)
    expect(Procurement.parse(updated.json())).toMatchObject({ title: '更新後', categories: ['audit'], specDrafterCorporateNumbers: [C] })
  })

  test('他の団体の調達案件は 404（存在を明かさない）', async () => {
    expectError(await imabari.inject(`/api/procurements/${r1.id}`), 404, 'NOT_FOUND')
    expectError(await imabari.inject({ method: 'PUT', url: `/api/procurements/${r1.id}`, payload: { title: 'x', categories: ['other'] } }), 404, 'NOT_FOUND')
    expectError(
      await imabari.inject({ method: 'POST', url: '/api/bid-checks', payload: { procurementId: r1.id, bidderCorporateNumber: S1 } }),
      404,
      'NOT_FOUND',
    )
    expectError(await imabari.inject(`/api/procurements/${r1.id}/restricted-companies`), 404, 'NOT_FOUND')
    await expect(imabari.inject('/api/procurements').then((r) => r.json().items)).resolves.toEqual([])
  })

  test('権限: 未ログインは 401、都道府県・国・人材は 403', async () => {
    expectError(await app.inject(`/api/procurements/${r1.id}`), 401, 'UNAUTHENTICATED')
    for (const other of [ehime, national, candidate]) expectError(await other.inject(`/api/procurements/${r1.id}`), 403, 'FORBIDDEN')
  })

  test.each([
    ['壊れた JSON', '{"title":', 400, 'MALFORMED_REQUEST'],
    ['型の違い', { title: 1, categories: 'x' }, 400, 'VALIDATION_FAILED'],
    ['長すぎる件名', { title: 'あ'.repeat(10_000), categories: ['other'] }, 400, 'VALIDATION_FAILED'],
    ['区分なし', { title: 'x', categories: [] }, 400, 'VALIDATION_FAILED'],
    ['検査数字の誤った法人番号', { title: 'x', categories: ['other'], specDrafterCorporateNumbers: ['1234567890123'] }, 400, 'INVALID_CORPORATE_NUMBER'],
    ['任用に付ける規則', { title: 'x', categories: ['other'], rules: [{ templateId: 'B2', params: {} }] }, 400, 'VALIDATION_FAILED'],
    ['範囲外のパラメータ', { title: 'x', categories: ['other'], rules: [{ templateId: 'G_ro', params: { categories: ['nope'] } }] }, 400, 'VALIDATION_FAILED'],
    [
      '他団体の任用',
      { title: 'x', categories: ['other'], participants: [{ appointmentId: yamadaImabari.appointmentId, role: 'advises' }] },
      400,
      'VALIDATION_FAILED',
    ],
    ['入札日が公告日より前', { title: 'x', categories: ['other'], publishedOn: '2025-10-02', bidsOn: '2025-10-01' }, 400, 'VALIDATION_FAILED'],
  ])('不正な入力: %s', async (_name, payload, status, code) => {
    const response = await matsuyama.inject({
      method: 'POST',
      url: '/api/procurements',
      payload: typeof payload === 'string' ? payload : payload,
      headers: { 'content-type': 'application/json' },
    })
    const body = expectError(response, status, code)
    if (code === 'VALIDATION_FAILED') expect(body.error.details?.length).toBeGreaterThan(0)
  })
})

describe('入札制限の判定 POST /api/bid-checks', () => {
  test('K1 ⑦B② 現在の勤務先 S1・助言する R1 → restricted（規則と経路つき）', async () => {
    const result = await bidCheck(matsuyama.inject, r1.id, S1)
    expect(result.decision).toBe('restricted')
    const b2 = result.findings.find((finding) => finding.ruleId === 'B2')!
    expect(b2).toMatchObject({ appointmentId: yamada.appointmentId, window: { from: '2025-04-01', to: '2027-03-31' } })
    expect(b2.reason).toContain('規則B2')
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(['B2', 'D'])
    expect(result.bidderName).toBe(companyNames[S1])
  })

  test('K2 兄弟会社 S2 は B2（関連事業者）で制限、D（親会社・子会社のみ）では制限しない', async () => {
    const result = await bidCheck(matsuyama.inject, r1.id, S2)
    expect(result.decision).toBe('restricted')
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(['B2'])
    expect(result.findings[0]!.relation).toEqual([
      `入札者 ${companyNames[S2]}（${S2}）`,
      `親会社 ${companyNames[P]}（${P}）`,
      `子会社 ${companyNames[S1]}（${S1}）`,
      '任用者が現に属する事業者',
    ])
  })

  test('K10 S1 の子会社 G は D のみ → restricted_exemptible', async () => {
    const result = await bidCheck(matsuyama.inject, r1.id, G, '2025-10-01')
    // G is also a 関連事業者 of S1 (B2), so the decision is restricted; the D finding alone is exemptible.
    expect(result.findings.map((finding) => [finding.ruleId, finding.exemptible])).toEqual([
      ['B2', false],
      ['D', true],
    ])
  })

  test('K3 X（2022-03-31 退職、2023-04-01 より前）→ allowed', async () => {
    expect((await bidCheck(matsuyama.inject, r1.id, X)).decision).toBe('allowed')
  })

  test('K4 R2（関与しない調達）では S1 も allowed', async () => {
    expect((await bidCheck(matsuyama.inject, r2.id, S1)).decision).toBe('allowed')
  })

  test('K5/K6 任用の末日 2027-03-31 は restricted、翌日は allowed', async () => {
    expect((await bidCheck(matsuyama.inject, r1.id, S1, '2027-03-31')).decision).toBe('restricted')
    expect((await bidCheck(matsuyama.inject, r1.id, S1, '2027-04-01')).decision).toBe('allowed')
  })

  test('共有人材: 今治市の任用（B1、〜2025-12-31）は今治市の調達だけを独立に制限する', async () => {
    const imabariProcurement = await createProcurement(imabari.inject, { title: '今治 R', categories: ['other'] })
    expect((await bidCheck(imabari.inject, imabariProcurement.id, P, '2025-12-31')).findings.map((f) => [f.ruleId, f.appointmentId])).toEqual([
      ['B1', yamadaImabari.appointmentId],
    ])
    expect((await bidCheck(imabari.inject, imabariProcurement.id, P, '2026-01-01')).decision).toBe('allowed')
    // 松山市 R2 has no B1: 今治市's rule does not leak into it
    expect((await bidCheck(matsuyama.inject, r2.id, P)).decision).toBe('allowed')
  })

  test('登録されていない法人番号 → allowed とメモ（エラーではない）', async () => {
    const result = await bidCheck(matsuyama.inject, r1.id, UNKNOWN)
    expect(result.decision).toBe('allowed')
    expect(result.bidderName).toBeNull()
    expect(result.notes.some((note) => note.includes('登録されていない法人'))).toBe(true)
  })

  test.each([
    ['検査数字の誤り', { bidderCorporateNumber: '1234567890123' }, 'INVALID_CORPORATE_NUMBER'],
    ['桁数の誤り', { bidderCorporateNumber: '123' }, 'INVALID_CORPORATE_NUMBER'],
    ['存在しない日付', { bidderCorporateNumber: S1, asOf: '2025-02-30' }, 'VALIDATION_FAILED'],
    ['ID の形式', { procurementId: 'abc', bidderCorporateNumber: S1 }, 'VALIDATION_FAILED'],
    ['型の違い', { bidderCorporateNumber: 1301000000002 }, 'VALIDATION_FAILED'],
  ])('不正な入力: %s → 400', async (_name, payload, code) => {
    expectError(await matsuyama.inject({ method: 'POST', url: '/api/bid-checks', payload: { procurementId: r1.id, ...payload } }), 400, code)
  })

  test('存在しない調達案件 → 404', async () => {
    expectError(
      await matsuyama.inject({
        method: 'POST',
        url: '/api/bid-checks',
        payload: { procurementId: '00000000-0000-4000-8000-000000000000', bidderCorporateNumber: S1 },
      }),
      404,
      'NOT_FOUND',
    )
  })
})

describe('判定記録 GET /api/bid-checks/:id（監査での再現）', () => {
  test('保存した事実で decideBid を再実行すると、保存した判定と一致する', async () => {
    for (const bidder of [S1, S2, G, X, UNKNOWN]) {
      const result = await bidCheck(matsuyama.inject, r1.id, bidder)
      const response = await matsuyama.inject(`/api/bid-checks/${result.checkId}`)
      expect(response.statusCode).toBe(200)
      const record = BidCheckRecord.parse(response.json())
      expect(record).toMatchObject({ kind: 'bid', procurementId: r1.id, bidderCorporateNumber: bidder, decision: result.decision, asOf: '2025-10-01' })
      expect(decideBid(record.facts as BidFacts)).toEqual(record.result)
      expect((record.result as { findings: unknown }).findings).toEqual(result.findings)
    }
  })

  test('行為の判定と制限対象一覧も事実から再現できる', async () => {
    const act = ActCheckResult.parse(
      (
        await matsuyama.inject({
          method: 'POST',
          url: '/api/act-checks',
          payload: { appointmentId: yamada.appointmentId, procurementId: r1.id, act: 'draft_spec' },
        })
      ).json(),
    )
    const actRecord = BidCheckRecord.parse((await matsuyama.inject(`/api/bid-checks/${act.checkId}`)).json())
    expect(decideAct(actRecord.facts as ActFacts)).toEqual(actRecord.result)
    const set = RestrictedSetResult.parse((await matsuyama.inject(`/api/procurements/${r1.id}/restricted-companies`)).json())
    const setRecord = BidCheckRecord.parse((await matsuyama.inject(`/api/bid-checks/${set.checkId}`)).json())
    expect(restrictedCompanies(setRecord.facts as RestrictedSetFacts)).toEqual(setRecord.result)
  })

  test('他団体は 404、国は参照できる、記録は変更も削除もできない', async () => {
    const result = await bidCheck(matsuyama.inject, r1.id, S1)
    expectError(await imabari.inject(`/api/bid-checks/${result.checkId}`), 404, 'NOT_FOUND')
    expect((await national.inject(`/api/bid-checks/${result.checkId}`)).statusCode).toBe(200)
    expectError(await ehime.inject(`/api/bid-checks/${result.checkId}`), 403, 'FORBIDDEN')
    await expect(sql`UPDATE bid_check SET decision = 'allowed' WHERE id = ${result.checkId}`.execute(db)).rejects.toThrow(/append-only/)
    await expect(sql`DELETE FROM bid_check WHERE id = ${result.checkId}`.execute(db)).rejects.toThrow(/append-only/)
  })

  test('同じ事実で判定した記録は事実を一度だけ保存し、どの記録からも同じ事実が読める（保存した事実も変更できない）', async () => {
    const first = await bidCheck(matsuyama.inject, r1.id, S1)
    const second = await bidCheck(matsuyama.inject, r1.id, S1)
    const hashes = await db.selectFrom('bid_check').select('facts_hash').where('id', 'in', [first.checkId, second.checkId]).execute()
    expect(new Set(hashes.map((row) => row.facts_hash)).size).toBe(1)
    expect(await db.selectFrom('bid_check_facts').select('hash').where('hash', '=', hashes[0]!.facts_hash).execute()).toHaveLength(1)
    const [one, two] = await Promise.all(
      [first.checkId, second.checkId].map(async (id) => BidCheckRecord.parse((await matsuyama.inject(`/api/bid-checks/${id}`)).json())),
    )
    expect(two!.facts).toEqual(one!.facts)
    expect(decideBid(two!.facts as BidFacts)).toEqual(two!.result)
    await expect(sql`UPDATE bid_check_facts SET facts = '{}' WHERE hash = ${hashes[0]!.facts_hash}`.execute(db)).rejects.toThrow(/append-only/)
    await expect(sql`DELETE FROM bid_check_facts WHERE hash = ${hashes[0]!.facts_hash}`.execute(db)).rejects.toThrow(/append-only/)
  })
})

describe('行為の制限 POST /api/act-checks', () => {
  const check = async (act: string, procurementId = r1.id, as = matsuyama.inject, appointmentId = yamada.appointmentId) =>
    as({ method: 'POST', url: '/api/act-checks', payload: { appointmentId, procurementId, act } })

  test.each([
    ['T1 draft_spec', 'draft_spec', 'blocked'],
    ['T2 select_vendor', 'select_vendor', 'blocked'],
    ['T3 evaluate（審査・評価は業者の選定行為、参考4.4-⑦C①）', 'evaluate', 'blocked'],
    ['T4 contract_handling（C1 の対象外、C2 は派遣でないため対象外）', 'contract_handling', 'allowed'],
    ['permit_handling（許認可等の申請の処理、参考4.4-⑦C②。派遣でないため対象外）', 'permit_handling', 'allowed'],
  ])('%s', async (_name, act, decision) => {
    const response = await check(act)
    expect(response.statusCode, response.body).toBe(200)
    const result = ActCheckResult.parse(response.json())
    expect(result.decision).toBe(decision)
    if (decision === 'blocked') expect(result.findings[0]!.reason).toContain('規則C1')
  })

  test('入札が見込まれない R2 では allowed', async () => {
    expect(ActCheckResult.parse((await check('draft_spec', r2.id)).json()).decision).toBe('allowed')
  })

  test('不正な行為・他団体の任用', async () => {
    expect(
      expectError(await check('approve_budget'), 400, 'VALIDATION_FAILED')
        .error.details?.map((detail) => detail.message)
        .join(),
    ).toContain('行為')
    expectError(await check('draft_spec', r1.id, matsuyama.inject, yamadaImabari.appointmentId), 404, 'NOT_FOUND')
    expectError(await check('draft_spec', r1.id, imabari.inject, yamadaImabari.appointmentId), 404, 'NOT_FOUND')
  })
})

describe('制限対象一覧と任用者ごとの制限', () => {
  test('全件は理由つき、公表用は個人情報（任用・経路・理由）を含まない', async () => {
    const full = RestrictedSetResult.parse((await matsuyama.inject(`/api/procurements/${r1.id}/restricted-companies?asOf=2025-10-01`)).json())
    expect(full.publishable).toBe(false)
    expect(full.companies.map((company) => company.corporateNumber).sort()).toEqual([P, S1, S2, G].sort())
    const published = await matsuyama.inject(`/api/procurements/${r1.id}/restricted-companies?publishable=true`)
    const body = RestrictedSetResult.parse(published.json())
    expect(body.publishable).toBe(true)
    expect(published.body).not.toContain(yamada.appointmentId)
    expect(published.body).not.toContain('任用者')
    expect(body.companies.map((company) => company.corporateNumber).sort()).toEqual([P, S1, S2, G].sort())
    expectError(await matsuyama.inject(`/api/procurements/${r1.id}/restricted-companies?publishable=yes`), 400, 'VALIDATION_FAILED')
    expectError(await matsuyama.inject(`/api/procurements/${r1.id}/restricted-companies?asOf=tomorrow`), 400, 'VALIDATION_FAILED')
  })

  test('GET /api/appointments/:id/restrictions', async () => {
    const response = await matsuyama.inject(`/api/appointments/${yamada.appointmentId}/restrictions`)
    expect(response.statusCode, response.body).toBe(200)
    const body = AppointmentRestrictions.parse(response.json())
    expect(body.ruleSetSource).toBe('posting')
    expect(body.rules.map((rule) => rule.templateId)).toEqual(['B2', 'D', 'C1'])
    expect(body.restrictedCompanies.map((company) => company.corporateNumber)).toEqual(expect.arrayContaining([S1, S2, P, G]))
    expect(body.blockedActs.filter((blocked) => blocked.procurementId === r1.id).map((blocked) => blocked.act)).toEqual([
      'draft_spec',
      'select_vendor',
      'evaluate',
    ])
    expectError(await imabari.inject(`/api/appointments/${yamada.appointmentId}/restrictions`), 404, 'NOT_FOUND')
    expectError(await matsuyama.inject('/api/appointments/not-a-uuid/restrictions'), 400, 'VALIDATION_FAILED')
  })
})

describe('規則セットのない任用の注記は、この判定に関わるものだけ', () => {
  test('入札者やその連結グループと関係のある任用だけを名指しし、関わる調達案件の一覧では参加者だけを名指しする', async () => {
    const unrelated = await insertAppointment(db, {
      municipalityCode: MATSUYAMA,
      startsOn: '2025-04-01',
      endsOn: '2027-03-31',
      employments: [{ corporateNumber: C, relationship: 'employee', startsOn: '2020-04-01', endsOn: null }],
    })
    const sister = await insertAppointment(db, {
      municipalityCode: MATSUYAMA,
      startsOn: '2025-04-01',
      endsOn: '2027-03-31',
      employments: [{ corporateNumber: S2, relationship: 'employee', startsOn: '2020-04-01', endsOn: null }],
    })
    const notes = (await bidCheck(matsuyama.inject, r2.id, S1)).notes.join('\n')
    expect(notes).toContain(`任用${sister.appointmentId}には入札制限の規則セットが設定されていません`)
    expect(notes).not.toContain(unrelated.appointmentId)
    expect((await bidCheck(matsuyama.inject, r2.id, X)).notes.join('\n')).not.toContain('規則セットが設定されていません')

    const rD = await createProcurement(matsuyama.inject, { title: 'RD', participants: [{ appointmentId: unrelated.appointmentId, role: 'evaluates' }] })
    const set = RestrictedSetResult.parse((await matsuyama.inject(`/api/procurements/${rD.id}/restricted-companies`)).json())
    expect(set.notes.join('\n')).toContain(`任用${unrelated.appointmentId}は本件に審査・評価で関わりますが、入札制限の規則セットが設定されていません`)
    expect(set.notes.join('\n')).not.toContain(sister.appointmentId)
    const own = AppointmentRestrictions.parse((await matsuyama.inject(`/api/appointments/${unrelated.appointmentId}/restrictions`)).json())
    expect(own.notes).toContain('この任用には入札制限の規則セットが設定されていません（募集にも規定がありません）。')
  })
})

describe('任用の規則セット', () => {
  test('既定は募集の入札制限条項（任用に付ける規則のみ）、変更はパラメータの範囲内', async () => {
    const initial = AppointmentRuleSet.parse((await imabari.inject(`/api/appointments/${yamadaImabari.appointmentId}/rule-set`)).json())
    expect(initial).toMatchObject({ source: 'posting', rules: [{ templateId: 'B1', params: {} }] })
    const bad = await imabari.inject({
      method: 'PUT',
      url: `/api/appointments/${yamadaImabari.appointmentId}/rule-set`,
      payload: {
        rules: [
          { templateId: 'B1', params: { tenureYears: 99 } },
          { templateId: 'G_i', params: {} },
          { templateId: 'B2', params: { nope: 1 } },
        ],
      },
    })
    const body = expectError(bad, 400, 'VALIDATION_FAILED')
    expect(body.error.details!.map((detail) => detail.path)).toEqual(['rules.0.params', 'rules.1.templateId', 'rules.2.params'])
    expect(body.error.details![0]!.message).toContain('1以上20以下')
    const good = await imabari.inject({
      method: 'PUT',
      url: `/api/appointments/${yamadaImabari.appointmentId}/rule-set`,
      payload: { rules: [{ templateId: 'B1', params: { tenureYears: 5 } }] },
    })
    expect(good.statusCode, good.body).toBe(200)
    expect(AppointmentRuleSet.parse(good.json())).toMatchObject({ source: 'municipality', rules: [{ templateId: 'B1', params: { tenureYears: 5 } }] })
    expectError(await matsuyama.inject(`/api/appointments/${yamadaImabari.appointmentId}/rule-set`), 404, 'NOT_FOUND')
  })
})

describe('法人のCSV一括登録 POST /api/companies/import', () => {
  const A = corporateNumber('310000000001')
  const B = corporateNumber('310000000002')
  const D = corporateNumber('310000000003')

  test('法人と関係（循環・重複・期間の重なりを含む）を登録し、判定が壊れない', async () => {
    const companiesCsv = `法人番号,名称,フリガナ\r\n${A},"Aホールディングス, Inc.",エー\r\n${B},B株式会社,\r\n${D},D株式会社,ディー\r\n`
    const linksCsv = [
      '種別,起点の法人番号,相手の法人番号,開始日,終了日',
      `親子,${A},${B},,`,
      `parent_subsidiary,${B},${D},2020/4/1,`,
      `parent_subsidiary,${D},${A},,`, // cycle
      `親子,${A},${B},,`, // repeated row
      `parent_subsidiary,${A},${B},2019-01-01,2030-12-31`, // overlapping window
      `関連,${D},${S1},,`,
      `related,${S1},${D},,`, // the same undirected link
    ].join('\n')
    const response = await national.inject({ method: 'POST', url: '/api/companies/import', payload: { companiesCsv, linksCsv } })
    expect(response.statusCode, response.body).toBe(200)
    const imported = importCompaniesEndpoint.response.parse(response.json())
    expect(imported).toMatchObject({ companiesCreated: 3, companiesUpdated: 0, linksCreated: 5, linksSkipped: 2 })
    // the cycle A → B → D → A is accepted with a warning naming it (line 4 closes it; the later A → B repeats it)
    expect(imported.warnings).toEqual([{ line: 4, message: expect.stringContaining('循環'), cycle: [D, A, B, D] }])
    const company = await app.inject(`/api/companies/${A}`)
    expect(company.json().name).toBe('Aホールディングス, Inc.')
    // re-import: nothing new; names updated
    const again = await matsuyama.inject({
      method: 'POST',
      url: '/api/companies/import',
      payload: { companiesCsv: companiesCsv.replace('B株式会社', 'B株式会社（新）'), linksCsv },
    })
    expect(again.json()).toEqual({ companiesCreated: 0, companiesUpdated: 3, linksCreated: 0, linksSkipped: 7, warnings: [] })
    // the cycle does not break a check
    const result = await bidCheck(matsuyama.inject, r1.id, B)
    expect(result.decision).toBe('allowed')
  })

  test('1行でも誤りがあれば何も登録せず、行と列ごとに誤りを返す', async () => {
    const E = corporateNumber('311000000001')
    const companiesCsv = `法人番号,名称\n${E},E社\n1234567890123,誤り社\n${E},重複社\n${corporateNumber('311000000002')},\n`
    const linksCsv = `kind,from,to,starts_on,ends_on\nowner,${E},${A},,\n${'parent_subsidiary'},${E},${E},,\nrelated,${E},${corporateNumber('399999999998')},2025-13-01,\nrelated,${E},${A},2025-04-01,2025-03-31\n`
    const response = await matsuyama.inject({ method: 'POST', url: '/api/companies/import', payload: { companiesCsv, linksCsv } })
    const body = expectError(response, 400, 'VALIDATION_FAILED')
    expect(body.error.details!.map((detail) => detail.path)).toEqual([
      'companiesCsv.3.法人番号',
      'companiesCsv.4.法人番号',
      'companiesCsv.5.名称',
      'linksCsv.2.種別',
      'linksCsv.3.相手の法人番号',
      'linksCsv.4.開始日',
      'linksCsv.5.終了日',
    ])
    expect(body.error.details![0]!.message).toContain('3行目')
    expect((await app.inject(`/api/companies/${E}`)).statusCode).toBe(404)
  })

  test('関係の相手が未登録 → その行の誤り、引用符の閉じ忘れ、権限', async () => {
    const missing = corporateNumber('312000000001')
    const response = await national.inject({ method: 'POST', url: '/api/companies/import', payload: { linksCsv: `related,${A},${missing},,` } })
    expect(expectError(response, 400, 'VALIDATION_FAILED').error.details![0]!.path).toBe('linksCsv.1.相手の法人番号')
    expectError(await national.inject({ method: 'POST', url: '/api/companies/import', payload: { companiesCsv: `${A},"未完` } }), 400, 'VALIDATION_FAILED')
    expectError(await national.inject({ method: 'POST', url: '/api/companies/import', payload: {} }), 400, 'VALIDATION_FAILED')
    expectError(await ehime.inject({ method: 'POST', url: '/api/companies/import', payload: { companiesCsv: '' } }), 403, 'FORBIDDEN')
    expectError(await candidate.inject({ method: 'POST', url: '/api/companies/import', payload: { companiesCsv: '' } }), 403, 'FORBIDDEN')
    expectError(await app.inject({ method: 'POST', url: '/api/companies/import', payload: { companiesCsv: '' } }), 401)
  })
})

// The graph 入札制限 rests on (参考4.4-⑨: 兼業先企業又は当該企業の親会社もしくは子会社) can be corrected; a logged check keeps
// the facts it was decided on, a new check reads the corrected graph.
describe('法人の関係の訂正（終了・取消し）', () => {
  const HOLDING = corporateNumber('320000000001')
  const SIDE = corporateNumber('320000000002')
  const OTHER_PARENT = corporateNumber('320000000003')
  const linkIdOf = async (from: string, to: string) => {
    const detail = CompanyDetail.parse((await app.inject(`/api/companies/${to}`)).json())
    return detail.links.find((link) => link.fromCorporateNumber === from && link.toCorporateNumber === to)!.id
  }
  const auditOf = (id: string) => db.selectFrom('audit_event').selectAll().where('target_type', '=', 'company_link').where('target_id', '=', id).execute()

  // set up once, by the first test that needs it (not at collection: a filtered run would leave it running)
  let arranged: Promise<Procurement> | undefined
  const setUp = () => (arranged ??= arrange())
  const arrange = async () => {
    await insertCompanies(db, { [HOLDING]: '持株会社', [SIDE]: '兼業先株式会社', [OTHER_PARENT]: '別の親会社' })
    await insertLinks(db, [
      { kind: 'parent_subsidiary', from: HOLDING, to: SIDE },
      { kind: 'parent_subsidiary', from: OTHER_PARENT, to: SIDE, startsOn: '2024-01-01' },
    ])
    const person = await insertAppointment(db, {
      municipalityCode: MATSUYAMA,
      startsOn: '2025-04-01',
      endsOn: '2026-03-31',
      employments: [{ corporateNumber: SIDE, relationship: 'side_job', startsOn: '2024-04-01', endsOn: null }],
      bidRestriction: { templateIds: ['D'] },
    })
    return createProcurement(matsuyama.inject, { title: '関係訂正の確認', participants: [{ appointmentId: person.appointmentId, role: 'evaluates' }] })
  }

  test('誤って登録した関係を取り消す: 過去の判定は事実を保ち、新しい判定は訂正後の関係で判定する', async () => {
    const procurement = await setUp()
    const before = await bidCheck(matsuyama.inject, procurement.id, HOLDING)
    expect(before.decision).toBe('restricted_exemptible')
    const id = await linkIdOf(HOLDING, SIDE)

    const retracted = await matsuyama.inject({ method: 'POST', url: `/api/companies/links/${id}/retract`, payload: { reason: '別法人と取り違えて登録した' } })
    expect(retracted.statusCode, retracted.body).toBe(200)
    expect(CompanyLink.parse(retracted.json()).retraction).toMatchObject({ reason: '別法人と取り違えて登録した' })

    expect((await bidCheck(matsuyama.inject, procurement.id, HOLDING)).decision).toBe('allowed')
    const past = BidCheckRecord.parse((await matsuyama.inject(`/api/bid-checks/${before.checkId}`)).json())
    expect(past.decision).toBe('restricted_exemptible')
    expect((past.facts as BidFacts).companyLinks).toEqual(expect.arrayContaining([expect.objectContaining({ from: HOLDING, to: SIDE })]))

    const [event] = await auditOf(id)
    expect(event).toMatchObject({ action: 'company_link.retracted', actor_kind: 'municipality', actor_user_id: matsuyama.account.id })
    expect(event!.details).toMatchObject({
      reason: '別法人と取り違えて登録した',
      before: { fromCorporateNumber: HOLDING, toCorporateNumber: SIDE, retraction: null },
    })
    // the company page still shows it, marked; a second correction is refused
    const detail = CompanyDetail.parse((await app.inject(`/api/companies/${SIDE}`)).json())
    expect(detail.links.find((link) => link.id === id)!.retraction).not.toBeNull()
    expect(detail.linkedNames[HOLDING]).toBe('持株会社')
    expectError(
      await matsuyama.inject({ method: 'POST', url: `/api/companies/links/${id}/end`, payload: { endsOn: '2025-06-30', reason: 'x' } }),
      409,
      'COMPANY_LINK_RETRACTED',
    )
    // importing the same link again does not bring it back
    const reimport = await national.inject({ method: 'POST', url: '/api/companies/import', payload: { linksCsv: `親子,${HOLDING},${SIDE},,` } })
    expect(reimport.json()).toMatchObject({ linksCreated: 0, linksSkipped: 1, warnings: [{ line: 1, message: expect.stringContaining('取り消された関係') }] })
  })

  test('関係を終了日で終える: 終了日までの判定は制限、その後は対象外', async () => {
    const procurement = await setUp()
    const id = await linkIdOf(OTHER_PARENT, SIDE)
    expect((await bidCheck(matsuyama.inject, procurement.id, OTHER_PARENT, '2025-08-01')).decision).toBe('restricted_exemptible')
    const ended = await national.inject({
      method: 'POST',
      url: `/api/companies/links/${id}/end`,
      payload: { endsOn: '2025-06-30', reason: '株式譲渡により子会社でなくなった' },
    })
    expect(ended.statusCode, ended.body).toBe(200)
    expect(CompanyLink.parse(ended.json()).endsOn).toBe('2025-06-30')
    expect((await bidCheck(matsuyama.inject, procurement.id, OTHER_PARENT, '2025-08-01')).decision).toBe('allowed')
    expect((await bidCheck(matsuyama.inject, procurement.id, OTHER_PARENT, '2025-06-30')).decision).toBe('restricted_exemptible')
    const [event] = await auditOf(id)
    expect(event).toMatchObject({ action: 'company_link.ended', actor_kind: 'national', actor_user_id: national.account.id })
    expect(event!.details).toMatchObject({ reason: '株式譲渡により子会社でなくなった', before: { endsOn: null }, after: { endsOn: '2025-06-30' } })
  })

  test.each<[string, Record<string, unknown>, string]>([
    ['理由なし', { endsOn: '2025-06-30' }, '理由'],
    ['理由が空白', { endsOn: '2025-06-30', reason: '  ' }, '理由'],
    ['日付でない終了日', { endsOn: '令和7年6月30日', reason: '譲渡' }, '終了日'],
    ['開始日より前の終了日', { endsOn: '2023-12-31', reason: '譲渡' }, '終了日'],
  ])('400 with the field named — %s; nothing changes', async (_name, payload, label) => {
    await setUp()
    const id = await linkIdOf(OTHER_PARENT, SIDE)
    const before = await db.selectFrom('company_link').select(['ends_on', 'retracted_at']).where('id', '=', id).executeTakeFirstOrThrow()
    const eventsBefore = (await auditOf(id)).length
    const body = expectError(await matsuyama.inject({ method: 'POST', url: `/api/companies/links/${id}/end`, payload }), 400, 'VALIDATION_FAILED')
    expect(body.error.details!.map((detail) => detail.message).join()).toContain(label)
    expect(await db.selectFrom('company_link').select(['ends_on', 'retracted_at']).where('id', '=', id).executeTakeFirstOrThrow()).toEqual(before)
    expect((await auditOf(id)).length).toBe(eventsBefore)
  })

  test('権限と存在: 都道府県・人材は 403、未ログインは 401、ない関係は 404', async () => {
    await setUp()
    const id = await linkIdOf(OTHER_PARENT, SIDE)
    for (const other of [ehime, candidate])
      expectError(await other.inject({ method: 'POST', url: `/api/companies/links/${id}/retract`, payload: { reason: 'x' } }), 403, 'FORBIDDEN')
    expectError(await app.inject({ method: 'POST', url: `/api/companies/links/${id}/retract`, payload: { reason: 'x' } }), 401)
    expectError(
      await national.inject({ method: 'POST', url: `/api/companies/links/00000000-0000-4000-8000-000000000000/retract`, payload: { reason: 'x' } }),
      404,
      'NOT_FOUND',
    )
  })
})

describe('法人番号公表サイトの取り込み状況 GET /api/admin/corporate-imports', () => {
  test('国は進み具合を読める、ほかは 403', async () => {
    await db
      .insertInto('corporate_import')
      .values({
        file_sha256: 'a'.repeat(64),
        file_name: '00_zenkoku_all_20251130.zip',
        file_path: '/tmp/x.zip',
        bytes_total: 1000,
        bytes_done: 250,
        rows_done: 2000,
        status: 'running',
      })
      .execute()
    const response = await national.inject('/api/admin/corporate-imports')
    expect(response.statusCode, response.body).toBe(200)
    expect(response.json().items[0]).toMatchObject({
      fileName: '00_zenkoku_all_20251130.zip',
      status: 'running',
      bytesTotal: 1000,
      bytesDone: 250,
      rowsDone: 2000,
    })
    for (const other of [matsuyama, ehime, candidate]) expectError(await other.inject('/api/admin/corporate-imports'), 403, 'FORBIDDEN')
  })
})

describe('判定の事実を一文で読む（repository.procurementFacts）', () => {
  test('各モジュールの読み出し（appointmentsFor、規則セット、誓約書、職歴、企業関係）で組んだ事実と同じ', async () => {
    const rolesOf = (appointmentId: string) =>
      r1.participants
        .filter((participant) => participant.appointmentId === appointmentId)
        .map((participant) => participant.role)
        .sort()
    for (const asOf of ['2025-10-01', '2027-03-31', '2027-04-01']) {
      const loaded = await loadBidFacts(db, { id: r1.id, municipalityCode: MATSUYAMA }, S1, asOf)
      const expected = await engineAppointments(db, await appointmentsFor(db, { municipalityCode: MATSUYAMA, activeOn: asOf }), rolesOf)
      const neighbourhood = await companyNeighbourhood(db, [S1], asOf)
      expect(loaded?.facts.appointments).toEqual(expected.appointments)
      expect(loaded?.notes).toEqual(expected.notes)
      expect(loaded?.facts.companyLinks).toEqual(neighbourhood.links)
      expect(loaded?.facts.companyNames).toEqual(neighbourhood.names)
    }
    expect(await loadBidFacts(db, { id: r1.id, municipalityCode: IMABARI }, S1, '2025-10-01')).toBeUndefined()
  })
})
