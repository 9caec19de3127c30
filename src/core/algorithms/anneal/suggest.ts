/**
 * `anneal.suggest` (hyperopt/anneal.py, `suggest`) as a SuggestAlgo named 'anneal'.
 */
import type { NewTrial } from '../../trials/types';
import { makeSuggestAlgo } from '../makeSuggestAlgo';
import type { Domain, SuggestAlgo, TrialsView } from '../types';
import { runAnneal } from './engine';
import { ANNEAL_DEFAULTS, validateAnnealOptions } from './options';
import type { AnnealOptions } from './options';

/**
 * anneal.py's `suggest` unpacks `new_id, = new_ids` and proposes that one trial. Here, as the TPE
 * port does, one trial is proposed for `newIds[0]` even when more ids are offered (Hyperopt would
 * raise); fmin asks again for the rest. No ids, no proposal.
 */
function suggestImpl(
  newIds: number[],
  domain: Domain,
  trials: TrialsView,
  seed: number,
  options: Readonly<AnnealOptions>,
): NewTrial[] {
  validateAnnealOptions(options);
  const tid = newIds[0];
  if (tid === undefined) return [];
  return [{ tid, vals: runAnneal(domain.space, trials.trials, seed, tid, options) }];
}

/** Makes `.with()` check the merged options at once, so a bad knob fails where it is set. */
function validating(algo: SuggestAlgo<AnnealOptions>): SuggestAlgo<AnnealOptions> {
  const inner = algo.with.bind(algo);
  return Object.assign(algo, {
    with(partial: Partial<AnnealOptions>): SuggestAlgo<AnnealOptions> {
      const next = inner(partial);
      validateAnnealOptions(next.options);
      return validating(next);
    },
  });
}

/**
 * `anneal.suggest`: Hyperopt's annealing with its defaults (avgBestIdx 2, shrinkCoef 0.1). Use
 * `annealSuggest.with({shrinkCoef: 0.3})` for `partial(anneal.suggest, shrink_coef=0.3)`.
 */
export const annealSuggest: SuggestAlgo<AnnealOptions> = validating(
  makeSuggestAlgo<AnnealOptions>('anneal', { ...ANNEAL_DEFAULTS }, suggestImpl),
);
