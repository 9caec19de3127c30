/**
 * Random search: hyperopt/rand.py:suggest. One generator per call, seeded with the seed fmin
 * passes (`np.random.default_rng(seed)` there), drawing every new trial from the prior in turn.
 * The history is ignored.
 */
import { createRng } from '../random';
import { sampleVals } from '../space';
import type { NewTrial } from '../trials/types';
import { makeSuggestAlgo } from './makeSuggestAlgo';
import { registerAlgo } from './registry';

/** `rand.suggest`: a SuggestAlgo named 'rand' without options. */
const suggest = makeSuggestAlgo('rand', {}, (newIds, domain, _trials, seed): NewTrial[] => {
  const rng = createRng(seed);
  const out: NewTrial[] = new Array<NewTrial>(newIds.length);
  for (let i = 0; i < newIds.length; i++) out[i] = { tid: newIds[i]!, vals: sampleVals(domain.space, rng) };
  return out;
});

registerAlgo(suggest);

/** Hyperopt's `hyperopt.rand` module: `rand.suggest`. */
export const rand = { suggest } as const;
