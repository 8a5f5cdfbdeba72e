import type { ApiError } from '../../api.ts'

export interface ErrorLine {
  /** What the person reads: the server's message, which names the field by its Japanese label. */
  text: string
  /** The id of the input it is about, when the page said which one (focused from the summary). */
  fieldId?: string
}

/**
 * The lines of an error summary. A path is never shown (keys like `contactEmail` mean nothing to a reader); a
 * numbered row of a list (`entries.0.corporateNumber`) becomes 「1件目：」 so the person knows which row to fix.
 * `fieldIds` maps a path (or its first segment) to the id of its input on the page.
 */
export function errorLines(error: Pick<ApiError, 'details'>, fieldIds: Readonly<Record<string, string>> = {}): ErrorLine[] {
  return (error.details ?? []).map((detail) => {
    const path = (detail.path ?? '').replace(/^(query|path|header)\./, '')
    const row = path.split('.').find((segment) => /^\d+$/.test(segment))
    const text = row === undefined ? detail.message : `${Number(row) + 1}件目：${detail.message}`
    const fieldId = fieldIds[path] ?? fieldIds[path.split('.')[0] ?? '']
    return fieldId ? { text, fieldId } : { text }
  })
}

/** Moves the focus to a field named in a summary, scrolling it into view (a link to `#id` would change the route). */
export function focusField(id: string): void {
  const field = document.getElementById(id)
  if (!field) return
  field.scrollIntoView({ block: 'center' })
  field.focus()
}
