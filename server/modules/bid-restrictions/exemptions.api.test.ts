/**
 * 適用除外 (手順書 参考4.4-⑨ (a)(b)(c)) through the API, in the world of api-world.ts: apply, decide, list; every
 * refusal names its field and saves nothing.
 */
import { describe, expect, test } from 'vitest'
import { Exemption, ExemptionListItem } from '#shared/contracts/bid-restrictions'
import { insertAppointment } from './api-fixtures.ts'
import { bidCheck, createProcurement, db, expectError, imabari, matsuyama, r1, r2, yamada, yamadaImabari } from './api-world.ts'
import { G, MATSUYAMA, S1 } from './test-fixtures.ts'

const text = (content: string) => ({ fileName: '接触履歴.txt', mediaType: 'text/plain', contentBase64: Buffer.from(content).toString('base64') })
const application = (corporate: string, overrides: Record<string, unknown> = {}) => ({
  corporateNumber: corporate,
  attestsNoContact: true,
  acceptsAudit: true,
  contactHistory: text('2025-05-01 仕様書作成後の接触なし'),
  ...overrides,
})

describe('適用除外（規則D、(a)(b)(c)）', () => {
  test('申請 → 承認で、その調達案件だけ allowed になる（K12）', async () => {
    // Only rule D, so the exemption decides the answer: a procurement 山田 only drafts.
    const drafting = { participants: [{ appointmentId: yamada.appointmentId, role: 'drafts_spec' }] }
    const rA = await createProcurement(matsuyama.inject, { title: 'RA', ...drafting })
    const rB = await createProcurement(matsuyama.inject, { title: 'RB', ...drafting })
    await matsuyama.inject({
      method: 'PUT',
      url: `/api/appointments/${yamada.appointmentId}/rule-set`,
      payload: {
        rules: [
          { templateId: 'D', params: {} },
          { templateId: 'C1', params: {} },
        ],
      },
    })
    try {
      expect((await bidCheck(matsuyama.inject, rA.id, G)).decision).toBe('restricted_exemptible')
      const applied = await matsuyama.inject({ method: 'POST', url: `/api/procurements/${rA.id}/exemptions`, payload: application(G) })
      expect(applied.statusCode, applied.body).toBe(201)
      const exemption = Exemption.parse(applied.json())
      expect(exemption).toMatchObject({ status: 'pending', contactHistory: { mediaType: 'text/plain' } })
      const pending = await bidCheck(matsuyama.inject, rA.id, G)
      expect(pending.decision).toBe('restricted_exemptible')
      expect(pending.notes.join()).toContain('申請中')
      expectError(await matsuyama.inject({ method: 'POST', url: `/api/procurements/${rA.id}/exemptions`, payload: application(G) }), 409, 'CONFLICT')

      const approved = await matsuyama.inject({
        method: 'POST',
        url: `/api/exemptions/${exemption.id}/decision`,
        payload: { decision: 'approved', reason: '接触履歴を確認した。' },
      })
      expect(approved.statusCode, approved.body).toBe(200)
      expect(Exemption.parse(approved.json())).toMatchObject({ status: 'approved', decisionReason: '接触履歴を確認した。' })
      expect((await bidCheck(matsuyama.inject, rA.id, G)).decision).toBe('allowed')
      expect((await bidCheck(matsuyama.inject, rB.id, G)).decision).toBe('restricted_exemptible')
      expectError(
        await matsuyama.inject({ method: 'POST', url: `/api/exemptions/${exemption.id}/decision`, payload: { decision: 'rejected', reason: '再判断' } }),
        409,
        'CONFLICT',
      )
      expectError(
        await imabari.inject({ method: 'POST', url: `/api/exemptions/${exemption.id}/decision`, payload: { decision: 'approved', reason: 'x' } }),
        404,
        'NOT_FOUND',
      )

      // 却下: the D restriction can no longer be exempted
      const onB = Exemption.parse(
        (
          await matsuyama.inject({
            method: 'POST',
            url: `/api/procurements/${rB.id}/exemptions`,
            payload: application(G, {
              contactHistory: { fileName: 'h.pdf', mediaType: 'application/pdf', contentBase64: Buffer.from('%PDF-1.4\n%%EOF').toString('base64') },
            }),
          })
        ).json(),
      )
      await matsuyama.inject({ method: 'POST', url: `/api/exemptions/${onB.id}/decision`, payload: { decision: 'rejected', reason: '接触があった。' } })
      expect((await bidCheck(matsuyama.inject, rB.id, G)).decision).toBe('restricted')
      const list = await matsuyama.inject(`/api/procurements/${rA.id}/exemptions`)
      expect(list.json().items).toHaveLength(1)
    } finally {
      await matsuyama.inject({
        method: 'PUT',
        url: `/api/appointments/${yamada.appointmentId}/rule-set`,
        payload: {
          rules: [
            { templateId: 'B2', params: {} },
            { templateId: 'D', params: {} },
            { templateId: 'C1', params: {} },
          ],
        },
      })
    }
  })

  test.each([
    ['(a) の誓約なし', { attestsNoContact: false }, 400, 'VALIDATION_FAILED'],
    ['(c) の同意なし', { acceptsAudit: false }, 400, 'VALIDATION_FAILED'],
    [
      'PDF でない PDF',
      { contactHistory: { fileName: 'x.pdf', mediaType: 'application/pdf', contentBase64: Buffer.from('hello').toString('base64') } },
      400,
      'INVALID_FILE',
    ],
    [
      'バイナリのテキスト',
      { contactHistory: { fileName: 'x.txt', mediaType: 'text/plain', contentBase64: Buffer.from([0xff, 0xfe, 0x00]).toString('base64') } },
      400,
      'INVALID_FILE',
    ],
    ['許可しない形式', { contactHistory: { fileName: 'x.exe', mediaType: 'application/octet-stream', contentBase64: 'AA==' } }, 400, 'VALIDATION_FAILED'],
    ['大きすぎるファイル', { contactHistory: text('a'.repeat(540_000)) }, 400, 'VALIDATION_FAILED'],
    ['本文の上限を超える', { contactHistory: text('a'.repeat(700_000)) }, 413, 'PAYLOAD_TOO_LARGE'],
    ['base64 でない', { contactHistory: { fileName: 'x.txt', mediaType: 'text/plain', contentBase64: '***' } }, 400, 'VALIDATION_FAILED'],
    ['誤った法人番号', { corporateNumber: '1234567890123' }, 400, 'INVALID_CORPORATE_NUMBER'],
  ])('申請の不正な入力: %s', async (_name, overrides, status, code) => {
    expectError(await matsuyama.inject({ method: 'POST', url: `/api/procurements/${r2.id}/exemptions`, payload: application(S1, overrides) }), status, code)
  })

  test('規則Dで制限されない法人の申請は理由つきで断る（参考4.4-⑨ 入札制限対象企業のみ申請できる）', async () => {
    // R2: 山田 does not take part, so no rule restricts G there.
    const none = expectError(
      await matsuyama.inject({ method: 'POST', url: `/api/procurements/${r2.id}/exemptions`, payload: application(G) }),
      409,
      'EXEMPTION_NOT_APPLICABLE',
    )
    expect(none.error.message).toContain('入札制限対象企業ではない')
    expect(none.error.details).toEqual([expect.objectContaining({ path: 'corporateNumber' })])
    // 山田 only advises on RC: B2 restricts S1, D (関係職員 = 仕様書作成・審査・管理監督) does not, and B2 has no exemption.
    const rC = await createProcurement(matsuyama.inject, { title: 'RC', participants: [{ appointmentId: yamada.appointmentId, role: 'advises' }] })
    expect((await bidCheck(matsuyama.inject, rC.id, S1)).findings.map((finding) => finding.ruleId)).toEqual(['B2'])
    const otherRule = expectError(
      await matsuyama.inject({ method: 'POST', url: `/api/procurements/${rC.id}/exemptions`, payload: application(S1) }),
      409,
      'EXEMPTION_NOT_APPLICABLE',
    )
    expect(otherRule.error.message).toContain('規則B2')
    expect((await matsuyama.inject(`/api/procurements/${rC.id}/exemptions`)).json().items).toEqual([])
  })

  test('他団体の調達案件には申請できない（404）', async () => {
    expectError(await imabari.inject({ method: 'POST', url: `/api/procurements/${r1.id}/exemptions`, payload: application(S1) }), 404, 'NOT_FOUND')
  })
})

describe('適用除外: 任用者の指定と一覧', () => {
  const auditCount = async () =>
    Number(
      (
        await db
          .selectFrom('audit_event')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('action', '=', 'bid_exemption.applied')
          .executeTakeFirstOrThrow()
      ).n,
    )
  const drafted = () =>
    createProcurement(matsuyama.inject, { title: '仕様書を作成する案件', participants: [{ appointmentId: yamada.appointmentId, role: 'drafts_spec' }] })

  test('任用者と法人を指定して申請すると、その任用者が記録され、一覧に案件名・法人名・状態が出る', async () => {
    const procurement = await drafted()
    const applied = await matsuyama.inject({
      method: 'POST',
      url: `/api/procurements/${procurement.id}/exemptions`,
      payload: application(G, { appointmentId: yamada.appointmentId, statement: '仕様書作成後の接触はありません。' }),
    })
    expect(applied.statusCode, applied.body).toBe(201)
    expect(Exemption.parse(applied.json())).toMatchObject({ appointmentId: yamada.appointmentId, status: 'pending' })

    const list = await matsuyama.inject('/api/exemptions?limit=100')
    expect(list.statusCode, list.body).toBe(200)
    const items = list.json().items.map((item: unknown) => ExemptionListItem.parse(item))
    expect(items[0]).toMatchObject({ procurementTitle: '仕様書を作成する案件', corporateNumber: G, appointmentId: yamada.appointmentId, status: 'pending' })
    expect(items[0].companyName).toBeTruthy()
    const pending = await matsuyama.inject('/api/exemptions?status=pending&limit=100')
    expect(pending.json().items.every((item: { status: string }) => item.status === 'pending')).toBe(true)
  })

  test('一覧はページに分かれ、全件数を返す。他団体の申請は含まない', async () => {
    for (const title of ['ページ1', 'ページ2']) {
      const procurement = await createProcurement(matsuyama.inject, { title, participants: [{ appointmentId: yamada.appointmentId, role: 'drafts_spec' }] })
      const applied = await matsuyama.inject({ method: 'POST', url: `/api/procurements/${procurement.id}/exemptions`, payload: application(G) })
      expect(applied.statusCode, applied.body).toBe(201)
    }
    const first = (await matsuyama.inject('/api/exemptions?limit=1&offset=0')).json()
    const second = (await matsuyama.inject('/api/exemptions?limit=1&offset=1')).json()
    expect(first.total).toBeGreaterThanOrEqual(2)
    expect(first.items).toHaveLength(1)
    expect(second.items[0].id).not.toBe(first.items[0].id)
    expect(first.items[0].procurementTitle).toBe('ページ2')
    const empty = (await imabari.inject('/api/exemptions')).json()
    expect(empty).toMatchObject({ items: [], total: 0 })
    expectError(await matsuyama.inject('/api/exemptions?limit=0'), 400, 'VALIDATION_FAILED')
  })

  test('他団体の任用者は 404、形式の誤りは任用者を名指しする 400、規則Dの兼業者でない任用者は 409。どれも何も保存しない', async () => {
    const procurement = await drafted()
    const before = await auditCount()
    expectError(
      await matsuyama.inject({
        method: 'POST',
        url: `/api/procurements/${procurement.id}/exemptions`,
        payload: application(G, { appointmentId: yamadaImabari.appointmentId }),
      }),
      404,
      'NOT_FOUND',
    )
    const malformed = expectError(
      await matsuyama.inject({ method: 'POST', url: `/api/procurements/${procurement.id}/exemptions`, payload: application(G, { appointmentId: 'yamada' }) }),
      400,
      'VALIDATION_FAILED',
    )
    expect(malformed.error.details).toEqual([{ path: 'appointmentId', message: expect.stringContaining('任用者') }])
    // another appointee of 松山市 who does not take part in the procurement: D does not restrict G through them
    const bystander = await insertAppointment(db, { municipalityCode: MATSUYAMA, startsOn: '2025-04-01', endsOn: '2026-03-31', employments: [] })
    const notTheirs = expectError(
      await matsuyama.inject({
        method: 'POST',
        url: `/api/procurements/${procurement.id}/exemptions`,
        payload: application(G, { appointmentId: bystander.appointmentId }),
      }),
      409,
      'EXEMPTION_NOT_APPLICABLE',
    )
    expect(notTheirs.error.details).toEqual([{ path: 'appointmentId', message: expect.stringContaining('選んだ任用者の兼業先等として規則D') }])
    expect((await matsuyama.inject(`/api/procurements/${procurement.id}/exemptions`)).json().items).toEqual([])
    expect(await auditCount()).toBe(before)
  })

  test.each([
    ['(b) のファイルなし', { contactHistory: undefined }, 'contactHistory', '(b)'],
    ['(b) のファイル名なし', { contactHistory: { ...text('x'), fileName: ' ' } }, 'contactHistory.fileName', '(b) 接触履歴のファイル名'],
    ['(b) の形式', { contactHistory: { ...text('x'), mediaType: 'image/png' } }, 'contactHistory.mediaType', 'PDF かテキスト'],
    ['(a) の誓約なし', { attestsNoContact: false }, 'attestsNoContact', '(a)'],
    ['(c) の同意なし', { acceptsAudit: undefined }, 'acceptsAudit', '(c)'],
    ['申請の内容が長すぎる', { statement: 'あ'.repeat(4001) }, 'statement', '申請の内容'],
  ])('不正な入力は項目を名指しする 400: %s', async (_name, overrides, path, words) => {
    const body = expectError(
      await matsuyama.inject({ method: 'POST', url: `/api/procurements/${r1.id}/exemptions`, payload: application(G, overrides) }),
      400,
      'VALIDATION_FAILED',
    )
    expect(body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path, message: expect.stringContaining(words) })]))
  })

  test('審査中・承認済みの重複は法人を名指しする 409', async () => {
    const procurement = await drafted()
    expect((await matsuyama.inject({ method: 'POST', url: `/api/procurements/${procurement.id}/exemptions`, payload: application(G) })).statusCode).toBe(201)
    const again = expectError(
      await matsuyama.inject({ method: 'POST', url: `/api/procurements/${procurement.id}/exemptions`, payload: application(G) }),
      409,
      'CONFLICT',
    )
    expect(again.error.details).toEqual([expect.objectContaining({ path: 'corporateNumber' })])
  })

  test('承認・却下の理由がなければ 400（理由を名指し）', async () => {
    const [first] = (await matsuyama.inject('/api/exemptions?status=pending')).json().items as { id: string }[]
    const body = expectError(
      await matsuyama.inject({ method: 'POST', url: `/api/exemptions/${first!.id}/decision`, payload: { decision: 'approved', reason: ' ' } }),
      400,
    )
    expect(body.error.details).toEqual([{ path: 'reason', message: '承認・却下の理由を入力してください。' }])
    const still = (await matsuyama.inject('/api/exemptions?status=pending&limit=100')).json().items.map((item: { id: string }) => item.id)
    expect(still).toContain(first!.id)
  })
})
