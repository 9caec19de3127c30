/**
 * Hyperopt's `hyperopt.tpe` module: the Tree-structured Parzen Estimator (Bergstra et al., 2011) with
 * Hyperopt 0.2.7's exact semantics, and `explainTpe` for teaching views.
 */
import { registerAlgo } from '../registry';
import { TPE_IMPROVED } from './improvedOptions';
import { tpeSuggest } from './suggest';

registerAlgo(tpeSuggest);

/**
 * Hyperopt's `hyperopt.tpe` module: `tpe.suggest`; beyond Hyperopt, `tpe.improved` =
 * `tpe.suggest.with(TPE_IMPROVED)` (IMPROVED.md), whose spec is `{name: 'tpe', options}`.
 */
export const tpe = { suggest: tpeSuggest, improved: tpeSuggest.with(TPE_IMPROVED) } as const;

export { explainTpe } from './explain';
export type {
  CategoricalLabelExplanation,
  MixtureExplanation,
  NumericLabelExplanation,
  TpeExplanation,
} from './explain';
export type { ImprovedLabelExplanation, MarginalExplanation } from './explainImproved';
export { TPE_DEFAULTS, validateTpeOptions } from './suggest';
export type { TpeOptions } from './types';
export { TPE_IMPROVED, TPE_VARIANT_DEFAULTS } from './improvedOptions';
export type { TpeVariantOptions } from './improvedOptions';
export { TPE_LIAR_NAMES } from './liar';
export type { TpeLiar } from './liar';
