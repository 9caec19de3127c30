/**
 * Hyperopt's `hyperopt.tpe` module: the Tree-structured Parzen Estimator (Bergstra et al., 2011) with
 * Hyperopt 0.2.7's exact semantics, and `explainTpe` for teaching views.
 */
import { registerAlgo } from '../registry';
import { tpeSuggest } from './suggest';

registerAlgo(tpeSuggest);

/** Hyperopt's `hyperopt.tpe` module: `tpe.suggest`. */
export const tpe = { suggest: tpeSuggest } as const;

export { explainTpe } from './explain';
export type {
  CategoricalLabelExplanation,
  MixtureExplanation,
  NumericLabelExplanation,
  TpeExplanation,
} from './explain';
export { TPE_DEFAULTS, validateTpeOptions } from './suggest';
export type { TpeOptions } from './types';
export { TPE_LIAR_NAMES } from './liar';
export type { TpeLiar } from './liar';
