/**
 * How career levels are judged (CCSF), the policy numbers 手順書 参考4.4-② leaves open and the meaning
 * of each ITSS level (paraphrased from secondary explainers).
 */
import type { ItssLevel, LevelPolicy, LevelRule } from './schema.ts'

export const levelRules: LevelRule[] = [
  {
    id: 'exam',
    levelMin: 1,
    levelMax: 3,
    basis: 'exam',
    explanation: 'レベル1〜3は、そのレベルにあたる情報処理技術者試験に合格しているかどうかで判定します。',
    selfDeclaredUntilVerified: false,
    status: 'confirmed',
    sources: [{ id: '手順書', locator: '参考4.4-②' }],
  },
  {
    id: 'exam_and_experience',
    levelMin: 4,
    levelMax: 4,
    basis: 'exam_and_experience',
    explanation:
      'レベル4は、高度試験の合格と、その職種・人材像での業務経験をあわせて判定します。たとえばUISSのビジネスストラテジストのレベル4には、ITストラテジスト試験の合格と実務経験の両方が必要です。',
    selfDeclaredUntilVerified: false,
    status: 'confirmed',
    sources: [{ id: '手順書', locator: '参考4.4-②' }],
  },
  {
    // 手順書 only says the exams serve up to level 4; "experience and achievements" for 5–7 is NEXTET's wording.
    id: 'experience',
    levelMin: 5,
    levelMax: 7,
    basis: 'experience',
    explanation:
      'レベル5〜7に対応する試験はなく、経験と実績から判定します。本人が申告したレベルは、自治体または都道府県の職員が確認するまで「自己申告」として表示します。',
    selfDeclaredUntilVerified: true,
    status: 'secondary',
    sources: [{ id: '手順書', locator: '参考4.4-②' }, { id: 'NEXTET' }],
  },
]

// 手順書 参考4.4-②: the seed says "exam plus work experience" without a number; 3 years is the project's default.
export const levelPolicy: LevelPolicy = {
  experienceYearsForLevel4: 3,
  advancedExamWithoutExperienceLevel: 3,
  relatedToLevelPenalty: 1,
  status: 'unconfirmed',
  sources: [{ id: 'PROJECT', locator: '§11' }],
}

export const itssLevels: ItssLevel[] = [
  { level: 1, meaning: '情報技術について、最低限の基礎知識を持っている' },
  { level: 2, meaning: '基本的な知識・スキルを持ち、上位者の指導を受けながら業務を進められる' },
  { level: 3, meaning: '応用的な知識・スキルを持ち、任された業務を一人でやり遂げられる' },
  { level: 4, meaning: '専門分野を確立し、自ら課題を見つけて解決を主導できる（高度IT人材）' },
  { level: 5, meaning: '社内で指導的な役割を担い、社内の第一人者として認められている' },
  { level: 6, meaning: '社内外で指導的な役割を担い、国内で第一人者として認められている' },
  { level: 7, meaning: '市場全体を切り開き、先導してきた実績があり、国際的にも認められている' },
]
