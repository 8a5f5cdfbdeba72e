import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    root: '.',
    include: ['test/e2e/**/*.e2e.ts'],
    // mail-capture first: it starts the SMTP server whose address server.ts passes to `npm start`.
    globalSetup: ['test/e2e/mail-capture.ts', 'test/e2e/server.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
})
