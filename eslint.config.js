// Lint for the whole repository (`npm run lint`, run by .ci/run before the suites).
import importX from 'eslint-plugin-import-x'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'test-results/**', 'data/**'] },
  importX.flatConfigs.typescript,
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['tsconfig.server.json', 'tsconfig.client.json'], noWarnOnMultipleProjects: true })] },
    rules: {
      // Modules build on one another in one direction; a cycle means a seam belongs in app.ts instead.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
)
