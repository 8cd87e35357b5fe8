// A guest's cart is found by a token in their session cookie; signing in merges it into the buyer's.
// Only ids and quantities are kept: prices are worked out afresh on every view.
import { randomBytes } from 'node:crypto'

import { getUser, readCartToken, rememberCartToken } from '~/modules/accounts/session.server'
import { maxBasketLines, maxLineQuantity, type OrderItem } from '~/modules/checkout/basket.server'
import { getDb } from '~/utils/db.server'

export type CartChange =
  | { ok: true; setCookie: string | null }
  | {
      ok: false
      error: 'unavailable' | 'belowMinimum' | 'overStock' | 'tooManyLines' | 'invalidQuantity'
      min?: number
      max?: number
    }

async function cartOwner(request: Request) {
  const user = await getUser(request)
  if (user) return { user, where: { userId: user.id } }
  const token = await readCartToken(request)
  return { user, where: token ? { token } : null }
}

async function findCart(request: Request) {
  const { user, where } = await cartOwner(request)
  return { user, cart: where ? await getDb().cart.findUnique({ where, select: { id: true } }) : null }
}

export async function cartItems(request: Request): Promise<Extract<OrderItem, { kind: 'product' }>[]> {
  const { cart } = await findCart(request)
  if (!cart) return []
  const lines = await getDb().cartLine.findMany({
    where: { cartId: cart.id },
    orderBy: { id: 'asc' },
    select: { productId: true, quantity: true },
  })
  return lines.map((line) => ({ kind: 'product', productId: line.productId, quantity: line.quantity }))
}

export async function cartLineCount(request: Request) {
  // one query with the count, not the cart and then its lines: every signed-in page asks
  const { where } = await cartOwner(request)
  if (!where) return 0
  const cart = await getDb().cart.findUnique({ where, select: { _count: { select: { lines: true } } } })
  return cart?._count.lines ?? 0
}

export function parseQuantity(value: FormDataEntryValue | null) {
  if (typeof value !== 'string' || !/^\d{1,7}$/.test(value.trim())) return null
  const quantity = Number(value.trim())
  return quantity >= 1 && quantity <= maxLineQuantity ? quantity : null
}

async function checkProduct(productId: number, quantity: number): Promise<CartChange | null> {
  const product = await getDb().product.findFirst({
    where: { id: productId, status: 'published', saleMode: { in: ['retail', 'both'] }, exporter: { status: 'verified' } },
    select: { stock: true, minOrderQuantity: true },
  })
  if (!product) return { ok: false, error: 'unavailable' }
  if (quantity < product.minOrderQuantity) return { ok: false, error: 'belowMinimum', min: product.minOrderQuantity }
  if (quantity > product.stock) return { ok: false, error: 'overStock', max: product.stock }
  return null
}

export async function addToCart(request: Request, productId: number, quantity: number): Promise<CartChange> {
  const db = getDb()
  const found = await findCart(request)
  let cart = found.cart
  let setCookie: string | null = null
  const existing = cart ? await db.cartLine.findUnique({ where: { cartId_productId: { cartId: cart.id, productId } } }) : null
  const total = (existing?.quantity ?? 0) + quantity
  if (total > maxLineQuantity) return { ok: false, error: 'invalidQuantity' }
  const problem = await checkProduct(productId, total)
  if (problem) return problem
  if (!cart) {
    const token = randomBytes(18).toString('base64url')
    cart = await db.cart.create({ data: { token, userId: found.user?.id ?? null }, select: { id: true } })
    if (!found.user) setCookie = await rememberCartToken(request, token)
  }
  if (!existing && (await db.cartLine.count({ where: { cartId: cart.id } })) >= maxBasketLines)
    return { ok: false, error: 'tooManyLines' }
  await db.cartLine.upsert({
    where: { cartId_productId: { cartId: cart.id, productId } },
    create: { cartId: cart.id, productId, quantity },
    update: { quantity: total },
  })
  return { ok: true, setCookie }
}

export async function setCartQuantity(request: Request, productId: number, quantity: number): Promise<CartChange> {
  const { cart } = await findCart(request)
  if (!cart) return { ok: true, setCookie: null }
  const db = getDb()
  if (quantity === 0) {
    await db.cartLine.deleteMany({ where: { cartId: cart.id, productId } })
    return { ok: true, setCookie: null }
  }
  const problem = await checkProduct(productId, quantity)
  if (problem) return problem
  await db.cartLine.updateMany({ where: { cartId: cart.id, productId }, data: { quantity } })
  return { ok: true, setCookie: null }
}

export async function removeOrderedLines(request: Request, productIds: number[]) {
  const { cart } = await findCart(request)
  if (cart) await getDb().cartLine.deleteMany({ where: { cartId: cart.id, productId: { in: productIds } } })
}
