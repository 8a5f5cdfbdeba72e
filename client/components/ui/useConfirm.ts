import { computed, shallowRef } from 'vue'

export interface ConfirmRequest {
  title: string
  /** What follows, one paragraph per line. */
  message: string
  confirmLabel: string
  danger?: boolean
}

/**
 * Drives one ConfirmDialog from code: `if (!(await confirm.ask({ … }))) return`. In the template:
 *
 *   <ConfirmDialog v-bind="confirm.dialog.value" @confirm="confirm.answer(true)" @cancel="confirm.answer(false)" />
 */
export function useConfirm() {
  const request = shallowRef<ConfirmRequest>()
  let settle: ((confirmed: boolean) => void) | undefined

  function ask(next: ConfirmRequest): Promise<boolean> {
    settle?.(false)
    request.value = next
    return new Promise((resolve) => (settle = resolve))
  }

  function answer(confirmed: boolean): void {
    const resolve = settle
    settle = undefined
    request.value = undefined
    resolve?.(confirmed)
  }

  const dialog = computed(() => ({
    open: request.value !== undefined,
    title: request.value?.title ?? '',
    message: request.value?.message ?? '',
    confirmLabel: request.value?.confirmLabel ?? '',
    danger: request.value?.danger ?? false,
  }))

  return { ask, answer, dialog }
}
