/**
 * `tpe.suggest` (tpe.py:829-956) as a SuggestAlgo named 'tpe'.
 */
import type { NewTrial } from '../../trials/types';
import { makeSuggestAlgo } from '../makeSuggestAlgo';
import { rand } from '../rand';
import type { Domain, SuggestAlgo, TrialsView } from '../types';
import { runTpe } from './engine';
import { runImprovedTpe } from './improvedEngine';
import { TPE_VARIANT_DEFAULTS, validateVariantOptions } from './improvedOptions';
import { isTpeLiar, TPE_LIAR_NAMES } from './liar';
import type { TpeOptions } from './types';

const LIAR_RULE = `${TPE_LIAR_NAMES.map((n) => `'${n}'`).join(', ')} or {constant: <finite number>}`;

/** Hyperopt's defaults (tpe.py:780-790 and DEFAULT_LF, tpe.py:29). */
export const TPE_DEFAULTS: Readonly<TpeOptions> = Object.freeze({
  gamma: 0.25,
  nStartupJobs: 20,
  nEICandidates: 24,
  priorWeight: 1,
  linearForgetting: 25,
  liar: 'none',
  ...TPE_VARIANT_DEFAULTS,
});

/**
 * Checks every knob, with a message naming it and its allowed range.
 *
 * @throws RangeError on the first invalid option.
 */
export function validateTpeOptions(options: Readonly<TpeOptions>): void {
  const { gamma, nStartupJobs, nEICandidates, priorWeight, linearForgetting, liar } = options;
  const fail = (name: string, value: unknown, rule: string): never => {
    throw new RangeError(`tpe: option ${name} must be ${rule} (got ${String(value)})`);
  };
  // gamma ≤ 0 would leave "below" empty for every history; above 1 it is still capped at 25 trials,
  // but values beyond 1 are almost certainly a confusion with Optuna's fraction.
  if (typeof gamma !== 'number' || !(gamma > 0 && gamma <= 1)) fail('gamma', gamma, 'a number in (0, 1]');
  if (!Number.isSafeInteger(nStartupJobs) || nStartupJobs < 0)
    fail('nStartupJobs', nStartupJobs, 'an integer ≥ 0');
  if (!Number.isSafeInteger(nEICandidates) || nEICandidates < 1)
    fail('nEICandidates', nEICandidates, 'an integer ≥ 1');
  if (typeof priorWeight !== 'number' || !(priorWeight > 0) || !Number.isFinite(priorWeight)) {
    fail('priorWeight', priorWeight, 'a finite number > 0');
  }
  if (!Number.isSafeInteger(linearForgetting) || linearForgetting < 0) {
    fail('linearForgetting', linearForgetting, 'an integer ≥ 0 (0 disables forgetting)');
  }
  if (!isTpeLiar(liar)) fail('liar', JSON.stringify(liar), `one of ${LIAR_RULE}`);
  validateVariantOptions(options, fail);
}

/**
 * Before `nStartupJobs` trial documents exist (pending and failed ones count), the proposal is
 * `rand.suggest`'s with the same seed, as in Hyperopt (tpe.py:900-902). After that, exactly one trial
 * is proposed per call, for `newIds[0]`, even when more ids are offered (tpe.py:905, 945-956).
 */
function suggestImpl(
  newIds: number[],
  domain: Domain,
  trials: TrialsView,
  seed: number,
  options: Readonly<TpeOptions>,
): NewTrial[] {
  validateTpeOptions(options);
  if (trials.trials.length < options.nStartupJobs) return rand.suggest(newIds, domain, trials, seed);
  const tid = newIds[0];
  if (tid === undefined) return [];
  if (options.variant === 'improved')
    return [{ tid, vals: runImprovedTpe(domain.space, trials.trials, seed, options) }];
  return [{ tid, vals: runTpe(domain.space, trials.trials, seed, options).vals }];
}

/** Makes `.with()` check the merged options at once, so a bad knob fails where it is set. */
function validating(algo: SuggestAlgo<TpeOptions>): SuggestAlgo<TpeOptions> {
  const inner = algo.with.bind(algo);
  return Object.assign(algo, {
    with(partial: Partial<TpeOptions>): SuggestAlgo<TpeOptions> {
      const next = inner(partial);
      validateTpeOptions(next.options);
      return validating(next);
    },
  });
}

/**
 * `tpe.suggest`: the Tree-structured Parzen Estimator with Hyperopt's defaults (gamma 0.25,
 * nStartupJobs 20, nEICandidates 24, priorWeight 1, linearForgetting 25). Use
 * `tpeSuggest.with({gamma: 0.5})` for Hyperopt's `partial(tpe.suggest, gamma=0.5)`.
 */
export const tpeSuggest: SuggestAlgo<TpeOptions> = validating(
  makeSuggestAlgo<TpeOptions>('tpe', { ...TPE_DEFAULTS }, suggestImpl),
);
