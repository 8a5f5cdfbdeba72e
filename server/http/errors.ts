import type { Socket } from 'node:net'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import type { ErrorBody, ErrorCode, ErrorDetail } from '#shared/errors'
import { DatabaseBusy } from '../db/fair-gate.ts'

const STATUS_OF: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  INVALID_LOCAL_GOVERNMENT_CODE: 400,
  INVALID_CORPORATE_NUMBER: 400,
  MALFORMED_REQUEST: 400,
  PAYLOAD_TOO_LARGE: 413,
  URI_TOO_LONG: 414,
  HEADERS_TOO_LARGE: 431,
  REQUEST_TIMEOUT: 408,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF_TOKEN_INVALID: 403,
  INVALID_CREDENTIALS: 401,
  EMAIL_NOT_CONFIRMED: 403,
  EMAIL_TAKEN: 409,
  TOKEN_INVALID: 400,
  POSTING_NOT_EDITABLE: 409,
  POSTING_INCOMPLETE: 422,
  POSTING_TRANSITION_NOT_ALLOWED: 409,
  POSTING_INVALID: 400,
  POSTING_IMPORT_FAILED: 400,
  PROFILE_INCOMPLETE: 422,
  POSTING_NOT_OPEN: 409,
  ALREADY_APPLIED: 409,
  APPLICATION_TRANSITION_NOT_ALLOWED: 409,
  INVALID_FILE: 400,
  INTERVIEW_TRANSITION_NOT_ALLOWED: 409,
  PROFILE_REQUIRED: 409,
  CAPACITY_EXCEEDED: 409,
  DISPATCH_LIMIT_EXCEEDED: 400,
  SHARING_TRANSITION_NOT_ALLOWED: 409,
  SHARING_CONFLICT_OF_INTEREST: 409,
  SHARING_INVALID: 400,
  EXEMPTION_NOT_APPLICABLE: 409,
  COMPANY_LINK_RETRACTED: 409,
  CORPORATE_FILE_INVALID: 400,
  APPOINTMENT_TERM_CLOSED: 409,
  MAIL_NOT_FAILED: 409,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  SERVER_BUSY: 503,
  INTERNAL: 500,
}

/** A request that cannot be answered. Domain modules add their own codes through `code`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode | (string & {}),
    message: string,
    readonly status: number = STATUS_OF[code as ErrorCode] ?? 400,
    readonly details?: ErrorDetail[],
  ) {
    super(message)
  }
}

/** Overload (a lagging event loop, a full heap, a long wait for a database connection): try again after a while. */
export const serverBusy = (retryAfterSeconds: number) =>
  new AppError('SERVER_BUSY', `サーバーが混み合っているため、ただいま処理できません。${retryAfterSeconds}秒ほど待ってから、もう一度お試しください。`, 503)

export const notFound = (message = '指定されたデータが見つかりません。') => new AppError('NOT_FOUND', message)

export function errorBody(code: string, message: string, details?: ErrorDetail[]): ErrorBody {
  return { error: { code, message, ...(details && details.length > 0 ? { details } : {}) } }
}

const LOCATION: Record<string, string> = { body: '', querystring: 'query', params: 'path', headers: 'header' }

// Fastify's own client errors (malformed JSON, 413, 415 …) keep their 4xx with a stable code.
function fastifyClientError(error: FastifyError): { code: ErrorCode; message: string } {
  switch (error.statusCode) {
    case 413:
      return { code: 'PAYLOAD_TOO_LARGE', message: '送信されたデータが大きすぎます。' }
    case 415:
      return { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'このデータ形式には対応していません。JSON で送信してください。' }
    case 429:
      return { code: 'RATE_LIMITED', message: '短時間に多くのリクエストがありました。しばらく待ってから再度お試しください。' }
    default:
      return { code: 'MALFORMED_REQUEST', message: 'リクエストの形式が正しくありません。' }
  }
}

const BAD_URL = errorBody('MALFORMED_REQUEST', 'URL に使用できない文字または壊れた文字コードが含まれています。')
const LONG_PARAMETER = errorBody('URI_TOO_LONG', 'URL の項目が長すぎます。')

/** Fastify's `frameworkErrors`: the router's refusals (undecodable URL, over-long parameter) in the envelope. */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') void reply.status(414).send(LONG_PARAMETER)
  else if (error.code === 'FST_ERR_BAD_URL') void reply.status(400).send(BAD_URL)
  else void reply.status(400).send(errorBody('MALFORMED_REQUEST', 'リクエストの形式が正しくありません。'))
}

const CLIENT_ERRORS: Record<string, { status: number; reason: string; body: ReturnType<typeof errorBody> }> = {
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, reason: 'Request Timeout', body: errorBody('REQUEST_TIMEOUT', 'リクエストの受信が時間内に終わりませんでした。') },
  HPE_HEADER_OVERFLOW: { status: 431, reason: 'Request Header Fields Too Large', body: errorBody('HEADERS_TOO_LARGE', 'リクエストのヘッダーが大きすぎます。') },
}
const MALFORMED = { status: 400, reason: 'Bad Request', body: errorBody('MALFORMED_REQUEST', 'リクエストの形式が正しくありません。') }

/**
 * Fastify's `clientErrorHandler`: what Node's HTTP parser refuses before Fastify sees a request (headers too large,
 * a broken request line, a slow client) is answered on the socket in the same envelope.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return
  const { status, reason, body } = CLIENT_ERRORS[error.code ?? ''] ?? MALFORMED
  const text = JSON.stringify(body)
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Length: ${Buffer.byteLength(text)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${text}`,
    )
  }
  socket.destroy(error)
}

/** One error envelope for the whole API; anything unexpected is logged and masked as a 500. */
export function installErrorHandlers(app: FastifyInstance, { spaFallback, retryAfterSeconds }: { spaFallback: boolean; retryAfterSeconds: number }): void {
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.status).send(errorBody(error.code, error.message, error.details))
    }
    // Requests queue for a database connection longer than DATABASE_WAIT_MS: overloaded, like a lagging event loop.
    if (error instanceof DatabaseBusy) {
      const busy = serverBusy(retryAfterSeconds)
      return reply.status(busy.status).header('retry-after', String(retryAfterSeconds)).send(errorBody(busy.code, busy.message))
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const location = LOCATION[error.validationContext ?? 'body'] ?? ''
      const details = error.validation.map((issue) => ({
        path: [location, issue.instancePath.replace(/^\//, '').replaceAll('/', '.')].filter(Boolean).join('.'),
        message: issue.message ?? '値が正しくありません。',
      }))
      // A field whose own check names a code (団体コード, 法人番号) answers with that code.
      const specific = error.validation
        .map((issue) => (issue.params as { params?: { code?: string } } | undefined)?.params?.code)
        .find((code): code is string => typeof code === 'string')
      const code = specific ?? 'VALIDATION_FAILED'
      const message = specific ? details[0]!.message : '入力内容に誤りがあります。各項目のメッセージを確認してください。'
      return reply.status(400).send(errorBody(code, message, details))
    }
    const status = (error as FastifyError).statusCode
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const { code, message } = fastifyClientError(error as FastifyError)
      return reply.status(status).send(errorBody(code, message))
    }
    request.log.error({ err: error }, 'unhandled error')
    return reply.status(500).send(errorBody('INTERNAL', 'サーバーで問題が発生しました。時間をおいて再度お試しください。'))
  })

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!
    // The client's own pages (/skill-standard/producer) get the SPA; /api and /docs keep the JSON 404.
    const isClientPage = request.method === 'GET' && !path.startsWith('/api/') && !path.startsWith('/docs') && !path.includes('.')
    if (spaFallback && isClientPage) return reply.sendFile('index.html')
    return reply.status(404).send(errorBody('NOT_FOUND', `${request.method} ${path} は存在しません。`))
  })
}
