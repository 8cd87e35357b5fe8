import { Form, useNavigation } from '@remix-run/react'
import { type ReactNode, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'

import { ListTable } from '~/components/admin/list-table'
import { CheckboxField, Field, FormError, SelectField, TextAreaField } from '~/components/form'
import {
  baseCurrencies,
  certificateKinds,
  maxDescriptionLength,
  maxNameLength,
  maxPriceTiers,
  productLocales,
  productUnits,
  saleModes,
} from '~/modules/exporters/product-form'
import { htmlLang, type Locale } from '~/utils/locales'

type SectorOption = { key: string; name: string; categories: { id: number; name: string; headings: string[] }[] }
type RegionOption = { id: number; name: string }

export type ProductActionData = { errors?: Record<string, string>; values?: Record<string, string>; certificates?: string[] }

export type ProductFormProps = {
  sectors: SectorOption[]
  regions: RegionOption[]
  values: Record<string, string>
  certificates: string[]
  errors: Record<string, string>
  actions: ReactNode
}

function CategoryPicker({
  sectors,
  value,
  onChange,
  error,
}: {
  sectors: SectorOption[]
  value: string
  onChange: (value: string) => void
  error?: string
}) {
  const { t } = useTranslation('portal')
  const [filter, setFilter] = useState('')
  const query = filter.trim().toLocaleLowerCase()
  const visible = sectors
    .map((sector) => ({
      ...sector,
      categories: sector.categories.filter(
        (category) =>
          String(category.id) === value ||
          query === '' ||
          category.name.toLocaleLowerCase().includes(query) ||
          sector.name.toLocaleLowerCase().includes(query) ||
          category.headings.some((heading) => heading.startsWith(query.replace(/\D/g, '') || '-')),
      ),
    }))
    .filter((sector) => sector.categories.length > 0)
  const count = visible.reduce((sum, sector) => sum + sector.categories.length, 0)
  return (
    <div className="category-picker">
      <Field
        namespace="portal"
        label={t('form.categoryFilter')}
        type="search"
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
        hint={t('form.categoryMatches', { count })}
        autoComplete="off"
        maxLength={100}
      />
      <SelectField
        namespace="portal"
        label={t('form.category')}
        name="categoryId"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        error={error}
        required
      >
        <option value="">{t('form.categoryPlaceholder')}</option>
        {visible.map((sector) => (
          <optgroup key={sector.key} label={sector.name}>
            {sector.categories.map((category) => (
              <option key={category.id} value={category.id}>
                {t('form.categoryOption', { name: category.name, headings: category.headings.join(', ') })}
              </option>
            ))}
          </optgroup>
        ))}
      </SelectField>
    </div>
  )
}

export function ProductForm({ sectors, regions, values, certificates, errors, actions }: ProductFormProps) {
  const { t } = useTranslation('portal')
  const { t: tc } = useTranslation('common')
  const busy = useNavigation().state === 'submitting'
  const [categoryId, setCategoryId] = useState(values.categoryId ?? '')
  const [named, setNamed] = useState(() => new Set(productLocales.filter((l) => (values[`name.${l}`] ?? '').trim() !== '')))
  const headings = useMemo(
    () => sectors.flatMap((s) => s.categories).find((c) => String(c.id) === categoryId)?.headings ?? [],
    [sectors, categoryId],
  )
  const value = (name: string) => values[name] ?? ''
  const bind = (name: string, fallback = '') => ({
    namespace: 'portal',
    name,
    defaultValue: value(name) || fallback,
    error: errors[name],
  })
  const missing = productLocales.filter((l) => !named.has(l))
  const languageName = (l: Locale) => t(`languages.${l}`)

  return (
    <Form method="post" noValidate className="product-form" aria-busy={busy}>
      <FormError namespace="portal" error={errors.form} />
      {Object.keys(errors).length > 0 && !errors.form ? <FormError namespace="portal" error="errors.checkFields" /> : null}

      <fieldset className="form-section">
        <legend>{t('form.classification')}</legend>
        <CategoryPicker sectors={sectors} value={categoryId} onChange={setCategoryId} error={errors.categoryId} />
        <Field
          label={t('form.hsCode')}
          {...bind('hsCode')}
          inputMode="numeric"
          maxLength={12}
          required
          hint={headings.length > 0 ? t('form.hsCodeHint', { headings: headings.join(', ') }) : t('form.hsCodeHintNone')}
        />
      </fieldset>

      <fieldset className="form-section">
        <legend>{t('form.texts')}</legend>
        <p className="muted">{t('form.textsLead')}</p>
        <FormError namespace="portal" error={errors.translations} />
        <p className="translation-status" aria-live="polite">
          {missing.length === 0 ? (
            t('translations.complete')
          ) : (
            <>
              {t('translations.missingLabel')}{' '}
              {missing.map((l) => (
                <span key={l} className="badge badge--missing">
                  {languageName(l)}
                </span>
              ))}
            </>
          )}
        </p>
        <div className="translations">
          {productLocales.map((l) => (
            <fieldset key={l} className="translation">
              <legend>
                <span className="language-name">{languageName(l)}</span>{' '}
                {named.has(l) ? null : <span className="badge badge--missing">{t('translations.missing')}</span>}
              </legend>
              <Field
                namespace="portal"
                label={t('form.nameIn', { language: languageName(l) })}
                name={`name.${l}`}
                lang={htmlLang(l)}
                defaultValue={value(`name.${l}`)}
                maxLength={maxNameLength}
                error={errors[`name.${l}`]}
                onChange={(event) => {
                  const filled = event.target.value.trim() !== ''
                  setNamed((current) => {
                    if (current.has(l) === filled) return current
                    const next = new Set(current)
                    if (filled) next.add(l)
                    else next.delete(l)
                    return next
                  })
                }}
              />
              <TextAreaField
                namespace="portal"
                label={t('form.descriptionIn', { language: languageName(l) })}
                name={`description.${l}`}
                lang={htmlLang(l)}
                defaultValue={value(`description.${l}`)}
                maxLength={maxDescriptionLength}
                rows={4}
                error={errors[`description.${l}`]}
              />
            </fieldset>
          ))}
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>{t('form.pricing')}</legend>
        <div className="form-row">
          <Field
            label={t('form.basePrice')}
            {...bind('basePrice')}
            inputMode="decimal"
            maxLength={32}
            required
            hint={t('form.basePriceHint')}
          />
          <SelectField
            label={t('form.currency')}
            {...bind('baseCurrency', 'KZT')}
            options={baseCurrencies.map((code) => ({ value: code, label: t(`currencies.${code}`) }))}
          />
          <SelectField
            label={t('form.unit')}
            {...bind('unit', 'kg')}
            options={productUnits.map((unit) => ({ value: unit, label: tc(`units.${unit}`) }))}
          />
        </div>
        <div className="form-row">
          <Field label={t('form.stock')} {...bind('stock')} type="number" min={0} step={1} required />
          <Field label={t('form.moq')} {...bind('minOrderQuantity', '1')} type="number" min={1} step={1} required />
          <SelectField
            label={t('form.saleMode')}
            {...bind('saleMode', 'retail')}
            options={saleModes.map((mode) => ({ value: mode, label: tc(`saleMode.${mode}`) }))}
          />
        </div>
        <fieldset className="tiers-input">
          <legend>{t('form.tiers')}</legend>
          <p className="muted">{t('form.tiersLead')}</p>
          <ListTable
            className="data-table"
            rows={Array.from({ length: maxPriceTiers }, (_, index) => index)}
            headers={[t('form.tierQuantity'), t('form.tierPrice')]}
          >
            {(index) => (
              <tr key={index}>
                <td>
                  <Field
                    namespace="portal"
                    label={<span className="visually-hidden">{t('form.tierQuantityN', { number: index + 1 })}</span>}
                    name={`tierQuantity.${index}`}
                    type="number"
                    min={2}
                    step={1}
                    defaultValue={value(`tierQuantity.${index}`)}
                    error={errors[`tierQuantity.${index}`]}
                  />
                </td>
                <td>
                  <Field
                    namespace="portal"
                    label={<span className="visually-hidden">{t('form.tierPriceN', { number: index + 1 })}</span>}
                    name={`tierPrice.${index}`}
                    inputMode="decimal"
                    maxLength={32}
                    defaultValue={value(`tierPrice.${index}`)}
                    error={errors[`tierPrice.${index}`]}
                  />
                </td>
              </tr>
            )}
          </ListTable>
        </fieldset>
      </fieldset>

      <fieldset className="form-section">
        <legend>{t('form.origin')}</legend>
        <SelectField label={t('form.originRegion')} {...bind('originRegionId')} required>
          <option value="">{t('form.regionPlaceholder')}</option>
          {regions.map((region) => (
            <option key={region.id} value={region.id}>
              {region.name}
            </option>
          ))}
        </SelectField>
        <div className="form-row">
          <Field
            label={t('form.netWeight')}
            {...bind('netWeightGrams')}
            type="number"
            min={1}
            step={1}
            hint={t('form.optional')}
          />
          <Field
            label={t('form.shelfLife')}
            {...bind('shelfLifeDays')}
            type="number"
            min={1}
            step={1}
            hint={t('form.optional')}
          />
        </div>
        <CheckboxField
          label={t('form.noReasonReturn')}
          hint={t('form.noReasonReturnHint')}
          namespace="portal"
          name="noReasonReturn"
          defaultChecked={value('noReasonReturn') === '1'}
          error={errors.noReasonReturn}
        />
        <fieldset className="checkbox-list">
          <legend>{t('form.certificates')}</legend>
          <FormError namespace="portal" error={errors.certificate} />
          <ul>
            {certificateKinds.map(({ kind, key }) => (
              <li key={kind}>
                <label>
                  <input type="checkbox" name="certificate" value={kind} defaultChecked={certificates.includes(kind)} />{' '}
                  {t(`common:certificates.${key}`)}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      </fieldset>

      <div className="form-actions">{actions}</div>
    </Form>
  )
}
