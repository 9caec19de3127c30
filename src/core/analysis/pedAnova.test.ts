import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../random';
import { pedAnova, type ImportanceTrial, type ParamDomain } from './pedAnova';

const X: ParamDomain = { kind: 'numeric', low: -5, high: 5 };
const DOMAINS: Record<string, ParamDomain> = {
  x: X,
  noise: { kind: 'numeric', low: -5, high: 5 },
  c: { kind: 'categorical', size: 3 },
};

/** Random-search trials of loss = x² + (c === 2 ? 3 : 0) + tiny noise; `noise` plays no part. */
function quadraticTrials(n: number, seed = 1): ImportanceTrial[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => {
    const x = rng.uniform(-5, 5);
    const noise = rng.uniform(-5, 5);
    const c = rng.integers(0, 3);
    return { loss: x * x + (c === 2 ? 3 : 0) + rng.uniform(0, 1e-3), vals: { x, noise, c } };
  });
}

const byParam = (rows: ReturnType<typeof pedAnova>) => Object.fromEntries(rows.map((r) => [r.param, r]));

describe('pedAnova', () => {
  it('ranks the parameter that determines the loss first, an irrelevant one near zero', () => {
    const rows = pedAnova(quadraticTrials(400), DOMAINS);
    expect(rows.map((r) => r.param)).toEqual(['x', 'c', 'noise']);
    const r = byParam(rows);
    expect(r.x!.share).toBeGreaterThan(0.6);
    expect(r.noise!.importance).toBeLessThan(0.1 * r.x!.importance);
    expect(r.x!.trials).toBe(400);
    // ceil(0.1 · 400) = 40 trials make the top 10%.
    expect(r.x!.topTrials).toBe(40);
    expect(rows.reduce((s, row) => s + row.share, 0)).toBeCloseTo(1, 12);
  });

  it('measures a log-scaled parameter on a log grid', () => {
    const rng = createRng(7);
    // The best losses sit at lr in [1e-4, 1e-3]: a tenth of the log domain, 0.1% of the linear one.
    const trials = Array.from({ length: 300 }, () => {
      const lr = Math.exp(rng.uniform(Math.log(1e-5), Math.log(1)));
      const other = rng.uniform(0, 1);
      return { loss: Math.abs(Math.log10(lr) + 3.5), vals: { lr, other } };
    });
    const domains = (log: boolean): Record<string, ParamDomain> => ({
      lr: { kind: 'numeric', low: 1e-5, high: 1, log },
      other: { kind: 'numeric', low: 0, high: 1 },
    });
    const logRows = byParam(pedAnova(trials, domains(true)));
    const linRows = byParam(pedAnova(trials, domains(false)));
    expect(logRows.lr!.share).toBeGreaterThan(0.8);
    // On a linear grid every top trial falls in the first cell, as do most of all trials: less contrast.
    expect(logRows.lr!.importance).toBeGreaterThan(linRows.lr!.importance);
  });

  it('measures a conditional parameter over the trials where it is active', () => {
    const trials = quadraticTrials(200).map((t, i) =>
      i % 2 === 0 ? t : { loss: t.loss, vals: { x: t.vals.x!, c: t.vals.c! } },
    );
    const r = byParam(pedAnova(trials, DOMAINS));
    expect(r.noise!.trials).toBe(100);
    expect(r.x!.trials).toBe(200);
  });

  it('gives zeros when there is nothing to tell apart', () => {
    expect(pedAnova(quadraticTrials(2), DOMAINS).every((r) => r.importance === 0 && r.share === 0)).toBe(
      true,
    );
    const flat = quadraticTrials(50).map((t) => ({ ...t, loss: 1 }));
    // Every trial ties with the best: the top set is all trials.
    expect(pedAnova(flat, DOMAINS).every((r) => r.importance === 0)).toBe(true);
    const single = pedAnova(quadraticTrials(50), { x: { kind: 'numeric', low: 1, high: 1 } });
    expect(single[0]!.importance).toBe(0);
    expect(pedAnova([], DOMAINS)).toHaveLength(3);
  });

  it('ignores trials without a finite loss', () => {
    const trials = quadraticTrials(100);
    const withFailures = [...trials, { loss: NaN, vals: { x: 0, noise: 0, c: 0 } }];
    expect(pedAnova(withFailures, DOMAINS)).toEqual(pedAnova(trials, DOMAINS));
  });

  const integerTrials = fc.array(
    fc.record({
      loss: fc.integer({ min: -1000, max: 1000 }),
      x: fc.double({ min: -5, max: 5, noNaN: true }),
      c: fc.integer({ min: 0, max: 2 }),
    }),
    { minLength: 0, maxLength: 80 },
  );
  const toTrials = (rows: { loss: number; x: number; c: number }[]): ImportanceTrial[] =>
    rows.map((r) => ({ loss: r.loss, vals: { x: r.x, c: r.c } }));
  const domains = { x: X, c: { kind: 'categorical', size: 3 } } satisfies Record<string, ParamDomain>;

  it('is non-negative, with shares summing to 1 or all 0', () => {
    fc.assert(
      fc.property(integerTrials, (rows) => {
        const result = pedAnova(toTrials(rows), domains);
        expect(result.every((r) => r.importance >= 0 && Number.isFinite(r.importance))).toBe(true);
        const shares = result.reduce((s, r) => s + r.share, 0);
        expect(shares === 0 || Math.abs(shares - 1) < 1e-9).toBe(true);
      }),
    );
  });

  it('is invariant to a loss offset and to any increasing transform of the loss', () => {
    fc.assert(
      fc.property(integerTrials, fc.integer({ min: -1e6, max: 1e6 }), (rows, offset) => {
        const trials = toTrials(rows);
        const base = pedAnova(trials, domains);
        const shifted = trials.map((t) => ({ ...t, loss: t.loss + offset }));
        const cubed = trials.map((t) => ({ ...t, loss: Math.sign(t.loss) * Math.abs(t.loss) ** 3 }));
        expect(pedAnova(shifted, domains)).toEqual(base);
        expect(pedAnova(cubed, domains)).toEqual(base);
      }),
    );
  });

  it('does not depend on the order of the trials', () => {
    fc.assert(
      fc.property(integerTrials, (rows) => {
        const trials = toTrials(rows);
        expect(pedAnova([...trials].reverse(), domains)).toEqual(pedAnova(trials, domains));
      }),
    );
  });

  it('handles 10,000 trials of 10 parameters quickly', () => {
    const rng = createRng(3);
    const many = Array.from({ length: 10_000 }, () => {
      const vals: Record<string, number> = {};
      for (let p = 0; p < 10; p++) vals[`p${p}`] = rng.uniform(0, 1);
      return { loss: vals.p0! + 0.1 * vals.p1!, vals };
    });
    const ds = Object.fromEntries(
      Array.from({ length: 10 }, (_, p) => [`p${p}`, { kind: 'numeric', low: 0, high: 1 } as ParamDomain]),
    );
    const start = performance.now();
    const rows = pedAnova(many, ds);
    expect(performance.now() - start).toBeLessThan(2000);
    expect(rows[0]!.param).toBe('p0');
    expect(rows[1]!.param).toBe('p1');
  });
});
