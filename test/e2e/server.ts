import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { E2E_DEMO_PASSWORD } from './demo-password.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
  }
}

const PORT = Number(process.env.E2E_PORT ?? 3199)

/** Runs `npm start` as a user would, on an empty data directory, and waits until it answers. */
export default async function setup(project: TestProject) {
  const dataDir = await mkdtemp(join(tmpdir(), 'e2e-data-'))
  const server: ChildProcess = spawn('npm', ['start'], {
    env: {
      ...process.env,
      PORT: String(PORT),
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'true',
      DEMO_PASSWORD: E2E_DEMO_PASSWORD,
      // every journey signs in from 127.0.0.1; the sign-in limit itself is proven by the API suite
      AUTH_ATTEMPTS_PER_WINDOW: '1000',
      // mailed links point at this server; mail goes to the SMTP server of mail-capture.ts
      PUBLIC_URL: `http://127.0.0.1:${PORT}`,
      SMTP_URL: process.env.E2E_SMTP_URL ?? '',
      // saved searches' digests are looked for at every poll of the job runner, so a journey sees its mail
      SAVED_SEARCH_DIGEST_SECONDS: '5',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  })
  const baseUrl = `http://127.0.0.1:${PORT}`
  const deadline = Date.now() + 150_000
  for (;;) {
    if (server.exitCode !== null) throw new Error(`npm start exited with ${server.exitCode}`)
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('the server did not start within 150 s')
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  project.provide('baseUrl', baseUrl)
  return async () => {
    process.kill(-server.pid!, 'SIGTERM')
    await new Promise((resolve) => setTimeout(resolve, 500))
    await rm(dataDir, { recursive: true, force: true })
  }
}
