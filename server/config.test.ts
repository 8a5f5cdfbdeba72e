import { describe, expect, test } from 'vitest'
import { isProxyAddress, loadConfig } from './config.ts'

describe('TRUST_PROXY', () => {
  test('未設定なら中継を信頼しない', () => {
    expect(loadConfig({}).trustProxy).toEqual([])
  })

  test('アドレス、CIDR、範囲の名前をカンマ区切りで読む', () => {
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,fd00::/8,loopback' }).trustProxy).toEqual(['127.0.0.1', '10.0.0.0/8', 'fd00::/8', 'loopback'])
  })

  test('アドレスでないもの、範囲の外の接頭辞は起動時に拒否する', () => {
    for (const entry of ['proxy.example.jp', '10.0.0.0/33', '::1/129', '10.0.0.1/8/1', 'true', '10.0.0.0/']) expect(isProxyAddress(entry), entry).toBe(false)
    expect(() => loadConfig({ TRUST_PROXY: '127.0.0.1,nginx' })).toThrow(/TRUST_PROXY/)
  })
})
