// Runs the project's Prisma CLI: `node scripts/prisma.mjs <prisma args…>`.
//
// Prisma's migrate/db commands need the native `schema-engine` binary, which
// @prisma/engines' postinstall downloads from Prisma's binary host. Where that
// download could not happen (offline machines, or install scripts denied), point
// the CLI at prisma/engine/schema-engine, a stand-in that runs the same engine as
// WebAssembly. Everywhere else Prisma runs exactly as usual.
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { constants } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(join(root, 'package.json'))
const prismaDir = dirname(require.resolve('prisma/package.json'))
const cli = join(prismaDir, 'build', 'index.js')

// The places Prisma 7 looks for `schema-engine-<platform>` when no env var is set:
// @prisma/engines (where its postinstall downloads to), then next to the CLI.
function hasNativeEngine() {
  const enginesDir = dirname(createRequire(cli).resolve('@prisma/engines/package.json'))
  const dirs = [enginesDir, prismaDir, dirname(prismaDir), join(prismaDir, 'runtime')]
  const isEngine = (dir, f) =>
    /^schema-engine-(?!wasm)[\w.-]+$/.test(f) &&
    !/\.(gz|sha256|sig|tmp)$/.test(f) &&
    statSync(join(dir, f), { throwIfNoEntry: false })?.isFile()
  return dirs.some((dir) => existsSync(dir) && readdirSync(dir).some((f) => isEngine(dir, f)))
}

const env = { ...process.env }
const userChoseEngine = env.PRISMA_SCHEMA_ENGINE_BINARY || env.PRISMA_MIGRATION_ENGINE_BINARY
if (!userChoseEngine && !hasNativeEngine()) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = join(root, 'prisma', 'engine', 'schema-engine')
}

const child = spawn(process.execPath, [cli, ...process.argv.slice(2)], { stdio: 'inherit', env })
// Ctrl-C reaches the CLI directly (it shares our terminal): outlive it to pass on its exit
// code. A SIGTERM sent to us alone is passed on.
process.on('SIGINT', () => {})
process.on('SIGTERM', () => child.kill('SIGTERM'))
child.on('exit', (code, signal) => process.exit(signal ? 128 + constants.signals[signal] : code))
