import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { startTestSmtpServer } from '../support/smtp.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Directory holding every mail the server sent, one JSON file (ReceivedMail) each. */
    mailDir: string
  }
}

/**
 * Global setup that runs before server.ts: a local SMTP server on a random port. Its address is handed to
 * `npm start` as SMTP_URL (server.ts reads E2E_SMTP_URL); each message it receives is written to `mailDir` for the
 * tests to read (test files run in other processes than this one).
 */
export default async function setup(project: TestProject) {
  const mailDir = await mkdtemp(join(tmpdir(), 'e2e-mail-'))
  let count = 0
  const smtp = await startTestSmtpServer((mail) => {
    count += 1
    void writeFile(join(mailDir, `${String(count).padStart(4, '0')}.json`), JSON.stringify(mail))
  })
  process.env.E2E_SMTP_URL = smtp.url
  project.provide('mailDir', mailDir)
  return async () => {
    await smtp.close()
    await rm(mailDir, { recursive: true, force: true })
  }
}
