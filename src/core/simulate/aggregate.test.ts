import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestAtTimes, bestSoFar, strideIndices, timeGrid } from './curves';
import { bands, quantileSorted, summarize } from './quantiles';
import { edf, rankSummaries, ranksWithTies } from './raceStats';

describe('quantiles and bands', () => {
  it('interpolates like numpy.percentile', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantileSorted([7], 0.75)).toBe(7);
    expect(() => quantileSorted([], 0.5)).toThrow(RangeError);
    expect(summarize([4, 1, 3, 2])).toEqual({ median: 2.5, q25: 1.75, q75: 3.25, min: 1, max: 4, mean: 2.5 });
  });

  it('gives the median and the 25-75 % band per x, only where every run has a value', () => {
    const runs = [
      [undefined, 5, 3],
      [4, 4, 2],
      [6, 2, 1],
      [8, 1, 0],
    ];
    const out = bands([10, 20, 30], runs.length, (r, i) => runs[r]![i]);
    expect(out).toEqual([
      { x: 20, median: 3, lo: 1.75, hi: 4.25 },
      { x: 30, median: 1.5, lo: 0.75, hi: 2.25 },
    ]);
  });

  it('keeps lo ≤ median ≤ hi', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), { minLength: 3, maxLength: 3 }), {
          minLength: 1,
          maxLength: 9,
        }),
        (runs) => {
          for (const p of bands([0, 1, 2], runs.length, (r, i) => runs[r]![i])) {
            expect(p.lo).toBeLessThanOrEqual(p.median);
            expect(p.median).toBeLessThanOrEqual(p.hi);
          }
        },
      ),
    );
  });
});

describe('curves', () => {
  it('tracks the best so far by trial and by time', () => {
    expect(bestSoFar([3, 4, 1, 2])).toEqual([3, 3, 1, 1]);
    const trace = { losses: [3, 4, 1, 2], times: [1, 1, 2.5, 4], makespan: 4 };
    expect(bestAtTimes(trace, [0, 1, 2, 2.5, 10])).toEqual([undefined, 3, 3, 1, 1]);
    expect(timeGrid(4, 5)).toEqual([0, 1, 2, 3, 4]);
  });

  it('strides indices evenly with both ends', () => {
    expect(strideIndices(5, 10)).toEqual([0, 1, 2, 3, 4]);
    const picks = strideIndices(1000, 160);
    expect(picks.length).toBe(160);
    expect(picks[0]).toBe(0);
    expect(picks.at(-1)).toBe(999);
    expect(picks.every((v, i) => i === 0 || v > picks[i - 1]!)).toBe(true);
  });
});

describe('race statistics', () => {
  it('steps the EDF once per distinct value', () => {
    expect(edf([0.3, 0.1, 0.3, 0.2])).toEqual([
      { x: 0.1, p: 0.25 },
      { x: 0.2, p: 0.5 },
      { x: 0.3, p: 1 },
    ]);
    expect(edf([])).toEqual([]);
  });

  it('shares ranks between ties', () => {
    expect(ranksWithTies([0.5, 0.1, 0.5, 0.9])).toEqual([2.5, 1, 2.5, 4]);
    expect(ranksWithTies([1, 1, 1])).toEqual([2, 2, 2]);
  });

  it('ranks always sum to n(n+1)/2', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 8 }), (values) => {
        const sum = ranksWithTies(values).reduce((s, r) => s + r, 0);
        expect(sum).toBeCloseTo((values.length * (values.length + 1)) / 2, 9);
      }),
    );
  });

  it('averages ranks over seeds and counts wins, a tie for first counting for each', () => {
    const finals = [
      [1, 5, 2],
      [2, 5, 1],
      [3, 4, 3],
    ];
    // seed 0: 1,2,3; seed 1: 2.5,2.5,1; seed 2: 2,1,3
    expect(rankSummaries(finals)).toEqual([
      { meanRank: (1 + 2.5 + 2) / 3, wins: 1 },
      { meanRank: (2 + 2.5 + 1) / 3, wins: 1 },
      { meanRank: (3 + 1 + 3) / 3, wins: 1 },
    ]);
    expect(rankSummaries([[1], [1]])).toEqual([
      { meanRank: 1.5, wins: 1 },
      { meanRank: 1.5, wins: 1 },
    ]);
    expect(() => rankSummaries([[1, 2], [1]])).toThrow(RangeError);
  });
});
