// Summaries of a set of seeded runs: the figures parallel.md reports (numpy's default percentile)
// and the spread bands the Learn view's charts draw.

/** numpy.percentile's default: linear interpolation between order statistics of `sorted` (non-empty). */
export function quantileSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new RangeError('quantile of no values');
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** Median and quartiles of some values, with their extremes and mean. */
export interface Summary {
  median: number;
  q25: number;
  q75: number;
  min: number;
  max: number;
  mean: number;
}

/** The summary of `values` (non-empty, any order). */
export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: quantileSorted(sorted, 0.5),
    q25: quantileSorted(sorted, 0.25),
    q75: quantileSorted(sorted, 0.75),
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
    mean: sorted.reduce((sum, v) => sum + v, 0) / sorted.length,
  };
}

/** One x of a band chart: the median over runs and a spread band [lo, hi] around it. */
export interface BandPoint {
  x: number;
  median: number;
  lo: number;
  hi: number;
}

/** The 25-75 % band: half the runs lie inside it. */
export const BAND_QUANTILES = [0.25, 0.75] as const;

/**
 * Median and band over runs at each x: `valueAt(run, i)` is run's value at `xs[i]`, or undefined
 * when the run has none there yet. An x is kept only when every run has a value, so that a band
 * never summarises a biased subset (the lucky runs that finished a trial first).
 */
export function bands(
  xs: readonly number[],
  runs: number,
  valueAt: (run: number, i: number) => number | undefined,
  [qLo, qHi]: readonly [number, number] = BAND_QUANTILES,
): BandPoint[] {
  const out: BandPoint[] = [];
  const column: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    column.length = 0;
    for (let r = 0; r < runs; r++) {
      const v = valueAt(r, i);
      if (v === undefined) break;
      column.push(v);
    }
    if (runs === 0 || column.length < runs) continue;
    column.sort((a, b) => a - b);
    out.push({
      x: xs[i]!,
      median: quantileSorted(column, 0.5),
      lo: quantileSorted(column, qLo),
      hi: quantileSorted(column, qHi),
    });
  }
  return out;
}
