// Small statistics for the parallel suite: the summaries parallel.md reports (numpy's default
// percentile) and the standard errors our noise checks use.
import { quantileSorted } from '../src/core/simulate/index';
import type { LossSummary } from './parallelReference';
import { median } from './report';

export function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** Standard error of the mean (sample standard deviation / √n). */
export function stderr(values: readonly number[]): number {
  const m = mean(values);
  return Math.sqrt(values.reduce((sum, v) => sum + (v - m) ** 2, 0) / (values.length - 1) / values.length);
}

/** Mean, median and quartiles, as parallel.md's tables give them. */
export function summarize(values: readonly number[]): LossSummary {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    mean: mean(values),
    median: median(sorted),
    p25: quantileSorted(sorted, 0.25),
    p75: quantileSorted(sorted, 0.75),
  };
}

/** Four significant digits, as parallel.md prints. */
export const sig4 = (x: number): string => Number(x.toPrecision(4)).toString();
