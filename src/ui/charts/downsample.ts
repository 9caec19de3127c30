/**
 * Keeps charts smooth at 10,000 trials: series are cut to a bounded number of points before they
 * reach recharts (which draws one SVG element per point). Min/max buckets keep every spike: each
 * bucket of consecutive points contributes its lowest and its highest point (in x order), so the
 * shape of a noisy loss curve, and its best trials, survive the cut.
 */

/** Points per series handed to a chart. */
export const MAX_POINTS = 400;

/**
 * At most about `max` points of `points` (already in x order): all of them when they fit, else the
 * min and max of `y` in each of `max / 2` equal-count buckets, in their original order.
 */
export function minMaxBuckets<T>(points: readonly T[], y: (p: T) => number, max = MAX_POINTS): T[] {
  if (points.length <= max) return points.slice();
  const buckets = Math.max(1, Math.floor(max / 2));
  const size = points.length / buckets;
  const out: T[] = [];
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor(b * size);
    const end = Math.min(points.length, Math.floor((b + 1) * size));
    let lo = start;
    let hi = start;
    for (let i = start + 1; i < end; i++) {
      if (y(points[i]!) < y(points[lo]!)) lo = i;
      if (y(points[i]!) > y(points[hi]!)) hi = i;
    }
    out.push(points[Math.min(lo, hi)]!);
    if (hi !== lo) out.push(points[Math.max(lo, hi)]!);
  }
  return out;
}
