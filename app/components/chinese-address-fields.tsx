import { useFetcher } from '@remix-run/react'
import { Fragment, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'

import { AddressFields } from '~/components/address-fields'
import { Field, SelectField } from '~/components/form'
import type { Place, ProvinceDivisions } from '~/modules/checkout/china-divisions.server'
import { hongKongDistricts } from '~/modules/checkout/chinese-address'
import type { AddressField } from '~/modules/checkout/orders.server'
import { localePath } from '~/utils/locale-path'
import { useRootLocale } from '~/utils/root-data'

type Props = {
  market: 'CN' | 'HK'
  fields: readonly AddressField[]
  provinces: readonly Place[]
  divisions: ProvinceDivisions | null
  values: Record<string, string | undefined>
  errors: Record<string, string | undefined>
}

const listed = new Set(['province', 'city', 'district'])

/** Until the page runs JavaScript, a list's choice is sent to the server, which answers with the next lists. */
function useHydrated() {
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => setHydrated(true), [])
  return hydrated
}

function ShowNextList({ hydrated, label }: { hydrated: boolean; label: string }) {
  return hydrated ? null : (
    <button type="submit" name="intent" value="places" className="button" formNoValidate>
      {label}
    </button>
  )
}

const autoComplete = { province: 'address-level1', city: 'address-level2', district: 'address-level3' }

const optionsOf = (places: readonly Place[]) =>
  places.map((place) => (
    <option key={place.code} value={place.code}>
      {place.name}
    </option>
  ))

type Level = {
  name: keyof typeof autoComplete
  value: string
  choose: (code: string) => void
  groups: { label?: string; places: readonly Place[] }[]
  waitsFor?: string
}

function MainlandPlaces({ provinces, divisions: initial, values, errors }: Omit<Props, 'market' | 'fields'>) {
  const { t } = useTranslation('checkout')
  const locale = useRootLocale()
  const hydrated = useHydrated()
  const fetcher = useFetcher<ProvinceDivisions>()
  const [province, setProvince] = useState(values.province ?? '')
  const [city, setCity] = useState(values.city ?? '')
  const [district, setDistrict] = useState(values.district ?? '')
  const divisions = fetcher.data?.province === province ? fetcher.data : initial?.province === province ? initial : null
  const cities = divisions?.cities ?? []
  // before JavaScript, every district is offered under its city, so one round trip is enough
  const cityGroups = hydrated ? cities.filter((candidate) => candidate.code === city) : cities
  const levels: Level[] = [
    {
      name: 'province',
      value: province,
      groups: [{ places: provinces }],
      choose: (code) => {
        setProvince(code)
        setCity('')
        setDistrict('')
        if (code) fetcher.load(localePath(locale, `/checkout/divisions/${code}`))
      },
    },
    {
      name: 'city',
      value: city,
      groups: [{ places: cities }],
      waitsFor: 'places.provinceFirst',
      choose: (code) => {
        setCity(code)
        setDistrict('')
      },
    },
    {
      name: 'district',
      value: district,
      groups: cityGroups.map((group) => ({ label: group.name, places: group.districts })),
      waitsFor: 'places.cityFirst',
      choose: setDistrict,
    },
  ]
  return (
    <>
      {levels.map((level) => {
        const empty = level.groups.every((group) => group.places.length === 0)
        return (
          <Fragment key={level.name}>
            <SelectField
              namespace="checkout"
              label={t(`fields.${level.name}`)}
              name={level.name}
              autoComplete={autoComplete[level.name]}
              required
              value={level.value}
              error={errors[level.name]}
              disabled={empty}
              hint={empty && level.waitsFor ? t(level.waitsFor) : undefined}
              onChange={(event) => level.choose(event.target.value)}
            >
              <option value="">{t('places.choose')}</option>
              {level.groups.map((group) =>
                group.label ? (
                  <optgroup key={group.label} label={group.label}>
                    {optionsOf(group.places)}
                  </optgroup>
                ) : (
                  <Fragment key="">{optionsOf(group.places)}</Fragment>
                ),
              )}
            </SelectField>
            {level.name === 'province' ? <ShowNextList hydrated={hydrated} label={t('places.showCities')} /> : null}
          </Fragment>
        )
      })}
    </>
  )
}

function HongKongPlaces({ values, errors }: Pick<Props, 'values' | 'errors'>) {
  const { t } = useTranslation('checkout')
  const locale = useRootLocale()
  const chinese = locale === 'zh-hans' || locale === 'zh-hant'
  return (
    <SelectField
      namespace="checkout"
      label={t('fields.district')}
      name="district"
      required
      defaultValue={values.district ?? ''}
      error={errors.district}
    >
      <option value="">{t('places.choose')}</option>
      {hongKongDistricts.map((option) => (
        <option key={option.code} value={option.code}>
          {chinese ? option.zh : `${option.en} · ${option.zh}`}
        </option>
      ))}
    </SelectField>
  )
}

function HongKongDelivery({ fields, values, errors }: Pick<Props, 'fields' | 'values' | 'errors'>) {
  const { t } = useTranslation('checkout')
  const hydrated = useHydrated()
  const [kind, setKind] = useState(values.delivery === 'sf' ? 'sf' : 'home')
  return (
    <>
      <fieldset className="choices">
        <legend>{t('places.delivery')}</legend>
        {(['home', 'sf'] as const).map((option) => (
          <label key={option} className="choice">
            <input type="radio" name="delivery" value={option} checked={kind === option} onChange={() => setKind(option)} />
            {t(`places.${option}`)}
          </label>
        ))}
      </fieldset>
      {!hydrated || kind === 'home' ? (
        <AddressFields
          fields={fields}
          market="HK"
          namespace="checkout"
          label={(name) => t(`fields.${name}`)}
          values={values}
          errors={errors}
        />
      ) : null}
      {!hydrated || kind === 'sf' ? (
        <Field
          namespace="checkout"
          label={t('fields.sfPoint')}
          name="sfPoint"
          autoComplete="off"
          maxLength={12}
          defaultValue={values.sfPoint}
          error={errors.sfPoint}
          hint={t('places.sfPointHint')}
        />
      ) : null}
    </>
  )
}

export function ChineseAddressFields({ market, fields, provinces, divisions, values, errors }: Props) {
  const { t } = useTranslation('checkout')
  const label = (name: AddressField['name']) => t(`fields.${name}`)
  const before = fields.filter((field) => field.name === 'recipientName' || field.name === 'phone')
  const after = fields.filter((field) => !listed.has(field.name) && !before.includes(field))
  return (
    <>
      <AddressFields fields={before} market={market} namespace="checkout" label={label} values={values} errors={errors} />
      {market === 'CN' ? (
        <>
          <MainlandPlaces provinces={provinces} divisions={divisions} values={values} errors={errors} />
          <AddressFields fields={after} market={market} namespace="checkout" label={label} values={values} errors={errors} />
        </>
      ) : (
        <>
          <HongKongPlaces values={values} errors={errors} />
          <HongKongDelivery fields={after} values={values} errors={errors} />
        </>
      )}
    </>
  )
}
