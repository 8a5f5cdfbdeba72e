import { normalizeForSearch } from '#shared/domain/search-text'
import { type Exam, type OtherCertification, skillStandardCatalog } from '#shared/domain/skill-standard/index'

export type CertificationOption =
  | { kind: 'exam'; id: string; name: string; note: string; exam: Exam }
  | { kind: 'other'; id: string; name: string; note: string; certification: OtherCertification }

function searchTextOf(parts: string[]): string {
  return normalizeForSearch(parts.join(' '))
}

const OPTIONS: { option: CertificationOption; text: string }[] = [
  ...skillStandardCatalog.exams.map((exam) => ({
    option: {
      kind: 'exam' as const,
      id: exam.id,
      name: exam.name,
      note: exam.isCurrent ? `IPA レベル${exam.ccsfLevel}` : `旧試験（${exam.until ?? '廃止'}まで）`,
      exam,
    },
    // kana, romaji and aliases (基本情報, 支援士 …) are searched alongside the name
    text: searchTextOf([exam.id, exam.name, exam.nameKana, exam.nameRomaji, ...exam.aliases]),
  })),
  ...skillStandardCatalog.otherCertifications.map((certification) => ({
    option: { kind: 'other' as const, id: certification.id, name: certification.name, note: certification.issuer, certification },
    text: searchTextOf([certification.id, certification.name, certification.issuer]),
  })),
]

/**
 * Certifications whose name, reading (かな/カナ), romaji or alias contains the query; current exams first. An empty
 * query lists everything.
 */
export function searchCertifications(query: string, limit = 20): CertificationOption[] {
  const folded = normalizeForSearch(query)
  const hits = OPTIONS.filter((entry) => folded === '' || entry.text.includes(folded)).map((entry) => entry.option)
  const rank = (option: CertificationOption) => (option.kind === 'exam' ? (option.exam.isCurrent ? 0 : 1) : 2)
  return hits.sort((a, b) => rank(a) - rank(b)).slice(0, limit)
}
