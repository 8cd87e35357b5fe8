// Compiles the seed (TypeScript) into build/seed.cjs so `npm start` seeds without tsx.
import { build } from 'esbuild'

await build({
  entryPoints: ['prisma/seed/index.ts'],
  outfile: 'build/seed.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  alias: { '~': './app' },
  logLevel: 'warning',
})
console.log('built build/seed.cjs')
