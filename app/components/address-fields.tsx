import { Field } from '~/components/form'
import type { AddressField } from '~/modules/checkout/orders.server'

const autoComplete: Record<AddressField['name'], string> = {
  recipientName: 'name',
  phone: 'tel',
  province: 'address-level1',
  city: 'address-level2',
  district: 'address-level3',
  addressLine: 'street-address',
  postalCode: 'postal-code',
}

export function AddressFields({
  fields,
  market,
  label,
  namespace,
  values,
  errors,
}: {
  fields: readonly AddressField[]
  market: string
  label: (name: AddressField['name']) => string
  namespace: string
  values: Record<string, string | undefined>
  errors: Record<string, string | undefined>
}) {
  return (
    <>
      {fields.map((field) => (
        <Field
          // a new market's form starts empty instead of keeping the last market's values
          key={`${market}-${field.name}`}
          namespace={namespace}
          label={label(field.name)}
          name={field.name}
          type={field.name === 'phone' ? 'tel' : 'text'}
          autoComplete={autoComplete[field.name]}
          required={field.required}
          maxLength={field.maxLength}
          defaultValue={values[field.name]}
          error={errors[field.name]}
        />
      ))}
    </>
  )
}
