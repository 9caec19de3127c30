/**
 * Log density and log interval mass of a Gaussian mixture whose components are sorted by mean: the
 * inner loops of `GMM1_lpdf` and `LGMM1_lpdf` (tpe.py:108-173, 258-300; there a `logsum_rows` over an
 * (n_samples × n_components) matrix, or a Python loop over components for the quantised kinds).
 *
 * The "above" model g has one component per past trial, so with thousands of trials a plain
 * evaluation costs thousands of `exp`/`erfc` per candidate. Components are therefore grouped in
 * blocks of consecutive means with a precomputed upper bound (their summed weight / normaliser, the
 * smallest 1/σ, the mean range). The block with the largest bound is summed first; another block is
 * skipped only while the bounds of all skipped blocks stay below `tolerance` times the sum found
 * (see `addBlocks`). The true value then lies in [result, result + log1p(tolerance)]: with the
 * default tolerance 2⁻⁵⁴ that is the full sum to double precision, while far-away blocks cost nothing.
 * The sampler first uses a coarse tolerance and re-evaluates exactly only the candidates whose score
 * intervals overlap (engine.ts).
 */
import { EPS, LOG_SQRT_2PI, expNonPositive, normalMass } from './numerics';
import type { Mixture } from './parzen';

const BLOCK = 32;
/** Below this many components every term is evaluated (the bound pass would not pay). */
const DIRECT_MAX = 96;
/** A first block sum below this means the bounds were too loose to prune: evaluate everything. */
const TINY_SUM = 1e-280;
/** Default tolerance: below half an ulp of the sum. */
export const EXACT_TOLERANCE = 2 ** -54;

/** Σ_k w_k N(·; μ_k, σ_k) with fast exact-to-rounding evaluation. */
export class GaussianMixtureLogDensity {
  readonly size: number;
  private readonly mus: Float64Array;
  private readonly sigmas: Float64Array;
  private readonly weights: Float64Array;
  private readonly inv: Float64Array;
  /** w_k / (√(2π)·σ_k), divided by the largest one of its block (so in (0, 1]). */
  private readonly scaledCoef: Float64Array;
  /** log(w_k / (√(2π)·σ_k)), built on first use (small mixtures and fallbacks only). */
  private logCoef: Float64Array | null = null;
  private readonly blockCount: number;
  private readonly blockLo: Float64Array;
  private readonly blockHi: Float64Array;
  private readonly blockInvMin: Float64Array;
  private readonly blockLogCoefMax: Float64Array;
  private readonly blockLogCoef: Float64Array;
  private readonly blockWeight: Float64Array;
  private readonly blockLogWeight: Float64Array;
  private readonly bound: Float64Array;
  private readonly logBlockCount: number;

  /** @param mixture - components with `mus` ascending (as `adaptiveParzenNormal` returns them). */
  constructor(mixture: Mixture) {
    const { mus, sigmas, weights } = mixture;
    const m = mus.length;
    this.size = m;
    this.mus = mus;
    this.sigmas = sigmas;
    this.weights = weights;
    const inv = new Float64Array(m);
    const coef = new Float64Array(m);
    const normaliser = Math.exp(-LOG_SQRT_2PI);
    const nb = m > DIRECT_MAX ? Math.ceil(m / BLOCK) : 0;
    this.inv = inv;
    this.scaledCoef = coef;
    this.blockCount = nb;
    this.blockLo = new Float64Array(nb);
    this.blockHi = new Float64Array(nb);
    this.blockInvMin = new Float64Array(nb);
    this.blockLogCoefMax = new Float64Array(nb);
    this.blockLogCoef = new Float64Array(nb);
    this.blockWeight = new Float64Array(nb);
    this.blockLogWeight = new Float64Array(nb);
    this.bound = new Float64Array(nb);
    this.logBlockCount = Math.log(Math.max(nb, 1));
    if (nb === 0) {
      for (let k = 0; k < m; k++) {
        // Hyperopt divides distances by max(sigma, EPS) (tpe.py:156); sigmas are ≥ prior_sigma/100 anyway.
        const i = 1 / Math.max(sigmas[k]!, EPS);
        inv[k] = i;
        coef[k] = weights[k]! * i * normaliser;
      }
      return;
    }
    for (let b = 0; b < nb; b++) {
      const start = b * BLOCK;
      const end = Math.min(start + BLOCK, m);
      let invMin = Infinity;
      let cMax = 0;
      let cSum = 0;
      let wSum = 0;
      for (let k = start; k < end; k++) {
        const i = 1 / Math.max(sigmas[k]!, EPS);
        const w = weights[k]!;
        const c = w * i * normaliser;
        inv[k] = i;
        coef[k] = c;
        if (i < invMin) invMin = i;
        if (c > cMax) cMax = c;
        cSum += c;
        wSum += w;
      }
      const scale = 1 / cMax;
      for (let k = start; k < end; k++) coef[k] = coef[k]! * scale;
      this.blockLo[b] = mus[start]!;
      this.blockHi[b] = mus[end - 1]!;
      this.blockInvMin[b] = invMin;
      this.blockLogCoefMax[b] = Math.log(cMax);
      this.blockLogCoef[b] = Math.log(cSum);
      this.blockWeight[b] = wSum;
      this.blockLogWeight[b] = Math.log(wSum);
    }
  }

  /**
   * log Σ_k w_k N(y; μ_k, σ_k), from below: the true value is at most log1p(tolerance) larger.
   *
   * @param tolerance - relative error allowed on the sum, in (0, 1).
   */
  logDensity(y: number, tolerance: number = EXACT_TOLERANCE): number {
    if (!Number.isFinite(y)) return Number.isNaN(y) ? NaN : -Infinity; // every term is exp(−∞)
    if (this.blockCount === 0) return this.exactDensity(y);
    const best = this.boundBlocks(y, y, 0, false);
    const top = this.bound[best]!;
    // `top` bounds every term, so exp(a_k − top) ≤ 1: no overflow.
    const first = this.blockDensity(best, y, top);
    if (!(first > TINY_SUM)) return this.exactDensity(y);
    return top + Math.log(this.addBlocks(false, y, y, top, best, first, tolerance));
  }

  /**
   * Σ_k w_k (Φ_k(hi) − Φ_k(lo)): the truncation mass p_accept (tpe.py:138-143). A block whose means
   * all lie more than 6.01·√2·σ inside [lo, hi] contributes its total weight (each of its masses rounds
   * to exactly 1, see `normalMass`), so only blocks near the bounds cost `erfc` evaluations.
   */
  mass(lo: number, hi: number): number {
    if (this.blockCount === 0) return this.exactMass(lo, hi);
    let p = 0;
    for (let b = 0; b < this.blockCount; b++) {
      const margin = (6.01 * Math.SQRT2) / this.blockInvMin[b]!;
      if (this.blockLo[b]! - lo > margin && hi - this.blockHi[b]! > margin) p += this.blockWeight[b]!;
      else p += this.blockMass(b, lo, hi);
    }
    return p;
  }

  /**
   * log Σ_k w_k (Φ_k(hi) − Φ_k(lo)), the quantised branches' `log(prob)`, from below within
   * log1p(tolerance) like {@link logDensity}. An empty or reversed interval gives log of a
   * non-positive number (−∞ or NaN), as in Hyperopt.
   */
  logMass(lo: number, hi: number, tolerance: number = EXACT_TOLERANCE): number {
    const width = hi - lo;
    if (this.blockCount === 0 || !(width > 0) || !Number.isFinite(width))
      return Math.log(this.exactMass(lo, hi));
    // A component's mass in [lo, hi] is at most width × its largest density there, and at most its weight.
    const best = this.boundBlocks(lo, hi, Math.log(width), true);
    const first = this.blockMass(best, lo, hi);
    if (!(first > TINY_SUM)) return Math.log(this.exactMass(lo, hi));
    return Math.log(this.addBlocks(true, lo, hi, 0, best, first, tolerance));
  }

  /**
   * Adds the other blocks to `sum` (in units of e^top), skipping blocks whose bounds total at most
   * `tolerance`·sum: first those below (tolerance/2)/(number of blocks) each, then more from a budget
   * of (tolerance/2)·sum, checked block by block. The budget lets the bulk of the far blocks go
   * unevaluated without the 1/(number of blocks) factor narrowing what may be skipped.
   */
  private addBlocks(
    isMass: boolean,
    lo: number,
    hi: number,
    top: number,
    best: number,
    sum: number,
    tolerance: number,
  ): number {
    const half = 0.5 * tolerance;
    const logHalf = Math.log(half) + Math.log(sum) + top;
    const cutSmall = logHalf - this.logBlockCount;
    const bound = this.bound;
    let skipped = 0;
    for (let b = 0; b < this.blockCount; b++) {
      const e = bound[b]!;
      if (b === best || e <= cutSmall) continue;
      if (e <= logHalf) {
        const w = Math.exp(e - top);
        if (skipped + w <= half * sum) {
          skipped += w;
          continue;
        }
      }
      sum += isMass ? this.blockMass(b, lo, hi) : this.blockDensity(b, lo, top);
    }
    return sum;
  }

  /**
   * Fills `bound[b]` with an upper bound on log Σ_{k∈b} w_k·(density at the nearest point of [lo, hi])
   * plus `logWidth` (for masses also capped by the block's total weight), and returns the block with
   * the largest bound.
   */
  private boundBlocks(lo: number, hi: number, logWidth: number, isMass: boolean): number {
    const nb = this.blockCount;
    const blockLo = this.blockLo;
    const blockHi = this.blockHi;
    const invMin = this.blockInvMin;
    const blockLogCoef = this.blockLogCoef;
    const blockLogWeight = this.blockLogWeight;
    const bound = this.bound;
    let top = -Infinity;
    let best = 0;
    for (let b = 0; b < nb; b++) {
      // Distance from the interval to the block's mean range; each term is at most exp(c_k − ½(d/σ_max)²).
      let d = blockLo[b]! - hi;
      if (d < 0) {
        d = lo - blockHi[b]!;
        if (d < 0) d = 0;
      }
      const t = d * invMin[b]!;
      let e = blockLogCoef[b]! + logWidth - 0.5 * t * t;
      if (isMass && e > blockLogWeight[b]!) e = blockLogWeight[b]!;
      bound[b] = e;
      if (e > top) {
        top = e;
        best = b;
      }
    }
    return best;
  }

  private blockDensity(b: number, y: number, shift: number): number {
    const mus = this.mus;
    const inv = this.inv;
    const coef = this.scaledCoef;
    const end = Math.min((b + 1) * BLOCK, this.size);
    // Every term is coef_k·exp(log cMax_b − shift − ½t²) with a non-positive exponent: the block's
    // bound (≤ shift) is at least log cMax_b − ½(d/σ_max)² and each t is at least d/σ_max.
    const offset = this.blockLogCoefMax[b]! - shift;
    let s = 0;
    for (let k = b * BLOCK; k < end; k++) {
      const t = (y - mus[k]!) * inv[k]!;
      s += coef[k]! * expNonPositive(offset - 0.5 * t * t);
    }
    return s;
  }

  private blockMass(b: number, lo: number, hi: number): number {
    const end = Math.min((b + 1) * BLOCK, this.size);
    let s = 0;
    for (let k = b * BLOCK; k < end; k++)
      s += this.weights[k]! * normalMass(lo, hi, this.mus[k]!, this.sigmas[k]!);
    return s;
  }

  /** Every term, two passes (max, then sum): `logsum_rows` exactly. */
  private exactDensity(y: number): number {
    const mus = this.mus;
    const inv = this.inv;
    const logCoef = (this.logCoef ??= this.logCoefficients());
    const m = this.size;
    let top = -Infinity;
    for (let k = 0; k < m; k++) {
      const t = (y - mus[k]!) * inv[k]!;
      const a = logCoef[k]! - 0.5 * t * t;
      if (a > top) top = a;
    }
    if (!Number.isFinite(top)) return top; // no component with positive weight: log 0
    let s = 0;
    for (let k = 0; k < m; k++) {
      const t = (y - mus[k]!) * inv[k]!;
      s += Math.exp(logCoef[k]! - top - 0.5 * t * t);
    }
    return top + Math.log(s);
  }

  private logCoefficients(): Float64Array {
    const out = new Float64Array(this.size);
    for (let k = 0; k < this.size; k++) out[k] = Math.log(this.weights[k]! * this.inv[k]!) - LOG_SQRT_2PI;
    return out;
  }

  private exactMass(lo: number, hi: number): number {
    let s = 0;
    for (let k = 0; k < this.size; k++)
      s += this.weights[k]! * normalMass(lo, hi, this.mus[k]!, this.sigmas[k]!);
    return s;
  }
}
