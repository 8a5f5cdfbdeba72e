import type { FastifyInstance } from 'fastify'
import { AppError } from './errors.ts'

// PostgreSQL text cannot hold U+0000, and a lone UTF-16 surrogate has no UTF-8 form (it would be stored altered).
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

// parsed JSON and query strings (whose prototype chain ends early); not uploaded bytes or streams
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return false
  return typeof (value as { pipe?: unknown }).pipe !== 'function'
}

/** Paths (`body.items.0.title`) of the strings and keys in `value` that PostgreSQL cannot store as sent. */
export function unstorablePaths(value: unknown, path: string, found: string[] = []): string[] {
  if (found.length >= 20) return found
  if (typeof value === 'string') {
    if (UNSTORABLE.test(value)) found.push(path)
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => unstorablePaths(item, `${path}.${index}`, found))
  } else if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (UNSTORABLE.test(key)) found.push(path)
      else unstorablePaths(item, `${path}.${key}`, found)
    }
  }
  return found
}

/**
 * Every route, before its schema runs: text in the path, query or JSON body that PostgreSQL cannot store is a 400
 * naming the fields, so it never reaches SQL (one place for every contract; file uploads are bytes and not walked).
 */
export function refuseUnstorableText(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const paths = [...unstorablePaths(request.params, 'path'), ...unstorablePaths(request.query, 'query'), ...unstorablePaths(request.body, 'body')].map(
      (path) => path.replace(/^body\.?/, ''),
    )
    if (paths.length > 0) {
      throw new AppError(
        'VALIDATION_FAILED',
        '使用できない文字（NUL 文字や壊れた文字コード）が含まれています。該当する項目を入力し直してください。',
        400,
        paths.map((path) => ({ path, message: 'NUL 文字や壊れた文字コードは使用できません。' })),
      )
    }
  })
}
