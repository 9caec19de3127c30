/**
 * The knobs of the improved TPE variant (IMPROVED.md) and the `TPE_IMPROVED` preset. They are options
 * of `tpe.suggest` like Hyperopt's own, so a run stays describable as `{name: 'tpe', options}`. Their
 * defaults are Hyperopt's behaviour, and with `variant: 'hyperopt'` (the default) the faithful engine
 * runs unchanged; every other knob then has to keep its default (a setting Hyperopt has no notion of
 * is refused rather than silently ignored).
 */
import type { BandwidthRule } from './kernelFit';
import type { GammaSchedule } from './splitAt';

/** Options that only the improved variant reads. */
export type TpeVariantOptions = {
  /** 'hyperopt' (default): Hyperopt 0.2.7 exactly. 'improved': the engine of improvedEngine.ts. */
  variant: 'hyperopt' | 'improved';
  /** n_below = min(ceil(gamma·√N), 25) ('sqrt', Hyperopt) or min(ceil(gamma·N), 25) ('linear', Optuna). */
  gammaSchedule: GammaSchedule;
  /** One joint kernel per group of parameters that are active together (Optuna's multivariate). */
  multivariate: boolean;
  /** Score whole configurations by their l/g over the tree, instead of deciding choices first. */
  treeScoring: boolean;
  /** Conditional groups split their own trials ('local') or follow the global split. */
  groupSplit: 'global' | 'local';
  /** Good trials weigh 1 each ('uniform') or by how far below the threshold their loss is ('ei'). */
  belowWeights: 'uniform' | 'ei';
  /** Kernel widths: Hyperopt's neighbour gaps, Optuna's multivariate rule, or Scott's rule. */
  bandwidth: BandwidthRule;
  /** Exponent α of the magic clip R / min(100, n + 2)^α; 1 is Hyperopt's. */
  clipExponent: number;
};

/** The defaults: Hyperopt's behaviour. */
export const TPE_VARIANT_DEFAULTS: Readonly<TpeVariantOptions> = Object.freeze({
  variant: 'hyperopt',
  gammaSchedule: 'sqrt',
  multivariate: false,
  treeScoring: false,
  groupSplit: 'global',
  belowWeights: 'uniform',
  bandwidth: 'hyperopt',
  clipExponent: 1,
});

const CHOICES: { readonly [K in keyof TpeVariantOptions]?: readonly string[] } = {
  variant: ['hyperopt', 'improved'],
  gammaSchedule: ['sqrt', 'linear'],
  groupSplit: ['global', 'local'],
  belowWeights: ['uniform', 'ei'],
  bandwidth: ['hyperopt', 'optuna', 'scott'],
};

/**
 * Checks the variant knobs.
 *
 * @param fail - reports the first problem (name, value, rule) by throwing.
 */
export function validateVariantOptions(
  options: Readonly<TpeVariantOptions>,
  fail: (name: string, value: unknown, rule: string) => never,
): void {
  for (const [name, allowed] of Object.entries(CHOICES)) {
    const value: unknown = options[name as keyof TpeVariantOptions];
    if (typeof value !== 'string' || !allowed.includes(value)) {
      fail(name, JSON.stringify(value), `one of ${allowed.map((a) => `'${a}'`).join(', ')}`);
    }
  }
  for (const name of ['multivariate', 'treeScoring'] as const) {
    if (typeof options[name] !== 'boolean') fail(name, options[name], 'true or false');
  }
  const { clipExponent } = options;
  // Below 1/2 the clip would widen as data accumulates faster than the data can sharpen it; beyond 4
  // it no longer bounds anything within 100 observations.
  if (typeof clipExponent !== 'number' || !(clipExponent >= 0.5 && clipExponent <= 4)) {
    fail('clipExponent', clipExponent, 'a number in [0.5, 4]');
  }
  if (options.variant === 'hyperopt') {
    for (const key of Object.keys(TPE_VARIANT_DEFAULTS) as (keyof TpeVariantOptions)[]) {
      if (options[key] !== TPE_VARIANT_DEFAULTS[key]) {
        fail(
          key,
          JSON.stringify(options[key]),
          `${JSON.stringify(TPE_VARIANT_DEFAULTS[key])} unless variant is 'improved' (Hyperopt's TPE has no such setting)`,
        );
      }
    }
  }
}

/**
 * The improved TPE as options of `tpe.suggest`: `tpe.suggest.with(TPE_IMPROVED)` (also `tpe.improved`).
 * Optuna's split (10 % of the trials, linear) at a larger fraction with EI weights, 10 startup trials,
 * joint kernels per group, whole-tree scoring, per-branch splits, and the 'believer' liar for trials
 * in flight (each gets its nearest finished trial's loss; inert in serial runs). IMPROVED.md has the reasons and the numbers. Spread it and override what you like: `tpe.suggest.with({...TPE_IMPROVED, gamma: 0.15})`.
 */
export const TPE_IMPROVED = Object.freeze({
  variant: 'improved',
  gamma: 0.2,
  gammaSchedule: 'linear',
  nStartupJobs: 10,
  multivariate: true,
  treeScoring: true,
  groupSplit: 'local',
  belowWeights: 'ei',
  liar: 'believer',
} as const);
