import { Form, Link, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { localePath } from '~/utils/locale-path'
import { htmlLang, languageNames, type Locale, locales, switchLocalePath } from '~/utils/locales'

export function LanguageSwitcher({ locale }: { locale: Locale }) {
  const { t } = useTranslation()
  const location = useLocation()
  return (
    <nav className="language-switcher" aria-label={t('nav.language')}>
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

export function SiteHeader({ locale }: { locale: Locale }) {
  const { t } = useTranslation()
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
        <nav className="main-nav" aria-label={t('nav.main')}>
          <ul>
            <li>
              <Link to={localePath(locale)}>{t('nav.home')}</Link>
            </li>
            <li>
              <Link to={localePath(locale, '/catalog')}>{t('nav.catalog')}</Link>
            </li>
            <li>
              <Link to={localePath(locale, '/tours')}>{t('nav.tours')}</Link>
            </li>
            <li>
              <Link to={localePath(locale, '/corridor')}>{t('nav.corridor')}</Link>
            </li>
            <li>
              <Link to={localePath(locale, '/cart')}>{t('nav.cart')}</Link>
            </li>
            <li>
              <Link to={localePath(locale, '/account')}>{t('nav.account')}</Link>
            </li>
          </ul>
        </nav>
        <Form method="get" action={localePath(locale, '/search')} role="search" className="header-search">
          <label htmlFor="header-search" className="visually-hidden">
            {t('search.label')}
          </label>
          <input id="header-search" name="q" type="search" placeholder={t('search.placeholder')} maxLength={200} />
          <button type="submit" className="button">
            {t('search.submit')}
          </button>
        </Form>
        <LanguageSwitcher locale={locale} />
      </div>
    </header>
  )
}

export function SiteFooter() {
  const { t } = useTranslation()
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <p>{t('footer.about')}</p>
        <p className="muted">{t('footer.demoNotice')}</p>
        <p className="muted">{t('footer.hsSource')}</p>
      </div>
    </footer>
  )
}
