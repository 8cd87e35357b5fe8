// Every figure an admin enters (a rate, a lane, a checkpoint, a market rule) says where it comes
// from, in at most 300 characters (the modules' limit).
import type { ComponentProps } from 'react'

import { Field } from '~/components/form'

export function SourceField(props: Omit<ComponentProps<typeof Field>, 'name'>) {
  return <Field {...props} name="source" required maxLength={300} />
}
