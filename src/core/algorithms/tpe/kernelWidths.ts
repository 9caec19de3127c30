/**
 * Kernel widths of one numeric dimension of a {@link ProductKernel} fit: the bandwidth rules and the
 * magic clip. Components 0..a−1 are the observations (row-major means, `nn` per row); the prior
 * component, always of width R, is not among them.
 */
import type { NumericDim } from './dims';
import { sortWithPayload } from './sort';

/** Bandwidth rules for numeric dimensions (all scaled by the dimension's prior sigma R). */
export type BandwidthRule = 'hyperopt' | 'optuna' | 'scott';

/** The observations being fitted. */
export interface WidthInput {
  /** Number of observation components a, and numeric dimensions per row. */
  readonly a: number;
  readonly nn: number;
  readonly mus: Float64Array;
  /** Dimensions of the group (numeric and categorical), for the n^(−1/(D+4)) rules. */
  readonly dims: number;
}

/**
 * Writes the widths of dimension j of the a observations into `sigmas` (row-major, like `mus`),
 * clipped to [R / min(100, a + 2)^α, R] (the magic clip of tpe.py:445-449, a + 1 components).
 *
 * @param order - the observations by ascending value on j (ties in row order), when known.
 */
export function writeWidths(
  rule: BandwidthRule,
  clipExponent: number,
  input: WidthInput,
  j: number,
  dim: NumericDim,
  order: Int32Array | undefined,
  sigmas: Float64Array,
): void {
  const { a, nn, mus } = input;
  if (a === 0) return;
  const r = dim.priorSigma;
  const low = r * Math.pow(Math.min(100, a + 2), -clipExponent);
  const clip = (s: number): number => (s < low ? low : s > r ? r : s);
  if (rule === 'hyperopt') {
    if (a === 1)
      sigmas[j] = clip(Infinity); // no neighbour: R (Hyperopt uses R/2)
    else neighbourGaps(mus, a, nn, j, dim.priorMu, order ?? sortedOrder(mus, a, nn, j), low, r, sigmas);
    return;
  }
  const shrink = Math.pow(a, -1 / (input.dims + 4));
  const s = clip(rule === 'optuna' ? 0.2 * r * shrink : 1.059 * spread(mus, a, nn, j) * shrink);
  for (let i = 0; i < a; i++) sigmas[i * nn + j] = s;
}

/** Observations by ascending value on j, ties in row order (a stable typed-array sort). */
export function sortedOrder(mus: Float64Array, a: number, nn: number, j: number): Int32Array {
  const keys = new Float64Array(a);
  const payload = new Float64Array(a);
  for (let i = 0; i < a; i++) {
    keys[i] = mus[i * nn + j]!;
    payload[i] = i;
  }
  sortWithPayload(keys, payload, a);
  return Int32Array.from(payload);
}

/** min(standard deviation, IQR / 1.34) of column j: the robust spread of Silverman's and Scott's rules. */
function spread(mus: Float64Array, a: number, nn: number, j: number): number {
  if (a < 2) return Infinity; // one point says nothing about spread: the clip decides (R)
  const sorted = new Float64Array(a);
  for (let i = 0; i < a; i++) sorted[i] = mus[i * nn + j]!;
  sorted.sort();
  let mean = 0;
  for (let i = 0; i < a; i++) mean += sorted[i]!;
  mean /= a;
  let ss = 0;
  for (let i = 0; i < a; i++) ss += (sorted[i]! - mean) ** 2;
  const sd = Math.sqrt(ss / (a - 1));
  const iqr = quantile(sorted, 0.75) - quantile(sorted, 0.25);
  return iqr > 0 ? Math.min(sd, iqr / 1.34) : sd;
}

/** Linear-interpolation quantile of sorted values (numpy's default). */
function quantile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/**
 * Hyperopt's width, clipped to [low, high]: with the prior mean among the sorted points (before the
 * points equal to it), each point's larger gap to its neighbours, the outermost points their only
 * gap (tpe.py:424-431). Needs a ≥ 2.
 */
function neighbourGaps(
  mus: Float64Array,
  a: number,
  nn: number,
  j: number,
  priorMu: number,
  order: Int32Array,
  low: number,
  high: number,
  sigmas: Float64Array,
): void {
  // The sorted values with the prior mean merged in at its place (searchsorted left), then each
  // point's larger gap to its neighbours (the prior's own width is R and is not written here).
  const values = new Float64Array(a + 1);
  let at = a;
  for (let s = 0, t = 0; s <= a; s++) {
    if (at === a && (t === a || !(mus[order[t]! * nn + j]! < priorMu))) {
      at = s;
      values[s] = priorMu;
    } else values[s] = mus[order[t++]! * nn + j]!;
  }
  for (let s = 0, t = 0; s <= a; s++) {
    if (s === at) continue;
    const left = s > 0 ? values[s]! - values[s - 1]! : -Infinity;
    const right = s < a ? values[s + 1]! - values[s]! : -Infinity;
    const w = left > right ? left : right;
    sigmas[order[t++]! * nn + j] = w < low ? low : w > high ? high : w;
  }
}
