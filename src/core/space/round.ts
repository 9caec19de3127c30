/**
 * numpy's `round` (`np.rint`): to the nearest integer, halves to the even neighbour, so
 * 0.5 → 0, 1.5 → 2, 2.5 → 2, −0.5 → −0, −0.3 → −0. Hyperopt quantises every q-kind with it
 * (hyperopt/pyll/stochastic.py, `quniform` and friends: `np.round(draw / q) * q`). Continuous draws
 * rarely land exactly on a half, but when they do (and for the sign of zero) this matches numpy
 * rather than JavaScript's `Math.round`, which sends halves toward +∞.
 */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  // A tie rounded up to an odd integer must go down instead; r − x is exact for |x| < 2**52.
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
