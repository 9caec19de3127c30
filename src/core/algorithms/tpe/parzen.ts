/**
 * The adaptive Parzen estimator behind every numeric TPE posterior: Hyperopt's
 * `adaptive_parzen_normal` (tpe.py:392-459) and `linear_forgetting_weights` (tpe.py:373-385).
 */
import { sortWithPayload } from './sort';

/**
 * A 1-D Gaussian mixture as TPE fits it: components sorted by `mus` (the prior inserted at its
 * sorted position `priorIndex`), `weights` normalised to sum 1.
 */
export interface Mixture {
  readonly weights: Float64Array;
  readonly mus: Float64Array;
  readonly sigmas: Float64Array;
  readonly priorIndex: number;
}

/** Hyperopt's `DEFAULT_LF` (tpe.py:29): observations beyond the newest 25 are down-weighted. */
export const DEFAULT_LINEAR_FORGETTING = 25;

/**
 * `linear_forgetting_weights(N, LF)`: ones when N ≤ LF; otherwise the oldest N − LF observations get
 * `linspace(1/N, 1, N − LF)` and the newest LF get 1. `lf` ≤ 0 disables forgetting (Hyperopt's
 * `if LF and ...` in adaptive_parzen_normal treats LF = 0 the same way).
 */
export function linearForgettingWeights(n: number, lf: number): Float64Array {
  const out = new Float64Array(n).fill(1);
  if (lf <= 0 || n <= lf) return out;
  const ramp = n - lf;
  const start = 1 / n;
  if (ramp === 1) {
    out[0] = start; // np.linspace with num=1 returns [start]
    return out;
  }
  const step = (1 - start) / (ramp - 1);
  for (let i = 0; i < ramp - 1; i++) out[i] = start + i * step;
  out[ramp - 1] = 1; // numpy sets the endpoint exactly
  return out;
}

/**
 * Fits the mixture to `obs` (observations in tid order, oldest first — the order linear forgetting
 * relies on), Hyperopt's `adaptive_parzen_normal(mus, prior_weight, prior_mu, prior_sigma, LF)`:
 * sorts the observations (stably, carrying each one's forgetting weight) and calls
 * {@link parzenFromSorted}.
 */
export function adaptiveParzenNormal(
  obs: ArrayLike<number>,
  n: number,
  priorWeight: number,
  priorMu: number,
  priorSigma: number,
  lf: number = DEFAULT_LINEAR_FORGETTING,
): Mixture {
  const keys = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) keys[i] = obs[i]!;
  // Weights travel with their observations through the sort, so forgetting follows age, not rank.
  const w = new Float64Array(n + 1);
  w.set(linearForgettingWeights(n, lf));
  if (n >= 2) sortWithPayload(keys, w, n);
  return parzenFromSorted(keys, w, n, priorWeight, priorMu, priorSigma);
}

/**
 * The rest of `adaptive_parzen_normal` once the observations are sorted: `sorted[0..n)` ascending,
 * `sortedWeights[i]` the (forgetting) weight of `sorted[i]`. Both arrays must have length n + 1 and
 * become the mixture's `mus` and `weights` (the prior is inserted in place).
 *
 * - 0 observations: the prior alone.
 * - 1 observation: prior (sigma = prior_sigma) and the observation with sigma = prior_sigma / 2; the
 *   prior goes first iff prior_mu < obs (tpe.py:402-414).
 * - n ≥ 2: the prior inserted at `searchsorted(sorted, prior_mu)` (left side, so before observations
 *   equal to it); each sigma is the larger gap to its neighbours, the outer ones their only gap
 *   (tpe.py:415-431).
 * - sigmas clipped to [prior_sigma / min(100, n + 2), prior_sigma] (the "magic formula": 1 + number of
 *   components), then the prior's reset to prior_sigma (tpe.py:445-451).
 * - weights: prior_weight for the prior, the given ones for observations; normalised (tpe.py:457).
 */
export function parzenFromSorted(
  sorted: Float64Array,
  sortedWeights: Float64Array,
  n: number,
  priorWeight: number,
  priorMu: number,
  priorSigma: number,
): Mixture {
  const m = n + 1;
  if (sorted.length !== m || sortedWeights.length !== m)
    throw new RangeError('parzenFromSorted: arrays must have length n + 1');
  const mus = sorted;
  const weights = sortedWeights;
  const sigmas = new Float64Array(m);
  // n = 1 puts the prior first only when strictly below the observation; n ≥ 2 uses searchsorted.
  const priorIndex = n === 1 ? (priorMu < sorted[0]! ? 0 : 1) : searchSortedLeft(sorted, n, priorMu);
  mus.copyWithin(priorIndex + 1, priorIndex, n);
  weights.copyWithin(priorIndex + 1, priorIndex, n);
  mus[priorIndex] = priorMu;
  weights[priorIndex] = priorWeight;
  const minSigma = priorSigma / Math.min(100, 1 + m);
  const maxSigma = priorSigma;
  if (n === 1) {
    sigmas[1 - priorIndex] = 0.5 * priorSigma; // within the clip range [prior_sigma/3, prior_sigma]
  } else if (n >= 2) {
    let left = mus[1]! - mus[0]!;
    sigmas[0] = clip(left, minSigma, maxSigma);
    for (let i = 1; i < m - 1; i++) {
      const right = mus[i + 1]! - mus[i]!;
      sigmas[i] = clip(left > right ? left : right, minSigma, maxSigma);
      left = right;
    }
    sigmas[m - 1] = clip(left, minSigma, maxSigma);
  }
  sigmas[priorIndex] = priorSigma;
  let total = 0;
  for (let i = 0; i < m; i++) total += weights[i]!;
  const scale = 1 / total;
  for (let i = 0; i < m; i++) weights[i] = weights[i]! * scale;
  return { weights, mus, sigmas, priorIndex };
}

/** np.clip for finite s (observations are finite: they come from the space's own draws). */
function clip(s: number, lo: number, hi: number): number {
  return s < lo ? lo : s > hi ? hi : s;
}

/** `np.searchsorted(sorted, value)` (side 'left'): the first index whose element is ≥ value. */
function searchSortedLeft(sorted: Float64Array, n: number, value: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
