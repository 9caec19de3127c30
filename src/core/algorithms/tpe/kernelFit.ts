/**
 * From one group's observations (rows of model-space values) to a {@link ProductKernel}: bandwidth
 * rules, the magic clip, the prior component and the categorical smoothing of the improved TPE.
 */
import type { CategoricalDim, NumericDim } from './dims';
import { BLOCK } from './kernelBlocks';
import { BLOCKED_MIN, ProductKernel } from './productKernel';
import { sortWithPayload } from './sort';
import { writeWidths } from './kernelWidths';
import type { BandwidthRule } from './kernelWidths';

export type { BandwidthRule } from './kernelWidths';

/** What a fit depends on besides the data. */
export interface KernelFitSettings {
  /**
   * - `hyperopt`: per observation, the larger gap to its sorted neighbours (prior mean included),
   *   Hyperopt's `adaptive_parzen_normal`;
   * - `optuna`: one width 0.2·R·n^(−1/(D+4)) for all (Optuna's multivariate rule, Scott-like in D);
   * - `scott`: one width per dimension from the data's spread, 1.059·min(sd, IQR/1.34)·n^(−1/(D+4)),
   *   so kernels shrink where the good points have gathered.
   */
  readonly bandwidth: BandwidthRule;
  /** Weight of the prior component, against observation weights of order 1. */
  readonly priorWeight: number;
  /**
   * Exponent α of the magic clip R / min(100, n + 2)^α (Watanabe 2023's b_magic exponent): 1 is
   * Hyperopt's and Optuna's; larger lets kernels of well-sampled sets get narrower.
   */
  readonly clipExponent: number;
}

/** The rows of one group, in tid order: n × numeric values and n × option indices. */
export interface GroupRows {
  readonly n: number;
  readonly num: Float64Array;
  readonly cat: Int32Array;
  /** Optionally, per numeric dimension, the row indices by ascending value (ties in tid order). */
  readonly order?: readonly Int32Array[];
}

/**
 * Fits the mixture: one component per row of positive weight (`weights[i]`; rows of weight 0 are not
 * part of this density, e.g. the good rows when g is fitted on all of a group's rows) plus the prior
 * component, last (mean the prior mean, width R; prior probabilities on categorical dimensions) with
 * `priorWeight`. Large kernels are laid out for {@link ProductKernel}'s blocked sum (see `layout`).
 */
export function fitKernel(
  numeric: readonly NumericDim[],
  categorical: readonly CategoricalDim[],
  rows: GroupRows,
  weights: Float64Array,
  settings: KernelFitSettings,
): ProductKernel {
  const nn = numeric.length;
  const nc = categorical.length;
  const { perm, blocked } = layout(rows, weights, nn);
  const a = perm.length;
  const m = a + 1;
  const mus = new Float64Array(m * nn);
  const w = new Float64Array(m);
  const source = rows.num;
  for (let p = 0; p < a; p++) {
    const i = perm[p]!;
    for (let j = 0; j < nn; j++) mus[p * nn + j] = source[i * nn + j]!;
    w[p] = weights[i]!;
  }
  w[a] = settings.priorWeight;
  const sigmas = new Float64Array(m * nn);
  const compOf = rows.order === undefined ? null : componentIndex(perm, rows.n);
  const input = { a, nn, mus, dims: nn + nc };
  for (let j = 0; j < nn; j++) {
    const dim = numeric[j]!;
    const order = compOf && mapOrder(rows.order![j]!, compOf, a);
    writeWidths(settings.bandwidth, settings.clipExponent, input, j, dim, order ?? undefined, sigmas);
    mus[a * nn + j] = dim.priorMu;
    sigmas[a * nn + j] = dim.priorSigma;
  }
  const tables: Float64Array[] = [];
  for (let c = 0; c < nc; c++) {
    const { size, prior } = categorical[c]!;
    const table = new Float64Array(m * size);
    // Optuna's categorical kernel: the observed option plus priorWeight/m pseudo-counts spread by the
    // prior (Optuna spreads them uniformly; pchoice priors are not uniform).
    const eps = (size * settings.priorWeight) / m;
    for (let p = 0; p < a; p++) {
      for (let o = 0; o < size; o++) table[p * size + o] = (eps * prior[o]!) / (1 + eps);
      table[p * size + rows.cat[perm[p]! * nc + c]!]! += 1 / (1 + eps);
    }
    table.set(prior, a * size);
    tables.push(table);
  }
  return new ProductKernel(numeric, categorical, {
    m,
    weights: w,
    mus,
    sigmas,
    tables,
    blockedCount: blocked ? a : 0,
  });
}

/**
 * The rows that become components (positive weight), in tid order for small kernels; for large ones
 * laid out for the blocked sum: by ascending first value (the rows' known order, or sorted), and,
 * with two or more numeric dimensions and the second's order known, cut into strips of whole blocks
 * along the first dimension, each strip ordered along the second, so that blocks are compact in both.
 */
function layout(rows: GroupRows, weights: Float64Array, nn: number): { perm: Int32Array; blocked: boolean } {
  const order0 = nn > 0 ? rows.order?.[0] : undefined;
  const source = order0 ?? identity(rows.n);
  let a = 0;
  const perm = new Int32Array(rows.n);
  for (let s = 0; s < source.length; s++) {
    const i = source[s]!;
    if (weights[i]! > 0) perm[a++] = i;
  }
  if (a < BLOCKED_MIN || nn === 0) return { perm: perm.subarray(0, a), blocked: false };
  let byFirst = perm.subarray(0, a);
  if (order0 === undefined) {
    const keys = new Float64Array(a);
    const payload = new Float64Array(a);
    for (let p = 0; p < a; p++) {
      keys[p] = rows.num[perm[p]! * nn]!;
      payload[p] = perm[p]!;
    }
    sortWithPayload(keys, payload, a);
    byFirst = Int32Array.from(payload);
  }
  const order1 = nn > 1 ? rows.order?.[1] : undefined;
  if (order1 === undefined) return { perm: byFirst, blocked: true };
  // About √(blocks) strips of whole blocks: square-ish cells when two dimensions matter.
  const blocks = Math.ceil(a / BLOCK);
  const stripSize = Math.ceil(blocks / Math.max(1, Math.round(Math.sqrt(blocks)))) * BLOCK;
  const stripOf = new Int32Array(rows.n).fill(-1);
  for (let p = 0; p < a; p++) stripOf[byFirst[p]!] = (p / stripSize) | 0;
  const cursor = Int32Array.from({ length: Math.ceil(a / stripSize) }, (_, s) => s * stripSize);
  const out = new Int32Array(a);
  for (let s = 0; s < order1.length; s++) {
    const strip = stripOf[order1[s]!]!;
    if (strip >= 0) out[cursor[strip]!++] = order1[s]!;
  }
  return { perm: out, blocked: true };
}

function identity(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/** Component of each row (−1 for rows that are not components). */
function componentIndex(perm: Int32Array, n: number): Int32Array {
  const out = new Int32Array(n).fill(-1);
  for (let p = 0; p < perm.length; p++) out[perm[p]!] = p;
  return out;
}

/** A row order as a component order (rows that are not components dropped). */
function mapOrder(rowOrder: Int32Array, compOf: Int32Array, a: number): Int32Array {
  const out = new Int32Array(a);
  let k = 0;
  for (let s = 0; s < rowOrder.length; s++) {
    const p = compOf[rowOrder[s]!]!;
    if (p >= 0) out[k++] = p;
  }
  return out;
}
