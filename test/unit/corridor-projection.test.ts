import { describe, expect, test } from 'vitest'

import { boundsOf, makeProjection } from '~/modules/logistics/projection'

describe('the corridor map’s projection', () => {
  const bounds = { minLat: 40, maxLat: 50, minLon: 70, maxLon: 90 }

  test('puts the north-west corner at the padding and the south-east corner at the far edge', () => {
    const projection = makeProjection(bounds, 800, 20)
    expect(projection.project(50, 70)).toEqual({ x: 20, y: 20 })
    const corner = projection.project(40, 90)
    expect(corner.x).toBeCloseTo(780, 1)
    expect(corner.y).toBeCloseTo(projection.height - 20, 0)
  })

  test('north is up and east is right', () => {
    const { project } = makeProjection(bounds, 800)
    expect(project(48, 80).y).toBeLessThan(project(42, 80).y)
    expect(project(45, 85).x).toBeGreaterThan(project(45, 75).x)
  })

  test('a degree of longitude is shorter than a degree of latitude by the cosine of the middle latitude', () => {
    const projection = makeProjection(bounds, 800)
    const oneEast = projection.project(45, 81).x - projection.project(45, 80).x
    const oneNorth = projection.project(45, 80).y - projection.project(46, 80).y
    expect(oneEast / oneNorth).toBeCloseTo(Math.cos((45 * Math.PI) / 180), 2)
    // so the map is taller than a plain degree grid would make it
    expect(projection.height).toBe(Math.round((10 * 800) / (20 * Math.cos((45 * Math.PI) / 180))))
  })

  test('places Khorgos between Almaty and Urumqi', () => {
    const points = {
      almaty: { lat: 43.238, lon: 76.945 },
      khorgos: { lat: 44.233, lon: 80.483 },
      urumqi: { lat: 43.825, lon: 87.617 },
    }
    const { project } = makeProjection(boundsOf(Object.values(points), 1), 880, 24)
    const [almaty, khorgos, urumqi] = [points.almaty, points.khorgos, points.urumqi].map((p) => project(p.lat, p.lon))
    expect(almaty.x).toBeLessThan(khorgos.x)
    expect(khorgos.x).toBeLessThan(urumqi.x)
    expect(khorgos.y).toBeLessThan(almaty.y)
  })

  test('frames points with a margin and refuses empty or inverted bounds', () => {
    expect(
      boundsOf(
        [
          { lat: 44, lon: 80 },
          { lat: 46, lon: 82 },
        ],
        1,
      ),
    ).toEqual({ minLat: 43, maxLat: 47, minLon: 79, maxLon: 83 })
    expect(() => boundsOf([])).toThrow()
    expect(() => makeProjection({ minLat: 45, maxLat: 45, minLon: 70, maxLon: 80 }, 800)).toThrow()
    expect(() => makeProjection({ minLat: 40, maxLat: 50, minLon: 80, maxLon: 70 }, 800)).toThrow()
  })
})
