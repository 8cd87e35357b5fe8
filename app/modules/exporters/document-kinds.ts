export const documentKinds = ['registration_certificate', 'gacc_registration', 'product_certificate', 'other'] as const
export type DocumentKind = (typeof documentKinds)[number]
