// Lint rules instead of review nits: typed imports, hooks rules, no test code in the app.
import reactHooks from 'eslint-plugin-react-hooks'
import simpleImportSort from 'eslint-plugin-simple-import-sort'
import tseslint from 'typescript-eslint'

import pavilion from './scripts/lint/server-values.mjs'

const noTestCode = {
  group: ['**/test/**', 'test/**', 'vitest', 'vitest/*', '@playwright/test'],
  message: 'App code must not import test code.',
}
const noPrismaInRoutes = [
  { group: ['~/generated/*', '@prisma/*'], message: 'Routes call modules; only modules talk to Prisma.' },
  { group: ['~/utils/db.server', '**/db.server'], message: 'Routes call modules; only modules talk to the database.' },
]
const noRootImports = {
  group: ['~/root', '**/root', '**/root.tsx'],
  message: 'Read root data through ~/utils/root-data, not app/root.tsx (one place for it; from a component, an import circle).',
}
// A locale-ish name: `locale`, `l`, `lang`, `lng`, `memberLocale`, `params.locale`, …
const localeName = '/^(l|lang|lng|language|[a-z]*[lL]ocale)$/'
const handBuiltLocaleLink = 'Build in-site URLs with localePath()/localeUrl() from ~/utils/locale-path, not by hand.'
const noHandBuiltLocaleLinks = [
  // `/${locale}/…`
  `TemplateLiteral[quasis.0.value.raw='/'][expressions.0.name=${localeName}]`,
  `TemplateLiteral[quasis.0.value.raw='/'][expressions.0.property.name=${localeName}]`,
  // `${origin}/${locale}/…`
  `TemplateLiteral[quasis.1.value.raw='/'][expressions.1.name=${localeName}]`,
  `TemplateLiteral[quasis.1.value.raw='/'][expressions.1.property.name=${localeName}]`,
  // '/' + locale
  `BinaryExpression[operator='+'][left.value='/'][right.name=${localeName}]`,
  `BinaryExpression[operator='+'][left.value='/'][right.property.name=${localeName}]`,
].map((selector) => ({ selector, message: handBuiltLocaleLink }))
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
  ...tseslint.configs.strict,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // The strict set but for `!`: the 30-odd in app/ follow a filter or a lookup TypeScript cannot follow,
      // and a check that cannot fail would be a branch no test reaches.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // One import order (packages, then ~/ app code, then relative), fixed by `eslint --fix`, so diffs show changes.
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    plugins: { 'simple-import-sort': simpleImportSort },
    rules: { 'simple-import-sort/imports': 'error', 'simple-import-sort/exports': 'error' },
  },
  {
    // Tests unset environment variables by name; `delete` is the only way to.
    files: ['test/**'],
    rules: { '@typescript-eslint/no-dynamic-delete': 'off' },
  },
  // Flat config replaces a rule's options block by block instead of merging them, so every block below
  // lists the whole set of restrictions that applies to its files (app code + its own).
  {
    files: ['app/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noTestCode] }] },
  },
  {
    files: ['app/**/*.{ts,tsx}'],
    ignores: ['app/utils/locale-path.ts'],
    rules: { 'no-restricted-syntax': ['error', ...noHandBuiltLocaleLinks] },
  },
  {
    files: ['app/routes/**/*.tsx', 'app/components/**/*.tsx', 'app/root.tsx'],
    plugins: { pavilion },
    rules: { 'pavilion/server-values': 'error' },
  },
  {
    files: ['app/routes/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noTestCode, ...noPrismaInRoutes, noRootImports] }] },
  },
  {
    files: ['app/components/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noTestCode, noRootImports] }] },
  },
  {
    files: ['app/utils/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noTestCode, noModulesInUtils] }] },
  },
)
