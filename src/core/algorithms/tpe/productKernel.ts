/**
 * A mixture of product kernels: the multivariate Parzen estimator of the improved TPE (as Optuna's
 * `multivariate=True`, after Falkner et al.'s BOHB). Component k puts, on every numeric dimension j, a
 * normal N(μ_kj, σ_kj) truncated to that dimension's bounds and, on every categorical dimension c, a
 * probability vector P_kc. One component per observation (all dimensions of one trial together) plus
 * the prior; so, unlike independent 1-D mixtures, the density knows which values occurred together.
 *
 * Each component is normalised over the box by its own truncation mass Z_kj (Optuna's truncated
 * normals), not by one mass for the whole mixture (Hyperopt's p_accept): a kernel sitting at a bound
 * loses half its mass outside the box in Hyperopt and keeps all of it here.
 */
import type { Rng } from '../../random/types';
import type { CategoricalDim, NumericDim } from './dims';
import { LOG_SQRT_2PI, expNonPositive, normalMass } from './numerics';

/** The raw components: weights (need not be normalised), numeric parameters, categorical tables. */
export interface KernelComponents {
  /** Number of components m. */
  readonly m: number;
  readonly weights: Float64Array;
  /** μ and σ of component k on numeric dimension j at k·(numeric dims) + j. */
  readonly mus: Float64Array;
  readonly sigmas: Float64Array;
  /** Per categorical dimension: P_k(i) at k·size + i (rows sum to 1). */
  readonly tables: readonly Float64Array[];
}

/** A draw gives up on a truncated normal after this many misses and falls back to a uniform draw. */
const MAX_REJECTIONS = 64;

/** The joint density and sampler. */
export class ProductKernel {
  readonly m: number;
  private readonly nn: number;
  private readonly mus: Float64Array;
  private readonly sigmas: Float64Array;
  private readonly inv: Float64Array;
  /** log w_k − Σ_j log(σ_kj·√(2π)·Z_kj): every per-component constant of the log density. */
  private readonly logCoef: Float64Array;
  private readonly logTables: Float64Array[];
  private readonly cumulative: Float64Array;
  private readonly tables: readonly Float64Array[];

  constructor(
    readonly numeric: readonly NumericDim[],
    readonly categorical: readonly CategoricalDim[],
    components: KernelComponents,
  ) {
    const { m, weights, mus, sigmas, tables } = components;
    const nn = numeric.length;
    this.m = m;
    this.nn = nn;
    this.mus = mus;
    this.sigmas = sigmas;
    this.tables = tables;
    this.inv = new Float64Array(m * nn);
    this.logCoef = new Float64Array(m);
    this.cumulative = new Float64Array(m);
    let total = 0;
    for (let k = 0; k < m; k++) total += weights[k]!;
    let acc = 0;
    for (let k = 0; k < m; k++) {
      acc += weights[k]! / total;
      this.cumulative[k] = acc;
      let c = Math.log(weights[k]! / total);
      for (let j = 0; j < nn; j++) {
        const dim = numeric[j]!;
        const s = sigmas[k * nn + j]!;
        this.inv[k * nn + j] = 1 / s;
        c -= Math.log(s) + LOG_SQRT_2PI;
        if (dim.low > -Infinity || dim.high < Infinity) {
          c -= Math.log(normalMass(dim.low, dim.high, mus[k * nn + j]!, s));
        }
      }
      this.logCoef[k] = c;
    }
    this.logTables = tables.map((t) => t.map((p) => Math.log(p)));
  }

  /**
   * One joint draw: a component by weight, then every dimension from that component. Numeric values
   * (model space) go to `num`, option indices to `cat`.
   */
  sample(rng: Rng, num: Float64Array, cat: Int32Array): void {
    const k = pick(this.cumulative, rng.random());
    const nn = this.nn;
    for (let j = 0; j < nn; j++) {
      num[j] = truncatedNormal(this.numeric[j]!, this.mus[k * nn + j]!, this.sigmas[k * nn + j]!, rng);
    }
    for (let c = 0; c < this.categorical.length; c++) {
      const size = this.categorical[c]!.size;
      const table = this.tables[c]!;
      let u = rng.random();
      let i = 0;
      // Inversion within row k; the last index takes any rounding remainder.
      while (i < size - 1 && u >= table[k * size + i]!) u -= table[k * size + i++]!;
      cat[c] = i;
    }
  }

  /** log density at (num, cat), by a one-pass log-sum-exp over the components. */
  logPdf(num: Float64Array, cat: Int32Array): number {
    const { m, nn, mus, inv, logCoef, logTables } = this;
    const nc = logTables.length;
    let top = -Infinity;
    let sum = 0;
    for (let k = 0; k < m; k++) {
      let a = logCoef[k]!;
      const base = k * nn;
      let q = 0;
      for (let j = 0; j < nn; j++) {
        const t = (num[j]! - mus[base + j]!) * inv[base + j]!;
        q += t * t;
      }
      a -= 0.5 * q;
      for (let c = 0; c < nc; c++) a += logTables[c]![k * this.categorical[c]!.size + cat[c]!]!;
      if (a <= top) {
        sum += expNonPositive(a - top);
      } else if (a > -Infinity) {
        // A new maximum: rescale what was summed so far to it.
        sum = sum * expNonPositive(top - a) + 1;
        top = a;
      }
    }
    return top + Math.log(sum);
  }
}

/** First index whose cumulative weight exceeds u (the last one for rounding leftovers). */
function pick(cumulative: Float64Array, u: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (u < cumulative[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** N(mu, sigma) restricted to [low, high) by rejection (mu lies in or next to the box, so it is quick). */
function truncatedNormal(dim: NumericDim, mu: number, sigma: number, rng: Rng): number {
  for (let attempt = 0; attempt < MAX_REJECTIONS; attempt++) {
    const y = rng.normal(mu, sigma);
    if (dim.low <= y && y < dim.high) return y;
  }
  // Only an observation far outside the box (a foreign history) gets here: draw from the box.
  return rng.uniform(dim.low, dim.high);
}
