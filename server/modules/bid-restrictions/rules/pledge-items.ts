/**
 * What the 誓約書 (pledge) contains, by the appointment's 任用形態. Every appointee pledges the main items of the
 * デジタル庁 pledge (手順書 参考4.4-⑨). A 特別職非常勤職員 is outside 地方公務員法 (地公法 4条2項), so the pledge
 * must also set the 服務 the law would otherwise give: 手順書 §4.4(4) names 任用・解職, 信用失墜行為の禁止, 守秘義務
 * and 職務専念義務 as what 要綱や誓約書 must set.
 */
export interface PledgeItem {
  /** Stable id for tests and clients. */
  id: string
  text: string
  /** The public source of the item, as cited in docs/sources.md. */
  source: string
}

export interface PledgeSection {
  heading: string
  items: PledgeItem[]
}

/** 手順書 §4.4(4): for a 特別職非常勤職員, in place of 地公法's 服務 (33〜35条) and its 任用の規律. */
const SERVICE_DISCIPLINE: PledgeItem[] = [
  { id: 'appointment_dismissal', text: '任用及び解職に関する定め（任用期間、解職の事由及び手続）に従います。', source: '手順書 §4.4(4)' },
  { id: 'no_discredit', text: '職の信用を傷つけ、又は職全体の不名誉となるような行為をしません。', source: '手順書 §4.4(4)（地公法 33条）' },
  { id: 'confidentiality', text: '職務上知り得た秘密を漏らしません。その職を退いた後も同様とします。', source: '手順書 §4.4(4)、参考4.4-⑨（地公法 34条）' },
  { id: 'devotion_to_duty', text: '勤務時間中は職務に専念し、職務にのみ従事します。', source: '手順書 §4.4(4)（地公法 35条）' },
]

/** 手順書 参考4.4-⑨ 主な誓約事項. */
const DIGITAL_AGENCY_ITEMS: PledgeItem[] = [
  { id: 'secrecy', text: '職務上知り得た秘密を漏らしません（退職後も同様とします）。', source: '手順書 参考4.4-⑨' },
  { id: 'ownership_of_work', text: '職務上作成した情報の権利は任用団体に帰属することを確認します。', source: '手順書 参考4.4-⑨' },
  { id: 'on_leaving', text: '退職時には、保有する情報を返却又は消去します。', source: '手順書 参考4.4-⑨' },
  { id: 'third_party_secrets', text: '第三者の秘密情報を不正に持ち込み、又は使用しません。', source: '手順書 参考4.4-⑨' },
  { id: 'no_conflict_of_interest', text: '利益相反行為を行いません。', source: '手順書 参考4.4-⑨' },
  { id: 'disclose_side_jobs', text: '兼業先を開示し、変更があれば速やかに届け出ます。', source: '手順書 参考4.4-⑨' },
  { id: 'disclose_holdings', text: '株式等の保有状況及び知的財産権を開示します。', source: '手順書 参考4.4-⑨' },
  { id: 'exemption_cooperation', text: '入札制限の適用除外の手続に協力します。', source: '手順書 参考4.4-⑨' },
  { id: 'procurement_involvement', text: '入札手続への関与に関する定めを守ります。', source: '手順書 参考4.4-⑨' },
  { id: 'after_leaving', text: '退職後も、公正性の確認に協力します。', source: '手順書 参考4.4-⑨' },
]

/** The pledge's sections for an appointment in `appointmentForm` (a 任用形態 id of the posting form). */
export function pledgeSections(appointmentForm: string): PledgeSection[] {
  if (appointmentForm !== 'tokubetsushoku_hijokin') return [{ heading: '公平性・透明性の確保', items: DIGITAL_AGENCY_ITEMS }]
  // 守秘義務 covers ⑨'s 秘密保持, so the signed text does not say it twice.
  return [
    { heading: '服務等の任用規律', items: SERVICE_DISCIPLINE },
    { heading: '公平性・透明性の確保', items: DIGITAL_AGENCY_ITEMS.filter((item) => item.id !== 'secrecy') },
  ]
}
