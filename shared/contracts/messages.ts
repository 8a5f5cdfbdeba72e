/**
 * Messages (メッセージ): one thread per application between the posting municipality's staff and the applicant,
 * plain text with optional PDF attachments.
 */
import { z } from 'zod'
import { endpoint, page, PageQuery } from './endpoint.ts'

/** Attachments: PDF only (checked by their first bytes), at most 5 MB each, one per message. */
export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024
/** Base64 of 5 MB plus slack for the JSON around it. */
export const MESSAGE_BODY_LIMIT = Math.ceil((ATTACHMENT_MAX_BYTES * 4) / 3) + 64 * 1024
export const MESSAGE_MAX_LENGTH = 4000

export const MessageSide = z.enum(['staff', 'candidate'])
export type MessageSide = z.infer<typeof MessageSide>

export const ApplicationThreadParams = z.object({ applicationId: z.uuid({ message: '応募IDの形式が正しくありません。' }) })
export const AttachmentParams = z.object({ attachmentId: z.uuid({ message: '添付ファイルIDの形式が正しくありません。' }) })

export const AttachmentUpload = z.object({
  fileName: z.string().trim().min(1, { message: '添付ファイルの名前がありません。' }).max(200, { message: '添付ファイルの名前は200文字以内にしてください。' }),
  /** The PDF, base64 encoded. */
  contentBase64: z
    .string()
    .max(Math.ceil((ATTACHMENT_MAX_BYTES * 4) / 3) + 4, { message: '添付ファイルは5MB以内にしてください。' })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: '添付ファイルの形式が正しくありません（base64）。' }),
})

export const SendMessageRequest = z.object({
  body: z
    .string({ message: '本文を入力してください。' })
    .trim()
    .min(1, { message: '本文を入力してください。' })
    .max(MESSAGE_MAX_LENGTH, { message: `本文は${MESSAGE_MAX_LENGTH}文字以内で入力してください。` }),
  attachment: AttachmentUpload.nullable().default(null),
})
export type SendMessageRequest = z.infer<typeof SendMessageRequest>

export const MessageAttachment = z.object({ id: z.string(), fileName: z.string(), size: z.number().int() })

export const Message = z.object({
  id: z.string(),
  side: MessageSide,
  /** 「松山市 担当者」 or the applicant's name (「応募者」 when not known to the reader). */
  authorLabel: z.string(),
  /** Whether the reader wrote it (their side). */
  mine: z.boolean(),
  body: z.string(),
  attachments: z.array(MessageAttachment),
  createdAt: z.string(),
})
export type Message = z.infer<typeof Message>

export const Thread = z.object({
  applicationId: z.string(),
  postingTitle: z.string().nullable(),
  municipalityName: z.string(),
  /** Shown to the municipality; null for the applicant themself. */
  candidateName: z.string().nullable(),
  messages: z.array(Message),
  unread: z.number().int(),
})
export type Thread = z.infer<typeof Thread>

export const ThreadSummary = z.object({
  id: z.string(),
  applicationId: z.string(),
  postingTitle: z.string().nullable(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  candidateName: z.string().nullable(),
  lastMessageAt: z.string().nullable(),
  unread: z.number().int(),
})
export type ThreadSummary = z.infer<typeof ThreadSummary>

export const AttachmentFile = z.object({ fileName: z.string(), contentBase64: z.string(), size: z.number().int() })

const tags = ['メッセージ']

export const listThreads = endpoint({
  operationId: 'listThreads',
  method: 'GET',
  path: '/api/message-threads',
  summary: 'メッセージのスレッド一覧（本人の応募・自団体の募集への応募）',
  tags,
  query: PageQuery,
  response: page(ThreadSummary),
})

export const unreadMessages = endpoint({
  operationId: 'unreadMessages',
  method: 'GET',
  path: '/api/message-threads/unread',
  summary: '未読メッセージの件数',
  tags,
  response: z.object({ unread: z.number().int() }),
})

export const getApplicationThread = endpoint({
  operationId: 'getApplicationThread',
  method: 'GET',
  path: '/api/applications/:applicationId/messages',
  summary: '応募のメッセージ（古い順）',
  tags,
  params: ApplicationThreadParams,
  response: Thread,
})

export const sendApplicationMessage = endpoint({
  operationId: 'sendApplicationMessage',
  method: 'POST',
  path: '/api/applications/:applicationId/messages',
  summary: '応募のスレッドにメッセージを送る（本文、任意で PDF 1件 5MB まで）',
  tags,
  params: ApplicationThreadParams,
  body: SendMessageRequest,
  response: Message,
  successStatus: 201,
})

export const markApplicationThreadRead = endpoint({
  operationId: 'markApplicationThreadRead',
  method: 'POST',
  path: '/api/applications/:applicationId/messages/read',
  summary: '応募のスレッドを既読にする',
  tags,
  params: ApplicationThreadParams,
  response: z.object({ unread: z.number().int() }),
})

export const getMessageAttachment = endpoint({
  operationId: 'getMessageAttachment',
  method: 'GET',
  path: '/api/message-attachments/:attachmentId',
  summary: 'メッセージの添付ファイル（PDF, base64）',
  tags,
  params: AttachmentParams,
  response: AttachmentFile,
})
