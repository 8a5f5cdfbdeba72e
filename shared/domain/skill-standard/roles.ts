/**
 * The four 人材像 of the 外部人材スキル標準. The producer row is printed in full in 手順書 参考4.4-④.
 * For the other three only the summary row is confirmed (参考4.4-④); the rest is the project's reading, kept as
 * 'unconfirmed' until replaced from the standard's PDF.
 */
import type { Role, SourceRef } from './schema.ts'

const SUMMARY_SOURCES: SourceRef[] = [
  { id: '手順書', locator: '参考4.4-④' },
  { id: 'DXH' },
  { id: 'NOTE-PC' },
  // カテゴリー wording (DG-2022); the seed prints 「全般的」, an OCR slip for 「全庁的」 (手順書 参考4.4-④).
  { id: 'DG-2022' },
]

const producer: Role = {
  id: 'producer',
  number: 1,
  name: 'プロデューサー（CIO補佐官等）',
  category: '全庁的な企画・推進',
  categoryStatus: 'secondary',
  summary: '組織全体のデジタル変革を先頭に立って進める。国の政策の動きをつかみ、全体方針を描く。',
  activities: [
    { id: 'P-A1', text: '庁内全体でDXへの気運を高め、職員の意識を変えていく', status: 'confirmed' },
    { id: 'P-A2', text: 'DXのビジョンと工程表からなる全体方針をまとめる', status: 'confirmed' },
    { id: 'P-A3', text: '組織全体でDXを推し進める体制をつくる', status: 'confirmed' },
    { id: 'P-A4', text: '他の自治体や企業などと協力するための枠組みをつくる', status: 'confirmed' },
    { id: 'P-A5', text: '情報セキュリティポリシーを見直す', status: 'confirmed' },
  ],
  // The seed's merged cells put 情報セキュリティ on the human-skill line; 4 technical + 3 human is the
  // consistent reading (スキル標準 プロデューサー, 手順書 参考4.4-④).
  skills: [
    {
      id: 'P-T1',
      category: 'technical',
      name: '全体方針立案',
      description:
        'ガバメントクラウドやマイナポータルといった国の自治体DX施策の動きを押さえ、まちづくりの視点も持ちながら、庁内のDXの取組を一体的に進めるための方針を描く。必要なら個別の計画にも落とし込む。',
      status: 'confirmed',
    },
    {
      id: 'P-T2',
      category: 'technical',
      name: 'サービスデザイン思考',
      description: '利用者が本当に求めていることを起点に、実際に使われることを意識してサービスや業務を企画・設計する。',
      status: 'confirmed',
    },
    {
      id: 'P-T3',
      category: 'technical',
      name: '技術・データの活用',
      description: '自治体DXの途中で出てくる課題に対し、合ったデジタル技術の導入やデータの使い方を助言する。',
      status: 'confirmed',
    },
    {
      id: 'P-T4',
      category: 'technical',
      name: '情報セキュリティ',
      description: '三層の対策をはじめとする国の方針とセキュリティ技術の知識をもとに、団体の実情に合うようセキュリティポリシーを改める。',
      status: 'confirmed',
    },
    {
      id: 'P-H1',
      category: 'human',
      name: 'リーダーシップ',
      description: 'ビジョンに向けて自ら変革を引っ張り、部署の垣根を越えて職員に働きかけ、DXへの気運を高める。',
      status: 'confirmed',
    },
    {
      id: 'P-H2',
      category: 'human',
      name: 'コミュニケーション',
      description: '首長・CIOなど庁内の関係者とも、企業・大学など庁外の関係者とも、こまめに意思をすり合わせる。',
      status: 'confirmed',
    },
    {
      id: 'P-H3',
      category: 'human',
      name: 'コーディネート',
      description: '自団体の職員を、他の自治体の職員や企業・大学などとつなぎ、協力の枠組みを築く。',
      status: 'confirmed',
    },
  ],
  levelRequirements: [
    { id: 'P-L1', framework: 'ITSS', jobTypeIds: ['itss.consultant', 'itss.it_architect'], minLevel: 4, status: 'confirmed' },
    {
      // The seed prints 「ITストラテジスト、ITアーキテクト」 in this UISS clause; UISS has no such 人材像, so it is read
      // as ISストラテジスト/ISアーキテクト (スキル標準 プロデューサー, 手順書 参考4.4-④).
      id: 'P-L2',
      framework: 'UISS',
      jobTypeIds: ['uiss.business_strategist', 'uiss.is_strategist', 'uiss.is_architect'],
      minLevel: 4,
      status: 'confirmed',
    },
  ],
  // ITストラテジスト is not in the producer row (スキル標準 プロデューサー, 手順書 参考4.4-④); 手順書 §4.4(2) offers it only as a municipal option.
  certifications: [
    { id: 'P-Q1', certificationId: 'SC', status: 'confirmed' },
    { id: 'P-Q2', certificationId: 'AU', status: 'confirmed' },
  ],
  experiences: [
    {
      id: 'P-E1',
      kind: 'digital_strategy_lead',
      description: 'デジタル分野で戦略の立案と推進に責任を持つ立場として、チームを率いた経験',
      minYears: null,
      status: 'confirmed',
    },
    {
      id: 'P-E2',
      kind: 'digital_department_manager',
      description: '企業などでデジタル技術を活用する部門や情報システムを所管する部門の管理職（または同等の立場）として、5年ほど務めた経験',
      minYears: 5,
      status: 'confirmed',
    },
    {
      id: 'P-E3',
      kind: 'local_government',
      description: '自治体で働いた経験、または自治体から請け負った業務に携わった経験',
      minYears: null,
      status: 'confirmed',
    },
  ],
  requirementLogic: 'any_of',
  status: 'confirmed',
  sources: [...SUMMARY_SOURCES, { id: 'YONOTA' }],
}

const CANDIDATE_FILL: SourceRef = { id: 'PROJECT', locator: '§1.4' }

const projectManager: Role = {
  id: 'project_manager',
  number: 2,
  name: 'プロジェクトマネージャー',
  category: '各プロジェクトの企画・推進',
  categoryStatus: 'secondary',
  summary: 'DXの個々のプロジェクトを企画し、完了まで推し進める。',
  activities: [
    { id: 'PM-A1', text: 'プロジェクトごとに範囲・日程・費用の計画を立てる', status: 'unconfirmed' },
    { id: 'PM-A2', text: 'プロジェクトを動かし、進み具合を管理する', status: 'unconfirmed' },
    { id: 'PM-A3', text: '関係する部署や事業者との調整を担う', status: 'unconfirmed' },
    { id: 'PM-A4', text: '調達の手続と進捗を管理する', status: 'unconfirmed' },
  ],
  skills: [
    { id: 'PM-T1', category: 'technical', name: '企画構想', description: 'プロジェクトの目的と実現までの道筋を描き、企画にまとめる。', status: 'confirmed' },
    { id: 'PM-T2', category: 'technical', name: 'スケジュール管理', description: '工程を組み立て、遅れを早めに見つけて手を打つ。', status: 'confirmed' },
    { id: 'PM-T3', category: 'technical', name: 'コスト管理', description: '費用を見積もり、予算の執行を管理する。', status: 'confirmed' },
    { id: 'PM-T4', category: 'technical', name: '品質管理', description: '成果物の品質の基準を決め、満たしているか確かめる。', status: 'unconfirmed' },
    { id: 'PM-T5', category: 'technical', name: 'リスク管理', description: '起こりうる問題を洗い出し、前もって対策を用意する。', status: 'unconfirmed' },
    { id: 'PM-T6', category: 'technical', name: '調達', description: '仕様書づくりから事業者の選定まで、調達を公正に進める。', status: 'unconfirmed' },
    {
      id: 'PM-T7',
      category: 'technical',
      name: '技術・データの活用',
      description: 'プロジェクトに合う技術やデータの使い方を見極める。',
      status: 'unconfirmed',
    },
    { id: 'PM-T8', category: 'technical', name: '情報セキュリティ', description: 'プロジェクトの中でセキュリティ上の対策を確保する。', status: 'unconfirmed' },
    { id: 'PM-H1', category: 'human', name: 'リーダーシップ', description: 'チームをまとめ、目標に向けて引っ張る。', status: 'unconfirmed' },
    { id: 'PM-H2', category: 'human', name: 'コミュニケーション', description: '関係者と密に情報を共有し、認識をそろえる。', status: 'unconfirmed' },
    {
      // No public text decides between コーディネート and ファシリテーション.
      id: 'PM-H3',
      category: 'human',
      name: 'コーディネート・ファシリテーション',
      description: '部署や事業者の間をつなぎ、話し合いを合意へ導く。',
      status: 'unconfirmed',
    },
  ],
  levelRequirements: [
    { id: 'PM-L1', framework: 'ITSS', jobTypeIds: ['itss.project_management'], minLevel: 4, status: 'unconfirmed' },
    {
      id: 'PM-L2',
      framework: 'UISS',
      jobTypeIds: ['uiss.project_manager', 'uiss.program_manager'],
      minLevel: 4,
      status: 'unconfirmed',
    },
  ],
  certifications: [
    { id: 'PM-Q1', certificationId: 'PM', status: 'unconfirmed' },
    // 手順書 参考4.4-③: optional evidence for PM roles, not known to be named by the standard.
    { id: 'PM-Q2', certificationId: 'pmp', status: 'unconfirmed' },
  ],
  experiences: [
    {
      id: 'PM-E1',
      kind: 'project_management',
      description: '情報システムやDXのプロジェクトで、プロジェクトマネージャーを務めた経験',
      minYears: null,
      status: 'unconfirmed',
    },
    {
      id: 'PM-E2',
      kind: 'local_government',
      description: '自治体で働いた経験、または自治体から請け負った業務に携わった経験',
      minYears: null,
      status: 'unconfirmed',
    },
  ],
  requirementLogic: 'any_of',
  status: 'confirmed',
  sources: [...SUMMARY_SOURCES, CANDIDATE_FILL],
}

const serviceDesigner: Role = {
  id: 'service_designer',
  number: 3,
  name: 'サービスデザイナー',
  category: '各プロジェクトにおけるサービス・業務の設計',
  categoryStatus: 'secondary',
  summary: 'プロジェクトごとに、住民向けサービスや業務の進め方を設計する。',
  activities: [
    { id: 'SD-A1', text: '利用者のニーズから出発してサービスを設計する', status: 'unconfirmed' },
    { id: 'SD-A2', text: '業務の流れを見直し、業務改革（BPR）を進める', status: 'unconfirmed' },
    { id: 'SD-A3', text: '画面や手続の使い勝手（UI/UX）を設計し、改善する', status: 'unconfirmed' },
  ],
  skills: [
    { id: 'SD-T1', category: 'technical', name: '業務改革', description: '今の業務を分析し、仕事のやり方そのものを組み立て直す（BPR）。', status: 'confirmed' },
    { id: 'SD-T2', category: 'technical', name: 'サービス設計', description: '住民や職員にとって使いやすいサービスの形を描く。', status: 'confirmed' },
    { id: 'SD-T3', category: 'technical', name: 'UI・UX', description: '画面や手続の使い勝手を設計し、利用体験を良くする。', status: 'confirmed' },
    {
      id: 'SD-T4',
      category: 'technical',
      name: 'サービスデザイン思考',
      description: '利用者が本当に求めていることを起点に、使われるサービスを企画する。',
      status: 'unconfirmed',
    },
  ],
  // No public text gives a UISS/ITSS level for this role.
  levelRequirements: [],
  certifications: [
    { id: 'SD-Q1', certificationId: 'hcd_net.professional', status: 'unconfirmed' },
    { id: 'SD-Q2', certificationId: 'hcd_net.specialist', status: 'unconfirmed' },
  ],
  experiences: [
    {
      id: 'SD-E1',
      kind: 'service_design',
      description: 'サービスデザインやUI/UX設計のプロジェクトに携わった経験',
      minYears: null,
      status: 'unconfirmed',
    },
    {
      id: 'SD-E2',
      kind: 'business_reform',
      description: 'BPR・業務改革のプロジェクトに携わった経験',
      minYears: null,
      status: 'unconfirmed',
    },
  ],
  requirementLogic: 'any_of',
  status: 'confirmed',
  sources: [...SUMMARY_SOURCES, CANDIDATE_FILL, { id: 'HCD' }],
}

const engineer: Role = {
  id: 'engineer',
  number: 4,
  name: 'エンジニア',
  category: '各プロジェクトにおけるテクノロジーの実装',
  categoryStatus: 'secondary',
  summary: 'プロジェクトごとに、技術を使って仕組みを形にする。',
  activities: [
    { id: 'E-A1', text: 'RPAやローコードツールなどで業務の仕組みを実装する', status: 'unconfirmed' },
    { id: 'E-A2', text: 'システムの導入や連携を技術面から支える', status: 'unconfirmed' },
  ],
  skills: [
    {
      // The seed prints 「ロード等」, an OCR slip for 「ローコード等」 (手順書 参考4.4-④).
      id: 'E-T1',
      category: 'technical',
      name: 'RPA・ローコード等に関する知見',
      description: 'RPAやローコード開発ツールの特徴を理解し、業務の自動化や手軽なアプリづくりに生かす。',
      status: 'confirmed',
    },
    { id: 'E-T2', category: 'technical', name: 'クラウド', description: 'クラウドサービスを選び、設定し、運用する。', status: 'unconfirmed' },
    { id: 'E-T3', category: 'technical', name: 'データ活用', description: 'データを集めて整え、分析や可視化に使える形にする。', status: 'unconfirmed' },
    { id: 'E-T4', category: 'technical', name: '情報セキュリティ', description: '実装する仕組みに必要なセキュリティ対策を組み込む。', status: 'unconfirmed' },
  ],
  levelRequirements: [
    {
      // The project's reading is "L3–4"; the lower bound is the requirement.
      id: 'E-L1',
      framework: 'ITSS',
      jobTypeIds: ['itss.it_specialist', 'itss.application_specialist'],
      minLevel: 3,
      status: 'unconfirmed',
    },
  ],
  certifications: [
    { id: 'E-Q1', certificationId: 'FE', status: 'unconfirmed' },
    { id: 'E-Q2', certificationId: 'AP', status: 'unconfirmed' },
  ],
  experiences: [
    {
      id: 'E-E1',
      kind: 'engineering',
      description: 'RPA・ローコード・情報システムなどの実装に携わった経験',
      minYears: null,
      status: 'unconfirmed',
    },
  ],
  requirementLogic: 'any_of',
  status: 'confirmed',
  sources: [...SUMMARY_SOURCES, CANDIDATE_FILL],
}

export const roles: Role[] = [producer, projectManager, serviceDesigner, engineer]
