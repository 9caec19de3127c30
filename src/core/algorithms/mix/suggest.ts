/**
 * `mix.suggest` (hyperopt/mix.py) as a SuggestAlgo named 'mix'.
 */
import { createRng } from '../../random';
import type { NewTrial } from '../../trials/types';
import { makeSuggestAlgo } from '../makeSuggestAlgo';
import type { Domain, SuggestAlgo, TrialsView } from '../types';
import { freezePSuggest, MIX_DEFAULTS, validateMixOptions } from './options';
import type { MixOptions, ResolvedMix } from './options';

/** Resolved mixtures by their (frozen) pSuggest array, so a run resolves its mixture once. */
const resolved = new WeakMap<object, ResolvedMix>();

function resolve(options: Readonly<MixOptions>): ResolvedMix {
  const key = options.pSuggest;
  let mix = resolved.get(key);
  if (mix === undefined) {
    mix = validateMixOptions(options);
    // Only frozen arrays are cached: a mutable one could change between calls.
    if (Object.isFrozen(key)) resolved.set(key, mix);
  }
  return mix;
}

/**
 * mix.py: `rng = np.random.default_rng(seed)`; `idx = rng.multinomial(n=1, pvals=ps).argmax()`
 * (one categorical draw); then `suggests[idx](new_ids, domain, trials, seed=rng.integers(2 ** 31))`
 * — the chosen algorithm gets a fresh seed in [0, 2³¹) drawn from the same generator.
 */
function suggestImpl(
  newIds: number[],
  domain: Domain,
  trials: TrialsView,
  seed: number,
  options: Readonly<MixOptions>,
): NewTrial[] {
  const { ps, algos } = resolve(options);
  const rng = createRng(seed);
  const idx = rng.categorical(ps);
  const subSeed = rng.integers(0, 2 ** 31);
  return algos[idx]!(newIds, domain, trials, subSeed);
}

/**
 * Makes `.with()` copy and freeze the new pSuggest and check it at once (probabilities, names and
 * options of the sub-algorithms), so a bad mixture fails where it is set.
 */
function validating(algo: SuggestAlgo<MixOptions>): SuggestAlgo<MixOptions> {
  const inner = algo.with.bind(algo);
  return Object.assign(algo, {
    with(partial: Partial<MixOptions>): SuggestAlgo<MixOptions> {
      const copy: Partial<MixOptions> = { ...partial };
      if (Array.isArray(partial.pSuggest)) copy.pSuggest = freezePSuggest(partial.pSuggest);
      const next = inner(copy);
      validateMixOptions(next.options);
      return validating(next);
    },
  });
}

/**
 * `mix.suggest`: each call delegates to one algorithm of `pSuggest`, chosen at random with its
 * probability. Hyperopt's `partial(mix.suggest, p_suggest=[(.1, rand.suggest), (.2,
 * anneal.suggest), (.7, tpe.suggest)])` is `mixSuggest.with({pSuggest: [[0.1, 'rand'], [0.2,
 * 'anneal'], [0.7, 'tpe']]})` (also the default); an entry may carry options:
 * `[0.5, {name: 'tpe', options: {gamma: 0.5}}]`.
 */
export const mixSuggest: SuggestAlgo<MixOptions> = validating(
  makeSuggestAlgo<MixOptions>('mix', { pSuggest: MIX_DEFAULTS.pSuggest }, suggestImpl),
);
