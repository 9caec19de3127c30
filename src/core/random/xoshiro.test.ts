import { describe, expect, it } from 'vitest';
import { createRng, restoreRng, seedFromRng } from './index';

function draws(seed: number, n: number): number[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng.random());
}

function mean(xs: readonly number[]): number {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}

function variance(xs: readonly number[]): number {
  const m = mean(xs);
  return xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
}

describe('createRng', () => {
  it('matches the published xoshiro128** output for the state [1, 2, 3, 4]', () => {
    const rng = restoreRng({ words: [1, 2, 3, 4], spareNormal: null });
    const out = Array.from({ length: 10 }, () => rng.uint32());
    expect(out).toEqual([
      11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597, 4258142804,
    ]);
  });

  it('is deterministic for a seed', () => {
    expect(draws(42, 100)).toEqual(draws(42, 100));
    const a = createRng(7);
    const b = createRng(7);
    for (let i = 0; i < 100; i++) {
      expect(a.normal(0, 1)).toBe(b.normal(0, 1));
      expect(a.integers(0, 1000)).toBe(b.integers(0, 1000));
      expect(a.categorical([0.2, 0.3, 0.5])).toBe(b.categorical([0.2, 0.3, 0.5]));
    }
  });

  it('gives different streams for different seeds, including neighbouring and large ones', () => {
    const seeds = [0, 1, 2, -1, 2 ** 32, 2 ** 32 + 1, 2 ** 31 - 2, Number.MAX_SAFE_INTEGER];
    const firsts = new Set(seeds.map((seed) => draws(seed, 4).join(',')));
    expect(firsts.size).toBe(seeds.length);
  });

  it('rejects seeds that are not safe integers', () => {
    expect(() => createRng(1.5)).toThrow(RangeError);
    expect(() => createRng(Number.NaN)).toThrow(RangeError);
    expect(() => createRng(2 ** 60)).toThrow(RangeError);
  });

  it('continues the same stream after getState / restoreRng, including a cached normal', () => {
    const rng = createRng(99);
    rng.normal(0, 1); // leaves the pair's second deviate cached
    const copy = restoreRng(JSON.parse(JSON.stringify(rng.getState())) as ReturnType<typeof rng.getState>);
    for (let i = 0; i < 20; i++) {
      expect(copy.normal(0, 1)).toBe(rng.normal(0, 1));
      expect(copy.random()).toBe(rng.random());
    }
  });

  it('random() is in [0, 1) with uniform moments and 53-bit resolution', () => {
    const xs = draws(3, 200_000);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    // mean 1/2 ± 4.5 standard errors (sd 1/sqrt(12)); variance 1/12
    expect(Math.abs(mean(xs) - 0.5)).toBeLessThan((4.5 * Math.sqrt(1 / 12)) / Math.sqrt(xs.length));
    expect(Math.abs(variance(xs) - 1 / 12)).toBeLessThan(0.002);
    // With only 32 bits every value times 2**32 would be an integer.
    expect(xs.some((x) => !Number.isInteger(x * 2 ** 32))).toBe(true);
  });

  it('uniform(low, high) stays in [low, high)', () => {
    const rng = createRng(4);
    for (let i = 0; i < 10_000; i++) {
      const x = rng.uniform(-2, 3);
      expect(x).toBeGreaterThanOrEqual(-2);
      expect(x).toBeLessThan(3);
    }
  });

  it('normal(mu, sigma) has the right mean, variance, skewness and kurtosis', () => {
    const rng = createRng(5);
    const n = 200_000;
    const xs = Array.from({ length: n }, () => rng.normal(1, 2));
    const m = mean(xs);
    const v = variance(xs);
    const z = xs.map((x) => (x - m) / Math.sqrt(v));
    expect(Math.abs(m - 1)).toBeLessThan((4.5 * 2) / Math.sqrt(n));
    expect(Math.abs(v - 4)).toBeLessThan(0.06);
    expect(Math.abs(mean(z.map((x) => x ** 3)))).toBeLessThan(0.03);
    expect(Math.abs(mean(z.map((x) => x ** 4)) - 3)).toBeLessThan(0.06);
    // P(|Z| < 1) ≈ 0.6827
    expect(Math.abs(z.filter((x) => Math.abs(x) < 1).length / n - 0.6827)).toBeLessThan(0.005);
  });

  it('integers(low, high) is in range and roughly uniform, for small and huge ranges', () => {
    const rng = createRng(6);
    const counts = new Array<number>(7).fill(0);
    const n = 70_000;
    for (let i = 0; i < n; i++) {
      const k = rng.integers(3, 10);
      expect(Number.isInteger(k)).toBe(true);
      expect(k).toBeGreaterThanOrEqual(3);
      expect(k).toBeLessThan(10);
      counts[k - 3]! += 1;
    }
    // Each cell: 10000 ± 4.5 · sqrt(10000 · 6/7)
    for (const c of counts) expect(Math.abs(c - n / 7)).toBeLessThan(4.5 * Math.sqrt((n / 7) * (6 / 7)));
    for (let i = 0; i < 1000; i++) {
      const big = rng.integers(-(2 ** 40), 2 ** 40);
      expect(Number.isSafeInteger(big)).toBe(true);
      expect(Math.abs(big)).toBeLessThanOrEqual(2 ** 40);
    }
    expect(rng.integers(5, 6)).toBe(5);
  });

  it('integers rejects empty or non-integer ranges', () => {
    const rng = createRng(0);
    expect(() => rng.integers(3, 3)).toThrow(RangeError);
    expect(() => rng.integers(0, 2.5)).toThrow(RangeError);
  });

  it('categorical(p) follows p and never picks a zero-probability option', () => {
    const rng = createRng(8);
    const p = [0.1, 0, 0.2, 0.7];
    const counts = [0, 0, 0, 0];
    const n = 100_000;
    for (let i = 0; i < n; i++) counts[rng.categorical(p)]! += 1;
    expect(counts[1]).toBe(0);
    p.forEach((pi, i) =>
      expect(Math.abs(counts[i]! / n - pi)).toBeLessThan(4.5 * Math.sqrt((pi * (1 - pi)) / n) + 1e-12),
    );
    expect(() => rng.categorical([])).toThrow(RangeError);
  });

  it('seedFromRng gives integers in [0, 2**31 - 1), deterministically', () => {
    const a = createRng(11);
    const b = createRng(11);
    for (let i = 0; i < 1000; i++) {
      const s = seedFromRng(a);
      expect(s).toBe(seedFromRng(b));
      expect(Number.isInteger(s)).toBe(true);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThan(2 ** 31 - 1);
    }
  });
});

describe('uniform on ranges narrower than rounding', () => {
  it('never returns high, even when low + (high − low)·u rounds up to it', () => {
    for (const [low, high] of [
      [-5e-324, 0],
      [0, 5e-324],
      [1, 1 + 2 ** -52],
      [-1 - 2 ** -52, -1],
      [2 ** 52, 2 ** 52 + 1],
      [-(2 ** 53) - 2, -(2 ** 53)],
    ] as const) {
      const rng = createRng(1);
      for (let i = 0; i < 200; i++) {
        const x = rng.uniform(low, high);
        expect(x).toBeGreaterThanOrEqual(low);
        expect(x).toBeLessThan(high);
      }
    }
  });
});
