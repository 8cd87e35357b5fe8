// The kinds of supporting document a company can file, shared by the upload form and the server.
export const documentKinds = ['registration_certificate', 'gacc_registration', 'product_certificate', 'other'] as const
export type DocumentKind = (typeof documentKinds)[number]
