import { describe, expect, it } from 'vitest';
import { createRng } from '../../random/index';
import {
  CategoricalPosterior,
  forgettingCounts,
  pchoiceProbabilities,
  randintProbabilities,
} from './categorical';

const close = (actual: Float64Array, expected: number[]) => {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => expect(a, `index ${i}`).toBeCloseTo(expected[i]!, 15));
};

describe('categorical posteriors', () => {
  it('randint(3, 7): counts of obs − offset plus prior_weight per value', () => {
    close(randintProbabilities([3, 3, 5], 3, 4, 3, 1, 25), [3 / 7, 1 / 7, 2 / 7, 1 / 7]);
    close(randintProbabilities([3, 3, 5], 3, 4, 3, 0.5, 25), [2.5 / 5, 0.5 / 5, 1.5 / 5, 0.5 / 5]);
    close(randintProbabilities([], 0, 4, 3, 1, 25), [0.25, 0.25, 0.25, 0.25]);
  });

  it('choice: the reference README example, l = [1, 3, 1, 1, 1] / 7', () => {
    close(randintProbabilities([1, 1], 2, 5, 0, 1, 25), [1 / 7, 3 / 7, 1 / 7, 1 / 7, 1 / 7]);
  });

  it('pchoice: pseudo-counts K·prior_weight·p_i', () => {
    // counts [0, 0, 1] + 3·[0.1, 0.2, 0.7] = [0.3, 0.6, 3.1], total 4
    close(pchoiceProbabilities([2], 1, [0.1, 0.2, 0.7], 1, 25), [0.075, 0.15, 0.775]);
    close(pchoiceProbabilities([], 0, [0.1, 0.2, 0.7], 2, 25), [0.1, 0.2, 0.7]);
  });

  it('linear forgetting on counts: beyond 25 observations the oldest weigh less', () => {
    // 30 observations, the oldest is option 1, the rest option 0: option 1 counts 1/30
    const obs = [1, ...Array<number>(29).fill(0)];
    const counts = forgettingCounts(obs, 30, 2, 0, 25);
    expect(counts[1]).toBeCloseTo(1 / 30, 15);
    const ramp = (1 - 1 / 30) / 4;
    expect(counts[0]).toBeCloseTo(1 / 30 + ramp + (1 / 30 + 2 * ramp) + (1 / 30 + 3 * ramp) + 1 + 25, 12);
    expect([...forgettingCounts(obs, 30, 2, 0, 0)]).toEqual([29, 1]);
  });

  it('rejects observations outside the parameter', () => {
    expect(() => forgettingCounts([7], 1, 4, 3, 25)).toThrow(RangeError);
    expect(() => forgettingCounts([0.5], 1, 4, 0, 25)).toThrow(RangeError);
  });

  it('samples and scores values with the offset added back', () => {
    const posterior = new CategoricalPosterior(new Float64Array([0.5, 0.25, 0.25, 0]), 3);
    const rng = createRng(1);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 8000; i++) counts[posterior.sample(rng) - 3]!++;
    expect(counts[3]).toBe(0);
    expect(counts[0]! / 8000).toBeCloseTo(0.5, 1);
    expect(posterior.logPdf(4)).toBeCloseTo(Math.log(0.25), 15);
    expect(posterior.logPdf(6)).toBe(-Infinity);
    expect(posterior.logPdf(9)).toBe(-Infinity);
    expect(posterior.logScore(3)).toBe(posterior.logPdf(3));
  });
});
