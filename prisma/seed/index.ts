// Seeds an empty database: the reference data always, the demo pavilion unless PAVILION_DEMO=0.
import { createDb, type Db } from '~/utils/db.server'

import { seedDemo } from './demo'
import { seedReference } from './reference'

export { seedDemo, seedReference }

export function demoWanted() {
  return process.env.PAVILION_DEMO !== '0'
}

/** The demo's year of orders and views; test databases leave it out (PAVILION_DEMO_HISTORY=0). */
export function historyWanted() {
  return process.env.PAVILION_DEMO_HISTORY !== '0'
}

/** Whether the reference data is already there (the database has been seeded). */
export async function isSeeded(db: Db) {
  return (await db.sector.count()) > 0
}

export async function seedIfEmpty(options: { db?: Db; demo?: boolean; images?: boolean; history?: boolean; log?: (line: string) => void } = {}) {
  const db = options.db ?? createDb()
  const log = options.log ?? (() => {})
  try {
    if (await isSeeded(db)) return false
    const started = Date.now()
    await seedReference(db)
    if (options.demo ?? demoWanted()) await seedDemo(db, { images: options.images, history: options.history ?? historyWanted() })
    log(`seeded the ${(options.demo ?? demoWanted()) ? 'demo' : 'reference'} pavilion in ${Date.now() - started} ms`)
    return true
  } finally {
    if (!options.db) await db.$disconnect()
  }
}
