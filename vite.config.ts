import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  root: 'client',
  publicDir: false,
  plugins: [vue()],
  build: { outDir: '../dist/client', emptyOutDir: true },
  server: { proxy: { '/api': 'http://localhost:3000', '/docs': 'http://localhost:3000' } },
  test: {
    root: '.',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          root: '.',
          include: ['shared/**/*.test.ts', 'server/**/*.test.ts'],
          exclude: ['server/**/api.test.ts', 'server/**/*.api.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'api',
          root: '.',
          include: ['server/**/api.test.ts', 'server/**/*.api.test.ts', 'test/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'client',
          root: '.',
          include: ['client/**/*.test.ts'],
          environment: 'happy-dom',
        },
      },
    ],
  },
})
