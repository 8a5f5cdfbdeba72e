import type { StaffKey } from './accounts.ts'

type Mode = 'online' | 'on_site'

export interface DemoScheme {
  staff: StaffKey
  scheme: {
    name: string
    costBearer: 'prefecture'
    timesPerFiscalYear: number | null
    menusPerFiscalYear: number | null
    maxDaysPerRequest: number | null
    maxHoursPerRequest: number | null
    requesterKinds: Array<'municipality' | 'board_of_education' | 'chamber_of_commerce'>
    notes: string
  }
  menus: Array<{ title: string; description: string; provider: string | null; modes: Mode[] }>
  /** A contracted adviser (業務委託) who serves the prefecture and, on request, its municipalities. */
  adviser?: { displayName: string; availableDaysPerWeek: number; themes: string[] }
}

/**
 * The three prefectures' dispatch schemes as 事例集 p.26 describes them; in each the prefecture pays (県が負担する).
 * The people are made up (デモ).
 */
export const DISPATCH_SCHEMES: DemoScheme[] = [
  {
    // デジタルみやぎ推進アドバイザー: a private IT consultant contracted by the prefecture, 週4日, who also answers the
    // municipalities' requests whenever they ask (随時).
    staff: 'miyagi',
    scheme: {
      name: 'デジタルみやぎ推進アドバイザーの派遣',
      costBearer: 'prefecture',
      timesPerFiscalYear: null,
      menusPerFiscalYear: null,
      maxDaysPerRequest: null,
      maxHoursPerRequest: null,
      requesterKinds: ['municipality'],
      notes: '県が業務委託しているアドバイザーが、県の業務のほか、市町村の求めに応じて随時助言します。派遣費用は県が負担します。',
    },
    menus: [
      { title: '技術的相談に対する助言・支援', description: 'システム調達や運用の技術的な相談に助言します。', provider: null, modes: ['online', 'on_site'] },
      { title: 'セキュリティに関する研修', description: '職員向けの情報セキュリティ研修を行います。', provider: null, modes: ['on_site'] },
    ],
    adviser: { displayName: 'デモ デジタルみやぎ推進アドバイザー', availableDaysPerWeek: 4, themes: ['システム調達', '職員研修', '情報セキュリティ'] },
  },
  {
    // ICTアドバイザー市町村派遣事業: menus proposed by the member companies of ふくしまICT利活用推進協議会 and decided by
    // the prefecture; one menu per municipality.
    staff: 'fukushima',
    scheme: {
      name: 'ICTアドバイザー市町村派遣事業',
      costBearer: 'prefecture',
      timesPerFiscalYear: null,
      menusPerFiscalYear: 1,
      maxDaysPerRequest: null,
      maxHoursPerRequest: null,
      requesterKinds: ['municipality'],
      notes: '協議会の会員企業が提案し県が決定した支援メニューから、1市町村につき1つのメニューを選んで専門家の派遣を受けられます。',
    },
    menus: [
      { title: 'ICT・DX推進に向けた業務の見える化・課題分析', description: '業務を見える化し、課題を分析します。', provider: 'ふくしまICT利活用推進協議会 会員企業', modes: ['online', 'on_site'] },
      { title: 'AI・RPA導入', description: 'AI・RPAの導入を支援します。', provider: 'ふくしまICT利活用推進協議会 会員企業', modes: ['online', 'on_site'] },
      { title: 'オープンデータ推進', description: 'オープンデータの公開と活用を支援します。', provider: 'ふくしまICT利活用推進協議会 会員企業', modes: ['online'] },
    ],
  },
  {
    // 静岡県ICTエキスパート派遣事業: registered ICTエキスパート sent at the request of 市町, 教育委員会 and 商工会, up to five
    // times a year per requester.
    staff: 'shizuoka',
    scheme: {
      name: '静岡県ICTエキスパート派遣事業',
      costBearer: 'prefecture',
      timesPerFiscalYear: 5,
      menusPerFiscalYear: null,
      maxDaysPerRequest: null,
      maxHoursPerRequest: null,
      requesterKinds: ['municipality', 'board_of_education', 'chamber_of_commerce'],
      notes: '登録リストにあるテーマについて、市町・教育委員会・商工会等の求めに応じてICTエキスパートを派遣します（1団体につき年5回まで）。',
    },
    menus: [
      { title: 'ICTリテラシー教室（学生向け）', description: '児童・生徒向けのICTリテラシー教室を行います。', provider: null, modes: ['on_site'] },
      { title: 'HP作成・SNS活用に係る研修会（商工会）', description: '商工会の会員向けにホームページ作成とSNS活用の研修を行います。', provider: null, modes: ['online', 'on_site'] },
    ],
  },
]
