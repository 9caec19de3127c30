/**
 * Posteriors of the discrete kinds: `ap_randint_sampler` (tpe.py:570-585, for randint and hp.choice,
 * which Hyperopt builds on `randint(len(options))`) and `ap_categorical_sampler` with
 * `tpe_cat_pseudocounts` (tpe.py:588-607, for hp.pchoice). Log probabilities are
 * `randint_via_categorical_lpdf` / `categorical_lpdf` (tpe.py:54-64): log p[x].
 */
import type { Rng } from '../../random/types';
import { cumulativeWeights, pickComponent } from './gmm';
import { linearForgettingWeights } from './parzen';
import type { Posterior } from './types';

/**
 * Weighted counts of the option indices `obs[i] − offset` (Hyperopt's `bincount(obs, offset,
 * weights=linear_forgetting_weights(n, LF), minlength=K)`), obs in tid order.
 *
 * @throws RangeError when an observation is not one of the K indices (a history from another space).
 */
export function forgettingCounts(
  obs: ArrayLike<number>,
  n: number,
  k: number,
  offset: number,
  lf: number,
): Float64Array {
  const weights = linearForgettingWeights(n, lf);
  const counts = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const index = obs[i]! - offset;
    if (!Number.isInteger(index) || index < 0 || index >= k) {
      throw new RangeError(`TPE: observed value ${obs[i]} is not one of the ${k} values of this parameter`);
    }
    counts[index]! += weights[i]!;
  }
  return counts;
}

/** randint / choice: p = (counts + prior_weight) / Σ(counts + prior_weight). */
export function randintProbabilities(
  obs: ArrayLike<number>,
  n: number,
  k: number,
  offset: number,
  priorWeight: number,
  lf: number,
): Float64Array {
  const pseudo = forgettingCounts(obs, n, k, offset, lf);
  for (let i = 0; i < k; i++) pseudo[i]! += priorWeight;
  return normalise(pseudo);
}

/** pchoice: p = (counts + K·prior_weight·p_i) / Σ(…) (`tpe_cat_pseudocounts`). */
export function pchoiceProbabilities(
  obs: ArrayLike<number>,
  n: number,
  prior: readonly number[],
  priorWeight: number,
  lf: number,
): Float64Array {
  const k = prior.length;
  const pseudo = forgettingCounts(obs, n, k, 0, lf);
  for (let i = 0; i < k; i++) pseudo[i]! += k * priorWeight * prior[i]!;
  return normalise(pseudo);
}

function normalise(values: Float64Array): Float64Array {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  for (let i = 0; i < values.length; i++) values[i] = values[i]! / total;
  return values;
}

/** A categorical posterior over `offset + 0 … offset + K−1`. */
export class CategoricalPosterior implements Posterior {
  private readonly cumulative: Float64Array;

  constructor(
    readonly probabilities: Float64Array,
    readonly offset: number,
  ) {
    this.cumulative = cumulativeWeights(probabilities);
  }

  /** `randint_via_categorical` / `categorical`, plus the randint offset added back (tpe.py:935-939). */
  sample(rng: Rng): number {
    return this.offset + pickComponent(this.cumulative, rng);
  }

  /** log p[x − offset]; −∞ outside the support. */
  logPdf(x: number): number {
    const p = this.probabilities[x - this.offset];
    return p === undefined ? -Infinity : Math.log(p);
  }

  /** The same as {@link logPdf} (no normalising constant to leave out). */
  logScore(x: number): number {
    return this.logPdf(x);
  }
}
