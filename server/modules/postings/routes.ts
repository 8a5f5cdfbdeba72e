import type { FastifyInstance, FastifyRequest } from 'fastify'
import {
  confirmSubscription,
  createPosting,
  ExportQuery,
  getPublicPosting,
  getRolePreset,
  getStaffPosting,
  importPostings,
  listStaffPostings,
  PostingIdParams,
  searchPostings,
  subscribe,
  transitionPosting,
  unsubscribe,
  updatePosting,
  updatePostingChecklist,
  deletePostingDraft,
} from '#shared/contracts/postings'
import { presetCriteria } from '#shared/domain/postings/presets'
import { findRole, SKILL_STANDARD_VERSION } from '#shared/domain/skill-standard/index'
import type { Access } from '../../http/actor.ts'
import { notFound } from '../../http/errors.ts'
import { fileResponse, PDF, XLSX } from '../../http/file-response.ts'
import { route } from '../../http/route.ts'
import * as documents from './documents.ts'
import * as publicPostings from './public.ts'
import * as service from './service.ts'
import * as subscriptions from './subscriptions.ts'

const STAFF: Access = ['municipality', 'prefecture', 'national']

const requestInfo = (request: FastifyRequest) => ({ ip: request.ip, id: request.id })

function sendFile(reply: import('fastify').FastifyReply, file: { bytes: Buffer; fileName: string; contentType: string }) {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="posting"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .header('cache-control', 'no-store')
    .send(file.bytes)
}

export function postingRoutes(app: FastifyInstance, deps: documents.DocumentDeps): void {
  // ── staff ──
  route(app, createPosting, ['municipality'], ({ actor, body, request }) => service.createPosting(deps, actor, body, requestInfo(request)))
  route(app, listStaffPostings, STAFF, async ({ actor, query }) => ({
    ...(await service.listStaffPostings(deps, actor, query)),
    limit: query.limit,
    offset: query.offset,
  }))
  route(app, getStaffPosting, STAFF, ({ actor, params }) => service.getStaffPosting(deps, actor, params.id))
  route(app, updatePosting, ['municipality'], ({ actor, params, body, request }) => service.updatePosting(deps, actor, params.id, body, requestInfo(request)))
  route(app, deletePostingDraft, ['municipality'], ({ actor, params, request }) => service.deletePostingDraft(deps, actor, params.id, requestInfo(request)))
  route(app, transitionPosting, STAFF, ({ actor, params, body, request }) => service.transitionPosting(deps, actor, params.id, body, requestInfo(request)))
  route(app, updatePostingChecklist, ['municipality'], ({ actor, params, body, request }) =>
    service.updatePostingChecklist(deps, actor, params.id, body.entries, requestInfo(request)),
  )
  route(app, importPostings, ['municipality'], ({ actor, body, request }) => documents.importPostingsXlsx(deps, actor, body.fileBase64, requestInfo(request)))

  // ── public ──
  route(app, getRolePreset, 'public', ({ params }) => {
    const role = findRole(params.roleId)
    if (!role) throw notFound('指定された人材像はありません。')
    return { ...presetCriteria(role), version: SKILL_STANDARD_VERSION }
  })
  route(app, searchPostings, 'public', async ({ query }) => ({
    ...(await publicPostings.searchPublicPostings(deps, query)),
    limit: query.limit,
    offset: query.offset,
  }))
  route(app, getPublicPosting, 'public', ({ params }) => publicPostings.getPublicPosting(deps, params.id))
  route(app, subscribe, 'public', ({ body, request }) => subscriptions.subscribe(deps, body, requestInfo(request)))
  route(app, confirmSubscription, 'public', ({ body }) => subscriptions.confirmSubscription(deps, body.token))
  route(app, unsubscribe, 'public', ({ body }) => subscriptions.unsubscribe(deps, body.token))

  // ── binary downloads (route() answers JSON, so these use app.get with the same access declaration) ──
  // PDF: anyone for a published posting; otherwise the staff who may read it.
  app.get(
    '/api/postings/:id/pdf',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getPostingPdf',
        summary: '募集要項（標準募集様式）のPDF',
        description: '公開（公開前の募集はその募集を読める職員のみ）',
        tags: ['募集（公開）'],
        params: PostingIdParams,
        response: fileResponse(PDF, '募集要項（PDF）'),
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string }
      return sendFile(reply, await documents.postingPdf(deps, request.actor, id))
    },
  )
  app.get(
    '/api/staff/postings/:id/xlsx',
    {
      config: { access: STAFF },
      schema: {
        operationId: 'getPostingXlsx',
        summary: '募集1件のExcel（標準募集様式の列順）',
        description: `利用できる利用者: ${(STAFF as string[]).join(', ')}`,
        tags: ['職員向け 募集'],
        params: PostingIdParams,
        response: fileResponse(XLSX, '募集1件（Excel）'),
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string }
      return sendFile(reply, await documents.postingXlsx(deps, request.actor, id))
    },
  )
  app.get(
    '/api/staff/postings/import-template',
    {
      config: { access: ['municipality'] },
      schema: {
        operationId: 'getPostingImportTemplateXlsx',
        summary: '取り込み用の空の様式（Excel、選択肢つき）',
        description: '利用できる利用者: municipality',
        tags: ['職員向け 募集'],
        response: fileResponse(XLSX, '空の標準募集様式（Excel）'),
      },
    },
    async (_request, reply) => sendFile(reply, await documents.postingTemplateXlsx(deps)),
  )
  app.get(
    '/api/staff/postings/export',
    {
      config: { access: ['prefecture', 'national'] },
      schema: {
        operationId: 'exportForwardedPostingsXlsx',
        summary: '期間内に国へ送付した募集の一覧（Excel、1件ごとに整理番号の行から）',
        description: '利用できる利用者: prefecture, national',
        tags: ['職員向け 募集'],
        querystring: ExportQuery,
        response: fileResponse(XLSX, '募集の一覧（Excel）'),
      },
    },
    async (request, reply) => {
      const { from, to } = request.query as { from: string; to: string }
      return sendFile(reply, await documents.forwardedPostingsXlsx(deps, request.actor, from, to))
    },
  )
}
