// Lint rules instead of review nits: typed imports, hooks rules, no test code in the app.
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

const noTestCode = {
  group: ['**/test/**', 'test/**', 'vitest', 'vitest/*', '@playwright/test'],
  message: 'App code must not import test code.',
}
const noPrismaInRoutes = [
  { group: ['~/generated/*', '@prisma/*'], message: 'Routes call modules; only modules talk to Prisma.' },
  { group: ['~/utils/db.server', '**/db.server'], message: 'Routes call modules; only modules talk to the database.' },
]
const noRootInComponents = {
  group: ['~/root', '**/root', '**/root.tsx'],
  message: 'Components read root data through ~/utils/root-data, not app/root.tsx (an import circle).',
}
const noModulesInUtils = {
  group: ['~/modules/**', '**/modules/**'],
  message: 'Utilities know nothing of modules; move the code that needs a module into that module.',
}

export default tseslint.config(
  {
    ignores: [
      'build/**',
      'public/build/**',
      'app/generated/**',
      'node_modules/**',
      'data/**',
      'test-results/**',
      'playwright-report/**',
      'prisma/engine/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  // Flat config replaces a rule's options block by block instead of merging them, so every block below
  // lists the whole set of restrictions that applies to its files (app code + its own).
  {
    files: ['app/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noTestCode] }] },
  },
  {
    files: ['app/routes/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noTestCode, ...noPrismaInRoutes] }] },
  },
  {
    files: ['app/components/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noTestCode, noRootInComponents] }] },
  },
  {
    files: ['app/utils/**/*.{ts,tsx}'],
    // edge-policy.server.ts still reads two limits from modules/exporters (issue 12: move them to config).
    ignores: ['app/utils/edge-policy.server.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noTestCode, noModulesInUtils] }] },
  },
)
