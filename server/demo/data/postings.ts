import type { ChecklistItemId } from '#shared/domain/postings/checklist'
import type { PostingFormInput } from '#shared/domain/postings/form'
import type { PostingState } from '#shared/domain/postings/workflow'
import type { MunicipalityKey } from './places.ts'

/**
 * One posting in the 標準募集様式. The criteria are the skill standard's preset for the role (asked of the API, so
 * they follow the standard), then `extraCriteria`. Dates are days from the day the demo is created (`…Day`).
 */
export interface DemoPosting {
  key: string
  municipality: MunicipalityKey
  /** Where it ends up; `closed` ones were published first and are closed as 採用決定 after their appointment. */
  state: PostingState
  form: Omit<PostingFormInput, 'criteria' | 'applicationStartsOn' | 'applicationEndsOn' | 'termStartsOn' | 'termEndsOn'>
  extraCriteria?: PostingFormInput['criteria']
  applicationEndsDay: number
  /** Days from the deadline to the first day of the term; the term runs one year less a day. */
  termStartsAfterDeadline: number
  checklist: ChecklistItemId[]
  /** Why the prefecture sent it back (state `returned`). */
  returnComment?: string
}

const ALL_CHECKS: ChecklistItemId[] = ['purpose_shared', 'staff_ownership', 'realistic_expectations', 'support_structure', 'company_agreement', 'activity_review']
const HOW_TO_APPLY = 'このサービスの「応募する」から、志望動機と職務経歴（任意で履歴書PDF）を送ってください。書類選考の結果は2週間以内にお知らせします。'
const RULES = { templateIds: ['B1', 'B2', 'C1', 'D'], params: { B1: { tenureYears: 10 }, B2: { lookbackYears: 2 } }, note: '任用期間中は、所属企業とそのグループ会社は本市の情報システム調達に参加できません。' }

export const POSTINGS: readonly DemoPosting[] = [
  {
    key: 'matsuyamaPm',
    municipality: 'matsuyama',
    state: 'published',
    form: {
      department: '総務部 デジタル戦略課', contactName: '河野 裕子', contactEmail: 'dx-demo@city.matsuyama.example.jp', contactPhone: '089-000-0001',
      title: '住民記録システム標準化 プロジェクトマネージャー（デモ）', roleId: 'project_manager',
      dutyAreas: [{ area: 'standardization', involvement: 'lead' }, { area: 'bpr', involvement: 'advise' }],
      dutyDescription: '住民記録・税・福祉など20業務の標準準拠システムへの移行を、ベンダーと庁内各課の間に立って進めます。移行計画と課題管理、移行判定の準備、職員への説明を担っていただきます。',
      appointmentForm: 'tokubetsushoku_hijokin', workDaysPer: 'week', workDays: 2, hoursPerDay: 7.75, remoteAllowed: true, onSiteFrequency: '週1回（定例会議）', sideJobAllowed: true,
      workplace: '松山市役所 本館（愛媛県松山市）', payAmount: 45_000, payUnit: 'daily', payNote: '経験に応じて決定', travelCostsPaid: true, renewable: true, renewalNote: '移行完了まで最長3年', openings: 1,
      selectionSteps: ['documents', 'interview_online'], howToApply: HOW_TO_APPLY, bidRestriction: RULES,
      budgetAnnualCost: 6_500_000, budgetRecruitmentCost: 300_000,
    },
    applicationEndsDay: 40, termStartsAfterDeadline: 45, checklist: ALL_CHECKS,
  },
  {
    key: 'matsuyamaSecurity',
    municipality: 'matsuyama',
    state: 'draft',
    form: {
      department: '総務部 デジタル戦略課', contactName: '河野 裕子', contactEmail: 'dx-demo@city.matsuyama.example.jp',
      title: '情報セキュリティ エンジニア（デモ・作成中）', roleId: 'engineer',
      dutyAreas: [{ area: 'security', involvement: 'hands_on' }],
      dutyDescription: '三層の対策の見直しと、ガバメントクラウド接続後のセキュリティポリシー改定を支援します。',
      appointmentForm: 'kaikei_nendo', workDaysPer: 'week', workDays: 2,
    },
    applicationEndsDay: 75, termStartsAfterDeadline: 30, checklist: ['purpose_shared'],
  },
  {
    key: 'matsuyamaCio',
    municipality: 'matsuyama',
    state: 'closed',
    form: {
      department: '総務部 デジタル戦略課', contactName: '河野 裕子', contactEmail: 'dx-demo@city.matsuyama.example.jp',
      title: 'CIO補佐官（デモ・採用決定）', roleId: 'producer',
      dutyAreas: [{ area: 'overall_policy', involvement: 'lead' }, { area: 'staff_development', involvement: 'advise' }, { area: 'security', involvement: 'advise' }],
      dutyDescription: '市長・CIOの下で自治体DX推進計画の進行を管理し、調達の仕様や全庁の情報化投資に助言します。職員のデジタル人材育成の仕組みづくりも担います。',
      appointmentForm: 'tokubetsushoku_hijokin', workDaysPer: 'week', workDays: 2, hoursPerDay: 7.75, remoteAllowed: true, onSiteFrequency: '月2回', sideJobAllowed: true,
      workplace: '松山市役所（愛媛県松山市）', payAmount: 50_000, payUnit: 'daily', travelCostsPaid: true, renewable: true, openings: 1,
      selectionSteps: ['documents', 'interview_on_site'], howToApply: HOW_TO_APPLY, bidRestriction: RULES,
      budgetAnnualCost: 4_800_000, budgetRecruitmentCost: 200_000,
    },
    applicationEndsDay: 10, termStartsAfterDeadline: 20, checklist: ALL_CHECKS,
  },
  {
    key: 'imabariDesigner',
    municipality: 'imabari',
    state: 'published',
    form: {
      department: '企画財政部 情報政策課', contactName: '越智 健太', contactEmail: 'joho-demo@city.imabari.example.jp',
      title: '「書かない窓口」サービスデザイナー（デモ）', roleId: 'service_designer',
      dutyAreas: [{ area: 'online_procedures', involvement: 'lead' }, { area: 'bpr', involvement: 'hands_on' }, { area: 'digital_divide', involvement: 'advise' }],
      dutyDescription: '市民課・福祉課の窓口で来庁者の手続を観察し、申請書を書かずに済む窓口の流れと画面を職員と一緒に設計します。高齢の方にも使いやすい案内づくりを重視します。',
      appointmentForm: 'gyomu_itaku', workDaysPer: 'month', workDays: 6, hoursPerDay: 6, remoteAllowed: true, onSiteFrequency: '月2回（窓口観察・ワークショップ）', sideJobAllowed: true,
      workplace: '今治市役所（愛媛県今治市）', payAmount: 300_000, payUnit: 'monthly', travelCostsPaid: true, renewable: false, openings: 1,
      selectionSteps: ['documents', 'interview_online'], howToApply: HOW_TO_APPLY,
      budgetAnnualCost: 3_600_000, budgetRecruitmentCost: 150_000,
    },
    applicationEndsDay: 35, termStartsAfterDeadline: 30, checklist: ALL_CHECKS,
  },
  {
    key: 'imabariPm',
    municipality: 'imabari',
    state: 'published',
    form: {
      department: '企画財政部 情報政策課', contactName: '越智 健太', contactEmail: 'joho-demo@city.imabari.example.jp',
      title: '基幹業務システム標準化 PMO（デモ）', roleId: 'project_manager',
      dutyAreas: [{ area: 'standardization', involvement: 'lead' }],
      dutyDescription: '基幹業務システムの標準化・ガバメントクラウド移行のPMOとして、進捗と課題を管理し、県や近隣市町との共同調達の調整を支援します。',
      appointmentForm: 'kaikei_nendo', workDaysPer: 'week', workDays: 2, hoursPerDay: 7.75, remoteAllowed: true, onSiteFrequency: '週1回', sideJobAllowed: true,
      workplace: '今治市役所（愛媛県今治市）', payAmount: 4_000, payUnit: 'hourly', travelCostsPaid: true, renewable: true, openings: 1,
      selectionSteps: ['documents', 'interview_online'], howToApply: HOW_TO_APPLY,
      budgetAnnualCost: 3_000_000, budgetRecruitmentCost: 100_000,
    },
    applicationEndsDay: 28, termStartsAfterDeadline: 35, checklist: ALL_CHECKS,
  },
  {
    key: 'imabariRpa',
    municipality: 'imabari',
    state: 'submitted',
    form: {
      department: '企画財政部 情報政策課', contactName: '越智 健太', contactEmail: 'joho-demo@city.imabari.example.jp',
      title: 'AI・RPA活用 エンジニア（デモ・県で確認中）', roleId: 'engineer',
      dutyAreas: [{ area: 'ai_rpa', involvement: 'hands_on' }],
      dutyDescription: '生成AIとRPAの業務適用を、対象業務の選定から試行、効果測定まで職員と進めます。',
      appointmentForm: 'kaikei_nendo', workDaysPer: 'week', workDays: 2, hoursPerDay: 6, remoteAllowed: true, onSiteFrequency: '月1回', sideJobAllowed: true,
      workplace: '今治市役所（愛媛県今治市）', payAmount: 3_500, payUnit: 'hourly', travelCostsPaid: true, renewable: true, openings: 1,
      selectionSteps: ['documents', 'interview_online'], howToApply: HOW_TO_APPLY,
      budgetAnnualCost: 2_200_000, budgetRecruitmentCost: 100_000,
    },
    applicationEndsDay: 60, termStartsAfterDeadline: 30, checklist: ALL_CHECKS,
  },
  {
    key: 'uchikoCio',
    municipality: 'uchiko',
    state: 'published',
    form: {
      department: '総務課 情報政策係', contactName: '上田 美穂', contactEmail: 'johoseisaku-demo@town.uchiko.example.jp',
      title: 'CIO補佐官（小さな町のDX伴走）（デモ）', roleId: 'producer',
      dutyAreas: [{ area: 'overall_policy', involvement: 'lead' }, { area: 'regional_digitalization', involvement: 'advise' }, { area: 'staff_development', involvement: 'advise' }],
      dutyDescription: '職員約200人の町で、町長・副町長と一緒にDX推進計画を作り、優先する取組を決め、職員の相談相手になっていただきます。町の規模に合った、無理のない進め方を重視します。',
      appointmentForm: 'tokubetsushoku_hijokin', workDaysPer: 'month', workDays: 4, hoursPerDay: 7.75, remoteAllowed: true, onSiteFrequency: '月1回', sideJobAllowed: true,
      workplace: '内子町役場（愛媛県喜多郡内子町）', payAmount: 40_000, payUnit: 'daily', travelCostsPaid: true, renewable: true, openings: 1,
      selectionSteps: ['documents', 'interview_on_site'], howToApply: HOW_TO_APPLY, bidRestriction: RULES,
      budgetAnnualCost: 1_920_000, budgetRecruitmentCost: 100_000,
    },
    applicationEndsDay: 45, termStartsAfterDeadline: 30, checklist: ALL_CHECKS,
  },
  {
    key: 'uchikoDesigner',
    municipality: 'uchiko',
    state: 'returned',
    form: {
      department: '総務課 情報政策係', contactName: '上田 美穂', contactEmail: 'johoseisaku-demo@town.uchiko.example.jp',
      title: '移住・観光サイト改善 サービスデザイナー（デモ・差戻し）', roleId: 'service_designer',
      dutyAreas: [{ area: 'regional_digitalization', involvement: 'hands_on' }],
      dutyDescription: '町の移住・観光の情報発信を、利用者の調査から見直します。',
      appointmentForm: 'gyomu_itaku', workDaysPer: 'month', workDays: 3, hoursPerDay: 6, remoteAllowed: true, onSiteFrequency: '月1回', sideJobAllowed: true,
      workplace: '内子町役場（愛媛県喜多郡内子町）', payAmount: 200_000, payUnit: 'monthly', travelCostsPaid: true, renewable: false, openings: 1,
      selectionSteps: ['documents'], howToApply: HOW_TO_APPLY,
      budgetAnnualCost: 2_400_000, budgetRecruitmentCost: 50_000,
    },
    applicationEndsDay: 50, termStartsAfterDeadline: 30, checklist: ['purpose_shared', 'staff_ownership'],
    returnComment: '業務内容に、職員の関わり方（誰が何を担うか）を書き足してください。受入れ準備チェックリストも未完了です。',
  },
  {
    key: 'kumakogenEngineer',
    municipality: 'kumakogen',
    state: 'published',
    form: {
      department: '総務課 情報推進室', contactName: '大野 拓也', contactEmail: 'joho-demo@town.kumakogen.example.jp',
      title: 'ガバメントクラウド移行 エンジニア（デモ）', roleId: 'engineer',
      dutyAreas: [{ area: 'standardization', involvement: 'hands_on' }, { area: 'security', involvement: 'advise' }],
      dutyDescription: 'ガバメントクラウドへの移行で、ネットワーク接続方式の検討、運用設計、移行リハーサルの確認を担います。町の少人数の情報担当と一緒に動いていただきます。',
      appointmentForm: 'kaikei_nendo', workDaysPer: 'week', workDays: 1, hoursPerDay: 7.75, remoteAllowed: true, onSiteFrequency: '月1回', sideJobAllowed: true,
      workplace: '久万高原町役場（愛媛県上浮穴郡久万高原町）', payAmount: 4_500, payUnit: 'hourly', travelCostsPaid: true, renewable: true, openings: 1,
      selectionSteps: ['documents', 'interview_online'], howToApply: HOW_TO_APPLY,
      budgetAnnualCost: 1_800_000, budgetRecruitmentCost: 50_000,
    },
    applicationEndsDay: 30, termStartsAfterDeadline: 30, checklist: ALL_CHECKS,
  },
  {
    key: 'kumakogenPm',
    municipality: 'kumakogen',
    state: 'forwarded',
    form: {
      department: '総務課 情報推進室', contactName: '大野 拓也', contactEmail: 'joho-demo@town.kumakogen.example.jp',
      title: '行政手続オンライン化 プロジェクトマネージャー（デモ・国で確認中）', roleId: 'project_manager',
      dutyAreas: [{ area: 'online_procedures', involvement: 'lead' }],
      dutyDescription: 'ぴったりサービスへの手続の掲載と、庁内の申請受付の流れの見直しを進めます。',
      appointmentForm: 'kaikei_nendo', workDaysPer: 'month', workDays: 4, hoursPerDay: 7.75, remoteAllowed: true, onSiteFrequency: '月1回', sideJobAllowed: true,
      workplace: '久万高原町役場（愛媛県上浮穴郡久万高原町）', payAmount: 35_000, payUnit: 'daily', travelCostsPaid: true, renewable: true, openings: 1,
      selectionSteps: ['documents', 'interview_online'], howToApply: HOW_TO_APPLY,
      budgetAnnualCost: 1_680_000, budgetRecruitmentCost: 50_000,
    },
    applicationEndsDay: 55, termStartsAfterDeadline: 30, checklist: ALL_CHECKS,
  },
  {
    key: 'kochiEngineer',
    municipality: 'kochi',
    state: 'published',
    form: {
      department: '総務部 デジタル化推進課', contactName: '岡林 直子', contactEmail: 'digital-demo@city.kochi.example.jp',
      title: 'ガバメントクラウド移行 クラウドエンジニア（デモ）', roleId: 'engineer',
      dutyAreas: [{ area: 'standardization', involvement: 'hands_on' }, { area: 'security', involvement: 'hands_on' }],
      dutyDescription: '標準準拠システムのガバメントクラウド上の運用設計、費用の見える化（FinOps）、監視と障害対応の手順づくりを担います。',
      appointmentForm: 'tokutei_ninkitsuki', workDaysPer: 'week', workDays: 5, hoursPerDay: 7.75, remoteAllowed: false, sideJobAllowed: false,
      workplace: '高知市役所（高知県高知市）', payAmount: 7_200_000, payUnit: 'annual', travelCostsPaid: true, renewable: true, renewalNote: '任期は最長5年', openings: 1,
      selectionSteps: ['documents', 'essay', 'interview_on_site'], howToApply: HOW_TO_APPLY,
      budgetAnnualCost: 8_500_000, budgetRecruitmentCost: 400_000,
    },
    applicationEndsDay: 38, termStartsAfterDeadline: 60, checklist: ALL_CHECKS,
  },
  {
    key: 'kochiProducer',
    municipality: 'kochi',
    state: 'published',
    form: {
      department: '総務部 デジタル化推進課', contactName: '岡林 直子', contactEmail: 'digital-demo@city.kochi.example.jp',
      title: 'DX推進アドバイザー（CIO補佐官）（デモ）', roleId: 'producer',
      dutyAreas: [{ area: 'overall_policy', involvement: 'advise' }, { area: 'open_data', involvement: 'advise' }],
      dutyDescription: 'DX推進本部の会議に出席し、全庁の取組の優先順位づけとデータ活用の方針に助言します。',
      appointmentForm: 'tokubetsushoku_hijokin', workDaysPer: 'month', workDays: 2, hoursPerDay: 4, remoteAllowed: true, onSiteFrequency: '四半期に1回', sideJobAllowed: true,
      workplace: '高知市役所（高知県高知市）', payAmount: 30_000, payUnit: 'daily', travelCostsPaid: true, renewable: true, openings: 1,
      selectionSteps: ['documents', 'interview_online'], howToApply: HOW_TO_APPLY,
      budgetAnnualCost: 720_000, budgetRecruitmentCost: 50_000,
    },
    applicationEndsDay: 25, termStartsAfterDeadline: 40, checklist: ALL_CHECKS,
  },
  {
    key: 'shiojiriDesigner',
    municipality: 'shiojiri',
    state: 'published',
    form: {
      department: '企画政策部 デジタル戦略課', contactName: '百瀬 亮', contactEmail: 'dx-demo@city.shiojiri.example.jp',
      title: 'データ活用・市民サービス改善 サービスデザイナー（デモ）', roleId: 'service_designer',
      dutyAreas: [{ area: 'open_data', involvement: 'hands_on' }, { area: 'online_procedures', involvement: 'advise' }],
      dutyDescription: '子育て・介護の手続データを分析し、市民アプリの改善と、職員のデータ活用の研修を担います。',
      appointmentForm: 'chiiki_kasseika_kigyojin', workDaysPer: 'week', workDays: 4, hoursPerDay: 7.75, remoteAllowed: true, onSiteFrequency: '週2回', sideJobAllowed: false,
      workplace: '塩尻市役所（長野県塩尻市）', payAmount: 5_600_000, payUnit: 'annual', payNote: '派遣元企業への負担金として', travelCostsPaid: true, renewable: true, openings: 1,
      selectionSteps: ['documents', 'interview_online'], howToApply: HOW_TO_APPLY,
      budgetAnnualCost: 5_600_000, budgetRecruitmentCost: 100_000,
    },
    applicationEndsDay: 42, termStartsAfterDeadline: 50, checklist: ALL_CHECKS,
  },
  {
    key: 'shiojiriEngineer',
    municipality: 'shiojiri',
    state: 'published',
    form: {
      department: '企画政策部 デジタル戦略課', contactName: '百瀬 亮', contactEmail: 'dx-demo@city.shiojiri.example.jp',
      title: 'ローコード業務アプリ開発 エンジニア（デモ）', roleId: 'engineer',
      dutyAreas: [{ area: 'ai_rpa', involvement: 'hands_on' }, { area: 'staff_development', involvement: 'advise' }],
      dutyDescription: 'ローコードツールで職員と一緒に業務アプリを作り、作り方を職員に引き継ぎます。',
      appointmentForm: 'kaikei_nendo', workDaysPer: 'week', workDays: 2, hoursPerDay: 6, remoteAllowed: true, onSiteFrequency: '月2回', sideJobAllowed: true,
      workplace: '塩尻市役所（長野県塩尻市）', payAmount: 3_800, payUnit: 'hourly', travelCostsPaid: true, renewable: true, openings: 2,
      selectionSteps: ['documents', 'interview_online'], howToApply: HOW_TO_APPLY,
      budgetAnnualCost: 2_400_000, budgetRecruitmentCost: 80_000,
    },
    applicationEndsDay: 33, termStartsAfterDeadline: 30, checklist: ALL_CHECKS,
  },
]
