// The admin's status buttons on a tourism route come from the same table that changeRouteStatus
// enforces, so a button is never offered for a move the server refuses, nor a move hidden.
import { describe, expect, test } from 'vitest'

import { canTransitionRoute, nextRouteStatuses, routeStatuses } from '~/modules/tourism/options'

describe('the moves a tourism route may make', () => {
  test('a draft is published; a published route goes back to draft or is archived; an archived one is restored to draft', () => {
    expect(nextRouteStatuses('draft')).toEqual(['published'])
    expect(nextRouteStatuses('published')).toEqual(['draft', 'archived'])
    expect(nextRouteStatuses('archived')).toEqual(['draft'])
  })

  test('an unknown status offers no move', () => {
    expect(nextRouteStatuses('deleted')).toEqual([])
  })

  test('every move offered is one the server allows, and no allowed move is left out', () => {
    for (const from of routeStatuses)
      for (const to of routeStatuses) expect(nextRouteStatuses(from).includes(to)).toBe(canTransitionRoute(from, to))
  })
})
