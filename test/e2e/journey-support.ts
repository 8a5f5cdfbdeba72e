/** What the staff journeys share beside startJourney (browser.ts). */
import { expect } from 'vitest'
import type { Page } from 'playwright-core'

/** Answers the confirmation dialog with its action button and waits for it to close. */
export async function confirmWith(page: Page, label: string, says?: string): Promise<void> {
  const dialog = page.getByRole('alertdialog')
  await dialog.waitFor()
  if (says) expect(await dialog.innerText()).toContain(says)
  await dialog.getByRole('button', { name: label, exact: true }).click()
  await dialog.waitFor({ state: 'detached' })
}
