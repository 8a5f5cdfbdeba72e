import { onMounted, ref, shallowRef, type Ref, type ShallowRef } from 'vue'
import type { ApiError, ApiResult } from '../api.ts'

export interface Load<T> {
  data: ShallowRef<T | undefined>
  error: ShallowRef<ApiError | undefined>
  loading: Ref<boolean>
  /** Runs the loader again; an answer to an older run that arrives late is ignored. */
  reload: () => Promise<void>
}

/** Loads data for a page with call(): loading → data or error. Starts on mount unless `immediate` is false. */
export function useLoad<T>(loader: () => Promise<ApiResult<T>>, { immediate = true } = {}): Load<T> {
  const data = shallowRef<T>()
  const error = shallowRef<ApiError>()
  const loading = ref(immediate)
  let run = 0

  async function reload(): Promise<void> {
    const current = ++run
    loading.value = true
    error.value = undefined
    const result = await loader()
    if (current !== run) return
    if (result.ok) {
      data.value = result.data
    } else {
      data.value = undefined
      error.value = result.error
    }
    loading.value = false
  }

  if (immediate) onMounted(reload)
  return { data, error, loading, reload }
}
