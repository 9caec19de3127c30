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
import { LOG_SQRT_2PI, erfc, normalMass } from './numerics';

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
   * Components 0..blockedCount−1 are laid out for the blocked sum (neighbours in memory close in
   * space, see kernelFit.ts); from BLOCKED_MIN of them on, they are summed block by block.
   */
  readonly blockedCount: number;
}

/** From this many laid-out components on, densities are summed over the blocked layout. */
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
  /**
   * log w_k − Σ_j log(σ_kj·√(2π)·Z_kj): every per-component constant of the log density (for blocked
   * components, filled when their block is first summed).
   */
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
    const inv = this.inv;
    for (let i = 0; i < m * nn; i++) inv[i] = 1 / sigmas[i]!;
    const fill = (from: number, to: number): void =>
      coefficients(numeric, components, total, this.logCoef, from, to);
    this.logTables = tables.map((t) => t.map((p) => Math.log(p)));
    const blocked = components.blockedCount >= BLOCKED_MIN && nn > 0 ? components.blockedCount : 0;
    // Blocked components get their coefficients when a block is first summed (most never are).
    fill(blocked, m);
    this.blocks =
      blocked > 0 ? new KernelBlocks(numeric, components, inv, this.logCoef, total, blocked, fill) : null;
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

/**
 * Fills logCoef[from..to): log w_k/Σw − Σ_j log(σ_kj·√(2π)·Z_kj), −∞ for components of weight 0.
 * Z_kj, the mass of component k's normal on dimension j inside the bounds, is 1 − (the tails beyond
 * each bound); a tail more than 6·√2 σ away is below half an ulp of 1 and is skipped (see normalMass).
 */
function coefficients(
  numeric: readonly NumericDim[],
  c: KernelComponents,
  total: number,
  logCoef: Float64Array,
  from: number,
  to: number,
): void {
  const { weights, mus, sigmas } = c;
  const nn = numeric.length;
  const lows = Float64Array.from(numeric, (d) => d.low);
  const highs = Float64Array.from(numeric, (d) => d.high);
  for (let k = from; k < to; k++) {
    const w = weights[k]!;
    if (!(w > 0)) {
      logCoef[k] = -Infinity; // not a component of this density (never drawn, never summed)
      continue;
    }
    // Σ_j log(σ_kj·Z_kj) as the log of one product (one log per component, not per dimension); a
    // product of many tiny widths could underflow, so it is flushed into a sum when extreme.
    let logs = 0;
    let product = 1;
    for (let j = 0; j < nn; j++) {
      const i = k * nn + j;
      const sigma = sigmas[i]!;
      const mu = mus[i]!;
      const low = lows[j]!;
      const high = highs[j]!;
      product *= sigma;
      if (product < 1e-250 || product > 1e250) {
        logs += Math.log(product);
        product = 1;
      }
      const below = mu - low;
      const above = high - mu;
      const reach = INSIDE * sigma;
      if (below > reach && above > reach) continue;
      if (below >= 0 && above >= 0) {
        const scale = 1 / (Math.SQRT2 * sigma);
        let z = 1;
        if (below <= reach) z -= 0.5 * erfc(below * scale);
        if (above <= reach) z -= 0.5 * erfc(above * scale);
        product *= z;
      } else product *= normalMass(low, high, mu, sigma); // a mean outside the bounds
    }
    // One log for the weight and the widths together, unless their ratio leaves the double range.
    const ratio = w / (total * product);
    const logRatio =
      ratio > 0 && ratio < Infinity ? Math.log(ratio) : Math.log(w / total) - Math.log(product);
    logCoef[k] = logRatio - logs - nn * LOG_SQRT_2PI;
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
