import { databaseHealth } from '~/utils/health.server'

export async function loader() {
  const database = await databaseHealth()
  return Response.json(
    { status: database.ok ? 'ok' : 'error', database },
    { status: database.ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  )
}
