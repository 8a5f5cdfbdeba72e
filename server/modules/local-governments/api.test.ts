import { describe, expect, test } from 'vitest'
import { LocalGovernment } from '#shared/contracts/local-governments'
import { page } from '#shared/contracts/endpoint'
import { ErrorBody } from '#shared/errors'
import { startTestApp } from '../../../test/support/app.ts'

const { app } = await startTestApp()
const Page = page(LocalGovernment)

describe('GET /api/local-governments', () => {
  test('全47都道府県と1,741市区町村が読み込まれている', async () => {
    const all = Page.parse((await app.inject({ url: '/api/local-governments?limit=1' })).json())
    expect(all.total).toBe(1788)
    const prefectures = Page.parse((await app.inject({ url: '/api/local-governments?kind=prefecture&limit=1' })).json())
    expect(prefectures.total).toBe(47)
  })

  test('都道府県と名称で絞り込める（?prefecture=38&q=松山）', async () => {
    const response = await app.inject({ url: '/api/local-governments?prefecture=38&q=%E6%9D%BE%E5%B1%B1' })
    expect(response.statusCode).toBe(200)
    const body = Page.parse(response.json())
    expect(body.items.map((item) => item.name)).toEqual(['松山市'])
    expect(body.items[0]).toMatchObject({ code: '382019', prefectureName: '愛媛県', kind: 'core_city' })
  })

  test('かな（カタカナ・半角でも）で検索できる', async () => {
    for (const q of ['まつやまし', 'マツヤマシ', 'ﾏﾂﾔﾏｼ']) {
      const body = Page.parse((await app.inject({ url: `/api/local-governments?q=${encodeURIComponent(q)}` })).json())
      expect(
        body.items.map((item) => item.code),
        q,
      ).toContain('382019')
    }
  })

  test('ページ送りは重ならず、合計件数を返す', async () => {
    const first = Page.parse((await app.inject({ url: '/api/local-governments?prefecture=38&limit=10&offset=0' })).json())
    const second = Page.parse((await app.inject({ url: '/api/local-governments?prefecture=38&limit=10&offset=10' })).json())
    expect(first.total).toBe(21) // 愛媛県 and its 20 市町
    expect(first.items).toHaveLength(10)
    expect(second.items).toHaveLength(10)
    expect(new Set([...first.items, ...second.items].map((item) => item.code)).size).toBe(20)
    expect(second.offset).toBe(10)
  })

  test('検索語の % や _ は文字そのものとして扱う', async () => {
    const body = Page.parse((await app.inject({ url: '/api/local-governments?q=%25' })).json())
    expect(body.total).toBe(0)
  })

  test.each([
    ['prefecture=48', 'query.prefecture'],
    ['prefecture=abc', 'query.prefecture'],
    ['limit=0', 'query.limit'],
    ['limit=1000', 'query.limit'],
    ['kind=metropolis', 'query.kind'],
  ])('不正な条件 %s は 400 で項目名を示す', async (queryString, path) => {
    const response = await app.inject({ url: `/api/local-governments?${queryString}` })
    expect(response.statusCode).toBe(400)
    const body = ErrorBody.parse(response.json())
    expect(body.error.code).toBe('VALIDATION_FAILED')
    expect(body.error.details?.map((detail) => detail.path)).toContain(path)
  })
})

describe('GET /api/local-governments/:code', () => {
  test('団体コードで1件を返す', async () => {
    const response = await app.inject({ url: '/api/local-governments/131016' })
    expect(response.statusCode).toBe(200)
    expect(LocalGovernment.parse(response.json())).toMatchObject({ name: '千代田区', kind: 'special_ward', nameKana: 'ちよだく' })
  })

  test('検査数字の誤ったコードは 400 INVALID_LOCAL_GOVERNMENT_CODE', async () => {
    const response = await app.inject({ url: '/api/local-governments/382018' })
    expect(response.statusCode).toBe(400)
    const body = ErrorBody.parse(response.json())
    expect(body.error.code).toBe('INVALID_LOCAL_GOVERNMENT_CODE')
    expect(body.error.message).toContain('全国地方公共団体コード')
  })

  test('正しい形式でも登録のないコードは 404', async () => {
    // 011011 is 札幌市中央区: a valid code, but a 行政区 is not a local government that recruits.
    const response = await app.inject({ url: '/api/local-governments/011011' })
    expect(response.statusCode).toBe(404)
    expect(ErrorBody.parse(response.json()).error.code).toBe('NOT_FOUND')
  })
})
