import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { z } from 'zod'
import { OPEN_DATA_PATHS, OpenDataCsvQuery, OpenDataFeed, OpenDataQuery } from '#shared/contracts/open-data'
import { ErrorBody } from '#shared/errors'
import type { Db } from '../../db/database.ts'
import { AppError } from '../../http/errors.ts'
import { fileResponse } from '../../http/file-response.ts'
import { LICENCE } from '#shared/domain/licence'
import { publishedPostingsFeed } from '../postings/index.ts'
import { entityTag, notModified, openDataPosting, renderCsv } from './feed.ts'

export interface OpenDataDeps {
  db: Db
  config: { publicUrl: string }
}

const tags = ['オープンデータ']
const CSV = 'text/csv'
const CONDITIONAL = 'ETag と Last-Modified を返し、If-None-Match / If-Modified-Since が一致すれば本文なしの 304 を返します。'
const PAGING = `limit を付けるとそのページだけ（Link ヘッダーの rel="next" が次のページ）、付けなければすべてを返します。件数の合計は X-Total-Count ヘッダーにあります。`

/** Answers a query the schema refused with the envelope, its message naming the parameter. */
function invalidQuery(schema: z.ZodType, query: unknown): AppError {
  const result = schema.safeParse(query)
  const issues = result.success ? [] : result.error.issues
  const details = issues.map((issue) => ({ path: ['query', ...issue.path.map(String)].join('.'), message: issue.message }))
  return new AppError('VALIDATION_FAILED', details.map((detail) => detail.message).join(' ') || 'クエリの指定が正しくありません。', 400, details)
}

function nextLink(request: FastifyRequest, publicUrl: string, offset: number): string {
  const url = new URL(request.url, publicUrl)
  url.searchParams.set('offset', String(offset))
  return url.href
}

async function answer(
  deps: OpenDataDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  query: { updatedSince?: Date | undefined; limit?: number | undefined; offset?: number | undefined },
  render: (feed: OpenDataFeed) => { bytes: Buffer | string; contentType: string },
) {
  const limit = query.limit ?? null
  const offset = query.offset ?? 0
  const { items, total, lastModified } = await publishedPostingsFeed(deps.db, {
    ...(query.updatedSince ? { updatedSince: query.updatedSince } : {}),
    limit,
    offset,
  })
  const next = limit !== null && offset + items.length < total ? nextLink(request, deps.config.publicUrl, offset + limit) : null
  const feed: OpenDataFeed = {
    licence: {
      name: LICENCE.name,
      url: LICENCE.url,
      attribution: `出典：自治体DX 外部デジタル人材 募集・マッチング 募集情報オープンデータ（${new URL('/open-data', deps.config.publicUrl).href}）`,
    },
    lastModified: lastModified?.toISOString() ?? null,
    total,
    offset,
    limit,
    next,
    items: items.map((posting) => openDataPosting(posting, deps.config.publicUrl)),
  }
  const { bytes, contentType } = render(feed)
  const etag = entityTag(bytes)
  const links = [`<${LICENCE.url}>; rel="license"`, ...(next ? [`<${next}>; rel="next"`] : [])]
  reply
    .header('etag', etag)
    .header('cache-control', 'public, max-age=300')
    .header('link', links.join(', '))
    .header('x-total-count', String(total))
    // Key-less open data: any site may read it from a browser (no cookies are involved).
    .header('access-control-allow-origin', '*')
    .header('access-control-expose-headers', 'ETag, Last-Modified, Link, X-Total-Count')
  if (lastModified) reply.header('last-modified', lastModified.toUTCString())
  const conditional = { ifNoneMatch: request.headers['if-none-match'], ifModifiedSince: request.headers['if-modified-since'] }
  if (notModified(conditional, etag, lastModified)) return reply.status(304).send()
  return reply.header('content-type', contentType).send(bytes)
}

export function openDataRoutes(app: FastifyInstance, deps: OpenDataDeps): void {
  app.get(
    OPEN_DATA_PATHS.json,
    {
      attachValidation: true,
      config: { access: 'public' },
      schema: {
        operationId: 'getOpenDataPostingsJson',
        summary: '募集情報オープンデータ（JSON）',
        description: `公開された募集（募集終了を含む）。登録・キー不要、${LICENCE.name}。${PAGING}${CONDITIONAL}`,
        tags,
        querystring: OpenDataQuery,
        response: { 200: OpenDataFeed, '4xx': ErrorBody },
      },
    },
    async (request, reply) => {
      if (request.validationError) throw invalidQuery(OpenDataQuery, request.query)
      const query = request.query as z.output<typeof OpenDataQuery>
      return answer(deps, request, reply, query, (feed) => ({ bytes: JSON.stringify(feed), contentType: 'application/json; charset=utf-8' }))
    },
  )
  app.get(
    OPEN_DATA_PATHS.csv,
    {
      attachValidation: true,
      config: { access: 'public' },
      schema: {
        operationId: 'getOpenDataPostingsCsv',
        summary: '募集情報オープンデータ（CSV、1行1件）',
        description: `JSON と同じ募集を日本語の列名で。UTF-8（BOM 付き）、encoding=sjis で Shift_JIS。${PAGING}${CONDITIONAL}`,
        tags,
        querystring: OpenDataCsvQuery,
        response: { ...fileResponse(CSV, '募集の一覧（CSV）'), '4xx': ErrorBody },
      },
    },
    async (request, reply) => {
      if (request.validationError) throw invalidQuery(OpenDataCsvQuery, request.query)
      const query = request.query as z.output<typeof OpenDataCsvQuery>
      return answer(deps, request, reply, query, (feed) => ({
        bytes: renderCsv(feed.items, query.encoding),
        contentType: `${CSV}; charset=${query.encoding === 'sjis' ? 'Shift_JIS' : 'utf-8'}; header=present`,
      }))
    },
  )
}
