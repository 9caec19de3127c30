import { describe, expect, it } from 'vitest';
import { adaptiveParzenNormal, linearForgettingWeights, parzenFromSorted } from './parzen';
import type { Mixture } from './parzen';

/** The mixture as plain arrays, for toEqual/toBeCloseTo comparisons. */
function plain(m: Mixture) {
  return { weights: [...m.weights], mus: [...m.mus], sigmas: [...m.sigmas], priorIndex: m.priorIndex };
}

function expectClose(actual: number[], expected: number[]) {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => expect(a, `index ${i}`).toBeCloseTo(expected[i]!, 14));
}

// Hand-computed from adaptive_parzen_normal (tpe.py:392-459). uniform(-5, 10) has prior
// N(2.5, 15); normal(0, 10) has prior N(0, 10).
describe('adaptiveParzenNormal', () => {
  it('0 observations: the prior alone', () => {
    expect(plain(adaptiveParzenNormal([], 0, 1, 2.5, 15))).toEqual({
      weights: [1],
      mus: [2.5],
      sigmas: [15],
      priorIndex: 0,
    });
  });

  it('1 observation: prior sigma and half of it; the prior goes first only when strictly below', () => {
    expect(plain(adaptiveParzenNormal([3], 1, 1, 2.5, 15))).toEqual({
      weights: [0.5, 0.5],
      mus: [2.5, 3],
      sigmas: [15, 7.5],
      priorIndex: 0,
    });
    expect(plain(adaptiveParzenNormal([2], 1, 1, 2.5, 15))).toEqual({
      weights: [0.5, 0.5],
      mus: [2, 2.5],
      sigmas: [7.5, 15],
      priorIndex: 1,
    });
    expect(adaptiveParzenNormal([2.5], 1, 1, 2.5, 15).priorIndex).toBe(1);
    // prior weight 3 of a total 4
    expect([...adaptiveParzenNormal([3], 1, 3, 2.5, 15).weights]).toEqual([0.75, 0.25]);
  });

  it('2 observations: neighbour gaps clipped up to prior_sigma / (1 + 3)', () => {
    // sorted [0, 4], prior at searchsorted = 1; raw sigmas [2.5, 2.5, 1.5] -> clip at 3.75; prior 15
    const m = plain(adaptiveParzenNormal([4, 0], 2, 1, 2.5, 15));
    expect(m.mus).toEqual([0, 2.5, 4]);
    expect(m.sigmas).toEqual([3.75, 15, 3.75]);
    expectClose(m.weights, [1 / 3, 1 / 3, 1 / 3]);
    expect(m.priorIndex).toBe(1);
  });

  it('several observations: interior sigma is the larger gap, ends take their only gap', () => {
    // sorted [-3, 1, 5, 8] with the prior 0 at index 1: mus [-3, 0, 1, 5, 8]
    // gaps 3, 1, 4, 3 -> sigmas [3, max(3,1), max(1,4), max(4,3), 3]; min 10/6 and max 10 do not bite
    const m = plain(adaptiveParzenNormal([-3, 5, 1, 8], 4, 1, 0, 10));
    expect(m.mus).toEqual([-3, 0, 1, 5, 8]);
    expect(m.sigmas).toEqual([3, 10, 4, 4, 3]);
    expectClose(m.weights, [0.2, 0.2, 0.2, 0.2, 0.2]);
  });

  it('clips to prior_sigma from above and to prior_sigma / min(100, n + 2) from below', () => {
    expect([...adaptiveParzenNormal([-30, 40], 2, 1, 0, 10).sigmas]).toEqual([10, 10, 10]);
    const dense = Array.from({ length: 300 }, (_, i) => i * 1e-6);
    const m = adaptiveParzenNormal(dense, 300, 1, 0, 10, 0);
    expect(Math.min(...m.sigmas)).toBe(10 / 100); // 1 + 301 components > 100: the floor is sigma/100
    expect(m.sigmas[m.priorIndex]).toBe(10);
  });

  it('inserts the prior before observations equal to its mean (searchsorted, side left)', () => {
    const m = adaptiveParzenNormal([2.5, 2.5, 1], 3, 1, 2.5, 15);
    expect([...m.mus]).toEqual([1, 2.5, 2.5, 2.5]);
    expect(m.priorIndex).toBe(1);
    expect(m.sigmas[1]).toBe(15);
  });

  it('linear forgetting: with n > 25 the oldest observations get ramp weights, by age not by value', () => {
    // 26 observations in tid order with values 25, 24, …, 0: the oldest (value 25) weighs 1/26.
    const obs = Array.from({ length: 26 }, (_, i) => 25 - i);
    const m = adaptiveParzenNormal(obs, 26, 1, -1, 100);
    expect(m.priorIndex).toBe(0);
    const total = 1 + 1 / 26 + 25;
    expect(m.weights[0]).toBeCloseTo(1 / total, 15);
    expect(m.weights[26]).toBeCloseTo(1 / 26 / total, 15); // value 25 is the last component
    for (let k = 1; k < 26; k++) expect(m.weights[k]).toBeCloseTo(1 / total, 15);
    // linearForgetting 0 turns it off
    const flat = adaptiveParzenNormal(obs, 26, 1, -1, 100, 0);
    for (let k = 0; k < 27; k++) expect(flat.weights[k]).toBeCloseTo(1 / 27, 15);
  });
});

describe('linearForgettingWeights', () => {
  it('is linear_forgetting_weights(N, 25)', () => {
    expect([...linearForgettingWeights(0, 25)]).toEqual([]);
    expect([...linearForgettingWeights(25, 25)]).toEqual(Array<number>(25).fill(1));
    expect([...linearForgettingWeights(26, 25)]).toEqual([1 / 26, ...Array<number>(25).fill(1)]);
    // np.linspace(1/30, 1, 5) then 25 ones
    const w = [...linearForgettingWeights(30, 25)];
    const step = (1 - 1 / 30) / 4;
    expectClose(w.slice(0, 5), [1 / 30, 1 / 30 + step, 1 / 30 + 2 * step, 1 / 30 + 3 * step, 1]);
    expect(w.slice(5)).toEqual(Array<number>(25).fill(1));
    expect([...linearForgettingWeights(30, 0)]).toEqual(Array<number>(30).fill(1));
  });
});

describe('parzenFromSorted', () => {
  it('is adaptiveParzenNormal without the sort, inserting the prior in place', () => {
    const sorted = new Float64Array([-3, 1, 5, 8, 0]);
    const weights = new Float64Array([1, 1, 1, 1, 0]);
    expect(plain(parzenFromSorted(sorted, weights, 4, 1, 0, 10))).toEqual(
      plain(adaptiveParzenNormal([-3, 5, 1, 8], 4, 1, 0, 10)),
    );
    expect(() => parzenFromSorted(new Float64Array(4), new Float64Array(4), 4, 1, 0, 10)).toThrow(RangeError);
  });
});
