import { Form, Link, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { localePath } from '~/utils/locale-path'
import { htmlLang, languageNames, type Locale, locales, switchLocalePath } from '~/utils/locales'
import { useCartCount, useRootLocale } from '~/utils/root-data'

export function LanguageSwitcher({ locale, className = '' }: { locale: Locale; className?: string }) {
  const { t } = useTranslation()
  const location = useLocation()
  return (
    <nav className={`language-switcher ${className}`} aria-label={t('nav.language')}>
      <ul>
        {locales.map((candidate) => (
          <li key={candidate}>
            {candidate === locale ? (
              <span aria-current="true" lang={htmlLang(candidate)} className="current">
                {languageNames[candidate]}
              </span>
            ) : (
              <a
                href={switchLocalePath(location.pathname, location.search, candidate)}
                hrefLang={htmlLang(candidate)}
                lang={htmlLang(candidate)}
              >
                {languageNames[candidate]}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  )
}

const sections = [
  ['', 'nav.home'],
  ['/catalog', 'nav.catalog'],
  ['/tours', 'nav.tours'],
  ['/corridor', 'nav.corridor'],
  ['/account', 'nav.account'],
] as const

function MainNav({ locale, className }: { locale: Locale; className: string }) {
  const { t } = useTranslation()
  return (
    <nav className={className} aria-label={t('nav.main')}>
      <ul>
        {sections.map(([path, label]) => (
          <li key={path}>
            <Link to={localePath(locale, path)}>{t(label)}</Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}

export function MenuIcon() {
  return (
    <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
      <path d="M4 7h16M4 12h16M4 17h16" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
    </svg>
  )
}

// A phone gets one row (logo, search, cart, menu) and a <details> menu that opens without JavaScript; a wide screen shows the
// navigation and the languages in the header itself. Each is display:none in the other, so a reader meets one copy.
export function SiteHeader({ locale }: { locale: Locale }) {
  const { t } = useTranslation()
  const cartCount = useCartCount()
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t('nav.skipToContent')}
      </a>
      <div className="site-header__inner">
        <Link to={localePath(locale)} className="brand" aria-label={t('brand.home')}>
          <span className="brand__mark" aria-hidden="true">
            <svg viewBox="0 0 32 32" width="32" height="32">
              <circle cx="16" cy="16" r="15" fill="#00afca" />
              <circle cx="16" cy="14" r="6" fill="#fec50c" />
              <path d="M6 22c4-3 16-3 20 0" stroke="#fec50c" strokeWidth="2" fill="none" />
            </svg>
          </span>
          <span className="brand__text">
            <span className="brand__name">{t('brand.name')}</span>
            <span className="brand__tagline">{t('brand.tagline')}</span>
          </span>
        </Link>
        <MainNav locale={locale} className="main-nav main-nav--wide" />
        <Form method="get" action={localePath(locale, '/search')} role="search" className="header-search">
          <label htmlFor="header-search" className="visually-hidden">
            {t('search.label')}
          </label>
          <input id="header-search" name="q" type="search" placeholder={t('search.placeholder')} maxLength={200} />
          <button type="submit" className="button" aria-label={t('search.submit')}>
            <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" className="header-search__icon">
              <circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" strokeWidth="2.2" />
              <path d="M15.5 15.5 21 21" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
            </svg>
            <span className="header-search__label">{t('search.submit')}</span>
          </button>
        </Form>
        <Link to={localePath(locale, '/cart')} className="header-cart" aria-label={t('nav.cartCount', { count: cartCount })}>
          <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
            <path
              d="M3 4h2.2l2.3 11h10.8L21 7H6.4"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinejoin="round"
              strokeLinecap="round"
            />
            <circle cx="9" cy="19.5" r="1.6" fill="currentColor" />
            <circle cx="17" cy="19.5" r="1.6" fill="currentColor" />
          </svg>
          <span className="header-cart__label">{t('nav.cart')}</span>
          {cartCount > 0 ? (
            <span className="header-cart__count" aria-hidden="true">
              {cartCount}
            </span>
          ) : null}
        </Link>
        <LanguageSwitcher locale={locale} className="language-switcher--wide" />
        <details className="site-menu">
          <summary>
            <MenuIcon />
            <span className="visually-hidden">{t('nav.menu')}</span>
          </summary>
          <div className="site-menu__panel">
            <MainNav locale={locale} className="main-nav" />
            <LanguageSwitcher locale={locale} />
          </div>
        </details>
      </div>
    </header>
  )
}

export function SiteFooter() {
  const { t } = useTranslation()
  const locale = useRootLocale()
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <p>{t('footer.about')}</p>
        <p>
          <Link to={localePath(locale, '/progress')}>{t('nav.progress')}</Link>
        </p>
        <p className="muted">{t('footer.demoNotice')}</p>
        <p className="muted">{t('footer.hsSource')}</p>
      </div>
    </footer>
  )
}
