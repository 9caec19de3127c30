/**
 * Test support: draws a reference case's sample with our sampler and runs the README's comparison.
 * Kept out of the public index; used by sample.reference.test.ts (and handy for seed scans).
 */
import { createRng } from '../random/xoshiro';
import { categoryKey, compareContinuous, compareDiscrete, countValues } from '../stats/index';
import { compileSpace } from './validate';
import { fromNeutral } from './neutral';
import { sample } from './sample';
import type { CompiledSpace } from './types';

/** One case record of samples.json (fields used here). */
export interface ReferenceCase {
  name: string;
  seed: number;
  n: number;
  expr: { kind: string; label: string } & Record<string, unknown>;
  values: (number | string)[];
  summary: { n: number; counts?: Record<string, number>; tv_null_p99?: number };
}

export const CONTINUOUS_KINDS: ReadonlySet<string> = new Set([
  'uniform',
  'loguniform',
  'normal',
  'lognormal',
]);

export interface CaseOutcome {
  name: string;
  kind: string;
  values: unknown[];
  /** KS p (continuous) or chi-square p (discrete). */
  p: number;
  /** KS D for continuous kinds, total variation for discrete ones. */
  statistic: number;
  /** Limit of `statistic` (TV threshold) for discrete kinds, null for continuous ones. */
  limit: number | null;
  pass: boolean;
}

/** Draws `n` configurations of the case's expression with `createRng(seed)` and compares. */
export function runReferenceCase(refCase: ReferenceCase, seed: number, n: number = refCase.n): CaseOutcome {
  const space: CompiledSpace = compileSpace(fromNeutral(refCase.expr));
  const rng = createRng(seed);
  const values: unknown[] = new Array<unknown>(n);
  for (let i = 0; i < n; i++) values[i] = sample(space, rng);
  const kind = refCase.expr.kind;
  if (CONTINUOUS_KINDS.has(kind)) {
    const r = compareContinuous(refCase.values as number[], values as number[]);
    return { name: refCase.name, kind, values, p: r.ks.p, statistic: r.ks.d, limit: null, pass: r.pass };
  }
  const refCounts = new Map<string, number>();
  for (const [key, count] of Object.entries(refCase.summary.counts ?? {})) {
    const canonical = categoryKey(JSON.parse(key) as unknown);
    refCounts.set(canonical, (refCounts.get(canonical) ?? 0) + count);
  }
  const r = compareDiscrete(refCounts, countValues(values), refCase.summary.tv_null_p99 ?? 0);
  return { name: refCase.name, kind, values, p: r.chi.p, statistic: r.tv, limit: r.tvLimit, pass: r.pass };
}
