/*
 * The notices the sharing workflow sends, in Japanese, as plain data (subject and text). The service queues them
 * with enqueueMail in the transaction of the step, so a notice exists exactly when the step does. Links point at
 * the client's pages under PUBLIC_URL.
 */

const SERVICE = '自治体DX 外部デジタル人材 募集・マッチング'
const FOOTER = `\n-- \n${SERVICE}\nこのメールは送信専用です。`

export interface Notice {
  subject: string
  text: string
}

function notice(subject: string, lines: readonly string[], publicUrl: string | undefined, path: string): Notice {
  const link = publicUrl ? ['', `確認する: ${new URL(path, publicUrl).toString()}`] : []
  return { subject: `【人材シェアリング】${subject}`.slice(0, 200), text: [...lines, ...link, FOOTER].join('\n') }
}

/** To the prefecture: a municipality asked for a dispatch (派遣の申請). */
export function dispatchRequestedNotice(
  facts: { municipalityName: string; menuTitle: string; topic: string; preferredDates: readonly string[] },
  publicUrl?: string,
): Notice {
  return notice(
    `派遣の申請: ${facts.municipalityName}「${facts.topic}」`,
    [
      `${facts.municipalityName}から専門家の派遣の申請がありました。`,
      '',
      `支援メニュー: ${facts.menuTitle}`,
      `相談内容: ${facts.topic}`,
      `希望日: ${facts.preferredDates.join('、')}`,
      '',
      '承認（専門家と日程の決定）または見送りを、派遣の画面で行ってください。',
    ],
    publicUrl,
    '/sharing/dispatch',
  )
}

/** To the municipality: the prefecture approved or declined its dispatch request. */
export function dispatchDecidedNotice(
  facts: { topic: string; approved: boolean; scheduledOn: string | null; expertName: string | null; note: string | null },
  publicUrl?: string,
): Notice {
  const lines = facts.approved
    ? [`派遣の申請「${facts.topic}」が承認されました。`, '', `実施日: ${facts.scheduledOn ?? '未定'}`, `専門家: ${facts.expertName ?? '未定'}`]
    : [`派遣の申請「${facts.topic}」は見送りとなりました。`]
  return notice(
    `派遣の申請が${facts.approved ? '承認されました' : '見送りとなりました'}:「${facts.topic}」`,
    [...lines, ...(facts.note ? ['', `都道府県からのコメント: ${facts.note}`] : [])],
    publicUrl,
    '/sharing/dispatch',
  )
}

/** To the pool's operator: a member municipality asked for a listed person (人材バンクの依頼). */
export function engagementRequestedNotice(
  facts: { poolName: string; requesterName: string; topic: string; startsOn: string; endsOn: string; expectedDays: number },
  publicUrl?: string,
): Notice {
  return notice(
    `人材バンクへの依頼: ${facts.requesterName}「${facts.topic}」`,
    [
      `人材バンク「${facts.poolName}」の登録者について、${facts.requesterName}から依頼がありました。`,
      '',
      `依頼内容: ${facts.topic}`,
      `期間: ${facts.startsOn}〜${facts.endsOn}（見込み${facts.expectedDays}日）`,
      '',
      '条件を添えて本人に打診するか、見送るかを人材バンクの画面で決めてください。',
    ],
    publicUrl,
    '/sharing/pools',
  )
}

/** To the person: the operator brokered a request to them with proposed terms. */
export function engagementOfferedNotice(
  facts: { poolName: string; requesterName: string; topic: string; startsOn: string; endsOn: string; days: number; payYen: number },
  publicUrl?: string,
): Notice {
  return notice(
    `ご依頼の打診:「${facts.topic}」（${facts.requesterName}）`,
    [
      `登録している人材バンク「${facts.poolName}」を通じて、${facts.requesterName}から依頼の打診が届きました。`,
      '',
      `依頼内容: ${facts.topic}`,
      `期間: ${facts.startsOn}〜${facts.endsOn}`,
      `日数: ${facts.days}日`,
      `報酬: ${new Intl.NumberFormat('ja-JP').format(facts.payYen)}円`,
      '',
      '内容を確認し、お受けするか辞退するかを人材バンクの画面でお答えください。',
    ],
    publicUrl,
    '/sharing/pools',
  )
}

/** To the requesting municipality: the operator declined to broker, or the person accepted or declined. */
export function engagementDecidedNotice(
  facts: { topic: string; outcome: 'rejected' | 'agreed' | 'declined'; note: string | null },
  publicUrl?: string,
): Notice {
  const outcome = { rejected: '運営団体が見送りました', agreed: '本人が引き受けました（合意）', declined: '本人が辞退しました' }[facts.outcome]
  return notice(
    `人材バンクへの依頼「${facts.topic}」: ${outcome}`,
    [`人材バンクへの依頼「${facts.topic}」について、${outcome}。`, ...(facts.note ? ['', `コメント: ${facts.note}`] : [])],
    publicUrl,
    '/sharing/pools',
  )
}
