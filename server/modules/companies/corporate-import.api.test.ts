import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, test } from 'vitest'
import { corporateNumberOf } from '../../synthetic/companies.ts'
import { openTestDatabase } from '../../../test/support/database.ts'
import { fixtureLine, writeFixtureZip } from './corporate-fixtures.ts'
import { detectEncoding } from './corporate-file.ts'
import { registerCorporateFile, runCorporateImport } from './corporate-import.ts'

// 法人番号 (docs/sources.md): the 基本3情報 download, 全件 and 差分, in the published layout (30 columns, no header).
const engine = await openTestDatabase()
const db = engine.db
const dir = await mkdtemp(join(tmpdir(), 'corporate-'))
afterAll(async () => {
  await engine.close()
})
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url))
const company = (corporateNumber: string) => db.selectFrom('company').selectAll().where('corporate_number', '=', corporateNumber).executeTakeFirst()

describe('全件 (Shift_JIS) then 差分 (Unicode): the registry reads as published', () => {
  test('全件: every row, names exactly as published (全角 letters kept), domestic and foreign addresses', async () => {
    const { import: registered } = await registerCorporateFile(db, fixture('00_zenkoku_all_20250331.zip'))
    const done = await runCorporateImport(db, registered.id)
    expect(done).toMatchObject({ status: 'completed', rowsDone: 5, rowsApplied: 5, rowsSkipped: 0 })
    expect(await company('6010001000001')).toMatchObject({
      name: 'ＡＢＣ商事株式会社',
      name_kana: 'エービーシーショウジ',
      address: '東京都千代田区霞が関１丁目１－１',
      nta_updated_on: '2025-03-31',
    })
    expect(await company('2010001000005')).toMatchObject({ name: 'Sample Holdings Limited', address: 'United Kingdom, London', corporate_kind: '401' })
  })

  test.each<[string, string, Record<string, unknown>]>([
    ['11 商号の変更: ㈱ is kept, not folded', '5010001000002', { name: 'デモ伊予ＤＸ㈱', nta_process: '11' }],
    ['12 所在地の変更', '4010001000003', { address: '高知県南国市大そね甲２３０１', nta_process: '12' }],
    ['21 登記記録の閉鎖', '3010001000004', { closed_on: '2025-04-01', close_cause: '01', nta_process: '21' }],
    ['01 新規 then 11 変更 in one file: the 最新履歴 row counts', '1010001000006', { name: '新設テスト株式会社', nta_process: '11' }],
  ])('差分 — %s', async (_name, corporateNumber, expected) => {
    const { import: registered } = await registerCorporateFile(db, fixture('diff_20250415.zip'))
    const done = await runCorporateImport(db, registered.id)
    expect(done).toMatchObject({ status: 'completed', rowsDone: 5, rowsSkipped: 1 })
    expect(await company(corporateNumber)).toMatchObject(expected)
  })

  test('idempotent: the same file again is the same import, already completed, and changes nothing', async () => {
    const again = await registerCorporateFile(db, fixture('diff_20250415.zip'))
    expect(again.created).toBe(false)
    const before = await company('5010001000002')
    expect(await runCorporateImport(db, again.import.id)).toMatchObject({ status: 'completed', rowsDone: 5 })
    expect(await company('5010001000002')).toEqual(before)
  })

  test('an older file never undoes a newer row (更新年月日)', async () => {
    const path = join(dir, 'old_all.zip')
    await writeFixtureZip(path, [fixtureLine({ corporateNumber: '5010001000002', name: '株式会社デモ伊予システムズ', updatedOn: '2025-03-31' }, 1)], 'cp932')
    const { import: registered } = await registerCorporateFile(db, path)
    expect(await runCorporateImport(db, registered.id)).toMatchObject({ status: 'completed', rowsDone: 1, rowsApplied: 0 })
    expect((await company('5010001000002'))!.name).toBe('デモ伊予ＤＸ㈱')
  })
})

describe('resumable and safe with two workers', () => {
  const numbers = Array.from({ length: 25 }, (_, index) => corporateNumberOf(`02000${String(index).padStart(7, '0')}`))
  const lines = numbers.map((corporateNumber, index) => fixtureLine({ corporateNumber, name: `再開テスト株式会社${index + 1}` }, index + 1))

  test('an interrupted run resumes after the last committed batch; the end result is the whole file once', async () => {
    const path = join(dir, 'resume.zip')
    await writeFixtureZip(path, lines)
    const { import: registered } = await registerCorporateFile(db, path)
    const stopped = await runCorporateImport(db, registered.id, { batchRows: 10, maxBatches: 1 })
    expect(stopped).toMatchObject({ status: 'pending', rowsDone: 10, rowsApplied: 10 })
    expect(stopped.bytesDone).toBeGreaterThan(0)
    expect(await company(numbers[10]!)).toBeUndefined()
    const resumed = await runCorporateImport(db, registered.id, { batchRows: 10 })
    expect(resumed).toMatchObject({ status: 'completed', rowsDone: 25, rowsApplied: 25 })
    expect((await company(numbers[24]!))!.name).toBe('再開テスト株式会社25')
  })

  test('a worker does not take an import another worker holds; it may once the lease has expired', async () => {
    const path = join(dir, 'lease.zip')
    await writeFixtureZip(path, lines.slice(0, 3))
    const { import: registered } = await registerCorporateFile(db, path)
    const now = new Date()
    await db.updateTable('corporate_import').set({ claimed_by: 'worker-a', heartbeat_at: now, status: 'running' }).where('id', '=', registered.id).execute()
    expect(await runCorporateImport(db, registered.id, { worker: 'worker-b', clock: () => now })).toMatchObject({ status: 'running', rowsDone: 0 })
    const later = new Date(now.getTime() + 3 * 60 * 1000)
    expect(await runCorporateImport(db, registered.id, { worker: 'worker-b', clock: () => later })).toMatchObject({ status: 'completed', rowsDone: 3 })
  })
})

describe('bad input', () => {
  test('not a zip → CORPORATE_FILE_INVALID (400), nothing recorded', async () => {
    const path = join(dir, 'not.zip')
    await writeFile(path, 'hello')
    await expect(registerCorporateFile(db, path)).rejects.toMatchObject({ code: 'CORPORATE_FILE_INVALID', status: 400 })
    expect(await db.selectFrom('corporate_import').select('id').where('file_path', '=', path).execute()).toEqual([])
  })

  test.each<[string, string, RegExp]>([
    ['列の数が違う', '1,"6010001000001","01"\r\n', /1行目: 列の数が3/],
    ['検査数字の誤った法人番号', fixtureLine({ corporateNumber: '1010001000001', name: 'x' }, 1), /1行目「法人番号」/],
    ['日付でない更新年月日', fixtureLine({ corporateNumber: '6010001000001', name: 'x', updatedOn: '令和7年' }, 1), /1行目「更新年月日」/],
  ])('a row not in the layout fails the import naming the line — %s', async (_name, line, message) => {
    const path = join(dir, `bad-${Math.random().toString(36).slice(2)}.zip`)
    await writeFixtureZip(path, [fixtureLine({ corporateNumber: corporateNumberOf('030000000001'), name: '正しい行' }, 1).replace(/^1,/, '0,'), line])
    const { import: registered } = await registerCorporateFile(db, path)
    const failed = await runCorporateImport(db, registered.id)
    expect(failed.status).toBe('failed')
    expect(failed.error).toMatch(new RegExp(message.source.replace('1行目', '2行目')))
  })
})

describe('detectEncoding', () => {
  test.each<[string, Uint8Array, 'utf-8' | 'cp932']>([
    ['UTF-8', new TextEncoder().encode('"株式会社テスト"'), 'utf-8'],
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('"テスト"')]), 'utf-8'],
    ['UTF-8 cut inside a character', new TextEncoder().encode('"テスト"テ').subarray(0, -1), 'utf-8'],
    ['Shift_JIS', new Uint8Array([0x22, 0x83, 0x65, 0x83, 0x58, 0x83, 0x67, 0x22]), 'cp932'],
  ])('%s', (_name, bytes, expected) => {
    expect(detectEncoding(bytes)).toBe(expected)
  })
})
