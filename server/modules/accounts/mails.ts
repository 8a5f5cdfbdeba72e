import type { OutgoingMail } from '../mail/index.ts'

/*
 * The messages the accounts module sends, in Japanese. Links point at the client's pages under PUBLIC_URL; the
 * token is the only secret in them and works once.
 */

const SERVICE = '自治体DX 外部デジタル人材 募集・マッチング'
const FOOTER = `\n-- \n${SERVICE}\nこのメールは送信専用です。心当たりのない場合は、このメールを破棄してください。\n`

export function link(publicUrl: string, path: string, token: string, returnTo?: string): string {
  const url = new URL(path, publicUrl)
  if (returnTo) url.searchParams.set('returnTo', returnTo)
  url.searchParams.set('token', token)
  return url.toString()
}

export function confirmationMail(to: string, displayName: string, url: string): OutgoingMail {
  return {
    to,
    subject: `【${SERVICE}】メールアドレスの確認`,
    text: `${displayName} 様\n\n利用登録ありがとうございます。\n次のリンクを開いて、メールアドレスの確認を完了してください（24時間有効）。\n\n${url}\n\n確認が済むとログインできるようになります。\n${FOOTER}`,
  }
}

/** Sent instead of a confirmation when someone signs up with an address that already has a confirmed account. */
export function alreadyRegisteredMail(to: string, resetUrl: string): OutgoingMail {
  return {
    to,
    subject: `【${SERVICE}】利用登録のお申し込みについて`,
    text: `このメールアドレスで利用登録のお申し込みがありましたが、すでに登録済みです。\n\nログイン画面からログインしてください。パスワードをお忘れの場合は、次のページから再設定できます。\n\n${resetUrl}\n\nお申し込みに心当たりがない場合は、このメールを破棄してください。アカウントは変更されていません。\n${FOOTER}`,
  }
}

export function passwordResetMail(to: string, displayName: string, url: string): OutgoingMail {
  return {
    to,
    subject: `【${SERVICE}】パスワードの再設定`,
    text: `${displayName} 様\n\nパスワード再設定のお申し込みを受け付けました。\n次のリンクを開いて、新しいパスワードを設定してください（1時間有効・1回限り）。\n\n${url}\n\nお申し込みに心当たりがない場合は、このメールを破棄してください。パスワードは変更されません。\n${FOOTER}`,
  }
}

export function invitationMail(to: string, displayName: string, roleLabel: string, url: string): OutgoingMail {
  return {
    to,
    subject: `【${SERVICE}】担当者アカウントのご案内`,
    text: `${displayName} 様\n\n${roleLabel}のアカウントが作成されました。\n次のリンクを開いて、ご自身のパスワードを設定してください（72時間有効・1回限り）。\n\n${url}\n\n設定後、このメールアドレスと設定したパスワードでログインできます。\n${FOOTER}`,
  }
}
