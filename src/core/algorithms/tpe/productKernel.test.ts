import { describe, expect, it } from 'vitest';
import { createRng } from '../../random/index';
import type { CategoricalDim, NumericDim } from './dims';
import { ProductKernel } from './productKernel';

// The joint (multivariate) Parzen estimator of the improved TPE against values computed independently
// with scipy.stats.truncnorm (mixture of products of per-component truncated normals).

const num = (label: string, low: number, high: number): NumericDim => ({
  kind: 'numeric',
  label,
  low,
  high,
  priorMu: 0.5 * (low + high),
  priorSigma: high - low,
  log: false,
  q: null,
});
const X = num('x', 0, 10);
const Y = num('y', 0, 1);
const NONE = new Int32Array(0);

/** Components given as rows: [[μx, μy], [σx, σy], weight]. */
function kernel2d(rows: [number[], number[], number][], blockedCount = 0): ProductKernel {
  return new ProductKernel([X, Y], [], {
    m: rows.length,
    weights: Float64Array.from(rows, (r) => r[2]),
    mus: Float64Array.from(rows.flatMap((r) => r[0])),
    sigmas: Float64Array.from(rows.flatMap((r) => r[1])),
    tables: [],
    blockedCount,
  });
}

describe('ProductKernel', () => {
  const k = kernel2d([
    [[2, 0.5], [1, 0.2], 1],
    [[9, 0.9], [2, 0.3], 3],
  ]);

  it('is the weighted sum of products of per-component truncated normals (2-D, scipy values)', () => {
    const cases: [number, number, number][] = [
      [3, 0.6, -2.176682215182768],
      [9.5, 0.05, -4.827628892318547],
      [0.1, 0.99, -6.372563194680324],
    ];
    for (const [x, y, expected] of cases)
      expect(k.logPdf(Float64Array.of(x, y), NONE)).toBeCloseTo(expected, 12);
  });

  it('multiplies in the categorical tables of each component', () => {
    const c: CategoricalDim = {
      kind: 'categorical',
      label: 'c',
      size: 3,
      offset: 0,
      prior: new Float64Array(3).fill(1 / 3),
    };
    const mixed = new ProductKernel([X], [c], {
      m: 2,
      weights: Float64Array.of(2, 1),
      mus: Float64Array.of(4, 7),
      sigmas: Float64Array.of(1.5, 0.5),
      tables: [Float64Array.of(0.7, 0.2, 0.1, 0.1, 0.1, 0.8)],
      blockedCount: 0,
    });
    const cases: [number, number, number][] = [
      [5, 0, -2.3048069641884954],
      [6.8, 2, -1.6118007817062796],
      [1, 1, -5.335437133066394],
    ];
    for (const [x, i, expected] of cases)
      expect(mixed.logPdf(Float64Array.of(x), Int32Array.of(i))).toBeCloseTo(expected, 12);
    // Marginal: Σ_k w_k P_k with weights 2/3 and 1/3.
    const marginal = [(2 * 0.7 + 0.1) / 3, (2 * 0.2 + 0.1) / 3, (2 * 0.1 + 0.8) / 3];
    expect(Array.from(mixed.categoricalMarginal(0))).toEqual(marginal.map((p) => expect.closeTo(p, 15)));
  });

  it('leaves unbounded dimensions untruncated', () => {
    const z: NumericDim = { ...num('z', 0, 1), low: -Infinity, high: Infinity, priorMu: 0, priorSigma: 1 };
    const u = new ProductKernel([z], [], {
      m: 2,
      weights: Float64Array.of(1, 1),
      mus: Float64Array.of(0, 3),
      sigmas: Float64Array.of(1, 2),
      tables: [],
      blockedCount: 0,
    });
    expect(u.logPdf(Float64Array.of(1), NONE)).toBeCloseTo(-1.7066206056564537, 13);
  });

  it('draws inside the bounds, with the mixture mean (scipy: 6.5001, 0.66664)', () => {
    const rng = createRng(11);
    const point = new Float64Array(2);
    let sx = 0;
    let sy = 0;
    const n = 40_000;
    for (let i = 0; i < n; i++) {
      k.sample(rng, point, NONE);
      expect(point[0]! >= 0 && point[0]! < 10 && point[1]! >= 0 && point[1]! < 1).toBe(true);
      sx += point[0]!;
      sy += point[1]!;
    }
    // Standard errors: about 0.017 for x (sd ≈ 3.4) and 0.0013 for y; 4 of them.
    expect(Math.abs(sx / n - 6.500102236008014)).toBeLessThan(0.07);
    expect(Math.abs(sy / n - 0.6666355819649306)).toBeLessThan(0.006);
  });

  it('never draws nor sums a component of weight 0', () => {
    const withDead = kernel2d([
      [[2, 0.5], [1, 0.2], 1],
      [[5, 0.1], [0.01, 0.01], 0],
      [[9, 0.9], [2, 0.3], 3],
    ]);
    const rng = createRng(3);
    const point = new Float64Array(2);
    for (let i = 0; i < 2000; i++) {
      withDead.sample(rng, point, NONE);
      expect(Math.abs(point[0]! - 5) < 0.05 && Math.abs(point[1]! - 0.1) < 0.05).toBe(false);
    }
    expect(withDead.logPdf(Float64Array.of(5, 0.1), NONE)).toBeCloseTo(
      k.logPdf(Float64Array.of(5, 0.1), NONE),
      14,
    );
  });

  it('sums large sorted kernels block by block to the same value as term by term', () => {
    for (const dims of [1, 2, 6]) {
      const rng = createRng(dims);
      const box = Array.from({ length: dims }, (_, j) => num(`x${j}`, 0, 1 + j));
      const m = 700;
      const mus = new Float64Array(m * dims);
      const sigmas = new Float64Array(m * dims);
      const first = Float64Array.from({ length: m }, () => rng.uniform(0, 1)).sort();
      for (let k2 = 0; k2 < m; k2++) {
        for (let j = 0; j < dims; j++) {
          mus[k2 * dims + j] = j === 0 ? first[k2]! : rng.uniform(0, 1 + j);
          // Mostly narrow kernels, a few wide ones (they must not break the block bounds).
          sigmas[k2 * dims + j] = rng.random() < 0.02 ? 0.5 : rng.uniform(0.002, 0.05);
        }
      }
      const weights = Float64Array.from({ length: m }, () => rng.uniform(0.01, 1));
      const parts = { m, weights, mus, sigmas, tables: [] };
      const blocked = new ProductKernel(box, [], { ...parts, blockedCount: m });
      const direct = new ProductKernel(box, [], { ...parts, blockedCount: 0 });
      for (let t = 0; t < 200; t++) {
        const x = Float64Array.from(box, (d) => rng.uniform(d.low, d.high));
        const a = blocked.logPdf(x, NONE);
        const b = direct.logPdf(x, NONE);
        expect(Math.abs(a - b)).toBeLessThan(1e-12 * Math.max(1, Math.abs(b)));
      }
    }
  });
});
