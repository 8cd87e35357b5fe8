export function notFound() {
  return new Response('Not found', { status: 404 })
}

export function pageParam(url: URL) {
  const page = Number(url.searchParams.get('page') ?? '1')
  return Number.isSafeInteger(page) && page >= 1 && page <= 10_000 ? page : 1
}
