// After `npm install`: generate both Prisma clients (SQLite and PostgreSQL) from the shared models.
// Skipped where the Prisma CLI is absent (a production install without devDependencies uses the
// clients already compiled into build/).
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
if (!existsSync(path.join(root, 'node_modules', 'prisma', 'package.json'))) {
  console.log('Prisma CLI not installed: skipping client generation.')
  process.exit(0)
}
for (const url of ['file:./data/pavilion.db', 'postgresql://localhost/generate-only']) {
  const result = spawnSync(process.execPath, [path.join(root, 'scripts', 'prisma.mjs'), 'generate'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: url },
  })
  if (result.status !== 0) process.exit(result.status ?? 1)
}
