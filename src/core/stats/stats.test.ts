import { describe, expect, it } from 'vitest';
import {
  categoryKey,
  chiSquareHomogeneity,
  chiSquareSurvival,
  countValues,
  kolmogorovSurvival,
  ksTwoSample,
  logGamma,
  regularizedGammaP,
  regularizedGammaQ,
  totalVariation,
} from './index';

const counts = (entries: Record<string, number>): Map<string, number> => new Map(Object.entries(entries));

/** Chi-square survival for even df: e^{-x/2} Σ_{j<df/2} (x/2)^j / j!, exact. */
function evenDfSurvival(x: number, df: number): number {
  let term = 1;
  let sum = 1;
  for (let j = 1; j < df / 2; j++) {
    term *= x / 2 / j;
    sum += term;
  }
  return Math.exp(-x / 2) * sum;
}

describe('gamma functions', () => {
  it('logGamma matches factorials and Γ(1/2) = √π', () => {
    let factorial = 1;
    for (let n = 1; n < 20; n++) {
      expect(logGamma(n + 1)).toBeCloseTo(Math.log((factorial *= n)), 10);
    }
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    expect(logGamma(0.1)).toBeCloseTo(2.252712651734206, 10);
  });

  it('P + Q = 1 on both sides of the series / continued-fraction switch', () => {
    for (const a of [0.5, 1, 3.5, 20]) {
      for (const x of [0.01, a, a + 0.999, a + 1, a + 5, 3 * a + 10]) {
        expect(regularizedGammaP(a, x) + regularizedGammaQ(a, x)).toBeCloseTo(1, 12);
      }
    }
    expect(regularizedGammaQ(1, 2)).toBeCloseTo(Math.exp(-2), 14);
    expect(regularizedGammaQ(2, 0)).toBe(1);
    expect(() => regularizedGammaQ(0, 1)).toThrow(RangeError);
  });

  it('chi-square survival: 3.841 with df 1 is the 5 % point; even df match the closed form', () => {
    expect(chiSquareSurvival(3.841458820694124, 1)).toBeCloseTo(0.05, 10);
    expect(chiSquareSurvival(6.634896601021214, 1)).toBeCloseTo(0.01, 10);
    expect(chiSquareSurvival(5.991464547107979, 2)).toBeCloseTo(0.05, 12);
    for (const df of [2, 4, 10, 30, 80]) {
      for (const x of [0.5, df / 2, df, df + 1.5, 2 * df, 4 * df + 20]) {
        expect(chiSquareSurvival(x, df)).toBeCloseTo(evenDfSurvival(x, df), 12);
      }
    }
    expect(chiSquareSurvival(0, 3)).toBe(1);
    expect(chiSquareSurvival(1e4, 3)).toBe(0);
  });
});

describe('Kolmogorov–Smirnov', () => {
  it('Kolmogorov survival at the classic critical values', () => {
    expect(kolmogorovSurvival(1.2238)).toBeCloseTo(0.1, 3);
    expect(kolmogorovSurvival(1.3581)).toBeCloseTo(0.05, 3);
    expect(kolmogorovSurvival(1.6276)).toBeCloseTo(0.01, 3);
    expect(kolmogorovSurvival(0)).toBe(1);
    expect(kolmogorovSurvival(0.2)).toBeCloseTo(1 - 5.05e-13, 14);
    expect(kolmogorovSurvival(5)).toBeLessThan(1e-20);
  });

  it('both series agree where they switch, and the function decreases', () => {
    expect(kolmogorovSurvival(1.18 - 1e-12)).toBeCloseTo(kolmogorovSurvival(1.18), 11);
    let previous = 1;
    for (let lambda = 0.05; lambda < 3; lambda += 0.01) {
      const q = kolmogorovSurvival(lambda);
      expect(q).toBeLessThanOrEqual(previous + 1e-15);
      previous = q;
    }
  });

  it('identical samples: D = 0, p = 1; disjoint samples: D = 1, tiny p', () => {
    const a = [3, 1, 2, 5, 4];
    expect(ksTwoSample(a, [...a].reverse())).toEqual({ d: 0, p: 1 });
    const far = ksTwoSample([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    expect(far.d).toBe(1);
    expect(far.p).toBeLessThan(1e-3);
  });

  it('handles ties (and −0 = 0) by stepping past equal values', () => {
    expect(ksTwoSample([0, 0, 1], [0, 1, 1]).d).toBeCloseTo(1 / 3, 15);
    expect(ksTwoSample([-0, 1], [0, 1]).d).toBe(0);
  });

  it('D = 0.0364 at n = m = 4000 sits at p ≈ 0.01 (the README threshold)', () => {
    expect(kolmogorovSurvival(Math.sqrt(2000) * 0.0364)).toBeCloseTo(0.01, 3);
  });

  it('rejects empty samples and NaN', () => {
    expect(() => ksTwoSample([], [1])).toThrow(RangeError);
    expect(() => ksTwoSample([Number.NaN], [1])).toThrow(RangeError);
  });
});

describe('chi-square homogeneity and total variation', () => {
  it('equal tables give chi2 = 0, p = 1', () => {
    const a = counts({ x: 30, y: 50, z: 20 });
    expect(chiSquareHomogeneity(a, a)).toEqual({ chi2: 0, df: 2, p: 1, cells: 3 });
  });

  it('computes the 2 × 2 statistic by hand', () => {
    // expected 15 in every cell: chi2 = 4 · 5² / 15
    const r = chiSquareHomogeneity(counts({ x: 10, y: 20 }), counts({ x: 20, y: 10 }));
    expect(r.chi2).toBeCloseTo(20 / 3, 12);
    expect(r.df).toBe(1);
    expect(r.p).toBeCloseTo(chiSquareSurvival(20 / 3, 1), 15);
    expect(r.p).toBeCloseTo(0.00982, 4);
  });

  it('pools cells whose pooled count is below 10 into one cell', () => {
    const r = chiSquareHomogeneity(counts({ a: 3, b: 50, c: 2 }), counts({ a: 4, b: 50, c: 1, d: 0 }));
    expect(r.cells).toBe(2);
    expect(r.df).toBe(1);
    expect(r.chi2).toBe(0);
  });

  it('a single cell cannot differ', () => {
    expect(chiSquareHomogeneity(counts({ a: 5 }), counts({ a: 9 }))).toEqual({
      chi2: 0,
      df: 0,
      p: 1,
      cells: 1,
    });
  });

  it('total variation is half the L1 distance of the proportions', () => {
    expect(totalVariation(counts({ a: 1, b: 1 }), counts({ a: 1 }))).toBe(0.5);
    expect(totalVariation(counts({ a: 2 }), counts({ a: 7 }))).toBe(0);
    expect(totalVariation(counts({ a: 1 }), counts({ b: 3 }))).toBe(1);
  });

  it('countValues folds −0 into 0 and keys strings by JSON text', () => {
    expect(countValues([0, -0, 1.5, 'relu', 'relu'])).toEqual(counts({ 0: 2, '1.5': 1, '"relu"': 2 }));
    expect(categoryKey(10)).toBe(categoryKey(10.0));
  });
});
