/**
 * The posting's way from draft to the national list (手順書 参考4.4-⑭ ②: municipalities → prefecture → MIC publishes).
 *
 *   draft ─submit→ submitted ─forward→ forwarded ─publish→ published ─close→ closed
 *                      └─return→ returned ─submit→ submitted   (the national side may return a forwarded one too)
 *
 * Pure: takes the state, the action and who acts; answers the next state or why not. Tenancy (which municipality
 * or prefecture) is decided in SQL before this runs.
 */
import { z } from 'zod'

export const PostingState = z.enum(['draft', 'submitted', 'returned', 'forwarded', 'published', 'closed'])
export type PostingState = z.infer<typeof PostingState>

export const postingStateLabels: Record<PostingState, string> = {
  draft: '下書き',
  submitted: '都道府県で確認中',
  returned: '差戻し',
  forwarded: '国で確認中',
  published: '公開中',
  closed: '募集終了',
}

export const PostingAction = z.enum(['submit', 'return', 'forward', 'publish', 'close', 'expire'])
export type PostingAction = z.infer<typeof PostingAction>

export const postingActionLabels: Record<PostingAction, string> = {
  submit: '都道府県へ提出',
  return: '差し戻す',
  forward: '国へ送付',
  publish: '公開する',
  close: '募集を終了する',
  expire: '締切による終了',
}

export const CloseReason = z.enum(['filled', 'withdrawn', 'expired'])
export type CloseReason = z.infer<typeof CloseReason>

export const closeReasonLabels: Record<CloseReason, string> = { filled: '採用決定', withdrawn: '取下げ', expired: '締切経過' }

/** Who acts: staff of a kind, or the system (the deadline timer). */
export type WorkflowActor = 'municipality' | 'prefecture' | 'national' | 'candidate' | 'anonymous' | 'system'

/** `forbidden`: this kind of actor never takes the action; `wrong_state`: not from this state. */
export type Transition = { ok: true; next: PostingState } | { ok: false; refusal: 'forbidden' | 'wrong_state'; reason: string }

const TRANSITIONS: ReadonlyArray<{ from: readonly PostingState[]; action: PostingAction; by: readonly WorkflowActor[]; to: PostingState }> = [
  { from: ['draft', 'returned'], action: 'submit', by: ['municipality'], to: 'submitted' },
  { from: ['submitted'], action: 'return', by: ['prefecture'], to: 'returned' },
  { from: ['forwarded'], action: 'return', by: ['national'], to: 'returned' },
  { from: ['submitted'], action: 'forward', by: ['prefecture'], to: 'forwarded' },
  { from: ['forwarded'], action: 'publish', by: ['national'], to: 'published' },
  // The municipality may withdraw at any point and mark a published post filled; the national side may take a
  // published post down.
  { from: ['draft', 'submitted', 'returned', 'forwarded', 'published'], action: 'close', by: ['municipality'], to: 'closed' },
  { from: ['published'], action: 'close', by: ['national'], to: 'closed' },
  { from: ['published'], action: 'expire', by: ['system'], to: 'closed' },
]

export function nextPostingState(state: PostingState, action: PostingAction, actor: WorkflowActor): Transition {
  const byAction = TRANSITIONS.filter((transition) => transition.action === action)
  const allowedFor = byAction.filter((transition) => transition.by.includes(actor))
  if (allowedFor.length === 0) return { ok: false, refusal: 'forbidden', reason: `この立場では「${postingActionLabels[action]}」はできません。` }
  const match = allowedFor.find((transition) => transition.from.includes(state))
  if (!match) return { ok: false, refusal: 'wrong_state', reason: `「${postingStateLabels[state]}」の募集には「${postingActionLabels[action]}」はできません。` }
  return { ok: true, next: match.to }
}

/** Actions an actor can take on a posting in a state (the screen shows only these buttons). */
export function availableActions(state: PostingState, actor: WorkflowActor): PostingAction[] {
  return PostingAction.options.filter((action) => action !== 'expire' && nextPostingState(state, action, actor).ok)
}

export type Editability = { editable: true; createsRevision: boolean } | { editable: false; reason: string }

/**
 * Municipal staff edit drafts and returned postings in place; a published posting takes edits as a new revision
 * (its public page then shows 更新). While the prefecture or the national side reviews it, it is frozen.
 */
export function postingEditability(state: PostingState, actor: WorkflowActor): Editability {
  if (actor !== 'municipality') return { editable: false, reason: '募集を編集できるのは募集団体の担当者だけです。' }
  switch (state) {
    case 'draft':
    case 'returned':
      return { editable: true, createsRevision: false }
    case 'published':
      return { editable: true, createsRevision: true }
    case 'submitted':
    case 'forwarded':
      return { editable: false, reason: 'この募集は審査中のため編集できません。差し戻されると編集できます。' }
    case 'closed':
      return { editable: false, reason: '募集を終了したため編集できません。' }
  }
}

/** Who may close for which reason: `filled` only once published; `expired` only by the deadline timer. */
export function closeReasonProblem(state: PostingState, reason: CloseReason, actor: WorkflowActor): string | null {
  if (reason === 'expired') return actor === 'system' ? null : '締切による終了は自動で行われます。'
  if (reason === 'filled' && (state !== 'published' || actor !== 'municipality')) return '採用決定で終了できるのは公開中の募集だけです。'
  return null
}
