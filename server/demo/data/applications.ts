import type { ApplicationStatus } from '#shared/contracts/applications'

/** One application and how far its selection went; the steps on the way are taken in order by the staff. */
export interface DemoApplication {
  posting: string
  candidate: string
  status: ApplicationStatus
  motivation: string
}

/**
 * Every pipeline stage occurs: 応募受付, 書類選考, 面接, 内定, 任用, 不採用, 辞退 and 取下げ. The 任用 one is the
 * appointment of data/appointment.ts; new applicants (応募受付) wait at several municipalities.
 */
export const APPLICATIONS: readonly DemoApplication[] = [
  { posting: 'matsuyamaCio', candidate: 'takahashi.makoto@example.jp', status: 'appointed', motivation: '県内自治体のDX支援で培った経験を、松山市の計画の実行に生かしたいと考えています。' },
  { posting: 'matsuyamaCio', candidate: 'hayashi.kenji@example.jp', status: 'rejected', motivation: '県庁の情報化計画に携わった経験を生かし、全庁のDXを支えます。' },
  { posting: 'matsuyamaPm', candidate: 'yamada.hanako@example.jp', status: 'interview', motivation: '3市町の標準化移行を担当した経験があり、松山市の移行計画にすぐ貢献できます。' },
  { posting: 'matsuyamaPm', candidate: 'ito.yusuke@example.jp', status: 'screening', motivation: '基幹系システムのクラウド移行の経験を生かしたいと考えています。' },
  { posting: 'matsuyamaPm', candidate: 'watanabe.akiko@example.jp', status: 'offered', motivation: '全国50団体の共同利用システム導入を統括した経験があります。' },
  { posting: 'matsuyamaPm', candidate: 'nakamura.shota@example.jp', status: 'rejected', motivation: '病院システム更改で培った調整力を自治体でも生かしたいです。' },
  { posting: 'matsuyamaPm', candidate: 'kobayashi.yui@example.jp', status: 'withdrawn', motivation: '元市役所職員として、現場と事業者の橋渡しをしたいと考えています。' },
  { posting: 'matsuyamaPm', candidate: 'okada.shun@example.jp', status: 'declined', motivation: '福祉系システムのPM経験を標準化に生かしたいと考えています。' },
  { posting: 'matsuyamaPm', candidate: 'nishimura.aoi@example.jp', status: 'received', motivation: '標準化の第二陣を担当しており、移行判定までの段取りを熟知しています。' },
  { posting: 'imabariDesigner', candidate: 'suzuki.misaki@example.jp', status: 'received', motivation: '申請フォームの改善で入力時間を4割短縮した経験を、今治市の窓口に生かしたいです。' },
  { posting: 'imabariDesigner', candidate: 'mori.haruka@example.jp', status: 'screening', motivation: 'オンライン中心で、窓口の案内づくりをお手伝いしたいと考えています。' },
  { posting: 'imabariPm', candidate: 'kato.daiki@example.jp', status: 'received', motivation: '複数ベンダーの統括経験を、共同調達の調整に生かしたいと考えています。' },
  { posting: 'uchikoCio', candidate: 'sato.ken@example.jp', status: 'received', motivation: '小さな町のDXに、企業のCIO室での経験を生かして伴走したいと考えています。' },
  { posting: 'uchikoCio', candidate: 'maeda.kazuki@example.jp', status: 'screening', motivation: '愛媛に根ざして、町の情報化投資に助言したいと考えています。' },
  { posting: 'kochiEngineer', candidate: 'yamamoto.ryo@example.jp', status: 'interview', motivation: '高知市内に住んでおり、クラウド移行の運用設計に専念できます。' },
  { posting: 'shiojiriDesigner', candidate: 'matsumoto.kana@example.jp', status: 'received', motivation: '子育てアプリの改善経験を、塩尻市の市民サービスに生かしたいです。' },
]

/** The staff's note at each step, so the history reads like a real selection. */
export const STEP_NOTES: Partial<Record<ApplicationStatus, string>> = {
  screening: '書類選考に進みます。',
  interview: 'オンライン面接を設定しました。',
  offered: '内定をお知らせしました。',
  appointed: '任用を決定しました。',
  rejected: '今回は見送らせていただきます。',
  declined: 'ご本人から辞退の連絡がありました。',
}
