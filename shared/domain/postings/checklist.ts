/**
 * 受入れ準備チェックリスト: six things a municipality should have settled before taking someone in (手順書 §4.4(7)).
 * Each posting carries its own ticks and notes; the labels are our paraphrase.
 */
import { z } from 'zod'

export const ChecklistItemId = z.enum([
  'purpose_shared',
  'staff_ownership',
  'realistic_expectations',
  'support_structure',
  'company_agreement',
  'activity_review',
])
export type ChecklistItemId = z.infer<typeof ChecklistItemId>

export const checklistItems: ReadonlyArray<{ id: ChecklistItemId; label: string; hint: string }> = [
  { id: 'purpose_shared', label: '受入れの目的と期待する役割を首長・職員と共有した', hint: '一部の職員だけでなく庁内で広く共有する。' },
  { id: 'staff_ownership', label: '職員が主体となって進める体制がある（丸投げしない）', hint: '外部人材の力を借りつつ、推進の主体は職員。' },
  { id: 'realistic_expectations', label: '期待を専門分野に見合った範囲にとどめた', hint: '得意分野は人により異なる。何でもできるとは考えない。' },
  { id: 'support_structure', label: '受入れ部署・人事部門の支援体制を整えた', hint: '意思決定の仕組みや予算の規則・日程も説明する。' },
  { id: 'company_agreement', label: '所属企業がある場合、任用形態・勤務条件を企業と調整した', hint: '該当しない場合はその旨をメモに残す。' },
  { id: 'activity_review', label: '活動内容を当初の想定と照らして対話で見直す場を設けた', hint: '想定と実際が違うときに双方が納得できるようにする。' },
]

export const ChecklistEntry = z.object({
  id: ChecklistItemId,
  checked: z.boolean(),
  note: z.string().trim().max(500, { message: 'メモは500文字以内で入力してください。' }).default(''),
})
export type ChecklistEntry = z.infer<typeof ChecklistEntry>

/** Every item once, in the document's order; missing items count as unticked. */
export function normalizeChecklist(entries: ReadonlyArray<ChecklistEntry>): ChecklistEntry[] {
  return checklistItems.map(({ id }) => entries.find((entry) => entry.id === id) ?? { id, checked: false, note: '' })
}

export interface Readiness {
  checked: number
  total: number
  isReady: boolean
}

export function readinessOf(entries: ReadonlyArray<ChecklistEntry>): Readiness {
  const all = normalizeChecklist(entries)
  const checked = all.filter((entry) => entry.checked).length
  return { checked, total: all.length, isReady: checked === all.length }
}
