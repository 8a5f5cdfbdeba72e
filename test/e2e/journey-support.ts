/** What the staff journeys share beside startJourney (browser.ts). */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, inject } from 'vitest'
import type { Page } from 'playwright-core'
import type { ReceivedMail } from '../support/smtp.ts'

/** Answers the confirmation dialog with its action button and waits for it to close. */
export async function confirmWith(page: Page, label: string, says?: string): Promise<void> {
  const dialog = page.getByRole('alertdialog')
  await dialog.waitFor()
  if (says) expect(await dialog.innerText()).toContain(says)
  await dialog.getByRole('button', { name: label, exact: true }).click()
  await dialog.waitFor({ state: 'detached' })
}

/**
 * The newest mail to `to` (optionally with `subject` in its subject) that the server delivered over SMTP
 * (captured by mail-capture.ts), waiting for it to arrive.
 */
export async function mailTo(to: string, subject = '', timeoutMs = 15_000): Promise<ReceivedMail> {
  const dir = inject('mailDir')
  const deadline = Date.now() + timeoutMs
  for (;;) {
    let found: ReceivedMail | undefined
    for (const name of (await readdir(dir)).sort()) {
      const mail = JSON.parse(await readFile(join(dir, name), 'utf8')) as ReceivedMail
      if (mail.to.includes(to) && mail.subject.includes(subject)) found = mail
    }
    if (found) return found
    if (Date.now() > deadline) throw new Error(`no mail to ${to} about ${subject || 'anything'}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

/** The first link in a mail's text that points at this server (`/path…`), as a URL. */
export function linkIn(text: string, path: string): URL {
  const baseUrl = inject('baseUrl')
  const found = text
    .match(/https?:\/\/\S+/g)
    ?.map((href) => new URL(href))
    .find((url) => url.origin === baseUrl && url.pathname.startsWith(path))
  if (!found) throw new Error(`no link to ${path} in:\n${text}`)
  return found
}
