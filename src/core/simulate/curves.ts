// Best-so-far curves of simulated runs, by completed trials and by virtual wall time.

/** A run as the charts need it: what completed when (in completion order). */
export interface RunTrace {
  /** Losses in completion order. */
  losses: number[];
  /** Virtual completion times, non-decreasing, one per loss. */
  times: number[];
  /** Time of the last completion. */
  makespan: number;
}

/** best[i] = min(losses[0..i]). */
export function bestSoFar(losses: readonly number[]): number[] {
  const out: number[] = [];
  let best = Infinity;
  for (const loss of losses) {
    if (loss < best) best = loss;
    out.push(best);
  }
  return out;
}

/**
 * Best loss completed at or before each of the (increasing) `grid` times; undefined before the
 * first completion.
 */
export function bestAtTimes(trace: RunTrace, grid: readonly number[]): (number | undefined)[] {
  const out: (number | undefined)[] = [];
  let best: number | undefined;
  let i = 0;
  for (const t of grid) {
    while (i < trace.times.length && trace.times[i]! <= t) {
      const loss = trace.losses[i]!;
      if (best === undefined || loss < best) best = loss;
      i++;
    }
    out.push(best);
  }
  return out;
}

/** `points` evenly spaced times from 0 to `end` inclusive (points ≥ 2). */
export function timeGrid(end: number, points: number): number[] {
  return Array.from({ length: points }, (_, i) => (end * i) / (points - 1));
}

/**
 * At most about `max` indices of 0..n-1, evenly spread, always with the first and the last: curves
 * of best-so-far are monotone, so an even stride keeps their shape while bounding what a chart draws.
 */
export function strideIndices(n: number, max: number): number[] {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const step = (n - 1) / (max - 1);
  const out: number[] = [];
  for (let i = 0; i < max; i++) {
    const index = Math.round(i * step);
    if (out[out.length - 1] !== index) out.push(index);
  }
  return out;
}
