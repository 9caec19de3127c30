import { describe, expect, it } from 'vitest';
import { createRng } from '../../random/index';
import type { CategoricalDim, NumericDim } from './dims';
import { fitKernel } from './kernelFit';
import type { GroupRows, KernelFitSettings } from './kernelFit';
import { sortedOrder } from './kernelWidths';

// Fitting the improved TPE's kernels: widths by rule (hand-computed), the magic clip and its
// exponent, the prior component, categorical smoothing, rows of weight 0, and the sorted-order hint.

const X: NumericDim = {
  kind: 'numeric',
  label: 'x',
  low: 0,
  high: 10,
  priorMu: 5,
  priorSigma: 10,
  log: false,
  q: null,
};
const HYPEROPT: KernelFitSettings = { bandwidth: 'hyperopt', clipExponent: 1, priorWeight: 1 };

const rows1d = (values: number[]): GroupRows => ({
  n: values.length,
  num: Float64Array.from(values),
  cat: new Int32Array(0),
});
const ones = (n: number) => new Float64Array(n).fill(1);

function widthsOf(values: number[], settings: KernelFitSettings, weights = ones(values.length)) {
  const k = fitKernel([X], [], rows1d(values), weights, settings);
  const { mus, sigmas } = k.numericMarginal(0);
  return { mus: Array.from(mus), sigmas: Array.from(sigmas), weights: Array.from(k.componentWeights()) };
}

describe('fitKernel', () => {
  it("uses Hyperopt's neighbour gaps with the prior mean inserted, then the magic clip", () => {
    // Sorted with the prior mean 5: 1, 2, (5), 6 → gaps 1 → 1; 2 → max(1, 3) = 3; 6 → its left gap 1.
    // Clip: [R / min(100, 3 + 2), R] = [2, 10] → 2, 3, 2. The prior component comes last, width R.
    expect(widthsOf([1, 2, 6], HYPEROPT)).toEqual({
      mus: [1, 2, 6, 5],
      sigmas: [2, 3, 2, 10],
      weights: [0.25, 0.25, 0.25, 0.25],
    });
    // Clip exponent 2: the floor is R / 25 = 0.4, so the gaps themselves show.
    expect(widthsOf([1, 2, 6], { ...HYPEROPT, clipExponent: 2 }).sigmas).toEqual([1, 3, 1, 10]);
    // One observation has no neighbour: width R.
    expect(widthsOf([7], HYPEROPT).sigmas).toEqual([10, 10]);
  });

  it("has Optuna's multivariate rule and Scott's rule (values from numpy)", () => {
    // Clip exponent 2 (floor R/25 = 0.4) so that the rules' own widths show.
    const loose = { ...HYPEROPT, clipExponent: 2 };
    // 0.2 · R · n^(−1/(D + 4)) with n = 3, D = 1.
    expect(widthsOf([1, 2, 6], { ...loose, bandwidth: 'optuna' }).sigmas[0]).toBeCloseTo(
      1.6054831235204614,
      14,
    );
    // 1.059 · min(sd, IQR / 1.34) · n^(−1/5): sd 2.6458, IQR 2.5.
    expect(widthsOf([1, 2, 6], { ...loose, bandwidth: 'scott' }).sigmas[1]).toBeCloseTo(
      1.5860136453434408,
      14,
    );
    // With the usual clip both are raised to R / 5 = 2.
    expect(widthsOf([1, 2, 6], { ...HYPEROPT, bandwidth: 'optuna' }).sigmas[0]).toBe(2);
  });

  it('weights the prior component by priorWeight', () => {
    expect(widthsOf([1, 2], { ...HYPEROPT, priorWeight: 2 }).weights).toEqual([0.25, 0.25, 0.5]);
  });

  it('leaves rows of weight 0 out of the density, its widths and its clip', () => {
    const without = widthsOf([1, 2, 6], HYPEROPT);
    const withDead = widthsOf([1, 9.9, 2, 6], HYPEROPT, Float64Array.of(1, 0, 1, 1));
    expect(withDead).toEqual(without);
  });

  it('gives the same kernel with or without the sorted-order hint (large kernels are laid out sorted)', () => {
    const rng = createRng(5);
    const n = 300;
    const nn = 3;
    const dims = [0, 1, 2].map((j): NumericDim => ({ ...X, label: `x${j}` }));
    const num = Float64Array.from({ length: n * nn }, () => rng.uniform(0, 10));
    const weights = Float64Array.from({ length: n }, () => (rng.random() < 0.1 ? 0 : rng.uniform(0.1, 1)));
    const plain: GroupRows = { n, num, cat: new Int32Array(0) };
    const hinted: GroupRows = { ...plain, order: [0, 1, 2].map((j) => sortedOrder(num, n, nn, j)) };
    const a = fitKernel(dims, [], plain, weights, HYPEROPT);
    const b = fitKernel(dims, [], hinted, weights, HYPEROPT);
    for (let t = 0; t < 50; t++) {
      const x = Float64Array.from(dims, () => rng.uniform(0, 10));
      expect(b.logPdf(x, new Int32Array(0))).toBeCloseTo(a.logPdf(x, new Int32Array(0)), 12);
    }
    for (let j = 0; j < nn; j++)
      expect(Array.from(b.numericMarginal(j).sigmas).sort()).toEqual(
        Array.from(a.numericMarginal(j).sigmas).sort(),
      );
  });

  it("smooths categorical rows like Optuna's kernel, with the prior as the last row", () => {
    const c: CategoricalDim = {
      kind: 'categorical',
      label: 'c',
      size: 3,
      offset: 0,
      prior: Float64Array.of(0.5, 0.25, 0.25),
    };
    const rows: GroupRows = { n: 2, num: new Float64Array(0), cat: Int32Array.of(0, 2) };
    const k = fitKernel([], [c], rows, ones(2), HYPEROPT);
    // m = 3 components, ε = K·priorWeight/m = 1: row = (onehot + ε·prior) / (1 + ε).
    const row0 = [0.75, 0.125, 0.125];
    const row1 = [0.25, 0.125, 0.625];
    const prior = [0.5, 0.25, 0.25];
    const marginal = [0, 1, 2].map((i) => (row0[i]! + row1[i]! + prior[i]!) / 3);
    expect(Array.from(k.categoricalMarginal(0))).toEqual(marginal.map((p) => expect.closeTo(p, 15)));
    expect(k.logPdf(new Float64Array(0), Int32Array.of(2))).toBeCloseTo(Math.log(marginal[2]!), 14);
  });
});
