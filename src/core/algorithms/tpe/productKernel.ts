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
import { KernelBlocks, PRUNE, addTerm } from './kernelBlocks';
import type { LogSum } from './kernelBlocks';
import { LOG_SQRT_2PI, normalMass } from './numerics';

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
  /**
   * Components 0..sortedCount−1 are in ascending order of their first numeric mean; from
   * BLOCKED_MIN of them on, they are summed block by block (kernelBlocks.ts).
   */
  readonly sortedCount: number;
}

/** From this many sorted components on, densities are summed over the blocked layout. */
export const BLOCKED_MIN = 64;

/** Distance, in σ, beyond which a bound takes no mass from a kernel (6·√2, see normalMass). */
const INSIDE = 6.01 * Math.SQRT2;

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
  private readonly weights: Float64Array;
  private readonly total: number;
  /** Cumulative normalised weights, built on the first draw (many densities are only evaluated). */
  private cumulative: Float64Array | null = null;
  private readonly tables: readonly Float64Array[];
  /** The blocked layout of most components, and the components summed directly. */
  private readonly blocks: KernelBlocks | null;
  private readonly direct: Int32Array;

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
    this.weights = weights;
    let total = 0;
    for (let k = 0; k < m; k++) total += weights[k]!;
    this.total = total;
    const bounded = numeric.map((dim) => dim.low > -Infinity || dim.high < Infinity);
    for (let k = 0; k < m; k++) {
      if (!(weights[k]! > 0)) {
        this.logCoef[k] = -Infinity; // not a component of this density (never drawn, never summed)
        continue;
      }
      // Σ_j log(σ_kj·Z_kj) as the log of one product (one log per component, not per dimension);
      // the product of many tiny widths could underflow, so it is flushed into a sum when small.
      let logs = 0;
      let product = 1;
      for (let j = 0; j < nn; j++) {
        const s = sigmas[k * nn + j]!;
        this.inv[k * nn + j] = 1 / s;
        product *= s;
        if (bounded[j]) {
          const dim = numeric[j]!;
          const mu = mus[k * nn + j]!;
          // normalMass is exactly 1 when both bounds are over 6·√2 σ away (see numerics.ts).
          if (!(mu - dim.low > INSIDE * s && dim.high - mu > INSIDE * s))
            product *= normalMass(dim.low, dim.high, mu, s);
        }
        if (product < 1e-250 || product > 1e250) {
          logs += Math.log(product);
          product = 1;
        }
      }
      // One log for the weight and the widths together, unless their ratio leaves the double range.
      const ratio = weights[k]! / (total * product);
      const logRatio =
        ratio > 0 && ratio < Infinity ? Math.log(ratio) : Math.log(weights[k]! / total) - Math.log(product);
      this.logCoef[k] = logRatio - logs - nn * LOG_SQRT_2PI;
    }
    this.logTables = tables.map((t) => t.map((p) => Math.log(p)));
    const blocked = components.sortedCount >= BLOCKED_MIN && nn > 0 ? components.sortedCount : 0;
    this.blocks = blocked > 0 ? new KernelBlocks(nn, mus, this.inv, this.logCoef, blocked) : null;
    const direct: number[] = [];
    for (let k = blocked; k < m; k++) if (this.logCoef[k]! > -Infinity) direct.push(k);
    this.direct = Int32Array.from(direct);
  }

  /**
   * One joint draw: a component by weight, then every dimension from that component. Numeric values
   * (model space) go to `num`, option indices to `cat`.
   */
  sample(rng: Rng, num: Float64Array, cat: Int32Array): void {
    const k = pick((this.cumulative ??= this.cumulativeWeights()), rng.random());
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

  /**
   * log density at (num, cat). Terms more than PRUNE below the largest one are dropped (see
   * kernelBlocks.ts): the result is exact to m·e^−PRUNE, relative.
   */
  logPdf(num: Float64Array, cat: Int32Array): number {
    const { nn, mus, inv, logCoef, direct } = this;
    const cats = this.categoricalTerms(cat);
    const state: LogSum = { top: -Infinity, sum: 0 };
    for (let d = 0; d < direct.length; d++) {
      const k = direct[d]!;
      const base = k * nn;
      let q = 0;
      for (let j = 0; j < nn; j++) {
        const t = (num[j]! - mus[base + j]!) * inv[base + j]!;
        q += t * t;
      }
      const a = (cats === null ? logCoef[k]! : logCoef[k]! + cats[k]!) - 0.5 * q;
      if (a >= state.top - PRUNE) addTerm(state, a); // NaN and −∞ never pass
    }
    this.blocks?.accumulate(num, cats, state);
    return state.top + Math.log(state.sum);
  }

  /** Normalised component weights (the prior component last when fitted by fitKernel). */
  componentWeights(): Float64Array {
    return this.weights.map((w) => w / this.total);
  }

  /** Means and widths of the components on numeric dimension j: this density's marginal there. */
  numericMarginal(j: number): { mus: Float64Array; sigmas: Float64Array } {
    const { m, nn } = this;
    const mus = new Float64Array(m);
    const sigmas = new Float64Array(m);
    for (let k = 0; k < m; k++) {
      mus[k] = this.mus[k * nn + j]!;
      sigmas[k] = this.sigmas[k * nn + j]!;
    }
    return { mus, sigmas };
  }

  /** Σ_k w_k P_kc: the marginal probabilities of categorical dimension c. */
  categoricalMarginal(c: number): Float64Array {
    const size = this.categorical[c]!.size;
    const table = this.tables[c]!;
    const out = new Float64Array(size);
    for (let k = 0; k < this.m; k++) {
      const w = this.weights[k]! / this.total;
      for (let i = 0; i < size; i++) out[i]! += w * table[k * size + i]!;
    }
    return out;
  }

  private cumulativeWeights(): Float64Array {
    const out = new Float64Array(this.m);
    let acc = 0;
    for (let k = 0; k < this.m; k++) {
      acc += this.weights[k]! / this.total;
      out[k] = acc;
    }
    return out;
  }

  /** Σ_c log P_kc(cat_c) per component, or null without categorical dimensions. */
  private categoricalTerms(cat: Int32Array): Float64Array | null {
    const nc = this.logTables.length;
    if (nc === 0) return null;
    const out = new Float64Array(this.m);
    for (let c = 0; c < nc; c++) {
      const table = this.logTables[c]!;
      const size = this.categorical[c]!.size;
      const x = cat[c]!;
      for (let k = 0; k < this.m; k++) out[k]! += table[k * size + x]!;
    }
    return out;
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
