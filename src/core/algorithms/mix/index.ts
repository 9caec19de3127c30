/**
 * Hyperopt's `hyperopt.mix` module: a random mixture of suggest algorithms (hyperopt/mix.py).
 * The default mixture names rand, anneal and tpe, so their modules are loaded (and registered) here.
 */
import '../rand';
import '../anneal/index';
import '../tpe/index';
import { registerAlgo } from '../registry';
import { mixSuggest } from './suggest';

registerAlgo(mixSuggest);

/** Hyperopt's `hyperopt.mix` module: `mix.suggest`. */
export const mix = { suggest: mixSuggest } as const;

export { MIX_DEFAULTS, validateMixOptions } from './options';
export type { MixAlgoRef, MixEntry, MixOptions, ResolvedMix } from './options';
