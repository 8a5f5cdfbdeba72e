/**
 * Fictional companies (names start with デモ; 法人番号 in a range no real 法人 uses, with valid check digits) and
 * their group links: デモ瀬戸内ホールディングス owns デモ伊予システムズ, where the appointed CIO補佐官 works, and its
 * sister デモ道後ソリューションズ, so a bid by the sister is restricted through the group.
 */
export const COMPANY = {
  setouchiHd: '3700000000001',
  iyoSystems: '2700000000002',
  dogoSolutions: '1700000000003',
  ishizuchiData: '9700000000004',
  shikokuCloud: '8700000000005',
  nankaiTech: '7700000000006',
  shimanamiDesign: '6700000000007',
  tosaNetworks: '5700000000008',
  shinshuAnalytics: '4700000000009',
  botchanConsulting: '2700000000010',
  tokyoDigitalLab: '1700000000011',
  zenkokuSystems: '9700000000012',
} as const

export const COMPANIES: ReadonlyArray<{ corporateNumber: string; name: string; kana: string }> = [
  { corporateNumber: COMPANY.setouchiHd, name: 'デモ瀬戸内ホールディングス株式会社', kana: 'デモセトウチホールディングス' },
  { corporateNumber: COMPANY.iyoSystems, name: 'デモ伊予システムズ株式会社', kana: 'デモイヨシステムズ' },
  { corporateNumber: COMPANY.dogoSolutions, name: 'デモ道後ソリューションズ株式会社', kana: 'デモドウゴソリューションズ' },
  { corporateNumber: COMPANY.ishizuchiData, name: 'デモ石鎚データ株式会社', kana: 'デモイシヅチデータ' },
  { corporateNumber: COMPANY.shikokuCloud, name: 'デモ四国クラウド株式会社', kana: 'デモシコククラウド' },
  { corporateNumber: COMPANY.nankaiTech, name: 'デモ南海テック株式会社', kana: 'デモナンカイテック' },
  { corporateNumber: COMPANY.shimanamiDesign, name: 'デモしまなみデザイン株式会社', kana: 'デモシマナミデザイン' },
  { corporateNumber: COMPANY.tosaNetworks, name: 'デモ土佐ネットワークス株式会社', kana: 'デモトサネットワークス' },
  { corporateNumber: COMPANY.shinshuAnalytics, name: 'デモ信州アナリティクス株式会社', kana: 'デモシンシュウアナリティクス' },
  { corporateNumber: COMPANY.botchanConsulting, name: 'デモ坊っちゃんコンサルティング合同会社', kana: 'デモボッチャンコンサルティング' },
  { corporateNumber: COMPANY.tokyoDigitalLab, name: 'デモ東京デジタル総研株式会社', kana: 'デモトウキョウデジタルソウケン' },
  { corporateNumber: COMPANY.zenkokuSystems, name: 'デモ全国自治体システム株式会社', kana: 'デモゼンコクジチタイシステム' },
]

/** 親子 links (parent first) and one 関連 link, dated from when they hold. */
export const LINKS: ReadonlyArray<{ kind: 'parent_subsidiary' | 'related'; from: string; to: string; startsOn: string }> = [
  { kind: 'parent_subsidiary', from: COMPANY.setouchiHd, to: COMPANY.iyoSystems, startsOn: '2012-04-01' },
  { kind: 'parent_subsidiary', from: COMPANY.setouchiHd, to: COMPANY.dogoSolutions, startsOn: '2016-10-01' },
  { kind: 'parent_subsidiary', from: COMPANY.nankaiTech, to: COMPANY.shikokuCloud, startsOn: '2019-04-01' },
  { kind: 'related', from: COMPANY.iyoSystems, to: COMPANY.botchanConsulting, startsOn: '2020-07-01' },
]
