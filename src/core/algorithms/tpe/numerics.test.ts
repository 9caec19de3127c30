import { describe, expect, it } from 'vitest';
import { regularizedGammaQ } from '../../stats/index';
import { erf, erfc, erfcxSlow, expNonPositive, logSumExp, normalCdf, normalMass } from './numerics';
import { sortWithPayload } from './sort';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

describe('erfc / erf', () => {
  it('matches erfc(x) = Q(1/2, x²) from the stats module, to ~1e-13 relative, far into the tail', () => {
    for (let x = 0; x <= 26; x += 0.0731) {
      expect(rel(erfc(x), regularizedGammaQ(0.5, x * x)), `x = ${x}`).toBeLessThan(2e-13);
    }
  });

  it('knows its landmarks', () => {
    expect(erfc(0)).toBe(1);
    expect(rel(erfc(1), 0.15729920705028516)).toBeLessThan(1e-14);
    expect(rel(erfc(3), 2.2090496998585445e-5)).toBeLessThan(1e-14);
    expect(rel(erfc(10), 2.0884875837625446e-45)).toBeLessThan(1e-13);
    expect(rel(erfc(-2), 1.9953222650189528)).toBeLessThan(1e-14);
    expect(erfc(28)).toBe(0);
    expect(erfc(Infinity)).toBe(0);
    expect(erfc(-Infinity)).toBe(2);
    expect(erfc(NaN)).toBeNaN();
    expect(rel(erf(0.5), 0.5204998778130465)).toBeLessThan(1e-14);
    expect(rel(erf(1e-10), 1.1283791670955126e-10)).toBeLessThan(1e-14);
    expect(rel(erf(-1.5), -0.9661051464753108)).toBeLessThan(1e-14);
  });

  it('the table builder agrees with the series and the continued fraction where they meet', () => {
    expect(rel(erfcxSlow(0.999999), erfcxSlow(1))).toBeLessThan(1e-5);
    expect(rel(erfcxSlow(2), 0.2553956763105057)).toBeLessThan(1e-14);
  });
});

describe('normal masses', () => {
  it('normalCdf is Hyperopt normal_cdf', () => {
    expect(normalCdf(0, 0, 1)).toBe(0.5);
    expect(rel(normalCdf(1.96, 0, 1), 0.9750021048517795)).toBeLessThan(1e-14);
    expect(rel(normalCdf(-12, 0, 1), 1.776482112077653e-33)).toBeLessThan(1e-12);
  });

  it('normalMass keeps relative precision in both tails and is exactly 1 far inside', () => {
    expect(rel(normalMass(10, 11, 0, 1), 7.61966195820302e-24)).toBeLessThan(1e-12);
    expect(rel(normalMass(-11, -10, 0, 1), 7.61966195820302e-24)).toBeLessThan(1e-12);
    expect(rel(normalMass(-1, 2, 0, 1), 0.8185946141203637)).toBeLessThan(1e-14);
    expect(normalMass(-100, 100, 0, 1)).toBe(1);
    expect(normalMass(-Infinity, Infinity, 3, 2)).toBe(1);
    expect(normalMass(2, 1, 0, 1)).toBeLessThan(0); // reversed interval, as the plain difference
  });
});

describe('expNonPositive', () => {
  it('equals Math.exp to 4e-16 relative over the normal range, 0 below -745.2', () => {
    for (let i = 0; i <= 20000; i++) {
      const x = -((i / 20000) ** 2) * 708;
      expect(rel(expNonPositive(x), Math.exp(x)), `x = ${x}`).toBeLessThan(4e-16);
    }
    expect(expNonPositive(0)).toBe(1);
    expect(expNonPositive(-800)).toBe(0);
    expect(expNonPositive(NaN)).toBeNaN();
  });
});

describe('logSumExp', () => {
  it('is stable for large and empty inputs', () => {
    expect(logSumExp([1000, 1000])).toBeCloseTo(1000 + Math.LN2, 12);
    expect(logSumExp([-1000, -Infinity])).toBe(-1000);
    expect(logSumExp([])).toBe(-Infinity);
    expect(logSumExp([0, 1, 2], 2)).toBeCloseTo(Math.log(1 + Math.E), 14);
  });
});

describe('sortWithPayload', () => {
  it('sorts stably and carries the payload', () => {
    const n = 1000;
    const keys = new Float64Array(n);
    const payload = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      keys[i] = (i * 7919) % 37; // many ties
      payload[i] = i;
    }
    const expected = [...keys].map((k, i) => [k, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    sortWithPayload(keys, payload);
    expect([...keys]).toEqual(expected.map((e) => e[0]));
    expect([...payload]).toEqual(expected.map((e) => e[1]));
  });
});
