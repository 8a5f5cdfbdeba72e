import { describe, expect, test } from 'vitest'
import { page } from '#shared/contracts/endpoint'
import { StaffAccount } from '#shared/contracts/accounts'
import { ErrorBody } from '#shared/errors'
import { startTestApp } from '../../../test/support/app.ts'
import { createAccount, createAndSignIn, signIn } from '../../../test/support/actors.ts'
import { tokenLinkIn } from '../../../test/support/smtp.ts'

const { app, engine } = await startTestApp()
const db = engine.db
const StaffPage = page(StaffAccount)

const national = await createAndSignIn(app, db, { kind: 'national' })
const ehime = await createAndSignIn(app, db, { kind: 'prefecture', prefectureCode: '38' })
const kochi = await createAndSignIn(app, db, { kind: 'prefecture', prefectureCode: '39' })
const matsuyama = await createAndSignIn(app, db, { kind: 'municipality', localGovernmentCode: '382019' })
const candidate = await createAndSignIn(app, db, { kind: 'candidate' })

let serial = 0
const newEmail = () => `staff-${++serial}@example.jp`
const accountsWith = (email: string) => db.selectFrom('account').select('id').where('email', '=', email).execute()

describe('POST /api/staff-accounts: 一つ上の階層の管理者だけが作れる', () => {
  test('国は都道府県の担当者を作れる。招待メールでパスワードを設定するとログインできる', async () => {
    const email = newEmail()
    const response = await national.inject({
      method: 'POST',
      url: '/api/staff-accounts',
      payload: { kind: 'prefecture', email, displayName: '愛媛 太郎', prefectureCode: '38' },
    })
    expect(response.statusCode).toBe(201)
    const created = StaffAccount.parse(response.json())
    expect(created).toMatchObject({ kind: 'prefecture', email, prefecture: { code: '38', name: '愛媛県' }, localGovernment: null, invitationAccepted: false })

    const mail = await db.selectFrom('mail_outbox').selectAll().where('to_address', '=', email).executeTakeFirstOrThrow()
    expect(mail.subject).toContain('担当者アカウントのご案内')
    expect(mail.body_text).toContain('都道府県の担当者')
    const token = tokenLinkIn(mail.body_text).searchParams.get('token')
    const accept = await app.inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, password: 'my own staff password' } })
    expect(accept.statusCode).toBe(200)
    await expect(signIn(app, { email, password: 'my own staff password' })).resolves.toBeDefined()
    const after = StaffAccount.parse((await national.inject(`/api/staff-accounts/${created.id}`)).json())
    expect(after.invitationAccepted).toBe(true)
  })

  test('都道府県の担当者は自県の市区町村の担当者を作れる', async () => {
    const response = await ehime.inject({
      method: 'POST',
      url: '/api/staff-accounts',
      payload: { kind: 'municipality', email: newEmail(), displayName: '今治 花子', localGovernmentCode: '382027' },
    })
    expect(response.statusCode).toBe(201)
    expect(StaffAccount.parse(response.json())).toMatchObject({
      localGovernment: { code: '382027', name: '今治市' },
      prefecture: { code: '38', name: '愛媛県' },
    })
  })

  test.each([
    ['愛媛県の担当者 → 高知市の担当者', () => ehime, { kind: 'municipality', localGovernmentCode: '392014' }, 403],
    ['愛媛県の担当者 → 愛媛県の担当者', () => ehime, { kind: 'prefecture', prefectureCode: '38' }, 403],
    ['愛媛県の担当者 → 国の担当者', () => ehime, { kind: 'national' }, 403],
    ['高知県の担当者 → 松山市の担当者', () => kochi, { kind: 'municipality', localGovernmentCode: '382019' }, 403],
    ['松山市の担当者 → 松山市の担当者', () => matsuyama, { kind: 'municipality', localGovernmentCode: '382019' }, 403],
    ['外部デジタル人材 → 松山市の担当者', () => candidate, { kind: 'municipality', localGovernmentCode: '382019' }, 403],
  ] as const)('%s は作れない（%i）、何も作られない', async (_name, who, target, status) => {
    const email = newEmail()
    const response = await who().inject({ method: 'POST', url: '/api/staff-accounts', payload: { ...target, email, displayName: '作れない' } })
    expect(response.statusCode).toBe(status)
    expect(ErrorBody.parse(response.json()).error.code).toBe('FORBIDDEN')
    expect(await accountsWith(email)).toEqual([])
    expect(await db.selectFrom('mail_outbox').select('id').where('to_address', '=', email).execute()).toEqual([])
  })

  test('未ログインは 401', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/staff-accounts', payload: { kind: 'national', email: newEmail(), displayName: 'x' } })
    expect(response.statusCode).toBe(401)
  })

  test('登録済みのアドレスは 409 EMAIL_TAKEN', async () => {
    const existing = await createAccount(db, { kind: 'candidate' })
    const response = await national.inject({
      method: 'POST',
      url: '/api/staff-accounts',
      payload: { kind: 'national', email: existing.email.toUpperCase(), displayName: '重複' },
    })
    expect(response.statusCode).toBe(409)
    expect(ErrorBody.parse(response.json()).error.code).toBe('EMAIL_TAKEN')
  })

  test.each([
    ['検査数字の誤った団体コード', { kind: 'municipality', localGovernmentCode: '382018' }, 'INVALID_LOCAL_GOVERNMENT_CODE'],
    ['都道府県の団体コード', { kind: 'municipality', localGovernmentCode: '380008' }, 'VALIDATION_FAILED'],
    ['登録のない団体コード（行政区）', { kind: 'municipality', localGovernmentCode: '011011' }, 'VALIDATION_FAILED'],
    ['都道府県コード 48', { kind: 'prefecture', prefectureCode: '48' }, 'VALIDATION_FAILED'],
    ['種類の誤り', { kind: 'candidate' }, 'VALIDATION_FAILED'],
    ['団体コードなし', { kind: 'municipality' }, 'VALIDATION_FAILED'],
  ])('%s は 400 %s', async (_name, target, code) => {
    const response = await national.inject({ method: 'POST', url: '/api/staff-accounts', payload: { ...target, email: newEmail(), displayName: '不正' } })
    expect(response.statusCode).toBe(400)
    expect(ErrorBody.parse(response.json()).error.code).toBe(code)
  })
})

describe('GET /api/staff-accounts: 自分の管轄だけ', () => {
  const kochiCity = createAccount(db, { kind: 'municipality', localGovernmentCode: '392014' })
  const imabari = createAccount(db, { kind: 'municipality', localGovernmentCode: '382027' })

  async function listAs(who: typeof national, query = 'limit=100') {
    const response = await who.inject(`/api/staff-accounts?${query}`)
    expect(response.statusCode).toBe(200)
    return StaffPage.parse(response.json())
  }

  test('愛媛県の担当者には愛媛の担当者だけが見え、高知の担当者は見えない', async () => {
    const list = await listAs(ehime)
    const ids = list.items.map((item) => item.id)
    expect(ids).toContain((await imabari).id)
    expect(ids).toContain(matsuyama.account.id)
    expect(ids).not.toContain((await kochiCity).id)
    expect(ids).not.toContain(kochi.account.id)
    expect(ids).not.toContain(national.account.id)
    expect(ids).not.toContain(candidate.account.id)
    expect(list.items.every((item) => item.prefecture?.code === '38')).toBe(true)
    expect(list.total).toBe(list.items.length)
  })

  test('松山市の担当者には松山市の担当者だけが見える', async () => {
    const list = await listAs(matsuyama)
    expect(list.items.length).toBeGreaterThan(0)
    expect(list.items.every((item) => item.localGovernment?.code === '382019')).toBe(true)
  })

  test('国には全員（外部デジタル人材を除く）が見え、絞り込みとページ送りができる', async () => {
    const all = await listAs(national)
    const ids = all.items.map((item) => item.id)
    expect(ids).toEqual(expect.arrayContaining([(await kochiCity).id, kochi.account.id, ehime.account.id]))
    expect(ids).not.toContain(candidate.account.id)
    const kochiOnly = await listAs(national, 'prefectureCode=39')
    expect(kochiOnly.items.map((item) => item.prefecture?.code)).toEqual(kochiOnly.items.map(() => '39'))
    const first = await listAs(national, 'limit=2&offset=0')
    const second = await listAs(national, 'limit=2&offset=2')
    expect(first.items).toHaveLength(2)
    expect(first.total).toBe(all.total)
    expect(new Set([...first.items, ...second.items].map((item) => item.id)).size).toBe(first.items.length + second.items.length)
  })

  test('絞り込み条件で管轄の外は見えない（愛媛県の担当者が高知を指定しても0件）', async () => {
    const list = await listAs(ehime, 'prefectureCode=39')
    expect(list).toMatchObject({ items: [], total: 0 })
  })

  test('外部デジタル人材は 403、未ログインは 401', async () => {
    expect((await candidate.inject('/api/staff-accounts')).statusCode).toBe(403)
    expect((await app.inject('/api/staff-accounts')).statusCode).toBe(401)
  })

  test('管轄外の担当者を ID で開くと 404（存在しない ID と同じ）', async () => {
    const foreign = await ehime.inject(`/api/staff-accounts/${(await kochiCity).id}`)
    const missing = await ehime.inject('/api/staff-accounts/00000000-0000-4000-8000-000000000000')
    expect(foreign.statusCode).toBe(404)
    expect(foreign.json()).toEqual(missing.json())
    expect((await ehime.inject(`/api/staff-accounts/${(await imabari).id}`)).statusCode).toBe(200)
    expect((await national.inject(`/api/staff-accounts/${candidate.account.id}`)).statusCode).toBe(404)
    expect((await ehime.inject('/api/staff-accounts/not-a-uuid')).statusCode).toBe(400)
  })
})
