import type { ApiError } from '../../api.ts'

/** The first message for each field of a VALIDATION_FAILED answer, by its path ('email', 'password' …). */
export function fieldErrors(error: ApiError | undefined): Record<string, string> {
  const byField: Record<string, string> = {}
  for (const detail of error?.details ?? []) {
    const field = detail.path.split('.')[0] ?? ''
    if (field && !(field in byField)) byField[field] = detail.message
  }
  return byField
}
