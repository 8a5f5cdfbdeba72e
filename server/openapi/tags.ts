/** The document's tags with their descriptions, grouped by the server module that answers them (`x-tagGroups`). */
export interface TagGroup {
  name: string
  tags: Array<{ name: string; description: string }>
}

export const TAG_GROUPS: TagGroup[] = [
  { name: '運用', tags: [{ name: '運用', description: '稼働確認。データベースに接続できるときだけ 200 を返します。' }] },
  {
    name: '参照データ',
    tags: [
      { name: '地方公共団体', description: '全国地方公共団体コード（検査数字つき6桁）による都道府県・市区町村の一覧と詳細。' },
      { name: 'スキル標準', description: '外部人材スキル標準の4つの人材像、IPA の UISS 人材像・ITSS 職種と資格（情報処理技術者試験ほか）。' },
      { name: '法人', description: '法人番号（13桁、検査数字つき）で識別する法人とグループ関係。入札制限の判定に使います。' },
    ],
  },
  {
    name: 'アカウントと記録',
    tags: [
      { name: 'アカウント', description: '登録・ログイン・パスワード再設定・職員アカウントの作成（国 → 都道府県 → 市区町村）。' },
      { name: '監査ログ', description: 'すべての変更の記録（追記のみ）。国の担当者が閲覧します。' },
      { name: 'メール', description: '送信待ち・送信済みのメール（SMTP 未設定のときはここに残ります）。' },
    ],
  },
  {
    name: '募集',
    tags: [
      { name: '職員向け 募集', description: '標準募集様式による募集の作成・提出・送付・公開・終了と Excel の入出力（市区町村 → 都道府県 → 国）。' },
      { name: '募集（公開）', description: '公開中の募集の全国検索・詳細・PDF、更新情報のメール配信登録。ログイン不要です。' },
    ],
  },
  {
    name: 'オープンデータ',
    tags: [
      {
        name: 'オープンデータ',
        description:
          '公開された募集（募集終了を含む）の一括データ（JSON・CSV）。登録・キー不要、公共データ利用規約（CC BY 4.0 互換）。差分取得と条件付きリクエストに対応します。',
      },
    ],
  },
  {
    name: '人材と応募',
    tags: [
      { name: '外部デジタル人材', description: 'スキルプロフィール（職種レベル・資格・経験・職歴）、同意、本人データの出力と削除、職員によるレベル確認。' },
      {
        name: '総務省 外部人材リスト',
        description:
          '総務省が選定・研修した外部人材の記録（人材像・研修の修了・選定年度）。国の担当者が記録・訂正し、自治体には確認済みの表示として示されます。',
      },
      { name: '応募・任用', description: '応募から選考・任用までの手続と任用の記録。' },
      {
        name: '任用後（更新・評価）',
        description:
          '任期の更新と途中終了（任用形態の上限を確認）、任期満了90・60・30日前のお知らせ、任期末・随時の評価と本人の振り返り、都道府県による管内の集計。',
      },
      { name: 'メッセージ', description: '応募ごとの応募者と市区町村の担当者のやり取り（PDF 添付、未読数）。' },
      { name: '面接', description: '面接の日程調整（職員が候補日時を示し、応募者が選ぶ）と予定表ファイル（iCalendar）。' },
      {
        name: '保存した検索条件',
        description: '外部デジタル人材が保存した全国の募集検索の条件。合う募集が新しく公開されると、1件につき1回メールで知らせます。',
      },
      { name: 'マッチング', description: '募集の条件と人材のスキルの照合（必須条件による絞り込みと得点、その根拠）。' },
    ],
  },
  {
    name: '入札制限',
    tags: [{ name: '入札制限', description: '調達・契約、任用に付ける入札制限の規定、入札可否の判定、適用除外の申請と承認、誓約書。' }],
  },
  {
    name: '人材シェアリング',
    tags: [
      { name: '人材シェアリング（人材バンク）', description: '都道府県の人材バンク（プール）への登録と、市区町村からの接触依頼。' },
      { name: '人材シェアリング（共有・共同任用）', description: '複数団体での共有・共同任用と稼働の上限。' },
      { name: '人材シェアリング（派遣）', description: '都道府県による専門家派遣のメニュー・依頼・実施。' },
      { name: '人材シェアリング（都道府県ダッシュボード）', description: '都道府県内の外部デジタル人材の確保状況（Excel 出力つき）。' },
    ],
  },
]
