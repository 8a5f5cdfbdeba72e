import { NEWCOMER, PRINTED, STAFF } from './data/accounts.ts'
import { CANDIDATES } from './data/candidates.ts'

/** What the console says once, when the demo world has just been created: who to sign in as, and what to try. */
export function welcomeText(password: string, publicUrl: string): string {
  const width = Math.max(...PRINTED.map((account) => account.email.length))
  const others = CANDIDATES.length - PRINTED.filter((account) => CANDIDATES.some((person) => person.email === account.email)).length
  return [
    '',
    'デモの世界を作成しました（愛媛県・高知県・長野県の6団体、募集14件、外部デジタル人材32名。画面の「デモ」はこのデータです）。',
    `デモ用アカウント（パスワードは全員共通: ${password} 。この一度しか表示されません）:`,
    ...PRINTED.map((account) => `  ${account.email.padEnd(width)}  ${account.belongsTo}`),
    `  ほかに外部デジタル人材 ${others} 名（例: ${CANDIDATES.at(-1)!.email}）と、登録したばかりでプロフィールが空の ${NEWCOMER.email} も同じパスワードでログインできます。`,
    '',
    'まず試すこと:',
    `  1. 市区町村（${STAFF.matsuyama.email}）: 「住民記録システム標準化 プロジェクトマネージャー」の候補者ランキングを開き、点数の内訳と入札制限の注意を見る。`,
    `  2. 都道府県（${STAFF.ehime.email}）: 今治市から届いた「AI・RPA活用 エンジニア」を確認して国へ送付し、ダッシュボードで派遣の利用状況を見る。`,
    `  3. 国（${STAFF.national.email}）: 久万高原町の「行政手続オンライン化 プロジェクトマネージャー」を公開し、全国の募集一覧に出ることを確かめる。`,
    `  4. 外部デジタル人材（${CANDIDATES[0]!.email}）: 「おすすめの募集」で合う理由を確かめ、気になる募集に応募する。`,
    `ログイン: ${new URL('/sign-in', publicUrl).toString()}`,
    '',
  ].join('\n')
}
