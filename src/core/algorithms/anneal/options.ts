/**
 * The knobs of `anneal.suggest`: hyperopt/anneal.py, `AnnealingAlgo.__init__(domain, trials, seed,
 * avg_best_idx=2.0, shrink_coef=0.1)`, in camelCase.
 */

/** Options of `anneal.suggest` (Hyperopt's keyword arguments of `AnnealingAlgo`). */
export type AnnealOptions = {
  /**
   * Mean of the geometric distribution over the rank (0 = best loss) of the past trial to explore
   * around: the rank is `geometric(1 / avgBestIdx) − 1`, clipped to the history. A number ≥ 1;
   * 1 always picks the best trial. Default 2.
   */
  avgBestIdx: number;
  /**
   * How fast the neighbourhood shrinks with the T observations of a label: its width (or sigma, or the
   * weight of the prior for categorical kinds) is the prior's times 1 / (1 + T·shrinkCoef). A finite
   * number ≥ 0; 0 samples from the prior around the chosen trial's values. Default 0.1.
   */
  shrinkCoef: number;
};

/** Hyperopt's defaults (anneal.py, `AnnealingAlgo.__init__`). */
export const ANNEAL_DEFAULTS: Readonly<AnnealOptions> = Object.freeze({ avgBestIdx: 2, shrinkCoef: 0.1 });

/**
 * Checks both knobs, with a message naming the option and its allowed range.
 *
 * @throws RangeError on the first invalid option.
 */
export function validateAnnealOptions(options: Readonly<AnnealOptions>): void {
  const { avgBestIdx, shrinkCoef } = options;
  const fail = (name: string, value: unknown, rule: string): never => {
    throw new RangeError(`anneal: option ${name} must be ${rule} (got ${String(value)})`);
  };
  // anneal.py draws `rng.geometric(1.0 / avg_best_idx)`; numpy needs 0 < p ≤ 1, i.e. avg_best_idx ≥ 1.
  if (typeof avgBestIdx !== 'number' || !Number.isFinite(avgBestIdx) || !(avgBestIdx >= 1)) {
    fail('avgBestIdx', avgBestIdx, 'a finite number ≥ 1 (the mean rank of the trial to explore around)');
  }
  // A negative coefficient would widen the neighbourhood beyond the prior's range (and make the
  // categorical mixture weights negative), which anneal.py does not guard against either.
  if (typeof shrinkCoef !== 'number' || !Number.isFinite(shrinkCoef) || !(shrinkCoef >= 0)) {
    fail('shrinkCoef', shrinkCoef, 'a finite number ≥ 0');
  }
}
