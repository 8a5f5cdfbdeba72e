/**
 * Check digits of the public codes the service keys on. Codes are text, never numbers, so leading zeros survive.
 */

/** 全国地方公共団体コード: 5 digits + check digit; check = (11 − Σ(6..2 × d) mod 11) mod 10 (総務省 団体コード). */
export function isValidLocalGovernmentCode(code: string): boolean {
  if (!/^\d{6}$/.test(code)) return false
  const digits = [...code].map(Number)
  const sum = [6, 5, 4, 3, 2].reduce((acc, weight, i) => acc + weight * digits[i]!, 0)
  return (11 - (sum % 11)) % 10 === digits[5]
}

/**
 * 法人番号: check digit first, then 12 digits; check = 9 − (Σ d_n × (1 if n odd else 2)) mod 9,
 * n counted from the rightmost of the 12 (国税庁「法人番号の指定等に関する省令」第2条).
 */
export function isValidCorporateNumber(number: string): boolean {
  if (!/^\d{13}$/.test(number)) return false
  const digits = [...number].map(Number)
  const body = digits.slice(1).reverse()
  const sum = body.reduce((acc, d, i) => acc + d * ((i + 1) % 2 === 1 ? 1 : 2), 0)
  return 9 - (sum % 9) === digits[0]
}

/** 都道府県コード (JIS X 0401) of a local-government code: its first two digits. */
export function prefectureCodeOf(localGovernmentCode: string): string {
  return localGovernmentCode.slice(0, 2)
}
