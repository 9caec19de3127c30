/**
 * Hyperopt's `hyperopt.anneal` module: annealing, a variant of random search that samples ever
 * closer to the best trials seen (hyperopt/anneal.py, `AnnealingAlgo`).
 */
import { registerAlgo } from '../registry';
import { annealSuggest } from './suggest';

registerAlgo(annealSuggest);

/** Hyperopt's `hyperopt.anneal` module: `anneal.suggest`. */
export const anneal = { suggest: annealSuggest } as const;

export { ANNEAL_DEFAULTS, validateAnnealOptions } from './options';
export type { AnnealOptions } from './options';
