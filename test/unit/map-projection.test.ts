import { describe, expect, test } from 'vitest'

import { boundingBox, fitToWidth } from '~/utils/map-projection'

describe('the corridor map’s projection', () => {
  const box = { south: 40, north: 50, west: 70, east: 90 }

  test('puts the north-west corner at the padding and the south-east corner at the far edge', () => {
    const projection = fitToWidth(box, 800, 20)
    expect(projection.project({ lat: 50, lon: 70 })).toEqual({ x: 20, y: 20 })
    const corner = projection.project({ lat: 40, lon: 90 })
    expect(corner.x).toBeCloseTo(780, 1)
    expect(corner.y).toBeCloseTo(projection.height - 20, 0)
  })

  test('north is up and east is right', () => {
    const { project } = fitToWidth(box, 800)
    expect(project({ lat: 48, lon: 80 }).y).toBeLessThan(project({ lat: 42, lon: 80 }).y)
    expect(project({ lat: 45, lon: 85 }).x).toBeGreaterThan(project({ lat: 45, lon: 75 }).x)
  })

  test('a degree of longitude is shorter than a degree of latitude by the cosine of the middle latitude', () => {
    const { project, height } = fitToWidth(box, 800)
    const oneEast = project({ lat: 45, lon: 81 }).x - project({ lat: 45, lon: 80 }).x
    const oneNorth = project({ lat: 45, lon: 80 }).y - project({ lat: 46, lon: 80 }).y
    expect(oneEast / oneNorth).toBeCloseTo(Math.cos((45 * Math.PI) / 180), 2)
    // so the map is taller than a plain degree grid would make it
    expect(height).toBe(Math.round((10 * 800) / (20 * Math.cos((45 * Math.PI) / 180))))
  })

  test('places Khorgos between Almaty and Urumqi', () => {
    const points = {
      almaty: { lat: 43.238, lon: 76.945 },
      khorgos: { lat: 44.233, lon: 80.483 },
      urumqi: { lat: 43.825, lon: 87.617 },
    }
    const { project } = fitToWidth(boundingBox(Object.values(points), { margin: 1 }), 880, 24)
    const [almaty, khorgos, urumqi] = [points.almaty, points.khorgos, points.urumqi].map(project)
    expect(almaty.x).toBeLessThan(khorgos.x)
    expect(khorgos.x).toBeLessThan(urumqi.x)
    expect(khorgos.y).toBeLessThan(almaty.y)
  })

  test('frames points with a margin and refuses empty or inverted bounds', () => {
    expect(
      boundingBox(
        [
          { lat: 44, lon: 80 },
          { lat: 46, lon: 82 },
        ],
        { margin: 1 },
      ),
    ).toEqual({ south: 43, north: 47, west: 79, east: 83 })
    expect(() => boundingBox([])).toThrow()
    expect(() => fitToWidth({ south: 45, north: 45, west: 70, east: 80 }, 800)).toThrow()
    expect(() => fitToWidth({ south: 40, north: 50, west: 80, east: 70 }, 800)).toThrow()
  })
})
