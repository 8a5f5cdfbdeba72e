/**
 * Certifications outside the IPA exams (手順書 参考4.4-③). None of them sits on the CCSF scale, so they support a
 * job type or role as optional evidence and never grant a level. The job-type links are suggestions (U) even for
 * CISA/CISM, whose own mention is confirmed.
 */
import type { OtherCertification } from './schema.ts'

export const otherCertifications: OtherCertification[] = [
  {
    // Named by the 政府CIO補佐官 call as proof of security competence.
    id: 'cisa',
    name: 'CISA（公認情報システム監査人）',
    issuer: 'ISACA',
    evidencesJobTypeIds: ['uiss.is_auditor'],
    status: 'confirmed',
    sources: [{ id: '手順書', locator: '参考4.4-③' }],
  },
  {
    id: 'cism',
    name: 'CISM（公認情報セキュリティマネージャー）',
    issuer: 'ISACA',
    evidencesJobTypeIds: ['uiss.is_administrator'],
    status: 'confirmed',
    sources: [{ id: '手順書', locator: '参考4.4-③' }],
  },
  {
    id: 'pmp',
    name: 'PMP（Project Management Professional）',
    issuer: 'PMI',
    evidencesJobTypeIds: ['itss.project_management', 'uiss.project_manager'],
    status: 'unconfirmed',
    sources: [{ id: 'PROJECT', locator: '§4.4' }],
  },
  {
    id: 'cissp',
    name: 'CISSP',
    issuer: 'ISC2',
    evidencesJobTypeIds: ['itss.it_specialist'],
    status: 'unconfirmed',
    sources: [{ id: 'PROJECT', locator: '§4.4' }],
  },
  {
    // ITストラテジスト holders are exempt from part of its first stage (DNET-ST).
    id: 'professional_engineer_information',
    name: '技術士（情報工学部門）',
    issuer: '日本技術士会',
    evidencesJobTypeIds: [],
    status: 'unconfirmed',
    sources: [{ id: 'DNET-ST' }],
  },
  {
    id: 'it_coordinator',
    name: 'ITコーディネータ',
    issuer: 'ITコーディネータ協会（ITCA）',
    evidencesJobTypeIds: [],
    status: 'unconfirmed',
    sources: [{ id: 'DNET-ST' }],
  },
  {
    // Needs about 5 years of practice; UISS/ITSS have no service-design job type, so it backs the サービスデザイナー role.
    id: 'hcd_net.professional',
    name: '人間中心設計専門家',
    issuer: 'HCD-Net（人間中心設計推進機構）',
    evidencesJobTypeIds: [],
    status: 'unconfirmed',
    sources: [{ id: 'HCD' }],
  },
  {
    // Needs about 2 years of practice.
    id: 'hcd_net.specialist',
    name: '人間中心設計スペシャリスト',
    issuer: 'HCD-Net（人間中心設計推進機構）',
    evidencesJobTypeIds: [],
    status: 'unconfirmed',
    sources: [{ id: 'HCD' }],
  },
]
