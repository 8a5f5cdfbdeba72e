import { z } from 'zod'

/** Stable error codes: clients branch on these, never on the message text. */
export const ErrorCode = z.enum([
  'VALIDATION_FAILED',
  'INVALID_LOCAL_GOVERNMENT_CODE',
  'INVALID_CORPORATE_NUMBER',
  'MALFORMED_REQUEST',
  'PAYLOAD_TOO_LARGE',
  'URI_TOO_LONG',
  'HEADERS_TOO_LARGE',
  'REQUEST_TIMEOUT',
  'UNSUPPORTED_MEDIA_TYPE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CSRF_TOKEN_INVALID',
  // accounts: sign-in, staff accounts, one-time tokens
  'INVALID_CREDENTIALS',
  'EMAIL_NOT_CONFIRMED',
  'EMAIL_TAKEN',
  'TOKEN_INVALID',
  // postings: workflow and form
  'POSTING_NOT_EDITABLE',
  'POSTING_INCOMPLETE',
  'POSTING_TRANSITION_NOT_ALLOWED',
  'POSTING_INVALID',
  'POSTING_IMPORT_FAILED',
  // candidates and applications
  'PROFILE_INCOMPLETE',
  'POSTING_NOT_OPEN',
  'ALREADY_APPLIED',
  'APPLICATION_TRANSITION_NOT_ALLOWED',
  'INVALID_FILE',
  // interviews: a step the interview's state does not allow
  'INTERVIEW_TRANSITION_NOT_ALLOWED',
  // matching: a candidate without a skill profile asks for recommendations
  'PROFILE_REQUIRED',
  // sharing: talent pools, shared appointments, dispatches
  'CAPACITY_EXCEEDED',
  'DISPATCH_LIMIT_EXCEEDED',
  'SHARING_TRANSITION_NOT_ALLOWED',
  'SHARING_CONFLICT_OF_INTEREST',
  'SHARING_INVALID',
  // bid restrictions: an exemption asked for a company no rule restricts
  'EXEMPTION_NOT_APPLICABLE',
  // companies: a correction of a link already retracted; a 法人番号 file not in the published layout
  'COMPANY_LINK_RETRACTED',
  'CORPORATE_FILE_INVALID',
  // appointments: a term that ended early cannot be renewed or ended again
  'APPOINTMENT_TERM_CLOSED',
  // mail: only a failed message may be sent again
  'MAIL_NOT_FAILED',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'SERVER_BUSY',
  'INTERNAL',
])
export type ErrorCode = z.infer<typeof ErrorCode>

export const ErrorDetail = z.object({
  path: z.string(),
  message: z.string(),
})
export type ErrorDetail = z.infer<typeof ErrorDetail>

/** The one shape of every non-2xx body: { error: { code, message, details? } }. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(ErrorDetail).optional(),
  }),
})
export type ErrorBody = z.infer<typeof ErrorBody>
