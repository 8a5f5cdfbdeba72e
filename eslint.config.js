// Lint for the whole repository (`npm run lint`, run by .ci/run before the suites). Type-aware rules for the server,
// shared code and the client (Vue single-file components included); formatting is Prettier's (`npm run format`).
import importX from 'eslint-plugin-import-x'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import pluginVue from 'eslint-plugin-vue'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'test-results/**', 'data/**'] },
  importX.flatConfigs.typescript,
  ...tseslint.configs.recommendedTypeChecked,
  // Vue's rules that find mistakes; layout is left to Prettier
  ...pluginVue.configs['flat/essential'],
  {
    files: ['**/*.ts', '**/*.vue'],
    languageOptions: { parserOptions: { projectService: true, extraFileExtensions: ['.vue'], parser: tseslint.parser } },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['tsconfig.server.json', 'tsconfig.client.json'], noWarnOnMultipleProjects: true })],
    },
    rules: {
      // Modules build on one another in one direction; a cycle means a seam belongs in app.ts instead.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // `{ secret: _secret, ...rest }` leaves a field out on purpose
      '@typescript-eslint/no-unused-vars': ['error', { varsIgnorePattern: '^_', argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Fastify plugins and ports are async by contract even when one implementation has nothing to await
      '@typescript-eslint/require-await': 'off',
      // components are named for what they show (Breadcrumbs, StatusBadge); no HTML element shares those names
      'vue/multi-word-component-names': 'off',
      'vue/no-template-shadow': 'error',
      'vue/one-component-per-file': 'error',
      'vue/require-default-prop': 'error',
    },
  },
  {
    // Tests read JSON answers and spreadsheet cells as loosely typed values and assert on them; these rules would
    // only add casts there. Harness components live beside the test that mounts them.
    files: ['test/**/*.ts', '**/*.test.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
      'vue/one-component-per-file': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // the linter types a component's template bindings more loosely than vue-tsc, so an assertion vue-tsc needs looks
    // unnecessary here; `npm run check` (vue-tsc) is the judge for components
    files: ['**/*.vue'],
    rules: { '@typescript-eslint/no-unnecessary-type-assertion': 'off' },
  },
  { files: ['**/*.js', '**/*.mjs', '**/*.cjs'], ...tseslint.configs.disableTypeChecked },
)
