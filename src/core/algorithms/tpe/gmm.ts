/**
 * Hyperopt's `GMM1` / `GMM1_lpdf` (tpe.py:70-97, 108-173): a Gaussian mixture, optionally truncated
 * to [low, high) and optionally quantised to multiples of q. The posterior of uniform, quniform,
 * uniformint, normal and qnormal parameters.
 */
import type { Rng } from '../../random/types';
import { roundHalfEven } from '../../space/round';
import { GaussianMixtureLogDensity } from './mixtureDensity';
import type { Mixture } from './parzen';
import type { Posterior } from './types';

/** Rejection sampling gives up after this many draws in a row fall outside the bounds. */
const MAX_REJECTIONS = 1_000_000;

/** Cumulative weights, for picking components by inversion. */
export function cumulativeWeights(weights: Float64Array): Float64Array {
  const out = new Float64Array(weights.length);
  let acc = 0;
  for (let k = 0; k < weights.length; k++) {
    acc += weights[k]!;
    out[k] = acc;
  }
  return out;
}

/**
 * One component index with probability weights[k] (Hyperopt: `argmax(rng.multinomial(1, weights))`).
 * Zero-weight components are never picked.
 */
export function pickComponent(cumulative: Float64Array, rng: Rng): number {
  const m = cumulative.length;
  const u = rng.random() * cumulative[m - 1]!;
  let lo = 0;
  let hi = m - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (u < cumulative[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * A draw from the mixture: pick a component, draw from its normal, and when truncated redraw (both
 * component and value) until `low <= draw < high` — tpe.py:87-92 (GMM1) and tpe.py:239-245 (LGMM1,
 * which does the same in log space).
 */
export function drawMixture(
  mixture: Mixture,
  cumulative: Float64Array,
  low: number | null,
  high: number | null,
  rng: Rng,
): number {
  if (low === null && high === null) {
    const k = pickComponent(cumulative, rng);
    return rng.normal(mixture.mus[k]!, mixture.sigmas[k]!);
  }
  const lo = low ?? -Infinity;
  const hi = high ?? Infinity;
  if (lo >= hi) throw new RangeError(`TPE mixture: low >= high (${lo}, ${hi})`);
  for (let attempt = 0; attempt < MAX_REJECTIONS; attempt++) {
    const k = pickComponent(cumulative, rng);
    const draw = rng.normal(mixture.mus[k]!, mixture.sigmas[k]!);
    if (lo <= draw && draw < hi) return draw;
  }
  throw new Error(
    `TPE mixture: ${MAX_REJECTIONS} draws in a row fell outside [${lo}, ${hi}); the posterior has no mass there`,
  );
}

/** Σ_k w_k (Φ_k(high) − Φ_k(low)), the truncated mixture's mass (tpe.py:138-143); 1 when untruncated. */
export function acceptanceMass(
  density: GaussianMixtureLogDensity,
  low: number | null,
  high: number | null,
): number {
  if (low === null && high === null) return 1;
  return density.mass(low ?? -Infinity, high ?? Infinity);
}

/**
 * What GMM1 and LGMM1 share: a fitted mixture, truncated to [low, high) in the mixture's own space
 * (`null` on a side that is not truncated) and quantised to multiples of `q` (or null), with its
 * truncated draw and its density and p_accept, each built on first use.
 */
export abstract class TruncatedMixture {
  private readonly cumulative: Float64Array;
  private density: GaussianMixtureLogDensity | null = null;
  private pAccept: number | null = null;

  constructor(
    readonly mixture: Mixture,
    readonly low: number | null,
    readonly high: number | null,
    readonly q: number | null,
  ) {
    this.cumulative = cumulativeWeights(mixture.weights);
  }

  /** A truncated draw in the mixture's own space. */
  protected draw(rng: Rng): number {
    return drawMixture(this.mixture, this.cumulative, this.low, this.high, rng);
  }

  /** p_accept of the truncation, in the mixture's own space (1 when untruncated). */
  acceptance(): number {
    return (this.pAccept ??= acceptanceMass(this.densityModel(), this.low, this.high));
  }

  protected densityModel(): GaussianMixtureLogDensity {
    return (this.density ??= new GaussianMixtureLogDensity(this.mixture));
  }
}

/**
 * GMM1: values live in the parameter's own space; the uniform kinds truncate on both sides, the
 * normal kinds on neither.
 */
export class Gmm1 extends TruncatedMixture implements Posterior {
  readonly logSpace = false;

  /** `GMM1`: a truncated draw, then `round(draw / q) * q` for the quantised kinds (tpe.py:95-97). */
  sample(rng: Rng): number {
    const draw = this.draw(rng);
    return this.q === null ? draw : roundHalfEven(draw / this.q) * this.q;
  }

  /**
   * `GMM1_lpdf`: continuous → log Σ_k w_k N(x; μ_k, σ_k) − log p_accept (tpe.py:150-156); quantised →
   * log Σ_k w_k [Φ_k(min(x + q/2, high)) − Φ_k(max(x − q/2, low))] − log p_accept (tpe.py:157-167).
   */
  logPdf(x: number, tolerance?: number): number {
    return this.logScore(x, tolerance) - Math.log(this.acceptance());
  }

  /** `logPdf` without the − log p_accept term (a constant of this density). */
  logScore(x: number, tolerance?: number): number {
    const density = this.densityModel();
    if (this.q === null) return density.logDensity(x, tolerance);
    const half = this.q / 2;
    const ub = this.high === null ? x + half : Math.min(x + half, this.high);
    const lb = this.low === null ? x - half : Math.max(x - half, this.low);
    return density.logMass(lb, ub, tolerance);
  }
}
