import { z } from 'zod'
import { AccountKind } from '../domain/accounts.ts'
import { endpoint, page, PageQuery } from './endpoint.ts'
import { LocalGovernmentCode, PrefectureCode } from './local-governments.ts'

/*
 * Accounts (アカウント), sessions and staff accounts (担当者アカウント).
 *
 * Sessions live in a cookie `sid` (HttpOnly) with a readable `csrf_token` cookie beside it; every state-changing
 * request made with a session must send that value back as `x-csrf-token` (client/api.ts does this).
 * `GET /api/auth/me` answers 200 `{ signedIn: false }` to a caller without a (live) session, never 401, so the
 * client can ask on every page load; any other route that needs a session answers 401 UNAUTHENTICATED.
 */

/** Shortest password accepted (NISC / NIST SP 800-63B: length over composition rules). */
export const PASSWORD_MIN_LENGTH = 12
/** Longest password accepted: argon2 hashes anything, this only keeps a request from being used to burn CPU. */
export const PASSWORD_MAX_LENGTH = 128
/** The rule as the sign-up and password forms show it; the server also refuses guessable passwords (zxcvbn-ts). */
export const PASSWORD_RULE = `${PASSWORD_MIN_LENGTH}文字以上。よく使われるパスワード（password1234 など）、同じ文字や空白の繰り返し、1234 や qwerty のような並び、メールアドレスや氏名を含むものは使えません。長い文章のようなパスワードがおすすめです。`

/** Why a new password is refused, in Japanese for the person at the screen; null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  const length = [...password].length // code points, so 絵文字 count once
  if (length < PASSWORD_MIN_LENGTH) return `パスワードは${PASSWORD_MIN_LENGTH}文字以上で入力してください。`
  if (length > PASSWORD_MAX_LENGTH) return `パスワードは${PASSWORD_MAX_LENGTH}文字以内で入力してください。`
  if (password.trim() === '') return 'パスワードに空白以外の文字を含めてください。'
  if (new Set(password).size === 1) return '同じ文字だけのパスワードは使えません。'
  return null
}

/** A password being set (sign-up, reset, invitation). Sign-in accepts any string, so old passwords still work. */
export const NewPassword = z.string().superRefine((value, context) => {
  const problem = passwordProblem(value)
  if (problem) context.addIssue({ code: 'custom', message: problem })
})

/** E-mail addresses are compared and stored trimmed and in lower case. */
export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, { message: 'メールアドレスは254文字以内で入力してください。' })
  .pipe(z.email({ message: 'メールアドレスの形式が正しくありません。' }))

export const DisplayName = z
  .string()
  .trim()
  .min(1, { message: '氏名（表示名）を入力してください。' })
  .max(50, { message: '氏名（表示名）は50文字以内で入力してください。' })

/** A one-time token from a mailed link (base64url, 43 characters when issued). */
export const OneTimeToken = z
  .string()
  .trim()
  .min(1, { message: 'リンクの確認用コードがありません。メールのリンクをもう一度開いてください。' })
  .max(200, { message: 'リンクの確認用コードが正しくありません。' })

const Named = z.object({ code: z.string(), name: z.string() })

/** The signed-in person's own account. */
export const Account = z.object({
  id: z.string(),
  kind: AccountKind,
  email: z.string(),
  displayName: z.string(),
  /** 市区町村の担当者: their municipality (団体コード and name). */
  localGovernment: Named.nullable(),
  /** 市区町村・都道府県の担当者: their prefecture (都道府県コード 2 digits and name). */
  prefecture: Named.nullable(),
})
export type Account = z.infer<typeof Account>

/** `GET /api/auth/me`: 200 either way; `signedIn: false` when there is no live session. */
export const Me = z.discriminatedUnion('signedIn', [z.object({ signedIn: z.literal(false) }), z.object({ signedIn: z.literal(true), account: Account })])
export type Me = z.infer<typeof Me>

/**
 * A page of this service to come back to (a posting someone signed up from): a path on the same site, never
 * another origin (`//host`, `/\\host`) and without spaces or control characters.
 */
export const ReturnPath = z
  .string()
  .max(300, { message: '戻り先のページは300文字以内で指定してください。' })
  .regex(/^\/(?![/\\])[^\s\p{Cc}]*$/u, { message: '戻り先のページは、このサービスのページで指定してください。' })

export const SignUpRequest = z.object({
  email: Email,
  password: NewPassword,
  displayName: DisplayName,
  /** Carried in the confirmation link, so the first sign-in leads back there, on whichever device opens the mail. */
  returnTo: ReturnPath.optional(),
})
export type SignUpRequest = z.infer<typeof SignUpRequest>

/**
 * The same answer whether or not the address was already registered (so sign-up cannot be used to find out who
 * has an account); the mailbox receives either a confirmation link or a note that the address is registered.
 */
export const SignUpAccepted = z.object({ email: z.string() })

export const ConfirmEmailRequest = z.object({ token: OneTimeToken })
export const EmailConfirmed = z.object({ email: z.string() })

export const SignInRequest = z.object({
  email: Email,
  password: z.string().min(1, { message: 'パスワードを入力してください。' }).max(1024),
})

export const SignedOut = z.object({ signedIn: z.literal(false) })

export const PasswordResetRequest = z.object({ email: Email })
/** The same answer whether or not the address has an account. */
export const PasswordResetAccepted = z.object({ email: z.string() })

export const PasswordResetConfirm = z.object({ token: OneTimeToken, password: NewPassword })
export const PasswordChanged = z.object({ email: z.string() })

export const StaffKind = z.enum(['municipality', 'prefecture', 'national'])
export type StaffKind = z.infer<typeof StaffKind>

/**
 * A staff account is created without a password: the person receives an invitation link (valid 72 hours) and
 * sets their own password through `POST /api/auth/password-reset/confirm`.
 */
export const CreateStaffAccountRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('municipality'), email: Email, displayName: DisplayName, localGovernmentCode: LocalGovernmentCode }),
  z.object({ kind: z.literal('prefecture'), email: Email, displayName: DisplayName, prefectureCode: PrefectureCode }),
  z.object({ kind: z.literal('national'), email: Email, displayName: DisplayName }),
])
export type CreateStaffAccountRequest = z.infer<typeof CreateStaffAccountRequest>

export const StaffAccount = Account.extend({
  kind: StaffKind,
  /** Whether the person has followed the invitation link and set a password. */
  invitationAccepted: z.boolean(),
  createdAt: z.string(),
})
export type StaffAccount = z.infer<typeof StaffAccount>

export const StaffAccountQuery = PageQuery.extend({
  kind: StaffKind.optional(),
  localGovernmentCode: LocalGovernmentCode.optional(),
  prefectureCode: PrefectureCode.optional(),
})

const tags = ['アカウント']

export const signUp = endpoint({
  operationId: 'signUp',
  method: 'POST',
  path: '/api/auth/sign-up',
  summary: '外部デジタル人材の利用登録（確認メールを送信）',
  tags,
  body: SignUpRequest,
  response: SignUpAccepted,
  successStatus: 202,
})

export const confirmEmail = endpoint({
  operationId: 'confirmEmail',
  method: 'POST',
  path: '/api/auth/confirm-email',
  summary: 'メールアドレスの確認（メールのリンクの確認用コード）',
  tags,
  body: ConfirmEmailRequest,
  response: EmailConfirmed,
})

export const signIn = endpoint({
  operationId: 'signIn',
  method: 'POST',
  path: '/api/auth/sign-in',
  summary: 'ログイン（セッション Cookie を発行）',
  tags,
  body: SignInRequest,
  response: Account,
})

export const signOut = endpoint({
  operationId: 'signOut',
  method: 'POST',
  path: '/api/auth/sign-out',
  summary: 'ログアウト（セッションを削除）',
  tags,
  response: SignedOut,
})

export const getMe = endpoint({
  operationId: 'getMe',
  method: 'GET',
  path: '/api/auth/me',
  summary: 'ログイン中のアカウント（未ログインなら signedIn: false）',
  tags,
  response: Me,
})

export const requestPasswordReset = endpoint({
  operationId: 'requestPasswordReset',
  method: 'POST',
  path: '/api/auth/password-reset/request',
  summary: 'パスワード再設定メールの送信（1時間有効のリンク）',
  tags,
  body: PasswordResetRequest,
  response: PasswordResetAccepted,
  successStatus: 202,
})

export const confirmPasswordReset = endpoint({
  operationId: 'confirmPasswordReset',
  method: 'POST',
  path: '/api/auth/password-reset/confirm',
  summary: '新しいパスワードの設定（再設定・担当者の招待）',
  tags,
  body: PasswordResetConfirm,
  response: PasswordChanged,
})

export const createStaffAccount = endpoint({
  operationId: 'createStaffAccount',
  method: 'POST',
  path: '/api/staff-accounts',
  summary: '担当者アカウントの作成（招待メールを送信）',
  tags,
  body: CreateStaffAccountRequest,
  response: StaffAccount,
  successStatus: 201,
})

export const listStaffAccounts = endpoint({
  operationId: 'listStaffAccounts',
  method: 'GET',
  path: '/api/staff-accounts',
  summary: '担当者アカウントの一覧（自分の管轄のみ）',
  tags,
  query: StaffAccountQuery,
  response: page(StaffAccount),
})

export const getStaffAccount = endpoint({
  operationId: 'getStaffAccount',
  method: 'GET',
  path: '/api/staff-accounts/:id',
  summary: '担当者アカウント（管轄外は 404）',
  tags,
  params: z.object({ id: z.uuid({ message: 'ID の形式が正しくありません。' }) }),
  response: StaffAccount,
})
