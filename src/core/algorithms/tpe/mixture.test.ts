import { describe, expect, it } from 'vitest';
import { createRng } from '../../random/index';
import type { Rng } from '../../random/types';
import { Gmm1 } from './gmm';
import { Lgmm1 } from './lgmm';
import { GaussianMixtureLogDensity } from './mixtureDensity';
import { normalMass } from './numerics';
import { adaptiveParzenNormal } from './parzen';
import type { Mixture } from './parzen';

/** GMM1_lpdf's continuous formula term by term: log Σ_k w_k N(y; μ_k, σ_k), two-pass log-sum-exp. */
function bruteLogDensity(m: Mixture, y: number): number {
  const terms = [...m.mus].map((mu, k) => {
    const s = m.sigmas[k]!;
    return Math.log(m.weights[k]!) - Math.log(Math.sqrt(2 * Math.PI) * s) - 0.5 * ((y - mu) / s) ** 2;
  });
  const top = Math.max(...terms);
  return top + Math.log(terms.reduce((acc, t) => acc + Math.exp(t - top), 0));
}

function bruteMass(m: Mixture, lo: number, hi: number): number {
  return [...m.mus].reduce((acc, mu, k) => acc + m.weights[k]! * normalMass(lo, hi, mu, m.sigmas[k]!), 0);
}

/** Mixtures as TPE builds them: uniform, clustered and heavy-tailed observations, small and large. */
function mixtures(rng: Rng): Mixture[] {
  const out: Mixture[] = [];
  for (const n of [0, 1, 2, 7, 95, 96, 97, 400, 3000]) {
    const uniform = Array.from({ length: n }, () => rng.uniform(-5, 10));
    out.push(adaptiveParzenNormal(uniform, n, 1, 2.5, 15));
    const clustered = Array.from({ length: n }, (_, i) =>
      i % 3 === 0 ? rng.normal(7, 0.01) : rng.uniform(-5, 10),
    );
    out.push(adaptiveParzenNormal(clustered, n, 1, 2.5, 15));
    const spread = Array.from({ length: n }, () => rng.normal(0, 1) ** 3 * 50);
    out.push(adaptiveParzenNormal(spread, n, 0.3, 0, 20));
  }
  return out;
}

describe('GaussianMixtureLogDensity', () => {
  const rng = createRng(11);
  const cases = mixtures(rng);
  const points = [-400, -30, -5, -1, 0, 0.1, 2.5, 6.99, 7, 9.99, 10, 30, 1e4];

  it('logDensity equals the term-by-term log-sum-exp (block pruning loses nothing)', () => {
    for (const m of cases) {
      const d = new GaussianMixtureLogDensity(m);
      for (const y of [...points, ...Array.from({ length: 20 }, () => rng.uniform(-8, 13))]) {
        const exact = bruteLogDensity(m, y);
        expect(Math.abs(d.logDensity(y) - exact), `M = ${m.mus.length}, y = ${y}`).toBeLessThan(
          1e-12 * Math.max(1, Math.abs(exact)),
        );
      }
    }
  });

  it('with a tolerance it stays below the exact value by at most log1p(tolerance)', () => {
    for (const tolerance of [2 ** -10, 0.1, 0.5]) {
      for (const m of cases) {
        const d = new GaussianMixtureLogDensity(m);
        for (let i = 0; i < 30; i++) {
          const y = rng.uniform(-8, 13);
          const exact = bruteLogDensity(m, y);
          const coarse = d.logDensity(y, tolerance);
          expect(coarse).toBeLessThanOrEqual(exact + 1e-12);
          expect(exact).toBeLessThanOrEqual(coarse + Math.log1p(tolerance) + 1e-12);
        }
      }
    }
  });

  it('logMass and mass equal the summed component masses', () => {
    for (const m of cases) {
      const d = new GaussianMixtureLogDensity(m);
      for (const [lo, hi] of [
        [-5, 10],
        [6.5, 7.5],
        [-1e-3, 1e-3],
        [40, 41],
        [-Infinity, 0],
      ] as const) {
        const exact = bruteMass(m, lo, hi);
        expect(Math.abs(d.mass(lo, hi) - exact)).toBeLessThan(1e-14);
        expect(
          Math.abs(d.logMass(lo, hi) - Math.log(exact)),
          `M = ${m.mus.length}, [${lo}, ${hi}]`,
        ).toBeLessThan(1e-11);
      }
    }
  });
});

/** ∫_a^b f by composite Simpson on n (even) panels. */
function simpson(f: (x: number) => number, a: number, b: number, n = 20000): number {
  const h = (b - a) / n;
  let s = f(a) + f(b);
  for (let i = 1; i < n; i++) s += (i % 2 === 1 ? 4 : 2) * f(a + i * h);
  return (s * h) / 3;
}

describe('GMM1 (tpe.py GMM1 / GMM1_lpdf)', () => {
  const rng = createRng(5);
  const m = adaptiveParzenNormal([1.3, 2.1, 9.9, -4.8, 3], 5, 1, 2.5, 15);

  it('truncated continuous density integrates to 1 over [low, high]', () => {
    const g = new Gmm1(m, -5, 10, null);
    expect(simpson((x) => Math.exp(g.logPdf(x)), -5, 10)).toBeCloseTo(1, 8);
    expect(g.acceptance()).toBeLessThan(1);
    expect(g.logScore(1) - g.logPdf(1)).toBeCloseTo(Math.log(g.acceptance()), 14);
  });

  it('untruncated (normal kinds) integrates to 1', () => {
    const g = new Gmm1(adaptiveParzenNormal([-3, 5, 1, 8], 4, 1, 0, 10), null, null, null);
    expect(g.acceptance()).toBe(1);
    expect(simpson((x) => Math.exp(g.logPdf(x)), -150, 150)).toBeCloseTo(1, 8);
  });

  it('quantised probabilities over the grid sum to 1, edges included', () => {
    const g = new Gmm1(m, -5, 10, 0.5);
    let total = 0;
    for (let x = -5; x <= 10; x += 0.5) total += Math.exp(g.logPdf(x));
    expect(total).toBeCloseTo(1, 12);
  });

  it('draws stay in [low, high) and follow the density', () => {
    const g = new Gmm1(m, -5, 10, null);
    const draws = Array.from({ length: 20000 }, () => g.sample(rng));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(-5);
    expect(Math.max(...draws)).toBeLessThan(10);
    const mean = simpson((x) => x * Math.exp(g.logPdf(x)), -5, 10);
    expect(draws.reduce((a, b) => a + b, 0) / draws.length).toBeCloseTo(mean, 1);
    const q = new Gmm1(m, -5, 10, 0.5);
    for (let i = 0; i < 2000; i++) expect(Number.isInteger(q.sample(rng) / 0.5)).toBe(true);
  });
});

describe('LGMM1 (tpe.py LGMM1 / LGMM1_lpdf)', () => {
  const rng = createRng(6);
  const low = Math.log(1e-3);
  const high = Math.log(10);
  const logObs = [0.02, 0.5, 3, 0.0011].map(Math.log);
  const m = adaptiveParzenNormal(logObs, 4, 1, 0.5 * (low + high), high - low);

  it('continuous density is not divided by p_accept: it integrates to p_accept (Hyperopt quirk)', () => {
    const g = new Lgmm1(m, low, high, null);
    // substitute x = e^y: ∫ pdf(x) dx = ∫ pdf(e^y) e^y dy
    const integral = simpson((y) => Math.exp(g.logPdf(Math.exp(y)) + y), low, high);
    expect(g.acceptance()).toBeLessThan(0.99);
    expect(integral).toBeCloseTo(g.acceptance(), 8);
    expect(g.logScore(0.5)).toBe(g.logPdf(0.5));
  });

  it('quantised probabilities over the value grid sum to 1 (there p_accept is divided out)', () => {
    const q = new Lgmm1(
      adaptiveParzenNormal([Math.log(5), Math.log(300)], 2, 1, 0.5 * Math.log(1000), Math.log(1000)),
      0,
      Math.log(1000),
      5,
    );
    let total = 0;
    for (let x = 0; x <= 1000; x += 5) total += Math.exp(q.logPdf(x));
    expect(total).toBeCloseTo(1, 12);
  });

  it('draws are exp of truncated log-space draws, quantised when asked', () => {
    const g = new Lgmm1(m, low, high, null);
    for (let i = 0; i < 5000; i++) {
      const x = g.sample(rng);
      expect(x).toBeGreaterThanOrEqual(1e-3 * (1 - 1e-12));
      expect(x).toBeLessThanOrEqual(10);
    }
    const untruncated = new Lgmm1(adaptiveParzenNormal([0.1], 1, 1, 0, 1), null, null, 2);
    for (let i = 0; i < 2000; i++) {
      const x = untruncated.sample(rng);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(Number.isInteger(x / 2)).toBe(true);
    }
  });
});
