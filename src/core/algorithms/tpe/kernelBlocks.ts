/**
 * Fast log-sum-exp over many product-kernel components (the "above" density of a long history).
 *
 * Components are laid out so that neighbours in memory are neighbours in space (strips along the
 * first numeric dimension, sorted along the second within a strip; see `layout` in kernelFit.ts) and
 * grouped in blocks of BLOCK; each block keeps its bounding box of means, its smallest 1/σ per
 * dimension and an upper bound of its log coefficients, which bound every term of the block. A point
 * is summed block by block, the block with the largest bound first; a block, or a component as soon
 * as its partial distance shows it, is dropped when it falls PRUNE below the largest term found so
 * far. Every dropped term is then below e^−PRUNE times the final largest one, so the result is exact
 * to m·e^−PRUNE (relative). In few dimensions most blocks are dropped whole; in many, the early best
 * block makes the partial distances stop after a few dimensions.
 */
import type { NumericDim } from './dims';
import { LOG_SQRT_2PI, erfc, expNonPositive } from './numerics';
import type { KernelComponents } from './productKernel';

export const BLOCK = 32;
/** Distance, in σ, beyond which a bound takes no mass from a kernel (6·√2, see normalMass). */
const INSIDE = 6.01 * Math.SQRT2;
/** Log-terms this far below the largest one are dropped (e^−40 ≈ 4e-18). */
export const PRUNE = 40;

/** Running log-sum-exp state: the largest term and the sum of exp(term − top). */
export interface LogSum {
  top: number;
  sum: number;
}

/** Adds one log-term to a running log-sum-exp. */
export function addTerm(state: LogSum, a: number): void {
  if (a <= state.top) {
    state.sum += expNonPositive(a - state.top);
  } else {
    // A new maximum: rescale what was summed so far to it.
    state.sum = state.sum * expNonPositive(state.top - a) + 1;
    state.top = a;
  }
}

/**
 * Block bounds over components 0..count−1, laid out so that consecutive components are close (see
 * `layout` in kernelFit.ts): then the blocks' bounding boxes are small and their bounds prune.
 */
export class KernelBlocks {
  private readonly nb: number;
  private readonly nn: number;
  private readonly mus: Float64Array;
  private readonly boxLo: Float64Array;
  private readonly boxHi: Float64Array;
  private readonly boxInv: Float64Array;
  /** An upper bound of the block's log coefficients (they are computed only when it is summed). */
  private readonly boxCoef: Float64Array;
  /** 1 once the block's coefficients are in `coef`. */
  private readonly ready: Uint8Array;
  /** Scratch: each block's bound at the current point. */
  private readonly bound: Float64Array;

  /**
   * @param inv - 1/σ of every component (row-major), the kernel's own array.
   * @param coef - the kernel's log coefficients, filled for components lo..hi−1 by `fill(lo, hi)`.
   */
  constructor(
    numeric: readonly NumericDim[],
    components: KernelComponents,
    private readonly inv: Float64Array,
    private readonly coef: Float64Array,
    total: number,
    private readonly count: number,
    private readonly fill: (from: number, to: number) => void,
  ) {
    const nn = numeric.length;
    const nb = Math.ceil(count / BLOCK);
    this.nb = nb;
    this.nn = nn;
    this.mus = components.mus;
    this.boxLo = new Float64Array(nb * nn).fill(Infinity);
    this.boxHi = new Float64Array(nb * nn).fill(-Infinity);
    this.boxInv = new Float64Array(nb * nn).fill(Infinity);
    this.boxCoef = new Float64Array(nb);
    this.ready = new Uint8Array(nb);
    const { boxLo, boxHi, boxInv, boxCoef, ready } = this;
    bounds(numeric, components, inv, total, count, { boxLo, boxHi, boxInv, boxCoef, ready, coef, fill });
    this.bound = new Float64Array(nb);
  }

  /**
   * Adds the terms of the components at `x` to `state` (`cats[k]`: categorical log terms, or null):
   * the block with the largest bound first, then every block whose bound is within PRUNE of the
   * largest term found so far.
   */
  accumulate(x: Float64Array, cats: Float64Array | null, state: LogSum): void {
    const { nb, nn, boxLo, boxHi, boxInv, boxCoef, bound } = this;
    let best = 0;
    for (let b = 0; b < nb; b++) {
      let e = boxCoef[b]!;
      for (let j = 0; j < nn; j++) {
        const i = b * nn + j;
        const v = x[j]!;
        const d = v < boxLo[i]! ? boxLo[i]! - v : v > boxHi[i]! ? v - boxHi[i]! : 0;
        const t = d * boxInv[i]!;
        e -= 0.5 * t * t;
      }
      bound[b] = e;
      if (e > bound[best]!) best = b;
    }
    this.block(best, x, cats, state);
    for (let b = 0; b < nb; b++) {
      if (b !== best && bound[b]! >= state.top - PRUNE) this.block(b, x, cats, state);
    }
  }

  private block(b: number, x: Float64Array, cats: Float64Array | null, state: LogSum): void {
    const { nn, mus, inv, coef } = this;
    const end = Math.min((b + 1) * BLOCK, this.count);
    if (this.ready[b] === 0) {
      this.fill(b * BLOCK, end);
      this.ready[b] = 1;
    }
    for (let p = b * BLOCK; p < end; p++) {
      let a = cats === null ? coef[p]! : coef[p]! + cats[p]!;
      const cut = state.top - PRUNE;
      const base = p * nn;
      for (let j = 0; j < nn && a >= cut; j++) {
        const t = (x[j]! - mus[base + j]!) * inv[base + j]!;
        a -= 0.5 * t * t;
      }
      if (a >= cut) addTerm(state, a); // NaN and −∞ never pass
    }
  }
}

/** The block fields {@link bounds} writes. */
interface BlockFields {
  readonly boxLo: Float64Array;
  readonly boxHi: Float64Array;
  readonly boxInv: Float64Array;
  readonly boxCoef: Float64Array;
  readonly ready: Uint8Array;
  readonly coef: Float64Array;
  readonly fill: (from: number, to: number) => void;
}

/**
 * Each block's bounding box of means and smallest 1/σ per dimension, and an upper bound of its log
 * coefficients log w/Σw − Σ_j log(σ_j·√(2π)·Z_j) from its largest weight, smallest widths and a lower
 * bound of the truncation masses Z: a normal whose mean lies in [low, high] keeps at least
 * Φ((high − low)/σ) − ½ inside (1 when the block's means are all over 6·√2 σ from the bounds). A block
 * with a mean outside the bounds (a foreign history) gets its exact coefficients at once instead.
 */
function bounds(
  numeric: readonly NumericDim[],
  c: KernelComponents,
  inv: Float64Array,
  total: number,
  count: number,
  f: BlockFields,
): void {
  const nn = numeric.length;
  const { mus, sigmas, weights } = c;
  const { boxLo, boxHi, boxInv } = f;
  const lows = Float64Array.from(numeric, (d) => d.low);
  const highs = Float64Array.from(numeric, (d) => d.high);
  const edge = new Uint8Array(nn);
  for (let b = 0; b * BLOCK < count; b++) {
    const end = Math.min((b + 1) * BLOCK, count);
    let maxW = 0;
    let outside = false;
    edge.fill(0);
    for (let p = b * BLOCK; p < end; p++) {
      if (weights[p]! > maxW) maxW = weights[p]!;
      for (let j = 0, k = b * nn, i = p * nn; j < nn; j++, k++, i++) {
        const mu = mus[i]!;
        const reach = INSIDE * sigmas[i]!;
        if (mu < boxLo[k]!) boxLo[k] = mu;
        if (mu > boxHi[k]!) boxHi[k] = mu;
        if (inv[i]! < boxInv[k]!) boxInv[k] = inv[i]!;
        const below = mu - lows[j]!;
        const above = highs[j]! - mu;
        if (!(below >= 0 && above >= 0)) outside = true;
        else if (below <= reach || above <= reach) edge[j] = 1;
      }
    }
    if (outside) {
      f.fill(b * BLOCK, end);
      f.ready[b] = 1;
      let top = -Infinity;
      for (let p = b * BLOCK; p < end; p++) top = Math.max(top, f.coef[p]!);
      f.boxCoef[b] = top;
      continue;
    }
    let e = Math.log(maxW / total) - nn * LOG_SQRT_2PI;
    for (let j = 0; j < nn; j++) {
      const k = b * nn + j;
      e += Math.log(boxInv[k]!); // −log of the smallest σ; 1/boxInv is the largest one
      if (edge[j] === 1) e -= Math.log(0.5 * erfc((-(highs[j]! - lows[j]!) * boxInv[k]!) / Math.SQRT2) - 0.5);
    }
    f.boxCoef[b] = e;
  }
}
