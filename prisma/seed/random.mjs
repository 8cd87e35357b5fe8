// mulberry32: a small seeded generator, the same on every machine, so the demo history and the
// bench's grown catalog come out identical on every run.
/** @param {number} seed @returns {() => number} a number in [0, 1) per call */
export function seededRandom(seed) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}
