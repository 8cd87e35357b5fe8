// Apart from cart.server.ts, which reads the session, so sessions can merge carts without an import circle.
import { maxLineQuantity } from '~/modules/checkout/basket.server'
import { getDb } from '~/utils/db.server'

export async function mergeGuestCart(token: string, userId: number) {
  const db = getDb()
  const guest = await db.cart.findUnique({
    where: { token },
    select: { id: true, userId: true, lines: { select: { productId: true, quantity: true } } },
  })
  if (!guest || guest.userId !== null) return
  const own = await db.cart.findUnique({ where: { userId }, select: { id: true } })
  if (!own) {
    await db.cart.update({ where: { id: guest.id }, data: { userId } })
    return
  }
  await db.$transaction(async (tx) => {
    for (const line of guest.lines) {
      const mine = await tx.cartLine.findUnique({ where: { cartId_productId: { cartId: own.id, productId: line.productId } } })
      await tx.cartLine.upsert({
        where: { cartId_productId: { cartId: own.id, productId: line.productId } },
        create: { cartId: own.id, productId: line.productId, quantity: line.quantity },
        update: { quantity: Math.min(maxLineQuantity, (mine?.quantity ?? 0) + line.quantity) },
      })
    }
    await tx.cart.delete({ where: { id: guest.id } })
  })
}
