// A private, throwaway PostgreSQL cluster for tests, from the PostgreSQL binaries installed on
// the machine. PostgreSQL refuses to run as root, so as root it runs as the `postgres` user.
import { execFileSync, spawnSync } from 'node:child_process'
import { chownSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs'
import path from 'node:path'

import { freePort } from './free-port.mjs'

export function findPostgresBin() {
  const base = '/usr/lib/postgresql'
  if (!existsSync(base)) return null
  const versions = readdirSync(base)
    .filter((v) => existsSync(path.join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a))
  return versions.length ? { bin: path.join(base, versions[0], 'bin'), version: versions[0] } : null
}

export async function startPostgres({ dir }) {
  const found = findPostgresBin()
  if (!found) return null
  const asRoot = process.getuid?.() === 0
  const runAs = (bin, args) => {
    const command = path.join(found.bin, bin)
    return asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args]
  }
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim())
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim())
    chownSync(dir, uid, gid)
  }
  const data = path.join(dir, 'data')
  const [initCommand, initArgs] = runAs('initdb', [
    '-D',
    data,
    '--locale=C.UTF-8',
    '--encoding=UTF8',
    '-U',
    'postgres',
    '--auth=trust',
  ])
  const init = spawnSync(initCommand, initArgs, { encoding: 'utf8' })
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`)
  const port = await freePort()
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`
  const [startCommand, startArgs] = runAs('pg_ctl', [
    '-D',
    data,
    '-o',
    options,
    '-l',
    path.join(dir, 'server.log'),
    '-w',
    'start',
  ])
  const start = spawnSync(startCommand, startArgs, { encoding: 'utf8' })
  if (start.status !== 0) throw new Error(`pg_ctl start failed: ${start.stderr}${start.stdout}`)
  return {
    version: found.version,
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      const [stopCommand, stopArgs] = runAs('pg_ctl', ['-D', data, '-m', 'immediate', 'stop'])
      spawnSync(stopCommand, stopArgs, { encoding: 'utf8' })
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
