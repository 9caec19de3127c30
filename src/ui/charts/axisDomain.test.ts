import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extent, linearAxis, logAxis, sameAxis } from './axisDomain';

describe('axis domains for the point charts', () => {
  it('widens a linear range to round ticks that cover it', () => {
    expect(linearAxis([0, 9999])).toEqual({ domain: [0, 10000], ticks: [0, 2000, 4000, 6000, 8000, 10000] });
    expect(linearAxis([0.013, 0.97]).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(linearAxis([-10, 10]).domain).toEqual([-10, 10]);
  });

  it('gives a single value a margin, and no data a unit range', () => {
    expect(linearAxis([5, 5]).domain[0]).toBeLessThan(5);
    expect(linearAxis([5, 5]).domain[1]).toBeGreaterThan(5);
    expect(linearAxis(undefined).domain).toEqual([0, 1]);
  });

  it('covers any finite range with at most a dozen ascending ticks', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        (lo, span) => {
          const { domain, ticks } = linearAxis([lo, lo + span]);
          const slack = 1e-9 * Math.max(1, Math.abs(lo) + span);
          expect(domain[0]).toBeLessThanOrEqual(lo + slack);
          expect(domain[1]).toBeGreaterThanOrEqual(lo + span - slack);
          expect(ticks.length).toBeGreaterThanOrEqual(2);
          expect(ticks.length).toBeLessThanOrEqual(12);
          ticks.slice(1).forEach((t, i) => expect(t).toBeGreaterThan(ticks[i]!));
        },
      ),
    );
  });

  it('widens a positive range to powers of ten on a log axis', () => {
    expect(logAxis([0.003, 42])).toEqual({ domain: [0.001, 100], ticks: [0.001, 0.01, 0.1, 1, 10, 100] });
    expect(logAxis([2, 3]).domain).toEqual([1, 10]);
    expect(logAxis([1e-12, 1e12]).ticks.length).toBeLessThanOrEqual(8);
    // Seven decades at every second power: the top is two decades above the tick below it too.
    expect(logAxis([2e-4, 900]).ticks).toEqual([1e-4, 0.01, 1, 100, 10000]);
  });

  it('finds the extent of finite values only', () => {
    expect(extent([3, NaN, -1, Infinity, 7], (v) => v)).toEqual([-1, 7]);
    expect(extent([] as number[], (v) => v)).toBeUndefined();
    expect(
      extent(
        [0, 2, 5],
        (v) => v,
        (v) => v > 0,
      ),
    ).toEqual([2, 5]);
  });

  it('compares axes by value', () => {
    expect(sameAxis(linearAxis([0, 9]), linearAxis([0.5, 9.5]))).toBe(true);
    expect(sameAxis(linearAxis([0, 9]), linearAxis([0, 11]))).toBe(false);
  });
});
