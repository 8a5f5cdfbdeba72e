import { describe, expect, it } from 'vitest'
import type { Account } from '#shared/contracts/accounts'
import { accountLinksFor, creatableStaffKinds, mainLinksFor } from './navigation.ts'

const base = { id: 'a', email: 'a@example.jp', displayName: 'A', localGovernment: null, prefecture: null }
const accounts: Record<string, Account> = {
  candidate: { ...base, kind: 'candidate' },
  municipality: { ...base, kind: 'municipality', localGovernment: { code: '382019', name: '松山市' }, prefecture: { code: '38', name: '愛媛県' } },
  prefecture: { ...base, kind: 'prefecture', prefecture: { code: '38', name: '愛媛県' } },
  national: { ...base, kind: 'national' },
}

describe('accountLinksFor: 利用者の種類ごとに使えるものだけ', () => {
  it.each([
    ['未ログイン', null, ['/sign-in', '/sign-up']],
    ['外部デジタル人材（保存した検索条件も）', accounts.candidate!, ['/account', '/me/saved-searches']],
    ['市区町村の担当者', accounts.municipality!, ['/account', '/staff-accounts']],
    ['都道府県の担当者', accounts.prefecture!, ['/account', '/staff-accounts']],
    ['国の担当者（送信メールも）', accounts.national!, ['/account', '/staff-accounts', '/admin/mail-outbox']],
  ])('%s', (_name, account, paths) => {
    expect(accountLinksFor(account).map((link) => link.to)).toEqual(paths)
  })
})

describe('mainLinksFor: the header leads each kind of person to what it can use, and to nothing the server refuses', () => {
  const common = ['/', '/skill-standard', '/postings']
  it.each([
    ['未ログイン', null, common],
    [
      '外部デジタル人材',
      accounts.candidate!,
      [...common, '/me/recommendations', '/candidates/me', '/applications', '/appointments', '/messages', '/sharing/pools'],
    ],
    [
      '市区町村の担当者',
      accounts.municipality!,
      [
        ...common,
        '/staff/postings',
        '/applications/board',
        '/appointments',
        '/messages',
        '/staff/bid-restrictions',
        '/sharing/pools',
        '/sharing/dispatch',
        '/sharing/appointments',
      ],
    ],
    [
      '都道府県の担当者',
      accounts.prefecture!,
      [...common, '/staff/postings', '/sharing/pools', '/sharing/dispatch', '/sharing/appointments', '/sharing/dashboard'],
    ],
    ['国の担当者', accounts.national!, [...common, '/staff/postings']],
  ])('%s', (_name, account, paths) => {
    expect(mainLinksFor(account).map((link) => link.to)).toEqual(paths)
  })
})

describe('creatableStaffKinds: 一つ上の階層だけが作れる', () => {
  it.each([
    ['国', accounts.national!, ['municipality', 'prefecture', 'national']],
    ['都道府県', accounts.prefecture!, ['municipality']],
    ['市区町村', accounts.municipality!, []],
    ['外部デジタル人材', accounts.candidate!, []],
    ['未ログイン', null, []],
  ])('%s', (_name, account, kinds) => {
    expect(creatableStaffKinds(account)).toEqual(kinds)
  })
})
