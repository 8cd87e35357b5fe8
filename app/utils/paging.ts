// One arithmetic for every paged list: pages count from 1, and an empty list still has one page.

export function pageSlice(page: number, pageSize: number) {
  return { skip: (page - 1) * pageSize, take: pageSize }
}

export function pageFacts(total: number, page: number, pageSize: number) {
  return { total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) }
}

export function countPer<K extends string>(groups: readonly { _count: { _all: number } }[], field: string) {
  return Object.fromEntries(
    groups.map((group) => [(group as unknown as Record<string, string>)[field], group._count._all]),
  ) as Partial<Record<K, number>>
}
