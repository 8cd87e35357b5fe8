// The one set of form controls: what a screen reader and a reader of another language get from a
// refused field, and the words each kind of status badge speaks.
import { createElement, type ReactElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { describe, expect, test } from 'vitest'

import { CheckboxField, Field, LocalizedFields, SelectField, StatusBadge, TextAreaField } from '~/components/form'
import { getI18n } from '~/utils/i18n.server'
import { resources } from '~/utils/i18n-resources.server'
import type { Locale } from '~/utils/locales'

const render = (locale: Locale, element: ReactElement) =>
  renderToStaticMarkup(createElement(I18nextProvider, { i18n: getI18n(locale) }, element))

/** The attributes of the first `tag` element in server-rendered markup. */
function attributes(html: string, tag: string) {
  const opening = html.match(new RegExp(`<${tag}\\b([^>]*)>`))![1]!
  return Object.fromEntries([...opening.matchAll(/([\w-]+)(?:="([^"]*)")?/g)].map(([, name, value]) => [name!, value ?? '']))
}

/** The text of the paragraph with this id, and its role. */
function note(html: string, id: string) {
  const [, attrs, text] = html.match(new RegExp(`<p([^>]*\\bid="${id}"[^>]*)>([^<]*)</p>`))!
  return { text, role: attrs!.match(/role="(\w+)"/)?.[1] }
}

const words = (locale: Locale, namespace: string, key: string) =>
  key
    .split('.')
    .reduce<unknown>(
      (node, part) => (node as Record<string, unknown>)[part],
      (resources[locale] as Record<string, unknown>)[namespace],
    ) as string

describe('form controls', () => {
  test.each([
    ['an input', Field],
    ['a text area', TextAreaField],
    ['a select', SelectField],
    ['a checkbox', CheckboxField],
  ] as const)('%s refused in Chinese: labelled, marked invalid, and its error and hint read out in Chinese', (_, Control) => {
    const html = render(
      'zh-hans',
      createElement(Control as typeof Field, {
        namespace: 'auth',
        label: '电子邮箱',
        name: 'email',
        hint: '提示',
        error: 'errors.emailInvalid',
      }),
    )
    const control = attributes(html, '(?:input|textarea|select)')
    expect(attributes(html, 'label').for).toBe(control.id)
    expect(control['aria-invalid']).toBe('true')
    const [error, hint] = control['aria-describedby']!.split(' ').map((id) => note(html, id))
    expect(error).toEqual({ text: words('zh-hans', 'auth', 'errors.emailInvalid'), role: 'alert' })
    expect(hint!.text).toBe('提示')
  })

  test('a field without an error is not marked invalid and describes nothing', () => {
    const control = attributes(render('en', createElement(Field, { namespace: 'auth', label: 'Email', name: 'email' })), 'input')
    expect(control).not.toHaveProperty('aria-invalid')
    expect(control).not.toHaveProperty('aria-describedby')
  })

  test('an error from another namespace ("checkout:…") is read in that namespace', () => {
    const html = render(
      'kk',
      createElement(Field, { namespace: 'trade', label: 'X', name: 'x', error: 'checkout:errors.invalidQuantity' }),
    )
    expect(html).toContain(`role="alert">${words('kk', 'checkout', 'errors.invalidQuantity')}</p>`)
  })

  test('a select offers its options, and the options given as children after them', () => {
    const html = render(
      'en',
      createElement(
        SelectField,
        { namespace: 'admin', label: 'Mode', name: 'mode', options: [{ value: 'rail', label: 'Rail' }] },
        createElement('option', { value: 'road' }, 'Road'),
      ),
    )
    expect([...html.matchAll(/<option value="(\w+)">(\w+)<\/option>/g)].map(([, value, text]) => [value, text])).toEqual([
      ['rail', 'Rail'],
      ['road', 'Road'],
    ])
  })

  test('a block of fields per language: one field per language, each in its language and named for the server', () => {
    const html = render(
      'en',
      createElement(LocalizedFields, {
        namespace: 'admin',
        field: 'name',
        label: 'Name',
        values: { 'name.kk': 'Атауы' },
        errors: {},
        maxLength: 80,
      }),
    )
    const inputs = html
      .split('<input')
      .slice(1)
      .map((tag) => attributes(`<input${tag}`, 'input'))
    expect(inputs.map((input) => [input.name, input.lang])).toEqual([
      ['name.en', 'en'],
      ['name.zh-hans', 'zh-Hans'],
      ['name.zh-hant', 'zh-Hant'],
      ['name.kk', 'kk'],
      ['name.ru', 'ru'],
    ])
    expect(inputs[3]!.value).toBe('Атауы')
  })
})

describe('status badges', () => {
  test.each([
    ['product', 'in_review', 'portal', 'status.in_review'],
    ['company', 'pending', 'portal', 'status.pending'],
    ['request', 'open', 'trade', 'status.request.open'],
    ['quote', 'superseded', 'trade', 'status.quote.superseded'],
    ['order', 'awaiting_payment', 'checkout', 'status.awaiting_payment'],
    ['tour', 'draft', 'tours', 'admin.statuses.draft'],
    ['exporter', 'pending', 'admin', 'statuses.exporter.pending'],
    ['productReview', 'in_review', 'admin', 'statuses.product.in_review'],
    ['verdict', 'restricted', 'admin', 'statuses.verdict.restricted'],
    ['checkpoint', 'not_operational', 'admin', 'statuses.checkpoint.not_operational'],
  ] as const)('a %s that is %s speaks the words of %s, in Russian', (kind, status, namespace, key) => {
    const html = render('ru', createElement(StatusBadge, { kind, status }))
    expect(html).toBe(`<span class="badge badge--status badge--${kind} badge--${status}">${words('ru', namespace, key)}</span>`)
  })
})
