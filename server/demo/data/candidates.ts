/**
 * The demo's 外部デジタル人材: 32 fictional people (names marked デモ in their introduction) with IPA exams old and
 * new (one 情報処理安全確保支援士 registration), experience, employment at the demo companies, availability and
 * consent choices. Every value is fixed, so every start builds the same world.
 */
import type { z } from 'zod'
import type { EmploymentRelationship, ExamSeason, PoolField, RemotePreference } from '#shared/contracts/candidates'
import type { AppointmentForm } from '#shared/domain/postings/form'
import type { ExperienceKind, RoleId } from '#shared/domain/skill-standard/schema'
import { COMPANY } from './companies.ts'

export interface DemoExam {
  examId: string
  fiscalYear: number
  season: z.infer<typeof ExamSeason>
  registration?: { number: string; isCurrent: boolean }
}

export interface DemoExperience {
  organisation: string
  title: string
  kind: ExperienceKind
  startsOn: string
  endsOn: string | null
  jobTypeIds: string[]
  outcomes: string
  teamSize?: number
}

export interface DemoEmployment {
  corporateNumber: string
  relationship: EmploymentRelationship
  title: string
  startsOn: string
  endsOn: string | null
}

export interface DemoCandidate {
  email: string
  fullName: string
  fullNameKana: string
  prefectureCode: string
  headline: string
  desiredRoles: RoleId[]
  desiredForms: AppointmentForm[]
  availability: { days: number; per: 'week' | 'month'; remote: RemotePreference; sideJob: boolean }
  /** Where they will work: 都道府県 or 団体 codes; empty = anywhere. */
  regions: string[]
  /** 'national' and/or a prefecture's talent pool, with the fields shown there. */
  consent: Array<{ pool: string; fields: PoolField[] }>
  exams: DemoExam[]
  otherCertifications?: Array<{ certificationId: string; acquiredYear: number }>
  experiences: DemoExperience[]
  employments: DemoEmployment[]
}

const ALL_FIELDS: PoolField[] = ['headline', 'roles', 'levels', 'certifications', 'availability']
const NATIONAL = { pool: 'national', fields: ALL_FIELDS }
const EHIME_POOL = { pool: '38', fields: ALL_FIELDS }
const pm = (organisation: string, title: string, startsOn: string, endsOn: string | null, outcomes: string, teamSize = 12): DemoExperience => ({
  organisation, title, kind: 'project_management', startsOn, endsOn, jobTypeIds: ['uiss.project_manager', 'itss.project_management'], outcomes, teamSize,
})
const strategy = (organisation: string, title: string, startsOn: string, endsOn: string | null, outcomes: string): DemoExperience => ({
  organisation, title, kind: 'digital_strategy_lead', startsOn, endsOn, jobTypeIds: ['uiss.business_strategist', 'itss.consultant'], outcomes,
})
const manager = (organisation: string, title: string, startsOn: string, endsOn: string | null, outcomes: string): DemoExperience => ({
  organisation, title, kind: 'digital_department_manager', startsOn, endsOn, jobTypeIds: ['uiss.is_strategist'], outcomes,
})
const engineering = (organisation: string, title: string, startsOn: string, endsOn: string | null, outcomes: string): DemoExperience => ({
  organisation, title, kind: 'engineering', startsOn, endsOn, jobTypeIds: ['itss.it_specialist', 'itss.application_specialist'], outcomes,
})
const design = (organisation: string, title: string, startsOn: string, endsOn: string | null, outcomes: string): DemoExperience => ({
  organisation, title, kind: 'service_design', startsOn, endsOn, jobTypeIds: ['uiss.application_designer'], outcomes,
})
const localGov = (organisation: string, title: string, startsOn: string, endsOn: string | null, outcomes: string): DemoExperience => ({
  organisation, title, kind: 'local_government', startsOn, endsOn, jobTypeIds: [], outcomes,
})
const job = (corporateNumber: string, title: string, startsOn: string, endsOn: string | null = null, relationship: EmploymentRelationship = 'employee'): DemoEmployment => ({
  corporateNumber, relationship, title, startsOn, endsOn,
})

export const CANDIDATES: readonly DemoCandidate[] = [
  {
    email: 'yamada.hanako@example.jp', fullName: '山田 花子', fullNameKana: 'やまだ はなこ', prefectureCode: '38',
    headline: '【デモ】自治体の標準化を3団体で経験したPM。愛媛在住、週3日まで', desiredRoles: ['project_manager'], desiredForms: ['tokubetsushoku_hijokin', 'kaikei_nendo'],
    availability: { days: 3, per: 'week', remote: 'hybrid', sideJob: true }, regions: ['38'], consent: [NATIONAL, EHIME_POOL],
    exams: [{ examId: 'PM', fiscalYear: 2018, season: 'autumn' }, { examId: 'AP', fiscalYear: 2012, season: 'spring' }],
    experiences: [
      pm('デモ四国クラウド株式会社', '自治体向け基幹系システム移行PM', '2016-04-01', '2023-03-31', '3市町の住民記録システム移行を計画どおり完了'),
      localGov('デモ四国クラウド株式会社（受託）', '県内市町の標準化支援', '2021-04-01', '2023-03-31', '県と市町の共同調達の調整'),
    ],
    employments: [job(COMPANY.shikokuCloud, 'プロジェクトマネージャー', '2014-04-01', '2023-03-31'), job(COMPANY.botchanConsulting, '業務委託', '2023-04-01', null, 'side_job')],
  },
  {
    email: 'sato.ken@example.jp', fullName: '佐藤 健', fullNameKana: 'さとう けん', prefectureCode: '13',
    headline: '【デモ】企業のCIO室で全社DXを推進。地方の小さな町の伴走に関心', desiredRoles: ['producer'], desiredForms: ['tokubetsushoku_hijokin'],
    availability: { days: 4, per: 'month', remote: 'remote', sideJob: true }, regions: [], consent: [NATIONAL],
    exams: [{ examId: 'ST', fiscalYear: 2015, season: 'autumn' }, { examId: 'legacy.system_analyst', fiscalYear: 2006, season: 'autumn' }],
    experiences: [
      strategy('デモ東京デジタル総研株式会社', 'CIO室長', '2017-04-01', null, '全社のDX戦略と投資計画を策定、年間30億円規模の投資を管理'),
      manager('デモ東京デジタル総研株式会社', '情報システム部長', '2011-04-01', '2017-03-31', '基幹システム刷新と情報セキュリティ体制の整備'),
    ],
    employments: [job(COMPANY.tokyoDigitalLab, 'CIO室長', '2005-04-01')],
  },
  {
    email: 'suzuki.misaki@example.jp', fullName: '鈴木 美咲', fullNameKana: 'すずき みさき', prefectureCode: '38',
    headline: '【デモ】窓口と申請の体験設計が専門のサービスデザイナー', desiredRoles: ['service_designer'], desiredForms: ['gyomu_itaku', 'kaikei_nendo'],
    availability: { days: 8, per: 'month', remote: 'hybrid', sideJob: true }, regions: ['38', '37'], consent: [NATIONAL, EHIME_POOL],
    exams: [{ examId: 'FE', fiscalYear: 2014, season: 'autumn' }], otherCertifications: [{ certificationId: 'hcd_net.specialist', acquiredYear: 2019 }],
    experiences: [
      design('デモしまなみデザイン株式会社', 'サービスデザイナー', '2016-04-01', null, '自治体の申請フォーム20件を改善、入力時間を平均4割短縮'),
      { organisation: 'デモしまなみデザイン株式会社', title: '業務改革支援', kind: 'business_reform', startsOn: '2019-04-01', endsOn: null, jobTypeIds: [], outcomes: '窓口業務の業務量調査と改善案の作成' },
    ],
    employments: [job(COMPANY.shimanamiDesign, 'シニアデザイナー', '2016-04-01')],
  },
  {
    email: 'takahashi.makoto@example.jp', fullName: '高橋 誠', fullNameKana: 'たかはし まこと', prefectureCode: '38',
    headline: '【デモ】松山市 CIO補佐官（任用中）。地場SIerで20年', desiredRoles: ['producer', 'project_manager'], desiredForms: ['tokubetsushoku_hijokin'],
    availability: { days: 2, per: 'week', remote: 'hybrid', sideJob: true }, regions: ['38'], consent: [],
    exams: [{ examId: 'ST', fiscalYear: 2012, season: 'autumn' }, { examId: 'PM', fiscalYear: 2009, season: 'autumn' }, { examId: 'legacy.first_class', fiscalYear: 1998, season: 'autumn' }],
    experiences: [
      strategy('デモ伊予システムズ株式会社', 'DX推進室長', '2018-04-01', null, '県内自治体向けDX支援サービスの立ち上げ'),
      pm('デモ伊予システムズ株式会社', '自治体システム開発PM', '2006-04-01', '2018-03-31', '市町村の税・福祉システムの開発と導入', 20),
      localGov('デモ伊予システムズ株式会社（受託）', '県内市町の情報化計画策定支援', '2012-04-01', '2018-03-31', '5市町の情報化計画策定を支援'),
    ],
    employments: [job(COMPANY.iyoSystems, 'DX推進室長', '2004-04-01')],
  },
  {
    email: 'ito.yusuke@example.jp', fullName: '伊藤 雄介', fullNameKana: 'いとう ゆうすけ', prefectureCode: '38',
    headline: '【デモ】標準化の移行計画と課題管理が得意。今治在住', desiredRoles: ['project_manager'], desiredForms: ['kaikei_nendo', 'tokubetsushoku_hijokin'],
    availability: { days: 3, per: 'week', remote: 'hybrid', sideJob: true }, regions: ['38'], consent: [NATIONAL, EHIME_POOL],
    exams: [{ examId: 'PM', fiscalYear: 2016, season: 'autumn' }],
    experiences: [pm('デモ道後ソリューションズ株式会社', '移行プロジェクトPM', '2015-04-01', null, '基幹系システムのクラウド移行を4件担当')],
    employments: [job(COMPANY.dogoSolutions, 'マネージャー', '2012-04-01')],
  },
  {
    email: 'watanabe.akiko@example.jp', fullName: '渡辺 明子', fullNameKana: 'わたなべ あきこ', prefectureCode: '27',
    headline: '【デモ】PMP保有。金融系の大規模プロジェクトから自治体へ', desiredRoles: ['project_manager'], desiredForms: ['tokubetsushoku_hijokin'],
    availability: { days: 2, per: 'week', remote: 'remote', sideJob: true }, regions: [], consent: [NATIONAL],
    exams: [{ examId: 'PM', fiscalYear: 2013, season: 'autumn' }, { examId: 'AP', fiscalYear: 2009, season: 'autumn' }], otherCertifications: [{ certificationId: 'pmp', acquiredYear: 2015 }],
    experiences: [pm('デモ全国自治体システム株式会社', 'PMO責任者', '2012-04-01', null, '全国50団体への共同利用システム導入を統括', 40)],
    employments: [job(COMPANY.zenkokuSystems, 'PMO責任者', '2008-04-01')],
  },
  {
    email: 'nakamura.shota@example.jp', fullName: '中村 翔太', fullNameKana: 'なかむら しょうた', prefectureCode: '38',
    headline: '【デモ】旧プロジェクトマネージャ試験合格。病院システムの更改を多数', desiredRoles: ['project_manager'], desiredForms: ['kaikei_nendo'],
    availability: { days: 2, per: 'week', remote: 'hybrid', sideJob: true }, regions: ['38', '39'], consent: [NATIONAL],
    exams: [{ examId: 'legacy.project_manager', fiscalYear: 2007, season: 'autumn' }],
    experiences: [pm('デモ石鎚データ株式会社', 'PM', '2008-04-01', null, '公立病院の電子カルテ更改を3件完了')],
    employments: [job(COMPANY.ishizuchiData, 'シニアPM', '2003-04-01')],
  },
  {
    email: 'kobayashi.yui@example.jp', fullName: '小林 結衣', fullNameKana: 'こばやし ゆい', prefectureCode: '38',
    headline: '【デモ】元市役所職員。窓口改革とPMの両方を経験', desiredRoles: ['project_manager', 'service_designer'], desiredForms: ['kaikei_nendo', 'gyomu_itaku'],
    availability: { days: 3, per: 'week', remote: 'onsite', sideJob: false }, regions: ['382019', '382027'], consent: [NATIONAL, EHIME_POOL],
    exams: [{ examId: 'PM', fiscalYear: 2020, season: 'autumn' }, { examId: 'SG', fiscalYear: 2017, season: 'spring' }],
    experiences: [
      localGov('愛媛県内の市役所', '市民課 主任', '2008-04-01', '2019-03-31', '窓口の番号案内と手続のワンストップ化を担当'),
      pm('デモ坊っちゃんコンサルティング合同会社', '自治体DXコンサルタント', '2019-04-01', null, '3市町のオンライン申請導入を支援'),
    ],
    employments: [job(COMPANY.botchanConsulting, 'コンサルタント', '2019-04-01')],
  },
  {
    email: 'kato.daiki@example.jp', fullName: '加藤 大輝', fullNameKana: 'かとう だいき', prefectureCode: '37',
    headline: '【デモ】プログラムマネジメント経験15年。複数ベンダーの統括', desiredRoles: ['project_manager', 'producer'], desiredForms: ['tokubetsushoku_hijokin'],
    availability: { days: 2, per: 'week', remote: 'remote', sideJob: true }, regions: [], consent: [NATIONAL],
    exams: [{ examId: 'PM', fiscalYear: 2011, season: 'autumn' }, { examId: 'ST', fiscalYear: 2014, season: 'autumn' }],
    experiences: [
      pm('デモ南海テック株式会社', 'プログラムマネージャー', '2010-04-01', null, '県域ネットワーク更改プログラムを統括', 60),
      strategy('デモ南海テック株式会社', '事業戦略室', '2019-04-01', null, '公共事業のDX戦略を策定'),
    ],
    employments: [job(COMPANY.nankaiTech, '執行役員', '2007-04-01', null, 'officer')],
  },
  {
    email: 'yoshida.mai@example.jp', fullName: '吉田 麻衣', fullNameKana: 'よしだ まい', prefectureCode: '38',
    headline: '【デモ】情報処理安全確保支援士（登録）。自治体のセキュリティ監査', desiredRoles: ['engineer', 'producer'], desiredForms: ['kaikei_nendo', 'gyomu_itaku'],
    availability: { days: 2, per: 'week', remote: 'hybrid', sideJob: true }, regions: ['38'], consent: [NATIONAL, EHIME_POOL],
    exams: [{ examId: 'SC', fiscalYear: 2018, season: 'spring', registration: { number: '012345', isCurrent: true } }, { examId: 'AU', fiscalYear: 2021, season: 'spring' }, { examId: 'legacy.technical_engineer_security', fiscalYear: 2007, season: 'autumn' }],
    experiences: [
      { organisation: 'デモ石鎚データ株式会社', title: 'セキュリティコンサルタント', kind: 'security', startsOn: '2012-04-01', endsOn: null, jobTypeIds: ['itss.it_specialist'], outcomes: '自治体の情報セキュリティ監査を年10件' },
      engineering('デモ石鎚データ株式会社', 'ネットワークエンジニア', '2006-04-01', '2012-03-31', '庁内ネットワークの設計・構築'),
    ],
    employments: [job(COMPANY.ishizuchiData, 'セキュリティ部長', '2006-04-01')],
  },
  {
    email: 'yamamoto.ryo@example.jp', fullName: '山本 亮', fullNameKana: 'やまもと りょう', prefectureCode: '39',
    headline: '【デモ】クラウド基盤の設計・運用。高知市内在住', desiredRoles: ['engineer'], desiredForms: ['tokutei_ninkitsuki', 'kaikei_nendo'],
    availability: { days: 5, per: 'week', remote: 'onsite', sideJob: false }, regions: ['39'], consent: [NATIONAL],
    exams: [{ examId: 'AP', fiscalYear: 2015, season: 'spring' }, { examId: 'NW', fiscalYear: 2017, season: 'autumn' }],
    experiences: [engineering('デモ土佐ネットワークス株式会社', 'クラウドエンジニア', '2013-04-01', null, '自治体システムのクラウド移行を6件、運用自動化')],
    employments: [job(COMPANY.tosaNetworks, 'リードエンジニア', '2013-04-01')],
  },
  {
    email: 'matsumoto.kana@example.jp', fullName: '松本 佳奈', fullNameKana: 'まつもと かな', prefectureCode: '20',
    headline: '【デモ】データ分析と市民向けアプリの改善', desiredRoles: ['service_designer', 'engineer'], desiredForms: ['chiiki_kasseika_kigyojin', 'gyomu_itaku'],
    availability: { days: 4, per: 'week', remote: 'hybrid', sideJob: false }, regions: ['20'], consent: [NATIONAL],
    exams: [{ examId: 'AP', fiscalYear: 2019, season: 'autumn' }, { examId: 'DB', fiscalYear: 2021, season: 'autumn' }],
    experiences: [
      design('デモ信州アナリティクス株式会社', 'UXリサーチャー', '2017-04-01', null, '子育てアプリの利用者調査と改善で継続率を向上'),
      engineering('デモ信州アナリティクス株式会社', 'データエンジニア', '2014-04-01', '2017-03-31', '行政データの分析基盤構築'),
    ],
    employments: [job(COMPANY.shinshuAnalytics, 'UXリサーチャー', '2014-04-01')],
  },
  {
    email: 'inoue.takumi@example.jp', fullName: '井上 拓海', fullNameKana: 'いのうえ たくみ', prefectureCode: '38',
    headline: '【デモ】RPA・ローコードで業務アプリを内製化支援', desiredRoles: ['engineer'], desiredForms: ['kaikei_nendo'],
    availability: { days: 2, per: 'week', remote: 'remote', sideJob: true }, regions: [], consent: [NATIONAL, EHIME_POOL],
    exams: [{ examId: 'FE', fiscalYear: 2016, season: 'spring' }, { examId: 'AP', fiscalYear: 2018, season: 'autumn' }],
    experiences: [engineering('デモ道後ソリューションズ株式会社', 'ローコード開発', '2016-04-01', null, '職員向けローコード研修を20回、業務アプリ40本')],
    employments: [job(COMPANY.dogoSolutions, 'エンジニア', '2016-04-01')],
  },
  {
    email: 'kimura.sakura@example.jp', fullName: '木村 さくら', fullNameKana: 'きむら さくら', prefectureCode: '14',
    headline: '【デモ】デザインリサーチとアクセシビリティ', desiredRoles: ['service_designer'], desiredForms: ['gyomu_itaku'],
    availability: { days: 6, per: 'month', remote: 'remote', sideJob: true }, regions: [], consent: [NATIONAL],
    exams: [], otherCertifications: [{ certificationId: 'hcd_net.professional', acquiredYear: 2021 }],
    experiences: [design('デモ東京デジタル総研株式会社', 'デザインリサーチャー', '2015-04-01', null, '行政サービスのアクセシビリティ評価と改善')],
    employments: [job(COMPANY.tokyoDigitalLab, 'デザイナー', '2015-04-01')],
  },
  {
    email: 'hayashi.kenji@example.jp', fullName: '林 健二', fullNameKana: 'はやし けんじ', prefectureCode: '38',
    headline: '【デモ】旧システムアナリスト。県庁の情報化計画に10年', desiredRoles: ['producer'], desiredForms: ['tokubetsushoku_hijokin'],
    availability: { days: 4, per: 'month', remote: 'hybrid', sideJob: true }, regions: ['38'], consent: [NATIONAL, EHIME_POOL],
    exams: [{ examId: 'legacy.system_analyst', fiscalYear: 2003, season: 'autumn' }, { examId: 'legacy.second_class', fiscalYear: 1992, season: 'spring' }],
    experiences: [
      strategy('デモ瀬戸内ホールディングス株式会社', '情報戦略担当役員', '2015-04-01', '2024-03-31', 'グループ全体のIT戦略を統括'),
      localGov('愛媛県内の町役場（受託）', '情報化計画策定', '2010-04-01', '2015-03-31', '町の情報化計画と調達仕様の作成を支援'),
    ],
    employments: [job(COMPANY.setouchiHd, '情報戦略担当役員', '2000-04-01', '2024-03-31', 'officer')],
  },
  {
    email: 'shimizu.aya@example.jp', fullName: '清水 彩', fullNameKana: 'しみず あや', prefectureCode: '38',
    headline: '【デモ】ITサービスマネジメントと運用改善', desiredRoles: ['engineer', 'project_manager'], desiredForms: ['kaikei_nendo'],
    availability: { days: 2, per: 'week', remote: 'hybrid', sideJob: true }, regions: ['38'], consent: [NATIONAL],
    exams: [{ examId: 'SM', fiscalYear: 2019, season: 'autumn' }, { examId: 'AP', fiscalYear: 2016, season: 'spring' }],
    experiences: [engineering('デモ伊予システムズ株式会社', '運用保守リーダー', '2012-04-01', '2022-03-31', '自治体システムの運用保守と障害対応の標準化')],
    employments: [job(COMPANY.iyoSystems, '運用保守リーダー', '2012-04-01', '2022-03-31'), job(COMPANY.shikokuCloud, 'サービスマネージャー', '2022-04-01')],
  },
  {
    email: 'yamaguchi.sho@example.jp', fullName: '山口 翔', fullNameKana: 'やまぐち しょう', prefectureCode: '39',
    headline: '【デモ】地域の中小企業DXと自治体の橋渡し', desiredRoles: ['producer'], desiredForms: ['tokubetsushoku_hijokin', 'chiiki_kasseika_kigyojin'],
    availability: { days: 2, per: 'month', remote: 'hybrid', sideJob: true }, regions: ['39'], consent: [NATIONAL],
    exams: [{ examId: 'ST', fiscalYear: 2019, season: 'autumn' }], otherCertifications: [{ certificationId: 'it_coordinator', acquiredYear: 2016 }],
    experiences: [strategy('デモ土佐ネットワークス株式会社', '経営企画部長', '2016-04-01', null, '地域企業のDX支援事業を立ち上げ')],
    employments: [job(COMPANY.tosaNetworks, '経営企画部長', '2010-04-01')],
  },
  {
    email: 'mori.haruka@example.jp', fullName: '森 遥', fullNameKana: 'もり はるか', prefectureCode: '38',
    headline: '【デモ】子育て中。月4日、オンライン中心で行政手続の改善を', desiredRoles: ['service_designer'], desiredForms: ['gyomu_itaku'],
    availability: { days: 4, per: 'month', remote: 'remote', sideJob: true }, regions: [], consent: [NATIONAL, EHIME_POOL],
    exams: [{ examId: 'IP', fiscalYear: 2020, season: 'other' }],
    experiences: [design('デモしまなみデザイン株式会社', 'UIデザイナー', '2013-04-01', '2021-03-31', '自治体サイトのリニューアル10件')],
    employments: [job(COMPANY.shimanamiDesign, 'UIデザイナー', '2013-04-01', '2021-03-31')],
  },
  {
    email: 'abe.tsubasa@example.jp', fullName: '阿部 翼', fullNameKana: 'あべ つばさ', prefectureCode: '38',
    headline: '【デモ】ネットワークとガバメントクラウド接続', desiredRoles: ['engineer'], desiredForms: ['kaikei_nendo', 'gyomu_itaku'],
    availability: { days: 1, per: 'week', remote: 'hybrid', sideJob: true }, regions: ['38'], consent: [NATIONAL, EHIME_POOL],
    exams: [{ examId: 'NW', fiscalYear: 2015, season: 'autumn' }, { examId: 'legacy.technical_engineer_network', fiscalYear: 2007, season: 'autumn' }],
    experiences: [engineering('デモ四国クラウド株式会社', 'ネットワークエンジニア', '2005-04-01', null, 'LGWAN接続とガバメントクラウド接続の設計')],
    employments: [job(COMPANY.shikokuCloud, 'ネットワークエンジニア', '2005-04-01')],
  },
  {
    email: 'ikeda.nao@example.jp', fullName: '池田 奈央', fullNameKana: 'いけだ なお', prefectureCode: '20',
    headline: '【デモ】自治体の業務改革（BPR）とデータ活用', desiredRoles: ['service_designer', 'project_manager'], desiredForms: ['chiiki_kasseika_kigyojin'],
    availability: { days: 4, per: 'week', remote: 'onsite', sideJob: false }, regions: ['20'], consent: [NATIONAL],
    exams: [{ examId: 'AP', fiscalYear: 2017, season: 'spring' }],
    experiences: [{ organisation: 'デモ信州アナリティクス株式会社', title: 'BPRコンサルタント', kind: 'business_reform', startsOn: '2015-04-01', endsOn: null, jobTypeIds: [], outcomes: '県内5市の業務量調査とBPR' }],
    employments: [job(COMPANY.shinshuAnalytics, 'コンサルタント', '2015-04-01')],
  },
  {
    email: 'hashimoto.gou@example.jp', fullName: '橋本 剛', fullNameKana: 'はしもと ごう', prefectureCode: '38',
    headline: '【デモ】データベースと基幹システムの移行', desiredRoles: ['engineer'], desiredForms: ['kaikei_nendo'],
    availability: { days: 3, per: 'week', remote: 'hybrid', sideJob: true }, regions: ['38'], consent: [NATIONAL],
    exams: [{ examId: 'DB', fiscalYear: 2014, season: 'autumn' }, { examId: 'legacy.technical_engineer_database', fiscalYear: 2006, season: 'spring' }],
    experiences: [engineering('デモ伊予システムズ株式会社', 'データ移行リーダー', '2004-04-01', null, '住民記録データの移行を8団体で実施')],
    employments: [job(COMPANY.iyoSystems, 'データ移行リーダー', '2004-04-01')],
  },
  {
    email: 'ishikawa.rin@example.jp', fullName: '石川 凛', fullNameKana: 'いしかわ りん', prefectureCode: '38',
    headline: '【デモ】若手エンジニア。まずは週1日から', desiredRoles: ['engineer'], desiredForms: ['kaikei_nendo'],
    availability: { days: 1, per: 'week', remote: 'remote', sideJob: true }, regions: [], consent: [NATIONAL],
    exams: [{ examId: 'FE', fiscalYear: 2022, season: 'other' }],
    experiences: [engineering('デモ道後ソリューションズ株式会社', 'アプリケーションエンジニア', '2021-04-01', null, '申請受付システムの開発')],
    employments: [job(COMPANY.dogoSolutions, 'エンジニア', '2021-04-01')],
  },
  {
    email: 'maeda.kazuki@example.jp', fullName: '前田 和樹', fullNameKana: 'まえだ かずき', prefectureCode: '38',
    headline: '【デモ】旧上級シスアド。企業の情報システム部門長を15年', desiredRoles: ['producer'], desiredForms: ['tokubetsushoku_hijokin'],
    availability: { days: 1, per: 'week', remote: 'hybrid', sideJob: true }, regions: ['38'], consent: [NATIONAL, EHIME_POOL],
    exams: [{ examId: 'legacy.senior_systems_administrator', fiscalYear: 2004, season: 'autumn' }, { examId: 'ST', fiscalYear: 2010, season: 'autumn' }],
    experiences: [manager('デモ瀬戸内ホールディングス株式会社', '情報システム部長', '2008-04-01', '2023-03-31', 'グループ10社の情報システムを統合')],
    employments: [job(COMPANY.setouchiHd, '情報システム部長', '1998-04-01', '2023-03-31')],
  },
  {
    email: 'fujita.emi@example.jp', fullName: '藤田 恵美', fullNameKana: 'ふじた えみ', prefectureCode: '39',
    headline: '【デモ】システム監査と内部統制', desiredRoles: ['producer', 'engineer'], desiredForms: ['gyomu_itaku'],
    availability: { days: 2, per: 'month', remote: 'remote', sideJob: true }, regions: [], consent: [NATIONAL],
    exams: [{ examId: 'AU', fiscalYear: 2016, season: 'spring' }, { examId: 'legacy.systems_auditor', fiscalYear: 2005, season: 'spring' }], otherCertifications: [{ certificationId: 'cisa', acquiredYear: 2012 }],
    experiences: [{ organisation: 'デモ南海テック株式会社', title: 'システム監査人', kind: 'security', startsOn: '2008-04-01', endsOn: null, jobTypeIds: ['uiss.is_auditor'], outcomes: '自治体・公社のシステム監査を多数' }],
    employments: [job(COMPANY.nankaiTech, '監査室長', '2008-04-01')],
  },
  {
    email: 'okada.shun@example.jp', fullName: '岡田 駿', fullNameKana: 'おかだ しゅん', prefectureCode: '38',
    headline: '【デモ】PM歴8年。医療・福祉系システム', desiredRoles: ['project_manager'], desiredForms: ['kaikei_nendo'],
    availability: { days: 2, per: 'week', remote: 'hybrid', sideJob: true }, regions: ['38'], consent: [NATIONAL],
    exams: [{ examId: 'PM', fiscalYear: 2021, season: 'autumn' }],
    experiences: [pm('デモ石鎚データ株式会社', 'PM', '2016-04-01', null, '介護保険システムの更改を2件')],
    employments: [job(COMPANY.ishizuchiData, 'PM', '2014-04-01')],
  },
  {
    email: 'goto.mio@example.jp', fullName: '後藤 美緒', fullNameKana: 'ごとう みお', prefectureCode: '40',
    headline: '【デモ】スマートシティとオープンデータ', desiredRoles: ['producer', 'service_designer'], desiredForms: ['chiiki_kasseika_kigyojin'],
    availability: { days: 4, per: 'week', remote: 'onsite', sideJob: false }, regions: ['20', '39'], consent: [NATIONAL],
    exams: [{ examId: 'ST', fiscalYear: 2022, season: 'autumn' }],
    experiences: [strategy('デモ全国自治体システム株式会社', 'スマートシティ推進', '2018-04-01', null, '3市のオープンデータ基盤を企画')],
    employments: [job(COMPANY.zenkokuSystems, 'マネージャー', '2016-04-01')],
  },
  {
    email: 'hasegawa.ren@example.jp', fullName: '長谷川 蓮', fullNameKana: 'はせがわ れん', prefectureCode: '38',
    headline: '【デモ】エンベデッドからIoTへ。地域の見守りサービス', desiredRoles: ['engineer'], desiredForms: ['gyomu_itaku'],
    availability: { days: 6, per: 'month', remote: 'hybrid', sideJob: true }, regions: ['38'], consent: [NATIONAL],
    exams: [{ examId: 'ES', fiscalYear: 2013, season: 'spring' }, { examId: 'legacy.software_development_engineer', fiscalYear: 2005, season: 'spring' }],
    experiences: [engineering('デモ南海テック株式会社', 'IoTエンジニア', '2012-04-01', null, '高齢者見守りセンサーの導入を5町で')],
    employments: [job(COMPANY.nankaiTech, 'エンジニア', '2012-04-01')],
  },
  {
    email: 'murakami.yoko@example.jp', fullName: '村上 陽子', fullNameKana: 'むらかみ ようこ', prefectureCode: '38',
    headline: '【デモ】元町役場の情報担当。小規模団体の実情に詳しい', desiredRoles: ['producer', 'project_manager'], desiredForms: ['kaikei_nendo', 'tokubetsushoku_hijokin'],
    availability: { days: 2, per: 'week', remote: 'onsite', sideJob: false }, regions: ['384224', '383864'], consent: [NATIONAL, EHIME_POOL],
    exams: [{ examId: 'AP', fiscalYear: 2011, season: 'spring' }, { examId: 'SG', fiscalYear: 2018, season: 'autumn' }],
    experiences: [localGov('愛媛県内の町役場', '総務課 情報担当', '2005-04-01', '2022-03-31', '町の基幹系システム更新と庁内LAN更改を担当')],
    employments: [],
  },
  {
    email: 'endo.tatsuya@example.jp', fullName: '遠藤 達也', fullNameKana: 'えんどう たつや', prefectureCode: '13',
    headline: '【デモ】ITアーキテクト。標準準拠システムの全体設計', desiredRoles: ['engineer', 'producer'], desiredForms: ['tokubetsushoku_hijokin'],
    availability: { days: 2, per: 'month', remote: 'remote', sideJob: true }, regions: [], consent: [NATIONAL],
    exams: [{ examId: 'SA', fiscalYear: 2012, season: 'autumn' }, { examId: 'legacy.application_engineer', fiscalYear: 2006, season: 'autumn' }],
    experiences: [{ organisation: 'デモ東京デジタル総研株式会社', title: 'ITアーキテクト', kind: 'engineering', startsOn: '2009-04-01', endsOn: null, jobTypeIds: ['itss.it_architect', 'uiss.is_architect'], outcomes: '自治体向け共通基盤のアーキテクチャ設計' }],
    employments: [job(COMPANY.tokyoDigitalLab, 'チーフアーキテクト', '2009-04-01')],
  },
  {
    email: 'aoki.sayaka@example.jp', fullName: '青木 さやか', fullNameKana: 'あおき さやか', prefectureCode: '38',
    headline: '【デモ】職員研修とデジタル人材育成', desiredRoles: ['producer'], desiredForms: ['gyomu_itaku'],
    availability: { days: 3, per: 'month', remote: 'hybrid', sideJob: true }, regions: ['38'], consent: [EHIME_POOL],
    exams: [{ examId: 'AP', fiscalYear: 2013, season: 'autumn' }],
    experiences: [{ organisation: 'デモ坊っちゃんコンサルティング合同会社', title: '研修講師', kind: 'business_reform', startsOn: '2017-04-01', endsOn: null, jobTypeIds: ['uiss.is_education'], outcomes: '自治体職員向けDX研修を年30回' }],
    employments: [job(COMPANY.botchanConsulting, '代表社員', '2017-04-01', null, 'owner')],
  },
  {
    email: 'sakamoto.yuta@example.jp', fullName: '坂本 裕太', fullNameKana: 'さかもと ゆうた', prefectureCode: '39',
    headline: '【デモ】防災・観光のデータ連携', desiredRoles: ['engineer'], desiredForms: ['kaikei_nendo'],
    availability: { days: 3, per: 'week', remote: 'hybrid', sideJob: true }, regions: ['39', '38'], consent: [NATIONAL],
    exams: [{ examId: 'AP', fiscalYear: 2020, season: 'autumn' }, { examId: 'SC', fiscalYear: 2023, season: 'spring' }],
    experiences: [engineering('デモ土佐ネットワークス株式会社', 'データ連携エンジニア', '2018-04-01', null, '防災情報の自動配信システムを構築')],
    employments: [job(COMPANY.tosaNetworks, 'エンジニア', '2018-04-01')],
  },
  {
    email: 'nishimura.aoi@example.jp', fullName: '西村 葵', fullNameKana: 'にしむら あおい', prefectureCode: '38',
    headline: '【デモ】PMとして標準化の第二陣を担当中', desiredRoles: ['project_manager'], desiredForms: ['kaikei_nendo', 'tokubetsushoku_hijokin'],
    availability: { days: 2, per: 'week', remote: 'remote', sideJob: true }, regions: [], consent: [NATIONAL, EHIME_POOL],
    exams: [{ examId: 'PM', fiscalYear: 2022, season: 'autumn' }, { examId: 'FE', fiscalYear: 2015, season: 'spring' }],
    experiences: [pm('デモ全国自治体システム株式会社', '標準化PM', '2019-04-01', null, '標準準拠システムへの移行を7団体で進行中')],
    employments: [job(COMPANY.zenkokuSystems, 'PM', '2015-04-01')],
  },
]
