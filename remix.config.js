/** @type {import('@remix-run/dev').AppConfig} */
module.exports = {
  ignoredRouteFiles: ['**/.*', '**/*.test.{ts,tsx}', '**/*.server.ts'],
  serverModuleFormat: 'cjs',
  // remix-i18next is ESM-only: unbundled, the server would load two copies of react-i18next.
  // d3-geo (with d3-array, internmap) and otplib's hashing (@noble, @scure) are ESM-only too:
  // bundled, the CommonJS server needs no require(esm), which Node 20 before 20.19 lacks.
  serverDependenciesToBundle: [/^remix-i18next/, /^d3-/, /^internmap$/, /^otplib/, /^@otplib\//, /^@noble\//, /^@scure\//],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
}
