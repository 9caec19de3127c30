import { describe, expect, it } from 'vitest';
import { createRng } from '../random';
import { compileSpace, hp, sampleVals } from '../space';
import { Trials } from '../trials/trials';
import { rand } from './rand';
import type { Domain } from './types';

const space = compileSpace({
  kind: hp.choice('kind', [
    { a: hp.uniform('x', -5, 5) },
    { b: hp.loguniform('y', 0, 2), n: hp.quniform('n', 1, 10, 1) },
  ]),
});
const domain: Domain = { space };
const trials = new Trials();

describe('rand.suggest (hyperopt/rand.py)', () => {
  it('proposes one trial per new id, with the active labels only', () => {
    const out = rand.suggest([3, 4, 5], domain, trials, 7);
    expect(out.map((t) => t.tid)).toEqual([3, 4, 5]);
    for (const { vals } of out) {
      expect(Object.keys(vals).sort()).toEqual(vals['kind'] === 0 ? ['kind', 'x'] : ['kind', 'n', 'y']);
    }
  });

  it('draws every trial of a call from one generator seeded with the seed', () => {
    const rng = createRng(11);
    const expected = [sampleVals(space, rng), sampleVals(space, rng)];
    expect(rand.suggest([0, 1], domain, trials, 11).map((t) => t.vals)).toEqual(expected);
  });

  it('is reproducible for a seed and differs between seeds', () => {
    const a = rand.suggest([0, 1, 2, 3], domain, trials, 1);
    expect(rand.suggest([0, 1, 2, 3], domain, trials, 1)).toEqual(a);
    expect(rand.suggest([0, 1, 2, 3], domain, trials, 2)).not.toEqual(a);
  });

  it('returns nothing for no ids', () => {
    expect(rand.suggest([], domain, trials, 1)).toEqual([]);
  });

  it('is a SuggestAlgo named rand without options', () => {
    expect(rand.suggest.algoName).toBe('rand');
    expect(rand.suggest.options).toEqual({});
    const again = rand.suggest.with({});
    expect(again.algoName).toBe('rand');
    expect(again([0, 1], domain, trials, 5)).toEqual(rand.suggest([0, 1], domain, trials, 5));
    expect(() => rand.suggest.with({ gamma: 0.5 } as never)).toThrow(
      /Unknown option "gamma" for algorithm "rand" \(known options: none\)/,
    );
  });
});
