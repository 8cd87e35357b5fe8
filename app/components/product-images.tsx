// The exporter's product images: each shown small with a delete button, and the upload form (JPEG,
// PNG or WebP). The route handles the upload and the delete; errors are message keys.
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { FileField, FormError } from '~/components/form'
import type { productForEditing } from '~/modules/exporters/product-authoring.server'
import { imageUrl } from '~/utils/images'

const imageTypes = 'image/jpeg,image/png,image/webp'

type ProductImage = Awaited<ReturnType<typeof productForEditing>>['images'][number]

export function ProductImages({ images, errors }: { images: ProductImage[]; errors: Record<string, string> }) {
  const { t } = useTranslation('portal')
  return (
    <section className="form-section" aria-labelledby="images-title">
      <h2 id="images-title">{t('images.title')}</h2>
      <p className="muted">{t('images.lead')}</p>
      {images.length === 0 ? <p>{t('images.none')}</p> : null}
      <ul className="image-list">
        {images.map((image, index) => (
          <li key={image.id}>
            <img
              src={imageUrl(image.storageKey, image.widths[0])}
              width={160}
              height={Math.round((160 * image.height) / image.width)}
              alt={t('images.alt', { number: index + 1 })}
            />
            <Form method="post">
              <input type="hidden" name="imageId" value={image.id} />
              <button type="submit" name="intent" value="deleteImage" className="button">
                {t('images.delete', { number: index + 1 })}
              </button>
            </Form>
          </li>
        ))}
      </ul>
      <Form method="post" encType="multipart/form-data" className="upload-form">
        <FormError namespace="portal" error={errors.file ?? errors.form} />
        <FileField namespace="portal" label={t('images.file')} name="image" accept={imageTypes} hint={t('images.hint')} />
        <button type="submit" className="button">
          {t('images.upload')}
        </button>
      </Form>
    </section>
  )
}
