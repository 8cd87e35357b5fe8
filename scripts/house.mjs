// Re-measures the table of issue 12 ("one place for every policy") so anyone can see whether the house
// drifted: `node scripts/house.mjs`. Counts only; it never fails the build (lint and tests do that).
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const app = path.join(root, 'app')

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) return name === 'generated' ? [] : filesUnder(full)
    return /\.(ts|tsx)$/.test(name) ? [full] : []
  })
}

const files = filesUnder(app).map((file) => ({ file, rel: path.relative(root, file), text: readFileSync(file, 'utf8') }))
const count = (pattern, only = () => true) =>
  files.filter(only).reduce((sum, { text }) => sum + (text.match(pattern) ?? []).length, 0)
const filesMatching = (pattern, only = () => true) => files.filter((f) => only(f) && pattern.test(f.text)).length

function commentRatio() {
  let comments = 0
  let code = 0
  for (const { text } of files) {
    for (const line of text.split('\n')) {
      const trimmed = line.trim()
      if (!trimmed) continue
      if (/^(\/\/|\/\*|\*|\{\/\*)/.test(trimmed)) comments++
      else code++
    }
  }
  return `${((comments / code) * 100).toFixed(1)} % (${comments} / ${code})`
}

// Runtime import circles among app files (type-only imports vanish at build time, so they do not count).
function importCircles() {
  const byPath = new Map(files.map((f) => [f.file.replace(/\.(ts|tsx)$/, ''), f]))
  const resolve = (from, spec) => {
    const base = spec.startsWith('~/')
      ? path.join(app, spec.slice(2))
      : spec.startsWith('.')
        ? path.resolve(path.dirname(from), spec)
        : null
    if (!base) return null
    const key = base.replace(/\.(ts|tsx)$/, '')
    return byPath.has(key) ? key : byPath.has(path.join(key, 'index')) ? path.join(key, 'index') : null
  }
  const edges = new Map()
  for (const f of files) {
    const targets = []
    for (const match of f.text.matchAll(/^import\s+(?!type\s)([^'"]*?)\s*from\s+['"]([^'"]+)['"]/gm)) {
      if (
        /^\{[^}]*\}$/.test(match[1].trim()) &&
        match[1].split(',').every((part) => /^\s*\{?\s*type\s/.test(part) || !part.trim() || part.trim() === '}')
      )
        continue
      const target = resolve(f.file, match[2])
      if (target) targets.push(target)
    }
    edges.set(f.file.replace(/\.(ts|tsx)$/, ''), targets)
  }
  const circles = new Set()
  const state = new Map()
  const stack = []
  const visit = (node) => {
    state.set(node, 'open')
    stack.push(node)
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === 'open') {
        const cycle = stack.slice(stack.indexOf(next)).map((p) => path.relative(app, p))
        circles.add([...cycle].sort().join(' ↔ '))
      } else if (!state.has(next)) visit(next)
    }
    stack.pop()
    state.set(node, 'done')
  }
  for (const node of edges.keys()) if (!state.has(node)) visit(node)
  return circles
}

const routes = files.filter((f) => f.rel.startsWith('app/routes/'))
const longRoutes = routes.filter((f) => f.text.split('\n').length > 200)
const circles = importCircles()
const rows = [
  ['`params.locale as Locale`', count(/params\.locale as Locale/g)],
  ['hand-built `/${locale}` links', `${count(/`\/\$\{locale\}/g)} in ${filesMatching(/`\/\$\{locale\}/)} files`],
  ['`const langOf` declarations', count(/const langOf\b/g)],
  ['`type …Outcome` declarations', count(/^export type \w*Outcome\b/gm)],
  ["market list `['CN', 'HK', 'INTL']` written out", filesMatching(/\[\s*'CN',\s*'HK',\s*'INTL'\s*\]/)],
  ['`process.env` outside app/utils/env.server.ts', count(/process\.env/g, (f) => f.rel !== 'app/utils/env.server.ts')],
  [
    'routes over 200 lines',
    `${longRoutes.length} of ${routes.length}${longRoutes.length ? ': ' + longRoutes.map((f) => path.basename(f.rel)).join(', ') : ''}`,
  ],
  ['routes importing ~/root', filesMatching(/from '~\/root'/, (f) => f.rel.startsWith('app/routes/'))],
  ['utils importing modules', filesMatching(/from '~\/modules\//, (f) => f.rel.startsWith('app/utils/'))],
  ['comment lines / code lines', commentRatio()],
  ['runtime import circles', circles.size ? `${circles.size}: ${[...circles].join('; ')}` : 0],
]
for (const [what, value] of rows) console.log(`${what.padEnd(50)} ${value}`)
console.log('duplicate pairs: run `duplicates --repo app` (the tool library), not part of the repository')
