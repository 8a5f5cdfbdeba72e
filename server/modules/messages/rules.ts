/**
 * Pure rules of messaging: who reads a thread as which side, how authors are named, and the notice mailed for a
 * new message. No I/O.
 */
import type { MessageSide } from '#shared/contracts/messages'
import type { Actor } from '../../http/actor.ts'

export interface ThreadParties {
  municipalityCode: string
  /** The applicant's sign-in account; null once the account is deleted. */
  candidateAccountId: string | null
}

/** The side the actor reads as: staff of the posting municipality, or the applicant. null = not a party (404). */
export function sideOf(actor: Actor, parties: ThreadParties): MessageSide | null {
  if (actor.kind === 'municipality' && actor.localGovernmentCode === parties.municipalityCode) return 'staff'
  if (actor.kind === 'candidate' && parties.candidateAccountId !== null && actor.userId === parties.candidateAccountId) return 'candidate'
  return null
}

export function authorLabel(side: MessageSide, names: { municipalityName: string; candidateName: string | null }): string {
  return side === 'staff' ? `${names.municipalityName} 担当者` : (names.candidateName ?? '応募者')
}

export const ANONYMISED_BODY = '（削除済み）'

const SERVICE = '自治体DX 外部デジタル人材 募集・マッチング'

/**
 * The mail that tells the other side a message arrived. It never carries the message or the attachment: messages
 * about a selection are not public (非公開), and mail leaves the service's access control. Only a link.
 */
export function newMessageNotice(
  facts: { to: MessageSide; postingTitle: string | null; municipalityName: string },
  link: string,
): { subject: string; text: string } {
  const posting = facts.postingTitle ?? '募集'
  const from = facts.to === 'candidate' ? `${facts.municipalityName}の担当者` : '応募者'
  return {
    subject: `新しいメッセージがあります：${posting}`.slice(0, 200),
    text: [
      `「${posting}」の応募について、${from}から新しいメッセージが届きました。`,
      '内容は、ログインしてこのサービスでご確認ください（メールには本文を載せていません）。',
      '',
      `メッセージを読む: ${link}`,
      '',
      '-- ',
      SERVICE,
      'このメールは送信専用です。',
    ].join('\n'),
  }
}
