import { describe, expect, it } from 'vitest';
import { createRng } from '../../random/index';
import { splitTrials } from './split';
import type { TrialHistory } from './split';
import { belowCountFor, splitAt } from './splitAt';

// The improved TPE's split: Hyperopt's √N schedule or Optuna's linear one, and the same ordering as
// the faithful split (ascending loss, NaN last, ties in tid order).

const history = (losses: number[]): TrialHistory => ({
  docs: [],
  tids: Float64Array.from(losses, (_, i) => i),
  losses: Float64Array.from(losses),
});

describe('belowCountFor', () => {
  it("is Hyperopt's min(ceil(γ√N), 25) or Optuna's min(ceil(γN), 25)", () => {
    expect([20, 100, 1000, 10_000].map((n) => belowCountFor('sqrt', n, 0.25))).toEqual([2, 3, 8, 25]);
    expect([10, 11, 99, 100, 250, 251, 5000].map((n) => belowCountFor('linear', n, 0.1))).toEqual([
      1, 2, 10, 10, 25, 25, 25,
    ]);
    expect(belowCountFor('linear', 100, 0.2)).toBe(20);
  });
});

describe('splitAt', () => {
  it('takes the n best, NaN last, equal losses in tid order', () => {
    const s = splitAt(history([3, NaN, 1, 2, 1, Infinity]), 3);
    expect(Array.from(s.belowByLoss)).toEqual([2, 4, 3]);
    expect(Array.from(s.belowPositions)).toEqual([2, 3, 4]);
    expect(Array.from(s.isBelow)).toEqual([0, 0, 1, 1, 1, 0]);
    expect(Array.from(splitAt(history([NaN, 5]), 2).belowByLoss)).toEqual([1, 0]);
    expect(splitAt(history([1, 2]), 5).belowByLoss.length).toBe(2);
    expect(splitAt(history([1, 2]), 0).belowByLoss.length).toBe(0);
  });

  it("agrees with the faithful splitTrials on Hyperopt's schedule", () => {
    const rng = createRng(9);
    for (let t = 0; t < 200; t++) {
      const n = rng.integers(0, 300);
      const losses = Array.from({ length: n }, () => {
        const u = rng.random();
        return u < 0.05 ? NaN : u < 0.1 ? Infinity : Math.round(rng.normal(0, 3) * 4) / 4; // ties too
      });
      const h = history(losses);
      const ours = splitAt(h, belowCountFor('sqrt', n, 0.25));
      const faithful = splitTrials(h, 0.25);
      expect(Array.from(ours.belowByLoss)).toEqual(Array.from(faithful.belowByLoss));
      expect(Array.from(ours.isBelow)).toEqual(Array.from(faithful.isBelow));
    }
  });
});
