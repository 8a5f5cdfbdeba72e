/**
 * States of a pool engagement (人材バンクの依頼) and of a dispatch request (派遣依頼). Pure tables: who may move a
 * record from which state by which action.
 *
 * Engagement (備後圏域の人材バンク, 参考4.4-⑰): a member municipality asks for a listed person → the operator
 * brokers it with proposed terms → the person accepts (terms recorded as agreed) or declines.
 * Dispatch (事例集 p.26 宮城・福島・静岡; 手順書 §4.4(8)): a municipality asks for a menu → the prefecture approves with
 * an expert and a date, or declines → after the visit an outcome report completes it.
 */

export type EngagementState = 'requested' | 'offered' | 'agreed' | 'declined' | 'rejected' | 'withdrawn'
export type EngagementAction = 'offer' | 'accept' | 'decline' | 'reject' | 'withdraw'
/** Who acts on an engagement: the requesting member, the pool's operator, the person asked. */
export type EngagementParty = 'member' | 'operator' | 'candidate'

export const engagementStateLabels: Record<EngagementState, string> = {
  requested: '依頼中',
  offered: '本人に打診中',
  agreed: '合意済み',
  declined: '本人が辞退',
  rejected: '運営団体が見送り',
  withdrawn: '依頼を取下げ',
}

const ENGAGEMENT: Record<EngagementAction, { from: EngagementState[]; to: EngagementState; by: EngagementParty }> = {
  offer: { from: ['requested'], to: 'offered', by: 'operator' },
  reject: { from: ['requested', 'offered'], to: 'rejected', by: 'operator' },
  accept: { from: ['offered'], to: 'agreed', by: 'candidate' },
  decline: { from: ['offered'], to: 'declined', by: 'candidate' },
  withdraw: { from: ['requested', 'offered'], to: 'withdrawn', by: 'member' },
}

export type Transition<S> = { ok: true; to: S } | { ok: false; message: string }

export function nextEngagementState(state: EngagementState, action: EngagementAction, party: EngagementParty): Transition<EngagementState> {
  const rule = ENGAGEMENT[action]
  if (rule.by !== party) return { ok: false, message: 'この操作を行う権限がありません。' }
  if (!rule.from.includes(state)) {
    return { ok: false, message: `「${engagementStateLabels[state]}」の依頼にはこの操作はできません。` }
  }
  return { ok: true, to: rule.to }
}

export type DispatchState = 'requested' | 'approved' | 'declined' | 'cancelled' | 'completed'
export type DispatchAction = 'approve' | 'decline' | 'cancel' | 'complete'
export type DispatchParty = 'municipality' | 'prefecture'

export const dispatchStateLabels: Record<DispatchState, string> = {
  requested: '申請中',
  approved: '承認済み',
  declined: '見送り',
  cancelled: '取下げ',
  completed: '実施済み',
}

const DISPATCH: Record<DispatchAction, { from: DispatchState[]; to: DispatchState; by: DispatchParty[] }> = {
  approve: { from: ['requested'], to: 'approved', by: ['prefecture'] },
  decline: { from: ['requested'], to: 'declined', by: ['prefecture'] },
  cancel: { from: ['requested', 'approved'], to: 'cancelled', by: ['municipality'] },
  complete: { from: ['approved'], to: 'completed', by: ['prefecture', 'municipality'] },
}

export function nextDispatchState(state: DispatchState, action: DispatchAction, party: DispatchParty): Transition<DispatchState> {
  const rule = DISPATCH[action]
  if (!rule.by.includes(party)) return { ok: false, message: 'この操作を行う権限がありません。' }
  if (!rule.from.includes(state)) return { ok: false, message: `「${dispatchStateLabels[state]}」の派遣依頼にはこの操作はできません。` }
  return { ok: true, to: rule.to }
}

/** States whose dispatch counts against the quota when a new request is made (pending ones included). */
export const dispatchStatesCountedOnRequest: readonly DispatchState[] = ['requested', 'approved', 'completed']
/** States whose dispatch counts against the quota when one is approved. */
export const dispatchStatesCountedOnApproval: readonly DispatchState[] = ['approved', 'completed']
/** States whose time counts against a person's capacity. */
export const engagementStatesHoldingTime: readonly EngagementState[] = ['agreed']
export const dispatchStatesHoldingTime: readonly DispatchState[] = ['approved', 'completed']
