/**
 * Test support (not exported from the package index): trial documents built from plain records, the
 * way fmin would have stored them, and random-search histories scored by a loss function.
 */
import { createRng } from '../../random';
import { sampleVals } from '../../space/sample';
import type { CompiledSpace, Vals } from '../../space/types';
import type { TrialDoc } from '../../trials/types';
import { docsFromHistory } from '../testSupport';

/** One past trial: its vals and how it ended (`loss` is ignored unless the status is 'ok'). */
export interface PastTrial {
  vals: Vals;
  status: 'ok' | 'fail' | 'running';
  loss?: number;
}

/** Trial documents with tids 0, 1, … for `trials`. */
export function docsOf(space: CompiledSpace, trials: readonly PastTrial[]): TrialDoc[] {
  return docsFromHistory(
    space,
    trials.map((t, tid) => ({ tid, vals: t.vals, status: t.status, loss: t.loss ?? null })),
  );
}

/** `n` prior draws (generator seeded with `seed`), each completed with `loss(vals)`. */
export function randomHistory(
  space: CompiledSpace,
  n: number,
  loss: (vals: Vals) => number,
  seed = 1,
): TrialDoc[] {
  const rng = createRng(seed);
  const trials: PastTrial[] = [];
  for (let i = 0; i < n; i++) {
    const vals = sampleVals(space, rng);
    trials.push({ vals, status: 'ok', loss: loss(vals) });
  }
  return docsOf(space, trials);
}

/** Mean and standard deviation of `xs`. */
export function meanStd(xs: readonly number[]): { mean: number; std: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length;
  return { mean, std: Math.sqrt(variance) };
}
