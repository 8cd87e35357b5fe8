// RFC 6238 with the settings every authenticator app reads (SHA-1, 30 s, 6 digits). Replay protection is
// in auth.server.ts, because the last step used is kept on the user's row.
import { generateSecret, generateSync, generateURI, verifySync } from 'otplib'
import QRCode from 'qrcode'

const period = 30

export function generateTotpSecret() {
  return generateSecret({ length: 20 })
}

export function totpCode(secret: string, time = Date.now(), step = 0) {
  return generateSync({ secret, period, epoch: Math.floor(time / 1000) + step * period })
}

/** One step either side for clock drift; callers remember the step so a code is accepted only once. */
export function totpStep(secret: string, code: string, time = Date.now()): number | null {
  const token = code.replace(/\s/g, '')
  // otplib throws on a malformed token; a typo is just a wrong code here
  if (!/^\d{6}$/.test(token)) return null
  const result = verifySync({ secret, token, period, epoch: Math.floor(time / 1000), epochTolerance: period })
  return result.valid && 'timeStep' in result ? result.timeStep : null
}

export function otpauthUri(secret: string, account: string, issuer = 'Kazakhstan Pavilion') {
  return generateURI({ issuer, label: account, secret, period })
}

/** Drawn on the server as a PNG data URL: the page needs no script to show it, and a phone's camera reads it. */
export function totpQrDataUrl(uri: string) {
  return QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, width: 240 })
}
