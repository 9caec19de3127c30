import { describe, expect, it } from 'vitest';
import { makeSuggestAlgo } from '../algorithms/makeSuggestAlgo';
import { rand } from '../algorithms/rand';
import { getRegisteredAlgo, registerAlgo } from '../algorithms/registry';
import { hp } from '../space';
import { fmin } from './fmin';

// Own file: registering a stand-in 'tpe' must not leak into other tests (vitest isolates files).
describe('fmin default algorithm', () => {
  it("uses rand until a 'tpe' is registered, then tpe (Hyperopt's default)", async () => {
    const space = { x: hp.uniform('x', 0, 1) };
    expect(getRegisteredAlgo('tpe')).toBeUndefined();
    const used: string[] = [];
    await fmin({ fn: () => 1, space, maxEvals: 1, seed: 1, onTrialEnd: () => used.push('rand?') });
    const tpeStandIn = makeSuggestAlgo(
      'tpe',
      {},
      (ids, domain, trials, seed) => (used.push('tpe'), rand.suggest(ids, domain, trials, seed)),
    );
    registerAlgo(tpeStandIn);
    await fmin({ fn: () => 1, space, maxEvals: 2, seed: 1 });
    expect(used).toEqual(['rand?', 'tpe', 'tpe']);
  });
});
