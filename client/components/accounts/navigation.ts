import type { Account } from '#shared/contracts/accounts'

export interface NavLink {
  to: string
  label: string
}

/**
 * The account links of the header for each kind of person; the server refuses the rest anyway. Other capabilities
 * add their own links by kind here (募集の作成 for 市区町村, 審査 for 都道府県 …).
 */
export function accountLinksFor(account: Account | null): NavLink[] {
  if (account === null) {
    return [
      { to: '/sign-in', label: 'ログイン' },
      { to: '/sign-up', label: '利用登録' },
    ]
  }
  const links: NavLink[] = [{ to: '/account', label: account.kind === 'candidate' ? 'マイページ' : 'アカウント' }]
  if (account.kind !== 'candidate') links.push({ to: '/staff-accounts', label: '担当者アカウント' })
  if (account.kind === 'national') links.push({ to: '/admin/mail-outbox', label: '送信メール' })
  return links
}

/** Which staff accounts a person may create (Issue 3: the level above creates the level below). */
export function creatableStaffKinds(account: Account | null): Array<'municipality' | 'prefecture' | 'national'> {
  if (account?.kind === 'national') return ['municipality', 'prefecture', 'national']
  if (account?.kind === 'prefecture') return ['municipality']
  return []
}
