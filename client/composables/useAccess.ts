import { computed, onMounted } from 'vue'
import type { AccountKind } from '#shared/domain/accounts'
import { loadSession, session } from './useSession.ts'

export type AccessState = 'loading' | 'signed-out' | 'forbidden' | 'allowed'

/**
 * Who may use a staff page. The page asks for its data only once the session says the person may (`whenAllowed`),
 * so a role that cannot use the page never fetches a 403; AccessNotice says what to do instead.
 */
export function useAccess(kinds: readonly AccountKind[]) {
  const state = computed<AccessState>(() => {
    if (!session.loaded) return 'loading'
    if (!session.account) return 'signed-out'
    return kinds.includes(session.account.kind) ? 'allowed' : 'forbidden'
  })

  function whenAllowed(run: () => unknown): void {
    onMounted(async () => {
      await loadSession()
      if (state.value === 'allowed') await run()
    })
  }

  return { state, whenAllowed }
}
