// Issue 14: the two-step set-up shows a QR code an authenticator app can scan, and the code it then
// shows turns two-step verification on.
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { describe, expect, test } from 'vitest'

import { totpCode } from '~/modules/accounts/totp.server'
import { action, loader } from '~/routes/$locale._auth.account.two-factor'
import { getDb } from '~/utils/db.server'

import { args, get, outcome, person, post } from '../../support/portal'

function readQr(dataUrl: string) {
  const png = PNG.sync.read(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'))
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null
}

describe('setting up two-step verification', () => {
  test('the QR code holds the same otpauth address and key as the text, and its code turns the factor on', async () => {
    const buyer = await person('buyer')
    const page = (await outcome(() => loader(args(get('/ru/account/two-factor', buyer.cookie), { locale: 'ru' })))).data as {
      secret: string
      uri: string
      qr: string
    }
    expect(page.qr).toMatch(/^data:image\/png;base64,/)
    const scanned = readQr(page.qr)
    expect(scanned).toBe(page.uri)
    const secret = new URL(scanned!).searchParams.get('secret')!
    expect(secret).toBe(page.secret)
    // reloading shows the same key, so a code from the first scan still works
    const again = (await outcome(() => loader(args(get('/ru/account/two-factor', buyer.cookie), { locale: 'ru' })))).data as {
      secret: string
    }
    expect(again.secret).toBe(secret)
    const answer = await outcome(() =>
      action(args(post('/ru/account/two-factor', { code: totpCode(secret) }, buyer.cookie), { locale: 'ru' })),
    )
    // the answer is the page of recovery codes, shown this once (recovery-codes.test.ts)
    expect(answer.status).toBe(200)
    expect((answer.data as { codes: string[] }).codes).toHaveLength(10)
    expect((await getDb().user.findUniqueOrThrow({ where: { id: buyer.id } })).totpEnabledAt).not.toBeNull()
    const after = (await outcome(() => loader(args(get('/ru/account/two-factor', buyer.cookie), { locale: 'ru' })))).data as {
      qr: string | null
    }
    expect(after.qr).toBeNull()
  })
})
