// Many rows in few statements, for the demo history and the bench: Prisma's createMany goes
// through the driver adapter at about two thousand rows a second here, a multi-row INSERT at
// tens of thousands. Values are written as literals, so only numbers, strings, dates, booleans
// and nulls from our own generators go in, never text from a request.
import { currentDialect, type Db } from '~/utils/db.server'

type Value = string | number | bigint | boolean | Date | null

function literal(value: Value, postgres: boolean) {
  if (value === null) return 'NULL'
  if (typeof value === 'number' || typeof value === 'bigint') return String(value)
  if (typeof value === 'boolean') return postgres ? String(value) : value ? '1' : '0'
  // the text form Prisma writes for SQLite dates; PostgreSQL reads the same string as UTC
  const text = value instanceof Date ? value.toISOString().replace('Z', '+00:00') : value
  return `'${text.replace(/'/g, "''")}'`
}

/** Inserts `rows` into `table` (the model's name), `perStatement` rows at a time. */
export async function insertRows<T extends Record<string, Value>>(db: Db, table: string, rows: T[], perStatement = 500) {
  if (rows.length === 0) return
  const postgres = currentDialect() === 'postgresql'
  const columns = Object.keys(rows[0])
  const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES `
  for (let i = 0; i < rows.length; i += perStatement) {
    const values = rows
      .slice(i, i + perStatement)
      .map((row) => `(${columns.map((c) => literal(row[c], postgres)).join(', ')})`)
      .join(', ')
    await db.$executeRawUnsafe(head + values)
  }
}
