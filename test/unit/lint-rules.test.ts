// The README's promises about imports hold only while lint enforces them: these lint real snippets
// with the project's own eslint.config.mjs, so a config block that silently drops a restriction fails here.
import path from 'node:path'

import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const root = path.resolve(__dirname, '../..')
const eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, 'eslint.config.mjs') })

async function restrictedImports(code: string, filePath: string) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) })
  return result.messages.filter((message) => message.ruleId === 'no-restricted-imports').map((m) => m.line)
}

const dbAndTestCode = [
  "import { getDb } from '~/utils/db.server'",
  "import { expect } from 'vitest'",
  "import { seedCatalog } from '../../test/support/seed'",
  'export const all = [getDb, expect, seedCatalog]',
  '',
].join('\n')

describe('lint enforces the import rules the README promises', () => {
  it('a route importing getDb, vitest and test/support gets three errors', async () => {
    expect(await restrictedImports(dbAndTestCode, 'app/routes/x.tsx')).toEqual([1, 2, 3])
  })

  it('a route importing Prisma or its generated client is refused', async () => {
    const code =
      "import { PrismaClient } from '@prisma/client'\nimport { Prisma } from '~/generated/sqlite/client'\nexport const all = [PrismaClient, Prisma]\n"
    expect(await restrictedImports(code, 'app/routes/x.tsx')).toEqual([1, 2])
  })

  it('a module importing getDb gets none', async () => {
    const code = "import { getDb } from '~/utils/db.server'\nexport const db = getDb\n"
    expect(await restrictedImports(code, 'app/modules/catalog/x.server.ts')).toEqual([])
  })

  it('a module importing test code is refused', async () => {
    expect(await restrictedImports(dbAndTestCode, 'app/modules/catalog/x.server.ts')).toEqual([2, 3])
  })

  it('a component importing app/root.tsx is refused, the root-data module is allowed', async () => {
    const code =
      "import { useRootLocale } from '~/root'\nimport { useRootLocale as viaData } from '~/utils/root-data'\nexport const all = [useRootLocale, viaData]\n"
    expect(await restrictedImports(code, 'app/components/x.tsx')).toEqual([1])
  })

  it('a route importing app/root.tsx is refused: root data has one place, ~/utils/root-data', async () => {
    const code = "import { useRootLocale } from '~/root'\nexport const all = [useRootLocale]\n"
    expect(await restrictedImports(code, 'app/routes/x.tsx')).toEqual([1])
  })

  it('a utility importing a module is refused, a utility importing a utility is allowed', async () => {
    const code =
      "import { decimalAmount } from '~/modules/checkout/money'\nimport { locales } from '~/utils/locales'\nexport const all = [decimalAmount, locales]\n"
    expect(await restrictedImports(code, 'app/utils/x.ts')).toEqual([1])
  })
})

const handBuiltLinks = [
  "import { localePath, localeUrl } from '~/utils/locale-path'",
  'export const links = (locale: string, params: { locale: string }, memberLocale: string, origin: string) => [',
  '  `/${locale}/catalog`,',
  '  `/${params.locale}`,',
  '  `${origin}/${memberLocale}/exporter`,',
  "  '/' + locale,",
  "  localePath('en', '/catalog'),",
  "  localeUrl(origin, 'ru', `/products/${locale}`),",
  ']',
  '',
].join('\n')

async function restrictedSyntax(code: string, filePath: string) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) })
  return result.messages.filter((message) => message.ruleId === 'no-restricted-syntax').map((m) => m.line)
}

describe('lint keeps locale links in the one helper', () => {
  it('hand-built /${locale}/… URLs are refused in routes, components and modules; localePath and localeUrl are not', async () => {
    for (const file of ['app/routes/x.tsx', 'app/components/x.tsx', 'app/modules/catalog/x.server.ts']) {
      expect(await restrictedSyntax(handBuiltLinks, file)).toEqual([3, 4, 5, 6])
    }
  })

  it('the helper itself may build them', async () => {
    expect(await restrictedSyntax(handBuiltLinks, 'app/utils/locale-path.ts')).toEqual([])
  })
})
