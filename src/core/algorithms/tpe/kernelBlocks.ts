/**
 * Fast log-sum-exp over many product-kernel components (the "above" density of a long history).
 *
 * Components are laid out by ascending mean on the first numeric dimension and grouped in blocks of
 * BLOCK; each block keeps its bounding box of means, its smallest 1/σ per dimension and its largest
 * log coefficient, which bound every term of the block from above. A point is summed block by block,
 * the block with the largest bound first; a block, or a component as soon as its partial distance
 * shows it, is dropped when it falls PRUNE below the largest term found so far. Every dropped term is
 * then below e^−PRUNE times the final largest one, so the result is exact to m·e^−PRUNE (relative).
 * In few dimensions most blocks are dropped whole; in many, the early first block makes the partial
 * distances stop after a few dimensions.
 */
import { expNonPositive } from './numerics';

const BLOCK = 32;
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

/** Block bounds over components 0..count−1, which must be in ascending order of first mean. */
export class KernelBlocks {
  private readonly nb: number;
  private readonly boxLo: Float64Array;
  private readonly boxHi: Float64Array;
  private readonly boxInv: Float64Array;
  private readonly boxCoef: Float64Array;
  private readonly bound: Float64Array;

  /** The arrays are the kernel's own (row-major, nn per component), not copies. */
  constructor(
    private readonly nn: number,
    private readonly mus: Float64Array,
    private readonly inv: Float64Array,
    private readonly coef: Float64Array,
    private readonly count: number,
  ) {
    const nb = Math.ceil(count / BLOCK);
    this.nb = nb;
    this.boxLo = new Float64Array(nb * nn).fill(Infinity);
    this.boxHi = new Float64Array(nb * nn).fill(-Infinity);
    this.boxInv = new Float64Array(nb * nn).fill(Infinity);
    this.boxCoef = new Float64Array(nb).fill(-Infinity);
    this.bound = new Float64Array(nb);
    for (let p = 0; p < count; p++) {
      const b = (p / BLOCK) | 0;
      if (coef[p]! > this.boxCoef[b]!) this.boxCoef[b] = coef[p]!;
      for (let j = 0; j < nn; j++) {
        const mu = mus[p * nn + j]!;
        const i = b * nn + j;
        if (mu < this.boxLo[i]!) this.boxLo[i] = mu;
        if (mu > this.boxHi[i]!) this.boxHi[i] = mu;
        if (inv[p * nn + j]! < this.boxInv[i]!) this.boxInv[i] = inv[p * nn + j]!;
      }
    }
  }

  /** Adds the terms of the components at `x` to `state` (`cats[k]`: categorical log terms, or null). */
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
    for (let b = 0; b < nb; b++)
      if (b !== best && bound[b]! >= state.top - PRUNE) this.block(b, x, cats, state);
  }

  private block(b: number, x: Float64Array, cats: Float64Array | null, state: LogSum): void {
    const { nn, mus, inv, coef } = this;
    const end = Math.min((b + 1) * BLOCK, this.count);
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
