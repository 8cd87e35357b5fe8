// i18next's core cut down to what react-i18next and these messages use (15 kB gzip less per hydrating page, decision
// 026); test/unit/i18n-browser.test.ts checks every message of every language renders as i18next renders it.
import { isLocale } from '~/utils/locales'
import { formatNumber } from '~/utils/numbers'

type Messages = Record<string, unknown>
type Options = Record<string, unknown> & {
  ns?: string | string[]
  count?: unknown
  context?: unknown
  defaultValue?: unknown
  keyPrefix?: string
}
export type LoadMessages = (language: string, namespace: string) => Promise<Messages>

const plurals = new Map<string, Intl.PluralRules>()
function pluralSuffix(language: string, count: number) {
  let rules = plurals.get(language)
  if (!rules) plurals.set(language, (rules = new Intl.PluralRules(language.replace('_', '-'), { type: 'cardinal' })))
  return `_${rules.select(count)}`
}

function path(data: unknown, key: string) {
  let at = data
  for (const part of key.split('.')) {
    if (at === null || typeof at !== 'object') return undefined
    at = (at as Messages)[part]
  }
  return at
}

const asString = (value: unknown) => (value == null ? '' : String(value))

export function interpolate(text: string, data: Options, language: string) {
  const pattern = /{{(.+?)}}/g
  let match: RegExpExecArray | null
  while ((match = pattern.exec(text))) {
    const [name, format] = match[1].split(',').map((part) => part.trim())
    let value = path(data, name)
    if (value === undefined) {
      if (!Object.prototype.hasOwnProperty.call(data, match[1].trim())) continue
      value = ''
    } else if (format === 'number' && typeof value === 'number') {
      value = formatNumber(value, isLocale(language) ? language : 'en')
    }
    const replacement = asString(value)
    text = text.replace(match[0], () => replacement)
    pattern.lastIndex += replacement.length - match[0].length
  }
  return text
}

export function createBrowserI18n(language: string, defaultNS: string, loadMessages: LoadMessages) {
  const store: Record<string, Record<string, Messages>> = {}
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>()
  const pending = new Map<string, Promise<void>>()

  function lookup(lng: string, ns: string, key: string) {
    const value = path(store[lng]?.[ns], key)
    return value === undefined || value === null ? undefined : value
  }

  function resolve(keys: unknown, options: Options, ns: string) {
    const lng = instance.language
    let key = ''
    for (const raw of Array.isArray(keys) ? keys : [keys]) {
      const parts = (options.keyPrefix ? `${options.keyPrefix}.${String(raw)}` : String(raw)).split(':')
      const namespace = parts.length > 1 ? parts.shift()! : ns
      key = parts.join('.')
      const candidates = [key]
      const plural = options.count !== undefined && typeof options.count !== 'string'
      const suffix = plural ? pluralSuffix(lng, options.count as number) : ''
      const zero = plural && options.count === 0
      if (plural) candidates.push(key + suffix, ...(zero ? [`${key}_zero`] : []))
      const context = options.context
      if (context !== undefined && (typeof context === 'string' || typeof context === 'number') && context !== '') {
        const contextKey = `${key}_${context}`
        candidates.push(contextKey, ...(plural ? [contextKey + suffix, ...(zero ? [`${contextKey}_zero`] : [])] : []))
      }
      for (let i = candidates.length - 1; i >= 0; i--) {
        const found = lookup(lng, namespace, candidates[i])
        if (found !== undefined) return { found, key }
      }
    }
    return { found: undefined, key }
  }

  function translate(keys: unknown, second: unknown, fixed: { ns: string; keyPrefix?: string }) {
    if (keys === undefined || keys === null) return ''
    const options: Options = typeof second === 'string' ? { defaultValue: second } : { ...(second as Options) }
    if (fixed.keyPrefix && options.keyPrefix === undefined) options.keyPrefix = fixed.keyPrefix
    const ns = (Array.isArray(options.ns) ? options.ns[0] : options.ns) ?? fixed.ns
    const { found, key } = resolve(keys, options, ns)
    let text: unknown = found
    if (typeof text === 'object' && text !== null) return `key '${key} (${instance.language})' returned an object instead of string.`
    if (text === undefined) text = options.defaultValue !== undefined ? options.defaultValue : key
    return typeof text === 'string' ? interpolate(text, options, instance.language) : text
  }

  function emit(event: string, ...args: unknown[]) {
    listeners.get(event)?.forEach((listener) => listener(...args))
  }

  async function load(lng: string, namespaces: string[]) {
    await Promise.all(
      namespaces
        .filter((ns) => !store[lng]?.[ns])
        .map((ns) => {
          const id = `${lng}|${ns}`
          let loading = pending.get(id)
          if (!loading) {
            loading = loadMessages(lng, ns).then((messages) => {
              ;(store[lng] ??= {})[ns] = messages
              emit('loaded', { [lng]: [ns] })
            })
            loading.finally(() => pending.delete(id)).catch(() => {})
            pending.set(id, loading)
          }
          return loading
        }),
    )
  }

  const instance = {
    language,
    languages: [language],
    resolvedLanguage: language,
    isInitialized: true,
    options: {
      defaultNS,
      ns: [] as string[],
      interpolation: { escapeValue: false },
      react: { useSuspense: false, bindI18n: 'languageChanged' },
    },
    services: {
      interpolator: { interpolate, nest: (text: string) => text },
      logger: { warn() {}, forward() {} },
      backendConnector: {},
    },
    store: { on() {}, off() {} },
    t: (keys: unknown, options?: unknown) => translate(keys, options, { ns: defaultNS }),
    getFixedT(_lng: string | null, ns?: string | string[] | null, keyPrefix?: string) {
      const fixedNs = (Array.isArray(ns) ? ns[0] : ns) ?? defaultNS
      const t = (keys: unknown, options?: unknown) => translate(keys, options, { ns: fixedNs, keyPrefix })
      return Object.assign(t, { ns: fixedNs, keyPrefix })
    },
    exists(key: string, options: Options = {}) {
      const ns = (Array.isArray(options.ns) ? options.ns[0] : options.ns) ?? defaultNS
      return resolve(key, options, ns).found !== undefined
    },
    hasLoadedNamespace(ns: string) {
      return Boolean(store[instance.language]?.[ns])
    },
    async loadNamespaces(ns: string | string[], done?: () => void) {
      const list = Array.isArray(ns) ? ns : [ns]
      for (const name of list) if (!instance.options.ns.includes(name)) instance.options.ns.push(name)
      await load(instance.language, list)
      done?.()
    },
    async loadLanguages(lng: string | string[], done?: () => void) {
      await Promise.all((Array.isArray(lng) ? lng : [lng]).map((code) => load(code, instance.options.ns)))
      done?.()
    },
    async changeLanguage(lng: string) {
      await load(lng, instance.options.ns)
      instance.language = instance.resolvedLanguage = lng
      instance.languages = [lng]
      emit('languageChanged', lng)
      return instance.getFixedT(lng)
    },
    on(event: string, listener: (...args: unknown[]) => void) {
      for (const name of event.split(' ')) {
        if (!listeners.has(name)) listeners.set(name, new Set())
        listeners.get(name)!.add(listener)
      }
    },
    off(event: string, listener: (...args: unknown[]) => void) {
      listeners.get(event)?.delete(listener)
    },
    emit,
  }
  return instance
}

export type BrowserI18n = ReturnType<typeof createBrowserI18n>
