import { ref } from 'vue'
import { unreadMessages } from '#shared/contracts/messages'
import { call } from '../api.ts'

/** Unread messages of the signed-in person, shared by the navigation badge and the pages that read threads. */
const count = ref(0)

export const unreadCount = count

export async function refreshUnread(): Promise<void> {
  const result = await call(unreadMessages)
  count.value = result.ok ? result.data.unread : 0
}

/** A page that has just marked a thread read already knows the new total. */
export function setUnread(value: number): void {
  count.value = value
}
