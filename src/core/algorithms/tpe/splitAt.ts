/**
 * The good/bad split with an explicit below count, for the improved TPE's schedules (the faithful
 * `splitTrials` computes Hyperopt's count itself). Same order as `splitTrials`: ascending loss, NaN
 * last, equal losses in tid order.
 */
import { BELOW_CAP, splitBest } from './split';
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

/** The `nBelow` best trials of `history` form the below group (O(N) for the small counts used). */
export function splitAt(history: TrialHistory, nBelow: number): TrialSplit {
  return splitBest(history.losses, Math.max(0, Math.min(nBelow, history.losses.length)), nBelow);
}
