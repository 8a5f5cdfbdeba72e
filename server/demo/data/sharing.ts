import { COMPANY } from './companies.ts'
import type { MunicipalityKey } from './places.ts'

/**
 * 愛媛県's sharing: its talent pool (人材バンク) with members and listed people, an agreed and a waiting engagement,
 * a joint appointment (共同任用) of 内子町 and 久万高原町, and the dispatch register with a quota of 3 a year:
 * 内子町 has used all 3, 今治市 one.
 */
export const POOL = {
  name: 'えひめDX人材バンク（デモ）',
  description: '県内市町が共同で使える外部デジタル人材の登録簿です。登録者への依頼は県が調整します。',
  members: ['matsuyama', 'imabari', 'uchiko', 'kumakogen'] satisfies MunicipalityKey[],
}

/** People who list themselves in the pool, with what they show. */
export const LISTINGS: ReadonlyArray<{ candidate: string; card: { displayName: string; headline: string; roleIds: Array<'producer' | 'project_manager' | 'service_designer' | 'engineer'>; skills: string[]; area: string; remoteOk: boolean }; availableDaysPerWeek: number }> = [
  { candidate: 'yamada.hanako@example.jp', card: { displayName: '山田 花子', headline: '標準化の移行計画と課題管理', roleIds: ['project_manager'], skills: ['標準化', '移行計画', 'ベンダー調整'], area: '愛媛県全域', remoteOk: true }, availableDaysPerWeek: 3 },
  { candidate: 'suzuki.misaki@example.jp', card: { displayName: '鈴木 美咲', headline: '窓口と申請のサービスデザイン', roleIds: ['service_designer'], skills: ['サービスデザイン', 'ワークショップ'], area: '愛媛県・香川県', remoteOk: true }, availableDaysPerWeek: 2 },
  { candidate: 'yoshida.mai@example.jp', card: { displayName: '吉田 麻衣', headline: '情報セキュリティ監査・研修', roleIds: ['engineer'], skills: ['セキュリティ監査', '支援士'], area: '愛媛県全域', remoteOk: true }, availableDaysPerWeek: 2 },
  { candidate: 'murakami.yoko@example.jp', card: { displayName: '村上 陽子', headline: '小規模町村の情報担当の経験', roleIds: ['producer', 'project_manager'], skills: ['基幹系更新', '庁内LAN'], area: '南予・中予', remoteOk: false }, availableDaysPerWeek: 2 },
  { candidate: 'inoue.takumi@example.jp', card: { displayName: '井上 拓海', headline: 'ローコードで業務アプリを内製化', roleIds: ['engineer'], skills: ['RPA', 'ローコード', '研修'], area: 'オンライン', remoteOk: true }, availableDaysPerWeek: 2 },
  { candidate: 'aoki.sayaka@example.jp', card: { displayName: '青木 さやか', headline: '職員のデジタル人材育成', roleIds: ['producer'], skills: ['研修設計', 'DX推進計画'], area: '愛媛県全域', remoteOk: true }, availableDaysPerWeek: 1 },
]

/** 内子町 asked 村上さん (agreed); 久万高原町's request to 吉田さん waits for the prefecture. */
export const ENGAGEMENTS = [
  {
    requester: 'uchiko', candidate: 'murakami.yoko@example.jp', topic: '基幹系システム更新の仕様書レビュー（デモ）', detail: '来年度の更新に向けた仕様書案の確認をお願いします。',
    expectedDays: 4, startsDay: 14, endsDay: 90, terms: { days: 4, payYen: 160_000, payer: 'requester' as const, note: '旅費は町が別途負担' }, agreed: true,
  },
  {
    requester: 'kumakogen', candidate: 'yoshida.mai@example.jp', topic: '情報セキュリティ研修の講師（デモ）', detail: '全職員向けの研修（2時間×2回）をお願いしたいです。',
    expectedDays: 2, startsDay: 20, endsDay: 60, terms: null, agreed: false,
  },
] satisfies Array<{ requester: MunicipalityKey; candidate: string; topic: string; detail: string; expectedDays: number; startsDay: number; endsDay: number; terms: { days: number; payYen: number; payer: 'requester' | 'operator' | 'other'; note: string } | null; agreed: boolean }>

/** A CIO補佐官 the prefecture secured and two small towns appoint together. */
export const JOINT_APPOINTMENT = {
  talent: {
    displayName: 'デモ 二宮 修',
    availableDaysPerWeek: 3,
    employments: [{ corporateNumber: COMPANY.botchanConsulting, relationship: 'owner' as const, startsOn: '2018-04-01', endsOn: null }],
  },
  title: '内子町・久万高原町 共同CIO補佐官（デモ）',
  roleId: 'producer' as const,
  startsDay: -30,
  lengthDays: 364,
  daysPerWeek: 2,
  annualCostYen: 3_840_000,
  shares: [
    { municipality: 'uchiko', timePercent: 50, costYen: 1_920_000 },
    { municipality: 'kumakogen', timePercent: 50, costYen: 1_920_000 },
  ] satisfies Array<{ municipality: MunicipalityKey; timePercent: number; costYen: number }>,
}

export const DISPATCH = {
  /** Shaped on 静岡県 ICTエキスパート派遣事業 (事例集 p.26): the prefecture pays, a yearly number of times per requester,
   * requests from municipalities, their 教育委員会 and 商工会; a smaller number than 静岡's 5 so the demo shows a town at it. */
  scheme: {
    name: 'えひめICTエキスパート派遣（デモ）',
    costBearer: 'prefecture',
    timesPerFiscalYear: 3,
    menusPerFiscalYear: null,
    maxDaysPerRequest: null,
    maxHoursPerRequest: null,
    requesterKinds: ['municipality', 'board_of_education', 'chamber_of_commerce'],
    notes: '登録リストにあるテーマについて、市町・教育委員会・商工会の求めに応じて専門家を派遣します。',
  } as const,
  menus: [
    { title: 'DX推進計画づくりの相談（デモ）', description: '計画の骨子づくりから庁内合意の進め方まで、専門家が助言します。', provider: '愛媛県 デジタル戦略局', modes: ['online', 'on_site'] as Array<'online' | 'on_site'> },
    { title: '情報セキュリティ研修（デモ）', description: '職員向けの標的型メール訓練と研修を行います。', provider: null, modes: ['on_site'] as Array<'online' | 'on_site'> },
  ],
  expert: {
    talent: { displayName: 'デモ 白石 由紀', availableDaysPerWeek: 2, employments: [] },
    themes: ['DX推進計画', '情報セキュリティ', '業務改革'],
  },
  /** Day = days after the first dispatch day of the demo (see sharing feeder); approved ones get the expert. */
  requests: [
    { municipality: 'uchiko', menu: 0, topic: 'DX推進計画の骨子づくり（デモ）', day: 2, mode: 'on_site' as const, approve: true },
    { municipality: 'uchiko', menu: 1, topic: '全職員向けセキュリティ研修（デモ）', day: 9, mode: 'on_site' as const, approve: true },
    { municipality: 'uchiko', menu: 0, topic: '庁内DX推進体制の相談（デモ）', day: 16, mode: 'online' as const, approve: true },
    { municipality: 'imabari', menu: 0, topic: 'DX推進計画の中間見直し（デモ）', day: 4, mode: 'online' as const, approve: true },
  ] satisfies Array<{ municipality: MunicipalityKey; menu: number; topic: string; day: number; mode: 'online' | 'on_site'; approve: boolean }>,
}
