import { defineConfig } from 'vitest/config'
import { E2E_DEMO_PASSWORD } from './demo-password.ts'

export default defineConfig({
  test: {
    root: '.',
    include: ['test/e2e/**/*.e2e.ts'],
    // mail-capture first: it starts the SMTP server whose address server.ts passes to `npm start`.
    globalSetup: ['test/e2e/mail-capture.ts', 'test/e2e/server.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    // a page waits on the server; CI's two cores are shared with the server under test, so 1 s is too short
    expect: { poll: { timeout: 10_000 } },
    // the journeys sign in as the demo accounts the server was started with (server.ts)
    env: { DEMO_PASSWORD: E2E_DEMO_PASSWORD },
  },
})
