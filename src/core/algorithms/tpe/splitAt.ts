/**
 * The good/bad split with an explicit below count, for the improved TPE's schedules (the faithful
 * `splitTrials` computes Hyperopt's count itself). Same order as `splitTrials`: ascending loss, NaN
 * last, equal losses in tid order.
 */
import { BELOW_CAP } from './split';
import type { TrialHistory, TrialSplit } from './split';

/** How the below count grows with the number of trials N. */
export type GammaSchedule = 'sqrt' | 'linear';

/**
 * n_below: Hyperopt's min(ceil(gamma·√N), 25) (`sqrt`) or Optuna's min(ceil(gamma·N), 25)
 * (`linear`, Optuna's default gamma being 0.1).
 */
export function belowCountFor(schedule: GammaSchedule, nTrials: number, gamma: number): number {
  const raw = schedule === 'sqrt' ? gamma * Math.sqrt(nTrials) : gamma * nTrials;
  return Math.min(Math.ceil(raw), BELOW_CAP);
}

/** a ranks before b: smaller loss first, NaN last. */
function before(a: number, b: number): boolean {
  return a < b || (Number.isNaN(b) && !Number.isNaN(a));
}

/** The `nBelow` best trials of `history` form the below group (O(N) for the small counts used). */
export function splitAt(history: TrialHistory, nBelow: number): TrialSplit {
  const losses = history.losses;
  const nTrials = losses.length;
  const k = Math.max(0, Math.min(nBelow, nTrials));
  const best = new Int32Array(k);
  const bestLoss = new Float64Array(k);
  let size = 0;
  for (let i = 0; i < nTrials && k > 0; i++) {
    const loss = losses[i]!;
    if (size === k) {
      if (!before(loss, bestLoss[k - 1]!)) continue;
      size--;
    }
    let j = size;
    while (j > 0 && before(loss, bestLoss[j - 1]!)) {
      best[j] = best[j - 1]!;
      bestLoss[j] = bestLoss[j - 1]!;
      j--;
    }
    best[j] = i;
    bestLoss[j] = loss;
    size++;
  }
  const isBelow = new Uint8Array(nTrials);
  for (let j = 0; j < k; j++) isBelow[best[j]!] = 1;
  return { nTrials, nBelow, isBelow, belowByLoss: best, belowPositions: best.slice().sort() };
}
