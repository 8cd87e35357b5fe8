// A signed session cookie for a user, as the app would set it, for route tests.
import { createUserSession } from '~/modules/accounts/session.server'

export async function sessionCookieFor(userId: number, options: { secondFactor?: boolean } = {}) {
  const response = await createUserSession(new Request('http://localhost/'), userId, '/', options)
  const cookie = response.headers.get('Set-Cookie')
  if (!cookie) throw new Error('no session cookie')
  return cookie.split(';')[0]
}
