/**
 * Best-so-far curves of the compared runs, by trial number or by wall time. A best-so-far curve is a
 * step function, so only the points where it improves (plus the last point, to show where the run
 * stopped) are kept: lossless, and a 10,000-trial run usually comes down to a few dozen points.
 */
import { minMaxBuckets } from '../../charts/downsample';
import type { TrialPoint } from './comparedRuns';

export type CurveAxis = 'trial' | 'time';

export interface CurvePoint {
  /** Trial number (tid), or seconds since the run started. */
  x: number;
  best: number;
}

/** One run's best-so-far curve along `axis` (empty when no trial finished with a loss). */
export function bestSoFar(points: readonly TrialPoint[], axis: CurveAxis): CurvePoint[] {
  const xOf = (p: TrialPoint) => (axis === 'trial' ? p.tid : (p.endMs ?? NaN) / 1000);
  const ordered = points
    .filter((p) => p.loss !== null && Number.isFinite(xOf(p)))
    .sort((a, b) => xOf(a) - xOf(b) || a.tid - b.tid);
  const out: CurvePoint[] = [];
  let best = Infinity;
  for (const p of ordered) {
    if (p.loss! < best) {
      best = p.loss!;
      out.push({ x: xOf(p), best });
    }
  }
  const last = ordered[ordered.length - 1];
  if (last !== undefined && out[out.length - 1]!.x !== xOf(last)) out.push({ x: xOf(last), best });
  // Improvements are few in practice; a pathological run (every trial better) is still bounded.
  return minMaxBuckets(out, (p) => p.best);
}

/**
 * The curves as one table for a chart with a shared tooltip: a row per x of any curve, with each
 * curve's best so far at that x under `r<index>` (carried forward between its own points; absent
 * before its first point and after its last, where that run has no value).
 */
export function mergeCurves(curves: readonly CurvePoint[][]): Record<string, number>[] {
  const xs = [...new Set(curves.flatMap((c) => c.map((p) => p.x)))].sort((a, b) => a - b);
  const at = curves.map(() => -1);
  return xs.map((x) => {
    const row: Record<string, number> = { x };
    curves.forEach((curve, i) => {
      while (at[i]! + 1 < curve.length && curve[at[i]! + 1]!.x <= x) at[i]!++;
      const last = curve[curve.length - 1];
      if (at[i]! >= 0 && last !== undefined && x <= last.x) row[`r${i}`] = curve[at[i]!]!.best;
    });
    return row;
  });
}
