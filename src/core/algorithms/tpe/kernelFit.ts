/**
 * From one group's observations (rows of model-space values) to a {@link ProductKernel}: bandwidth
 * rules, the magic clip, the prior component and the categorical smoothing of the improved TPE.
 */
import type { CategoricalDim, NumericDim } from './dims';
import { ProductKernel } from './productKernel';

/** Bandwidth rules for numeric dimensions (all scaled by the dimension's prior sigma R). */
export type BandwidthRule = 'hyperopt' | 'optuna' | 'scott';

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
}

/**
 * Fits the mixture: one component per row (weight `weights[i]`) plus the prior component (mean the
 * prior mean, width R; prior probabilities on categorical dimensions) with `priorWeight`.
 */
export function fitKernel(
  numeric: readonly NumericDim[],
  categorical: readonly CategoricalDim[],
  rows: GroupRows,
  weights: Float64Array,
  settings: KernelFitSettings,
): ProductKernel {
  const { n } = rows;
  const nn = numeric.length;
  const nc = categorical.length;
  const m = n + 1;
  const dims = nn + nc;
  const w = new Float64Array(m);
  w.set(weights.subarray(0, n));
  w[n] = settings.priorWeight;
  const mus = new Float64Array(m * nn);
  const sigmas = new Float64Array(m * nn);
  const column = new Float64Array(n);
  for (let j = 0; j < nn; j++) {
    const dim = numeric[j]!;
    const r = dim.priorSigma;
    for (let i = 0; i < n; i++) column[i] = rows.num[i * nn + j]!;
    const widths = bandwidths(settings.bandwidth, column, n, dim, dims);
    // Magic clip (tpe.py:445-449 with n + 1 components), relative to R.
    const low = r * Math.pow(Math.min(100, n + 2), -settings.clipExponent);
    for (let i = 0; i < n; i++) {
      const s = widths[i]!;
      mus[i * nn + j] = column[i]!;
      sigmas[i * nn + j] = s < low ? low : s > r ? r : s;
    }
    mus[n * nn + j] = dim.priorMu;
    sigmas[n * nn + j] = r;
  }
  const tables: Float64Array[] = [];
  for (let c = 0; c < nc; c++) {
    const { size, prior } = categorical[c]!;
    const table = new Float64Array(m * size);
    // Optuna's categorical kernel: the observed option plus priorWeight/m pseudo-counts spread by the
    // prior (Optuna spreads them uniformly; pchoice priors are not uniform).
    const eps = (size * settings.priorWeight) / m;
    for (let i = 0; i < n; i++) {
      for (let o = 0; o < size; o++) table[i * size + o] = (eps * prior[o]!) / (1 + eps);
      table[i * size + rows.cat[i * nc + c]!]! += 1 / (1 + eps);
    }
    table.set(prior, n * size);
    tables.push(table);
  }
  return new ProductKernel(numeric, categorical, { m, weights: w, mus, sigmas, tables });
}

/** Unclipped widths of the n observations of one numeric dimension. */
function bandwidths(
  rule: BandwidthRule,
  values: Float64Array,
  n: number,
  dim: NumericDim,
  dims: number,
): Float64Array {
  const out = new Float64Array(n);
  if (n === 0) return out;
  const shrink = Math.pow(n, -1 / (dims + 4));
  switch (rule) {
    case 'optuna':
      return out.fill(0.2 * dim.priorSigma * shrink);
    case 'scott':
      return out.fill(1.059 * spread(values, n) * shrink);
    case 'hyperopt':
      return neighbourGaps(values, n, dim.priorMu, out);
  }
}

/** min(standard deviation, IQR / 1.34): the robust spread of Silverman's and Scott's rules. */
function spread(values: Float64Array, n: number): number {
  if (n < 2) return Infinity; // one point says nothing about spread: the clip decides (R)
  const sorted = values.slice(0, n).sort();
  let mean = 0;
  for (let i = 0; i < n; i++) mean += sorted[i]!;
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (sorted[i]! - mean) ** 2;
  const sd = Math.sqrt(ss / (n - 1));
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
 * Hyperopt's width: with the prior mean among the sorted points, each point's larger gap to its
 * neighbours, the outermost points their only gap (tpe.py:424-431). One observation: R/2.
 */
function neighbourGaps(values: Float64Array, n: number, priorMu: number, out: Float64Array): Float64Array {
  if (n === 1) return out.fill(Infinity); // clipped to R below; Hyperopt uses R/2 (rescaled later)
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const pts = order.map((i) => values[i]!);
  let at = 0;
  while (at < n && pts[at]! < priorMu) at++;
  pts.splice(at, 0, priorMu);
  for (let s = 0, i = 0; s <= n; s++) {
    if (s === at) continue;
    const left = s > 0 ? pts[s]! - pts[s - 1]! : -Infinity;
    const right = s < n ? pts[s + 1]! - pts[s]! : -Infinity;
    out[order[i++]!] = Math.max(left, right);
  }
  return out;
}
