// Hong Kong FPS (轉數快) payee-presented QR: EMVCo merchant-presented ID-length-value objects as the HKMA's Common QR Code
// Specification lays them out (reference fps-qr-and-cbec §1): the FPS template 26 under the GUID hk.com.hkicl, HKD 344, the
// amount with two decimals, the order's reference as 62/05, and a CRC-16/CCITT-FALSE over everything up to and including "6304".

const object = (id: string, value: string) => {
  if (value.length > 99) throw new Error(`FPS QR object ${id} is longer than 99 characters`)
  return `${id}${String(value.length).padStart(2, '0')}${value}`
}

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection) of the UTF-8 bytes, as 4 upper-case hex digits. */
export function crc16(text: string): string {
  let crc = 0xffff
  for (const byte of new TextEncoder().encode(text)) {
    crc ^= byte << 8
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff
  }
  return crc.toString(16).toUpperCase().padStart(4, '0')
}

const currencies = { HKD: '344', CNY: '156' } as const

export type FpsPayee = { fpsId: string; name: string }

export function fpsPayload(payee: FpsPayee, payment: { amountMinor: number; currency: string; reference: string }) {
  const currency = currencies[payment.currency as keyof typeof currencies]
  if (!currency) throw new Error(`FPS carries HKD and CNY, not ${payment.currency}`)
  // the implementations we read allow these characters in a reference and nothing else
  const reference = payment.reference.replace(/[^A-Za-z0-9.@_+-]/g, '').slice(0, 25)
  const body = [
    object('00', '01'),
    object('01', '12'),
    object('26', object('00', 'hk.com.hkicl') + object('02', payee.fpsId)),
    object('52', '0000'),
    object('53', currency),
    object('54', (payment.amountMinor / 100).toFixed(2)),
    object('58', 'HK'),
    object('59', payee.name.slice(0, 25)),
    object('60', 'HK'),
    object('62', object('05', reference)),
  ].join('')
  return `${body}6304${crc16(`${body}6304`)}`
}

export function readObjects(payload: string): Record<string, string> {
  const objects: Record<string, string> = {}
  for (let i = 0; i < payload.length;) {
    const id = payload.slice(i, i + 2)
    const length = Number(payload.slice(i + 2, i + 4))
    objects[id] = payload.slice(i + 4, i + 4 + length)
    i += 4 + length
  }
  return objects
}
