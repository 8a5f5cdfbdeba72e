import type { Account } from '#shared/contracts/accounts'

export interface NavLink {
  to: string
  label: string
  /** Active only on this very address (ホーム, 応募の状況 beside 応募の選考). */
  exact?: boolean
}

/** The header's main navigation for each kind of person: what each can do, and nothing the server would refuse. */
export function mainLinksFor(account: Account | null): NavLink[] {
  const links: NavLink[] = [
    { to: '/', label: 'ホーム', exact: true },
    { to: '/skill-standard', label: '外部人材スキル標準' },
    { to: '/postings', label: '募集を探す' },
  ]
  if (account === null) return links
  const kind = account.kind
  if (kind === 'candidate') {
    links.push(
      { to: '/me/recommendations', label: 'あなたに合う募集' },
      { to: '/candidates/me', label: 'マイプロフィール' },
      { to: '/applications', label: '応募の状況', exact: true },
      { to: '/appointments', label: '任用と評価' },
      // rendered with its unread count by MessagesNavLink
      { to: '/messages', label: 'メッセージ' },
      { to: '/sharing/pools', label: '人材バンク' },
    )
    return links
  }
  links.push({ to: '/staff/postings', label: kind === 'municipality' ? '募集の作成' : kind === 'prefecture' ? '募集の確認' : '募集の公開' })
  if (kind === 'municipality') {
    links.push(
      { to: '/applications/board', label: '応募の選考' },
      { to: '/appointments', label: '任用と評価' },
      { to: '/messages', label: 'メッセージ' },
      { to: '/staff/bid-restrictions', label: '入札制限' },
    )
  }
  if (kind === 'municipality' || kind === 'prefecture') {
    links.push(
      { to: '/sharing/pools', label: '人材バンク' },
      { to: '/sharing/dispatch', label: '専門家の派遣' },
      { to: '/sharing/appointments', label: '共有・共同任用' },
    )
  }
  if (kind === 'prefecture') links.push({ to: '/sharing/dashboard', label: '市区町村の状況' })
  return links
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
  if (account.kind === 'candidate') links.push({ to: '/me/saved-searches', label: '保存した検索条件' })
  if (account.kind !== 'candidate') links.push({ to: '/staff-accounts', label: '担当者アカウント' })
  if (account.kind === 'national') links.push({ to: '/admin/mail-outbox', label: '送信メール' })
  return links
}

/** Which staff accounts a person may create (the level above creates the level below). */
export function creatableStaffKinds(account: Account | null): Array<'municipality' | 'prefecture' | 'national'> {
  if (account?.kind === 'national') return ['municipality', 'prefecture', 'national']
  if (account?.kind === 'prefecture') return ['municipality']
  return []
}
