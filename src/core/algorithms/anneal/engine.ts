/**
 * One annealing proposal: `AnnealingAlgo.__call__` (hyperopt/anneal.py with algobase.py's
 * `SuggestAlgo`), visiting the hyperparameters of the space in depth-first order so that a choice is
 * decided before the parameters of its options, which get a value only in the chosen branch.
 */
import { createRng } from '../../random';
import type { Rng } from '../../random/types';
import { isActive } from '../../space/active';
import { drawParam } from '../../space/draw';
import type { CompiledSpace, Vals } from '../../space/types';
import type { TrialDoc } from '../../trials/types';
import { observationAt, observationsOf, readAnnealHistory } from './history';
import type { LabelObservations } from './history';
import { proposeNear, shrinking } from './neighbourhood';
import type { AnnealOptions } from './options';

/**
 * Proposes the active `vals` of trial `newId`. The generator is seeded with `seed + newId`, as
 * `SuggestAlgo.__call__` does (`np.random.default_rng(self._seed + new_id)`).
 */
export function runAnneal(
  space: CompiledSpace,
  docs: readonly TrialDoc[],
  seed: number,
  newId: number,
  options: Readonly<AnnealOptions>,
): Vals {
  const rng = createRng(seed + newId);
  const history = readAnnealHistory(docs);
  // anneal.py `self.best_tids`: the trials chosen so far for this proposal, as history positions.
  const chosen: number[] = [];
  const vals: Vals = {};
  for (const param of space.params) {
    if (!isActive(param, vals)) continue;
    const obs = observationsOf(history, param.label);
    if (obs.count === 0) {
      // on_node_hyperparameter: no observation of this label yet → draw from the prior.
      vals[param.label] = drawParam(param.expr, rng);
      continue;
    }
    const val = chooseValue(obs, history.losses, chosen, options.avgBestIdx, rng);
    vals[param.label] = proposeNear(param.expr, val, shrinking(obs.count, options.shrinkCoef), rng);
  }
  return vals;
}

/**
 * `choose_ltv(label, size=1)`: the label's value in the first already-chosen trial where it is active
 * (so that the hyperparameters of one proposal come from one trial when they can), else in a new
 * trial picked by rank: `geometric(1 / avgBestIdx) − 1`, clipped to the label's observations, in
 * ascending loss order; the new trial joins the chosen ones.
 */
export function chooseValue(
  obs: LabelObservations,
  losses: Float64Array,
  chosen: number[],
  avgBestIdx: number,
  rng: Rng,
): number {
  for (const pos of chosen) {
    const i = observationAt(obs, pos);
    if (i >= 0) return obs.values[i]!;
  }
  const rank = Math.min(Math.max(geometric(1 / avgBestIdx, rng) - 1, 0), obs.count - 1);
  const obsLosses = new Float64Array(obs.count);
  for (let i = 0; i < obs.count; i++) obsLosses[i] = losses[obs.positions[i]!]!;
  const pick = indexOfRank(obsLosses, rank);
  chosen.push(obs.positions[pick]!);
  return obs.values[pick]!;
}

/**
 * numpy's `Generator.geometric(p)`: the number of Bernoulli(p) trials up to and including the first
 * success (≥ 1), by inversion of one uniform: P(K > k) = (1 − p)^k. p = 1 always gives 1.
 */
export function geometric(p: number, rng: Rng): number {
  const u = rng.random();
  return 1 + Math.floor(Math.log1p(-u) / Math.log1p(-p));
}

/** a ranks before b by loss: smaller first, NaN last (np.argsort's order); ties are not "before". */
function before(a: number, b: number): boolean {
  return a < b || (Number.isNaN(b) && !Number.isNaN(a));
}

/** Below this rank, a small sorted buffer (O(N·rank)) beats sorting all N losses. */
const BUFFER_MAX = 32;

/**
 * `np.argsort(losses)[rank]`: the index of the loss of that rank in ascending order, NaN last. Equal
 * losses keep index (tid) order; numpy's default quicksort leaves their order unspecified.
 */
export function indexOfRank(losses: Float64Array, rank: number): number {
  const n = losses.length;
  if (rank >= BUFFER_MAX) {
    const order = Array.from({ length: n }, (_, i) => i);
    order.sort((i, j) => (before(losses[i]!, losses[j]!) ? -1 : before(losses[j]!, losses[i]!) ? 1 : i - j));
    return order[rank]!;
  }
  // Keep the rank + 1 best so far, sorted; a later equal loss goes after the earlier ones.
  const k = rank + 1;
  const best = new Int32Array(k);
  let size = 0;
  for (let i = 0; i < n; i++) {
    const loss = losses[i]!;
    if (size === k) {
      if (!before(loss, losses[best[k - 1]!]!)) continue;
      size--;
    }
    let j = size;
    while (j > 0 && before(loss, losses[best[j - 1]!]!)) {
      best[j] = best[j - 1]!;
      j--;
    }
    best[j] = i;
    size++;
  }
  return best[rank]!;
}
