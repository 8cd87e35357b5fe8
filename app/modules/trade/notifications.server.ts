// Each person hears in their own language (User.locale).
import { sendMail } from '~/modules/accounts/mail.server'
import { getDb } from '~/utils/db.server'
import { getFixedT } from '~/utils/i18n.server'
import { localePath } from '~/utils/locale-path'
import { isLocale, type Locale, pickTranslation } from '~/utils/locales'
import { publicUrl } from '~/utils/public-url.server'

export type TradeMailEvent = 'requested' | 'quoted' | 'message' | 'accepted' | 'declined' | 'withdrawn'

type Recipient = { email: string; displayName: string; locale: Locale; side: 'buyer' | 'exporter' }

const asLocale = (value: string): Locale => (isLocale(value) ? value : 'en')

export async function notifyTrade(
  requestId: number,
  event: TradeMailEvent,
  to: 'buyer' | 'exporter',
  extra: { message?: string; total?: (locale: Locale) => string } = {},
) {
  const db = getDb()
  const request = await db.quoteRequest.findUniqueOrThrow({
    where: { id: requestId },
    select: {
      number: true,
      quantity: true,
      exporterId: true,
      buyer: { select: { email: true, displayName: true, locale: true } },
      product: { select: { slug: true, unit: true, translations: { select: { locale: true, name: true } } } },
      exporter: { select: { slug: true, translations: { select: { locale: true, legalName: true } } } },
    },
  })
  const recipients: Recipient[] =
    to === 'buyer'
      ? [{ ...request.buyer, locale: asLocale(request.buyer.locale), side: 'buyer' }]
      : await membersOf(request.exporterId)
  for (const recipient of recipients) {
    const t = getFixedT(recipient.locale, 'trade')
    const common = getFixedT(recipient.locale)
    const path =
      recipient.side === 'buyer'
        ? localePath(recipient.locale, `/quotes/${request.number}`)
        : localePath(recipient.locale, `/exporter/quotes/${request.number}`)
    const values = {
      name: recipient.displayName,
      number: request.number,
      product: pickTranslation(request.product.translations, recipient.locale)?.name ?? request.product.slug,
      company: pickTranslation(request.exporter.translations, recipient.locale)?.legalName ?? request.exporter.slug,
      buyer: request.buyer.displayName,
      quantity: request.quantity,
      unit: common(`units.${request.product.unit}`),
      total: extra.total?.(recipient.locale) ?? '',
      message: extra.message ?? '',
      link: `${publicUrl()}${path}`,
    }
    await sendMail({
      to: recipient.email,
      locale: recipient.locale,
      subject: t(`mail.${event}.subject`, values),
      body: t(`mail.${event}.body`, values),
    })
  }
  return recipients.length
}

async function membersOf(exporterId: number): Promise<Recipient[]> {
  const members = await getDb().user.findMany({
    where: { exporterId, role: 'exporter' },
    orderBy: { id: 'asc' },
    select: { email: true, displayName: true, locale: true },
  })
  return members.map((member) => ({ ...member, locale: asLocale(member.locale), side: 'exporter' as const }))
}
